"""Event coreference: an event mention joins an existing event of the same story when the type is
the same, the date intervals overlap and the participants are compatible; the event's date then
becomes the most precise compatible value (2022 + 2022-02 -> 2022-02).  Non-overlapping dates
never merge, so two meetings of the same ministers a year apart stay two events.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

MIN_SHARED = 1


def _overlap(a0: str | None, a1: str | None, b0: str | None, b1: str | None) -> bool:
    if not (a0 and a1 and b0 and b1):
        return False
    return a0 <= b1 and b0 <= a1


def _persons(conn: sqlite3.Connection, names: list[str]) -> set[str]:
    return {n for n in names if conn.execute(
        "SELECT 1 FROM entities WHERE name=? AND type='PERSON' LIMIT 1", (n,)).fetchone()}


def _compatible(conn: sqlite3.Connection, p: list[str], q: list[str]) -> bool:
    """Compatible participants.

    People decide: when both sides name two or more people, they must share two (Putin–Choe and
    Choe–Lavrov on the same day are two meetings).  A side naming at most one participant is
    underspecified ("a treaty signed by their leaders in June") and is compatible with any side
    sharing it or naming more.
    """
    pp, qp = _persons(conn, p), _persons(conn, q)
    if len(pp) >= 2 and len(qp) >= 2:
        return len(pp & qp) >= 2
    if len(p) <= 1 or len(q) <= 1:
        return True
    shared = set(p) & set(q)
    need = 1 if min(len(p), len(q)) <= 2 else 2
    return len(shared) >= need


def link_events(conn: sqlite3.Connection, article_id: str, story_id: str) -> None:
    """Give every event mention of the article an event id (idempotent)."""
    rows = conn.execute(
        "SELECT id, type, summary, participants, place, when_value, when_start, when_end "
        "FROM event_mentions WHERE article_id=? AND event_id IS NULL ORDER BY trigger_start",
        (article_id,)).fetchall()
    for mid, etype, summary, parts, place, wv, ws, we in rows:
        participants = json.loads(parts)
        cands = conn.execute(
            "SELECT id, participants, when_value, when_start, when_end, place FROM events "
            "WHERE story_id=? AND type=? AND when_start<=? AND when_end>=?",
            (story_id, etype, we or "9999", ws or "0000")).fetchall()
        best = None
        for eid, eparts, ewv, ews, ewe, eplace in cands:
            ep = json.loads(eparts)
            if _overlap(ws, we, ews, ewe) and _compatible(conn, participants, ep):
                best = (eid, ep, ewv, ews, ewe, eplace)
                break
        if best is None:
            eid = "e:" + hashlib.sha1(f"{article_id}:{mid}".encode()).hexdigest()[:12]
            conn.execute(
                "INSERT OR IGNORE INTO events(id, story_id, type, summary, when_value, when_start, when_end,"
                " place, participants) VALUES (?,?,?,?,?,?,?,?,?)",
                (eid, story_id, etype, summary, wv, ws, we, place, parts))
        else:
            eid, ep, ewv, ews, ewe, eplace = best
            # Most precise compatible value: the narrower interval wins.
            if ws and we and (we, ws) != (ewe, ews) and (we < ewe or ws > ews) and ws >= ews and we <= ewe:
                ewv, ews, ewe = wv, ws, we
            merged = ep + [x for x in participants if x not in ep]
            conn.execute("UPDATE events SET when_value=?, when_start=?, when_end=?, place=?, participants=? WHERE id=?",
                         (ewv, ews, ewe, eplace or place, json.dumps(merged, ensure_ascii=False), eid))
        conn.execute("UPDATE event_mentions SET event_id=? WHERE id=?", (eid, mid))
