"""Full-text search over articles and event summaries with SQLite FTS5.

Why fill the index at write time: the web server opens the store read-only, so it cannot build
an index lazily; ingest (and linking, which creates events) calls :func:`index_article` inside
the article's transaction.  Why a fallback: a database written before the index existed (or by a
SQLite without FTS5) still answers searches, with a slower LIKE scan, instead of failing.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
    "kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
)


def ensure_index(conn: sqlite3.Connection) -> None:
    """Create the FTS table in a store whose schema predates it (same DDL as store/schema.sql)."""
    conn.execute(FTS_DDL)


def has_index(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone()
    return row is not None


def index_article(conn: sqlite3.Connection, article_id: str) -> None:
    """(Re)index one article and every event it reports (call after writing + linking it).

    Idempotent: the article's rows and those of its events are replaced, so calling it again
    after linking changed an event's summary leaves one fresh row per event.
    """
    ensure_index(conn)
    art = conn.execute("SELECT id, title, text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if art is None:
        return
    conn.execute("DELETE FROM search_index WHERE kind = 'article' AND ref = ?", (article_id,))
    conn.execute("INSERT INTO search_index(kind, ref, title, body) VALUES ('article', ?, ?, ?)",
                 (art[0], art[1] or "", art[2]))
    events = conn.execute(
        "SELECT DISTINCT e.id, e.summary FROM events e JOIN event_mentions m ON m.event_id = e.id"
        " WHERE m.article_id = ?", (article_id,)).fetchall()
    for ev in events:
        conn.execute("DELETE FROM search_index WHERE kind = 'event' AND ref = ?", (ev[0],))
        conn.execute("INSERT INTO search_index(kind, ref, title, body) VALUES ('event', ?, '', ?)",
                     (ev[0], ev[1]))


def rebuild(conn: sqlite3.Connection) -> int:
    """Index every article of the store from scratch; returns how many were indexed."""
    ensure_index(conn)
    conn.execute("DELETE FROM search_index")
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY date_start, id").fetchall()]
    for article_id in ids:
        index_article(conn, article_id)
    return len(ids)


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """User words -> a safe FTS5 query: every word must match, the last one as a prefix.

    Quoting each word keeps FTS5 syntax (AND, -, :, quotes) typed by a user from raising errors.
    """
    words = _WORD.findall(text)
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    parts[-1] += "*"
    return " ".join(parts)


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[dict[str, Any]]:
    """Articles and events matching ``text``, best first, with a short highlighted snippet.

    Snippets mark hits with ``\\x02``/``\\x03`` so the page can escape the text first and then
    turn the markers into <mark> (no HTML ever comes from the database).
    """
    query = fts_query(text)
    if not query:
        return []
    if has_index(conn):
        try:
            rows = conn.execute(
                "SELECT kind, ref, title, snippet(search_index, 3, char(2), char(3), '…', 16) AS snip,"
                " bm25(search_index) AS score FROM search_index WHERE search_index MATCH ?"
                " ORDER BY score LIMIT ?", (query, limit)).fetchall()
        except sqlite3.OperationalError:
            rows = None
        if rows is not None and (rows or _indexed(conn)):
            return _with_story(conn, [{"kind": r[0], "id": r[1], "title": r[2], "snippet": r[3]} for r in rows])
    return _with_story(conn, _like_search(conn, _WORD.findall(text), limit))


def _with_story(conn: sqlite3.Connection, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the story (id, title) of each hit, so a result can open the timeline it belongs to."""
    for res in results:
        table = "articles" if res["kind"] == "article" else "events"
        row = conn.execute(f"SELECT s.id, s.title FROM {table} x JOIN stories s ON s.id = x.story_id"
                           " WHERE x.id = ?", (res["id"],)).fetchone()
        res["story"], res["story_title"] = (row[0], row[1]) if row else (None, None)
    return results


def _indexed(conn: sqlite3.Connection) -> bool:
    """True when the index holds rows (an empty index on a full store means: never filled)."""
    return conn.execute("SELECT 1 FROM search_index LIMIT 1").fetchone() is not None


def _like_search(conn: sqlite3.Connection, words: list[str], limit: int) -> list[dict[str, Any]]:
    """Fallback when the FTS table is missing or empty: case-insensitive substring scan."""
    if not words:
        return []
    cond = " AND ".join("(lower(coalesce(title,'')) || ' ' || lower(text)) LIKE ?" for _ in words)
    params = [f"%{w.lower()}%" for w in words]
    out: list[dict[str, Any]] = []
    for r in conn.execute(f"SELECT id, title, text FROM articles WHERE {cond} ORDER BY date_start LIMIT ?",
                          (*params, limit)).fetchall():
        out.append({"kind": "article", "id": r[0], "title": r[1] or "", "snippet": _snip(r[2], words[0])})
    econd = " AND ".join("lower(summary) LIKE ?" for _ in words)
    for r in conn.execute(f"SELECT id, summary FROM events WHERE {econd} LIMIT ?", (*params, limit)).fetchall():
        out.append({"kind": "event", "id": r[0], "title": "", "snippet": _snip(r[1], words[0])})
    return out[:limit]


def _snip(text: str, word: str, width: int = 80) -> str:
    pos = text.lower().find(word.lower())
    if pos < 0:
        return text[:width]
    start = max(0, pos - width // 2)
    end = min(len(text), pos + len(word) + width // 2)
    return (("…" if start else "") + text[start:pos] + "\x02" + text[pos:pos + len(word)] + "\x03"
            + text[pos + len(word):end] + ("…" if end < len(text) else ""))
