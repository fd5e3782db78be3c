"""Events and their mentions as stored rows: a story's events in calendar order, an event's
sources, every event of the chronicle export."""

from __future__ import annotations

import sqlite3


def story_events(conn: sqlite3.Connection, story_id: str) -> list[sqlite3.Row]:
    """A story's events in calendar order (by ``when_start``, undated last)."""
    return conn.execute(
        "SELECT id, type, summary, when_value, when_start, when_end, place, participants, types, headline FROM events "
        "WHERE story_id=? ORDER BY when_start IS NULL, when_start, when_end, id", (story_id,)).fetchall()


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
