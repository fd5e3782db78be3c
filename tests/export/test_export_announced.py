"""An announcement and what it announces are one timeline row (issue 18): the happening, "anunțat
<day> de X"; the statement stays an event of the store and the export (its quotes, its speaker's
relations).  Real Ziarul Financiar sentences, stored and read back as a reader sees them: the
terminal timeline, the Markdown export, the web story page, and the count of
``benchmarks/sentence_sharing.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from benchmarks.sentence_sharing import sharing
from cronicar.export.chronicle import build
from cronicar.export.formats import render_timeline, to_markdown
from cronicar.flow import ingest
from cronicar.model import Article, DocDate
from cronicar.serve.app import create_app
from cronicar.store.db import Store

# the nine months' result, announced on Thursday: one row, the rise
VISUAL_FAN = ("Visual Fan, companie care deține brandul Allview, a înregistrat în primele nouă luni ale anului o "
              "cifră de afaceri de aproape 80 milioane de lei (16 milioane de euro), în creștere cu 36%, în condițiile "
              "în care vânzările diviziei IT&C s-au majorat cu 64%, a anunțat joi compania.")
# the announcement led to the rise, it does not tell it: two rows
IAR = ("Acțiunile IAR au crescut ieri cu 1,2% și de la începutul anului cu 285%, după ce compania a anunțat că se va "
       "transfera de pe RASDAQ pe piața reglementată a bursei.")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("announced") / "a.db"
    with Store(path) as store:
        ingest(store, [Article(text=VISUAL_FAN, date=DocDate.parse("2021-10-29"), title="Visual Fan", source="zf",
                               lang="ro"),
                       Article(text=IAR, date=DocDate.parse("2015-12-23"), title="IAR", source="zf", lang="ro")])
    return path


@pytest.fixture(scope="module")
def chronicle(store_path: Path) -> dict[str, Any]:
    with Store(store_path) as store:
        return build(store)


def _of(chronicle: dict[str, Any], text: str) -> list[dict[str, Any]]:
    return [e for e in chronicle["events"] if e["sources"][0]["text"] == text]


def test_export_an_announcement_stays_an_event_and_names_what_it_announces(chronicle: dict[str, Any]) -> None:
    events = _of(chronicle, VISUAL_FAN)
    statement = next(e for e in events if e["type"] == "statement")
    rise = next(e for e in events if e["type"] == "rise")
    assert statement["announces"] == [rise["id"]]
    assert rise["announced"] == [{"event": statement["id"], "when": statement["when"], "by": ["Visual Fan"]}]
    assert statement["when"]["value"] == "2021-10-28"  # "joi", the Thursday before the article


def test_export_a_statement_that_tells_another_thing_keeps_its_row(chronicle: dict[str, Any]) -> None:
    events = _of(chronicle, IAR)
    assert {e["type"] for e in events} == {"rise", "statement"}
    assert not any(e.get("announces") or e.get("announced") for e in events)


def test_export_timeline_shows_the_happening_once_with_its_announcement(chronicle: dict[str, Any]) -> None:
    story = next(s for s in chronicle["stories"] if set(s["events"]) >= {e["id"] for e in _of(chronicle, VISUAL_FAN)})
    text = render_timeline(chronicle, story=story["id"], lang="ro")
    assert "STATEMENT" not in text and "RISE" in text
    assert "anunțat 28 octombrie 2021 de Visual Fan" in text
    assert "anunțat 28 octombrie 2021 de Visual Fan" in to_markdown(chronicle)


def test_export_web_story_page_has_one_row_with_the_announcement(store_path: Path, chronicle: dict[str, Any]) -> None:
    story = next(s for s in chronicle["stories"] if set(s["events"]) >= {e["id"] for e in _of(chronicle, VISUAL_FAN)})
    page = TestClient(create_app(store_path)).get(f"/stories/{story['id']}").text
    assert page.count("<li class=\"event") == 1
    assert '<p class="announced" lang="ro">anunțat 28 octombrie 2021 de Visual Fan</p>' in page


def test_export_sentence_sharing_counts_what_a_reader_sees(store_path: Path) -> None:
    with Store(store_path) as store:
        counts = sharing(store.conn)
    assert counts["folded_statements"] == 1
    assert counts["shared"] == 2  # IAR's rise and the announcement that led to it
