"""`ingest --annotations` reads Spark's part files, each sorted by (date, id), merged into one
(date, id) order (no Spark needed: the part files are written here with pyarrow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronicar.analyze.pipeline import analyze
from cronicar.flow.records import COLUMNS, error_record, read_annotations, to_record
from cronicar.model import Article, DocDate, InputError

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

    table = pa.table({c: pa.array([r[c] for r in records], pa.string()) for c in COLUMNS})
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
