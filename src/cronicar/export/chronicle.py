"""The chronicle export (DESIGN §5) built from the store, and the views derived from it.

The JSON object is the contract evaluation depends on: the keys of §5 are always present; extra
keys are additions (``new_in``, ``quotes`` per event...), never renames.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from cronicar.export import digest
from cronicar.link.keydates import story_refs
from cronicar.store import articles as stored_articles
from cronicar.store import entities as stored_entities
from cronicar.store import events as stored_events
from cronicar.store import stories as stored_stories
from cronicar.store.db import Store


def _when(value: str | None, start: str | None, end: str | None) -> dict[str, Any] | None:
    if value is None and start is None:
        return None
    return {"value": value, "interval": [start, end]}


def _loads(raw: str | None) -> list[Any]:
    return json.loads(raw) if raw else []


def build(store: Store, story: str | None = None, key_dates: int = digest.DEFAULT_KEY_DATES) -> dict[str, Any]:
    """Everything in the store (or one story) as the §5 chronicle object, with its additions
    (``events[].headline/background/types``, ``stories[].key_dates``, ``relations``)."""
    conn = store.conn
    articles_rows = stored_articles.articles(conn, story)
    article_ids = [r["id"] for r in articles_rows]
    texts = {r["id"]: r["text"] for r in articles_rows}
    dates = {r["id"]: r["date_start"] for r in articles_rows}
    in_scope = set(article_ids)

    articles = [
        {"id": r["id"], "source": r["source"], "title": r["title"] or title_of(r["text"]),
         "date": r["date"], "lang": r["lang"], "story": r["story_id"]}
        for r in articles_rows
    ]

    entities = _entities(stored_entities.mention_articles(conn), stored_entities.aliases(conn),
                         stored_entities.all_entities(conn), in_scope)
    langs = {r["id"]: r["lang"] for r in articles_rows}
    published = {r["id"]: r["date"] for r in articles_rows}
    events = _events(stored_events.linked_mentions(conn), stored_events.all_events(conn), in_scope, texts, dates,
                     story, langs, published)
    quotes = _quotes(stored_articles.quotes(conn), in_scope, texts)
    timexes = [
        {"article": r["article_id"], "start": r["start"], "end": r["end"], "text": r["text"],
         "type": r["type"], "value": r["value"], "mod": r["mod"],
         "interval": [r["int_start"], r["int_end"]] if r["int_start"] else None}
        for r in stored_articles.timexes(conn)
        if r["article_id"] in in_scope
    ]

    stories = []
    first_of = {}  # story -> its first article's first day
    for a in articles_rows:
        first_of.setdefault(a["story_id"], a["date_start"])
    for e in events:
        e["background"] = digest.is_background(e["when"], first_of.get(e["story"]))
    for r in stored_stories.stories(conn, story):
        own = [e for e in events if e["story"] == r["id"]]
        span = digest.period(own, first_of.get(r["id"]), r["last_date"])
        window = (span["start"], span["end"]) if span["start"] and span["end"] else None
        stories.append({
            "id": r["id"], "title": r["title"],
            "articles": [a["id"] for a in articles if a["story"] == r["id"]],
            "events": [e["id"] for e in own],
            "first_date": r["first_date"], "last_date": r["last_date"],
            "period": span,
            "key_dates": digest.key_dates(story_refs(conn, r["id"]), own, window, key_dates),
        })
    for a in articles:
        a.pop("story")
    return {"articles": articles, "entities": entities, "stories": stories, "events": events,
            "quotes": quotes, "timexes": timexes,
            "relations": digest.relations(events, stored_entities.actor_ids(conn))}


def title_of(text: str) -> str:
    """Seed files have no title line: use the first sentence-ish stretch, shortened."""
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"


def _entities(mentions: list[sqlite3.Row], aliases: dict[str, list[str]], entities: list[sqlite3.Row],
              in_scope: set[str]) -> list[dict[str, Any]]:
    arts: dict[str, list[str]] = {}
    for r in mentions:
        if r["article_id"] in in_scope:
            arts.setdefault(r["entity_id"], []).append(r["article_id"])
    out = []
    for r in entities:
        if r["id"] not in arts:
            continue
        out.append({"id": r["id"], "name": r["name"], "type": r["type"],
                    "aliases": [a for a in aliases.get(r["id"], []) if a != r["name"]],
                    "articles": arts[r["id"]]})
    return out


def _events(mentions: list[sqlite3.Row], events: list[sqlite3.Row], in_scope: set[str], texts: dict[str, str],
            dates: dict[str, str], story: str | None, langs: dict[str, str],
            published: dict[str, str]) -> list[dict[str, Any]]:
    sources: dict[str, list[dict[str, Any]]] = {}
    for r in mentions:
        if r["article_id"] not in in_scope:
            continue
        text = texts[r["article_id"]]
        cited = sources.setdefault(r["event_id"], [])
        if any(c["article"] == r["article_id"] and c["start"] == r["sent_start"] for c in cited):
            continue  # one happening told by two cues of one sentence: the sentence is cited once
        cited.append({
            "article": r["article_id"], "start": r["sent_start"], "end": r["sent_end"],
            "text": text[r["sent_start"]:r["sent_end"]].strip(),
            "trigger": [r["trigger_start"], r["trigger_end"]],
        })
    out = []
    for r in events:
        if r["id"] not in sources or (story and r["story_id"] != story):
            continue
        srcs = sorted(sources[r["id"]], key=lambda s: (dates.get(s["article"], ""), s["article"], s["start"]))
        out.append({
            "id": r["id"], "story": r["story_id"], "type": r["type"], "summary": r["summary"],
            "headline": r["headline"] or r["summary"],  # stores made before headlines: the sentence
            "types": _loads(r["types"]) or [r["type"]],
            "when": _when(r["when_value"], r["when_start"], r["when_end"]),
            "participants": _loads(r["participants"]), "place": r["place"],
            "sources": srcs,
            "new_in": srcs[0]["article"],  # the first article (by date) that reported it
            # the day it was first reported: what an undated event is ordered and shown by (an
            # act the text gives no day of is not put on its article's day; docs/events.md)
            "reported": published.get(srcs[0]["article"]),
            "lang": langs.get(srcs[0]["article"], "ro"),  # the language its headline is written in
        })
    return out


def _quotes(quotes: list[sqlite3.Row], in_scope: set[str], texts: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for r in quotes:
        if r["article_id"] not in in_scope:
            continue
        out.append({
            "id": r["id"], "article": r["article_id"], "speaker": r["speaker"],
            "speaker_entity": r["speaker_entity"], "kind": r["kind"],
            "text": texts[r["article_id"]][r["start"]:r["end"]], "start": r["start"], "end": r["end"],
            "when": _when(r["when_value"], r["when_start"], r["when_end"]),
            "addressee": r["addressee"], "media_source": r["media_source"],
        })
    return out
