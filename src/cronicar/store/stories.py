"""Stories: moving one story into another (``link/merge`` decides when), reading a story's rows."""

from __future__ import annotations

import sqlite3


def move_story(conn: sqlite3.Connection, keep: str, gone: str) -> tuple[int, str | None, bytes | None] | None:
    """Move story ``gone``'s articles, events and term/entity counts into ``keep``, widen
    ``keep``'s dates and delete ``gone``; returns ``gone``'s profile (size, last date, vector
    bytes), removed from the store, for the caller to fold into ``keep``'s, or None."""
    conn.execute("UPDATE articles SET story_id=? WHERE story_id=?", (keep, gone))
    conn.execute("UPDATE events SET story_id=? WHERE story_id=?", (keep, gone))
    for table, col in (("story_entities", "entity_id"), ("story_terms", "term")):
        conn.execute(
            f"INSERT INTO {table}({col}, story_id, n, last_date) SELECT {col}, ?, n, last_date "
            f"FROM {table} WHERE story_id=? ON CONFLICT({col}, story_id) DO UPDATE SET n=n+excluded.n, "
            "last_date=max(coalesce(last_date,''), excluded.last_date)", (keep, gone))
        conn.execute(f"DELETE FROM {table} WHERE story_id=?", (gone,))
    row = conn.execute("SELECT size, last_date, vec FROM story_profiles WHERE story_id=?", (gone,)).fetchone()
    if row is not None:
        conn.execute("DELETE FROM story_profiles WHERE story_id=?", (gone,))
    return tuple(row) if row is not None else None  # type: ignore[return-value]


def absorb_dates(conn: sqlite3.Connection, keep: str, gone: str) -> None:
    """``keep``'s first and last dates widened to ``gone``'s; ``gone`` deleted."""
    st = conn.execute("SELECT first_date, last_date FROM stories WHERE id=?", (gone,)).fetchone()
    if st is not None:
        conn.execute("UPDATE stories SET first_date=min(coalesce(first_date,?),?), "
                     "last_date=max(coalesce(last_date,?),?) WHERE id=?", (st[0], st[0], st[1], st[1], keep))
        conn.execute("DELETE FROM stories WHERE id=?", (gone,))


def stories(conn: sqlite3.Connection, story: str | None = None) -> list[sqlite3.Row]:
    """Every story (or one), by first date then id."""
    where, params = ("WHERE id = ?", (story,)) if story else ("", ())
    return conn.execute(f"SELECT * FROM stories {where} ORDER BY first_date, id", params).fetchall()


def story_list(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every story with its article and event counts, latest first."""
    return conn.execute(
        "SELECT s.id, s.title, s.first_date, s.last_date,"
        " (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS n_articles,"
        " (SELECT count(*) FROM events e WHERE e.story_id = s.id) AS n_events"
        " FROM stories s ORDER BY s.last_date DESC, s.id").fetchall()
