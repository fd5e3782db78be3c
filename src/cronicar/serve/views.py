"""What the pages and the API show, read from the store: stories, timelines, entities, articles.

Why a module of its own: the JSON API and the HTML pages must show the same facts, so both call
these functions; the chronicle (DESIGN §5) is built by :mod:`cronicar.export.chronicle` and the
event ordering by :func:`cronicar.export.formats.timeline_items`, never re-derived here.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

from cronicar.export.chronicle import _title_of, build
from cronicar.export.formats import date_label, timeline_items
from cronicar.store.search import search
from cronicar.store.db import Store


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


# -- stories -------------------------------------------------------------------------------

def list_stories(store: Store) -> list[dict[str, Any]]:
    """Every story with its date span, size and the article dates that draw its sparkline."""
    counts = {r["story_id"]: r["n"] for r in store.query(
        "SELECT story_id, count(*) AS n FROM events WHERE story_id IS NOT NULL GROUP BY story_id")}
    art_dates: dict[str, list[str]] = {}
    for r in store.query("SELECT story_id, date_start FROM articles WHERE story_id IS NOT NULL ORDER BY date_start"):
        art_dates.setdefault(r["story_id"], []).append(r["date_start"])
    ev_dates: dict[str, list[str]] = {}
    for r in store.query("SELECT story_id, when_start FROM events WHERE story_id IS NOT NULL AND when_start IS NOT NULL"):
        ev_dates.setdefault(r["story_id"], []).append(r["when_start"])
    out = []
    for r in store.query("SELECT id, title, first_date, last_date FROM stories ORDER BY last_date DESC, id"):
        dates = art_dates.get(r["id"], [])
        out.append({
            "id": r["id"], "title": r["title"], "first_date": r["first_date"], "last_date": r["last_date"],
            "articles": len(dates), "events": counts.get(r["id"], 0),
            "activity": activity(ev_dates.get(r["id"], []) + dates),
        })
    return out


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


def story_timeline(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story's events in calendar order, each with its sources, quotes and axis position.

    Positions are percentages of the story's time span, so an event dated only to a month is a
    bar covering that month and an exact day is a dot: uncertainty is visible, not hidden.
    """
    rows = store.query("SELECT id, title, first_date, last_date FROM stories WHERE id = ?", (story_id,))
    if not rows:
        return None
    chron = build(store, story=story_id)
    items = timeline_items(chron, story_id)
    arts = {a["id"]: a for a in chron["articles"]}
    bounds = [d for it in items for d in (_day(_interval(it)[0]), _day(_interval(it)[1])) if d]
    lo = min(bounds).toordinal() if bounds else 0
    hi = max(bounds).toordinal() if bounds else 0
    span = max(1, hi - lo + 1)
    events = []
    for it in items:
        start, end = (_day(x) for x in _interval(it))
        axis = None
        if start:
            end = end or start
            left = (start.toordinal() - lo) / span * 100
            width = (end.toordinal() - start.toordinal() + 1) / span * 100
            axis = {"left": round(left, 2), "width": round(max(width, 0.0), 2), "range": end > start}
        events.append({
            "id": it["id"], "type": it["type"], "summary": it["summary"], "when": it.get("when"),
            "label": date_label(it.get("when")), "participants": it["participants"], "place": it.get("place"),
            "new_in": it.get("new_in"), "axis": axis,
            "sources": [{**s, "article_date": arts.get(s["article"], {}).get("date"),
                         "article_title": arts.get(s["article"], {}).get("title")} for s in it["sources"]],
            "quotes": it["quotes"],
        })
    story = dict(rows[0])
    story.update({"articles": chron["articles"], "events": events, "axis": _ticks(lo, hi) if bounds else []})
    return story


def _interval(item: dict[str, Any]) -> tuple[str | None, str | None]:
    interval = (item.get("when") or {}).get("interval") or [None, None]
    return interval[0], interval[1]


def _ticks(lo: int, hi: int, most: int = 8) -> list[dict[str, Any]]:
    """Year or month labels along the axis, at most ``most`` of them."""
    span = max(1, hi - lo + 1)
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    months = [(y, m) for y in range(first.year, last.year + 1) for m in range(1, 13)
              if (y, m) >= (first.year, first.month) and (y, m) <= (last.year, last.month)]
    if len(months) > most:
        marks = [(date(y, 1, 1), str(y)) for y in range(first.year, last.year + 1)]
        if len(marks) > most:
            stride = -(-len(marks) // most)
            marks = marks[::stride]
    else:
        marks = [(date(y, m, 1), f"{y}-{m:02d}") for y, m in months]
    return [{"left": round(max(0, d.toordinal() - lo) / span * 100, 2), "label": label} for d, label in marks]


# -- entities ------------------------------------------------------------------------------

def list_entities(store: Store, type_: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE e.type = ?", (type_,)) if type_ else ("", ())
    return [dict(r) for r in store.query(
        "SELECT e.id, e.name, e.type, count(DISTINCT m.article_id) AS articles, count(m.start) AS mentions"
        f" FROM entities e JOIN mentions m ON m.entity_id = e.id {where}"
        " GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name", params)]


def entity_detail(store: Store, entity_id: str) -> dict[str, Any] | None:
    """An entity, what it said over time (quotes it is the speaker of) and who it appears with."""
    rows = store.query("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,))
    if not rows:
        return None
    ent = dict(rows[0])
    ent["aliases"] = [r["alias"] for r in store.query(
        "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,)) if r["alias"] != ent["name"]]
    ent["articles"] = [{"id": r["id"], "title": r["title"] or _title_of(r["head"]), "date": r["date"],
                        "mentions": r["mentions"]} for r in store.query(
        "SELECT a.id, a.title, substr(a.text, 1, 200) AS head, a.date, count(*) AS mentions FROM mentions m"
        " JOIN articles a ON a.id = m.article_id"
        " WHERE m.entity_id = ? GROUP BY a.id ORDER BY a.date_start, a.id", (entity_id,))]
    statements = []
    for r in store.query(
            "SELECT q.*, a.text AS article_text, a.date AS article_date, a.date_start AS article_start,"
            " a.title AS article_title FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.speaker_entity = ? OR (q.speaker_entity IS NULL AND q.speaker = ?)"
            " ORDER BY coalesce(q.when_start, a.date_start), a.id, q.start", (entity_id, ent["name"])):
        when = {"value": r["when_value"], "interval": [r["when_start"], r["when_end"]]} if r["when_value"] else None
        statements.append({
            "id": r["id"], "article": r["article_id"], "article_title": r["article_title"] or _title_of(r["article_text"]),
            "article_date": r["article_date"], "kind": r["kind"], "text": r["article_text"][r["start"]:r["end"]],
            "when": when, "label": date_label(when) if when else r["article_date"],
        })
    ent["statements"] = statements
    ent["appears_with"] = [dict(r) for r in store.query(
        "SELECT e.id, e.name, e.type, count(DISTINCT o.article_id) AS articles"
        " FROM mentions m JOIN mentions o ON o.article_id = m.article_id AND o.entity_id != m.entity_id"
        " JOIN entities e ON e.id = o.entity_id WHERE m.entity_id = ?"
        " GROUP BY e.id ORDER BY articles DESC, e.name LIMIT 30", (entity_id,))]
    return ent


# -- quotes, events, articles --------------------------------------------------------------

def list_quotes(store: Store, speaker: str | None = None, article: str | None = None) -> list[dict[str, Any]]:
    """Quotes of the chronicle, optionally by one speaker (entity id or name, case-insensitive)."""
    quotes = build(store)["quotes"]
    if speaker:
        s = speaker.casefold()
        quotes = [q for q in quotes if s in {(q["speaker"] or "").casefold(), (q["speaker_entity"] or "").casefold()}]
    if article:
        quotes = [q for q in quotes if q["article"] == article]
    return quotes


def list_articles(store: Store) -> list[dict[str, Any]]:
    """Articles by date; an untitled one (a seed file) gets its first line as title, as in the export."""
    return [{**{k: r[k] for k in ("id", "date", "lang", "source", "url", "story")}, "title": r["title"] or _title_of(r["head"])}
            for r in store.query("SELECT id, title, substr(text, 1, 200) AS head, date, lang, source, url,"
                                 " story_id AS story FROM articles ORDER BY date_start, id")]


def search_results(store: Store, q: str, limit: int = 50) -> list[dict[str, Any]]:
    """FTS hits (see :mod:`cronicar.store.search`) with a readable title for untitled articles."""
    hits = search(store.conn, q, limit)
    for h in hits:
        if h["kind"] == "article" and not h["title"]:
            row = store.query("SELECT substr(text, 1, 200) AS head FROM articles WHERE id = ?", (h["id"],))
            h["title"] = _title_of(row[0]["head"]) if row else h["id"]
    return hits


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with all its annotations and the events it was first to report (``new``)."""
    rows = store.query("SELECT * FROM articles WHERE id = ?", (article_id,))
    if not rows:
        return None
    r = rows[0]
    text = r["text"]
    timexes = [{"start": t["start"], "end": t["end"], "text": t["text"], "type": t["type"], "value": t["value"],
                "mod": t["mod"], "interval": [t["int_start"], t["int_end"]] if t["int_start"] else None}
               for t in store.query('SELECT * FROM timexes WHERE article_id = ? ORDER BY start', (article_id,))]
    mentions = [{"start": m["start"], "end": m["end"], "text": m["text"], "label": m["label"],
                 "entity": m["entity_id"]}
                for m in store.query('SELECT * FROM mentions WHERE article_id = ? ORDER BY start', (article_id,))]
    quotes = [{"id": q["id"], "kind": q["kind"], "start": q["start"], "end": q["end"], "text": text[q["start"]:q["end"]],
               "speaker": q["speaker"], "speaker_entity": q["speaker_entity"],
               "cue": [q["cue_start"], q["cue_end"]] if q["cue_start"] is not None else None,
               "when": {"value": q["when_value"], "interval": [q["when_start"], q["when_end"]]} if q["when_value"] else None}
              for q in store.query('SELECT * FROM quotes WHERE article_id = ? ORDER BY start', (article_id,))]
    events, new = [], []
    if r["story_id"]:
        chron = build(store, story=r["story_id"])
        for ev in chron["events"]:
            if any(s["article"] == article_id for s in ev["sources"]):
                item = {"id": ev["id"], "type": ev["type"], "summary": ev["summary"], "when": ev["when"],
                        "label": date_label(ev["when"]), "new_in": ev["new_in"]}
                events.append(item)
                if ev["new_in"] == article_id:
                    new.append(item)
    title = r["title"] or _title_of(text)
    return {"id": r["id"], "title": title, "date": r["date"], "lang": r["lang"], "source": r["source"],
            "url": r["url"], "story": r["story_id"], "text": text, "sentences": json.loads(r["sentences"]),
            "timexes": timexes, "mentions": mentions, "quotes": quotes, "events": events, "new": new}


def annotated_segments(text: str, timexes: list[dict[str, Any]], quotes: list[dict[str, Any]],
                       mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article text as a tree of properly nested spans for highlighting.

    Quotes are outermost, then time expressions, then entity mentions; a span that would cross
    the end of an enclosing one is clipped to it, so the HTML nests and no text is lost or doubled.
    Returns nodes ``{"kind": "text", "text"}`` or ``{"kind", "data", "children"}``.
    """
    spans = [(q["start"], q["end"], 0, "quote", q) for q in quotes]
    spans += [(t["start"], t["end"], 1, "timex", t) for t in timexes]
    spans += [(m["start"], m["end"], 2, "entity", m) for m in mentions]
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
