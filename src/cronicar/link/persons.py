"""One person across articles: a bare "Kim" in one article is the "Kim Jong Un" of another article
of the same story.

Why here and not in the analysis: the analysis is per article, and an article that names only
"Kim" cannot know the full name.  Inside one story, a one-word person name that is a word of
exactly one full person name of that story is the same person; outside the story nothing changes
(another story's "Kim" may be someone else).  ``link_article`` runs it once the article has its
story and before its events are linked (so their participants agree), in the ingest transaction,
in both directions: the short form may come first ("Kim" in 2024, "Kim Jong Un" in 2025) or last.

Cost: lookups go through ``person_tokens`` (word -> full-name entity) and the entity primary key,
so the work per article depends on the article's own names, not on the corpus.  The SQL is
:mod:`cronicar.store.entities`.
"""

from __future__ import annotations

import sqlite3

from cronicar.model import entity_key
from cronicar.store import entities as store

Pair = tuple[store.Entity, store.Entity]  # (short, full)


def _full_names_with(conn: sqlite3.Connection, token: str, story_id: str) -> list[store.Entity]:
    return [(eid, name) for eid, name in store.persons_with_token(conn, token)
            if store.in_story(conn, eid, story_id)]


def _short_of(conn: sqlite3.Connection, eid: str, name: str, story_id: str) -> list[Pair]:
    """A full name of the article: the story's bare word of it, when that word names one person."""
    pairs = []
    for w in name.split():
        sid = entity_key("PERSON", w)
        short = store.name_of(conn, sid, "PERSON")
        if short and store.in_story(conn, sid, story_id) and len(_full_names_with(conn, w, story_id)) == 1:
            pairs.append(((sid, short), (eid, name)))
    return pairs


def merge_short_names(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, str]]:
    """Merge one-word person names of the article's story into the one full name containing them;
    returns the (short, full) name pairs merged.  Idempotent."""
    story_id = store.story_of(conn, article_id)
    if story_id is None:
        return []
    persons = store.article_persons(conn, article_id)
    pairs: list[Pair] = []
    for eid, name in persons:
        words = name.split()
        if len(words) > 1:
            store.add_person_tokens(conn, eid, words)
    for eid, name in persons:
        if len(name.split()) == 1:  # "Kim" now; a full name of the story may already exist
            fulls = _full_names_with(conn, name, story_id)
            if len(fulls) == 1:
                pairs.append(((eid, name), fulls[0]))
        else:  # "Kim Jong Un" now; a bare "Kim" of the story may exist already
            pairs += _short_of(conn, eid, name, story_id)
    done = []
    for short, full in dict.fromkeys(pairs):
        store.move_entity(conn, short, full, story_id)
        done.append((short[1], full[1]))
    return done
