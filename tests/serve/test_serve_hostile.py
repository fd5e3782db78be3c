"""Hostile article fields on the pages: links only to http(s), text always escaped, strict headers.

An article's url, title, text and speakers come from whoever wrote the feed or the JSON record;
a news tool meets them every day.  The page tests run everywhere; the Chromium test proves no
script runs when a reader opens and clicks through a hostile article.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cronicar.serve.app import SECURITY_HEADERS, create_app, http_url

HOSTILE_URLS = [
    "javascript:alert(document.domain)",
    "  JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_http_url_refuses_every_non_http_scheme(url: str) -> None:
    assert http_url(url) is None


@pytest.mark.parametrize("url", ["https://www.zf.ro/a.html", "http://example.org/?q=1&x=2", " HTTPS://E.RO/x"])
def test_http_url_keeps_web_links(url: str) -> None:
    assert http_url(url) == url.strip()


@pytest.mark.parametrize("value", [None, 3, ["https://a.ro"], {"href": "https://a.ro"}])
def test_http_url_refuses_what_is_not_a_string(value: Any) -> None:
    assert http_url(value) is None


HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Titlu'
HOSTILE_TEXT = ('<script>window.__pwned=2</script> Guvernul a anunțat luni noi măsuri, '
                'a declarat premierul <b onmouseover="window.__pwned=3">Ion Popescu</b>. '
                '„Vom proteja datele tuturor”, a spus ministrul Ion Popescu.')
# A speaker or entity name is never markup from the analysis itself, but the store may hold one
# written by another tool or an older version: the pages must escape it like any article value.
HOSTILE_NAME = '<img src=x onerror="window.__pwned=4">Ion"><svg onload=window.__pwned=5>'


def _hostile_records() -> list[dict[str, Any]]:
    return [{"id": f"h{i}", "date": "2025-03-10", "lang": "ro", "url": url,
             "title": HOSTILE_TITLE, "text": f"{HOSTILE_TEXT} Articolul {i}."}
            for i, url in enumerate(HOSTILE_URLS[:3])]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from cronicar.flow import ingest_paths
    from cronicar.store.db import Store

    folder = tmp_path_factory.mktemp("hostile")
    src = folder / "hostile.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in _hostile_records()) + "\n", encoding="utf-8")
    db = folder / "h.db"
    with Store(db) as store:
        report = ingest_paths(store, [src])
        assert report.ok and len(report.added) == 3, report.errors
        with store.transaction() as conn:
            assert conn.execute("UPDATE quotes SET speaker = ?", (HOSTILE_NAME,)).rowcount > 0
            conn.execute("UPDATE entities SET name = ? WHERE type = 'PERSON'", (HOSTILE_NAME,))
    return db


@pytest.fixture(scope="module")
def client(hostile_db: Path) -> TestClient:
    return TestClient(create_app(hostile_db))


def test_article_pages_link_no_hostile_url_and_escape_title_and_text(client: TestClient) -> None:
    articles = client.get("/api/articles").json()
    assert {a["url"] for a in articles} == set(HOSTILE_URLS[:3])  # stored as given: data, not markup
    for art in articles:
        html = client.get(f"/articles/{art['id']}").text
        hrefs = re.findall(r'(?:href|src|action)="([^"]*)"', html)
        assert hrefs and all(h.startswith(("/", "#", "http://", "https://")) for h in hrefs), hrefs
        assert "<script>window" not in html and "<img src=x" not in html and "<b onmouseover" not in html
        assert "&lt;script&gt;" in html  # the text is shown, escaped
        assert "<svg onload" not in html and "onerror=\"window" not in html  # speakers escaped too


@pytest.mark.parametrize("path", ["/", "/entities", "/search?q=Guvernul", "/api/stories", "/static/app.css"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


@pytest.mark.browser
def test_hostile_article_runs_no_script_in_chromium(hostile_db: Path) -> None:
    from test_serve_browser import ARGS, CHROMIUM

    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    with _serving(hostile_db) as base, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for art in page.request.get(f"{base}/api/articles").json():
            page.goto(f"{base}/articles/{art['id']}")
            page.mouse.move(10, 10)
            for link in page.locator("p.meta a, main a:visible").all()[:20]:  # links in closed <details> are hidden
                link.hover()
            hrefs = [a.get_attribute("href") or "" for a in page.locator("p.meta a").all()]
            assert not [h for h in hrefs if not h.startswith(("/", "http://", "https://"))], hrefs
            source = page.locator("p.meta a:not([href^='/'])")
            if source.count():  # an off-site source link: clicking it must run nothing here
                source.first.click(no_wait_after=True)
            assert page.evaluate("window.__pwned") is None
        stories = [f"/stories/{s['id']}" for s in page.request.get(f"{base}/api/stories").json()]
        entities = [f"/entities/{e['id']}" for e in page.request.get(f"{base}/api/entities").json()]
        assert stories and entities
        for path in ["/", "/entities", "/search?q=Guvernul", *stories, *entities[:10]]:
            page.goto(base + path)
            for el in page.locator("a, q, time, b, img, svg").all()[:30]:
                el.dispatch_event("mouseover")  # visible or not: an injected handler would fire
            assert page.evaluate("window.__pwned") is None, path
        browser.close()
    assert dialogs == []


def _serving(db: Path):  # type: ignore[no-untyped-def]
    """The hostile store served by uvicorn in a thread (the browser tests' server)."""
    from test_serve_browser import serve_db

    return contextmanager(serve_db)(db)
