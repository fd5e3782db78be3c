"""One person across articles: a bare "Kim" in one article is the "Kim Jong Un" of another article
of the same story.

Why here and not in the analysis: the analysis is per article, and an article that names only
"Kim" cannot know the full name.  Inside one story, a one-word person name that is a word of
exactly one full person name of that story is the same person; outside the story nothing changes
(another story's "Kim" may be someone else).  ``link_article`` runs it once the article has its
story and before its events are linked (so their participants agree), in the ingest transaction,
in both directions: the short form may come first ("Kim" in 2024, "Kim Jong Un" in 2025) or last.

Cost: lookups go through ``person_tokens`` (word -> full-name entity) and the entity primary key,
so the work per article depends on the article's own names, not on the corpus.
"""

from __future__ import annotations

import json
import sqlite3

from cronicar.model import entity_key

DDL = """
CREATE TABLE IF NOT EXISTS person_tokens (
    token TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (token, entity_id)
);
"""


def _story_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT story_id FROM articles WHERE id=?", (article_id,)).fetchone()
    return row[0] if row else None


RECENT = 500


def in_story(conn: sqlite3.Connection, entity_id: str, story_id: str) -> bool:
    """Whether the entity is named in the story: among its :data:`RECENT` latest mentions, or in
    the story's :data:`RECENT` latest articles.  Why bounded both ways: a name like "Iohannis"
    may be in thousands of articles, and a story may hold thousands; a story is recent and so are
    the mentions that matter, so the per-article cost stays flat as the corpus grows."""
    if conn.execute(
            "SELECT 1 FROM (SELECT article_id FROM mentions WHERE entity_id=? ORDER BY rowid DESC LIMIT ?) m "
            "JOIN articles a ON a.id=m.article_id WHERE a.story_id=? LIMIT 1",
            (entity_id, RECENT, story_id)).fetchone() is not None:
        return True
    return conn.execute(
        "SELECT 1 FROM (SELECT id FROM articles WHERE story_id=? ORDER BY rowid DESC LIMIT ?) a "
        "JOIN mentions m ON m.article_id=a.id AND +m.entity_id=? LIMIT 1",
        (story_id, RECENT, entity_id)).fetchone() is not None


def _full_names_with(conn: sqlite3.Connection, token: str, story_id: str) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT e.id, e.name FROM person_tokens p JOIN entities e ON e.id=p.entity_id WHERE p.token=?",
        (token.lower(),)).fetchall()
    return [(eid, name) for eid, name in rows if in_story(conn, eid, story_id)]


def _replace_name(conn: sqlite3.Connection, table: str, where: str, params: tuple, old: str, new: str) -> None:
    for rid, parts in conn.execute(f"SELECT rowid, participants FROM {table} WHERE {where}", params).fetchall():
        names = json.loads(parts)
        if old in names:
            merged = list(dict.fromkeys(new if n == old else n for n in names))
            conn.execute(f"UPDATE {table} SET participants=? WHERE rowid=?",
                         (json.dumps(merged, ensure_ascii=False), rid))


def story_entities_of(conn: sqlite3.Connection, article_id: str,
                      types: tuple[str, ...]) -> tuple[str, str, list[tuple[str, str, str]]] | None:
    """The article's story, language and its entities of ``types`` as (id, name, type), or None
    when the article has no story yet."""
    row = conn.execute("SELECT story_id, lang FROM articles WHERE id=?", (article_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    ents = conn.execute(
        "SELECT DISTINCT e.id, e.name, e.type FROM mentions m JOIN entities e ON e.id=m.entity_id "
        f"WHERE m.article_id=? AND e.type IN ({','.join('?' * len(types))}) ORDER BY e.id",
        (article_id, *types)).fetchall()
    return row[0], row[1] or "xx", ents


def move_entity(conn: sqlite3.Connection, short: tuple[str, str], full: tuple[str, str], story_id: str) -> None:
    """Move the story's mentions, quotes and event participants of ``short`` (id, name) to
    ``full``; its written forms become aliases of ``full``; ``short`` goes when nothing names it."""
    (sid, sname), (fid, fname) = short, full
    # Through the story's articles (index on articles.story_id, then the tables' article_id
    # keys), never through the entity's mentions: "Statele Unite" may be named in every article of
    # the corpus.  The unary + keeps SQLite from choosing the entity index.
    arts = "SELECT id FROM articles WHERE story_id=?"
    for (alias,) in conn.execute(f"SELECT DISTINCT text FROM mentions WHERE +entity_id=? AND article_id IN ({arts})",
                                 (sid, story_id)).fetchall():
        conn.execute("INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES (?,?)", (fid, alias))
    conn.execute(f"UPDATE mentions SET entity_id=? WHERE +entity_id=? AND article_id IN ({arts})", (fid, sid, story_id))
    conn.execute(f"UPDATE quotes SET speaker_entity=?, speaker=? WHERE (+speaker_entity=? OR speaker=?) "
                 f"AND article_id IN ({arts})", (fid, fname, sid, sname, story_id))
    _replace_name(conn, "event_mentions", f"article_id IN ({arts})", (story_id,), sname, fname)
    _replace_name(conn, "events", "story_id=?", (story_id,), sname, fname)
    # a place is a name too ("@ Pyongyang" in the English report is the story's "@ Phenian")
    conn.execute(f"UPDATE event_mentions SET place=? WHERE place=? AND article_id IN ({arts})", (fname, sname, story_id))
    conn.execute("UPDATE events SET place=? WHERE place=? AND story_id=?", (fname, sname, story_id))
    try:  # the story linker's entity profile, when it keeps one
        row = conn.execute("SELECT n FROM story_entities WHERE entity_id=? AND story_id=?", (sid, story_id)).fetchone()
        if row is not None:
            conn.execute("INSERT OR IGNORE INTO story_entities(entity_id, story_id, n) VALUES (?,?,0)", (fid, story_id))
            conn.execute("UPDATE story_entities SET n=n+? WHERE entity_id=? AND story_id=?", (row[0], fid, story_id))
            conn.execute("DELETE FROM story_entities WHERE entity_id=? AND story_id=?", (sid, story_id))
    except sqlite3.OperationalError:
        pass
    if conn.execute("SELECT 1 FROM mentions WHERE entity_id=? LIMIT 1", (sid,)).fetchone() is None:
        conn.execute("DELETE FROM entity_aliases WHERE entity_id=?", (sid,))
        conn.execute("DELETE FROM entities WHERE id=?", (sid,))


def merge_short_names(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, str]]:
    """Merge one-word person names of the article's story into the one full name containing them;
    returns the (short, full) name pairs merged.  Idempotent."""
    conn.execute(DDL)
    story_id = _story_of(conn, article_id)
    if story_id is None:
        return []
    persons = conn.execute(
        "SELECT DISTINCT e.id, e.name FROM mentions m JOIN entities e ON e.id=m.entity_id "
        "WHERE m.article_id=? AND e.type='PERSON'", (article_id,)).fetchall()
    pairs: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for eid, name in persons:
        words = name.split()
        if len(words) > 1:
            conn.executemany("INSERT OR IGNORE INTO person_tokens(token, entity_id) VALUES (?,?)",
                             [(w.lower(), eid) for w in words])
    for eid, name in persons:
        words = name.split()
        if len(words) == 1:  # "Kim" now; a full name of the story may already exist
            fulls = _full_names_with(conn, name, story_id)
            if len(fulls) == 1:
                pairs.append(((eid, name), fulls[0]))
        else:  # "Kim Jong Un" now; a bare "Kim" of the story may exist already
            for w in words:
                sid = entity_key("PERSON", w)
                row = conn.execute("SELECT name FROM entities WHERE id=? AND type='PERSON'", (sid,)).fetchone()
                if row and in_story(conn, sid, story_id) and len(_full_names_with(conn, w, story_id)) == 1:
                    pairs.append(((sid, row[0]), (eid, name)))
    done = []
    for short, full in dict.fromkeys(pairs):
        move_entity(conn, short, full, story_id)
        done.append((short[1], full[1]))
    return done
