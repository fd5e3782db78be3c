"""The reader boundary (ingest/schema.py): each hostile record is refused alone with
``file:line: reason``; the valid records around it still come through."""

import json
from pathlib import Path

import pytest

from cronicar.ingest import read_paths
from cronicar.model import Article, InputError

GOOD = {"text": "Ministrul a declarat luni că bugetul crește.", "date": "2025-03-10"}


def _line(**changes: object) -> bytes:
    return json.dumps({**GOOD, **changes}).encode()


BAD_LINES = [
    (b"[" * 1000 + b"]" * 1000, "nested too deeply"),
    (b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b', "date": "2024-01-01"}', "nested too deeply"),
    (_line(date="0000"), "date: year 0 out of range"),
    (_line(date="9999-12-31"), "date: year 9999 out of range"),
    (_line(date="2024-02-30"), "date: day is out of range for month"),
    (_line(date=["2024"]), "date: expected a date string"),
    (_line(date="2024-01-01" + "x" * 100), "longer than 64"),
    (_line(lang=5), "lang: Input should be a valid string"),
    (_line(lang=["ro"]), "lang: Input should be a valid string"),
    (_line(lang="r\u0000o"), "lang: contains a NUL"),
    (_line(lang="x" * 300), "lang: unknown language (300 characters"),
    (_line(lang="../../etc/passwd"), "lang: unknown language '../../etc/pass"),
    (_line(lang="de"), "lang: unknown language 'de' (known: en, es, fr, it, ro)"),
    (b'{"text": "a\\ud800b", "date": "2024-01-01"}', "text: contains a lone surrogate (U+D800)"),
    (b'{"text": "ok", "title": "\\udfff", "date": "2024-01-01"}', "title: contains a lone surrogate"),
    (_line(text="nul\u0000in text"), "text: contains a NUL"),
    (_line(url=["http://example.org"]), "url: Input should be a valid string"),
    (_line(source={"name": "x"}), "source: Input should be a valid string"),
    (_line(id=True), "id: expected a string or an integer"),
    (_line(id=[1]), "id: expected a string or an integer"),
    (b'{"text": "x", "date": "2024-01-01", "id": ' + b"9" * 5000 + b"}", "Exceeds the limit (4300 digits)"),
    (_line(text="   "), "text: empty text"),
    (_line(text="&nbsp; &amp;nbsp;"), "text: empty text"),
    (_line(text=7), "text: Input should be a valid string"),
    (b'{"date": "2024-01-01"}', "text: missing"),
    (_line(date=None), "date: missing"),
    (b'"just a string"', "expected a JSON object"),
    (b'{"text": "caf\xe9", "date": "2024-01-01"}', "not valid UTF-8 (byte 14 of the line)"),
    (b'{"text": "n\x00l", "date": "2024-01-01"}', "NUL byte in the line"),
    (b'{"text": "unclosed', "malformed JSON line"),
]


@pytest.mark.parametrize(("raw", "reason"), BAD_LINES)
def test_ingest_validation_bad_line_is_refused_alone(tmp_path: Path, raw: bytes, reason: str) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_bytes(_line(id="before") + b"\n" + raw + b"\n" + _line(id="after", text="Alt text, tot valid.") + b"\n")
    results = list(read_paths([f]))
    errors = [r for r in results if isinstance(r, InputError)]
    assert [(e.source, e.line) for e in errors] == [(str(f), 2)]
    assert reason in errors[0].message, errors[0].message
    assert [r.external_id for r in results if isinstance(r, Article)] == ["before", "after"]


@pytest.mark.parametrize(("lang", "code"), [("ro", "ro"), ("RO-ro", "ro"), ("en_US", "en"), ("", None), (None, None)])
def test_ingest_validation_language_tags_map_to_the_data_folders(tmp_path: Path, lang: str | None, code: str | None) -> None:
    f = tmp_path / "a.jsonl"
    f.write_bytes(_line(lang=lang))
    (art,) = list(read_paths([f]))
    assert isinstance(art, Article) and art.lang == code


def test_ingest_validation_raw_u2028_inside_a_string_is_not_a_line_break(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_bytes(json.dumps({**GOOD, "text": "Unu\u2028doi."}, ensure_ascii=False).encode())
    (art,) = list(read_paths([f]))
    assert isinstance(art, Article) and "doi" in art.text


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("zero.txt", " date 0000 Un text.", "year 0 out of range"),
    ("far.txt", " date 9999-12-31 Mâine va fi soare.", "year 9999 out of range"),
    ("feb.txt", " date 2024-02-30 Un text.", "day is out of range"),
])
def test_ingest_validation_seed_dates_off_the_calendar(tmp_path: Path, name: str, content: str, reason: str) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    (err,) = list(read_paths([f]))
    assert isinstance(err, InputError) and err.line == 1 and reason in err.message


def test_ingest_validation_feed_entry_past_year_9999_is_refused_and_the_next_goes_in(tmp_path: Path) -> None:
    f = tmp_path / "feed.rss"
    f.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><language>xx-yy</language>'
        "<item><title>Titlu</title><link>https://a.ro/1</link><pubDate>9999-12-31T23:59:59-12:00</pubDate>"
        "<description>Text.</description></item>"
        "<item><title>Bun</title><link>https://a.ro/2</link><pubDate>Mon, 10 Mar 2025 10:00:00 GMT</pubDate>"
        "<description>Text bun.</description></item></channel></rss>", encoding="utf-8")
    err, art = list(read_paths([f]))
    assert isinstance(err, InputError) and err.line == 1 and "year 10000 out of range" in err.message
    assert isinstance(art, Article) and art.url == "https://a.ro/2" and art.lang is None


@pytest.mark.parametrize(("kwargs", "where", "reason"), [
    ({"date": "2024-02-30"}, "--date", "day is out of range"),
    ({"date": "0000"}, "--date", "year 0 out of range"),
    ({"lang": "../etc"}, "--lang", "unknown language"),
])
def test_ingest_validation_bad_command_options_are_one_error(tmp_path: Path, kwargs: dict, where: str, reason: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Un text fără dată.", encoding="utf-8")
    (err,) = list(read_paths([f], **kwargs))
    assert isinstance(err, InputError) and err.source == where and reason in err.message


def test_ingest_validation_cli_exit_2_and_every_valid_record_stored(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from cronicar.cli import main
    from cronicar.store.db import Store

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_bytes(b"\n".join(
        [_line(id="a1")] + [raw for raw, _ in BAD_LINES[:6]] + [_line(id="a2", text="Premierul a anunțat ieri o reformă.")]))
    (tmp_path / "in" / "b.txt").write_text(" date 9999-12-31 Mâine va fi soare.", encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text(" date 2024-11 Guvernul a adoptat vineri bugetul.", encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("error: ") == 7 and f"{tmp_path / 'in' / 'a.jsonl'}:2: " in err
    with Store(db, readonly=True) as store:
        assert store.count("articles") == 3


def test_ingest_validation_feed_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10 if p else "aaaaaaaaaa"}">'
                     for p, c in zip(["", "a", "b", "c", "d", "e"], "abcdef"))
    f = tmp_path / "laughs.rss"
    f.write_text(f'<?xml version="1.0"?><!DOCTYPE r [{laughs}]><rss version="2.0"><channel><item><title>&f;&f;</title>'
                 "<pubDate>Mon, 10 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>", encoding="utf-8")
    (err,) = list(read_paths([f]))
    assert isinstance(err, InputError) and "declares XML entities" in err.message


@pytest.mark.parametrize(("field", "limit"), [("title", 2_000), ("url", 8_000), ("source", 8_000), ("id", 500)])
def test_ingest_validation_field_lengths(tmp_path: Path, field: str, limit: int) -> None:
    f = tmp_path / "a.jsonl"
    f.write_bytes(_line(**{field: "x" * limit}) + b"\n" + _line(**{field: "x" * (limit + 1)}))
    ok, err = list(read_paths([f]))
    assert isinstance(ok, Article)
    assert isinstance(err, InputError) and f"{field}: too long ({limit + 1:,} characters; at most {limit:,})" in err.message


@pytest.mark.parametrize(("dct", "text"), [
    ("2999-12-31", "Ministrul a declarat ieri că mâine, peste 8000 de ani și în anul 9999 guvernul va decide."),
    ("2999-12", "Vineri guvernul a decis că luna viitoare și anul viitor vor fi bune."),
    ("1000-01-01", "Ministrul a declarat ieri că acum 2000 de ani și săptămâna trecută guvernul a decis."),
])
def test_ingest_validation_dates_at_the_ends_of_the_range_analyze(dct: str, text: str) -> None:
    """Relative dates from the first and last accepted days stay on the calendar (or are dropped)."""
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    analysis = analyze(text, DocDate.parse(dct), "ro")
    assert analysis.timexes  # "ieri", "vineri", ... are still resolved
    for t in analysis.timexes:
        if t.interval:
            assert "0001-01-01" <= t.interval[0] <= t.interval[1] <= "9999-12-31"


@pytest.mark.parametrize("control", ["\x1b[2J\x1b]0;pwned\x07", "\x08\x08\x08", "\x0e", "\x7f"])
def test_ingest_validation_terminal_controls_become_spaces(tmp_path: Path, control: str) -> None:
    f = tmp_path / "a.jsonl"
    text = f"Guvernul a decis.{control}Ministrul a plecat."
    f.write_bytes(_line(text=text, title=f"Titlu{control}", source=f"src{control}"))
    (art,) = list(read_paths([f]))
    assert isinstance(art, Article)
    assert len(art.text) == len(text) and not any(c in "\x01\x07\x08\x0e\x1b\x7f" for c in art.text)  # offsets kept
    assert art.text.replace(" ", "") == "".join(c for c in text if c.isprintable()).replace(" ", "")
    assert not any(c in "\x01\x07\x08\x0e\x1b\x7f" for c in art.title + art.source)
