"""Reads of the linker's running counts (``term_df``, ``link_counts``) that the story guard needs.

The counts themselves are written by :mod:`cronicar.link.index` (name and term document
frequencies over the articles linked so far); these are read-only queries over them.
"""

from __future__ import annotations

import sqlite3


def name_shares(conn: sqlite3.Connection, keys: list[str]) -> tuple[dict[str, float], int]:
    """The share of the articles linked so far that name each entity key (0 for a key never
    counted), and how many articles that is over."""
    row = conn.execute("SELECT n FROM link_counts WHERE key='named_docs'").fetchone()
    docs = row[0] if row else 0
    if not keys or not docs:
        return {k: 0.0 for k in keys}, docs
    q = "SELECT term, df FROM term_df WHERE term IN (%s)" % ",".join("?" * len(keys))
    found = {term[1:]: df / docs for term, df in conn.execute(q, ["@" + k for k in keys])}
    return {k: found.get(k, 0.0) for k in keys}, docs
