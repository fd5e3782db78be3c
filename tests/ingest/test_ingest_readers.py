"""Readers: every input format of DESIGN §3, and clear errors naming file and line."""

import json
from pathlib import Path

import pytest

from cronicar.ingest import read_paths
from cronicar.model import Article, InputError

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def _split(results):
    arts = [r for r in results if isinstance(r, Article)]
    errs = [r for r in results if isinstance(r, InputError)]
    return arts, errs


def test_ingest_readers_seed_folder_keeps_month_granularity(examples):
    arts, errs = _split(list(read_paths([examples])))
    assert not errs
    by_date = {a.date.iso: a for a in arts}
    assert set(by_date) == {"2025-10-27", "2024-11"}
    assert by_date["2024-11"].date.granularity == "month"
    assert by_date["2024-11"].text.startswith("Coreea de Nord va sprijini Rusia")
    assert by_date["2025-10-27"].text.startswith("Preşedintele rus Vladimir Putin")


@pytest.mark.parametrize(
    ("content", "date", "text"),
    [
        (" date 2024-11 Textul articolului.", "2024-11", "Textul articolului."),
        ("date 2025-10-27\nTextul pe rândul următor.", "2025-10-27", "Textul pe rândul următor."),
        ("\ufeff date 2022 Un an întreg.", "2022", "Un an întreg."),
    ],
)
def test_ingest_readers_seed_header_variants(tmp_path, content, date, text):
    f = tmp_path / "a.txt"
    f.write_text(content, encoding="utf-8")
    (art,) = list(read_paths([f]))
    assert isinstance(art, Article)
    assert (art.date.iso, art.text) == (date, text)


def test_ingest_readers_plain_text_needs_fallback_date(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("Un articol fără antet de dată.", encoding="utf-8")
    (err,) = list(read_paths([f]))
    assert isinstance(err, InputError) and "no date" in str(err) and str(f) in str(err)
    (art,) = list(read_paths([f], date="2025-01-15"))
    assert isinstance(art, Article) and art.date.iso == "2025-01-15"


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("empty.txt", b"   \n", "empty file"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("latin.txt", " date 2024-11 Pre\xbaedintele".encode("latin-1"), "UTF-8"),
        ("bad-date.txt", b" date 2024-13 Text.", "bad date"),
        ("only-date.txt", b" date 2024-11 ", "empty text"),
    ],
)
def test_ingest_readers_bad_input_gets_one_clear_error(tmp_path, name, payload, message):
    f = tmp_path / name
    f.write_bytes(payload)
    (err,) = list(read_paths([f]))
    assert isinstance(err, InputError)
    assert message in str(err) and str(f) in str(err)


def test_ingest_readers_jsonl_bad_lines_do_not_stop_the_batch():
    arts, errs = _split(list(read_paths([FIX / "batch.jsonl"])))
    assert [a.external_id for a in arts] == ["a1", "a2"]
    assert arts[1].date.granularity == "month"
    assert [(e.line, "JSON" in e.message or "date" in e.message) for e in errs] == [(2, True), (3, True)]
    assert all(str(FIX / "batch.jsonl") in str(e) for e in errs)


def test_ingest_readers_json_array(tmp_path):
    f = tmp_path / "arr.json"
    f.write_text('[{"text": "Unu.", "date": "2024-06"}, {"text": "", "date": "2024-06"}]', encoding="utf-8")
    arts, errs = _split(list(read_paths([f])))
    assert len(arts) == 1 and arts[0].date.iso == "2024-06"
    assert len(errs) == 1 and "text" in errs[0].message


def test_ingest_readers_html_uses_page_metadata_date():
    (art,) = list(read_paths([FIX / "page.html"]))
    assert isinstance(art, Article)
    assert art.date.iso == "2025-09-03"
    assert "Kim Jong Un" in art.text and "Kursk" in art.text
    assert "Acasă" not in art.text  # navigation boilerplate removed


def test_ingest_readers_rss_entries_become_articles_and_undated_entry_errors():
    arts, errs = _split(list(read_paths([FIX / "feed.rss"])))
    assert len(arts) == 1
    assert arts[0].date.iso == "2025-10-27"
    assert arts[0].text.startswith("Lavrov s-a întâlnit cu Choe Son Hui la Moscova\n\nMinistrul rus")
    assert arts[0].url == "https://example.org/stiri/1"
    assert len(errs) == 1 and errs[0].line == 2


def test_ingest_readers_missing_path_is_an_error_not_a_crash(tmp_path):
    (err,) = list(read_paths([tmp_path / "nope"]))
    assert isinstance(err, InputError) and "no such file" in err.message


def test_ingest_readers_same_content_same_id(tmp_path, examples):
    src = next(examples.glob("*.txt"))
    copy = tmp_path / "copy.txt"
    copy.write_text(src.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    (a,) = list(read_paths([src]))
    (b,) = list(read_paths([copy]))
    assert a.id == b.id


def test_text_longer_than_spacy_allows_is_a_clear_error_and_the_batch_goes_on(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from cronicar.ingest.readers import MAX_CHARS
    from cronicar.flow import ingest as ingest_articles, ingest_paths
    from cronicar.model import Article, DocDate
    from cronicar.store.db import Store

    (tmp_path / "big.txt").write_text(" date 2024-01-02 " + "Cuvânt lung. " * (MAX_CHARS // 13 + 10), encoding="utf-8")
    (tmp_path / "ok.txt").write_text(" date 2024-01-02 Lavrov a vizitat ieri Phenianul.", encoding="utf-8")
    store = Store(tmp_path / "c.db")
    report = ingest_paths(store, [tmp_path])
    assert len(report.added) == 1
    assert [e.source for e in report.errors] == [str(tmp_path / "big.txt")]
    assert "text too long" in str(report.errors[0])
    # The library path (used by the HTTP API) refuses it the same way.
    big = Article(text="x " * MAX_CHARS, date=DocDate.parse("2024-01-02"), source="api")
    again = ingest_articles(store, [big])
    assert not again.added and "text too long" in str(again.errors[0])


def test_html_character_references_are_decoded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Scraped JSON Lines keep entities, sometimes escaped twice ("&amp;nbsp", "&quot;"): the stored
    text has the characters, so a quote in &quot; marks is a quote; "AT&T" stays as written."""
    from cronicar.analyze.pipeline import analyze
    from cronicar.ingest.readers import read_paths

    rec = {"date": "2021-03-19", "title": "Evergent &amp; SIF",
           "text": "Evergent Investments a anunțat.&amp;nbsp;Claudiu Doroș a declarat: &quot;Rămânem "
                   "compania cu cea mai mare capitalizare.&quot; Clientul AT&T nu a comentat."}
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    (art,) = list(read_paths([f]))
    assert "&quot;" not in art.text and "&amp;" not in art.text and "AT&T" in art.text
    assert art.title == "Evergent & SIF"
    quotes = analyze(art.text, art.date, "ro").quotes
    assert any(q.kind == "direct" and "Rămânem compania" in art.text[q.content[0]:q.content[1]] for q in quotes)
