"""The story index the linker keeps (tables in store/schema.sql, rows through store/linking.py):
what a candidate is scored on and the corpus statistics that weigh it.

Why an index: a new article must be compared only with candidate stories found through what it
shares with them (entities, salient lemmas) or through recency, so the per-article cost depends on
the caps below, not on the corpus.  Why a profile row per story: scoring a candidate must read a
fixed-size summary (top entities, top terms, embedding sum), never the story's articles; the
profile is rewritten once per article that joins, from bounded ``ORDER BY n DESC LIMIT`` reads.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from cronicar.store import linking as store

PROFILE_ENTITIES = 30
PROFILE_TERMS = 90
PROFILE_TERMS_PER_LANG = 40
PER_KEY = 10  # most recent stories fetched per query entity / term


@dataclass
class Profile:
    """Fixed-size summary of a story, all a candidate is scored on."""

    story_id: str
    size: int
    last_date: str
    ents: dict[str, float]
    terms: dict[str, float]
    vec: np.ndarray | None = field(default=None, repr=False)  # sum of member unit vectors


def ensure(conn: sqlite3.Connection) -> None:
    """Ready the connection for linking: a page cache that holds the index's working set (the
    tables are the schema's)."""
    store.size_cache(conn)


def idf(conn: sqlite3.Connection, terms: list[str], lang: str, drop_common: bool = True) -> dict[str, float]:
    """Smoothed IDF of ``terms`` among the articles of ``lang`` linked so far (one query per 500);
    a term never seen before gets -1: it can match no story, so callers leave it out."""
    docs = store.count(conn, "docs:" + lang)
    df = store.dfs(conn, terms)
    # Terms in more than half the articles are function words: weight 0 (no stop-word lists needed).
    common = drop_common and docs >= 50
    return {t: -1.0 if t not in df else 0.0 if common and 2 * df[t] > docs
            else math.log((1 + docs) / (1 + df[t])) + 1.0 for t in terms}


def doc_count(conn: sqlite3.Connection, lang: str) -> int:
    """Articles of ``lang`` linked so far."""
    return store.count(conn, "docs:" + lang)


def count_terms(conn: sqlite3.Connection, terms: list[str], lang: str) -> None:
    """Add one article's distinct terms to the document frequencies."""
    store.add_dfs(conn, terms)
    store.bump(conn, "docs:" + lang)


def recent_stories(conn: sqlite3.Connection, table: str, col: str, keys: list[str]) -> dict[str, int]:
    """story -> number of ``keys`` it shares, over each key's ``PER_KEY`` most recent stories."""
    hits: dict[str, int] = {}
    for k in keys:
        for sid in store.recent_stories(conn, table, col, k, PER_KEY):
            hits[sid] = hits.get(sid, 0) + 1
    return hits


def latest_stories(conn: sqlite3.Connection, n: int) -> list[str]:
    """The ``n`` stories most recently added to (candidates when nothing is shared)."""
    return store.latest_stories(conn, n)


def profiles(conn: sqlite3.Connection, story_ids: list[str]) -> list[Profile]:
    """Profiles of the given stories (one query; rows are fixed-size)."""
    if not story_ids:
        return []
    out = []
    for sid, size, last, ents, terms, vec in store.profile_rows(conn, story_ids):
        v = np.frombuffer(vec, dtype=np.float32) if vec else None
        out.append(Profile(sid, size, last or "", json.loads(ents), json.loads(terms), v))
    return out


def add_article(conn: sqlite3.Connection, story_id: str, ents: dict[str, int], terms: dict[str, int],
                day: str) -> None:
    """Add an article's entity and salient-term counts to a story's index rows."""
    store.add_counts(conn, story_id, ents, terms, day)


def entity_weight(key: str) -> float:
    """People identify a story best, organisations next, countries least (many stories share one)."""
    kind = key.split(":", 1)[0]
    return {"person": 2.0, "org": 1.0, "gpe": 0.7, "cc": 0.7}.get(kind, 0.5)


#: a person or organisation named in more than this share of the articles linked so far names no story
COMMON_NAME_SHARE = 0.05
COMMON_NAME_MIN_DOCS = 50
_NAMED = ("person:", "org:")
#: the press's own country (CLDR likely territory of each language linked so far: România for
#: Romanian) counts as a common name too; other countries and cities keep their weight
HOME_COUNTRIES_COMMON = True


@lru_cache(maxsize=None)
def home_key(lang: str) -> str | None:
    """``cc:<ISO>`` of the country a language's press is most likely from (CLDR likely subtags:
    ro -> RO, it -> IT, en -> US): every report of that press names it."""
    try:
        from babel.core import get_global

        tag = get_global("likely_subtags").get(lang, "")
    except Exception:
        return None
    region = tag.split("_")[-1] if tag.count("_") >= 2 else ""
    return f"cc:{region}" if len(region) == 2 else None


def _homes(conn: sqlite3.Connection) -> set[str]:
    """The home countries of the languages linked so far."""
    langs = store.linked_langs(conn)
    return {h for h in map(home_key, langs) if h}


def count_names(conn: sqlite3.Connection, keys: list[str]) -> None:
    """Add one article's person and organisation keys (and home countries) to their document
    frequencies."""
    homes = _homes(conn) if HOME_COUNTRIES_COMMON else set()
    names = [k for k in keys if k.startswith(_NAMED) or k in homes]
    store.add_dfs(conn, ["@" + k for k in names])
    store.bump(conn, "named_docs")


def name_weights(conn: sqlite3.Connection, keys: list[str]) -> dict[str, float]:
    """A factor per person or organisation key, 1 unless it is common: named in more than
    :data:`COMMON_NAME_SHARE` of the articles so far (once :data:`COMMON_NAME_MIN_DOCS` are
    linked), it falls with its IDF (``log(1/share) / log(1/COMMON_NAME_SHARE)``: 0.46 at a quarter
    of them, 0.23 at half, never under 0.1).
    Why: business news name the exchange ("Bursa de Valori București") in every other report, and
    a story keyed on it swallows every report of the market (a hub of 136 of 500 ZF articles);
    a name that common tells no story apart.  The press's own country counts the same way
    (România in 44% of those articles chained a story of 31); other countries and cities keep
    their weight: on ML-Crisis the country is the story."""
    homes = _homes(conn) if HOME_COUNTRIES_COMMON else set()
    names = [k for k in keys if k.startswith(_NAMED) or k in homes]
    if not names:
        return {}
    docs = store.count(conn, "named_docs")
    if docs < COMMON_NAME_MIN_DOCS:
        return {}
    out = {}
    for term, df in store.dfs(conn, ["@" + k for k in names]).items():
        share = df / docs
        if share > COMMON_NAME_SHARE:
            out[term[1:]] = max(0.1, math.log(1 / share) / math.log(1 / COMMON_NAME_SHARE))
    return out


def refresh_profile(conn: sqlite3.Connection, story_id: str, day: str, vec: np.ndarray | None,
                    added: int = 1) -> None:
    """Rewrite a story's profile after ``added`` articles joined (bounded reads)."""
    counts = store.top_counts(conn, "story_entities", "entity_id", story_id, PROFILE_ENTITIES)
    common = name_weights(conn, [e for e, _ in counts])
    ents = {e: entity_weight(e) * common.get(e, 1.0) * n for e, n in counts}
    # The most frequent terms, re-ranked by TF-IDF: words the story repeats that the corpus does not.
    rows = store.top_counts(conn, "story_terms", "term", story_id, 2 * PROFILE_TERMS)
    weights: dict[str, float] = {}
    by_lang: dict[str, list[str]] = {}
    for t, _ in rows:
        by_lang.setdefault(t.split(":", 1)[0], []).append(t)
    for lg, ts in by_lang.items():
        weights.update(idf(conn, ts, lg))
    # A quota per language, so the French reports of a mostly Spanish story still have terms to match.
    ranked = sorted(((math.log1p(n) * weights[t], t) for t, n in rows if weights[t] > 0), reverse=True)
    quota: dict[str, int] = {}
    terms: dict[str, float] = {}
    for w, t in ranked:
        lg = t.split(":", 1)[0]
        if quota.get(lg, 0) < PROFILE_TERMS_PER_LANG and len(terms) < PROFILE_TERMS:
            quota[lg] = quota.get(lg, 0) + 1
            terms[t] = w
    cur = store.profile(conn, story_id)
    size, last, total = (cur[0], cur[1] or "", np.frombuffer(cur[2], dtype=np.float32)
                         if cur and cur[2] else None) if cur else (0, "", None)
    if vec is not None:
        total = vec.astype(np.float32) if total is None else total + vec
    store.write_profile(conn, story_id, size + added, max(last, day or ""), ents, terms,
                        total.astype(np.float32).tobytes() if total is not None else None)


def article_vector(conn: sqlite3.Connection, article_id: str) -> np.ndarray | None:
    """The cached lead embedding of an article, if computed ahead."""
    vec = store.article_vector(conn, article_id)
    return np.frombuffer(vec, dtype=np.float32) if vec is not None else None


def store_vectors(conn: sqlite3.Connection, rows: list[tuple[str, np.ndarray]]) -> None:
    """Cache lead embeddings computed ahead (e.g. in a batch, which is faster than one by one)."""
    store.put_vectors(conn, [(a, np.asarray(v, dtype=np.float32).tobytes()) for a, v in rows])
