"""`cronicar serve`: the JSON API and the server-rendered timeline pages (FastAPI + Jinja2).

Why server-rendered pages with a little bundled JS: the app must work offline on a journalist's
laptop with nothing but the wheel installed (no CDN, no Node), and every page is useful with
JavaScript off.  Reads open the store read-only, per request, so a concurrent `cronicar ingest`
is seen at the next page load and the server can never damage the database; the one write
(POST /api/articles) needs a bearer token the user chose.  The read routes are in :mod:`.api`
and :mod:`.pages`; this module builds the app: middleware, error pages, the write route.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from cronicar import __version__
from cronicar.serve import api, models, pages
from cronicar.serve import search as search_mod
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
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)  # 9 costs 2-3x the CPU for ~2% less
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.state.db, app.state.token = db, token
    app.include_router(api.router)
    app.include_router(pages.router)
    app.post("/api/articles", tags=["articles"], status_code=201,
             responses={403: {"model": models.Error, "description": "no token set, or a missing or wrong bearer token"},
                        422: {"model": models.Error, "description": "invalid article records"}})(_api_ingest)
    _error_handlers(app)
    _security_headers(app)
    return app


def _security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
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


def _api_ingest(request: Request,
                payload: Any = Body(..., description="an article object, a list of them, or {\"articles\": [...]}"
                                    " with text, date (YYYY[-MM[-DD]]), optional title, lang, url, id"),
                authorization: str | None = Header(None)) -> dict[str, Any]:
    """Ingest JSON articles (needs ``Authorization: Bearer <token>``; 403 when no token is set)."""
    token = request.app.state.token
    if token is None:
        raise HTTPException(403, "read-only server: start it with --token (or $CRONICAR_TOKEN) to allow writes")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not authorization or not authorization.startswith("Bearer ") or not secrets.compare_digest(given, token):
        raise HTTPException(403, "missing or wrong bearer token")
    return _ingest(request.app.state.db, payload)


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
