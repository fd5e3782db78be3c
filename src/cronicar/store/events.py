"""Events and their mentions as stored rows: a story's events in calendar order, an event's
sources, every event of the chronicle export."""

from __future__ import annotations

import json
import sqlite3


def story_events(conn: sqlite3.Connection, story_id: str) -> list[sqlite3.Row]:
    """A story's events in calendar order (by ``when_start``, undated last)."""
    return conn.execute(
        "SELECT id, type, summary, when_value, when_start, when_end, place, participants, types, headline FROM events "
        "WHERE story_id=? ORDER BY when_start IS NULL, when_start, when_end, id", (story_id,)).fetchall()


# SQL condition on an event ``e``: a statement every mention of which announces (``announces``) a
# mention of another event of its story; :func:`announcing` lists the same events.
FOLDED_STATEMENT = (
    "(e.type = 'statement' AND NOT EXISTS (SELECT 1 FROM event_mentions s WHERE s.event_id = e.id AND NOT EXISTS "
    "(SELECT 1 FROM event_mentions h JOIN events eh ON eh.id = h.event_id WHERE h.article_id = s.article_id "
    "AND h.trigger_start = s.announces AND eh.story_id = e.story_id AND eh.id != e.id)))")


def announced(conn: sqlite3.Connection, story_id: str) -> dict[str, list[dict[str, object]]]:
    """The story's happenings with their folded announcements (see :func:`announcing`): event ->
    ``[{"event", "when", "by"}]`` (the statement's id, date and first participant, its speaker)."""
    out: dict[str, list[dict[str, object]]] = {}
    for stmt, targets in announcing(conn, story_id).items():
        row = conn.execute("SELECT when_value, when_start, when_end, participants FROM events WHERE id = ?",
                           (stmt,)).fetchone()
        when = {"value": row[0], "interval": [row[1], row[2]]} if row[0] or row[1] else None
        for t in targets:
            out.setdefault(t, []).append({"event": stmt, "when": when, "by": json.loads(row[3] or "[]")[:1]})
    return out


def announcing(conn: sqlite3.Connection, story_id: str | None = None) -> dict[str, list[str]]:
    """Statement events folded into what they announce: statement event -> the events (of its
    story) whose happenings it announces, for every statement event each of whose mentions
    announces (``event_mentions.announces``) a mention of another event of its story.  A timeline
    shows those happenings once, "announced <day> by X", and not the statement as a row of its
    own; the statement stays an event (export, quotes, relations).  A statement also told on its
    own somewhere keeps its row."""
    scope = " AND es.story_id = ?" if story_id else ""
    rows = conn.execute(
        "SELECT s.event_id, eh.id FROM event_mentions s JOIN events es ON es.id = s.event_id "
        "LEFT JOIN event_mentions h ON h.article_id = s.article_id AND h.trigger_start = s.announces "
        "LEFT JOIN events eh ON eh.id = h.event_id AND eh.story_id = es.story_id AND eh.id != es.id "
        f"WHERE es.type = 'statement'{scope} ORDER BY s.id", (story_id,) if story_id else ()).fetchall()
    out: dict[str, list[str]] = {}
    told_alone: set[str] = set()
    for stmt, happening in rows:
        if happening is None:
            told_alone.add(stmt)
        elif happening not in out.setdefault(stmt, []):
            out[stmt].append(happening)
    return {k: v for k, v in out.items() if k not in told_alone}


def event_sources(conn: sqlite3.Connection, event_id: str) -> list[sqlite3.Row]:
    """The mentions of an event with their article (id, date, first day, title), sentence span,
    sentence text and trigger span, by article date then position."""
    return conn.execute(
        "SELECT m.article_id, a.date, a.date_start, a.title, m.sent_start, m.sent_end, "
        "substr(a.text, m.sent_start+1, m.sent_end-m.sent_start), m.trigger_start, m.trigger_end "
        "FROM event_mentions m JOIN articles a ON a.id=m.article_id WHERE m.event_id=? "
        "ORDER BY a.date_start, m.article_id, m.trigger_start", (event_id,)).fetchall()


def linked_mentions(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every event mention that belongs to an event, in insertion order."""
    return conn.execute("SELECT * FROM event_mentions WHERE event_id IS NOT NULL ORDER BY id").fetchall()


def all_events(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every event, in calendar order (undated last)."""
    return conn.execute("SELECT * FROM events ORDER BY when_start IS NULL, when_start, id").fetchall()


def event(conn: sqlite3.Connection, event_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()


# -- linking (link/events decides; these read and write the rows) --------------------------------


def unlinked_mentions(conn: sqlite3.Connection, article_id: str) -> list[tuple]:
    """The article's event mentions without an event (and not part of another), by trigger:
    (id, type, summary, participants, place, when_value, when_start, when_end, types, headline,
    trigger word, article lang, article first day, article last day, sentence)."""
    return conn.execute(
        "SELECT m.id, m.type, m.summary, m.participants, m.place, m.when_value, m.when_start, m.when_end, "
        "m.types, m.headline, "
        "substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start), a.lang, a.date_start, a.date_end, "
        "substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start) "
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.article_id=? AND m.event_id IS NULL AND m.part_of IS NULL ORDER BY m.trigger_start",
        (article_id,)).fetchall()


def candidate_events(conn: sqlite3.Connection, story_id: str, family: list[str], types: set[str],
                     start: str | None, end: str | None, limit: int) -> list[tuple]:
    """The story's latest ``limit`` events whose primary type is in ``family`` or that are tagged
    with one of ``types``, and whose dates can overlap [start, end]: (id, participants,
    when_value, when_start, when_end, place, type, types)."""
    tag_match = " OR ".join("types LIKE ?" for _ in types)
    return conn.execute(
        "SELECT id, participants, when_value, when_start, when_end, place, type, types FROM events "
        f"WHERE story_id=? AND (type IN ({','.join('?' * len(family))}) OR {tag_match}) "
        "AND when_start<=? AND when_end>=? ORDER BY rowid DESC LIMIT ?",
        (story_id, *family, *(f'%"{t}"%' for t in sorted(types)), end or "9999", start or "0000", limit)).fetchall()


def told_with(conn: sqlite3.Connection, event_id: str) -> list[tuple[str, str, str]]:
    """(trigger word, lang, sentence) of every mention of the event so far."""
    return conn.execute(
        "SELECT substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start), a.lang, "
        "substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start) "
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id=?",
        (event_id,)).fetchall()


def event_exists(conn: sqlite3.Connection, event_id: str) -> bool:
    return conn.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None


def add_event(conn: sqlite3.Connection, event_id: str, story_id: str, values: tuple) -> None:
    """A new event: ``values`` = (type, summary, when_value, when_start, when_end, place,
    participants JSON, types JSON, headline)."""
    conn.execute(
        "INSERT OR IGNORE INTO events(id, story_id, type, summary, when_value, when_start, when_end,"
        " place, participants, types, headline) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (event_id, story_id, *values))


def update_event(conn: sqlite3.Connection, event_id: str, values: tuple) -> None:
    """``values`` = (type, when_value, when_start, when_end, place, participants JSON, types JSON,
    headline if it has none)."""
    conn.execute("UPDATE events SET type=?, when_value=?, when_start=?, when_end=?, place=?, participants=?,"
                 " types=?, headline=coalesce(headline, ?) WHERE id=?", (*values, event_id))


def set_event_headline(conn: sqlite3.Connection, event_id: str, headline: str) -> None:
    conn.execute("UPDATE events SET headline=? WHERE id=?", (headline, event_id))


def set_event(conn: sqlite3.Connection, mention_id: int, event_id: str) -> None:
    conn.execute("UPDATE event_mentions SET event_id=? WHERE id=?", (event_id, mention_id))


def link_parts(conn: sqlite3.Connection, article_id: str) -> None:
    """A mention that tells the same happening as another of its sentence (``part_of``) shares
    that one's event."""
    conn.execute(
        "UPDATE event_mentions SET event_id=(SELECT p.event_id FROM event_mentions p WHERE "
        "p.article_id=event_mentions.article_id AND p.trigger_start=event_mentions.part_of) "
        "WHERE article_id=? AND event_id IS NULL AND part_of IS NOT NULL", (article_id,))


def is_person(conn: sqlite3.Connection, name: str) -> bool:
    """Whether some person entity has the canonical name ``name``."""
    return conn.execute("SELECT 1 FROM entities WHERE name=? AND type='PERSON' LIMIT 1", (name,)).fetchone() is not None
