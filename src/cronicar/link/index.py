"""Index tables the linker owns (created on demand, idempotent).

Why an index: a new article must be compared only with candidate stories that share an entity,
so the per-article cost depends on the size of the candidate set, not of the corpus.
"""

from __future__ import annotations

import sqlite3

DDL = """
CREATE TABLE IF NOT EXISTS story_entities (
    entity_id TEXT NOT NULL, story_id TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0,
    last_date TEXT, PRIMARY KEY (entity_id, story_id)
);
CREATE INDEX IF NOT EXISTS story_entities_story ON story_entities(story_id, n);
CREATE INDEX IF NOT EXISTS story_entities_recent ON story_entities(entity_id, last_date);
"""


def ensure(conn: sqlite3.Connection) -> None:
    """Create the linker's index tables if missing (no-op afterwards)."""
    for stmt in DDL.strip().split(";"):
        if stmt.strip():
            conn.execute(stmt)
