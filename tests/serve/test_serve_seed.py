"""The database every serve test reads: the two seed articles, ingested for real when the whole
pipeline is importable, otherwise annotated by hand (same text, same store code, same tables).

Why a hand-annotated fallback: the web layer must be testable while the analysis and linking
modules are still being written; the fallback uses the store's own ``write_article`` and fills
stories/events as linking would, so switching to the real ingest changes nothing in the tests.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from cronicar.analyze.normalize import fold_diacritics
from cronicar.ingest.readers import read_paths
from cronicar.model import Analysis, Article, EntityMention, EventMention, Quote, Timex
from cronicar.store.db import Store

STORY = "story-seed"
KURSK_EVENT = "ev-kursk-incursion"


def seed_db(path: Path, examples: Path) -> str:
    """Fill ``path`` from the seed articles; returns "ingest" or "hand" (which way was used)."""
    try:
        from cronicar.flow import ingest_paths

        with Store(path) as store:
            report = ingest_paths(store, [examples])
            assert report.ok, report.errors
            if store.count("events"):
                return "ingest"
    except ImportError:
        pass
    path.unlink(missing_ok=True)
    _hand_fill(path, examples)
    return "hand"


def _find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    hits = [m.span() for m in re.finditer(re.escape(fold_diacritics(needle)), text)]
    return hits[nth]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


PEOPLE = {"Serghei Lavrov": "PERSON", "Vladimir Putin": "PERSON", "Choe Son Hui": "PERSON",
          "Kim Jong Un": "PERSON", "Kursk": "GPE", "Moscova": "GPE", "Rusia": "GPE", "Ucraina": "GPE"}


def _analysis(art: Article) -> tuple[Analysis, list[tuple[str, EventMention]]]:
    text = fold_diacritics(art.text)
    a = Analysis(text=text, dct=art.date, lang="ro", sentences=_sentences(text))
    for name, label in PEOPLE.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            a.entities.append(EntityMention(m.start(), m.end(), name, label, name))
    events: list[tuple[str, EventMention]] = []

    def event(eid: str, trigger: str, type_: str, value: str, start: str, end: str,
              participants: list[str]) -> None:
        span = _find(text, trigger)
        when = {"value": value, "interval": [start, end]}
        events.append((eid, EventMention(span, type_, participants, None, when, a.sentence_of(span[0]))))

    if art.date.iso == "2024-11":
        for needle, value, iv in [("vineri", "2024-11", ("2024-11-01", "2024-11-30")),
                                  ("în august", "2024-08", ("2024-08-01", "2024-08-31"))]:
            s, e = _find(text, needle)
            a.timexes.append(Timex(s, e, text[s:e], "DATE", value, None, iv))
        qs, qe = _find(text, "„Relațiile noastre tradiționale")
        qe = text.index("”", qs) + 1
        a.quotes.append(Quote("direct", (qs, qe), speaker="Choe Son Hui"))
        event("ev-moscow-talks-2024", "discuțiilor", "meeting", "2024-11", "2024-11-01", "2024-11-30",
              ["Choe Son Hui", "Serghei Lavrov"])
        event(KURSK_EVENT, "au trecut granița", "attack", "2024-08", "2024-08-01", "2024-08-31", ["Ucraina"])
    else:
        for needle, value, iv in [("luni", "2025-10-27", ("2025-10-27", "2025-10-27")),
                                  ("iunie 2024", "2024-06", ("2024-06-01", "2024-06-30")),
                                  ("2022", "2022", ("2022-01-01", "2022-12-31"))]:
            s, e = _find(text, needle)
            a.timexes.append(Timex(s, e, text[s:e], "DATE", value, None, iv))
        qs, qe = _find(text, "\"Ruşii nu vor uita")
        qe = text.index("\"", qs + 1) + 1
        a.quotes.append(Quote("direct", (qs, qe), speaker="Serghei Lavrov",
                              when={"value": "2025-10-27", "interval": ["2025-10-27", "2025-10-27"]}))
        event("ev-putin-choe-2025", "se va întâlni", "meeting", "2025-10-27", "2025-10-27", "2025-10-27",
              ["Vladimir Putin", "Choe Son Hui"])
        event("ev-summit-2024", "întâlnirii din iunie", "meeting", "2024-06", "2024-06-01", "2024-06-30",
              ["Vladimir Putin", "Kim Jong Un"])
        event("ev-invasion-2022", "invazia rusă", "attack", "2022", "2022-01-01", "2022-12-31", ["Rusia", "Ucraina"])
        event("ev-troops", "a furnizat", "support", "2024-10", "2024-10-01", "2025-05-31", ["Rusia"])
        event("ev-lavrov-statement", "a declarat luni", "statement", "2025-10-27", "2025-10-27", "2025-10-27",
              ["Serghei Lavrov"])
        event(KURSK_EVENT, "ocupaseră", "attack", "2024-08", "2024-08-01", "2024-08-31", ["Ucraina"])
    a.events = [ev for _, ev in events]
    return a, events


def _hand_fill(path: Path, examples: Path) -> None:
    arts = sorted((a for a in read_paths([examples]) if isinstance(a, Article)), key=lambda a: a.date.anchor)
    with Store(path) as store:
        for art in arts:
            analysis, events = _analysis(art)
            with store.transaction() as conn:
                store.write_article(conn, art, analysis)
                _link(conn, art, events)  # the schema's triggers index articles and events


def _link(conn: sqlite3.Connection, art: Article, events: list[tuple[str, EventMention]]) -> None:
    """What linking does for the seeds: one story, one event per id, mentions pointed at it."""
    conn.execute("INSERT OR IGNORE INTO stories(id, title, first_date, last_date) VALUES (?,?,?,?)",
                 (STORY, "Coreea de Nord și Rusia", art.date.iso, art.date.iso))
    conn.execute("UPDATE stories SET last_date = ? WHERE id = ?", (art.date.iso, STORY))
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (STORY, art.id))
    for eid, ev in events:
        when = ev.when or {}
        conn.execute("INSERT OR IGNORE INTO events(id, story_id, type, summary, when_value, when_start, when_end,"
                     " place, participants) VALUES (?,?,?,?,?,?,?,?,?)",
                     (eid, STORY, ev.type, ev.summary or fold_diacritics(art.text)[ev.sentence[0]:ev.sentence[1]][:160],
                      when["value"], *when["interval"], None, json.dumps(ev.participants, ensure_ascii=False)))
        conn.execute("UPDATE event_mentions SET event_id = ? WHERE article_id = ? AND trigger_start = ?",
                     (eid, art.id, ev.trigger[0]))


# -- the fixture DB itself is checked, so a broken seed shows up here and not as odd page tests --

@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("seed") / "t.db"
    return path, seed_db(path, examples)


@pytest.mark.parametrize("table, at_least", [("articles", 2), ("events", 3), ("stories", 1), ("quotes", 1),
                                             ("timexes", 2), ("mentions", 4)])
def test_seed_db_has_rows(seeded: tuple[Path, str], table: str, at_least: int) -> None:
    with Store(seeded[0], readonly=True) as store:
        assert store.count(table) >= at_least


def test_seed_db_search_index_is_filled(seeded: tuple[Path, str]) -> None:
    with Store(seeded[0], readonly=True) as store:
        rows = store.query("SELECT kind, count(*) AS n FROM search_docs GROUP BY kind")
    kinds = {r["kind"]: r["n"] for r in rows}
    assert kinds.get("article") == 2 and kinds.get("event", 0) >= 3
