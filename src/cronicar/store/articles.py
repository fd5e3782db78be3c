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


def article(conn: sqlite3.Connection, article_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()


def head(conn: sqlite3.Connection, article_id: str, chars: int = 200) -> str | None:
    """The first ``chars`` characters of an article's text (None for an unknown id)."""
    row = conn.execute("SELECT substr(text, 1, ?) FROM articles WHERE id = ?", (chars, article_id)).fetchone()
    return row[0] if row else None


def date_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT date FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def annotations(conn: sqlite3.Connection, table: str, article_id: str) -> list[sqlite3.Row]:
    """One article's rows of ``table`` (timexes, mentions or quotes), by position."""
    if table not in {"timexes", "mentions", "quotes"}:
        raise ValueError(table)
    return conn.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY start", (article_id,)).fetchall()
