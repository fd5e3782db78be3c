"""Merging two stories when a later article bridges them.

Why: linking is greedy and incremental, so two early reports of one story can start two stories
before anything connects them; an article close to both is the evidence that they are one.  The
smaller story moves into the larger one, so an article moves O(log n) times over its life.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from cronicar.link import index


def merge(conn: sqlite3.Connection, keep: str, gone: str) -> None:
    """Move story ``gone`` (articles, events, index rows, profile) into ``keep``."""
    if keep == gone:
        return
    conn.execute("UPDATE articles SET story_id=? WHERE story_id=?", (keep, gone))
    conn.execute("UPDATE events SET story_id=? WHERE story_id=?", (keep, gone))
    for table, col in (("story_entities", "entity_id"), ("story_terms", "term")):
        conn.execute(
            f"INSERT INTO {table}({col}, story_id, n, last_date) SELECT {col}, ?, n, last_date "
            f"FROM {table} WHERE story_id=? ON CONFLICT({col}, story_id) DO UPDATE SET n=n+excluded.n, "
            "last_date=max(coalesce(last_date,''), excluded.last_date)", (keep, gone))
        conn.execute(f"DELETE FROM {table} WHERE story_id=?", (gone,))
    row = conn.execute("SELECT size, last_date, vec FROM story_profiles WHERE story_id=?", (gone,)).fetchone()
    if row is not None:
        size, last, vec = row
        v = np.frombuffer(vec, dtype=np.float32) if vec else None
        conn.execute("DELETE FROM story_profiles WHERE story_id=?", (gone,))
        index.refresh_profile(conn, keep, last or "", v, added=size)
    st = conn.execute("SELECT first_date, last_date FROM stories WHERE id=?", (gone,)).fetchone()
    if st is not None:
        conn.execute("UPDATE stories SET first_date=min(coalesce(first_date,?),?), "
                     "last_date=max(coalesce(last_date,?),?) WHERE id=?", (st[0], st[0], st[1], st[1], keep))
        conn.execute("DELETE FROM stories WHERE id=?", (gone,))
