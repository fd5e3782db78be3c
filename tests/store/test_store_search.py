"""Full-text search filled by the one write path: after `cronicar ingest`, ranked, diacritics-blind,
kept in step with corrections, and an older store indexed by its migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cronicar.cli import main
from cronicar.model import Analysis, Article, DocDate
from cronicar.store.db import SCHEMA_VERSION, Store
from cronicar.store.search import search

# Real Ziarul-Financiar-style sentences: the word under test appears 3 times, once, or in the title.
INFLATION = [
    ("Inflație record în România", "Rata anuală a inflației a urcat la 8%. BNR estimează o inflație de peste 5%"
     " și în toamnă, iar inflația de bază rămâne mare."),
    ("Cursul leu-euro stabil", "Leul a rămas stabil față de euro, iar analiștii văd o inflație în scădere din toamnă."),
    ("Bursa de la București", "Indicele BET a câștigat 1,2% într-o ședință cu lichiditate redusă."),
]


def _write(store: Store, title: str, text: str, day: str) -> str:
    art = Article(text=text, date=DocDate.parse(day), title=title, lang="ro", source="test")
    with store.transaction() as conn:
        store.write_article(conn, art, Analysis(text=text, dct=art.date, lang="ro", sentences=[(0, len(text))]))
    return art.id


@pytest.fixture()
def inflation_db(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "infl.db"
    with Store(path) as store:
        ids = [_write(store, t, x, f"2022-0{i + 1}-10") for i, (t, x) in enumerate(INFLATION)]
    return path, ids


@pytest.mark.slow
@pytest.mark.parametrize("query", ["sefa diplomatiei", "Șefa diplomației", "şefa diplomaţiei", "SEFA DIPLOMATIEI"])
def test_store_search_after_cli_ingest_finds_with_or_without_diacritics(examples: Path, tmp_path: Path,
                                                                        query: str) -> None:
    db = tmp_path / "ex.db"
    assert main(["ingest", str(examples), "--db", str(db), "--jobs", "1"]) == 0
    with Store(db, readonly=True) as store:
        hits = search(store.conn, query)
        (seed,) = [r["id"] for r in store.query("SELECT id FROM articles WHERE date = '2025-10-27'")]
    assert seed in [h["id"] for h in hits if h["kind"] == "article"]
    assert any("\x02" in h["snippet"] for h in hits)


@pytest.mark.parametrize("query, expected", [
    ("inflatie", [0, 1]),       # a title and two mentions (inflație, inflației) beat one mention
    ("inflație", [0, 1]),
    ("inflatia", [0]),          # the articulated form only in the first
    ("bursa", [2]),
    ("lichiditate redusa", [2]),
    ("petrol", []),
])
def test_store_search_ranks_by_relevance(inflation_db: tuple[Path, list[str]], query: str,
                                         expected: list[int]) -> None:
    path, ids = inflation_db
    with Store(path, readonly=True) as store:
        hits = [h["id"] for h in search(store.conn, query) if h["kind"] == "article"]
    assert hits == [ids[i] for i in expected]


@pytest.mark.parametrize("change, query, found", [
    ("UPDATE articles SET title = 'Bursa a scăzut' WHERE id = ?", "bursa", True),
    ("UPDATE articles SET title = 'Bursa a scăzut' WHERE id = ?", "cursul", False),
    ("DELETE FROM articles WHERE id = ?", "leul", False),
])
def test_store_search_follows_corrections(inflation_db: tuple[Path, list[str]], change: str, query: str,
                                          found: bool) -> None:
    """The index is kept by the schema's triggers, so a corrected or removed article is searched as it is now."""
    path, ids = inflation_db
    with Store(path) as store:
        with store.transaction() as conn:
            conn.execute(change, (ids[1],))
        hits = [h["id"] for h in search(store.conn, query)]
        # FTS5's own check of the index against the text it indexes: raises when they disagree.
        store.conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    assert (ids[1] in hits) is found


OLD_SEARCH = ("CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, title, body,"
              " tokenize = 'unicode61 remove_diacritics 2')")


def test_store_search_migrates_a_version_2_store(inflation_db: tuple[Path, list[str]]) -> None:
    """A store written before v3 (old search_index, empty as after a CLI ingest) is indexed on first open."""
    path, ids = inflation_db
    conn = sqlite3.connect(path)
    for name, kind in conn.execute("SELECT name, type FROM sqlite_master WHERE name LIKE 'search%'").fetchall():
        if kind in {"trigger", "view"} or name in {"search_fts", "search_docs"}:
            conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    conn.execute(OLD_SEARCH)
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with Store(path, readonly=True) as old:  # read-only: not migrated, answered by a scan
        assert [h["id"] for h in search(old.conn, "inflația") if h["kind"] == "article"] == [ids[0]]
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION >= 4
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        hits = [h["id"] for h in search(store.conn, "inflatie")]
    assert "search_index" not in names
    assert hits == [ids[0], ids[1]]
