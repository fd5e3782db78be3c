"""What makes a story scannable (issue 18): background apart, key dates, actor relations.

- **Background**: an event that ends more than ``BACKGROUND_DAYS`` before the story's first article
  is context the articles recall ("invazia rusă din Ucraina în 2022" in a 2024 story), not a
  development; it is flagged ``background`` and shown folded under its own heading.  The story's
  ``period`` (its window and time axis) is what it reports: from its first non-background event
  or article to its last.
- **Key dates**: :mod:`cronicar.link.keydates` ranks the days of the period by how many articles
  and outlets refer to them; each comes with one line, the headline of the best-sourced event of
  that day, else a sentence that names the day.
- **Relations**: for every pair of entities named together in a dated event, per month and kind
  (cooperation, conflict, statement; ``RELATION_KINDS``), the events and their sources.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations
from typing import Any

from cronicar.link.keydates import DateRef, rank_dates

BACKGROUND_DAYS = 90
DEFAULT_KEY_DATES = 10
# Event types (language-independent labels of the trigger lexicons) by the relation they make
# between the parties they name.  Types not listed (rise, fall, results...) relate nobody.
RELATION_KINDS = {
    "meeting": "cooperation", "talks": "cooperation", "visit": "cooperation", "agreement": "cooperation",
    "supply": "cooperation", "deployment": "cooperation", "merger": "cooperation", "purchase": "cooperation",
    "sale": "cooperation", "offer": "cooperation", "award": "cooperation", "appointment": "cooperation",
    "attack": "conflict", "incursion": "conflict", "accusation": "conflict", "ban": "conflict",
    "lawsuit": "conflict", "rejection": "conflict",
    "statement": "statement",
}


def is_background(when: dict[str, Any] | None, story_first: str | None) -> bool:
    """Whether an event dated ``when`` ends more than ``BACKGROUND_DAYS`` before ``story_first``."""
    end = ((when or {}).get("interval") or [None, None])[1]
    if not end or not story_first:
        return False
    try:
        return date.fromisoformat(end) < date.fromisoformat(story_first) - timedelta(days=BACKGROUND_DAYS)
    except ValueError:
        return False


def period(events: list[dict[str, Any]], first: str | None, last: str | None) -> dict[str, str | None]:
    """The reported period: from the first non-background event or article to the last."""
    starts = [e["when"]["interval"][0] for e in events
              if not e.get("background") and e.get("when") and e["when"]["interval"][0]]
    ends = [e["when"]["interval"][1] for e in events
            if not e.get("background") and e.get("when") and e["when"]["interval"][1]]
    lo = min([d for d in starts + [first] if d], default=None)
    hi = max([d for d in ends + [last] if d], default=None)
    return {"start": lo, "end": hi}


def key_dates(refs: list[DateRef], events: list[dict[str, Any]],
              window: tuple[str, str] | None, n: int = DEFAULT_KEY_DATES) -> list[dict[str, Any]]:
    """The story's ``n`` key dates, best first: ``{"date", "line", "event", "sources"}``, from its
    day-precise references (:func:`cronicar.link.keydates.story_refs`)."""
    by_day: dict[str, set[str]] = defaultdict(set)
    for r in refs:
        by_day[r.day].add(r.article)
    out = []
    for day, _ in rank_dates(refs, n, window):
        same_day = [e for e in events if e.get("when") and e["when"]["interval"] == [day, day]]
        # the best-told happening of the day: most sources, then most cues, then not a mere statement
        best = max(same_day, key=lambda e: (len(e["sources"]), len(e.get("types", [])), e["type"] != "statement"),
                   default=None)
        line = (best.get("headline") or best["summary"]) if best else next(
            (r.text for r in refs if r.day == day and r.text), "")
        out.append({"date": day, "line": line, "event": best["id"] if best else None,
                    "sources": len(by_day[day])})
    return out


def relations(events: list[dict[str, Any]], entity_ids: dict[str, str]) -> list[dict[str, Any]]:
    """Actor pairs by month and kind: ``{"a", "b", "month", "kind", "events", "sources"}`` (``a`` <
    ``b``, entity ids; ``sources`` the articles).  Only events dated within one month count."""
    cells: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for ev in events:
        kind = RELATION_KINDS.get(ev["type"])
        interval = (ev.get("when") or {}).get("interval") or [None, None]
        if kind is None or not interval[0] or not interval[1] or interval[0][:7] != interval[1][:7]:
            continue
        ids = sorted({entity_ids[p] for p in ev["participants"] if p in entity_ids})
        for a, b in combinations(ids, 2):
            cell = cells.setdefault((a, b, interval[0][:7], kind), {
                "a": a, "b": b, "month": interval[0][:7], "kind": kind, "events": [], "sources": []})
            cell["events"].append(ev["id"])
            for s in ev["sources"]:
                if s["article"] not in cell["sources"]:
                    cell["sources"].append(s["article"])
    return sorted(cells.values(), key=lambda c: (c["month"], c["a"], c["b"], c["kind"]))

