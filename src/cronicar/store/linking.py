"""What the story linker remembers of each article and reads back (``link/evidence``): subject
terms and entity keys, and the happenings an article and a story hold."""

from __future__ import annotations

import json
import sqlite3


def remember_terms(conn: sqlite3.Connection, article_id: str, terms: list[str], ents: list[str]) -> None:
    conn.execute("INSERT OR REPLACE INTO article_link_terms(article_id, terms, ents) VALUES (?,?,?)",
                 (article_id, json.dumps(terms), json.dumps(ents)))


def latest_terms(conn: sqlite3.Connection, story_id: str, n: int) -> list[tuple[list[str], list[str]]]:
    """(subject terms, entity keys) of the story's ``n`` latest articles, latest first."""
    return [(json.loads(t), json.loads(e)) for t, e in conn.execute(
        "SELECT t.terms, t.ents FROM articles a JOIN article_link_terms t ON t.article_id=a.id "
        "WHERE a.story_id=? ORDER BY a.date_start DESC LIMIT ?", (story_id, n))]


def article_happenings(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, list[str], str | None]]:
    """(type, participants, first day) of the article's event mentions that are not statements."""
    return [(t, json.loads(p), w) for t, p, w in conn.execute(
        "SELECT type, participants, when_start FROM event_mentions WHERE article_id=? AND type!='statement'",
        (article_id,))]


def story_happenings(conn: sqlite3.Connection, story_id: str, n: int) -> list[tuple[str, list[str], str | None]]:
    """(type, participants, first day) of the story's ``n`` latest-dated events that are not statements."""
    return [(t, json.loads(p), w) for t, p, w in conn.execute(
        "SELECT type, participants, when_start FROM events WHERE story_id=? AND type!='statement' "
        "ORDER BY when_start DESC LIMIT ?", (story_id, n))]
