"""One kind per name in a story: a company the NER tagged a place in one report is the company
the other reports name.

Why: in business news the Romanian NER often calls a company a place ("Nuclearelectrica",
"TradeVille", "Conpet" tagged GPE in some sentences and ORG in others), and the article alone may
hold no clue (:func:`cronicar.analyze.entities._company_cue` reads the clues one article has).
The store then holds a place and a company of the same name: two entities, and the company
becomes the place of events ("@ Nuclearelectrica").  A name the gazetteers know (CLDR countries,
GeoNames cities, the alias file) is a place and stays one; any other name that the corpus has as
an organisation is the organisation.  The move is the story's (:func:`cronicar.store.entities.move_entity`), as
for short names and spellings; an event's place that was the name is cleared.  The SQL is
:mod:`cronicar.store.entities`.

Cost: per place and organisation of the article, one primary-key look-up, plus a bounded
look-up (:func:`cronicar.store.entities.in_story`) when the twin exists.
"""

from __future__ import annotations

import sqlite3

from cronicar.analyze.entities import gazetteer_place
from cronicar.model import entity_key
from cronicar.store import entities as store


def one_kind(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """Move the story's place-typed mentions of a name into its organisation; returns the names
    moved.  Idempotent."""
    found = store.story_entities_of(conn, article_id, ("GPE", "LOC", "ORG"))
    if found is None:
        return []
    story_id, lang, ents = found
    moved: list[str] = []
    for eid, name, typ in ents:
        if gazetteer_place(name, lang):
            continue
        if typ == "ORG":  # the story's earlier reports called it a place
            place, org = entity_key("GPE", name), eid
            if place == org or not store.exists(conn, place) or not store.in_story(conn, place, story_id):
                continue
        else:  # a place here, a company somewhere in the corpus
            place, org = eid, entity_key("ORG", name)
            if not store.exists(conn, org):
                continue
        store.move_entity(conn, (place, name), (org, name), story_id)
        store.clear_place(conn, name, story_id)
        moved.append(name)
    return moved

