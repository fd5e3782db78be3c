"""Articles and their per-article annotations as stored rows (the write is ``Store.write_article``)."""

from __future__ import annotations

import sqlite3


def articles(conn: sqlite3.Connection, story: str | None = None) -> list[sqlite3.Row]:
    """Every article (or one story's) with id, source, title, date, date_start, lang, text and
    story_id, by first day then id."""
    where, params = ("WHERE story_id = ?", (story,)) if story else ("", ())
    return conn.execute(
        f"SELECT id, source, title, date, date_start, lang, text, story_id FROM articles {where}"
        " ORDER BY date_start, id", params).fetchall()


def texts(conn: sqlite3.Connection) -> dict[str, str]:
    """Article id -> stored (normalized) text."""
    return {r[0]: r[1] for r in conn.execute("SELECT id, text FROM articles")}


def timexes(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every time expression, by article then position."""
    return conn.execute('SELECT * FROM timexes ORDER BY article_id, start').fetchall()


def quotes(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every quote, by statement date, article, position."""
    return conn.execute("SELECT * FROM quotes ORDER BY when_start, article_id, start").fetchall()
