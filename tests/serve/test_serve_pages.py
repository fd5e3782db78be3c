"""Server-rendered pages: they render, nest their highlights, escape text and load nothing remote."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from cronicar.serve.views import activity, annotated_segments, sparkline_points


def _pages(client: TestClient) -> list[str]:
    story = client.get("/api/stories").json()[0]["id"]
    arts = [a["id"] for a in client.get("/api/articles").json()]
    ents = [e["id"] for e in client.get("/api/entities").json()][:3]
    return (["/", f"/stories/{story}", "/entities", "/entities?type=PERSON", "/search", "/search?q=Kursk"]
            + [f"/articles/{a}" for a in arts] + [f"/entities/{e}" for e in ents])


class _Checker(HTMLParser):
    """Collects tags and checks that every opened element is closed in order."""

    VOID = {"meta", "link", "input", "br", "img", "hr", "polyline", "source"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def test_every_page_is_well_formed_semantic_and_offline(client: TestClient) -> None:
    for url in _pages(client):
        res = client.get(url)
        assert res.status_code == 200, url
        checker = _Checker()
        checker.feed(res.text)
        assert not checker.errors and checker.stack == [], (url, checker.errors[:3], checker.stack)
        names = {t for t, _ in checker.tags}
        assert {"main", "nav", "h1", "header"} <= names, url
        for tag, attrs in checker.tags:
            for key in ("src", "href"):
                value = attrs.get(key) or ""
                assert not re.match(r"(https?:)?//", value), (url, tag, value)  # nothing from a CDN
        assert '<meta name="viewport"' in res.text


def test_static_assets_are_served(client: TestClient) -> None:
    assert "focus-visible" in client.get("/static/app.css").text
    assert "@media (max-width" in client.get("/static/app.css").text
    assert "ArrowDown" in client.get("/static/app.js").text


def test_story_page_lists_events_as_focusable_summaries_in_order(client: TestClient) -> None:
    story = client.get("/api/stories").json()[0]["id"]
    html = client.get(f"/stories/{story}").text
    ids = re.findall(r'data-event="([^"]+)"', html)
    assert ids == [e["id"] for e in client.get(f"/api/stories/{story}/timeline").json()]
    assert html.count("<summary class=\"event-head\"") == len(ids)
    assert 'class="range"' in html and "<blockquote" in html


def test_stories_page_draws_a_sparkline(client: TestClient) -> None:
    html = client.get("/").text
    assert "<svg" in html and "<polyline" in html and 'role="img"' in html


def test_article_page_highlights_all_three_layers(client: TestClient) -> None:
    art = client.get("/api/articles").json()[-1]["id"]
    html = client.get(f"/articles/{art}").text
    assert 'class="hl-timex"' in html and 'class="hl-quote"' in html and "hl-entity" in html
    assert "New in this article" in html


def test_search_page_marks_hits_and_escapes_the_query(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Kursk"}).text
    assert "<mark>Kursk</mark>" in html
    html = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_unknown_pages_are_404(client: TestClient) -> None:
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404


TEXT = 'Lavrov a spus luni: "Rusia nu uită Kursk".'


@pytest.mark.parametrize("quotes, timexes, mentions", [
    ([(20, 42)], [(14, 18)], [(0, 6), (21, 26), (36, 41)]),   # entities inside a quote
    ([(20, 42)], [], [(15, 25)]),                              # a mention crossing the quote start
    ([(0, 10)], [], [(5, 30)]),                                # a mention crossing the quote end
    ([], [(14, 18)], [(14, 18)]),                              # same span twice
    ([], [], []),
])
def test_annotated_segments_keep_every_character_once(quotes: list, timexes: list, mentions: list) -> None:
    segs = annotated_segments(TEXT, [{"start": s, "end": e} for s, e in timexes],
                              [{"start": s, "end": e} for s, e in quotes],
                              [{"start": s, "end": e} for s, e in mentions])

    def flat(nodes: list) -> str:
        return "".join(n["text"] if n["kind"] == "text" else flat(n["children"]) for n in nodes)

    assert flat(segs) == TEXT


def test_quote_contains_its_entities() -> None:
    segs = annotated_segments(TEXT, [], [{"start": 20, "end": 42}], [{"start": 36, "end": 41}])
    quote = next(n for n in segs if n["kind"] == "quote")
    assert any(c["kind"] == "entity" for c in quote["children"])


@pytest.mark.parametrize("dates, expected", [
    (["2024-01-01", "2024-01-01"], [2] + [0] * 3),
    (["2024-01-01", "2024-12-31"], [1, 0, 0, 1]),
    (["2024-01", "2024-05-01", "2024-12-31", "bad", None], [1, 1, 0, 1]),
    ([], []),
])
def test_activity_buckets(dates: list, expected: list[int]) -> None:
    assert activity(dates, buckets=4) == expected


def test_sparkline_points_span_the_box() -> None:
    pts = [tuple(map(float, p.split(","))) for p in sparkline_points([0, 3, 1], width=100, height=20).split()]
    assert pts[0][0] == 0 and pts[-1][0] == 100
    assert min(y for _, y in pts) < max(y for _, y in pts)
