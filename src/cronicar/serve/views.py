"""What the pages and the API show, read from the store: stories, timelines, entities, articles.

Why a module of its own: the JSON API and the HTML pages must show the same facts, so both call
these functions.  Why paged reads (:mod:`cronicar.store.browse`) and not the whole chronicle: a
request must cost the same on a thousand or a million articles, so every list reads only the page
asked for, and an article page reads only its own events.
"""

from __future__ import annotations

import calendar
import json
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from cronicar.export.chronicle import title_of
from cronicar.export.formats import date_label
from cronicar.export.readable import plural  # noqa: F401 - the pages' count words (template global)
from cronicar.store.search import fts_query, search
from cronicar.store import articles as stored_articles
from cronicar.store import browse
from cronicar.store import entities as stored_entities
from cronicar.store import events as stored_events
from cronicar.store.db import Store

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


def _day(value: str | None) -> date | None:
    """'2024', '2024-11' or '2024-11-08' (or longer) -> its first day; None when unparsable."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        d = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def readable_date(value: str | None) -> str:
    """'2024-11-08' -> '8 Nov 2024', '2024-11' -> 'Nov 2024', '2024' -> '2024'; anything else as is
    (a month-only date stays a month: never shown as its first day)."""
    if not value:
        return ""
    parts = value[:10].split("-")
    try:
        if len(parts) == 3 and len(value) >= 10:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        if len(parts) == 2 and parts[1].isdigit():
            return f"{MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        return value
    return value


def readable_when(when: dict[str, Any] | None, reported: str | None = None) -> str:
    """An event or statement date for people: '8 Nov 2024', 'Nov 2024', '1 Nov 2024 – 29 Nov 2024';
    an undated event with the day it was first ``reported``: 'undated · reported 28 Feb 2024'."""
    label = date_label(when)
    if " … " in label:
        start, end = label.split(" … ", 1)
        return f"{readable_date(start)} – {readable_date(end)}"
    if label == "undated":
        return f"undated · reported {readable_date(reported)}" if reported else "undated"
    return readable_date(label)


# A source ending so names the file the article was read from, not who published it.
FILE_SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm", ".xml", ".rss", ".atom", ".csv", ".md")


def outlet(url: str | None, source: str | None) -> str:
    """Who published an article: the web host of its URL ('zf.ro'), else its source name ('zf');
    nothing when the source is only the file it was read from ('examples/000_ccc3.txt': a reader
    would take the file name for an outlet)."""
    host = urlsplit(url or "").hostname if url else None
    if host:
        return host.removeprefix("www.")
    src = (source or "").strip()
    if src.startswith(("http://", "https://")):
        return (urlsplit(src).hostname or "").removeprefix("www.")
    if "/" in src or "\\" in src or src.lower().endswith(FILE_SUFFIXES):
        return ""
    return src


# -- stories -------------------------------------------------------------------------------

def story_item(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["id"], "title": r["title"], "first_date": r["first_date"], "last_date": r["last_date"],
            "articles": r["n_articles"], "events": r.get("n_events", 0), "activity": activity(r.get("dates", []))}


def list_stories(store: Store, limit: int = 50, offset: int = 0, **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """One page of stories (latest update first by default) and how many match the filters."""
    rows, total = browse.stories_page(store.conn, limit=limit, offset=offset, **filters)
    return [story_item(r) for r in rows], total


def activity(dates: list[str], buckets: int = 24) -> list[int]:
    """How many dated items fall in each of ``buckets`` equal slices of their span (sparkline data)."""
    days = sorted(d for d in (_day(x) for x in dates) if d)
    if not days:
        return []
    lo, hi = days[0].toordinal(), days[-1].toordinal()
    span = max(1, hi - lo + 1)
    counts = [0] * buckets
    for d in days:
        counts[min(buckets - 1, (d.toordinal() - lo) * buckets // span)] += 1
    return counts


def sparkline_points(counts: list[int], width: int = 120, height: int = 24) -> str:
    """SVG polyline points for ``counts`` (drawn server-side: no chart library, works offline)."""
    if not counts:
        return ""
    top = max(counts) or 1
    step = width / max(1, len(counts) - 1)
    return " ".join(f"{i * step:.1f},{height - 2 - (c / top) * (height - 4):.1f}" for i, c in enumerate(counts))


BACKGROUND_DAYS = 90  # the chronicle's rule (export/digest.py): ended this long before the first article


def background_cutoff(first_date: str | None) -> str | None:
    """The day before which an event is background (context the articles recall, not a development)."""
    first = _day(first_date)
    return (first - timedelta(days=BACKGROUND_DAYS)).isoformat() if first else None


BACKGROUND_PREVIEW = 10  # background events shown folded on the first page (the rest: part="background")


def zoom_period(date_from: str | None, date_to: str | None) -> tuple[str, str] | None:
    """(first day, last day) of a zoom given as YYYY-MM or YYYY-MM-DD bounds (a month bound is
    its first or its last day; a missing one is open); None without bounds.  ValueError for a
    date that does not exist (2024-13, 2023-02-30) or a period that ends before it starts."""
    if not date_from and not date_to:
        return None
    lo = date.fromisoformat(date_from if len(date_from or "") == 10 else f"{date_from}-01") if date_from else date.min
    if date_to and len(date_to) == 7:
        y, m = int(date_to[:4]), int(date_to[5:7])
        hi = date(y, m, calendar.monthrange(y, m)[1])
    else:
        hi = date.fromisoformat(date_to) if date_to else date.max
    if hi < lo:
        raise ValueError(f"the period ends ({date_to}) before it starts ({date_from})")
    return lo.isoformat(), hi.isoformat()


def story_timeline(store: Store, story_id: str, limit: int = 100, offset: int = 0,
                   part: str | None = None, period: tuple[str, str] | None = None) -> dict[str, Any] | None:
    """One page of a story's events in calendar order, each with its sources, quotes and axis position.

    Positions are percentages of the story's own period (see :func:`fit_axis`), so an event dated
    only to a month is a bar covering that month and an exact day is a dot: uncertainty is visible.
    Every event says whether it is ``background``.  ``part`` (the page): "main" pages through the
    story's own period and gives the first background events apart (``background``, folded);
    "background" pages through the background alone; None (the API) through everything.
    ``period`` (first day, last day) zooms: only the events overlapping it, on an axis fitted to it
    (the background split does not apply inside a zoom).
    """
    conn = store.conn
    story = browse.story_row(conn, story_id)
    if story is None:
        return None
    cutoff = background_cutoff(story["first_date"])
    ends = None
    if period:
        part = None
    if part and cutoff:
        ends = ("before", cutoff) if part == "background" else ("from", cutoff)
    total = browse.count_events(conn, story=story_id, ends=ends, period=period)
    page = browse.events_page(conn, story=story_id, limit=limit, offset=offset, order="timeline", ends=ends,
                              period=period)
    n_back = browse.count_events(conn, story=story_id, ends=("before", cutoff)) if cutoff else 0
    back = browse.events_page(conn, story=story_id, limit=BACKGROUND_PREVIEW, order="timeline",
                              ends=("before", cutoff)) if part == "main" and cutoff and offset == 0 else []
    quotes = browse.quotes_in_sentences(conn, [s for ev in page + back for s in ev["sources"]])
    lo, hi = fit_axis(browse.story_date_bounds(conn, story_id, cutoff or ""), story["first_date"], story["last_date"])
    if period:  # zoomed: the axis is the period itself (an open bound keeps the story's edge)
        lo = date.fromisoformat(period[0]).toordinal() if period[0] != date.min.isoformat() else lo
        hi = date.fromisoformat(period[1]).toordinal() if period[1] != date.max.isoformat() else hi
        if lo is not None and hi is not None and hi < lo:
            lo, hi = hi, lo
    events = [_timeline_event(ev, quotes, lo, hi, cutoff) for ev in page]
    story["key_dates"] = key_dates(store, story) if part == "main" and offset == 0 else []
    story.update({"articles": browse.story_articles(conn, story_id), "events": events, "total_events": total,
                  "offset": offset, "limit": limit, "axis": _ticks(lo, hi) if lo is not None else [],
                  "months": browse.story_months(conn, story_id, ends, period), "background_cutoff": cutoff,
                  "zoom": period,
                  "background": [_timeline_event(ev, quotes, lo, hi, cutoff) for ev in back],
                  "total_background": n_back, "part": part})
    return story


_KEY_DATES: dict[tuple[Any, ...], list[dict[str, Any]]] = {}


def key_dates(store: Store, story: dict[str, Any], n: int = 10) -> list[dict[str, Any]]:
    """The story's ``n`` key dates, best first (``date``, ``readable``, ``line``, ``event``): the days
    the chronicle work's :mod:`cronicar.link.keydates` ranks by referring articles and outlets,
    each with its best-told event.  Empty while that module is absent.  Kept per store state:
    ranking reads every dated reference of the story."""
    try:
        from cronicar.link.keydates import rank_dates, story_refs  # type: ignore[import-not-found]
    except ImportError:
        return []
    conn = store.conn
    cache_key = (browse._file_state(conn), story["id"], n)
    if cache_key in _KEY_DATES:
        return _KEY_DATES[cache_key]
    window = (story["first_date"], story["last_date"]) if story["first_date"] and story["last_date"] else None
    out = []
    for day, _score in rank_dates(story_refs(conn, story["id"]), n, window):
        best = browse.best_event_of_day(conn, story["id"], day)
        out.append({"date": day, "readable": readable_date(day), "line": best["line"] if best else "",
                    "event": best["id"] if best else None})
    if len(_KEY_DATES) > 256:
        _KEY_DATES.clear()
    _KEY_DATES[cache_key] = out
    return out


def _timeline_event(ev: dict[str, Any], quotes: dict[tuple[str, int], list[dict[str, Any]]],
                    lo: int | None, hi: int | None, cutoff: str | None = None) -> dict[str, Any]:
    when = ev.get("when")
    first = ev["sources"][0] if ev["sources"] else {}
    return {
        "id": ev["id"], "story": ev["story"], "type": ev["type"], "summary": ev["summary"], "when": when,
        "label": date_label(when), "readable": readable_when(when, first.get("article_date")),
        "participants": ev["participants"],
        "place": ev.get("place"), "new_in": ev.get("new_in"), "axis": _axis_mark(when, lo, hi),
        "sources": ev["sources"], "n_sources": len(ev["sources"]),
        "n_articles": len({s["article"] for s in ev["sources"]}),
        "outlet": outlet(first.get("url"), first.get("outlet")) if first else "",
        "lang": first.get("lang"),
        "quotes": [q for s in ev["sources"] for q in quotes.get((s["article"], s["start"]), [])],
        # from the chronicle work when the store has them (schema v3+): a short headline for the
        # row, and whether the event is background (told as context) or a key date of the story
        "headline": ev.get("headline"), "key": bool(ev.get("key")),
        "background": bool(cutoff and (_interval(when)[1] or _interval(when)[0] or "9999") < cutoff),
    }


def fit_axis(bounds: tuple[list[str], list[str]], first: str | None, last: str | None) -> tuple[int | None, int | None]:
    """The axis span: the story's own period (its articles' first and last day) widened to hold
    most of its events, but not the few far outliers (a 1990 background date on a 2022 story would
    squeeze every other mark into one pixel); those are clamped to the edge and drawn dashed.

    ``bounds``: the sorted start days and sorted end days of the story's events."""
    starts, ends = bounds
    lo_cands = [d.toordinal() for d in (_day(first),) if d]
    hi_cands = [d.toordinal() for d in (_day(last),) if d]
    if starts:
        lo_cands += [d.toordinal() for d in (_day(starts[len(starts) // 20]),) if d]
        hi_cands += [d.toordinal() for d in (_day(ends[len(ends) - 1 - len(ends) // 20]),) if d]
    if not lo_cands or not hi_cands:
        return None, None
    lo, hi = min(lo_cands), max(hi_cands)
    return min(lo, hi), max(lo, hi)


def _axis_mark(when: dict[str, Any] | None, lo: int | None, hi: int | None) -> dict[str, Any] | None:
    start, end = (_day(x) for x in _interval(when))
    if not start or lo is None or hi is None:
        return None
    end = end or start
    span = max(1, hi - lo + 1)
    a = min(max(start.toordinal(), lo), hi)
    b = min(max(end.toordinal(), a), hi)
    clipped = start.toordinal() < lo or end.toordinal() > hi
    return {"left": round((a - lo) / span * 100, 2), "width": round((b - a + 1) / span * 100, 2),
            "range": end > start, "clipped": clipped}


def _interval(when: dict[str, Any] | None) -> tuple[str | None, str | None]:
    interval = (when or {}).get("interval") or [None, None]
    return interval[0], interval[1]


def month_groups(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events grouped under year and month headings (undated last), for a scannable timeline.

    An event known only to the year (1 Jan - 31 Dec) gets a "month not known" heading of its year
    rather than January; a heading that comes back (an exact 1 January after a year-only event)
    has no anchor the second time, so ids stay unique."""
    groups: list[dict[str, Any]] = []
    anchors: set[str] = set()
    for ev in events:
        start, end = _interval(ev.get("when"))
        start, end = start or "", end or start or ""
        if len(start) < 7 or start[4] != "-":
            key, month = "", ""
        elif start[5:10] == "01-01" and end[:4] == start[:4] and end[5:10] == "12-31":
            key, month = start[:4], "month not known"
        else:
            key, month = start[:7], MONTH_NAMES[int(start[5:7]) - 1]
        if not groups or groups[-1]["key"] != key:
            year = key[:4]
            anchor = (f"m-{key}" if key else "m-undated") if key not in anchors else None
            anchors.add(key)
            groups.append({"key": key, "year": year, "month": month, "anchor": anchor, "events": [],
                           "new_year": not groups or groups[-1]["year"] != year})
        groups[-1]["events"].append(ev)
    return groups


def month_pages(months: list[tuple[str, int]], per_page: int) -> list[dict[str, Any]]:
    """Month index of a story: each month with its number of events and the page it starts on."""
    out, seen = [], 0
    for ym, n in months:
        out.append({"key": ym, "label": readable_date(ym) if ym else "undated", "events": n,
                    "page": seen // per_page + 1})
        seen += n
    return out


TICK_FLIP_AT = 85.0  # percent of the axis; a "Septembrie 2025" label is ~12% of a 900 px axis
LABEL_SPAN = 12.0  # percent of the axis one label may take
# On a narrow screen (the 40rem layout of app.css) the axis is about this wide, and a label of the
# .75rem axis text takes at most this much per character (plus its padding and mark): labels that
# would cover the one before them there are marked wide-only and hidden by the stylesheet.
NARROW_AXIS_PX = 320.0
LABEL_CHAR_PX = 7.5
LABEL_PAD_PX = 6.0


def _ticks(lo: int, hi: int, most: int = 8) -> list[dict[str, Any]]:
    """Year or month labels along the axis, at most ``most`` of them."""
    span = max(1, hi - lo + 1)
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    months = [(y, m) for y in range(first.year, last.year + 1) for m in range(1, 13)
              if (y, m) >= (first.year, first.month) and (y, m) <= (last.year, last.month)]
    if most < len(months) <= most * 3:  # a year or two: every 2nd or 3rd month, not one lone year
        stride = -(-len(months) // most)
        marks = [(date(y, m, 1), f"{MONTHS[m - 1]} {y}") for y, m in months[::stride]]
    elif len(months) > most:
        marks = [(date(y, 1, 1), str(y)) for y in range(first.year, last.year + 1)]
        if len(marks) > most:
            stride = -(-len(marks) // most)
            marks = marks[::stride]
    else:
        marks = [(date(y, m, 1), f"{MONTHS[m - 1]} {y}") for y, m in months]
    ticks = [{"left": round(max(0, d.toordinal() - lo) / span * 100, 2), "label": label} for d, label in marks]
    for tick in ticks:
        # a label starting in the last stretch of the axis would run past its end and be cut:
        # it is drawn leftwards from its mark instead
        tick["end"] = tick["left"] > TICK_FLIP_AT
    if len(ticks) > 1 and ticks[-1]["end"] and ticks[-1]["left"] - ticks[-2]["left"] < 2 * LABEL_SPAN:
        ticks.pop()  # drawn leftwards it would cover its neighbour's label: the neighbour stays
    _mark_narrow(ticks)
    return ticks


def _mark_narrow(ticks: list[dict[str, Any]], axis_px: float = NARROW_AXIS_PX) -> None:
    """Mark ``wide_only`` the labels that would overlap on an axis ``axis_px`` wide: from the left,
    a label is kept when it starts after the last kept one ends (a label drawn leftwards ends at its
    mark); the others are hidden on narrow screens, so "Aug 2025" and "Oct 2025" never print over
    each other at 360 px."""
    kept_right = -1.0
    for tick in ticks:
        span = (len(tick["label"]) * LABEL_CHAR_PX + LABEL_PAD_PX) / axis_px * 100
        lo, hi = (tick["left"] - span, tick["left"]) if tick["end"] else (tick["left"], tick["left"] + span)
        tick["wide_only"] = lo < kept_right
        if not tick["wide_only"]:
            kept_right = hi


# -- entities ------------------------------------------------------------------------------

def list_entities(store: Store, type_: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    return browse.entities_page(store.conn, type_, limit=limit, offset=offset)


def distinct_aliases(name: str, aliases: list[str]) -> list[str]:
    """Other spellings, once each: 'Lavrov' and 'LAVROV' or ş/ș variants count as one, the name never."""
    seen, out = {browse.folded(name)}, []
    for alias in aliases:
        key = browse.folded(" ".join(alias.split()))
        if key not in seen:
            seen.add(key)
            out.append(alias)
    return out


def entity_detail(store: Store, entity_id: str, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """An entity, one page of what it said over time (quotes it is the speaker of), who it appears
    with and its latest articles."""
    conn = store.conn
    row = stored_entities.entity(conn, entity_id)
    if row is None:
        return None
    ent = dict(row)
    ent["aliases"] = distinct_aliases(ent["name"], stored_entities.aliases_of(conn, entity_id))
    arts, n_arts = browse.articles_page(conn, entity=entity_id, limit=limit, offset=0)
    ent["articles"], ent["total_articles"] = arts, n_arts
    statements, total = browse.entity_statements(conn, entity_id, ent["name"], limit, offset)
    starts = browse.sentence_starts(conn, {s["article"] for s in statements})
    for s in statements:
        s["label"] = date_label(s["when"]) if s["when"] else s["article_date"]
        s["readable"] = readable_when(s["when"]) if s["when"] else readable_date(s["article_date"])
        s["sentence"] = browse.sentence_index(starts.get(s["article"], []), s["start"])
    ent["statements"], ent["total_statements"] = statements, total
    # cost grows with the entity's mentions: kept per state of the store (browse.cached_rows)
    ent["appears_with"] = [dict(zip(("id", "name", "type", "articles"), r)) for r in browse.cached_rows(conn,
        "SELECT e.id, e.name, e.type, count(DISTINCT o.article_id) AS articles"
        " FROM mentions m JOIN mentions o ON o.article_id = m.article_id AND o.entity_id != m.entity_id"
        " JOIN entities e ON e.id = o.entity_id WHERE m.entity_id = ?"
        " GROUP BY e.id ORDER BY articles DESC, e.name LIMIT 30", [entity_id])]
    ent["relations"] = relations(store, entity_id, ent["name"])
    return ent


def entity_relation_cells(store: Store, name: str) -> list[dict[str, Any]]:
    """The actor-relation cells (``export/digest.py``) of the latest 500 dated events naming
    ``name``: what an entity page and ``/api/relations?entity=`` show, at a cost that follows the
    entity, not the corpus."""
    from cronicar.export.digest import relations as pair_relations
    from cronicar.store.entities import actor_ids as entity_ids

    conn = store.conn
    return pair_relations(browse.events_by_id(conn, browse.events_naming(conn, name)), entity_ids(conn))


def relations(store: Store, entity_id: str, name: str | None = None) -> list[dict[str, Any]]:
    """Who this entity met, fought or spoke about, by kind (cooperation, conflict, statement): the
    chronicle work's actor relations (``export/digest.py``) over the events naming it (the latest
    500), one row per other actor and kind with its events and months."""
    from cronicar.store.entities import actor_ids as entity_ids

    ids = entity_ids(store.conn)
    names = {v: k for k, v in ids.items()}
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for cell in entity_relation_cells(store, name or entity_id):
        if entity_id not in (cell["a"], cell["b"]):
            continue
        other = cell["b"] if cell["a"] == entity_id else cell["a"]
        row = rows.setdefault((other, cell["kind"]), {"other": other, "other_name": names.get(other, other),
                                                      "relation": cell["kind"], "events": [], "months": []})
        row["events"] += cell["events"]
        row["months"].append(cell["month"])
    out = sorted(rows.values(), key=lambda r: (-len(r["events"]), r["other_name"]))
    for r in out:
        r["count"] = len(r["events"])
        r["span"] = " – ".join(dict.fromkeys([readable_date(min(r["months"])), readable_date(max(r["months"]))]))
    return out[:30]


# -- quotes, events, articles --------------------------------------------------------------

def list_quotes(store: Store, speaker: str | None = None, article: str | None = None, date_from: str | None = None,
                date_to: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of quotes in date order, by speaker (entity id, name or any alias, case- and
    diacritic-insensitive), article and date range; each with its sentence anchor."""
    quotes, total = browse.quotes_page(store.conn, speaker=speaker, article=article, date_from=date_from,
                                       date_to=date_to, limit=limit, offset=offset)
    starts = browse.sentence_starts(store.conn, {q["article"] for q in quotes})
    for q in quotes:
        q["sentence"] = browse.sentence_index(starts.get(q["article"], []), q["start"])
        q["readable"] = readable_when(q["when"]) if q["when"] else readable_date(q["article_date"])
    return quotes, total


def list_articles(store: Store, limit: int = 50, offset: int = 0, **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """One page of articles by date; an untitled one (a seed file) gets its first line as title."""
    return browse.articles_page(store.conn, limit=limit, offset=offset, **filters)


def search_results(store: Store, q: str, limit: int = 50, **facet: str | None) -> list[dict[str, Any]]:
    """FTS hits (see :mod:`cronicar.store.search`) with a readable title for untitled articles;
    ``facet`` holds the kind/year/story filters."""
    hits = search(store.conn, q, limit, **facet)
    for h in hits:
        if h["kind"] == "article" and not h["title"]:
            head = stored_articles.head(store.conn, h["id"])
            h["title"] = title_of(head) if head is not None else h["id"]
    return hits


def search_page(store: Store, q: str, limit: int = 50, offset: int = 0,
                **facet: str | None) -> tuple[list[dict[str, Any]], int]:
    """One page of search hits (narrowed by the kind/year/story ``facet`` filters), each with its
    date, and how many documents match in all."""
    hits = search_results(store, q, offset + limit, **facet)[offset:]
    total = browse.search_total(store.conn, fts_query(q), **facet)
    for h in hits:
        if h["kind"] == "article":
            h["date"] = stored_articles.date_of(store.conn, h["id"])
        else:
            ev = stored_events.event(store.conn, h["id"])
            h["date"] = ev["when_value"] if ev else None
        h["readable"] = readable_date(h["date"])
    return hits, max(total, offset + len(hits))


def search_facets(store: Store, q: str, **facet: str | None) -> dict[str, list[tuple[str, str, int]]]:
    """Counts of the matches by kind, year and story (see :func:`cronicar.store.browse.search_counts`)."""
    return browse.search_counts(store.conn, fts_query(q), **facet)[1]


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with all its annotations and the events it was first to report (``new``).

    Only this article's own events are read (not its whole story), each with the sentence of this
    article that reports it (``sentence``: the ``#s-N`` anchor)."""
    r = stored_articles.article(store.conn, article_id)
    if r is None:
        return None
    text = r["text"]
    timexes = [{"start": t["start"], "end": t["end"], "text": t["text"], "type": t["type"], "value": t["value"],
                "mod": t["mod"], "interval": [t["int_start"], t["int_end"]] if t["int_start"] else None}
               for t in stored_articles.annotations(store.conn, "timexes", article_id)]
    mentions = [{"start": m["start"], "end": m["end"], "text": m["text"], "label": m["label"],
                 "entity": m["entity_id"]}
                for m in stored_articles.annotations(store.conn, "mentions", article_id)]
    quotes = [{"id": q["id"], "kind": q["kind"], "start": q["start"], "end": q["end"], "text": text[q["start"]:q["end"]],
               "speaker": q["speaker"], "speaker_entity": q["speaker_entity"],
               "cue": [q["cue_start"], q["cue_end"]] if q["cue_start"] is not None else None,
               "when": {"value": q["when_value"], "interval": [q["when_start"], q["when_end"]]} if q["when_value"] else None}
              for q in stored_articles.annotations(store.conn, "quotes", article_id)]
    events = browse.article_events(store.conn, article_id, r["story_id"]) if r["story_id"] else []
    for ev in events:
        ev["label"] = date_label(ev["when"])
        ev["readable"] = readable_when(ev["when"])
    new = [ev for ev in events if ev["new_in"] == article_id]
    title = r["title"] or title_of(text)
    return {"id": r["id"], "title": title, "date": r["date"], "lang": r["lang"], "source": r["source"],
            "url": r["url"], "story": r["story_id"], "text": text, "sentences": json.loads(r["sentences"]),
            "timexes": timexes, "mentions": mentions, "quotes": quotes, "events": events, "new": new}


def annotated_segments(text: str, timexes: list[dict[str, Any]], quotes: list[dict[str, Any]],
                       mentions: list[dict[str, Any]],
                       sentences: list[tuple[int, int]] | None = None) -> list[dict[str, Any]]:
    """The article text as a tree of properly nested spans for highlighting.

    Sentences are outermost (``{"kind": "sentence", "data": {"i": N}}``, the ``#s-N`` anchors a
    source links to), then quotes, time expressions and entity mentions; a quote running over
    several sentences is cut at their boundaries (one piece per sentence), and any other span that
    would cross the end of an enclosing one is clipped to it, so the HTML nests and no text is lost
    or doubled.  Returns nodes ``{"kind": "text", "text"}`` or ``{"kind", "data", "children"}``.
    """
    # the index is the sentence's place in the stored list: the N of #s-N that sources link to
    numbered = [(i, *_trimmed(text, int(a), int(b))) for i, (a, b) in enumerate(sentences or [])]
    numbered = [(i, a, b) for i, a, b in numbered if b > a]
    sents = sorted((a, b) for _, a, b in numbered)
    spans = [(a, b, -1, "sentence", {"i": i, "start": a, "end": b}) for i, a, b in numbered]
    for prio, kind, items in ((0, "quote", quotes), (1, "timex", timexes), (2, "entity", mentions)):
        for item in items:
            spans += [(a, b, prio, kind, item) for a, b in _cut(item["start"], item["end"], sents)]
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    root: dict[str, Any] = {"kind": "root", "children": [], "end": len(text)}
    stack = [root]
    pos = 0

    def emit(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            stack[-1]["children"].append({"kind": "text", "text": text[pos:upto]})
            pos = upto

    for start, end, _prio, kind, data in spans:
        if start < pos or end <= start:
            continue  # overlaps something already emitted
        while len(stack) > 1 and start >= stack[-1]["end"]:
            emit(stack[-1]["end"])
            stack.pop()
        emit(start)
        node = {"kind": kind, "data": data, "children": [], "end": min(end, stack[-1]["end"])}
        stack[-1]["children"].append(node)
        stack.append(node)
    while len(stack) > 1:
        emit(stack[-1]["end"])
        stack.pop()
    emit(len(text))
    return root["children"]


def _cut(start: int, end: int, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) split at sentence boundaries (unchanged when there are no sentences)."""
    if not sents:
        return [(start, end)]
    pieces = [(max(start, a), min(end, b)) for a, b in sents if a < end and b > start]
    return [(a, b) for a, b in pieces if b > a] or [(start, end)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence span without its leading and trailing white space (the highlight hugs the words)."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
