"""Incremental story linking.

A new article is compared only with candidate stories found through ``story_entities`` (stories
sharing a PERSON/ORG/GPE entity, most recent first, capped), inside a time window that widens when
many entities are shared.  Score = weighted entity overlap; the article joins the best story over
the threshold, else starts a new one.  Cost per article is bounded by the caps, not the corpus.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from cronicar.link import index
from cronicar.link.events import link_events

MAX_CANDIDATES = 50
WINDOW_DAYS = 120
WIDE_WINDOW_DAYS = 3 * 365
THRESHOLD = 0.34
TYPE_WEIGHT = {"person": 2.0, "org": 1.0, "gpe": 0.7}


def _weight(entity_id: str) -> float:
    return TYPE_WEIGHT.get(entity_id.split(":", 1)[0], 0.5)


def choose_story(conn: sqlite3.Connection, article_id: str, ents: dict[str, int], day: str) -> str | None:
    """Best candidate story for the article's entities, or None."""
    if not ents:
        return None
    total = sum(_weight(e) for e in ents)
    scores: dict[str, float] = {}
    lasts: dict[str, str] = {}
    for eid in ents:
        for sid, last in conn.execute(
                "SELECT story_id, last_date FROM story_entities WHERE entity_id=? "
                "ORDER BY last_date DESC LIMIT ?", (eid, MAX_CANDIDATES)):
            scores[sid] = scores.get(sid, 0.0) + _weight(eid)
            lasts[sid] = max(lasts.get(sid, ""), last or "")
    best, best_score = None, 0.0
    d0 = date.fromisoformat(day)
    for sid, s in scores.items():
        frac = s / total
        shared_people = s
        window = WIDE_WINDOW_DAYS if shared_people >= 4.0 else WINDOW_DAYS
        try:
            gap = abs((d0 - date.fromisoformat(lasts[sid])).days)
        except ValueError:
            gap = 0
        if gap > window:
            continue
        if frac >= THRESHOLD and frac > best_score:
            best, best_score = sid, frac
    return best


def link_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Assign the article to a story, cluster its event mentions, update story fields (idempotent)."""
    index.ensure(conn)
    row = conn.execute("SELECT story_id, date_start, date_end, title, text FROM articles WHERE id=?",
                       (article_id,)).fetchone()
    if row is None:
        return
    story_id, ds, de, title, text = row
    ents: dict[str, int] = {}
    for (eid,) in conn.execute("SELECT entity_id FROM mentions WHERE article_id=?", (article_id,)):
        ents[eid] = ents.get(eid, 0) + 1
    if story_id is None:
        story_id = choose_story(conn, article_id, ents, ds) or ("s:" + article_id)
        conn.execute("UPDATE articles SET story_id=? WHERE id=?", (story_id, article_id))
        for eid, n in ents.items():
            conn.execute(
                "INSERT INTO story_entities(entity_id, story_id, n, last_date) VALUES (?,?,?,?) "
                "ON CONFLICT(entity_id, story_id) DO UPDATE SET n=n+excluded.n, "
                "last_date=max(coalesce(last_date,''), excluded.last_date)",
                (eid, story_id, n, ds))
    st = conn.execute("SELECT title, first_date, last_date FROM stories WHERE id=?", (story_id,)).fetchone()
    if st is None:
        t = title or (text or "").strip().split("\n")[0][:120]
        conn.execute("INSERT INTO stories(id, title, first_date, last_date) VALUES (?,?,?,?)",
                     (story_id, t or story_id, ds, de))
    else:
        conn.execute("UPDATE stories SET first_date=min(coalesce(first_date,?),?), last_date=max(coalesce(last_date,?),?) WHERE id=?",
                     (ds, ds, de, de, story_id))
    link_events(conn, article_id, story_id)
