"""JSON Lines are read line by line (an archive larger than memory still goes in), with every bad
line reported by number and the good ones kept (the same messages as the whole-file reader)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronicar.ingest.readers import read_paths
from cronicar.model import Article, InputError

GOOD = '{"date": "2025-10-27", "text": "Serghei Lavrov s-a întâlnit luni cu Choe Son Hui la Moscova."}'


@pytest.mark.parametrize("lines, errors, articles", [
    ([GOOD.encode(), b"\xff\xfe not utf-8", GOOD.replace("luni", "marți").encode()], {2: "UTF-8"}, 2),
    ([b"\xef\xbb\xbf" + GOOD.encode(), b"{broken", b"", '{"text": "fără dată"}'.encode()],
     {2: "malformed JSON line", 4: "date: missing"}, 1),
    ([GOOD.encode(), b"\x00\x01\x02", GOOD.replace("luni", "marți").encode()], {2: "NUL byte"}, 2),
    ([GOOD.replace("2025-10-27", "2025-02-30").encode()], {1: "day is out of range"}, 0),
])
def test_ingest_jsonl_streams_line_by_line(tmp_path: Path, lines: list[bytes], errors: dict[int, str],
                                          articles: int) -> None:
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_paths([path]))
    got = {e.line: str(e) for e in items if isinstance(e, InputError)}
    assert sorted(got) == sorted(errors)
    for line, message in errors.items():
        assert message in got[line] and str(path) in got[line]
    assert sum(isinstance(a, Article) for a in items) == articles


def test_ingest_jsonl_empty_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n  \n")
    (err,) = list(read_paths([path]))
    assert isinstance(err, InputError) and "empty file" in str(err)
