"""What the API and the pages share: the store of a request, paging, 404s for unknown ids.

Why module-level (``request.app.state``) and not closures in ``create_app``: the routes live in
small modules (:mod:`.api`, :mod:`.pages`) that any app built by ``create_app`` includes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import HTTPException, Query, Request, Response

from cronicar.store import browse
from cronicar.store.db import Store

DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: no filter (an unfilled form field)
PAGE_SIZE = 50        # items per page of every list (API default; pages)
STORY_PAGE = 50       # events per page of a story timeline (rendering 100 rows cost ~35 ms of CPU)
MAX_LIMIT = 500

Limit = Query(PAGE_SIZE, ge=1, le=MAX_LIMIT, description="items per page")
Offset = Query(0, ge=0, le=10_000_000, description="items to skip (the Link header gives the next offset)")
From = Query(None, alias="from", pattern=DATE, description="on or after this day (YYYY[-MM[-DD]])")
Kind = Query(None, description="only matches of this kind (search facet)")
Year = Query(None, pattern=r"^\d{4}$", description="only matches dated in this year (search facet)")
StoryFacet = Query(None, max_length=200, description="only matches in this story id (search facet)")
EntityFacet = Query(None, max_length=200, description="only matches naming this entity id: an article "
                    "mentioning it, an event with it among its participants (search facet)")
To = Query(None, alias="to", pattern=DATE, description="on or before this day (YYYY[-MM[-DD]])")


def get_store(request: Request) -> Iterator[Store]:
    """The app's store, opened read-only for this request (a concurrent ingest is seen next time)."""
    store = Store(request.app.state.db, readonly=True)
    try:
        yield store
    finally:
        store.close()


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


def paged(request: Request, response: Response, items: list[Any], total: int, offset: int) -> list[Any]:
    """``items``, with X-Total-Count and (unless this is the last page) a Link rel="next" header."""
    response.headers["X-Total-Count"] = str(total)
    if offset + len(items) < total and items:
        nxt = request.url.include_query_params(offset=offset + len(items))
        response.headers["Link"] = f'<{nxt.path}?{nxt.query}>; rel="next"'
    return items
