"""A story's events in calendar order with their sources, and what each article reported first
(the rows come from :mod:`cronicar.store.events`)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from cronicar.store import events as store


def timeline(conn: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """Events of a story in calendar order (by ``when_start``, undated last).

    Each dict: ``id``, ``type`` (the primary cue), ``types`` (every cue of the happening), ``headline``,
    ``summary``, ``when`` (ISO value, granularity kept), ``start``,
    ``end`` (first/last ISO day), ``place``, ``participants`` (canonical names), ``sources``: list of
    ``{"article_id", "article_date", "title", "sentence": [start, end], "text" (the sentence),
    "trigger": [start, end], "status": "new" | "repeated"}`` — "new" for the earliest-dated article(s)
    telling the event, "repeated" for later ones.
    """
    out: list[dict[str, Any]] = []
    for eid, etype, summary, wv, ws, we, place, parts, types, headline in store.story_events(conn, story_id):
        srcs = store.event_sources(conn, eid)
        first = srcs[0][2] if srcs else None
        seen: set[tuple[str, int]] = set()  # one happening told by two cues of one sentence: cite it once
        srcs = [r for r in srcs if (r[0], r[4]) not in seen and not seen.add((r[0], r[4]))]
        sources = [{"article_id": r[0], "article_date": r[1], "title": r[3], "sentence": [r[4], r[5]],
                    "text": r[6], "trigger": [r[7], r[8]], "status": "new" if r[2] == first else "repeated"}
                   for r in srcs]
        out.append({"id": eid, "type": etype, "summary": summary, "when": wv, "start": ws, "end": we,
                    "place": place, "participants": json.loads(parts), "sources": sources,
                    "types": json.loads(types) if types else [etype], "headline": headline or ""})
    return out
