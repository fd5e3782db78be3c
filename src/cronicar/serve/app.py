"""`cronicar serve`: the JSON API and the server-rendered timeline pages (FastAPI + Jinja2).

Why server-rendered pages with a little bundled JS: the app must work offline on a journalist's
laptop with nothing but the wheel installed (no CDN, no Node), and every page is useful with
JavaScript off.  Reads open the store read-only, per request, so a concurrent `cronicar ingest`
is seen at the next page load and the server can never damage the database; the one write
(POST /api/articles) needs a bearer token the user chose.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from cronicar import __version__
from cronicar.export.chronicle import build
from cronicar.export.formats import date_label
from cronicar.serve import models, views
from cronicar.serve import search as search_mod
from cronicar.store import browse
from cronicar.store.db import Store

HERE = Path(__file__).parent


def _marks(snippet: str) -> Markup:
    """Escape a search snippet, then turn the FTS hit markers (\\x02, \\x03) into <mark>."""
    return Markup(str(escape(snippet)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


# Why every page carries these: article text, titles, urls and speakers are hostile input.  The
# CSP allows only our own script and stylesheet (no inline script, no plugins, no framing, no
# <base> rewrite); inline style *attributes* stay allowed for the computed axis positions.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                "style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                                "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# Browsers drop ASCII tab/newline/control characters and leading spaces when parsing a URL
# ("java\tscript:" runs as "javascript:"), so the scheme test runs on the URL as a browser sees it.
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def http_url(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) URL a page may link to, else None (shown as text)."""
    if not isinstance(url, str):
        return None
    seen = _URL_IGNORED.sub("", url).lower()
    return url.strip() if seen.startswith(("http://", "https://")) else None


DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: no filter (an unfilled form field)
PAGE_SIZE = 50        # items per page of every list (API default; pages)
STORY_PAGE = 100      # events per page of a story timeline
MAX_LIMIT = 500


def _query_names(dependant: Any) -> set[str]:
    """The query parameters a route declares (its own and its dependencies')."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def reject_unknown_params(request: Request) -> None:
    """422 for a query parameter an API route does not know (a typo must not silently widen the
    answer: ``/api/events?stroy=x`` used to return every event)."""
    route = request.scope.get("route")
    if not request.url.path.startswith("/api/") or route is None or not hasattr(route, "dependant"):
        return
    unknown = sorted(set(request.query_params) - _query_names(route.dependant))
    if unknown:
        raise RequestValidationError([{"type": "extra_forbidden", "loc": ["query", name], "input": request.query_params[name],
                                       "msg": f"unknown query parameter {name!r}"} for name in unknown])


def paged(request: Request, response: Response, items: list[Any], total: int, offset: int) -> list[Any]:
    """``items``, with X-Total-Count and (unless this is the last page) a Link rel="next" header."""
    response.headers["X-Total-Count"] = str(total)
    if offset + len(items) < total and items:
        nxt = request.url.include_query_params(offset=offset + len(items))
        response.headers["Link"] = f'<{nxt.path}?{nxt.query}>; rel="next"'
    return items


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def create_app(db: Path | str, token: str | None = None) -> FastAPI:
    """The web app over the store at ``db``; ``token`` enables POST /api/articles (None: read-only)."""
    db = Path(db)
    if not db.exists():
        raise FileNotFoundError(f"{db}: no such database (run `cronicar ingest` first)")
    # No /docs or /redoc: FastAPI serves them from a CDN, and the app must work offline.
    app = FastAPI(title="cronicar", version=__version__, docs_url=None, redoc_url=None,
                  dependencies=[Depends(reject_unknown_params)],
                  description="Sourced chronicles of news stories: stories, timelines, events, quotes, entities.\n\n"
                              "Every list is paged: `limit` (1-500, default 50) and `offset`; the answer carries "
                              "`X-Total-Count` and, unless it is the last page, `Link: <next url>; rel=\"next\"`.")
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["marks"] = _marks
    templates.env.filters["date_label"] = date_label
    templates.env.filters["readable_date"] = views.readable_date
    templates.env.filters["http_url"] = http_url
    templates.env.globals["sparkline"] = views.sparkline_points
    templates.env.globals["plural"] = views.plural

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def error_page(request: Request, status: int, message: str) -> HTMLResponse:
        res = templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                         status_code=status)
        for name, value in SECURITY_HEADERS.items():
            res.headers.setdefault(name, value)
        return res

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        """JSON for the API, an HTML page (with the site's navigation) for people."""
        if _wants_json(request):
            return await http_exception_handler(request, exc)
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        wrong = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        return error_page(request, 422, f"invalid parameter: {wrong}")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Any:
        if _wants_json(request):
            res = JSONResponse({"detail": "internal server error"}, status_code=500)
            res.headers.update(SECURITY_HEADERS)
            return res
        return error_page(request, 500, "Something went wrong on the server.")

    def get_store() -> Iterator[Store]:
        store = Store(db, readonly=True)
        try:
            yield store
        finally:
            store.close()

    def page(request: Request, name: str, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx)

    def not_found(what: str) -> HTTPException:
        return HTTPException(status_code=404, detail=f"{what} not found")

    def found(obj: Any, what: str) -> Any:
        """``obj``, or a 404 naming what was not found."""
        if obj is None:
            raise not_found(what)
        return obj

    def known(store: Store, table: str, key: str | None, what: str) -> None:
        """404 for an unknown id given as a filter (``/api/events?story=nope``)."""
        if key and not browse.exists(store.conn, table, key):
            raise not_found(what)

    Limit = Query(PAGE_SIZE, ge=1, le=MAX_LIMIT, description="items per page")
    Offset = Query(0, ge=0, le=10_000_000, description="items to skip (the Link header gives the next offset)")
    From = Query(None, alias="from", pattern=DATE, description="on or after this day (YYYY[-MM[-DD]])")
    To = Query(None, alias="to", pattern=DATE, description="on or before this day (YYYY[-MM[-DD]])")

    # -- JSON API ----------------------------------------------------------------------------
    @app.get("/api/stories", tags=["stories"], response_model=list[models.StoryItem], responses=models.PAGED)
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

    @app.get("/api/stories/{story_id}", tags=["stories"], response_model=models.Story, responses=models.PAGED)
    def api_story(request: Request, response: Response, story_id: str, store: Store = Depends(get_store),
                  limit: int = Query(STORY_PAGE, ge=1, le=MAX_LIMIT), offset: int = Offset) -> dict[str, Any]:
        """One story with one page of its timeline: events in calendar order with sources and quotes."""
        story = story_or_404(store, story_id, limit, offset)
        paged(request, response, story["events"], story["total_events"], offset)
        return story

    @app.get("/api/stories/{story_id}/timeline", tags=["stories"], response_model=list[models.TimelineEvent],
             responses=models.PAGED)
    def api_timeline(request: Request, response: Response, story_id: str, store: Store = Depends(get_store),
                     limit: int = Query(STORY_PAGE, ge=1, le=MAX_LIMIT), offset: int = Offset) -> list[dict[str, Any]]:
        """Only the timeline events of one story (a page of them), in calendar order."""
        story = story_or_404(store, story_id, limit, offset)
        return paged(request, response, story["events"], story["total_events"], offset)

    @app.get("/api/chronicle", tags=["events"], responses=models.ERRORS)
    def api_chronicle(story: str | None = None, store: Store = Depends(get_store)) -> dict[str, Any]:
        """The DESIGN §5 chronicle object (the same as `cronicar export --format json`), not paged:
        it is the export; use ``story`` (or the paged lists) on a large store."""
        known(store, "stories", story, "story")
        return build(store, story=story)

    @app.get("/api/events", tags=["events"], response_model=list[models.Event], responses=models.PAGED)
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

    @app.get("/api/events/{event_id}", tags=["events"], response_model=models.Event, responses=models.ERRORS)
    def api_event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        """One event with its sources (those in its story's articles)."""
        rows = store.query("SELECT story_id FROM events WHERE id = ?", (event_id,))
        if not rows:
            raise not_found("event")
        events = browse.events_by_id(store.conn, [event_id], rows[0]["story_id"])
        if not events or not events[0]["sources"]:
            raise not_found("event")
        return events[0]

    @app.get("/api/quotes", tags=["quotes"], response_model=list[models.Quote], responses=models.PAGED)
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

    @app.get("/api/entities", tags=["entities"], response_model=list[models.EntityItem], responses=models.PAGED)
    def api_entities(request: Request, response: Response, store: Store = Depends(get_store),
                     type: str | None = Query(None, description="PERSON, ORG, GPE… (case-insensitive)"),
                     limit: int = Limit, offset: int = Offset) -> list[dict[str, Any]]:
        """Entities with how many articles and mentions they have, most articles first."""
        items, total = views.list_entities(store, type, limit, offset)
        return paged(request, response, items, total, offset)

    @app.get("/api/entities/{entity_id:path}", tags=["entities"], responses=models.ERRORS)
    def api_entity(entity_id: str, store: Store = Depends(get_store),
                   limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        """One entity: aliases, a page of its statements over time (limit/offset), who it appears
        with, its latest articles."""
        return found(views.entity_detail(store, entity_id, limit, offset), "entity")

    @app.get("/api/articles", tags=["articles"], response_model=list[models.ArticleItem], responses=models.PAGED)
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

    @app.get("/api/articles/{article_id}", tags=["articles"], responses=models.ERRORS)
    def api_article(article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        """One article: text, sentences, timexes, quotes, entity mentions, events and what was new."""
        return found(views.article_detail(store, article_id), "article")

    @app.get("/api/search", tags=["search"], response_model=list[models.SearchHit], responses=models.PAGED)
    def api_search(request: Request, response: Response, q: str = Query(..., min_length=1),
                   limit: int = Limit, offset: int = Offset, store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """Full-text search (SQLite FTS5) over article titles and text and event summaries, best first.

        Snippets mark hits with the control characters U+0002 (start) and U+0003 (end)."""
        hits, total = views.search_page(store, q, limit, offset)
        return paged(request, response, hits, total, offset)

    @app.post("/api/articles", tags=["articles"], status_code=201,
              responses={403: {"model": models.Error, "description": "no token set, or a missing or wrong bearer token"},
                         422: {"model": models.Error, "description": "invalid article records"}})
    def api_ingest(payload: Any = Body(..., description="an article object, a list of them, or {\"articles\": [...]}"
                                       " with text, date (YYYY[-MM[-DD]]), optional title, lang, url, id"),
                   authorization: str | None = Header(None)) -> dict[str, Any]:
        """Ingest JSON articles (needs ``Authorization: Bearer <token>``; 403 when no token is set)."""
        if token is None:
            raise HTTPException(403, "read-only server: start it with --token (or $CRONICAR_TOKEN) to allow writes")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not authorization or not authorization.startswith("Bearer ") or not secrets.compare_digest(given, token):
            raise HTTPException(403, "missing or wrong bearer token")
        return _ingest(db, payload)

    # -- pages -------------------------------------------------------------------------------
    PageNo = Query(1, ge=1, le=1_000_000)

    def pager(request: Request, number: int, per_page: int, total: int) -> dict[str, Any]:
        """Previous/next links of a page (the other query parameters kept)."""
        last = max(1, -(-total // per_page))
        link = lambda n: str(request.url.include_query_params(page=n).query)  # noqa: E731
        return {"page": number, "pages": last, "total": total,
                "prev": "?" + link(number - 1) if number > 1 else None,
                "next": "?" + link(number + 1) if number < last else None}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_stories(request: Request, store: Store = Depends(get_store),
                     sort: Literal["updated", "size", "start"] = "updated", date_from: str | None = From,
                     date_to: str | None = To, entity: str | None = None, lang: str | None = None,
                     singles: Literal["show", "hide"] = "show", page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        known(store, "entities", entity, "entity")
        filters = {"sort": sort, "date_from": date_from, "date_to": date_to, "entity": entity, "lang": lang,
                   "min_articles": 2 if singles == "hide" else 1}
        stories, total = views.list_stories(store, PAGE_SIZE, (page_no - 1) * PAGE_SIZE, **filters)
        entity_name = store.query("SELECT name FROM entities WHERE id = ?", (entity,))[0]["name"] if entity else None
        return page(request, "stories.html", stories=stories, n_articles=store.count("articles"),
                    filters={**filters, "singles": singles, "entity_name": entity_name},
                    pager=pager(request, page_no, PAGE_SIZE, total))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_story(request: Request, story_id: str, store: Store = Depends(get_store),
                   page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        story = found(views.story_timeline(store, story_id, STORY_PAGE, (page_no - 1) * STORY_PAGE,
                                           fold_background=True), "story")
        return page(request, "story.html", story=story, groups=views.month_groups(story["events"]),
                    months=views.month_pages(story["months"], STORY_PAGE),
                    pager=pager(request, page_no, STORY_PAGE, story["total_events"]))

    @app.get("/events/{event_id}", include_in_schema=False)
    def page_event(event_id: str, store: Store = Depends(get_store)) -> RedirectResponse:
        """An event's place in its story: the timeline page that shows it, opened at it."""
        row = found(browse.story_row(store.conn, found(browse.timeline_position(store.conn, event_id), "event")[0]), "story")
        cutoff = views.background_cutoff(row["first_date"])
        # a background event is in the folded list of page 1; the others by their place in the rest
        pos = browse.timeline_position(store.conn, event_id, ("from", cutoff)) if cutoff else \
            browse.timeline_position(store.conn, event_id)
        page_no = pos[1] // STORY_PAGE + 1 if pos else 1
        return RedirectResponse(f"/stories/{quote(row['id'], safe=':')}?page={page_no}#ev-{quote(event_id, safe=':')}",
                                status_code=303)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def page_entities(request: Request, type: str | None = None, store: Store = Depends(get_store),
                      page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        entities, total = views.list_entities(store, type, PAGE_SIZE, (page_no - 1) * PAGE_SIZE)
        return page(request, "entities.html", entities=entities, type=type, pager=pager(request, page_no, PAGE_SIZE, total))

    @app.get("/entities/{entity_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def page_entity(request: Request, entity_id: str, store: Store = Depends(get_store),
                    page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        ent = found(views.entity_detail(store, entity_id, PAGE_SIZE, (page_no - 1) * PAGE_SIZE), "entity")
        return page(request, "entity.html", entity=ent, pager=pager(request, page_no, PAGE_SIZE, ent["total_statements"]))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_article(request: Request, article_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
        art = found(views.article_detail(store, article_id), "article")
        segments = views.annotated_segments(art["text"], art["timexes"], art["quotes"], art["mentions"], art["sentences"])
        return page(request, "article.html", article=art, segments=segments)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def page_quotes(request: Request, store: Store = Depends(get_store), speaker: str | None = None,
                    date_from: str | None = From, date_to: str | None = To,
                    page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        speaker = (speaker or "").strip() or None
        quotes, total = views.list_quotes(store, speaker=speaker, date_from=date_from, date_to=date_to,
                                          limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        return page(request, "quotes.html", quotes=quotes, speaker=speaker or "", date_from=date_from or "",
                    date_to=date_to or "", pager=pager(request, page_no, PAGE_SIZE, total))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def page_search(request: Request, q: str = "", store: Store = Depends(get_store),
                    page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        results, total = views.search_page(store, q, PAGE_SIZE, (page_no - 1) * PAGE_SIZE) if q.strip() else ([], 0)
        facets = views.search_facets(store, q) if q.strip() else {}
        return page(request, "search.html", q=q, results=results, total=total, facets=facets,
                    pager=pager(request, page_no, PAGE_SIZE, total))

    return app


def _ingest(db: Path, payload: Any) -> dict[str, Any]:
    """Validate every record first (422 listing the bad ones), then analyze, store, link, index."""
    from cronicar.ingest.readers import article_from_record
    from cronicar.model import InputError

    records = payload.get("articles") if isinstance(payload, dict) and "articles" in payload else payload
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list) or not records:
        raise HTTPException(422, "expected an article object or a non-empty list of them")
    articles, errors = [], []
    for i, rec in enumerate(records, 1):
        item = article_from_record(rec, "api", None, index=i)
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            articles.append(item)
    if errors:
        raise HTTPException(422, {"errors": errors})
    from cronicar.ingest.run import ingest_articles

    with Store(db) as store:
        report = ingest_articles(store, articles)
        with store.transaction() as conn:
            for article_id in report.added:
                search_mod.index_article(conn, article_id)
    return {"added": report.added, "skipped": report.skipped}


def run(db: Path | str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve until interrupted; ``token`` defaults to ``$CRONICAR_TOKEN`` (unset: read-only)."""
    import uvicorn

    token = token or os.environ.get("CRONICAR_TOKEN") or None
    app = create_app(Path(db), token=token)
    print(f"cronicar: serving {db} on http://{host}:{port}/ ({'writes need the token' if token else 'read-only'})")
    uvicorn.run(app, host=host, port=port, log_level="warning")
