"""`ingest --annotations` reads Spark's part files, each sorted by (date, id), merged into one
(date, id) order (no Spark needed: the part files are written here with pyarrow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronicar.analyze.pipeline import analyze
from cronicar.flow import ingest, ingest_analyzed
from cronicar.flow.records import COLUMNS, error_record, read_annotations, to_record
from cronicar.model import Article, DocDate, InputError
from cronicar.store.db import Store

pytestmark = pytest.mark.slow
pq = pytest.importorskip("pyarrow.parquet", reason="reading annotations needs pyarrow (the [spark] extra)")

TEXTS = [
    ("2024-11-29", "Choe Son Hui a declarat vineri că Phenianul va sprijini Rusia până la victorie."),
    ("2024-11-01", "Ministrul de externe nord-coreean Choe Son Hui a sosit la Moscova pentru discuții."),
    ("2024-11-15", "Choe Son Hui s-a întâlnit la Moscova cu Serghei Lavrov, ministrul rus de externe."),
    ("2024-11-02", "Banca Națională a României a menținut joi dobânda de politică monetară la 6,5%."),
    ("2024-11-15", "Guvernul a aprobat marți rectificarea bugetară, a anunțat ministrul Finanțelor."),
]


def _write_part(path: Path, records: list[dict]) -> None:
    import pyarrow as pa

    table = pa.table({c: pa.array([r[c] for r in records], pa.int64() if c == "position" else pa.string())
                      for c in COLUMNS})
    pq.write_table(table, path)


@pytest.mark.parametrize("split", [[0, 1, 2, 3, 4], [2, 0], [4, 4, 1]], ids=["one-per-file", "two-files", "uneven"])
def test_flow_records_part_files_merge_in_date_order(tmp_path: Path, split: list[int]) -> None:
    records = []
    for date, text in TEXTS:
        art = Article(text=text, date=DocDate.parse(date), lang="ro", source="t")
        records.append(to_record(art, analyze(art.text, art.date, "ro")))
    records.append(error_record(InputError("in.jsonl", None, "no date")))
    folder = tmp_path / "ann"
    folder.mkdir()
    # Spark's layout: records spread over part files, each sorted by (date_start, id), nulls first.
    parts: list[list[dict]] = [[] for _ in range(max(split) + 1)]
    for i, rec in enumerate(records):
        parts[split[i % len(split)]].append(rec)
    for n, part in enumerate(parts):
        part.sort(key=lambda r: (r["date_start"] or "", r["id"] or ""))
        _write_part(folder / f"part-{n:05d}.parquet", part)
    (folder / "_SUCCESS").touch()
    out = list(read_annotations(folder))
    assert isinstance(out[0], InputError) and "no date" in out[0].message
    keys = [(a.date.anchor.isoformat(), a.id) for a, _ in out[1:]]
    assert keys == sorted((r["date_start"], r["id"]) for r in records[:-1])
    assert [a.text for a, _ in out[1:]][0] == TEXTS[1][1]  # the earliest article first


@pytest.mark.parametrize("later_in", [0, 1], ids=["later-copy-in-first-file", "later-copy-in-second-file"])
def test_flow_records_text_read_twice_keeps_later_title_as_direct_ingest(tmp_path: Path, later_in: int) -> None:
    """One text under two titles (two rows of one date and id, in different part files): the
    input's later copy's title and url are stored, whichever file the merge reads first, as a
    direct ingest of the same input stores them."""
    date, text = TEXTS[2]
    first = Article(text=text, date=DocDate.parse(date), lang="ro", source="t", title="Choe Son Hui la Moscova",
                    url="https://stiri.example.ro/a")
    again = Article(text=text, date=first.date, lang="ro", source="t", title="Întâlnire Choe Son Hui - Lavrov",
                    url="https://stiri.example.ro/b")
    other = Article(text=TEXTS[4][1], date=DocDate.parse(TEXTS[4][0]), lang="ro", source="t")
    analysis = analyze(text, first.date, "ro")
    rows = [to_record(first, analysis, position=0), to_record(other, analyze(other.text, other.date, "ro"), position=1),
            to_record(again, analysis, position=2)]
    folder = tmp_path / "ann"
    folder.mkdir()
    later, rest = rows[2], rows[:2]
    parts = [[later], rest] if later_in == 0 else [rest, [later]]
    for n, part in enumerate(parts):
        _write_part(folder / f"part-{n:05d}.parquet", sorted(part, key=lambda r: (r["date_start"], r["id"])))
    (folder / "_SUCCESS").touch()
    stored = {}
    for way in ("direct", "annotations"):
        with Store(tmp_path / f"{way}.db") as store:
            if way == "direct":
                ingest(store, [first, other, again])
            else:
                ingest_analyzed(store, read_annotations(folder))
            stored[way] = store.conn.execute("SELECT title, url FROM articles WHERE id=?", (first.id,)).fetchone()
    assert tuple(stored["direct"]) == (again.title, again.url)
    assert tuple(stored["annotations"]) == tuple(stored["direct"])
