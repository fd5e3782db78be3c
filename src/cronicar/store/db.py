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

SCHEMA_VERSION = 7

# Migrations from version N to N+1; index 0 creates the schema.  New versions append a function.
Migration = Callable[[sqlite3.Connection], None]


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript(_schema_sql())


def _quotes_by_article(conn: sqlite3.Connection) -> None:
    """v2: quotes indexed by article, so moving an entity inside a story (``link/persons.py``,
    ``link/variants.py``) reads the story's quotes, not the whole table."""
    conn.execute("CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id)")


def _search_by_rowid(conn: sqlite3.Connection) -> None:
    """v3: full-text search kept by triggers in the writing transaction, keyed by rowid.

    Before: ``search_index`` (kind and ref as UNINDEXED columns) was filled only by the HTTP
    ingest, and re-indexing deleted by a full scan of those columns.  Drops it, creates the
    tables, view and triggers of schema.sql, and indexes what the file already holds.
    """
    from cronicar.store import search

    conn.execute("DROP TABLE IF EXISTS search_index")
    for statement in _statements(_schema_sql()):
        conn.execute(statement)
    search.fill(conn)


def _schema_sql() -> str:
    return resources.files("cronicar.store").joinpath("schema.sql").read_text("utf-8")


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script one by one (``executescript`` would COMMIT the migration's
    transaction first; trigger bodies hold ``;`` so a plain split would cut them)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""


def _event_headlines(conn: sqlite3.Connection) -> None:
    """v4: an event mention and an event carry every cue type of their happening (``types``, JSON,
    the primary ``type`` first) and a short headline (issue 18: one row per happening, scannable);
    a mention that tells the same happening as another of its sentence points to it (``part_of``:
    that mention's trigger start) and shares its event."""
    for table in ("event_mentions", "events"):
        cols = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if "types" not in cols:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN types TEXT")
        if "headline" not in cols:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN headline TEXT")
    cols = {r[1] for r in conn.execute("PRAGMA table_info(event_mentions)")}
    if "part_of" not in cols:
        conn.execute("ALTER TABLE event_mentions ADD COLUMN part_of INTEGER")


def _linker_tables(conn: sqlite3.Connection) -> None:
    """v5: the linker's tables (person tokens, entity keys, story profiles, article terms) are in
    schema.sql, created with the store; before, each link module created its own on first use, so
    a file may hold some of them already (every statement is IF NOT EXISTS)."""
    for statement in _statements(_schema_sql()):
        if statement.startswith("CREATE TABLE") or statement.startswith("CREATE INDEX"):
            conn.execute(statement)


def _lead_day(conn: sqlite3.Connection) -> None:
    """v6: an event mention of the lead left undated for want of a time of its own says so
    (``lead_day``): story linking takes its article's day as its time, as when such acts were
    put on that day (issue 21: no longer a date shown)."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(event_mentions)")}
    if "lead_day" not in cols:
        conn.execute("ALTER TABLE event_mentions ADD COLUMN lead_day INTEGER")


def _event_announces(conn: sqlite3.Connection) -> None:
    """v7: a statement mention that announces another mention's happening of its sentence points
    to it (``announces``: that mention's trigger start); a timeline shows the happening once,
    "announced <day> by X" (issue 18; ``store/events.announcing``)."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(event_mentions)")}
    if "announces" not in cols:
        conn.execute("ALTER TABLE event_mentions ADD COLUMN announces INTEGER")


MIGRATIONS: list[Migration] = [_create, _quotes_by_article, _search_by_rowid, _event_headlines, _linker_tables,
                               _lead_day, _event_announces]


def _when_columns(when: dict | None) -> tuple[str | None, str | None, str | None]:
    """A statement's or event's date (``{"value", "interval"}``) as its three store columns."""
    when = when or {}
    interval = when.get("interval") or [None, None]
    return when.get("value"), interval[0], interval[1]


def ensure_write_indexes(conn: sqlite3.Connection) -> None:
    """Indexes the write path looks corrections up by: an article's external id is unique per
    source, and its URL is indexed.  Idempotent, created at every writable open (no schema version:
    an index adds no data).  A store that already holds duplicate external ids (written before
    this rule) keeps a plain index; new duplicates are replaced at write time either way.

    Why BEGIN IMMEDIATE: in autocommit each CREATE reads the schema, then upgrades to a write; in
    WAL mode, when another process (a second ``cronicar ingest`` opening the same new file) has
    committed in between, that upgrade fails at once with "database is locked", the busy timeout
    never consulted.  Taking the write lock first waits for the other instead."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS articles_external ON articles(source, external_id)"
                     " WHERE external_id IS NOT NULL")
    except sqlite3.IntegrityError:
        conn.execute("CREATE INDEX IF NOT EXISTS articles_external_any ON articles(source, external_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL")
    conn.commit()


def _if_table(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> None:
    """Run ``sql`` on a table the linker creates on first use (absent in a store never linked)."""
    try:
        conn.execute(sql, params)
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise


def _drop_empty(conn: sqlite3.Connection, table: str, ids: list[str], still_used: str) -> None:
    """Delete the rows of ``table`` among ``ids`` that nothing uses any more."""
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        conn.execute(f"DELETE FROM {table} WHERE id IN ({','.join('?' * len(chunk))}) AND NOT EXISTS ({still_used})",
                     chunk)


def default_db_path() -> Path:
    """``$CRONICAR_DB`` if set, else ``cronicar.db`` in the working directory.

    A file next to the user's work is what they expect from a tool like datasette or sqlite3;
    the environment variable lets scripts and the web server agree without flags.
    """
    import os

    return Path(os.environ.get("CRONICAR_DB", "cronicar.db"))


class OutdatedStore(Exception):
    """A file written by an older schema that cannot be migrated (e.g. read-only on disk)."""


def _bring_up_to_date(path: Path) -> None:
    """Migrate an older file before a read-only open.

    Why: the read paths (export, timeline, serve) query the current schema's columns, so a file
    written by an earlier cronicar would fail mid-query; migrations only add columns, tables and
    indexes, each in its own transaction, so nothing stored changes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError:
        return  # not a cronicar file (or not SQLite): a read command must not write into it
    finally:
        conn.close()
    if row is None or int(row[0]) >= SCHEMA_VERSION:
        return
    try:
        Store(path).close()
    except (sqlite3.OperationalError, OSError) as exc:
        raise OutdatedStore(
            f"{path}: written by an older cronicar (schema {row[0]}, now {SCHEMA_VERSION}) "
            f"and cannot be updated here ({exc}); run `cronicar ingest --db {path}` with write access") from exc


class Store:
    """A cronicar database.  Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly:
            if not self.path.exists():
                raise FileNotFoundError(f"{self.path}: no such database (run `cronicar ingest` first)")
            _bring_up_to_date(self.path)
            uri = f"file:{self.path}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # a second ingest opening a new file waits for the first one's migration (30 s, not 5)
            self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=5000")
        if not readonly:
            self.migrate()
            ensure_write_indexes(self.conn)

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

    @contextmanager
    def writer(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the database's writer lock (``<db>.lock``, flock) for a whole ingest.

        Why: two ingests of overlapping files into one file each read "not stored yet", analyze,
        then both write the same article.  With the lock the second waits (``on_wait`` is called
        once if it has to) and then skips what the first stored: the same database as one batch.
        The lock is the kernel's, so a killed writer (kill -9) releases it."""
        try:
            import fcntl
        except ImportError:  # not POSIX: SQLite's own locking still keeps the file intact
            yield
            return
        with open(f"{self.path}.lock", "a+b") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait:
                    on_wait()
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

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
            if not (ev.happened or ev.scheduled):
                continue  # "nu a declarat", "ar putea semna", "va câștiga": not happenings
            sent = ev.sentence or analysis.sentence_of(ev.trigger[0])
            conn.execute(
                "INSERT OR IGNORE INTO event_mentions(article_id, trigger_start, trigger_end,"
                " sent_start, sent_end, type, summary, participants, place, when_value, when_start,"
                " when_end, types, headline, part_of, lead_day, announces) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id, ev.trigger[0], ev.trigger[1], sent[0], sent[1], ev.type,
                    ev.summary or analysis.text[sent[0]:sent[1]].strip(),
                    json.dumps(ev.participants, ensure_ascii=False), ev.place,
                    *_when_columns(ev.when), json.dumps(ev.types or [ev.type]), ev.headline or None,
                    ev.part_of, int(ev.lead_day) or None, ev.announces,
                ),
            )

    def update_metadata(self, article: Article) -> bool:
        """A stored article read again with a new title, url or external id (same text and date):
        keep the new values (the text's analysis is unchanged).  True if anything changed; its own
        transaction, opened only then (re-reading a stored folder writes nothing)."""
        row = self.conn.execute("SELECT title, url, external_id FROM articles WHERE id=?", (article.id,)).fetchone()
        if row is None:
            return False
        new = (article.title or row[0], article.url or row[1], article.external_id or row[2])
        if new == tuple(row):
            return False
        with self.transaction() as conn:
            self.replace_earlier(conn, article)  # the new url/id may be another article's
            conn.execute("UPDATE articles SET title=?, url=?, external_id=? WHERE id=?", (*new, article.id))
        return True

    def earlier_versions(self, conn: sqlite3.Connection, article: Article) -> list[str]:
        """Stored articles that ``article`` corrects: the same external id from the same source, or
        the same URL, with another text or date (so another content id)."""
        rows = conn.execute(
            "SELECT id FROM articles WHERE id != :id AND ((:xid IS NOT NULL AND source = :source"
            " AND external_id = :xid) OR (:url IS NOT NULL AND url = :url))",
            {"id": article.id, "xid": article.external_id, "source": article.source, "url": article.url},
        ).fetchall()
        return [r[0] for r in rows]

    def replace_earlier(self, conn: sqlite3.Connection, article: Article) -> list[str]:
        """Delete the stored versions ``article`` corrects (call right before writing it, in the
        same transaction); returns their ids."""
        old = self.earlier_versions(conn, article)
        for article_id in old:
            self.delete_article(conn, article_id)
        return old

    def delete_article(self, conn: sqlite3.Connection, article_id: str) -> None:
        """Remove one article and everything built from it alone (inside the caller's transaction).

        Its timexes, mentions, quotes and event mentions go with it (ON DELETE CASCADE); events,
        entities and a story left with nothing go too, and its story's dates are recomputed.  The
        linker's running statistics (term and entity counts of ``link/index.py``) keep the old
        version's counts: a bias of one article in the similarity weights, not in what is shown."""
        row = conn.execute("SELECT story_id FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            return
        story = row[0]
        events = [r[0] for r in conn.execute(
            "SELECT DISTINCT event_id FROM event_mentions WHERE article_id=? AND event_id IS NOT NULL", (article_id,))]
        entities = [r[0] for r in conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE article_id=?", (article_id,))]
        conn.execute("DELETE FROM articles WHERE id=?", (article_id,))  # triggers drop its search rows
        _drop_empty(conn, "events", events, "SELECT 1 FROM event_mentions WHERE event_id = events.id")
        _drop_empty(conn, "entities", entities, "SELECT 1 FROM mentions WHERE entity_id = entities.id UNION ALL "
                                                "SELECT 1 FROM quotes WHERE speaker_entity = entities.id")
        for table in ("article_vectors",):
            _if_table(conn, f"DELETE FROM {table} WHERE article_id=?", (article_id,))
        if story is not None:
            self._shrink_story(conn, story)

    def _shrink_story(self, conn: sqlite3.Connection, story: str) -> None:
        """After an article left ``story``: its dates from the articles left, or gone if none is."""
        left = conn.execute("SELECT min(date_start), max(date_end), count(*) FROM articles WHERE story_id=?",
                            (story,)).fetchone()
        if left[2]:
            conn.execute("UPDATE stories SET first_date=?, last_date=? WHERE id=?", (left[0], left[1], story))
            _if_table(conn, "UPDATE story_profiles SET size=max(size-1, 1) WHERE story_id=?", (story,))
            return
        conn.execute("DELETE FROM events WHERE story_id=? AND NOT EXISTS"
                     " (SELECT 1 FROM event_mentions WHERE event_id = events.id)", (story,))
        conn.execute("DELETE FROM stories WHERE id=?", (story,))
        for table in ("story_profiles", "story_entities", "story_terms"):
            _if_table(conn, f"DELETE FROM {table} WHERE story_id=?", (story,))

    # -- reading ---------------------------------------------------------------------------
    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def count(self, table: str) -> int:
        if table not in {"articles", "entities", "events", "stories", "quotes", "timexes", "event_mentions", "mentions"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
