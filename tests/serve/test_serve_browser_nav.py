"""Following lines to their sentences, paging, errors, search and narrow screens in headless Chromium.

Two stores: the seed articles (real text) and the synthetic 500-event story of
benchmarks/serve_render.py (written straight into the schema in a second, enough items to page).
Uses Debian's /usr/bin/chromium through Playwright; skips when either is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cronicar.serve.common import STORY_PAGE
from test_serve_browser import _shot, browser, serve_db  # noqa: F401 - the shared Chromium fixture
from test_serve_seed import seed_db

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Iterator[str]:
    db = tmp_path_factory.mktemp("nav") / "seed.db"
    seed_db(db, examples)
    yield from serve_db(db)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from benchmarks.serve_render import fill

    db = tmp_path_factory.mktemp("nav") / "big.db"
    fill(db)
    yield from serve_db(db)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:  # noqa: F811
    ctx = browser.new_context(viewport={"width": 1100, "height": 900})
    p = ctx.new_page()
    p.set_default_timeout(10_000)
    yield p
    ctx.close()


def _first_story(page: Any, server: str) -> str:
    page.goto(server + "/")
    return server + str(page.locator(".story-card h2 a").first.get_attribute("href"))


def test_serve_browser_source_opens_its_article_at_the_highlighted_sentence(page: Any, seed: str) -> None:
    page.goto(_first_story(page, seed))
    event = page.locator("li.event", has_text="Kursk").first
    event.locator("summary").click()
    source_text = event.locator(".source-text").first.inner_text()
    with page.expect_navigation():
        event.locator("a.source-link").first.click()
    assert "#s-" in page.url
    target = page.locator(".sent:target")
    assert target.count() == 1
    assert source_text[:40] in target.inner_text()
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    box = target.bounding_box()
    assert box and 0 <= box["y"] < 900  # scrolled into view
    _shot(page, "article-sentence-target")


def test_serve_browser_new_in_this_article_jumps_to_its_sentence(page: Any, seed: str) -> None:
    page.goto(_first_story(page, seed))
    with page.expect_navigation():
        page.locator("ul.articles a").first.click()
    link = page.locator(".new-box a.sent-link").first
    link.click()
    assert page.locator(".sent:target").count() == 1


def test_serve_browser_pages_through_a_long_timeline_and_quotes(page: Any, big: str) -> None:
    page.goto(_first_story(page, big))
    first_ids = page.locator("li.event").evaluate_all("els => els.map(e => e.dataset.event)")
    assert len(first_ids) == STORY_PAGE and "Page 1 of 10" in page.inner_text("nav.pager >> nth=0")
    with page.expect_navigation():
        page.locator("nav.pager a[rel=next]").first.click()
    assert "page=2" in page.url and "Page 2 of 10" in page.inner_text("nav.pager >> nth=0")
    second_ids = page.locator("li.event").evaluate_all("els => els.map(e => e.dataset.event)")
    assert len(second_ids) == STORY_PAGE and not set(first_ids) & set(second_ids)
    starts = page.locator("li.event").evaluate_all("els => els.map(e => e.dataset.start)")
    assert starts == sorted(starts)
    page.goto(big + "/quotes")
    count = page.locator("ol.quotes-list > li").count()
    with page.expect_navigation():
        page.locator("nav.pager a[rel=next]").first.click()
    assert count == 50 and page.locator("ol.quotes-list > li").count() >= 1 and "page=2" in page.url


def test_serve_browser_month_index_opens_the_page_of_that_month(page: Any, big: str) -> None:
    page.goto(_first_story(page, big))
    page.locator("details.months summary").click()
    link = page.locator(".month-index a").last
    with page.expect_navigation():
        link.click()
    key = page.url.rsplit("#m-", 1)[1]
    assert page.locator(f"#m-{key}").is_visible()


def test_serve_browser_unknown_page_is_a_404_page(page: Any, seed: str) -> None:
    response = page.goto(seed + "/stories/no-such-story")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Not found"
    assert page.locator("nav[aria-label=Main] a", has_text="Stories").count() == 1
    _shot(page, "not-found")


@pytest.mark.parametrize("words", ["diplomației nord-coreene", "diplomatiei nord-coreene", "DIPLOMATIEI"])
def test_serve_browser_search_with_or_without_diacritics(page: Any, seed: str, words: str) -> None:
    page.goto(seed + "/search")
    page.fill("#q", words)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("ol.results li").count() >= 1
    assert "result" in page.inner_text("#result-count")
    assert page.locator("ol.results mark").count() >= 1


def _page_types(p: Any, server: str) -> list[str]:
    story = _first_story(p, server)
    p.goto(story)
    article = server + str(p.locator("ul.articles a").first.get_attribute("href"))
    p.goto(server + "/entities")
    entity = server + str(p.locator("table.entities a").first.get_attribute("href"))
    return [server + "/", story, article, server + "/entities", entity, server + "/quotes",
            server + "/search?q=Rusia", server + "/search?q=negocierile", server + "/stories/nope"]


@pytest.mark.parametrize("store", ["seed", "big"])
def test_serve_browser_no_sideways_scroll_at_390px(browser: Any, store: str, request: pytest.FixtureRequest) -> None:  # noqa: F811
    server = request.getfixturevalue(store)
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    p = ctx.new_page()
    try:
        for url in _page_types(p, server):
            p.goto(url)
            for summary in p.locator("li.event:visible summary").all()[:3]:
                summary.click()  # open events show long source sentences
            overflow = p.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, (url, overflow)
        _shot(p, f"narrow-390-{store}")
    finally:
        ctx.close()


def test_serve_browser_month_heading_zooms_the_axis_and_whole_story_zooms_out(page: Any, big: str) -> None:
    story = _first_story(page, big)
    page.goto(story)
    total = page.inner_text("p.meta >> nth=0")
    link = page.locator("h3.month a.zoom-in").first
    month = str(link.get_attribute("href")).split("from=", 1)[1][:7]
    with page.expect_navigation():
        link.click()
    assert f"from={month}" in page.url and f"to={month}" in page.url
    assert page.locator("#zoom").is_visible() and page.locator("li.event").count() >= 1
    # every listed event overlaps the month (starts in it, or a range started before it)
    starts = page.locator("li.event").evaluate_all("els => els.map(e => e.dataset.start)")
    assert all(s[:7] <= month for s in starts) and any(s[:7] == month for s in starts)
    ticks = page.locator(".axis .tick").all_inner_texts()
    assert ticks and all(month[:4] in t for t in ticks), ticks  # the axis spans the month, not the story
    with page.expect_navigation():
        page.locator("#zoom-out").click()
    assert "from=" not in page.url and page.inner_text("p.meta >> nth=0") == total
