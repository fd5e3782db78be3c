"""The output-identity check (benchmarks/identical.py) finds every difference between two runs and
none between equal ones: its comparison functions on annotate records and chronicle lists."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import identical  # noqa: E402

QUOTE = {"kind": "direct", "content": [61, 84], "speaker": "Choe Son Hui"}
TIMEX = {"start": 38, "end": 42, "text": "luni", "type": "DATE", "value": "2025-10-27"}
REC = {"id": "000", "text": "Preşedintele rus Vladimir Putin se va întâlni luni, la Moscova",
       "timexes": [TIMEX], "quotes": [QUOTE]}


def _with(**changes: object) -> dict:
    return {**REC, **changes}


@pytest.mark.parametrize("after, differ, needle", [
    (REC, 0, None),
    (_with(timexes=[{**TIMEX, "value": "2025-10-26"}]), 1, '.timexes[0]: '),
    (_with(quotes=[]), 1, ".quotes: 1 items -> 0 items"),
    (_with(events=[]), 1, '.events: "<absent>"  ->  []'),
])
def test_identical_annotate_records_differences(after: dict, differ: int, needle: str | None) -> None:
    n, lines = identical.compare_records([REC, REC], [REC, after])
    assert n == differ
    assert (needle is None and not lines) or any(needle in line and line.startswith("record 000") for line in lines)


@pytest.mark.parametrize("before, after, differ", [
    ([{"id": "e1", "type": "meeting"}], [{"id": "e1", "type": "meeting"}], 0),
    ([{"id": "e1", "type": "meeting"}], [{"id": "e1", "type": "statement"}], 1),
    ([{"id": "e1"}], [{"id": "e1"}, {"id": "e2"}], 1),  # a record only after
    ([TIMEX, TIMEX], [TIMEX, TIMEX], 0),  # no ids: a multiset
    ([TIMEX, TIMEX], [TIMEX], 1),  # one of two equal timexes lost
    ([TIMEX], [{**TIMEX, "end": 43}], 1),
])
def test_identical_chronicle_lists_differences(before: list, after: list, differ: int) -> None:
    assert identical.compare_list(before, after)[0] == differ


def test_identicalseed_records_read_the_date_header() -> None:
    if not identical.SEEDS.exists():
        pytest.skip("../shared/seeds absent")
    recs = identical.seed_records()
    assert recs and all(r["dct"] and r["dct"][:2] == "20" and not r["text"].lstrip().startswith("date") for r in recs)
