"""Lists that scale and lines that lead to their sentence: paging, filters, errors, anchors.

On the store of the two seed articles (test_serve_seed.seed_db), through FastAPI's TestClient.
"""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from html import unescape as html_unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from fastapi.testclient import TestClient

from cronicar.serve import views
from cronicar.serve.app import create_app


@pytest.fixture(scope="module")
def story_id(client: TestClient) -> str:
    return client.get("/api/stories", params={"sort": "size"}).json()[0]["id"]


def _lists(story: str) -> list[tuple[str, dict[str, str]]]:
    return [("/api/stories", {}), ("/api/events", {}), ("/api/events", {"story": story}), ("/api/quotes", {}),
            ("/api/entities", {}), ("/api/articles", {}), ("/api/search", {"q": "Rusia"}),
            (f"/api/stories/{story}/timeline", {})]


def _key(item: dict[str, Any]) -> str:
    return f"{item.get('kind', '')}:{item['id']}"


def test_serve_every_list_pages_with_next_links_to_the_same_items(client: TestClient, story_id: str) -> None:
    for path, params in _lists(story_id):
        whole = client.get(path, params={**params, "limit": 500})
        assert whole.status_code == 200, path
        everything = [_key(x) for x in whole.json()]
        assert int(whole.headers["X-Total-Count"]) == len(everything) and "Link" not in whole.headers, path
        if len(everything) < 2:
            continue
        seen, res = [], client.get(path, params={**params, "limit": 1})
        while True:
            assert res.status_code == 200 and len(res.json()) == 1, path
            seen += [_key(x) for x in res.json()]
            link = res.headers.get("Link")
            if not link:
                break
            url = re.fullmatch(r'<([^>]+)>; rel="next"', link).group(1)
            res = client.get(url)
        assert seen == everything, path


@pytest.mark.parametrize("url", ["/api/events?stroy=x", "/api/stories?limt=1", "/api/quotes?speakr=Lavrov",
                                 "/api/entities?kind=PERSON", "/api/events?limit=0", "/api/events?limit=100000",
                                 "/api/quotes?from=yesterday"])
def test_serve_unknown_or_invalid_parameters_are_422(client: TestClient, url: str) -> None:
    res = client.get(url)
    assert res.status_code == 422, url
    assert res.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("url", ["/api/events?story=nope", "/api/articles?story=nope", "/api/quotes?article=nope",
                                 "/api/stories?entity=person:nobody", "/api/articles?entity=person:nobody",
                                 "/api/chronicle?story=nope", "/api/events?article=nope"])
def test_serve_unknown_ids_in_filters_are_404(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("speaker", ["Lavrov", "LAVROV", "lavrov", "Serghei Lavrov", "person:serghei-lavrov"])
def test_serve_speaker_filter_matches_part_of_a_name_in_any_case(client: TestClient, speaker: str) -> None:
    quotes = client.get("/api/quotes", params={"speaker": speaker}).json()
    assert quotes and all("Lavrov" in q["speaker"] for q in quotes)


def test_serve_speaker_filter_ignores_diacritics(client: TestClient) -> None:
    folded = client.get("/api/quotes", params={"speaker": "Ruşii"}).json()
    assert folded == client.get("/api/quotes", params={"speaker": "Rușii"}).json()


@pytest.mark.parametrize("kind", ["meeting", "MEETING", "Meeting"])
def test_serve_event_type_filter_ignores_case(client: TestClient, kind: str) -> None:
    events = client.get("/api/events", params={"type": kind}).json()
    assert events and all(e["type"] == "meeting" for e in events)


def test_serve_story_list_sorts_and_filters(client: TestClient) -> None:
    by_size = client.get("/api/stories", params={"sort": "size"}).json()
    assert [s["articles"] for s in by_size] == sorted((s["articles"] for s in by_size), reverse=True)
    updated = client.get("/api/stories").json()
    assert [s["last_date"] for s in updated] == sorted((s["last_date"] for s in updated), reverse=True)
    big = client.get("/api/stories", params={"min_articles": 2}).json()
    assert big and all(s["articles"] >= 2 for s in big)
    assert client.get("/api/stories", params={"to": "1999"}).json() == []
    assert client.get("/api/stories", params={"from": "2024-01", "to": "2030"}).json()
    assert client.get("/api/stories", params={"lang": "xx"}).json() == []
    assert client.get("/api/stories", params={"entity": "person:serghei-lavrov"}).json()


def test_serve_page_errors_are_html_and_api_errors_json(client: TestClient) -> None:
    for url in ["/stories/nope", "/articles/nope", "/entities/person:nobody", "/no/such/page", "/events/nope"]:
        res = client.get(url)
        assert res.status_code == 404 and res.headers["content-type"].startswith("text/html"), url
        assert "Not found" in res.text and '<nav aria-label="Main">' in res.text, url
        assert "Content-Security-Policy" in res.headers
    res = client.get("/api/stories/nope")
    assert res.status_code == 404 and res.json() == {"detail": "story not found"}


def test_serve_a_crash_is_an_html_500_page(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: Any, **__: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(views, "article_detail", boom)
    c = TestClient(create_app(db), raise_server_exceptions=False)
    res = c.get("/articles/x")
    assert res.status_code == 500 and "Server error" in res.text and "disk on fire" not in res.text
    assert c.get("/api/articles/x").json() == {"detail": "internal server error"}


def test_serve_pages_are_gzipped(client: TestClient, story_id: str) -> None:
    res = client.get(f"/stories/{story_id}", headers={"Accept-Encoding": "gzip"})
    assert res.headers.get("content-encoding") == "gzip"
    assert "<h1>" in res.text and len(gzip.compress(res.content)) < len(res.content)


def test_serve_openapi_documents_paging_and_errors(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ["/api/stories", "/api/events", "/api/quotes", "/api/entities", "/api/articles", "/api/search"]:
        op = spec["paths"][path]["get"]
        names = {p["name"] for p in op["parameters"]}
        assert {"limit", "offset"} <= names, path
        assert {"404", "422"} <= set(op["responses"]), path
        assert {"Link", "X-Total-Count"} <= set(op["responses"]["200"]["headers"]), path
        assert "$ref" in str(op["responses"]["200"]["content"]), path
    assert "403" in spec["paths"]["/api/articles"]["post"]["responses"]


class _Sentences(HTMLParser):
    """Text of every ``<span id="s-N">`` of an article page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        sid = dict(attrs).get("id") or ""
        self.open.append(sid if re.fullmatch(r"s-\d+", sid) else None)
        if self.open[-1]:
            self.text[sid] = ""

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for sid in self.open:
            if sid:
                self.text[sid] += data


def test_serve_every_source_and_quote_links_to_its_sentence(client: TestClient, story_id: str) -> None:
    pages: dict[str, dict[str, str]] = {}

    def sentences(article: str) -> dict[str, str]:
        if article not in pages:
            parser = _Sentences()
            parser.feed(client.get(f"/articles/{article}").text)
            pages[article] = parser.text
        return pages[article]

    html = client.get(f"/stories/{story_id}").text
    links = re.findall(r'class="source-link" href="/articles/([^"#]+)#(s-\d+)"', html)
    assert links
    for ev in client.get("/api/events", params={"story": story_id}).json():
        for s in ev["sources"]:
            assert (s["article"], f"s-{s['sentence']}") in links
            assert s["text"][:40] in sentences(s["article"])[f"s-{s['sentence']}"], s
    for q in client.get("/api/quotes").json():
        assert q["text"][:20] in sentences(q["article"])[f"s-{q['sentence']}"]


def test_serve_new_in_this_article_links_to_the_sentence(client: TestClient) -> None:
    for a in client.get("/api/articles").json():
        art = client.get(f"/api/articles/{a['id']}").json()
        html = client.get(f"/articles/{a['id']}").text
        for ev in art["new"]:
            assert f'href="#s-{ev["sentence"]}"' in html and f'id="s-{ev["sentence"]}"' in html


def test_serve_event_page_redirects_to_the_timeline_page_holding_it(client: TestClient, story_id: str) -> None:
    ev = client.get(f"/api/stories/{story_id}/timeline").json()[-1]
    res = client.get(f"/events/{ev['id']}", follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"].endswith(f"?page=1#ev-{ev['id']}")


def test_serve_story_page_has_year_and_month_headings_in_order(client: TestClient, story_id: str) -> None:
    html = client.get(f"/stories/{story_id}").text
    levels = [int(h) for h in re.findall(r"<h([1-6])", html)]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels  # no h1 -> h3 jump
    months = re.findall(r'<h3 class="month" id="m-(\d{4}-\d\d)"', html)
    assert months == sorted(months) and len(months) >= 2
    assert re.search(r'class="srcs">[^<]*· 1 source<', html) or re.search(r'class="srcs">[^<]* sources<', html)


def test_serve_month_only_article_dates_show_as_months(client: TestClient) -> None:
    month_only = [a for a in client.get("/api/articles").json() if len(a["date"]) == 7]
    assert month_only
    html = client.get(f"/articles/{month_only[0]['id']}").text
    assert f'datetime="{month_only[0]["date"]}">{views.readable_date(month_only[0]["date"])}<' in html
    assert f">{month_only[0]['date']}-01<" not in html


def test_serve_pages_use_english_with_the_articles_language_on_their_text(client: TestClient) -> None:
    art = client.get("/api/articles").json()[0]
    html = client.get(f"/articles/{art['id']}").text
    assert '<html lang="en">' in html and f'class="article-text" lang="{art["lang"]}"' in html


@pytest.mark.parametrize("value, label", [("2024-11-08", "8 Nov 2024"), ("2024-11", "Nov 2024"), ("2024", "2024"),
                                          ("2024-SU", "2024-SU"), ("", ""), (None, "")])
def test_serve_readable_dates(value: str | None, label: str) -> None:
    assert views.readable_date(value) == label


@pytest.mark.parametrize("when, label", [
    ({"value": "2024-11", "interval": ["2024-11-01", "2024-11-30"]}, "Nov 2024"),
    ({"value": None, "interval": ["2024-10-01", "2025-05-31"]}, "1 Oct 2024 – 31 May 2025"),
    (None, "undated"),
])
def test_serve_readable_event_dates(when: dict | None, label: str) -> None:
    assert views.readable_when(when) == label


@pytest.mark.parametrize("n, text", [(0, "0 articles"), (1, "1 article"), (2, "2 articles")])
def test_serve_plural(n: int, text: str) -> None:
    assert views.plural(n, "article") == text


@pytest.mark.parametrize("name, aliases, shown", [
    ("Serghei Lavrov", ["Lavrov", "lavrov", "LAVROV", "Serghei Lavrov"], ["Lavrov"]),
    ("Ștefan Ion", ["Ştefan Ion", "Stefan  Ion", "Ion"], ["Ion"]),
    ("X", [], []),
])
def test_serve_also_written_lists_each_spelling_once(name: str, aliases: list[str], shown: list[str]) -> None:
    assert views.distinct_aliases(name, aliases) == shown


SENT_TEXT = 'Lavrov a spus: "Rusia nu uită. Kursk rămâne." Apoi a plecat.'


def test_serve_a_quote_over_two_sentences_is_cut_at_the_boundary() -> None:
    sents = [(0, 30), (31, 46), (47, len(SENT_TEXT))]
    segs = views.annotated_segments(SENT_TEXT, [], [{"start": 15, "end": 46}], [{"start": 0, "end": 6}], sents)

    def flat(nodes: list) -> str:
        return "".join(n["text"] if n["kind"] == "text" else flat(n["children"]) for n in nodes)

    assert flat(segs) == SENT_TEXT
    tops = [n for n in segs if n["kind"] == "sentence"]
    assert [n["data"]["i"] for n in tops] == [0, 1, 2]
    assert all(any(c["kind"] == "quote" for c in n["children"]) for n in tops[:2])


def _luminance(hex_color: str) -> float:
    rgb = [int(hex_color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("mark", ["--range", "--point", "--focus", "--mark-line"])
@pytest.mark.parametrize("ground", ["--bg", "--card"])
def test_serve_non_text_marks_have_3_to_1_contrast(client: TestClient, mark: str, ground: str) -> None:
    css = client.get("/static/app.css").text
    colors = dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    hi, lo = sorted([_luminance(colors[mark]), _luminance(colors[ground])], reverse=True)
    assert (hi + 0.05) / (lo + 0.05) >= 3.0, (mark, ground)


def test_serve_favicon_is_a_static_file(client: TestClient) -> None:
    html = client.get("/").text
    assert '<link rel="icon" href="/static/favicon.svg"' in html
    for url in ["/static/favicon.svg", "/favicon.ico"]:
        res = client.get(url)
        assert res.status_code == 200 and res.headers["content-type"].startswith("image/svg+xml") and b"<svg" in res.content


@pytest.mark.parametrize("q", ["Rusia", "rusia", "Lavrov", "diplomatiei"])
def test_serve_search_counts_every_match_and_facets_add_up(client: TestClient, db: Path, q: str) -> None:
    res = client.get("/api/search", params={"q": q, "limit": 500})
    hits = res.json()
    assert hits and int(res.headers["X-Total-Count"]) == len(hits)
    with views.Store(db, readonly=True) as store:
        facets = views.search_facets(store, q)
    assert sum(n for _, _, n in facets["kind"]) == len(hits)
    assert {k for k, _, _ in facets["kind"]} == {h["kind"] for h in hits}
    html = client.get("/search", params={"q": q}).text
    assert f"{views.plural(len(hits), 'result')} for" in html and 'class="facet-name">Kind:' in html


@pytest.mark.parametrize("q", ["Rusia", "Lavrov", "diplomatiei"])
@pytest.mark.parametrize("facet", ["kind", "year", "story", "entity"])
def test_serve_search_facet_links_narrow_to_their_count(client: TestClient, db: Path, q: str, facet: str) -> None:
    with views.Store(db, readonly=True) as store:
        values = views.search_facets(store, q)[facet]
    assert values, f"the seed store has {facet} facets for {q!r}"
    html = client.get("/search", params={"q": q}).text
    for value, label, n in values:
        link = html_unescape(re.search(r'href="(/search\?[^"]*' + re.escape(urlencode({facet: value})) + '[^"]*)"',
                                       html).group(1))
        narrowed = client.get(link)
        assert narrowed.status_code == 200 and f"{views.plural(n, 'result')} for" in narrowed.text
        assert "facet-clear" in narrowed.text and 'aria-current="true"' in narrowed.text
        api = client.get("/api/search", params={"q": q, facet: value, "limit": 500})
        assert int(api.headers["X-Total-Count"]) == n == len(api.json())
        if facet == "kind":
            assert {h["kind"] for h in api.json()} == {value}
        if facet == "story":
            assert {h["story"] for h in api.json()} == {value}
        if facet == "entity":  # every hit names it: an article mentions it, an event has it as participant
            for h in api.json():
                if h["kind"] == "article":
                    assert value in {m["entity"] for m in client.get(f"/api/articles/{h['id']}").json()["mentions"]}
                else:
                    assert label in client.get(f"/api/events/{h['id']}").json()["participants"]
    clear = re.search(r'class="facet-clear" href="([^"]*)"', client.get(link).text).group(1)
    assert facet not in parse_qs(urlsplit(html_unescape(clear)).query)


@pytest.mark.parametrize("params", [{"kind": "poem"}, {"year": "20x4"}, {"yeer": "2024"}])
def test_serve_search_bad_facet_filter_is_422(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/api/search", params={"q": "Rusia", **params}).status_code == 422
    if "yeer" not in params:  # HTML pages take unknown parameters (trackers); a bad value is still 422
        assert client.get("/search", params={"q": "Rusia", **params}).status_code == 422


def test_serve_background_events_are_folded_apart(client: TestClient, story_id: str) -> None:
    story = client.get(f"/api/stories/{story_id}").json()
    back = {e["id"] for e in story["events"] if e["background"]}
    cutoff = views.background_cutoff(story["first_date"])
    # an undated event (no "when") is never background: nothing places it before the story
    assert back == {e["id"] for e in story["events"]
                    if e["when"] and (e["when"]["interval"][1] or "9999") < cutoff}
    assert back, "the seed story recalls the 2022 invasion: background"
    html = client.get(f"/stories/{story_id}").text
    start = html.index('<details class="background-fold">')
    end = html.index("</ol>", start)  # event rows hold no <ol>: the first closes the fold's list
    fold, rest = html[start:end], html[:start] + html[end:]
    assert set(re.findall(r'data-event="([^"]+)"', fold)) == back  # the seed has fewer than 10
    assert not set(re.findall(r'data-event="([^"]+)"', rest)) & back
    assert f"{views.plural(len(story['events']), 'event')} from" in html
    only = client.get(f"/stories/{story_id}", params={"part": "background"}).text
    assert set(re.findall(r'data-event="([^"]+)"', only)) == back and "background-fold" not in only
    for ev in back:
        location = client.get(f"/events/{ev}", follow_redirects=False).headers["location"]
        assert "part=background" in location and location.endswith(f"#ev-{ev}")


def test_serve_ranked_lists_see_a_write_at_the_next_request(db: Path, tmp_path: Path) -> None:
    """Ranked id lists are kept per state of the store file: a commit changes the next answer."""
    from cronicar.store.db import Store

    copy = tmp_path / "w.db"
    with Store(db, readonly=True) as src, Store(copy) as dst:
        src.conn.backup(dst.conn)
    c = TestClient(create_app(copy))
    before = int(c.get("/api/entities").headers["X-Total-Count"])
    events_before = int(c.get("/api/events").headers["X-Total-Count"])
    with Store(copy) as store, store.transaction() as conn:
        article = conn.execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
        conn.execute("INSERT INTO entities VALUES ('person:ion-nou', 'Ion Nou', 'PERSON')")
        conn.execute("INSERT INTO mentions VALUES (?, 0, 3, 'Ion', 'PERSON', 'person:ion-nou')", (article,))
        conn.execute("DELETE FROM event_mentions WHERE event_id = (SELECT event_id FROM event_mentions"
                     " WHERE event_id IS NOT NULL LIMIT 1)")
    assert int(c.get("/api/entities").headers["X-Total-Count"]) == before + 1
    assert int(c.get("/api/events").headers["X-Total-Count"]) == events_before - 1


def test_serve_key_dates_come_first_with_their_best_told_event(client: TestClient, story_id: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The story page lists the key dates the chronicle's ranking gives (link/keydates.py), each
    with the event of that day told by the most sentences; without that module, no section."""
    import sys
    import types

    views._KEY_DATES.clear()
    if "cronicar.link.keydates" not in sys.modules:
        assert "Key dates" not in client.get(f"/stories/{story_id}").text
    days = sorted({e["when"]["value"] for e in client.get(f"/api/stories/{story_id}/timeline").json()
                   if e["when"] and len(e["when"]["value"] or "") == 10})
    fake = types.ModuleType("cronicar.link.keydates")
    fake.story_refs = lambda conn, story: [story]  # type: ignore[attr-defined]
    fake.rank_dates = lambda refs, n, window: [(d, 1.0) for d in days[:n]]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cronicar.link.keydates", fake)
    views._KEY_DATES.clear()
    html = client.get(f"/stories/{story_id}").text
    views._KEY_DATES.clear()
    assert days and '<h2 id="h-key">Key dates</h2>' in html
    assert html.index("Key dates") < html.index('class="timeline"')
    for day in days:
        assert f'<time datetime="{day}">{views.readable_date(day)}</time> <a href="/events/' in html


def test_serve_entity_page_shows_the_chronicle_relations(client: TestClient, db: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The relations of the chronicle work (export/digest.py) over the events naming the entity:
    one row per other actor and kind; the digest is stubbed to pair every two participants."""
    import sys
    import types
    from itertools import combinations

    from cronicar.store import browse

    with views.Store(db, readonly=True) as store:
        named = browse.events_naming(store.conn, "Serghei Lavrov")
        events = browse.events_by_id(store.conn, named)
    assert named and all("Serghei Lavrov" in e["participants"] for e in events)

    def pairs(evs: list, ids: dict) -> list:
        return [{"a": a, "b": b, "month": e["when"]["interval"][0][:7], "kind": "cooperation", "events": [e["id"]],
                 "sources": []} for e in evs for a, b in combinations(sorted(ids[p] for p in e["participants"] if p in ids), 2)]

    fake = types.ModuleType("cronicar.export.digest")
    fake.relations = pairs  # type: ignore[attr-defined]
    fake.entity_ids = lambda conn: {r[1]: r[0] for r in conn.execute("SELECT id, name FROM entities")}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cronicar.export.digest", fake)
    html = client.get("/entities/person:serghei-lavrov").text
    assert '<h2 id="h-relations">Relations</h2>' in html
    table = html.split('<table class="relations">', 1)[1].split("</table>", 1)[0]
    assert "Choe Son Hui" in table and "cooperation" in table and "person:serghei-lavrov" not in table


def _overlaps(ev: dict[str, Any], lo: str, hi: str) -> bool:
    start, end = ev["when"]["interval"] if ev.get("when") else (None, None)
    return bool(start) and start <= hi and (end or start) >= lo


def test_serve_story_zoom_links_list_only_their_period(client: TestClient, story_id: str) -> None:
    events = client.get(f"/api/stories/{story_id}", params={"limit": 500}).json()["events"]
    html = client.get(f"/stories/{story_id}").text
    zooms = sorted(set(re.findall(r'class="zoom-in" href="\?from=([\d-]+)&amp;to=([\d-]+)"', html)))
    assert any(len(a) == 7 and a[5:] == "01" and b[5:] == "12" for a, b in zooms), "year headings zoom"
    assert any(a == b for a, b in zooms), "month headings zoom"
    for a, b in zooms:
        lo, hi = views.zoom_period(a, b)
        page = client.get(f"/stories/{story_id}", params={"from": a, "to": b})
        assert page.status_code == 200 and 'id="zoom-out" href="/stories/' in page.text
        shown = set(re.findall(r'data-event="([^"]+)"', page.text))
        assert shown == {e["id"] for e in events if _overlaps(e, lo, hi)}
        assert "background-fold" not in page.text
    assert 'id="zoom-out"' not in html


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2024-11", "2024-11", ("2024-11-01", "2024-11-30")), ("2024-02", "2024-02", ("2024-02-01", "2024-02-29")),
    ("2024-11-08", "2024-12", ("2024-11-08", "2024-12-31")), (None, "2023-02", ("0001-01-01", "2023-02-28")),
])
def test_serve_zoom_period_covers_whole_months(a: str | None, b: str | None, expected: tuple[str, str]) -> None:
    assert views.zoom_period(a, b) == expected


@pytest.mark.parametrize("params", [{"from": "2024"}, {"from": "2024-1"}, {"to": "yesterday"}, {"from": "2024-13"},
                                    {"to": "2023-02-30"}, {"from": "2024-12", "to": "2024-11"}])
def test_serve_story_bad_zoom_is_422(client: TestClient, story_id: str, params: dict[str, str]) -> None:
    res = client.get(f"/stories/{story_id}", params=params)
    assert res.status_code == 422 and "invalid parameter" in res.text


def test_serve_story_zoom_is_kept_by_paging_links(client: TestClient, story_id: str) -> None:
    html = client.get(f"/stories/{story_id}", params={"from": "2000-01", "to": "2099-12", "page": 1}).text
    links = re.findall(r'href="(\?[^"#]*page=\d+)[^"]*"', html)
    assert links and all("from=2000-01" in html_unescape(x) and "to=2099-12" in html_unescape(x) for x in links)


@pytest.mark.parametrize("url,source,expected", [
    ("https://www.zf.ro/burse/articol-123", "zf", "zf.ro"),
    (None, "zf", "zf"),
    (None, "https://www.hotnews.ro/stiri-1.htm", "hotnews.ro"),
    # the file an article was read from is no outlet: the seeds were shown as '000_ccc367ce25698c12.txt'
    (None, "examples/000_ccc367ce25698c12.txt", ""),
    (None, "000_ccc367ce25698c12.txt", ""),
    (None, "C:\\stiri\\articol.json", ""),
    (None, None, ""),
])
def test_serve_outlet_is_who_published_not_the_file(url: str | None, source: str | None, expected: str) -> None:
    assert views.outlet(url, source) == expected


def test_serve_seed_rows_show_no_file_name_as_outlet(client: TestClient, story_id: str) -> None:
    html = client.get(f"/stories/{story_id}").text
    outlets = re.findall(r'class="srcs">([^<]*)', html)
    assert outlets and not [o for o in outlets if ".txt" in o or "/" in o], outlets


@pytest.mark.parametrize("lo,hi,shown", [
    # fifteen months: every 2nd month labelled; on a 320 px axis only every other label fits
    ("2024-08-01", "2025-10-31", ["Aug 2024", "Dec 2024", "Apr 2025", "Aug 2025"]),
    # years are short: all fit
    ("2015-01-01", "2020-12-31", ["2015", "2016", "2017", "2018", "2019", "2020"]),
])
def test_serve_axis_labels_shown_on_a_narrow_screen_do_not_overlap(lo: str, hi: str, shown: list[str]) -> None:
    from datetime import date as _date
    ticks = views._ticks(_date.fromisoformat(lo).toordinal(), _date.fromisoformat(hi).toordinal())
    assert [t["label"] for t in ticks if not t["wide_only"]] == shown
