"""The JSON API over a store holding the two seed articles (see test_serve_seed.seed_db)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cronicar.serve.app import create_app
from cronicar.store.search import fts_query, rebuild, search
from cronicar.store.db import Store

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def story_id(client: TestClient) -> str:
    stories = client.get("/api/stories").json()
    assert stories, "the seed DB must have a story"
    return max(stories, key=lambda s: s["events"])["id"]


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="cronicar ingest"):
        create_app(tmp_path / "nope.db")


def test_stories_list_has_span_size_and_activity(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    s = stories[0]
    assert set(s) >= {"id", "title", "first_date", "last_date", "articles", "events", "activity"}
    assert s["articles"] == 2 and s["events"] >= 3
    assert sum(s["activity"]) >= s["articles"]


def test_timeline_is_in_calendar_order_with_sources(client: TestClient, story_id: str) -> None:
    events = client.get(f"/api/stories/{story_id}/timeline").json()
    starts = [e["when"]["interval"][0] for e in events if e["when"] and e["when"]["interval"][0]]
    assert starts == sorted(starts) and len(starts) >= 3
    for e in events:
        assert e["sources"], e["id"]
        for s in e["sources"]:
            assert s["text"] and s["start"] < s["end"]


def test_uncertain_dates_are_ranges_on_the_axis(client: TestClient, story_id: str) -> None:
    events = client.get(f"/api/stories/{story_id}/timeline").json()
    for e in events:
        if not e["axis"]:
            continue
        start, end = e["when"]["interval"]
        assert e["axis"]["range"] == (end is not None and end > start), e["id"]
        assert 0 <= e["axis"]["left"] <= 100 and e["axis"]["left"] + e["axis"]["width"] <= 100.01


def test_event_sources_are_exact_substrings_of_their_article(client: TestClient) -> None:
    texts: dict[str, str] = {}
    for ev in client.get("/api/events").json():
        for s in ev["sources"]:
            if s["article"] not in texts:
                texts[s["article"]] = client.get(f"/api/articles/{s['article']}").json()["text"]
            assert texts[s["article"]][s["start"]:s["end"]].strip() == s["text"]


def test_event_detail_and_404(client: TestClient) -> None:
    ev = client.get("/api/events").json()[0]
    assert client.get(f"/api/events/{ev['id']}").json()["id"] == ev["id"]
    assert client.get("/api/events/no-such-event").status_code == 404
    assert client.get("/api/stories/no-such-story").status_code == 404
    assert client.get("/api/articles/0000").status_code == 404


def test_chronicle_endpoint_keeps_the_design_contract(client: TestClient) -> None:
    chron = client.get("/api/chronicle").json()
    assert set(chron) >= {"articles", "entities", "stories", "events", "quotes", "timexes"}


@pytest.mark.parametrize("speaker", ["Serghei Lavrov", "serghei lavrov", "person:serghei-lavrov"])
def test_quotes_filter_by_speaker(client: TestClient, speaker: str) -> None:
    quotes = client.get("/api/quotes", params={"speaker": speaker}).json()
    assert quotes and all(q["speaker"] == "Serghei Lavrov" for q in quotes)
    assert any("Kursk" in q["text"] for q in quotes)


def test_quotes_unfiltered_have_more_speakers(client: TestClient) -> None:
    speakers = {q["speaker"] for q in client.get("/api/quotes").json()}
    assert len(speakers) >= 2


def test_entities_and_entity_detail(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "PERSON"}).json()
    assert people and all(e["type"] == "PERSON" for e in people)
    lavrov = next(e for e in people if "Lavrov" in e["name"])
    detail = client.get(f"/api/entities/{lavrov['id']}").json()
    assert detail["statements"] and any("Kursk" in s["text"] for s in detail["statements"])
    with_names = {o["name"] for o in detail["appears_with"]}
    assert any("Choe" in n for n in with_names)
    assert client.get("/api/entities/person:nobody").status_code == 404


def test_article_has_annotations_in_bounds(client: TestClient) -> None:
    for a in client.get("/api/articles").json():
        art = client.get(f"/api/articles/{a['id']}").json()
        n = len(art["text"])
        assert art["timexes"] and art["mentions"]
        for kind in ("timexes", "mentions", "quotes"):
            for x in art[kind]:
                assert 0 <= x["start"] < x["end"] <= n
                assert art["text"][x["start"]:x["end"]] == x["text"]


def test_what_was_new_is_the_first_report(client: TestClient) -> None:
    """An event reported by both seeds is new in the earlier article only."""
    arts = sorted(client.get("/api/articles").json(), key=lambda a: a["date"])
    first = client.get(f"/api/articles/{arts[0]['id']}").json()
    later = client.get(f"/api/articles/{arts[-1]['id']}").json()
    first_new = {e["id"] for e in first["new"]}
    for ev in later["events"]:
        if ev["id"] in {e["id"] for e in first["events"]}:
            assert ev["id"] in first_new and ev not in later["new"]
    assert first_new


@pytest.mark.parametrize("q, hits", [("Kursk", True), ("kursk", True), ("Lavrov", True), ("sefa diplomatiei", True),
                                     ("Kurs", True), ("zzzqqq", False), ('"NATO" -:(', True), ('NATO AND', False)])
def test_search_api(client: TestClient, q: str, hits: bool) -> None:
    res = client.get("/api/search", params={"q": q})
    assert res.status_code == 200
    assert bool(res.json()) is hits


def test_search_snippets_mark_the_hit(client: TestClient) -> None:
    res = client.get("/api/search", params={"q": "Kursk"}).json()
    assert any("\x02Kursk\x03" in r["snippet"] for r in res)
    assert {"article", "event"} <= {r["kind"] for r in res}


@pytest.mark.parametrize("text, query", [("Kursk", '"Kursk"*'), ("Șefa  diplomației", '"Șefa" "diplomației"*'),
                                         ('a" OR b', '"a" "OR" "b"*'), ("--", "")])
def test_fts_query_is_quoted(text: str, query: str) -> None:
    assert fts_query(text) == query


def test_search_falls_back_without_index(db: Path, tmp_path: Path) -> None:
    """A store older than the FTS index, opened read-only (the server never migrates), still
    answers by LIKE scan; rebuilding the index gives FTS hits again."""
    copy = tmp_path / "old.db"
    with Store(db, readonly=True) as src, Store(copy) as dst:
        src.conn.backup(dst.conn)
        dst.conn.execute("DROP TABLE search_fts")
        dst.conn.commit()
    with Store(copy, readonly=True) as old:
        assert any(r["kind"] == "article" and "\x02" in r["snippet"] for r in search(old.conn, "Kursk"))
    with Store(db, readonly=True) as src, Store(copy) as dst:
        src.conn.backup(dst.conn)
        with dst.transaction() as conn:
            assert rebuild(conn) == 2 + dst.count("events")
        assert any("\x02" in r["snippet"] for r in search(dst.conn, "Kursk"))


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ["/api/stories", "/api/stories/{story_id}/timeline", "/api/events", "/api/quotes", "/api/entities",
              "/api/entities/{entity_id}", "/api/articles", "/api/articles/{article_id}", "/api/search"]:
        assert p in paths, p
    assert "post" in paths["/api/articles"]


def _post(client: TestClient, body: Any, auth: str | None) -> Any:
    headers = {"Authorization": auth} if auth else {}
    return client.post("/api/articles", json=body, headers=headers)


ARTICLE = {"text": "Serghei Lavrov a vizitat Phenianul marți.", "date": "2025-11-04", "title": "Test"}


@pytest.mark.parametrize("auth", [None, "Bearer s3cret-token", "s3cret-token"])
def test_writes_are_refused_without_a_server_token(client: TestClient, auth: str | None) -> None:
    assert _post(client, ARTICLE, auth).status_code == 403


@pytest.mark.parametrize("auth", [None, "Bearer wrong", "Basic s3cret-token", "s3cret-token"])
def test_writes_need_the_right_bearer_token(db: Path, auth: str | None) -> None:
    c = TestClient(create_app(db, token=TOKEN))
    assert _post(c, ARTICLE, auth).status_code == 403


@pytest.mark.parametrize("body", [{"date": "2025-01-01"}, [{"text": "x"}], [], {"articles": [{"text": "t", "date": "bad"}]}])
def test_bad_articles_are_422_before_any_analysis(db: Path, body: Any) -> None:
    c = TestClient(create_app(db, token=TOKEN))
    res = _post(c, body, f"Bearer {TOKEN}")
    assert res.status_code == 422


def test_post_ingests_with_the_token(db: Path, tmp_path: Path) -> None:
    pytest.importorskip("cronicar.analyze.entities", reason="analysis pipeline not complete yet")
    copy = tmp_path / "w.db"
    with Store(db, readonly=True) as src, Store(copy) as dst:
        src.conn.backup(dst.conn)
    c = TestClient(create_app(copy, token=TOKEN))
    res = _post(c, {"articles": [ARTICLE]}, f"Bearer {TOKEN}")
    assert res.status_code == 201, res.text
    added = res.json()["added"]
    assert len(added) == 1
    assert c.get(f"/api/articles/{added[0]}").status_code == 200
    assert any(r["id"] == added[0] for r in c.get("/api/search", params={"q": "vizitat"}).json())
    assert _post(c, ARTICLE, f"Bearer {TOKEN}").json()["skipped"] == 1


def test_serve_api_key_dates_and_relations_of_the_seed_story(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 18: key dates (with a readable date) and actor relations with their events and sources."""
    from pathlib import Path

    from fastapi.testclient import TestClient

    from cronicar.flow import ingest_paths
    from cronicar.serve.app import create_app
    from cronicar.store.db import Store

    db = tmp_path / "k.db"
    with Store(db) as store:
        ingest_paths(store, [Path(__file__).resolve().parents[2] / "examples"])
        story = store.query("SELECT id FROM stories")[0]["id"]
    client = TestClient(create_app(db))
    keys = client.get(f"/api/stories/{story}/key-dates", params={"n": 3}).json()
    assert keys[0]["date"] == "2025-10-27" and keys[0]["readable"] == "27 octombrie 2025"
    assert client.get("/api/stories/s:none/key-dates").status_code == 404
    cells = client.get("/api/relations", params={"entity": "Choe Son Hui", "kind": "cooperation"}).json()
    assert cells and all("person:choe-son-hui" in (c["a"], c["b"]) and c["events"] and c["sources"] for c in cells)
    assert client.get("/api/relations", params={"kind": "war"}).status_code == 422
    assert client.get("/api/relations").status_code == 422  # unscoped: the export has them all
    assert client.get("/api/relations", params={"entity": "Nimeni Altcineva"}).status_code == 404
    by_story = client.get("/api/relations", params={"story": story, "entity": "Choe Son Hui", "kind": "cooperation"}).json()
    assert {e for c in by_story for e in c["events"]} >= {e for c in cells for e in c["events"]}
