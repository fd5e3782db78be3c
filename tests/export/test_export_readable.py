"""Readable dates (issue 18): what a person reads instead of the TIMEX code, per language."""

from __future__ import annotations

import pytest

from cronicar.export.readable import readable, readable_when

CASES = [
    ("2022-02-24TEV", None, "ro", "24 februarie 2022, seara"),
    ("2022-02-24TEV", None, "en", "February 24, 2022, in the evening"),
    ("2025-10-27", None, "ro", "27 octombrie 2025"),
    # "vineri" in an article dated only 2024-11: the Fridays of November
    ("2024-11", ["2024-11-01", "2024-11-29"], "ro", "o vineri din noiembrie 2024"),
    ("2024-11", ["2024-11-01", "2024-11-30"], "ro", "noiembrie 2024"),
    ("2024-11", ["2024-11-01", "2024-11-29"], "en", "a Friday in November 2024"),
    ("2022-Q1", None, "ro", "T1 2022"),
    ("2024-FA", None, "ro", "toamna 2024"),
    ("193", None, "ro", "anii 1930"),
    ("193", None, "en", "the 1930s"),
    ("2024-END/2025-SP", None, "ro", "sfârșitul lui 2024 – primăvara 2025"),
    ("2024", None, "ro", "2024"),
    ("PRESENT_REF", None, "ro", "acum"),
    (None, None, "ro", "fără dată"),
    # a language without a patterns file: CLDR names, English patterns
    ("2022-02-24", None, "fr", "24 février 2022"),
]


@pytest.mark.parametrize("value,interval,lang,expected", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_readable_dates(value: str | None, interval: list[str] | None, lang: str, expected: str) -> None:
    assert readable(value, interval, lang) == expected


def test_readable_date_keeps_a_mod_given_apart() -> None:
    """Time expressions store the mod in its own column ("sfârșitul anului 2024": 2024 + END)."""
    assert readable("2024", None, "ro", mod="END") == "sfârșitul lui 2024"


@pytest.mark.parametrize("when,reported,lang,expected", [
    # an act the text gives no day of: undated, with the day the news told it
    (None, "2024-02-28", "ro", "fără dată · raportat 28 februarie 2024"),
    (None, "2024-02-28", "en", "undated · reported February 28, 2024"),
    ({"value": None, "interval": [None, None]}, "2024-11", "ro", "fără dată · raportat noiembrie 2024"),
    (None, None, "ro", "fără dată"),
    # a dated event shows its own date, never the day it was reported
    ({"value": "2024-06", "interval": ["2024-06-01", "2024-06-30"]}, "2024-11-08", "ro", "iunie 2024"),
])
def test_readable_when_an_undated_event_says_when_it_was_reported(
        when: dict | None, reported: str | None, lang: str, expected: str) -> None:
    assert readable_when(when, lang, reported) == expected
