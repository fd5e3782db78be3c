"""Pathological inputs (issue 20): long runs of quote marks, repeated sentences, long pages.

Only behaviour is asserted here (quotes still found, tokens and offsets kept, a refusal is one
per-record error and the batch goes on, indexed speaker coreference equal to the all-pairs one);
the CPU-seconds and memory are measured by ``benchmarks/pathological.py``, never in a test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cronicar.analyze import budget
from cronicar.analyze.budget import TooComplex, article_budget
from cronicar.analyze.nlp import LONG_RUN, RunSafeTokenizer
from cronicar.analyze.pipeline import analyze
from cronicar.analyze.quotes.coref import Resolver, close_word
from cronicar.analyze.quotes.direct import find_marked
from cronicar.analyze.quotes.lexicon import load
from cronicar.model import DocDate

LEAD = "Ministrul a declarat luni că „bugetul va fi gata în martie”. "
TAIL = " Premierul a spus marți că „deficitul va scădea”, potrivit Agerpres."

RUNS = [
    pytest.param('"' * 20_000, id="ascii-quotes"),
    pytest.param("„" * 20_000, id="low-quotes"),
    pytest.param("«" * 5_000 + "»" * 3, id="guillemets"),
    pytest.param("„a " * 3_000, id="spaced-openers"),
]


@pytest.mark.parametrize("run", RUNS)
def test_quotes_direct_marks_found_around_a_long_run(run: str) -> None:
    text = LEAD + run + TAIL
    contents = [text[m.start:m.end] for m in find_marked(text)]
    assert "bugetul va fi gata în martie" in contents
    assert "deficitul va scădea" in contents


@pytest.mark.parametrize("run", RUNS[:2])
def test_pipeline_long_run_of_quote_marks_keeps_its_quotes(run: str) -> None:
    text = LEAD + run + TAIL
    a = analyze(text, DocDate.parse("2024-05-14"), "ro")
    said = {text[q.content[0]:q.content[1]] for q in a.quotes}
    assert "bugetul va fi gata în martie" in said
    assert "deficitul va scădea" in said
    assert a.text == text


@pytest.mark.parametrize("text", [
    LEAD + '"' * (LONG_RUN + 1) + TAIL,
    "x" * 1000 + " și „" * 3 + "„" * 700 + "\n\n" + TAIL,
    "https://example.com/" + "a/" * 400 + " " + LEAD,
])
def test_nlp_run_safe_tokenizer_keeps_every_character(nlp_ro, text: str) -> None:
    doc = nlp_ro.tokenizer(text)
    assert doc.text == text
    assert all(doc.text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert max(len(t.text) for t in doc) <= 256


def test_nlp_run_safe_tokenizer_same_tokens_without_long_runs(nlp_ro, seed_analyses) -> None:
    wrapped = nlp_ro.tokenizer
    assert isinstance(wrapped, RunSafeTokenizer)
    texts = [art.text for art, _ in seed_analyses]
    texts.append(LEAD + '"' * LONG_RUN + " https://www.zf.ro/" + "a" * 200 + ".html" + TAIL)  # runs up to the limit
    for text in texts:
        assert [(t.idx, t.text) for t in wrapped(text)] == [(t.idx, t.text) for t in wrapped.tokenizer(text)]


def _fullest_all_pairs(resolver: Resolver, text: str) -> str:
    """fullest() as it was before names were indexed: every name against every other."""
    words = text.split()
    if not words:
        return text
    best = text
    for n in resolver.names:
        nw = n.text.split()
        if len(nw) > len(best.split()) and len(nw) <= 4 and all(any(close_word(w, x) for x in nw) for w in words):
            if close_word(words[-1], nw[-1]) or close_word(words[0], nw[0]):
                best = n.text
    return best


def _zf_page(shared: Path, chars: int) -> str:
    pq = pytest.importorskip("pyarrow.parquet")
    path = sorted((shared / "data" / "ro" / "news-zf").glob("*.parquet"))[0]
    out: list[str] = []
    for rec in pq.read_table(path, columns=["article_text"]).to_pylist():
        if sum(len(t) for t in out) >= chars:
            break
        if rec["article_text"]:
            out.append(rec["article_text"].strip())
    return "\n\n".join(out)


def test_quotes_coref_indexed_fullest_same_as_all_pairs(nlp_ro, shared) -> None:
    text = _zf_page(shared, 15_000)
    resolver = Resolver(nlp_ro(text), load("ro"), True)
    names = {n.text for n in resolver.names}
    assert len(names) > 30
    # every name, and every single word of a name ("Lavrov" -> "Serghei Lavrov")
    asked = names | {w for n in names for w in n.split()}
    got = {t: resolver.fullest(t) for t in sorted(asked)}
    assert got == {t: _fullest_all_pairs(resolver, t) for t in sorted(asked)}
    assert any(full != t for t, full in got.items())  # the text has short forms to resolve


def test_budget_check_raises_once_spent() -> None:
    with article_budget(cpu_seconds=-1.0):
        with pytest.raises(TooComplex, match="article too complex: more than -1 CPU-seconds"):
            budget.check("quotes")
    with article_budget(cpu_seconds=60.0, memory_mb=-1.0):
        with pytest.raises(TooComplex, match="MB of memory"):
            budget.check("quotes")
    budget.check("quotes")  # outside an article: no budget, no refusal


def test_ingest_article_over_budget_is_one_record_error(tmp_path: Path, shared, monkeypatch) -> None:
    from cronicar.cli import main

    long_text = _zf_page(shared, 60_000)  # parsed in chunks: the budget is checked while parsing
    assert len(long_text) > 50_000
    short = "Ministrul Finanțelor a declarat luni că „deficitul va scădea anul viitor”."
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"text": short, "date": "2024-05-13"},
        {"text": long_text, "date": "2024-05-14"},
        {"text": short + " Apoi a plecat.", "date": "2024-05-15"},
    ]) + "\n", encoding="utf-8")
    real_check = budget.Budget.check

    def over_while_parsing(self: budget.Budget, where: str) -> None:
        # what an article too costly to parse meets, without waiting seconds for it
        if where == "parsing":
            self.cpu_seconds = -1.0
        real_check(self, where)

    monkeypatch.setattr(budget.Budget, "check", over_while_parsing)
    db = tmp_path / "c.db"
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["ingest", str(batch), "--db", str(db)])
    assert code == 2
    lines = [ln for ln in err.getvalue().splitlines() if "too complex" in ln]
    assert lines == [f"error: {batch}:2: article too complex: more than -1 CPU-seconds (stopped in parsing)"]
    assert "Traceback" not in err.getvalue()
    from cronicar.store.db import Store

    store = Store(db)
    n = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n == 2
    assert store.conn.execute("SELECT count(*) FROM articles WHERE length(text) > 50000").fetchone()[0] == 0


def test_link_repeated_sentence_is_one_event(tmp_path: Path) -> None:
    from cronicar.flow import ingest as ingest_articles
    from cronicar.model import Article
    from cronicar.store.db import Store

    sentence = ("Guvernul a aprobat ieri la București o majorare a salariului minim, "
                "a anunțat ministrul Muncii, Marius Budăi. ")
    store = Store(tmp_path / "c.db")
    report = ingest_articles(store, [Article(text=sentence * 5, date=DocDate.parse("2024-05-14"), source="x")])
    assert report.added and not report.errors
    rows = store.conn.execute("SELECT type, count(*), count(DISTINCT event_id) FROM event_mentions "
                              "GROUP BY type").fetchall()
    assert rows and all(n == 5 and events == 1 for _, n, events in rows)


def test_serve_post_article_over_budget_is_one_error(tmp_path: Path, shared, monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from cronicar.serve.app import create_app
    from cronicar.store.db import Store

    db = tmp_path / "c.db"
    Store(db).close()
    real_check = budget.Budget.check

    def over_while_parsing(self: budget.Budget, where: str) -> None:
        if where == "parsing":
            self.cpu_seconds = -1.0
        real_check(self, where)

    monkeypatch.setattr(budget.Budget, "check", over_while_parsing)
    client = TestClient(create_app(db, token="secret"))
    body = [{"text": _zf_page(shared, 60_000), "date": "2024-05-14"},
            {"text": "Ministrul a declarat luni că „deficitul va scădea”.", "date": "2024-05-13"}]
    got = client.post("/api/articles", json=body, headers={"Authorization": "Bearer secret"})
    assert got.status_code == 201
    assert len(got.json()["added"]) == 1
    assert got.json()["errors"] == ["api:1: article too complex: more than -1 CPU-seconds (stopped in parsing)"]
