"""The HTML pages: stories, a story's timeline, articles, entities, quotes, search, errors.

Rendered on the server with Jinja2 (every page works without JavaScript); lists are paged with
previous/next links that keep the other parameters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from cronicar.export.formats import date_label
from cronicar.serve import views
from cronicar.serve.common import (PAGE_SIZE, STORY_PAGE, EntityFacet, From, Kind, StoryFacet, To, Year, found,
                                   get_store, known)
from cronicar.serve.links import http_url
from cronicar.store import browse
from cronicar.store import entities as stored_entities
from cronicar.store.db import Store

HERE = Path(__file__).parent
router = APIRouter()
ZOOM = r"^(\d{4}-\d{2}(-\d{2})?)?$"  # a story's zoom bound: a month or a day (empty: none)


def _marks(snippet: str) -> Markup:
    """Escape a search snippet, then turn the FTS hit markers (\\x02, \\x03) into <mark>."""
    return Markup(str(escape(snippet)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def search_url(q: str, chosen: dict[str, str | None], **change: str | None) -> str:
    """The /search URL of query ``q`` with the facet filters ``chosen`` changed by ``change``
    (a value narrows to it, None clears it); urlencode escapes whatever the store holds."""
    params = {"q": q, **{k: v for k, v in {**chosen, **change}.items() if v}}
    return "/search?" + urlencode(params)


templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["marks"] = _marks
templates.env.filters["date_label"] = date_label
templates.env.filters["readable_date"] = views.readable_date
templates.env.filters["http_url"] = http_url
templates.env.globals["sparkline"] = views.sparkline_points
templates.env.globals["plural"] = views.plural
templates.env.globals["search_url"] = search_url


def page(request: Request, name: str, **ctx: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, ctx)


def pager(request: Request, number: int, per_page: int, total: int) -> dict[str, Any]:
    """Previous/next links of a page (the other query parameters kept)."""
    last = max(1, -(-total // per_page))
    link = lambda n: str(request.url.include_query_params(page=n).query)  # noqa: E731
    return {"page": number, "pages": last, "total": total,
            "prev": "?" + link(number - 1) if number > 1 else None,
            "next": "?" + link(number + 1) if number < last else None}


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def page_stories(request: Request, store: Store = Depends(get_store),
                 sort: Literal["updated", "size", "start"] = "updated", date_from: str | None = From,
                 date_to: str | None = To, entity: str | None = None, lang: str | None = None,
                 singles: Literal["show", "hide"] = "show", page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
    known(store, "entities", entity, "entity")
    filters = {"sort": sort, "date_from": date_from, "date_to": date_to, "entity": entity, "lang": lang,
               "min_articles": 2 if singles == "hide" else 1}
    stories, total = views.list_stories(store, PAGE_SIZE, (page_no - 1) * PAGE_SIZE, **filters)
    entity_name = stored_entities.entity(store.conn, entity)["name"] if entity else None
    return page(request, "stories.html", stories=stories, n_articles=store.count("articles"),
                filters={**filters, "singles": singles, "entity_name": entity_name},
                pager=pager(request, page_no, PAGE_SIZE, total))


@router.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
def page_story(request: Request, story_id: str, store: Store = Depends(get_store),
               part: Literal["main", "background"] = "main",
               date_from: str | None = Query(None, alias="from", pattern=ZOOM, description="zoom: first month or day"),
               date_to: str | None = Query(None, alias="to", pattern=ZOOM, description="zoom: last month or day"),
               page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
    try:
        period = views.zoom_period(date_from or None, date_to or None)
    except ValueError as exc:  # a date that does not exist (2024-13): invalid like a malformed one
        raise HTTPException(422, f"invalid parameter: {exc}") from exc
    story = found(views.story_timeline(store, story_id, STORY_PAGE, (page_no - 1) * STORY_PAGE, part=part,
                                       period=period), "story")
    zoom = {k: v for k, v in (("from", date_from), ("to", date_to)) if v}
    return page(request, "story.html", story=story, zoom=zoom, zoom_query=urlencode(zoom), groups=views.month_groups(story["events"]),
                months=views.month_pages(story["months"], STORY_PAGE),
                pager=pager(request, page_no, STORY_PAGE, story["total_events"]))


@router.get("/events/{event_id}", include_in_schema=False)
def page_event(event_id: str, store: Store = Depends(get_store)) -> RedirectResponse:
    """An event's place in its story: the timeline page that shows it (the story's own period, or
    its background), opened at it."""
    row = found(browse.story_row(store.conn, found(browse.timeline_position(store.conn, event_id), "event")[0]), "story")
    cutoff = views.background_cutoff(row["first_date"])
    part, pos = "main", browse.timeline_position(store.conn, event_id)
    if cutoff:
        pos = browse.timeline_position(store.conn, event_id, ("from", cutoff))
        if pos is None:
            part, pos = "background", browse.timeline_position(store.conn, event_id, ("before", cutoff))
    page_no = pos[1] // STORY_PAGE + 1 if pos else 1
    extra = "&part=background" if part == "background" else ""
    return RedirectResponse(f"/stories/{quote(row['id'], safe=':')}?page={page_no}{extra}#ev-{quote(event_id, safe=':')}",
                            status_code=303)


@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
def page_entities(request: Request, type: str | None = None, store: Store = Depends(get_store),
                  page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
    entities, total = views.list_entities(store, type, PAGE_SIZE, (page_no - 1) * PAGE_SIZE)
    return page(request, "entities.html", entities=entities, type=type, pager=pager(request, page_no, PAGE_SIZE, total))


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse, include_in_schema=False)
def page_entity(request: Request, entity_id: str, store: Store = Depends(get_store),
                page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
    ent = found(views.entity_detail(store, entity_id, PAGE_SIZE, (page_no - 1) * PAGE_SIZE), "entity")
    return page(request, "entity.html", entity=ent, pager=pager(request, page_no, PAGE_SIZE, ent["total_statements"]))


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def page_article(request: Request, article_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
    art = found(views.article_detail(store, article_id), "article")
    segments = views.annotated_segments(art["text"], art["timexes"], art["quotes"], art["mentions"], art["sentences"])
    return page(request, "article.html", article=art, segments=segments)


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def page_quotes(request: Request, store: Store = Depends(get_store), speaker: str | None = None,
                date_from: str | None = From, date_to: str | None = To,
                page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
    speaker = (speaker or "").strip() or None
    quotes, total = views.list_quotes(store, speaker=speaker, date_from=date_from, date_to=date_to,
                                      limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
    return page(request, "quotes.html", quotes=quotes, speaker=speaker or "", date_from=date_from or "",
                date_to=date_to or "", pager=pager(request, page_no, PAGE_SIZE, total))


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def page_search(request: Request, q: str = "", store: Store = Depends(get_store),
                kind: Literal["article", "event"] | None = Kind, year: str | None = Year,
                story: str | None = StoryFacet, entity: str | None = EntityFacet,
                page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
    facet = {"kind": kind, "year": year, "story": story or None, "entity": entity or None}
    results, total = (views.search_page(store, q, PAGE_SIZE, (page_no - 1) * PAGE_SIZE, **facet)
                      if q.strip() else ([], 0))
    facets = views.search_facets(store, q, **facet) if q.strip() else {}
    return page(request, "search.html", q=q, results=results, total=total, facets=facets, chosen=facet,
                pager=pager(request, page_no, PAGE_SIZE, total))
