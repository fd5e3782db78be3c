"""The embedded SQLite store: one file, WAL, one transaction per article, versioned schema.

Why one transaction per article: an interrupted batch keeps every article committed before the
interruption and never leaves an article half-written; re-ingesting the same content is a no-op
because article ids are content hashes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from cronicar.model import Analysis, Article

SCHEMA_VERSION = 2

# Migrations from version N to N+1; index 0 creates the schema.  New versions append a function.
Migration = Callable[[sqlite3.Connection], None]


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript(resources.files("cronicar.store").joinpath("schema.sql").read_text("utf-8"))


def _quotes_by_article(conn: sqlite3.Connection) -> None:
    """v2: quotes indexed by article, so moving an entity inside a story (``link/persons.py``,
    ``link/variants.py``) reads the story's quotes, not the whole table."""
    conn.execute("CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id)")


MIGRATIONS: list[Migration] = [_create, _quotes_by_article]


def _when_columns(when: dict | None) -> tuple[str | None, str | None, str | None]:
    """A statement's or event's date (``{"value", "interval"}``) as its three store columns."""
    when = when or {}
    interval = when.get("interval") or [None, None]
    return when.get("value"), interval[0], interval[1]


def default_db_path() -> Path:
    """``$CRONICAR_DB`` if set, else ``cronicar.db`` in the working directory.

    A file next to the user's work is what they expect from a tool like datasette or sqlite3;
    the environment variable lets scripts and the web server agree without flags.
    """
    import os

    return Path(os.environ.get("CRONICAR_DB", "cronicar.db"))


class Store:
    """A cronicar database.  Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"{self.path}: no such database (run `cronicar ingest` first)")
            uri = f"file:{self.path}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=5000")
        if not readonly:
            self.migrate()

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @property
    def version(self) -> int:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        """Bring the file to :data:`SCHEMA_VERSION`, one migration per transaction."""
        current = self.version
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path}: schema version {current} is newer than this cronicar ({SCHEMA_VERSION})"
            )
        for version in range(current, SCHEMA_VERSION):
            with self.transaction():
                MIGRATIONS[version](self.conn)
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                    (str(version + 1),),
                )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    # -- articles --------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone()
        return row is not None

    def write_article(self, conn: sqlite3.Connection, article: Article, analysis: Analysis) -> None:
        """Insert one article and its per-article annotations (inside the caller's transaction)."""
        start, end = article.date.interval
        conn.execute(
            "INSERT INTO articles(id, source, external_id, title, url, date, date_start, date_end,"
            " lang, text, sentences, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id, article.source, article.external_id, article.title, article.url,
                article.date.iso, start.isoformat(), end.isoformat(), analysis.lang, analysis.text,
                json.dumps(analysis.sentences), datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO timexes(article_id, start, \"end\", text, type, value, mod,"
            " int_start, int_end, rule) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (article.id, t.start, t.end, t.text, t.type, t.value, t.mod,
                 t.interval[0] if t.interval else None, t.interval[1] if t.interval else None, t.rule)
                for t in analysis.timexes
            ],
        )
        for m in analysis.entities:
            conn.execute(
                "INSERT OR IGNORE INTO entities(id, name, type) VALUES (?,?,?)",
                (m.entity_id, m.canonical, "GPE" if m.label == "LOC" else m.label),
            )
            conn.execute(
                "INSERT OR IGNORE INTO entity_aliases(entity_id, alias) VALUES (?,?)",
                (m.entity_id, m.text),
            )
            conn.execute(
                "INSERT OR IGNORE INTO mentions(article_id, start, \"end\", text, label, entity_id)"
                " VALUES (?,?,?,?,?,?)",
                (article.id, m.start, m.end, m.text, m.label, m.entity_id),
            )
        speaker_ids = {m.canonical: m.entity_id for m in analysis.entities if m.label in {"PERSON", "ORG", "GPE"}}
        for q in analysis.quotes:
            conn.execute(
                "INSERT OR IGNORE INTO quotes(id, article_id, kind, start, \"end\", cue_start, cue_end,"
                " speaker_start, speaker_end, speaker, speaker_entity, addressee, media_source,"
                " when_value, when_start, when_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    f"{article.id}:{q.content[0]}:{q.speaker or ''}", article.id, q.kind,
                    q.content[0], q.content[1],
                    q.cue[0] if q.cue else None, q.cue[1] if q.cue else None,
                    q.speaker_mention[0] if q.speaker_mention else None,
                    q.speaker_mention[1] if q.speaker_mention else None,
                    q.speaker, speaker_ids.get(q.speaker or ""), q.addressee, q.media_source,
                    *_when_columns(q.when),
                ),
            )
        for ev in analysis.events:
            if not ev.happened:
                continue  # "nu a declarat", "ar putea semna": told, but not happenings
            sent = ev.sentence or analysis.sentence_of(ev.trigger[0])
            conn.execute(
                "INSERT OR IGNORE INTO event_mentions(article_id, trigger_start, trigger_end,"
                " sent_start, sent_end, type, summary, participants, place, when_value, when_start,"
                " when_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id, ev.trigger[0], ev.trigger[1], sent[0], sent[1], ev.type,
                    ev.summary or analysis.text[sent[0]:sent[1]].strip(),
                    json.dumps(ev.participants, ensure_ascii=False), ev.place,
                    *_when_columns(ev.when),
                ),
            )

    # -- reading ---------------------------------------------------------------------------
    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def count(self, table: str) -> int:
        if table not in {"articles", "entities", "events", "stories", "quotes", "timexes", "event_mentions", "mentions"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
