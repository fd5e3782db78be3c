"""`cronicar serve`: the JSON API and the server-rendered timeline pages (FastAPI + Jinja2).

Why server-rendered pages with a little bundled JS: the app must work offline on a journalist's
laptop with nothing but the wheel installed (no CDN, no Node), and every page is useful with
JavaScript off.  Reads open the store read-only, per request, so a concurrent `cronicar ingest`
is seen at the next page load and the server can never damage the database; the one write
(POST /api/articles) needs a bearer token the user chose.  The read routes are in :mod:`.api`
and :mod:`.pages`; this module builds the app: middleware, error pages, the write route.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import threading
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from cronicar import __version__
from cronicar.serve import api, models, pages
from cronicar.serve.links import http_url  # noqa: F401 - part of this module's interface
from cronicar.store.db import Store

HERE = Path(__file__).parent

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


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


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
                  dependencies=[Depends(reject_unknown_params)],
                  description="Sourced chronicles of news stories: stories, timelines, events, quotes, entities.\n\n"
                              "Every list is paged: `limit` (1-500, default 50) and `offset`; the answer carries "
                              "`X-Total-Count` and, unless it is the last page, `Link: <next url>; rel=\"next\"`.")
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)  # 9 costs 2-3x the CPU for ~2% less
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.state.db, app.state.token = db, token
    app.include_router(api.router)
    app.include_router(pages.router)
    _write_route(app, db, token, max_body, writes_per_minute)
    _error_handlers(app)
    _security_headers(app, max_body)
    return app


def _write_route(app: FastAPI, db: Path, token: str | None, max_body: int, writes_per_minute: float) -> None:
    limiter = WriteLimiter(writes_per_minute)
    write_lock = threading.Lock()  # one ingest at a time per server; other processes: store's lock

    @app.post("/api/articles", tags=["articles"], status_code=201,
              responses={403: {"model": models.Error, "description": "no token set, or a missing or wrong bearer token"},
                         422: {"model": models.Error, "description": "invalid article records"}},
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


def _security_headers(app: FastAPI, max_body: int) -> None:
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


def _error_page(request: Request, status: int, message: str) -> HTMLResponse:
    res = pages.templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                           status_code=status)
    for name, value in SECURITY_HEADERS.items():
        res.headers.setdefault(name, value)
    return res


async def _http_error(request: Request, exc: StarletteHTTPException) -> Any:
    """JSON for the API, an HTML page (with the site's navigation) for people."""
    if _wants_json(request):
        return await http_exception_handler(request, exc)
    return _error_page(request, exc.status_code, str(exc.detail))


async def _invalid(request: Request, exc: RequestValidationError) -> Any:
    if _wants_json(request):
        return await request_validation_exception_handler(request, exc)
    wrong = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
    return _error_page(request, 422, f"invalid parameter: {wrong}")


async def _crashed(request: Request, exc: Exception) -> Any:
    """A 500 that says nothing of the failure (no traceback, no message from inside)."""
    if _wants_json(request):
        res = JSONResponse({"detail": "internal server error"}, status_code=500)
        res.headers.update(SECURITY_HEADERS)
        return res
    return _error_page(request, 500, "Something went wrong on the server.")


def _error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _crashed)


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
    # refused while analyzed (too long, "article too complex: ..."): the others are stored
    return {"added": report.added, "skipped": report.skipped, "replaced": report.replaced,
            "errors": [str(e) for e in report.errors]}


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
