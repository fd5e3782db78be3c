"""benchmarks/sentence_sharing.py: which rows sharing a sentence the issue forbids (issue 18)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.sentence_sharing import _compatible  # noqa: E402

F = frozenset


@pytest.mark.parametrize("a,b,forbidden", [
    # "BET a crescut ..., iar BET-FI a scăzut": one day, two indices: two happenings
    (("2013-03-18", "2013-03-18", "2013-03-18", F({"BET"})), ("2013-03-18", "2013-03-18", "2013-03-18", F({"BET-FI"})), False),
    # Franklin sold on the 16th and on the 15th: two dates, two happenings
    (("2017-03-16", "2017-03-16", "2017-03-16", F({"FT"})), ("2017-03-15", "2017-03-15", "2017-03-15", F({"FT"})), False),
    # a day within its year, nobody named on one side: the same happening told twice
    (("2018", "2018-01-01", "2018-12-31", F()), ("2018-06-30", "2018-06-30", "2018-06-30", F({"Alro"})), True),
    # an undated mention beside a dated one, the same company: the same happening
    ((None, None, None, F({"Digi"})), ("2021-03-29", "2021-03-29", "2021-03-29", F({"Digi", "4iG"})), True),
])
def test_benchmarks_sentence_sharing_forbidden_pairs(a: tuple, b: tuple, forbidden: bool) -> None:  # type: ignore[type-arg]
    assert _compatible(a, b) is forbidden and _compatible(b, a) is forbidden
