"""The pages in a real headless Chromium (Debian's ``chromium`` driven by Playwright).

Never downloads a browser: it uses /usr/bin/chromium through ``executable_path`` and skips
cleanly when that binary or the playwright package is missing.  Screenshots go to
``test-artifacts/`` (gitignored) so a reviewer can look at what the test saw.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_serve_seed import KURSK_EVENT, seed_db

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_db(db: Path) -> Iterator[str]:
    """uvicorn serving the store at ``db`` in a thread on a free port: yields its base URL, then
    stops it (use with ``yield from`` in a fixture, or wrapped by ``contextlib.contextmanager``)."""
    import uvicorn

    from cronicar.serve.app import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(5)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Iterator[str]:
    """The seed store, served."""
    db = tmp_path_factory.mktemp("browser") / "t.db"
    seed_db(db, examples)
    yield from serve_db(db)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1100, "height": 900})
    p = ctx.new_page()
    p.set_default_timeout(10_000)
    yield p
    ctx.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _story_url(page: Any, server: str) -> str:
    page.goto(server + "/")
    link = page.locator(".story-card h2 a").first
    return server + str(link.get_attribute("href"))


def test_timeline_renders_events_in_date_order(page: Any, server: str) -> None:
    page.goto(_story_url(page, server))
    events = page.locator("#timeline li.event")
    assert events.count() >= 3
    starts = events.evaluate_all("els => els.map(e => e.dataset.start)")
    dated = [s for s in starts if s]
    assert len(dated) >= 3 and dated == sorted(dated)
    # an event its text gives no date (a statement recalled outside the lead) stays in the story,
    # after every dated one, under its own "undated" heading
    assert starts == dated + [""] * (len(starts) - len(dated))
    if len(dated) < len(starts):
        assert page.locator("#m-undated").count() == 1
    # uncertain dates are drawn as ranges (a visible bar wider than a dot), exact days as dots
    widths = page.locator(".track .range").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert widths and max(widths) > 10
    _shot(page, "story-timeline")


def test_clicking_an_event_shows_its_source_sentence(page: Any, server: str) -> None:
    page.goto(_story_url(page, server))
    event = page.locator(f'li.event[data-event="{KURSK_EVENT}"]')
    if event.count() == 0:  # a real-ingest store has other event ids: take one mentioning Kursk
        event = page.locator("li.event", has_text="Kursk").first
    source = event.locator(".source-text").first
    assert not source.is_visible()
    event.locator("summary").click()
    assert source.is_visible()
    assert "Kursk" in source.inner_text()
    _shot(page, "story-event-open")


def test_keyboard_moves_between_events_and_enter_opens(page: Any, server: str) -> None:
    page.goto(_story_url(page, server))
    page.locator("#timeline li.event:visible summary").first.focus()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.closest('li.event').dataset.event")
    second = page.locator("#timeline li.event:visible").nth(1)
    assert focused == second.get_attribute("data-event")
    page.keyboard.press("Enter")
    assert second.locator(".source-text").first.is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    _shot(page, "story-keyboard")


def test_search_finds_kursk(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.fill("#nav-q", "Kursk")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Kursk")
    results = page.locator("ol.results li")
    assert results.count() >= 1
    assert page.locator("ol.results mark", has_text="Kursk").count() >= 1
    _shot(page, "search-kursk")
    results.locator("a").first.click()
    page.wait_for_load_state()
    assert "Kursk" in page.inner_text("main")


@pytest.mark.parametrize("width", [1280, 800, 360])
def test_axis_labels_stay_inside_the_axis(browser: Any, server: str, width: int) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    p = ctx.new_page()
    try:
        p.goto(_story_url(p, server))
        axis = p.locator(".axis").first
        if not axis.is_visible():
            pytest.skip("no axis on this story")
        box = axis.bounding_box()
        ticks = p.locator(".axis .tick").evaluate_all(  # the labels shown (narrow screens hide some)
            "els => els.filter(e => e.getClientRects().length).map(e => {"
            " const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.right]; })")
        assert len(ticks) >= 2
        for label, left, right in ticks:  # the axis hides overflow: a label past its edge is cut
            assert box["x"] - 1 <= left and right <= box["x"] + box["width"] + 1, (label, left, right, box)
        spans = sorted((left, right, label) for label, left, right in ticks)
        for (l1, r1, a), (l2, r2, b) in zip(spans, spans[1:]):
            assert r1 <= l2 + 1, f"labels {a!r} and {b!r} overlap at {width} px"
    finally:
        ctx.close()


def test_narrow_screen_has_no_horizontal_scroll(browser: Any, server: str) -> None:
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    p = ctx.new_page()
    try:
        for url in [_story_url(p, server), server + "/"]:
            p.goto(url)
            overflow = p.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, (url, overflow)
        p.goto(_story_url(p, server))
        p.locator("#timeline summary").first.click()
        _shot(p, "story-narrow")
    finally:
        ctx.close()


def test_article_page_highlights_and_entity_page(page: Any, server: str) -> None:
    page.goto(_story_url(page, server))
    page.locator("ul.articles a").last.click()
    page.wait_for_load_state()
    assert page.locator(".article-text time.hl-timex").count() >= 1
    assert page.locator(".article-text q.hl-quote").count() >= 1
    _shot(page, "article")
    page.locator(".article-text a.hl-entity", has_text="Lavrov").first.click()
    page.wait_for_load_state()
    assert "Statements over time" in page.inner_text("main")
    _shot(page, "entity")
