"""Incremental story linking.

A new article is compared only with candidate stories found through ``story_entities`` (stories
sharing a PERSON/ORG/GPE entity, most recent first, capped), inside a time window that widens when
many entities are shared.  Score = weighted entity overlap; the article joins the best story over
the threshold, else starts a new one.  Cost per article is bounded by the caps, not the corpus.
"""

from __future__ import annotations

import math
import sqlite3
from datetime import date, timedelta

from cronicar.link import index
from cronicar.link.events import link_events

MAX_CANDIDATES = 10
WINDOW_DAYS = 120
WIDE_WINDOW_DAYS = 3 * 365
THRESHOLD = 0.4  # calibrated on ML-Crisis (eval/linking_mlcrisis.py)
WIDE_SCORE = 0.7
MAX_QUERY_ENTITIES = 5
PROFILE_SIZE = 30
TYPE_WEIGHT = {"person": 2.0, "org": 1.0, "gpe": 0.7}


def _weight(entity_id: str) -> float:
    return TYPE_WEIGHT.get(entity_id.split(":", 1)[0], 0.5)


def _vec(counts: dict[str, int]) -> dict[str, float]:
    return {e: _weight(e) * math.log1p(n) for e, n in counts.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    num = sum(v * b[k] for k, v in a.items() if k in b)
    den = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return num / den if den else 0.0


def choose_story(conn: sqlite3.Connection, article_id: str, ents: dict[str, int], day: str) -> str | None:
    """Best candidate story: weighted cosine of entity mention counts (article vs story profile),
    over candidates found through the entity index (each entity's most recent stories, capped)."""
    if not ents:
        return None
    a = _vec(ents)
    top = sorted(a, key=a.get, reverse=True)[:MAX_QUERY_ENTITIES]
    lasts: dict[str, str] = {}
    for eid in top:
        for sid, last in conn.execute(
                "SELECT story_id, last_date FROM story_entities WHERE entity_id=? "
                "ORDER BY last_date DESC LIMIT ?", (eid, MAX_CANDIDATES)):
            lasts[sid] = max(lasts.get(sid, ""), last or "")
    best, best_score = None, 0.0
    d0 = date.fromisoformat(day)
    for sid, last in lasts.items():
        prof = {e: n for e, n in conn.execute(
            "SELECT entity_id, n FROM story_entities WHERE story_id=? ORDER BY n DESC LIMIT ?",
            (sid, PROFILE_SIZE))}
        score = _cos(a, {e: _weight(e) * n for e, n in prof.items()})
        window = WIDE_WINDOW_DAYS if score >= WIDE_SCORE else WINDOW_DAYS
        try:
            gap = abs((d0 - date.fromisoformat(last)).days)
        except ValueError:
            gap = 0
        if gap > window:
            continue
        if score >= THRESHOLD and score > best_score:
            best, best_score = sid, score
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
