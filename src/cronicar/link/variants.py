"""One entity across languages and spellings inside a story.

An English report of a story names "Sergei Lavrov", "North Korea" and "Pyongyang" where the
Romanian reports say "Serghei Lavrov", "Coreea de Nord" and "Phenian": per article, each language
names its entities its own way (the analysis cannot know the other reports), so the store holds
two entities for one actor and the story's entity page, quotes and event participants split.

Here every person and place of a new article gets a language-free key: a country its CLDR code
(``cc:KP`` for "North Korea" and "Coreea de Nord"), a city its GeoNames name (``city:Pyongyang``
for "Phenian" and "Pyongyang"), a person of two or more words the spelling key of each word
(:func:`spelling_key`: "Serghei", "Sergei", "Sergey" -> "sergei").  An entity of the same story with
the same key is the same one: the new article's entity moves into it (its name becomes an alias),
as a bare "Kim" moves into the story's "Kim Jong Un" (:mod:`cronicar.link.persons`).  Inside the
story only, as there: outside it, nothing is assumed.

Cost: per person and place of the article, one look-up by key (primary key of ``entity_keys``);
only a key that another entity shares costs more, a bounded look-up
(:func:`cronicar.store.entities.in_story`).  The SQL is :mod:`cronicar.store.entities`.
"""

from __future__ import annotations

import re
import sqlite3

from cronicar.analyze import places
from cronicar.analyze.normalize import fold_accents
from cronicar.link import signals
from cronicar.store import entities as store

# Transliterations of the same sound that languages write differently (Russian, Arabic, Korean
# names in Romanian, English, French...): "gh"/"g" (Serghei/Sergei), "sh"/"ș" (Lukașenko),
# "kh"/"h" (Hamenei/Khamenei), "y"/"i" (Dmitry/Dmitri, Zelensky/Zelenski), "w"/"v", "ph"/"f".
_SPELLINGS = (("gh", "g"), ("sh", "s"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("y", "i"), ("w", "v"))
_DOUBLE = re.compile(r"(.)\1+")
_WORDS = re.compile(r"[\s\-\u2010\u2011]+")


def spelling_key(word: str) -> str:
    """A word's spelling across languages: lowercase, no diacritics, the usual transliteration
    pairs made one, doubled letters single ("Zelenskyy" -> "zelenski", "Serghei" -> "sergei")."""
    w = fold_accents(word)
    for a, b in _SPELLINGS:
        w = w.replace(a, b)
    return _DOUBLE.sub(r"\1", w)


def variant_key(typ: str, name: str, lang: str) -> str | None:
    """The language-free key of an entity, or None when it has none (one-word person names are
    :mod:`cronicar.link.persons`' business; organisations keep their names)."""
    if typ == "GPE":
        country = signals.entity_key("gpe:", name, lang)
        if country.startswith("cc:"):
            return country
        city = places.city_aliases().get(name.lower())
        return f"city:{city}" if city else None
    if typ == "PERSON":
        words = [w for w in _WORDS.split(name) if w]
        if len(words) < 2:
            return None
        return "p:" + " ".join(spelling_key(w) for w in words)
    return None


def merge_variants(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, str]]:
    """Move the article's persons and places into the story's entity with the same key; returns
    the (moved, kept) name pairs.  Idempotent."""
    found = store.story_entities_of(conn, article_id, ("PERSON", "GPE"))
    if found is None:
        return []
    story_id, lang, ents = found
    by_key: dict[str, list[tuple[str, str]]] = {}
    for eid, name, typ in ents:
        key = variant_key(typ, name, lang)
        if key is not None:
            store.add_key(conn, key, eid)
            by_key.setdefault(key, []).append((eid, name))
    moves: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for key, mine in by_key.items():
        own = {eid for eid, _ in mine}
        # the story's oldest entity with this key keeps its name (the first report's spelling);
        # the article's own entities are in the story, others are looked up (bounded)
        kept = next(((oid, oname) for oid, oname in store.entities_with_key(conn, key)
                     if oid in own or store.in_story(conn, oid, story_id)), None)
        moves.extend((m, kept) for m in mine if kept is not None and m[0] != kept[0])
    for moved, kept in moves:
        store.move_entity(conn, moved, kept, story_id)
    return [(m[1], k[1]) for m, k in moves]
