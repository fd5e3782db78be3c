"""Canonical entities across articles: look-ups by name word and language-free key, and moving a
story's mentions of one entity into another (``link/persons``, ``link/variants``, ``link/kinds``
decide what moves; this module is the SQL).

Cost: every look-up goes through a primary key or a bounded scan (:func:`in_story`), so the work
per article depends on the article's own names, not on the corpus.
"""

from __future__ import annotations

import json
import sqlite3

RECENT = 500

# A story's articles (index on articles.story_id), the way into the tables keyed by article_id.
_STORY_ARTICLES = "SELECT id FROM articles WHERE story_id=?"

Entity = tuple[str, str]  # (id, name)


def story_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT story_id FROM articles WHERE id=?", (article_id,)).fetchone()
    return row[0] if row else None


def exists(conn: sqlite3.Connection, entity_id: str) -> bool:
    return conn.execute("SELECT 1 FROM entities WHERE id=?", (entity_id,)).fetchone() is not None


def name_of(conn: sqlite3.Connection, entity_id: str, typ: str) -> str | None:
    """The entity's name when it exists with type ``typ``."""
    row = conn.execute("SELECT name FROM entities WHERE id=? AND type=?", (entity_id, typ)).fetchone()
    return row[0] if row else None


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


def article_entities(conn: sqlite3.Connection, article_id: str, types: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """The article's entities of ``types`` as (id, name, type), by id."""
    return conn.execute(
        "SELECT DISTINCT e.id, e.name, e.type FROM mentions m JOIN entities e ON e.id=m.entity_id "
        f"WHERE m.article_id=? AND e.type IN ({','.join('?' * len(types))}) ORDER BY e.id",
        (article_id, *types)).fetchall()


def story_entities_of(conn: sqlite3.Connection, article_id: str,
                      types: tuple[str, ...]) -> tuple[str, str, list[tuple[str, str, str]]] | None:
    """The article's story, language and its entities of ``types`` as (id, name, type), or None
    when the article has no story yet."""
    row = conn.execute("SELECT story_id, lang FROM articles WHERE id=?", (article_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    return row[0], row[1] or "xx", article_entities(conn, article_id, types)


def article_persons(conn: sqlite3.Connection, article_id: str) -> list[Entity]:
    """The article's person entities as (id, name), in the store's order."""
    return conn.execute(
        "SELECT DISTINCT e.id, e.name FROM mentions m JOIN entities e ON e.id=m.entity_id "
        "WHERE m.article_id=? AND e.type='PERSON'", (article_id,)).fetchall()


# -- name words and language-free keys -----------------------------------------------------------


def add_person_tokens(conn: sqlite3.Connection, entity_id: str, words: list[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO person_tokens(token, entity_id) VALUES (?,?)",
                     [(w.lower(), entity_id) for w in words])


def persons_with_token(conn: sqlite3.Connection, token: str) -> list[Entity]:
    """Full person names (id, name) that have ``token`` as a word."""
    return conn.execute(
        "SELECT e.id, e.name FROM person_tokens p JOIN entities e ON e.id=p.entity_id WHERE p.token=?",
        (token.lower(),)).fetchall()


def add_key(conn: sqlite3.Connection, key: str, entity_id: str) -> None:
    conn.execute("INSERT OR IGNORE INTO entity_keys(key, entity_id) VALUES (?,?)", (key, entity_id))


def entities_with_key(conn: sqlite3.Connection, key: str) -> list[Entity]:
    """Entities (id, name) with the language-free ``key``, oldest first."""
    return conn.execute(
        "SELECT e.id, e.name FROM entity_keys k JOIN entities e ON e.id=k.entity_id "
        "WHERE k.key=? ORDER BY e.rowid", (key,)).fetchall()


# -- moving a story's mentions --------------------------------------------------------------------


def _replace_name(conn: sqlite3.Connection, table: str, where: str, params: tuple, old: str, new: str) -> None:
    for rid, parts in conn.execute(f"SELECT rowid, participants FROM {table} WHERE {where}", params).fetchall():
        names = json.loads(parts)
        if old in names:
            merged = list(dict.fromkeys(new if n == old else n for n in names))
            conn.execute(f"UPDATE {table} SET participants=? WHERE rowid=?",
                         (json.dumps(merged, ensure_ascii=False), rid))


def _move_story_profile(conn: sqlite3.Connection, sid: str, fid: str, story_id: str) -> None:
    """The story linker's entity count of ``sid`` goes to ``fid``."""
    row = conn.execute("SELECT n FROM story_entities WHERE entity_id=? AND story_id=?", (sid, story_id)).fetchone()
    if row is not None:
        conn.execute("INSERT OR IGNORE INTO story_entities(entity_id, story_id, n) VALUES (?,?,0)", (fid, story_id))
        conn.execute("UPDATE story_entities SET n=n+? WHERE entity_id=? AND story_id=?", (row[0], fid, story_id))
        conn.execute("DELETE FROM story_entities WHERE entity_id=? AND story_id=?", (sid, story_id))


def move_entity(conn: sqlite3.Connection, short: Entity, full: Entity, story_id: str) -> None:
    """Move the story's mentions, quotes and event participants of ``short`` (id, name) to
    ``full``; its written forms become aliases of ``full``; ``short`` goes when nothing names it."""
    (sid, sname), (fid, fname) = short, full
    # Through the story's articles (index on articles.story_id, then the tables' article_id
    # keys), never through the entity's mentions: "Statele Unite" may be named in every article of
    # the corpus.  The unary + keeps SQLite from choosing the entity index.
    arts = _STORY_ARTICLES
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
    _move_story_profile(conn, sid, fid, story_id)
    if conn.execute("SELECT 1 FROM mentions WHERE entity_id=? LIMIT 1", (sid,)).fetchone() is None:
        conn.execute("DELETE FROM entity_aliases WHERE entity_id=?", (sid,))
        conn.execute("DELETE FROM entities WHERE id=?", (sid,))


def clear_place(conn: sqlite3.Connection, name: str, story_id: str) -> None:
    """Events of the story whose place is ``name`` get no place (the name is not a place)."""
    conn.execute(f"UPDATE event_mentions SET place=NULL WHERE place=? AND article_id IN ({_STORY_ARTICLES})",
                 (name, story_id))
    conn.execute("UPDATE events SET place=NULL WHERE place=? AND story_id=?", (name, story_id))


# -- reading for the export ---------------------------------------------------------------------


def mention_articles(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Distinct (entity_id, article_id) pairs, by article."""
    return conn.execute("SELECT DISTINCT entity_id, article_id FROM mentions ORDER BY article_id").fetchall()


def aliases(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Entity id -> its written forms, alphabetically."""
    out: dict[str, list[str]] = {}
    for eid, alias in conn.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY alias"):
        out.setdefault(eid, []).append(alias)
    return out


def all_entities(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every entity (id, name, type), by type then name."""
    return conn.execute("SELECT id, name, type FROM entities ORDER BY type, name").fetchall()


def actor_ids(conn: sqlite3.Connection) -> dict[str, str]:
    """Canonical name -> entity id, for the actors (people, organisations, countries and places);
    the smallest id when two entities share a name."""
    out: dict[str, str] = {}
    for eid, name, etype in conn.execute("SELECT id, name, type FROM entities ORDER BY id"):
        if etype in {"PERSON", "ORG", "GPE"}:
            out.setdefault(name, eid)
    return out


def entity(conn: sqlite3.Connection, entity_id: str) -> sqlite3.Row | None:
    """(id, name, type) of one entity, or None."""
    return conn.execute("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()


def aliases_of(conn: sqlite3.Connection, entity_id: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias",
                                       (entity_id,))]


def ids_named(conn: sqlite3.Connection, entity: str) -> set[str]:
    """The ids ``entity`` names: itself when it is an id, else the entities with that canonical name."""
    return {r[0] for r in conn.execute("SELECT id FROM entities WHERE id = ? OR name = ?", (entity, entity))}


def article_mentions(conn: sqlite3.Connection, article_id: str, types: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(entity id, canonical name, written form) of the article's mentions of ``types``."""
    return conn.execute(
        "SELECT m.entity_id, e.name, m.text FROM mentions m JOIN entities e ON e.id=m.entity_id "
        f"WHERE m.article_id=? AND e.type IN ({','.join('?' * len(types))})", (article_id, *types)).fetchall()
