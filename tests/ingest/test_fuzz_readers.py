"""Property-based fuzzing (Hypothesis, fixed seed, bounded examples) of every reader and POST.

The properties: no reader ever raises; every rejected record names its file and line; every valid
record mixed into a hostile file is still read; every article that comes out is one the pipeline
can trust (text non-empty and encodable, date in range, language with a data folder); the server
never answers 5xx, and a refused POST writes nothing.  The long campaign (10,000+ inputs) is
``benchmarks/fuzz_campaign.py``; this suite keeps CI fast (``derandomize``: the same examples
every run)."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/ (the shared hostile tables)

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from benchmarks.fuzz_inputs import (  # noqa: E402
    BAD_BYTES, HOSTILE_DATES, HOSTILE_LANGS, HOSTILE_STRINGS, RAW_JSON_VALUES, VALID_SENTENCES, expected,
)
from cronicar.ingest import read_paths  # noqa: E402
from cronicar.ingest.schema import known_languages  # noqa: E402
from cronicar.model import MAX_YEAR, MIN_YEAR, Article, InputError  # noqa: E402

FUZZ = settings(max_examples=40, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=4), c, max_size=3),
                           max_leaves=8)
hostile_values = st.sampled_from(HOSTILE_STRINGS + HOSTILE_DATES + HOSTILE_LANGS) | json_values
FIELDS = ["text", "date", "dct", "title", "lang", "url", "source", "id"]
hostile_records = st.dictionaries(st.sampled_from(FIELDS), hostile_values, max_size=6)
valid_records = st.builds(lambda s, d, n: {"text": f"{s} Nota {n}.", "date": d},
                          st.sampled_from(VALID_SENTENCES), st.sampled_from(["2025-03-10", "2025-03", "2024"]),
                          st.integers(0, 10**6))


@st.composite
def hostile_lines(draw: Any) -> bytes:
    """One line a reader must survive: a typed-wrong record, a raw JSON splice, or bad bytes."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        line = json.dumps(draw(hostile_records), ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    elif kind == 1:
        field = draw(st.sampled_from(FIELDS))
        line = f'{{"text": "Un text.", "date": "2025-03-10", "{field}": {draw(st.sampled_from(RAW_JSON_VALUES))}}}'.encode()
    elif kind == 2:
        line = draw(st.binary(max_size=60)).replace(b"\n", b" ")
    else:
        line = draw(st.text(max_size=60)).replace("\n", " ").encode("utf-8")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(line)))
        line = line[:at] + draw(st.sampled_from(BAD_BYTES)).replace(b"\n", b"") + line[at:]
    return line


def check_articles(results: list[Any], path: Path) -> list[Article]:
    """The invariants of everything a reader yields; returns the articles."""
    arts = []
    for r in results:
        assert isinstance(r, (Article, InputError)), r
        if isinstance(r, InputError):
            assert r.source == str(path) and r.message, r
            continue
        assert r.text.strip() and "\x00" not in r.text
        r.text.encode("utf-8")  # no lone surrogate: raises if any
        (r.title or "").encode("utf-8")
        assert MIN_YEAR <= r.date.year <= MAX_YEAR
        assert r.lang is None or r.lang in known_languages()
        assert r.url is None or isinstance(r.url, str)
        assert isinstance(r.source, str) and isinstance(r.external_id, (str, type(None)))
        arts.append(r)
    return arts


@FUZZ
@given(valid=st.lists(valid_records, min_size=1, max_size=3), bad=st.lists(hostile_lines(), min_size=1, max_size=4),
       order=st.randoms(use_true_random=False), crlf=st.booleans())
def test_fuzz_readers_jsonl_keeps_every_valid_line(tmp_path: Path, valid: list, bad: list, order: Any, crlf: bool) -> None:
    lines = [json.dumps(r).encode() for r in valid] + bad
    order.shuffle(lines)
    f = tmp_path / "batch.jsonl"
    f.write_bytes((b"\r\n" if crlf else b"\n").join(lines))
    arts = check_articles(list(read_paths([f])), f)
    assert {expected(r) for r in valid} <= {a.id for a in arts}


@FUZZ
@given(valid=st.lists(valid_records, min_size=1, max_size=3), bad=st.lists(hostile_records | json_values, max_size=3))
def test_fuzz_readers_json_document_keeps_every_valid_record(tmp_path: Path, valid: list, bad: list) -> None:
    f = tmp_path / "batch.json"
    f.write_text(json.dumps(valid + bad), encoding="utf-8")
    arts = check_articles(list(read_paths([f])), f)
    assert {expected(r) for r in valid} <= {a.id for a in arts}


@FUZZ
@given(date=st.sampled_from([d for d in HOSTILE_DATES if isinstance(d, str)]) | st.text(max_size=12),
       body=st.binary(max_size=80) | st.text(max_size=80).map(str.encode))
def test_fuzz_readers_seed_text_never_raises(tmp_path: Path, date: str, body: bytes) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b" date " + date.encode("utf-8", "surrogatepass") + b" " + body)
    check_articles(list(read_paths([f])), f)
    check_articles(list(read_paths([f], date="2025-03-10")), f)


@FUZZ
@given(title=st.sampled_from(HOSTILE_STRINGS) | st.text(max_size=30), date=st.sampled_from(HOSTILE_DATES[:20]),
       url=st.sampled_from(HOSTILE_STRINGS) | st.text(max_size=30), lang=st.sampled_from([x for x in HOSTILE_LANGS if isinstance(x, str)]),
       junk=st.binary(max_size=30))
def test_fuzz_readers_html_never_raises(tmp_path: Path, title: str, date: str, url: str, lang: str, junk: bytes) -> None:
    page = (f'<html lang="{lang}"><head><title>{title}</title><meta property="article:published_time" content="{date}">'
            f'<link rel="canonical" href="{url}"></head><body><article><h1>{title}</h1>'
            f"<p>{VALID_SENTENCES[0]} {VALID_SENTENCES[1]} {VALID_SENTENCES[2]}</p></article></body></html>")
    f = tmp_path / "a.html"
    f.write_bytes(page.encode("utf-8", "surrogatepass") + junk)
    check_articles(list(read_paths([f])), f)


@FUZZ
@given(entries=st.lists(st.tuples(st.booleans(), st.sampled_from(HOSTILE_STRINGS), st.sampled_from(
    ["9999-12-31T23:59:59-12:00", "0000-01-01T00:00:00Z", "garbage", "", "2025-03-10T10:00:00Z"])), min_size=1, max_size=4),
       atom=st.booleans(), lang=st.sampled_from(["ro", "x" * 300, "../x", "", "en-us", "de"]))
def test_fuzz_readers_feed_keeps_every_valid_entry(tmp_path: Path, entries: list, atom: bool, lang: str) -> None:
    items, valid = [], []
    for i, (good, hostile, date) in enumerate(entries):
        text = VALID_SENTENCES[i % len(VALID_SENTENCES)] if good else hostile
        date = "2025-03-10T10:00:00Z" if good else date
        link = f"https://a.ro/{i}" if good else hostile
        if good:
            valid.append(expected({"text": f"T\n\n{text}", "date": "2025-03-10"}))
        esc = {ord("&"): "&amp;", ord("<"): "&lt;", ord('"'): "&quot;"}
        text, link = text.translate(esc), link.translate(esc)
        items.append(f'<entry><title>T</title><link href="{link}"/><id>{link}</id><updated>{date}</updated><summary>{text}</summary></entry>'
                     if atom else f"<item><title>T</title><link>{link}</link><pubDate>{date}</pubDate><description>{text}</description></item>")
    body = "".join(items)
    doc = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}"><title>t</title>{body}</feed>' if atom
           else f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><language>{lang}</language>{body}</channel></rss>')
    f = tmp_path / ("a.atom" if atom else "a.rss")
    f.write_bytes(doc.encode("utf-8", "surrogatepass"))
    arts = check_articles(list(read_paths([f])), f)
    legal = not any(ord(c) < 32 and c not in "\t\n\r" for c in doc)
    if legal:  # well-formed XML: every valid entry comes through
        assert set(valid) <= {a.id for a in arts}


@FUZZ
@given(files=st.lists(st.tuples(st.sampled_from([".txt", ".jsonl", ".json", ".html", ".rss", ".xml", ".md", ""]),
                                st.binary(max_size=100)), min_size=1, max_size=5))
def test_fuzz_readers_folder_of_random_files_never_raises(tmp_path: Path, files: list) -> None:
    folder = tmp_path / "in"
    if folder.exists():
        for p in folder.iterdir():
            p.unlink()
    folder.mkdir(exist_ok=True)
    for i, (suffix, data) in enumerate(files):
        (folder / f"f{i}{suffix}").write_bytes(data)
    for r in read_paths([folder]):
        assert isinstance(r, (Article, InputError))
        if isinstance(r, InputError):
            assert r.source.startswith(str(folder))


@pytest.fixture(scope="module")
def post_client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from fastapi.testclient import TestClient

    from cronicar.serve.app import create_app
    from cronicar.store.db import Store

    db = tmp_path_factory.mktemp("fuzzpost") / "p.db"
    Store(db).close()
    return db, TestClient(create_app(db, token="t", writes_per_minute=1e9), raise_server_exceptions=False)


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@settings(FUZZ, max_examples=60)
@given(body=st.lists(hostile_records | json_values, min_size=1, max_size=3).map(lambda v: json.dumps(v).encode())
       | hostile_lines(), wrap=st.booleans(), auth=st.sampled_from(["Bearer t", "Bearer tö", "Bearer ", "t", "Bearer t "]))
def test_fuzz_readers_post_never_5xx_and_refusals_write_nothing(post_client: Any, body: bytes, wrap: bool, auth: str) -> None:
    db, client = post_client
    if wrap:
        body = b'{"articles": ' + body + b"}"
    before = _count(db)
    res = client.post("/api/articles", content=body, headers={"Authorization": auth.encode()})
    assert res.status_code < 500, (res.status_code, res.text[:200])
    if res.status_code >= 400:
        assert _count(db) == before
