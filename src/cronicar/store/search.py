"""Full-text search over articles and event summaries (SQLite FTS5), ranked by relevance.

The index itself is schema: ``search_docs`` + ``search_fts`` and the triggers of ``schema.sql``
index every article and event in the transaction that writes it, whichever code writes it (the
single write path, a migration, a correction).  This module only fills an index for rows written
before it existed and answers queries.  A read-only store older than schema version 3 (the web
server never migrates) has no such index: it is answered by a slower substring scan.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)

# bm25 column weights (title, body): a word in the title says more about the document.
_WEIGHTS = (2.0, 1.0)


def has_index(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").fetchone()
    return row is not None


def fill(conn: sqlite3.Connection) -> int:
    """Index every article and event not indexed yet (the v3 migration); returns how many.

    Linear: one keyed insert per document, in date order so search_docs keys follow the archive.
    """
    before = conn.execute("SELECT coalesce(max(doc), 0) FROM search_docs").fetchone()[0]
    conn.execute("INSERT OR IGNORE INTO search_docs(kind, ref)"
                 " SELECT 'article', id FROM articles ORDER BY date_start, id")
    conn.execute("INSERT OR IGNORE INTO search_docs(kind, ref) SELECT 'event', id FROM events ORDER BY id")
    conn.execute("INSERT INTO search_fts(rowid, title, body) SELECT doc, title, body FROM search_source"
                 " WHERE doc > ?", (before,))
    return int(conn.execute("SELECT count(*) FROM search_docs WHERE doc > ?", (before,)).fetchone()[0])


def rebuild(conn: sqlite3.Connection) -> int:
    """Drop every index entry and index the whole store again; returns how many documents."""
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    conn.execute("DELETE FROM search_docs")
    return fill(conn)


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


# Each match's story and year, for the facet filters: an article's own, an event's start.
MATCH_JOINS = (" LEFT JOIN articles a ON d.kind = 'article' AND a.id = d.ref"
               " LEFT JOIN events e ON d.kind = 'event' AND e.id = d.ref")
MATCH_STORY = "coalesce(a.story_id, e.story_id)"
MATCH_YEAR = "substr(coalesce(a.date_start, e.when_start), 1, 4)"
# A match names an entity when it is an article with a mention of it, or an event with it among
# its participants (stored by canonical name): two ``?`` for the entity id.
MATCH_ENTITY = ("((d.kind = 'article' AND d.ref IN (SELECT article_id FROM mentions WHERE entity_id = ?))"
                " OR (d.kind = 'event' AND EXISTS (SELECT 1 FROM json_each(e.participants) p"
                " WHERE p.value = (SELECT name FROM entities WHERE id = ?))))")


def filter_sql(kind: str | None = None, year: str | None = None,
               story: str | None = None, entity: str | None = None) -> tuple[str, list[str]]:
    """``AND ...`` conditions (over ``d`` and :data:`MATCH_JOINS`) narrowing matches to a facet value."""
    conds, params = [], []
    for value, column in ((kind, "d.kind"), (year, MATCH_YEAR), (story, MATCH_STORY)):
        if value:
            conds.append(f" AND {column} = ?")
            params.append(value)
    if entity:
        conds.append(f" AND {MATCH_ENTITY}")
        params += [entity, entity]
    return "".join(conds), params


def search(conn: sqlite3.Connection, text: str, limit: int = 50, kind: str | None = None,
           year: str | None = None, story: str | None = None, entity: str | None = None) -> list[dict[str, Any]]:
    """Articles and events matching ``text``, most relevant first (bm25), with a short snippet;
    ``kind``/``year``/``story`` keep only the matches of that facet value.

    Snippets mark hits with ``\\x02``/``\\x03`` so the page can escape the text first and then
    turn the markers into <mark> (no HTML ever comes from the database).
    """
    query = fts_query(text)
    if not query:
        return []
    if not has_index(conn):
        hits = _with_story(conn, _like_search(conn, _WORD.findall(text), limit))
        # old stores: kind and story filter the scanned hits (year and entity need the index layout)
        return [h for h in hits if (not kind or h["kind"] == kind) and (not story or h["story"] == story)]
    cond, params = filter_sql(kind, year, story, entity)
    rows = conn.execute(
        "SELECT d.kind, d.ref, f.title, snippet(search_fts, 1, char(2), char(3), '…', 16),"
        f" bm25(search_fts, {_WEIGHTS[0]}, {_WEIGHTS[1]}) AS score"
        f" FROM search_fts f JOIN search_docs d ON d.doc = f.rowid{MATCH_JOINS if cond else ''}"
        f" WHERE search_fts MATCH ?{cond} ORDER BY score, d.doc LIMIT ?", (query, *params, limit)).fetchall()
    return _with_story(conn, [{"kind": r[0], "id": r[1], "title": r[2], "snippet": r[3]} for r in rows])


def _with_story(conn: sqlite3.Connection, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the story (id, title) of each hit, so a result can open the timeline it belongs to."""
    for res in results:
        table = "articles" if res["kind"] == "article" else "events"
        row = conn.execute(f"SELECT s.id, s.title FROM {table} x JOIN stories s ON s.id = x.story_id"
                           " WHERE x.id = ?", (res["id"],)).fetchone()
        res["story"], res["story_title"] = (row[0], row[1]) if row else (None, None)
    return results


def _like_search(conn: sqlite3.Connection, words: list[str], limit: int) -> list[dict[str, Any]]:
    """Stores older than the index, opened read-only: case-insensitive substring scan."""
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
