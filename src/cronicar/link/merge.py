"""Merging two stories when a later article bridges them.

Why: linking is greedy and incremental, so two early reports of one story can start two stories
before anything connects them; an article close to both is the evidence that they are one.  The
smaller story moves into the larger one, so an article moves O(log n) times over its life.  The
SQL is :mod:`cronicar.store.stories`.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from cronicar.link import index
from cronicar.store import stories as store


def merge(conn: sqlite3.Connection, keep: str, gone: str) -> None:
    """Move story ``gone`` (articles, events, index rows, profile) into ``keep``."""
    if keep == gone:
        return
    profile = store.move_story(conn, keep, gone)
    if profile is not None:
        size, last, vec = profile
        v = np.frombuffer(vec, dtype=np.float32) if vec else None
        index.refresh_profile(conn, keep, last or "", v, added=size)
    store.absorb_dates(conn, keep, gone)
