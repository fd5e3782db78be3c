"""The CLI end to end on the seeds: exit codes, errors naming file and line, export contract."""

import json
from pathlib import Path

import pytest

from cronicar.cli import main

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def db(tmp_path_factory, examples):
    path = tmp_path_factory.mktemp("cli") / "c.db"
    assert main(["ingest", str(examples), "--db", str(path)]) == 0
    return path


def test_cli_export_json_follows_design_contract(db, capsys):
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"articles", "entities", "stories", "events", "quotes", "timexes"}
    assert {"id", "source", "title", "date", "lang"} <= set(data["articles"][0])
    assert {a["date"] for a in data["articles"]} == {"2024-11", "2025-10-27"}
    for e in data["entities"]:
        assert {"id", "name", "type", "aliases", "articles"} <= set(e)
    for s in data["stories"]:
        assert {"id", "title", "articles", "events", "first_date", "last_date"} <= set(s)
    for ev in data["events"]:
        assert {"id", "story", "type", "summary", "when", "participants", "place", "sources"} <= set(ev)
        for src in ev["sources"]:
            assert {"article", "start", "end", "text"} <= set(src)
    for q in data["quotes"]:
        assert {"id", "article", "speaker", "speaker_entity", "kind", "text", "start", "end", "when"} <= set(q)
    for t in data["timexes"]:
        assert {"article", "start", "end", "text", "type", "value", "mod", "interval"} <= set(t)
    texts = {a["id"]: a for a in data["articles"]}
    assert all(t["article"] in texts for t in data["timexes"])


def test_cli_timeline_prints_dated_events(db, capsys):
    capsys.readouterr()
    assert main(["timeline", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "iunie 2024" in out and "Kursk" in out  # readable dates (issue 18), the code stays in JSON


def test_cli_timeline_key_prints_the_key_dates(db, capsys):
    capsys.readouterr()
    assert main(["timeline", "--key", "--dates", "3", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "27 octombrie 2025" in out and "Putin" in out


def test_cli_bad_input_reports_file_and_line_and_keeps_the_rest(tmp_path, capsys):
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x00\x01\x02")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    path = tmp_path / "b.db"
    code = main(["ingest", str(FIX / "batch.jsonl"), str(bad), str(empty), "--db", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{FIX / 'batch.jsonl'}:2" in err and f"{FIX / 'batch.jsonl'}:3" in err
    assert str(bad) in err and "binary" in err and str(empty) in err
    capsys.readouterr()
    assert main(["export", "--db", str(path), "--format", "csv", "--table", "articles"]) == 0
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 3  # header + the two good JSON lines


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_cli_export_other_formats(db, capsys, fmt):
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Kursk" in out or "kursk" in out.lower()


def test_cli_export_timeml_writes_one_document_per_article(db, tmp_path):
    out = tmp_path / "tml"
    assert main(["export", "--db", str(db), "--format", "timeml", "--output", str(out)]) == 0
    files = sorted(out.glob("*.tml"))
    assert len(files) == 2
    import xml.dom.minidom

    doc = xml.dom.minidom.parse(str(files[0]))
    assert doc.getElementsByTagName("TIMEX3").length > 3


def test_cli_missing_db_is_a_clear_error(tmp_path, capsys):
    assert main(["stories", "--db", str(tmp_path / "none.db")]) == 1
    assert "no such database" in capsys.readouterr().err


def test_cli_annotate_interchange_format(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    code = main(["annotate", "--input", str(FIX / "batch.jsonl"), "--output", str(out)])
    assert code == 2  # the broken line is reported
    assert f"{FIX / 'batch.jsonl'}:2" in capsys.readouterr().err
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a1", "nodate", "a2"]
    a1 = rows[0]
    for t in a1["timexes"]:
        assert a1["text"][t["start"]:t["end"]] == t["text"]
    assert any(t["text"] == "luni" and t["value"] == "2025-10-27" for t in a1["timexes"])
    assert {"timexes", "quotes", "entities", "events"} <= set(rows[1])


def test_cli_ingest_says_how_many_furniture_lines_it_removed(tmp_path, capsys):
    """A byline and a "Citește și" line are removed before analysis; the summary says how many,
    so a reader can tell the text analysed is not the text given."""
    body = ("Liderii coaliției de guvernare au convenit sâmbătă ca bugetul pe 2025 să fie adoptat "
            "în prima săptămână din ianuarie, a declarat premierul.")
    record = {"id": "f1", "date": "2024-12-21", "title": "Bugetul",
              "text": "Adrian Rusu / Politică\n" + body + "\nCitește și: Ciolacu, despre buget"}
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", str(src), "--db", str(tmp_path / "f.db"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "note: 2 lines of page furniture removed before analysis" in err
