"""Store + ingest: idempotent re-ingest, one transaction per article, schema versioning."""

import json
import sqlite3
from pathlib import Path

import pytest

from cronicar.ingest import read_paths
from cronicar.flow import ingest as ingest_articles, ingest_paths
from cronicar.store.db import SCHEMA_VERSION, Store

FIX = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, examples):
    path = tmp_path_factory.mktemp("db") / "seeds.db"
    with Store(path) as store:
        report = ingest_paths(store, [examples])
    assert len(report.added) == 2 and not report.errors
    return path


def _counts(path: Path) -> dict[str, int]:
    with Store(path, readonly=True) as s:
        return {t: s.count(t) for t in ("articles", "timexes", "quotes", "mentions", "event_mentions",
                                        "events", "stories", "entities")}


def test_store_ingest_twice_changes_nothing(seed_db, examples, tmp_path):
    before = _counts(seed_db)
    assert before["articles"] == 2 and before["timexes"] > 5 and before["quotes"] > 5
    # the same articles again, also from another path with different whitespace
    copy = tmp_path / "copy.txt"
    copy.write_text(next(examples.glob("*.txt")).read_text(encoding="utf-8").rstrip() + "\n\n")
    with Store(seed_db) as store:
        report = ingest_paths(store, [examples, copy])
    assert report.added == [] and report.skipped == 3
    assert _counts(seed_db) == before


def test_store_schema_version_is_recorded(seed_db):
    with Store(seed_db, readonly=True) as s:
        assert s.version == SCHEMA_VERSION
        mode = s.query("PRAGMA journal_mode")[0][0]
    assert mode == "wal"


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(path)


def test_store_interrupted_ingest_keeps_committed_articles(tmp_path, monkeypatch):
    """A crash while linking the second article leaves the first one whole and the second absent."""
    import cronicar.link as link

    arts = [a for a in read_paths([FIX / "batch.jsonl"]) if not isinstance(a, Exception)]
    assert len(arts) == 2
    real_link = link.link_article
    calls = {"n": 0}

    def flaky(conn, article_id):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real_link(conn, article_id)

    monkeypatch.setattr(link, "link_article", flaky)
    path = tmp_path / "crash.db"
    with Store(path) as store, pytest.raises(KeyboardInterrupt):
        ingest_articles(store, arts)
    counts = _counts(path)
    assert counts["articles"] == 1
    with Store(path, readonly=True) as s:
        (aid,) = [r[0] for r in s.query("SELECT id FROM articles")]
        orphans = s.query("SELECT count(*) FROM timexes WHERE article_id != ?", (aid,))[0][0]
    assert orphans == 0
    # resuming ingests only what is missing
    monkeypatch.setattr(link, "link_article", real_link)
    with Store(path) as store:
        report = ingest_articles(store, arts)
    assert len(report.added) == 1 and report.skipped == 1
    assert _counts(path)["articles"] == 2


def test_store_readonly_missing_file_is_clear(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such database"):
        Store(tmp_path / "absent.db", readonly=True)


def test_store_quotes_keep_offsets_into_stored_text(seed_db):
    with Store(seed_db, readonly=True) as s:
        rows = s.query("SELECT q.start, q.\"end\", a.text FROM quotes q JOIN articles a ON a.id = q.article_id")
    assert rows
    for r in rows:
        assert 0 <= r["start"] < r["end"] <= len(r["text"])
        assert r["text"][r["start"]:r["end"]].strip()


def test_a_version_1_store_migrates_to_quotes_by_article(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A file written by schema 1 (no quotes_article index) is brought up to date on opening."""
    import sqlite3

    path = tmp_path / "old.db"
    with Store(path) as s:
        s.conn.execute("DROP INDEX quotes_article")
        s.conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
        s.conn.commit()
    with Store(path) as s:
        assert s.version == SCHEMA_VERSION >= 4
        names = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "quotes_article" in names
    conn = sqlite3.connect(path)
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM quotes WHERE article_id IN (SELECT id FROM articles WHERE story_id='s')"))
    assert "quotes_article" in plan


LINKER_TABLES = ("person_tokens", "entity_keys", "story_entities", "story_terms", "term_df", "link_counts",
                 "story_profiles", "article_vectors", "article_link_terms")


def test_store_a_version_4_store_gets_the_linker_tables(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Schema 5 holds every table; a version 4 file (whose linker tables the link modules created
    on first use, some or none) gets the missing ones on opening and keeps its rows."""
    path = tmp_path / "v4.db"
    with Store(path) as s:
        s.conn.execute("INSERT INTO person_tokens(token, entity_id) VALUES ('kim', 'person:kim-jong-un')")
        for table in LINKER_TABLES[1:]:
            s.conn.execute(f"DROP TABLE {table}")
        s.conn.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
        s.conn.commit()
    with Store(path) as s:
        assert s.version == SCHEMA_VERSION >= 5
        tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert set(LINKER_TABLES) <= tables
        assert [r[0] for r in s.conn.execute("SELECT token FROM person_tokens")] == ["kim"]


def test_store_a_version_5_store_gets_the_lead_day_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Schema 6 marks undated lead acts (``event_mentions.lead_day``, read by story linking); a
    version 5 file gets the column on opening, its rows kept (unmarked)."""
    path = tmp_path / "v5.db"
    with Store(path) as s:
        s.conn.execute("ALTER TABLE event_mentions DROP COLUMN lead_day")
        s.conn.execute("UPDATE meta SET value='5' WHERE key='schema_version'")
        s.conn.commit()
    with Store(path) as s:
        assert s.version == SCHEMA_VERSION >= 6
        assert "lead_day" in {r[1] for r in s.conn.execute("PRAGMA table_info(event_mentions)")}


def test_store_an_older_file_opened_read_only_is_migrated_first(tmp_path, capsys, examples) -> None:  # type: ignore[no-untyped-def]
    """A file an earlier cronicar wrote (schema 6: no event_mentions.announces) is exported by
    today's read path: before the fix `cronicar export` stopped with "no such column"."""
    from cronicar.cli import main

    path = tmp_path / "v6.db"
    seeds = sorted(str(p) for p in examples.glob("*.txt"))
    assert seeds
    assert main(["ingest", "--db", str(path), *seeds]) == 0
    with Store(path) as s:
        s.conn.execute("ALTER TABLE event_mentions DROP COLUMN announces")
        s.conn.execute("UPDATE meta SET value='6' WHERE key='schema_version'")
        s.conn.commit()
    capsys.readouterr()
    assert main(["export", "--db", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"]
    with Store(path, readonly=True) as s:
        assert s.version == SCHEMA_VERSION
        assert "announces" in {r[1] for r in s.conn.execute("PRAGMA table_info(event_mentions)")}


@pytest.mark.parametrize("content", [b"", bytes(range(256)) * 16])
def test_store_export_of_a_file_that_is_no_database_is_one_line(tmp_path, capsys, content) -> None:  # type: ignore[no-untyped-def]
    """An empty or binary file given as --db: a one-line error naming the file, no traceback."""
    from cronicar.cli import main

    path = tmp_path / "x.db"
    path.write_bytes(content)
    assert main(["export", "--db", str(path), "--format", "json"]) != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {path}: not a cronicar database") and "\n" not in err
