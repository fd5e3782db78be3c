"""Background apart, key dates and actor relations of a story (issue 18), on the seed chronicle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cronicar.export.chronicle import build
from cronicar.export.digest import is_background, relations
from cronicar.export.formats import render_timeline, to_markdown
from cronicar.flow import ingest_paths
from cronicar.link.keydates import DateRef, busiest_days, lead_end, rank_dates
from cronicar.store.db import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with Store(tmp_path_factory.mktemp("digest") / "c.db") as store:
        ingest_paths(store, [EXAMPLES])
        return build(store)


@pytest.mark.parametrize("end,first,expected", [
    ("2022-02-28", "2024-11-01", True),   # the invasion recalled in a 2024 story
    ("2024-08-31", "2024-11-01", False),  # the incursion three months before: part of the story
    ("2025-10-27", "2024-11-01", False),
    (None, "2024-11-01", False),
])
def test_digest_background_is_well_before_the_first_article(end: str | None, first: str, expected: bool) -> None:
    assert is_background({"value": "x", "interval": [end, end]} if end else None, first) is expected


def test_digest_seed_background_is_folded_and_the_period_is_what_is_reported(chronicle: dict[str, Any]) -> None:
    story = chronicle["stories"][0]
    back = [e for e in chronicle["events"] if e["background"]]
    assert [e["when"]["value"] for e in back if e["type"] == "attack"] == ["2022-02"]
    assert story["period"]["start"] >= "2024-06"  # not 2022: the axis is the reported period
    text = render_timeline(chronicle)
    assert text.index("Context") > text.index("27 octombrie 2025")  # folded at the end
    assert "<details><summary>Background</summary>" in to_markdown(chronicle)


def test_digest_seed_events_carry_headline_types_and_key_dates(chronicle: dict[str, Any]) -> None:
    meeting = [e for e in chronicle["events"] if (e["when"] or {}).get("value") == "2025-10-27" and "visit" in e["types"]]
    assert meeting and meeting[0]["headline"] == "Kremlinul: Vladimir Putin se va întâlni la Moscova cu Choe Son Hui"
    keys = chronicle["stories"][0]["key_dates"]
    assert keys[0]["date"] == "2025-10-27" and keys[0]["event"] == meeting[0]["id"]


def test_digest_undated_events_keep_the_day_they_were_reported(chronicle: dict[str, Any]) -> None:
    """An act the text gives no day of is undated; the export keeps its first article's date as
    ``reported`` (an addition to DESIGN §5), and the timeline shows it beside "fără dată"."""
    dates = {a["id"]: a["date"] for a in chronicle["articles"]}
    undated = [e for e in chronicle["events"] if not e["when"]]
    assert undated and all(e["reported"] == dates[e["sources"][0]["article"]] for e in undated)
    assert all(e["reported"] == dates[e["sources"][0]["article"]] for e in chronicle["events"])
    assert "fără dată · raportat" in render_timeline(chronicle)


def test_digest_relations_list_events_and_sources_per_month(chronicle: dict[str, Any]) -> None:
    cells = [c for c in chronicle["relations"] if {c["a"], c["b"]} == {"person:choe-son-hui", "person:vladimir-putin"}]
    # Choe speaks of Putin in November 2024; they meet in Moscow in October 2025
    assert [(c["month"], c["kind"]) for c in cells] == [("2024-11", "statement"), ("2025-10", "cooperation")]
    assert all(c["sources"] and c["events"] for c in cells)


def test_digest_relations_skip_events_spanning_months() -> None:
    ev = {"id": "e1", "type": "meeting", "participants": ["A", "B"], "sources": [{"article": "a1"}],
          "when": {"value": "2024", "interval": ["2024-01-01", "2024-12-31"]}}
    assert relations([ev], {"A": "person:a", "B": "person:b"}) == []
    ev["when"] = {"value": "2024-03", "interval": ["2024-03-01", "2024-03-31"]}
    assert relations([ev], {"A": "person:a", "B": "person:b"})[0]["month"] == "2024-03"


def test_keydates_references_beat_publication_volume() -> None:
    """Five articles of one busy day that refer to nothing, against a day three later articles from
    two outlets recall: the recalled day is key; the busiest-day baseline picks the busy one."""
    refs = [DateRef("2013-08-21", f"a{i}", f"2013-08-2{i + 2}", "out1" if i < 2 else "out2") for i in range(3)]
    published = ["2013-09-01"] * 5 + ["2013-08-22", "2013-08-23", "2013-08-24"]
    assert rank_dates(refs, 1)[0][0] == "2013-08-21"
    assert busiest_days(published, 1)[0][0] == "2013-09-01"


@pytest.mark.parametrize("refs,published,expected", [
    # recalled on three later days beats named by three articles of its own day
    ([DateRef("2011-02-11", f"a{i}", "2011-02-11", "o") for i in range(3)]
     + [DateRef("2011-01-25", f"b{i}", p, "o") for i, p in enumerate(["2011-01-30", "2011-02-05", "2011-02-20"])],
     None, "2011-01-25"),
    # news of a day is printed the day after: four articles of 29 January make the 28th key, over a
    # day four articles name only on that day
    ([DateRef("2011-01-28", "c0", "2011-01-29", "o"), DateRef("2011-01-28", "c1", "2011-01-29", "o"),
      DateRef("2011-02-02", "d0", "2011-02-02", "o"), DateRef("2011-02-02", "d1", "2011-02-02", "o"),
      DateRef("2011-02-02", "d2", "2011-02-02", "o"), DateRef("2011-02-02", "d3", "2011-02-02", "o")],
     ["2011-01-29"] * 4 + ["2011-02-02"] * 4, "2011-01-28"),
])
def test_keydates_recall_and_next_day_signals(refs: list[DateRef], published: list[str] | None, expected: str) -> None:
    assert rank_dates(refs, 1, None, published)[0][0] == expected


def test_keydates_a_day_named_in_the_lead_beats_one_named_further_down() -> None:
    """Two articles that open with a day (what they are about) outweigh three that name another day
    in passing further down (background, a list of dates in a sidebar)."""
    refs = ([DateRef("2011-03-15", f"a{i}", "2011-03-20", "o", lead=True) for i in range(2)]
            + [DateRef("2011-03-10", f"b{i}", "2011-03-20", "o") for i in range(3)])
    assert rank_dates(refs, 1)[0][0] == "2011-03-15"
    assert rank_dates([replace_lead(r) for r in refs], 1)[0][0] == "2011-03-10"


def replace_lead(r: DateRef) -> DateRef:
    return DateRef(r.day, r.article, r.published, r.outlet, r.text, False)


@pytest.mark.parametrize("fill,n,expected", [
    (False, 3, ["2011-03-15"]),
    # asked for three, one day referred to: the days before the busiest publication days follow
    (True, 3, ["2011-03-15", "2011-03-19", "2011-03-21"]),
    # asked for more: then the publication days, busiest first, then the days next to the best day
    # (a dense reference timeline, as ML-Crisis's Yemen in French and Italian, keeps most days
    # around the ones articles name)
    (True, 7, ["2011-03-15", "2011-03-19", "2011-03-21", "2011-03-20", "2011-03-22", "2011-03-16",
               "2011-03-14"]),
])
def test_keydates_fill_with_the_days_before_publication(fill: bool, n: int, expected: list[str]) -> None:
    refs = [DateRef("2011-03-15", "a", "2011-03-16", "o")]
    published = ["2011-03-16"] + ["2011-03-20"] * 3 + ["2011-03-22"] * 2 + ["2011-03-30"] * 5
    window = ("2011-03-01", "2011-03-28")  # 29 and 30 March lie outside
    assert [d for d, _ in rank_dates(refs, n, window, published, fill=fill)] == expected


@pytest.mark.parametrize("text,lead_words", [
    # three sentences of six words or more make the lead; a short heading line does not count
    ("Egipto\nLos manifestantes llenaron la plaza Tahrir el viernes. El ejército no intervino en "
     "ningún momento del día. Mubarak habló por televisión a la nación. Al día siguiente dimitió.",
     "Mubarak habló por televisión a la nación."),
    ("Un singur paragraf scurt, fără alte propoziții.", "Un singur paragraf scurt, fără alte propoziții."),
])
def test_keydates_lead_end(text: str, lead_words: str) -> None:
    assert text[:lead_end(text)].endswith(lead_words)
