"""Corrections and concurrent writers: a corrected or re-dated article replaces its earlier version
(events, quotes, mentions rebuilt, not duplicated); two ingests into one file give one batch's
database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cronicar.flow import ingest as ingest_articles
from cronicar.ingest.schema import checked_article
from cronicar.model import Article
from cronicar.store.db import Store

FIRST = ("Ministrul Finanțelor, Ion Popescu, a declarat luni că guvernul va majora pensiile în martie. "
         "„Bugetul permite creșterea”, a spus Popescu.")
FIXED = ("Ministrul Finanțelor, Ion Popescu, a declarat marți că guvernul va majora salariile în aprilie. "
         "„Bugetul permite o creștere mică”, a spus Popescu.")
OTHER = "Premierul Maria Ionescu a vizitat miercuri Clujul, unde a inaugurat un spital."

COUNTED = ("articles", "timexes", "mentions", "quotes", "event_mentions", "events", "stories")


def _art(**fields: Any) -> Article:
    art = checked_article(fields, "test", None)
    assert isinstance(art, Article), art
    return art


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
        counts["orphan events"] = conn.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id=e.id)").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return counts


def _ingest(db: Path, *batches: list[Article]) -> list[Any]:
    with Store(db) as store:
        return [ingest_articles(store, batch) for batch in batches]


@pytest.mark.parametrize(("first", "second", "kept"), [
    ({"id": "x1", "text": FIRST, "date": "2025-03-10"}, {"id": "x1", "text": FIXED, "date": "2025-03-10"}, "text"),
    ({"url": "https://a.ro/1", "text": FIRST, "date": "2025-03-10"}, {"url": "https://a.ro/1", "text": FIXED, "date": "2025-03-11"}, "text"),
    ({"id": "x1", "text": FIRST, "date": "2025-03-10"}, {"id": "x1", "text": FIRST, "date": "2025-03"}, "date"),
])
def test_store_corrections_replace_the_earlier_version(tmp_path: Path, first: dict, second: dict, kept: str) -> None:
    src = {"source": "feed"}
    _ingest(tmp_path / "twice.db", [_art(**first, **src), _art(**{**OTHER_REC, "id": "o1"}, **src)],
            [_art(**second, **src)])
    _ingest(tmp_path / "once.db", [_art(**second, **src), _art(**{**OTHER_REC, "id": "o1"}, **src)])
    assert _counts(tmp_path / "twice.db") == _counts(tmp_path / "once.db")
    with Store(tmp_path / "twice.db", readonly=True) as store:
        rows = store.query("SELECT text, date FROM articles WHERE text != ?", (OTHER,))
    assert [(r["text"], r["date"]) for r in rows] == [(second["text"], second["date"])]


OTHER_REC = {"text": OTHER, "date": "2025-03-12"}


def test_store_corrections_later_version_in_one_batch_wins(tmp_path: Path) -> None:
    (report,) = _ingest(tmp_path / "c.db", [_art(id="x1", text=FIRST, date="2025-03-10"),
                                            _art(id="x1", text=FIXED, date="2025-03-10")])
    assert len(report.added) == 1 and report.skipped == 1
    with Store(tmp_path / "c.db", readonly=True) as store:
        assert [r[0] for r in store.query("SELECT text FROM articles")] == [FIXED]


def test_store_corrections_new_title_and_url_for_the_same_text_are_kept(tmp_path: Path) -> None:
    _ingest(tmp_path / "c.db", [_art(text=OTHER, date="2025-03-12", title="Vechi")],
            [_art(text=OTHER, date="2025-03-12", title="Titlu nou", url="https://a.ro/nou", id="n7")])
    with Store(tmp_path / "c.db", readonly=True) as store:
        (row,) = store.query("SELECT title, url, external_id FROM articles")
    assert tuple(row) == ("Titlu nou", "https://a.ro/nou", "n7")


def test_store_corrections_external_ids_are_unique_per_source(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _ingest(db, [_art(id="x1", text=FIRST, date="2025-03-10", source="a")])
    with Store(db) as store, pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO articles(id, source, external_id, date, date_start, date_end, lang, text,"
                           " sentences, ingested_at) VALUES ('z', 'a', 'x1', '2025', '2025-01-01', '2025-12-31',"
                           " 'ro', 't', '[]', 'now')")


def _cli(db: Path, *paths: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    return subprocess.Popen([sys.executable, "-m", "cronicar.cli", "ingest", *map(str, paths), "--db", str(db)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_store_corrections_two_concurrent_ingests_give_one_batch(tmp_path: Path) -> None:
    records = [{"text": f"{t} Articolul {i}.", "date": f"2025-03-1{i}"} for i, t in enumerate([FIRST, FIXED, OTHER] * 2)]
    for name, part in (("a.jsonl", records[:4]), ("b.jsonl", records[2:])):  # records 2 and 3 in both
        (tmp_path / name).write_text("\n".join(json.dumps(r) for r in part), encoding="utf-8")
    procs = [_cli(tmp_path / "both.db", tmp_path / "a.jsonl"), _cli(tmp_path / "both.db", tmp_path / "b.jsonl")]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert not any("Traceback" in err for _, err in outs)
    with Store(tmp_path / "both.db", readonly=True) as store:
        assert store.count("articles") == 6
    assert _counts(tmp_path / "both.db")["orphan events"] == 0


HOLD = """
import sys, time
from pathlib import Path
from cronicar.store.db import Store
store = Store(sys.argv[1])
with store.writer():
    Path(sys.argv[2]).write_text("held")
    time.sleep(600)
"""


def test_store_corrections_writer_waits_and_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    import signal
    import threading
    import time

    db, flag = tmp_path / "c.db", tmp_path / "held"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(flag)], env=env)
    for _ in range(300):
        if flag.exists():
            break
        time.sleep(0.1)
    waited, acquired = threading.Event(), threading.Event()

    def second_writer() -> None:
        with Store(db) as store, store.writer(on_wait=waited.set):
            acquired.set()

    t = threading.Thread(target=second_writer)
    t.start()
    assert waited.wait(30) and not acquired.wait(1)  # blocked while the first holds the lock
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert acquired.wait(30)  # the kernel released the killed holder's lock
    t.join()
