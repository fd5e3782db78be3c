"""Event dating on MEANTIME English (eval/events_dating_meantime.py): every pinned floor, and the
dates beat putting every event on the article's day; skips when ../shared is absent (~5 s)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))
import events_dating_meantime as D  # noqa: E402


@pytest.fixture(scope="module")
def results(shared: Path) -> dict[str, dict[str, float]]:
    data = shared / "data" / "en" / "meantime" / "intra_cross-doc_annotation"
    import events_meantime as EM

    groups = {"dev": EM.DEV, "held_out": EM.HELD_OUT, "all": EM.CORPORA}
    return {name: D.evaluate(cs, data) for name, cs in groups.items()}


def test_every_dating_floor_holds(results: dict[str, dict[str, float]]) -> None:
    assert D.below_floors(results) == []


def test_text_dates_beat_the_article_date(results: dict[str, dict[str, float]]) -> None:
    r = results["held_out"]
    assert r["timex_matched"] >= 20  # enough anchored events to mean something
    assert r["timex_cronicar_within"] > r["timex_dct_within"] + 0.3


@pytest.mark.parametrize(("value", "interval"), [
    ("2009", ("2009-01-01", "2009-12-31")),
    ("2009-02", ("2009-02-01", "2009-02-28")),
    ("2009-Q4", ("2009-10-01", "2009-12-31")),
    ("2004-W47", ("2004-11-15", "2004-11-21")),
    ("2009-06-01T12:00Z", ("2009-06-01", "2009-06-01")),
    ("PRESENT_REF", None),
    ("P1Y", None),
])
def test_gold_values_become_calendar_intervals(value: str, interval: tuple[str, str] | None) -> None:
    assert D.value_interval(value) == interval


def test_the_gold_puts_most_unanchored_lead_past_acts_off_the_article_day(shared: Path) -> None:
    """Why a past act with no time of its own is undated even in the lead (docs/events.md, fourth
    round): MEANTIME's gold anchors fewer of them to the document's day than before it."""
    lead = D.lead_convention(shared / "data" / "en" / "meantime" / "intra_cross-doc_annotation")["lead"]
    assert sum(lead.values()) >= 30  # enough lead acts to mean something
    assert lead.get("day", 0) < lead.get("before", 0)
