"""`cronicar serve`: the JSON API and the server-rendered timeline pages (FastAPI + Jinja2).

Why server-rendered pages with a little bundled JS: the app must work offline on a journalist's
laptop with nothing but the wheel installed (no CDN, no Node), and every page is useful with
JavaScript off.  Reads open the store read-only, per request, so a concurrent `cronicar ingest`
is seen at the next page load and the server can never damage the database; the one write
(POST /api/articles) needs a bearer token the user chose.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from cronicar import __version__
from cronicar.export.chronicle import build
from cronicar.export.formats import date_label
from cronicar.export.readable import readable, readable_when
from cronicar.serve import views
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


# Limits on the one write (docs/web.md).  10 MB holds a batch of a few hundred news articles;
# analysis costs far more than reading, so writes are also rate-limited per client.
MAX_BODY = 10 * 1024 * 1024
WRITES_PER_MINUTE = 30


class WriteLimiter:
    """A token bucket per client address: ``per_minute`` writes a minute, bursts of ``burst``."""

    def __init__(self, per_minute: float, burst: int = 10, clock: Any = None) -> None:
        import time

        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock or time.monotonic
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def wait(self, client: str) -> float:
        """0 if ``client`` may write now (and counts the write), else the seconds to wait."""
        with self.lock:
            now = self.clock()
            tokens, last = self.buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self.buckets[client] = (tokens - 1, now)
                return 0.0
            self.buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate > 0 else 60.0


def token_matches(authorization: str | None, token: str) -> bool:
    """Whether the header is ``Bearer <token>``.  Compared as bytes: ``compare_digest`` raises
    TypeError on non-ASCII str (which made a 500 of a hostile header)."""
    if not authorization or not authorization.startswith("Bearer "):
        return False
    given = authorization.removeprefix("Bearer ").strip()
    return secrets.compare_digest(given.encode("utf-8", "surrogateescape"), token.encode("utf-8", "surrogateescape"))


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes: the declared
    Content-Length is checked before reading anything, a chunked body while it streams."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise HTTPException(400, "malformed Content-Length header")
        if int(declared) > limit:
            raise HTTPException(413, f"request body over {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body over {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json_body(body: bytes) -> Any:
    """The JSON payload, or a 400 naming what is wrong (never a 500: deep nesting and huge
    integers raise RecursionError and ValueError, not JSONDecodeError)."""
    try:
        return json.loads(body)
    except RecursionError:
        raise HTTPException(400, "malformed JSON body: nested too deeply") from None
    except UnicodeDecodeError:
        raise HTTPException(400, "malformed JSON body: not UTF-8") from None
    except ValueError as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc).split(";")[0]
        raise HTTPException(400, f"malformed JSON body: {msg}") from None


def create_app(db: Path | str, token: str | None = None, max_body: int = MAX_BODY,
               writes_per_minute: float = WRITES_PER_MINUTE) -> FastAPI:
    """The web app over the store at ``db``; ``token`` enables POST /api/articles (None: read-only).

    ``max_body``: the largest request body in bytes (413 above); ``writes_per_minute``: POSTs a
    minute per client address, after a burst of 10 (429 with Retry-After above)."""
    db = Path(db)
    if not db.exists():
        raise FileNotFoundError(f"{db}: no such database (run `cronicar ingest` first)")
    # No /docs or /redoc: FastAPI serves them from a CDN, and the app must work offline.
    app = FastAPI(title="cronicar", version=__version__, docs_url=None, redoc_url=None,
                  description="Sourced chronicles of news stories: stories, timelines, events, quotes, entities.")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["marks"] = _marks
    templates.env.filters["date_label"] = date_label
    templates.env.filters["http_url"] = http_url
    templates.env.globals["sparkline"] = views.sparkline_points
    templates.env.filters["readable"] = readable_when  # {{ event.when | readable("ro") }}: a date for a reader

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        declared = request.headers.get("content-length", "0").strip()
        if declared.isdigit() and int(declared) > max_body:  # any route: refused before reading
            response = JSONResponse({"detail": f"request body over {max_body:,} bytes"}, status_code=413)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

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

    # -- JSON API ----------------------------------------------------------------------------
    @app.get("/api/stories", tags=["stories"])
    def api_stories(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """Every story: id, title, date span, number of articles and events, activity counts."""
        return views.list_stories(store)

    def found(obj: Any, what: str) -> Any:
        """``obj``, or a 404 naming what was not found."""
        if obj is None:
            raise not_found(what)
        return obj

    def story_or_404(store: Store, story_id: str) -> dict[str, Any]:
        return found(views.story_timeline(store, story_id), "story")

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def api_story(story_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        """One story with its timeline: events in calendar order with sources and quotes."""
        return story_or_404(store, story_id)

    @app.get("/api/stories/{story_id}/timeline", tags=["stories"])
    def api_timeline(story_id: str, store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """Only the timeline events of one story, in calendar order."""
        return story_or_404(store, story_id)["events"]

    @app.get("/api/stories/{story_id}/key-dates", tags=["stories"])
    def api_key_dates(story_id: str, n: int = Query(10, ge=1, le=100),
                      lang: str = Query("ro", pattern=r"^[a-z]{2,3}$"),
                      store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """The story's ``n`` key dates, best first (the export's ``stories[].key_dates``): the days
        most articles and outlets refer to, each with one line, its best event and how many
        articles refer to it; ``readable`` is the date as a reader of ``lang`` reads it."""
        stories = build(store, story=story_id, key_dates=n)["stories"]
        story = found(stories[0] if stories else None, "story")
        return [{**k, "readable": readable(k["date"], None, lang)} for k in story["key_dates"]]

    @app.get("/api/relations", tags=["entities"])
    def api_relations(entity: str | None = Query(None, description="entity id or canonical name"),
                      story: str | None = None, kind: str | None = Query(None, pattern="^(cooperation|conflict|statement)$"),
                      store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """Actor relations over time (the export's ``relations``): per pair of entities, month and
        kind (cooperation, conflict, statement), the events that connect them and their sources;
        ``entity`` keeps the pairs it is part of."""
        chron = build(store, story=story)
        ids = {entity} | {e["id"] for e in chron["entities"] if entity and e["name"] == entity}
        return [c for c in chron["relations"]
                if (entity is None or c["a"] in ids or c["b"] in ids) and (kind is None or c["kind"] == kind)]

    @app.get("/api/chronicle", tags=["events"])
    def api_chronicle(story: str | None = None, store: Store = Depends(get_store)) -> dict[str, Any]:
        """The DESIGN §5 chronicle object (the same as `cronicar export --format json`)."""
        return build(store, story=story)

    @app.get("/api/events", tags=["events"])
    def api_events(story: str | None = None, type: str | None = None,
                   store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """Events (§5 shape plus ``new_in``), optionally of one story and/or one type."""
        events = build(store, story=story)["events"]
        return [e for e in events if type is None or e["type"] == type]

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        rows = store.query("SELECT story_id FROM events WHERE id = ?", (event_id,))
        if not rows:
            raise not_found("event")
        for ev in build(store, story=rows[0]["story_id"])["events"]:
            if ev["id"] == event_id:
                return ev
        raise not_found("event")

    @app.get("/api/quotes", tags=["quotes"])
    def api_quotes(speaker: str | None = Query(None, description="speaker name or entity id"),
                   article: str | None = None, store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """Quotes (§5 shape), optionally by one speaker or from one article."""
        return views.list_quotes(store, speaker=speaker, article=article)

    @app.get("/api/entities", tags=["entities"])
    def api_entities(type: str | None = None, store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """Entities with how many articles and mentions they have; ``type`` = PERSON, ORG, GPE..."""
        return views.list_entities(store, type)

    @app.get("/api/entities/{entity_id:path}", tags=["entities"])
    def api_entity(entity_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        """One entity: aliases, articles, statements over time, who it appears with."""
        return found(views.entity_detail(store, entity_id), "entity")

    @app.get("/api/articles", tags=["articles"])
    def api_articles(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        return views.list_articles(store)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        """One article: text, sentences, timexes, quotes, entity mentions, events and what was new."""
        return found(views.article_detail(store, article_id), "article")

    @app.get("/api/search", tags=["search"])
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(50, ge=1, le=500),
                   store: Store = Depends(get_store)) -> list[dict[str, Any]]:
        """Full-text search (SQLite FTS5) over article titles and text and event summaries.

        Snippets mark hits with the control characters U+0002 (start) and U+0003 (end)."""
        return views.search_results(store, q, limit)

    limiter = WriteLimiter(writes_per_minute)
    write_lock = threading.Lock()  # one ingest at a time per server; other processes: store's lock

    @app.post("/api/articles", tags=["articles"], status_code=201,
              openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                  "description": "an article object, a list of them, or {\"articles\": [...]} with text, date"
                                 " (YYYY[-MM[-DD]]), optional title, lang, url, id, source"}}}}})
    async def api_ingest(request: Request, authorization: str | None = Header(None)) -> dict[str, Any]:
        """Ingest JSON articles (needs ``Authorization: Bearer <token>``; 403 when no token is set).

        Checked in this order, each before any work the next needs: token (403), write rate (429),
        body size (413), JSON (400), every record (422), then analysis and storage."""
        if token is None:
            raise HTTPException(403, "read-only server: start it with $CRONICAR_TOKEN or --token-file to allow writes")
        if not token_matches(authorization, token):
            raise HTTPException(403, "missing or wrong bearer token")
        wait = limiter.wait(request.client.host if request.client else "?")
        if wait:
            raise HTTPException(429, f"too many writes: retry in {wait:.0f} s",
                                headers={"Retry-After": str(max(1, round(wait)))})
        payload = parse_json_body(await read_body(request, max_body))
        articles = validate_payload(payload)
        return await run_in_threadpool(_locked_ingest, write_lock, db, articles)

    # -- pages -------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_stories(request: Request, store: Store = Depends(get_store)) -> HTMLResponse:
        return page(request, "stories.html", stories=views.list_stories(store),
                    n_articles=store.count("articles"))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_story(request: Request, story_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
        story = views.story_timeline(store, story_id)
        if story is None:
            raise not_found("story")
        return page(request, "story.html", story=story)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def page_entities(request: Request, type: str | None = None, store: Store = Depends(get_store)) -> HTMLResponse:
        return page(request, "entities.html", entities=views.list_entities(store, type), type=type)

    @app.get("/entities/{entity_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def page_entity(request: Request, entity_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
        ent = views.entity_detail(store, entity_id)
        if ent is None:
            raise not_found("entity")
        return page(request, "entity.html", entity=ent)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_article(request: Request, article_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
        art = views.article_detail(store, article_id)
        if art is None:
            raise not_found("article")
        segments = views.annotated_segments(art["text"], art["timexes"], art["quotes"], art["mentions"])
        return page(request, "article.html", article=art, segments=segments)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def page_search(request: Request, q: str = "", store: Store = Depends(get_store)) -> HTMLResponse:
        results = views.search_results(store, q) if q.strip() else []
        return page(request, "search.html", q=q, results=results)

    return app


def validate_payload(payload: Any) -> list[Any]:
    """Every record of a POST checked at the reader boundary (``ingest/schema.py``) before anything
    is analyzed or written: the Articles, or a 422 listing each bad record as ``api:N: reason``."""
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
    return articles


def _locked_ingest(lock: threading.Lock, db: Path, articles: list[Any]) -> dict[str, Any]:
    with lock:
        return _ingest(db, articles)


def _ingest(db: Path, articles: list[Any]) -> dict[str, Any]:
    """Validated articles (see :func:`validate_payload`) through the one write path (cronicar.flow):
    analyze, write, link and index for search, one transaction per article."""
    from cronicar.flow import ingest

    with Store(db) as store:
        report = ingest(store, articles)
    return {"added": report.added, "skipped": report.skipped, "replaced": report.replaced}


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(db: Path | str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
        public: bool = False) -> None:
    """Serve until interrupted; ``token`` defaults to ``$CRONICAR_TOKEN`` (unset: read-only).

    A non-loopback ``host`` without a token is refused unless ``public``: the server would show
    the whole database to the network, which must be a choice, not a typo (ValueError)."""
    import uvicorn

    token = token or os.environ.get("CRONICAR_TOKEN") or None
    if not is_loopback(host) and token is None and not public:
        raise ValueError(f"refusing to serve on {host} without a token: anyone on the network could read "
                         "the database. Pass --public to serve it read-only on purpose, or set $CRONICAR_TOKEN")
    app = create_app(Path(db), token=token)
    if not is_loopback(host):
        print(f"cronicar: WARNING: serving {db} to the network on {host}:{port} over plain HTTP "
              f"({'reads are open to anyone' + ('; the token travels unencrypted' if token else '')})",
              file=sys.stderr)
    print(f"cronicar: serving {db} on http://{host}:{port}/ ({'writes need the token' if token else 'read-only'})")
    uvicorn.run(app, host=host, port=port, log_level="warning")
