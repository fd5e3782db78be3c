"""Typed response shapes of the JSON API (they document /openapi.json; extra keys are allowed).

Why ``extra="allow"``: the chronicle contract (DESIGN §5) grows by additions, so a model names
the keys a client can rely on without dropping newer ones.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class When(_Open):
    value: str | None = Field(None, description="TIMEX3 value: 2024-11-08, 2024-11, 2024, 2024-SU…")
    interval: list[str | None] = Field(..., description="[first day, last day] the date may denote")


class Source(_Open):
    article: str
    start: int = Field(..., description="offset of the source sentence in the article's normalized text")
    end: int
    text: str
    sentence: int | None = Field(None, description="sentence index: the page /articles/{article}#s-{sentence}")


class Quote(_Open):
    id: str
    article: str
    speaker: str | None
    speaker_entity: str | None
    kind: str = Field(..., description="direct, indirect, mixed…")
    text: str
    start: int
    end: int
    when: When | None
    sentence: int | None = Field(None, description="sentence index in the article (#s-N anchor)")


class Event(_Open):
    id: str
    story: str | None
    type: str
    summary: str
    when: When | None
    participants: list[str]
    place: str | None
    sources: list[Source]
    new_in: str | None = Field(None, description="the first article (by date) that reported the event")


class StoryItem(_Open):
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    articles: int
    events: int
    activity: list[int] = Field(..., description="dated items per time slice of the story (sparkline)")


class TimelineEvent(Event):
    label: str
    axis: dict[str, Any] | None = Field(None, description="left/width in % of the story's axis; range: an uncertain date")
    quotes: list[Quote]


class Story(_Open):
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    total_events: int
    events: list[TimelineEvent] = Field(..., description="one page of events (limit/offset), calendar order")
    articles: list[dict[str, Any]]


class EntityItem(_Open):
    id: str
    name: str
    type: str
    articles: int
    mentions: int


class ArticleItem(_Open):
    id: str
    title: str
    date: str
    lang: str
    source: str
    url: str | None
    story: str | None


class SearchHit(_Open):
    kind: str = Field(..., description="article or event")
    id: str
    title: str
    snippet: str = Field(..., description="hits marked with U+0002 … U+0003")
    story: str | None
    story_title: str | None


class Error(BaseModel):
    detail: Any = Field(..., description="what went wrong (a string, or a list of validation errors)")


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Error, "description": "unknown id (in the path or in a filter)"},
    422: {"model": Error, "description": "invalid or unknown query parameter"},
}

PAGE_HEADERS = {
    "Link": {"description": 'the next page: `<url>; rel="next"` (absent on the last page)',
             "schema": {"type": "string"}},
    "X-Total-Count": {"description": "how many items match the filters (all pages)", "schema": {"type": "integer"}},
}
PAGED: dict[int | str, dict[str, Any]] = {200: {"headers": PAGE_HEADERS}, **ERRORS}
