"""The read side of the JSON API (``/api/...``): paged lists and single items, typed for OpenAPI.

Every list reads one page from the store (:mod:`cronicar.store.browse`) and says how to get the
next one (:func:`.common.paged`); unknown ids, in the path or in a filter, are 404s.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from cronicar.export.chronicle import build
from cronicar.serve import models, views
from cronicar.serve.common import (EntityFacet, Kind, StoryFacet, Year,
    MAX_LIMIT, STORY_PAGE, From, Limit, Offset, To, found, get_store, known, not_found, paged,
)
from cronicar.store import browse
from cronicar.store import entities as stored_entities
from cronicar.store import events as stored_events
from cronicar.store.db import Store

router = APIRouter()


@router.get("/api/stories", tags=["stories"], response_model=list[models.StoryItem], responses=models.PAGED)
def api_stories(request: Request, response: Response, store: Store = Depends(get_store),
                sort: Literal["updated", "size", "start"] = Query("updated", description="updated: latest update first;"
                                                                  " size: most articles first; start: oldest first"),
                date_from: str | None = From, date_to: str | None = To,
                entity: str | None = Query(None, description="only stories with an article mentioning this entity id"),
                lang: str | None = Query(None, description="only stories with an article in this language"),
                min_articles: int = Query(1, ge=1, description="2 hides single-article stories"),
                limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
    """Stories: id, title, date span, number of articles and events, activity counts."""
    known(store, "entities", entity, "entity")
    items, total = views.list_stories(store, limit, offset, sort=sort, date_from=date_from, date_to=date_to,
                                      entity=entity, lang=lang, min_articles=min_articles)
    return paged(request, response, items, total, offset)


def story_or_404(store: Store, story_id: str, limit: int, offset: int) -> dict[str, Any]:
    return found(views.story_timeline(store, story_id, limit, offset), "story")


@router.get("/api/stories/{story_id}", tags=["stories"], response_model=models.Story, responses=models.PAGED)
def api_story(request: Request, response: Response, story_id: str, store: Store = Depends(get_store),
              limit: int = Query(STORY_PAGE, ge=1, le=MAX_LIMIT), offset: int = Offset) -> dict[str, Any]:
    """One story with one page of its timeline: events in calendar order with sources and quotes."""
    story = story_or_404(store, story_id, limit, offset)
    paged(request, response, story["events"], story["total_events"], offset)
    return story


@router.get("/api/stories/{story_id}/timeline", tags=["stories"], response_model=list[models.TimelineEvent],
         responses=models.PAGED)
def api_timeline(request: Request, response: Response, story_id: str, store: Store = Depends(get_store),
                 limit: int = Query(STORY_PAGE, ge=1, le=MAX_LIMIT), offset: int = Offset) -> list[dict[str, Any]]:
    """Only the timeline events of one story (a page of them), in calendar order."""
    story = story_or_404(store, story_id, limit, offset)
    return paged(request, response, story["events"], story["total_events"], offset)


@router.get("/api/stories/{story_id}/key-dates", tags=["stories"], responses=models.ERRORS)
def api_key_dates(story_id: str, n: int = Query(10, ge=1, le=100),
                  lang: str = Query("ro", pattern=r"^[a-z]{2,3}$"),
                  store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    """The story's ``n`` key dates, best first (the export's ``stories[].key_dates``): the days
    most articles and outlets refer to, each with one line, its best event and how many
    articles refer to it; ``readable`` is the date as a reader of ``lang`` reads it."""
    from cronicar.export.readable import readable

    stories = build(store, story=story_id, key_dates=n)["stories"]
    story = found(stories[0] if stories else None, "story")
    return [{**k, "readable": readable(k["date"], None, lang)} for k in story["key_dates"]]


@router.get("/api/relations", tags=["entities"], responses=models.ERRORS)
def api_relations(entity: str | None = Query(None, description="entity id or canonical name"),
                  story: str | None = None, kind: str | None = Query(None, pattern="^(cooperation|conflict|statement)$"),
                  store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    """Actor relations over time (the export's ``relations``): per pair of entities, month and
    kind (cooperation, conflict, statement), the events that connect them and their sources.
    Scoped, so its cost follows the entity or the story, not the corpus: ``entity`` reads the
    (latest 500) events naming it, ``story`` that story's chronicle; the whole corpus's relations
    are in the export (``/api/chronicle``)."""
    if entity is None and story is None:
        raise HTTPException(422, "give entity or story (every relation of the store is in /api/chronicle)")
    known(store, "stories", story, "story")
    if story is not None:
        cells = build(store, story=story)["relations"]
        ids = _entity_ids(store, entity) if entity else set()
    else:
        ids = found(_entity_ids(store, entity) or None, "entity")
        cells = views.entity_relation_cells(store, entity if entity not in ids else _name_of(store, entity))
    return [c for c in cells
            if (entity is None or c["a"] in ids or c["b"] in ids) and (kind is None or c["kind"] == kind)]


def _entity_ids(store: Store, entity: str | None) -> set[str]:
    """The ids ``entity`` names: itself when it is an id, else the entities with that canonical name."""
    return stored_entities.ids_named(store.conn, entity) if entity else set()


def _name_of(store: Store, entity_id: str) -> str:
    row = stored_entities.entity(store.conn, entity_id)
    return row["name"] if row else entity_id


@router.get("/api/chronicle", tags=["events"], responses=models.ERRORS)
def api_chronicle(story: str | None = None, store: Store = Depends(get_store)) -> dict[str, Any]:
    """The DESIGN §5 chronicle object (the same as `cronicar export --format json`), not paged:
    it is the export; use ``story`` (or the paged lists) on a large store."""
    known(store, "stories", story, "story")
    return build(store, story=story)


@router.get("/api/events", tags=["events"], response_model=list[models.Event], responses=models.PAGED)
def api_events(request: Request, response: Response, store: Store = Depends(get_store),
               story: str | None = Query(None, description="story id (404 when unknown)"),
               type: str | None = Query(None, description="event type, case-insensitive"),
               article: str | None = Query(None, description="only events this article reports (404 when unknown)"),
               limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
    """Events (§5 shape plus ``new_in``) in chronicle order, optionally of one story, type or article."""
    known(store, "stories", story, "story")
    known(store, "articles", article, "article")
    items = browse.events_page(store.conn, story=story, type_=type, article=article, limit=limit, offset=offset)
    return paged(request, response, items, browse.count_events(store.conn, story, type, article), offset)


@router.get("/api/events/{event_id}", tags=["events"], response_model=models.Event, responses=models.ERRORS)
def api_event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    """One event with its sources (those in its story's articles)."""
    row = stored_events.event(store.conn, event_id)
    if row is None:
        raise not_found("event")
    events = browse.events_by_id(store.conn, [event_id], row["story_id"])
    if not events or not events[0]["sources"]:
        raise not_found("event")
    return events[0]


@router.get("/api/quotes", tags=["quotes"], response_model=list[models.Quote], responses=models.PAGED)
def api_quotes(request: Request, response: Response, store: Store = Depends(get_store),
               speaker: str | None = Query(None, description="entity id, or part of a name or of any alias "
                                           "(case and diacritics ignored)"),
               article: str | None = Query(None, description="article id (404 when unknown)"),
               date_from: str | None = From, date_to: str | None = To,
               limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
    """Quotes (§5 shape) in date order, by speaker, article and date of the statement."""
    known(store, "articles", article, "article")
    items, total = views.list_quotes(store, speaker=speaker, article=article, date_from=date_from,
                                     date_to=date_to, limit=limit, offset=offset)
    return paged(request, response, items, total, offset)


@router.get("/api/entities", tags=["entities"], response_model=list[models.EntityItem], responses=models.PAGED)
def api_entities(request: Request, response: Response, store: Store = Depends(get_store),
                 type: str | None = Query(None, description="PERSON, ORG, GPE… (case-insensitive)"),
                 limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
    """Entities with how many articles and mentions they have, most articles first."""
    items, total = views.list_entities(store, type, limit, offset)
    return paged(request, response, items, total, offset)


@router.get("/api/entities/{entity_id:path}", tags=["entities"], responses=models.ERRORS)
def api_entity(entity_id: str, store: Store = Depends(get_store),
               limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """One entity: aliases, a page of its statements over time (limit/offset), who it appears
    with, its latest articles."""
    return found(views.entity_detail(store, entity_id, limit, offset), "entity")


@router.get("/api/articles", tags=["articles"], response_model=list[models.ArticleItem], responses=models.PAGED)
def api_articles(request: Request, response: Response, store: Store = Depends(get_store),
                 story: str | None = Query(None, description="story id (404 when unknown)"),
                 entity: str | None = Query(None, description="entity id (404 when unknown)"),
                 lang: str | None = None, date_from: str | None = From, date_to: str | None = To,
                 limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
    """Articles in date order: id, title, date, lang, source, url, story."""
    known(store, "stories", story, "story")
    known(store, "entities", entity, "entity")
    items, total = views.list_articles(store, limit, offset, story=story, entity=entity, lang=lang,
                                       date_from=date_from, date_to=date_to)
    return paged(request, response, items, total, offset)


@router.get("/api/articles/{article_id}", tags=["articles"], responses=models.ERRORS)
def api_article(article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    """One article: text, sentences, timexes, quotes, entity mentions, events and what was new."""
    return found(views.article_detail(store, article_id), "article")


@router.get("/api/search", tags=["search"], response_model=list[models.SearchHit], responses=models.PAGED)
def api_search(request: Request, response: Response, q: str = Query(..., min_length=1),
               kind: Literal["article", "event"] | None = Kind, year: str | None = Year,
               story: str | None = StoryFacet, entity: str | None = EntityFacet, limit: int = Limit,
               offset: int = Offset, store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    """Full-text search (SQLite FTS5) over article titles and text and event summaries, best first;
    ``kind``, ``year``, ``story`` and ``entity`` narrow the matches to one facet value (as the /search
    page does).

    Snippets mark hits with the control characters U+0002 (start) and U+0003 (end)."""
    hits, total = views.search_page(store, q, limit, offset, kind=kind, year=year, story=story or None,
                                    entity=entity or None)
    return paged(request, response, hits, total, offset)
