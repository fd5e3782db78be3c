"""What the story linker remembers of each article and reads back (``link/evidence``): subject
terms and entity keys, and the happenings an article and a story hold."""

from __future__ import annotations

import json
import sqlite3


def remember_terms(conn: sqlite3.Connection, article_id: str, terms: list[str], ents: list[str]) -> None:
    conn.execute("INSERT OR REPLACE INTO article_link_terms(article_id, terms, ents) VALUES (?,?,?)",
                 (article_id, json.dumps(terms), json.dumps(ents)))


def latest_terms(conn: sqlite3.Connection, story_id: str,
                 n: int) -> list[tuple[str, str, list[str], list[str], str]]:
    """(article id, first day, subject terms, entity keys, title or first line) of the story's
    ``n`` latest articles, latest first."""
    return [(a, (d or "")[:10], json.loads(t), json.loads(e), h or "") for a, d, t, e, h in conn.execute(
        "SELECT a.id, a.date_start, t.terms, t.ents, coalesce(nullif(a.title, ''), substr(a.text, 1, ?)) "
        "FROM articles a JOIN article_link_terms t ON t.article_id=a.id "
        "WHERE a.story_id=? ORDER BY a.date_start DESC, a.id DESC LIMIT ?", (HEADLINE_CHARS, story_id, n))]


HEADLINE_CHARS = 160  # an article without a title: its first line stands for it


def stories_of_days(conn: sqlite3.Connection, first: str, last: str) -> list[tuple[str, str]]:
    """(story id, title or first line) of the linked articles of the days ``first``..``last``
    (bounded by a few days' news, not by the corpus)."""
    return [(sid, h or "") for sid, h in conn.execute(
        "SELECT story_id, coalesce(nullif(title, ''), substr(text, 1, ?)) FROM articles "
        "WHERE date_start BETWEEN ? AND ? AND story_id IS NOT NULL", (HEADLINE_CHARS, first, last + "~"))]


def articles_happenings(conn: sqlite3.Connection, article_ids: list[str],
                        max_days: int) -> dict[str, list[tuple[str, list[str], str | None, str | None, int, bool]]]:
    """(type, participants, first day, last day, the sentence's offset, whether the text dates it)
    of each article's event mentions that are not statements and are dated to a span of at most
    ``max_days`` days, or are undated acts of the lead, of their article's day (``lead_day``: the
    day they were reported, not a day the text gives)."""
    out: dict[str, list[tuple[str, list[str], str | None, str | None, int, bool]]] = {a: [] for a in article_ids}
    if not article_ids:
        return out
    q = ("SELECT m.article_id, m.type, m.participants, COALESCE(m.when_start, a.date_start),"
         " COALESCE(m.when_end, m.when_start, a.date_end, a.date_start), m.sent_start, m.when_start IS NOT NULL"
         " FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.type!='statement'"
         " AND (julianday(m.when_end) - julianday(m.when_start) <= ? OR m.lead_day = 1)"
         " AND m.article_id IN (%s)" % ",".join("?" * len(article_ids)))
    for a, t, p, w, e, at, dated in conn.execute(q, [max_days, *article_ids]):
        out[a].append((t, json.loads(p), w, e, at, bool(dated)))
    return out


# -- the story index (link/index decides the weights; these are its rows) --------------------------

CACHE_KIB = 32768  # SQLite page cache for the linker's working set (default 2 MiB: index pages miss)


def size_cache(conn: sqlite3.Connection) -> None:
    """Size the page cache so the B-tree pages of the index tables stay in memory as they grow
    (bounded: :data:`CACHE_KIB`)."""
    if conn.execute("PRAGMA cache_size").fetchone()[0] > -CACHE_KIB:
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")


def count(conn: sqlite3.Connection, key: str) -> int:
    """A running count of ``link_counts`` (``docs:<lang>``, ``named_docs``), 0 when absent."""
    row = conn.execute("SELECT n FROM link_counts WHERE key=?", (key,)).fetchone()
    return row[0] if row else 0


def bump(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("INSERT INTO link_counts(key, n) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET n=n+1", (key,))


def linked_langs(conn: sqlite3.Connection) -> list[str]:
    """The languages of the articles linked so far."""
    return [k[5:] for (k,) in conn.execute("SELECT key FROM link_counts WHERE key LIKE 'docs:%'")]


def dfs(conn: sqlite3.Connection, terms: list[str]) -> dict[str, int]:
    """Document frequency of each of ``terms`` that has one (one query per 500)."""
    df: dict[str, int] = {}
    for i in range(0, len(terms), 500):
        chunk = terms[i:i + 500]
        q = "SELECT term, df FROM term_df WHERE term IN (%s)" % ",".join("?" * len(chunk))
        df.update(conn.execute(q, chunk).fetchall())
    return df


def add_dfs(conn: sqlite3.Connection, terms: list[str]) -> None:
    """One more document for each of ``terms``."""
    conn.executemany("INSERT INTO term_df(term, df) VALUES (?, 1) "
                     "ON CONFLICT(term) DO UPDATE SET df=df+1", [(t,) for t in terms])


_KEYED = {("story_entities", "entity_id"), ("story_terms", "term")}


def recent_stories(conn: sqlite3.Connection, table: str, col: str, key: str, n: int) -> list[str]:
    """The ``n`` stories that last had ``key`` in ``table`` (entities or terms)."""
    if (table, col) not in _KEYED:
        raise ValueError(table)
    return [r[0] for r in conn.execute(
        f"SELECT story_id FROM {table} WHERE {col}=? ORDER BY last_date DESC LIMIT {int(n)}", (key,))]


def latest_stories(conn: sqlite3.Connection, n: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT story_id FROM story_profiles ORDER BY last_date DESC LIMIT ?", (n,))]


def profile_rows(conn: sqlite3.Connection, story_ids: list[str]) -> list[tuple]:
    """(story_id, size, last_date, ents JSON, terms JSON, vec bytes) of the given stories."""
    q = ("SELECT story_id, size, last_date, ents, terms, vec FROM story_profiles WHERE story_id IN (%s)"
         % ",".join("?" * len(story_ids)))
    return conn.execute(q, story_ids).fetchall()


def add_counts(conn: sqlite3.Connection, story_id: str, ents: dict[str, int], terms: dict[str, int], day: str) -> None:
    """Add an article's entity and term counts to a story's rows."""
    conn.executemany(
        "INSERT INTO story_entities(entity_id, story_id, n, last_date) VALUES (?,?,?,?) "
        "ON CONFLICT(entity_id, story_id) DO UPDATE SET n=n+excluded.n, "
        "last_date=max(coalesce(last_date,''), excluded.last_date)",
        [(e, story_id, n, day) for e, n in ents.items()])
    conn.executemany(
        "INSERT INTO story_terms(term, story_id, n, last_date) VALUES (?,?,?,?) "
        "ON CONFLICT(term, story_id) DO UPDATE SET n=n+excluded.n, "
        "last_date=max(coalesce(last_date,''), excluded.last_date)",
        [(t, story_id, n, day) for t, n in terms.items()])


def top_counts(conn: sqlite3.Connection, table: str, col: str, story_id: str, n: int) -> list[tuple[str, int]]:
    """The story's ``n`` most counted entities or terms, with their counts."""
    if (table, col) not in _KEYED:
        raise ValueError(table)
    return conn.execute(f"SELECT {col}, n FROM {table} WHERE story_id=? ORDER BY n DESC LIMIT ?",
                        (story_id, n)).fetchall()


def profile(conn: sqlite3.Connection, story_id: str) -> tuple | None:
    """(size, last_date, vec bytes) of a story's profile, or None."""
    return conn.execute("SELECT size, last_date, vec FROM story_profiles WHERE story_id=?", (story_id,)).fetchone()


def write_profile(conn: sqlite3.Connection, story_id: str, size: int, last: str, ents: dict[str, float],
                  terms: dict[str, float], vec: bytes | None) -> None:
    conn.execute(
        "INSERT INTO story_profiles(story_id, size, last_date, ents, terms, vec) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(story_id) DO UPDATE SET size=excluded.size, last_date=excluded.last_date, "
        "ents=excluded.ents, terms=excluded.terms, vec=excluded.vec",
        (story_id, size, last, json.dumps(ents), json.dumps(terms), vec))


def article_vector(conn: sqlite3.Connection, article_id: str) -> bytes | None:
    row = conn.execute("SELECT vec FROM article_vectors WHERE article_id=?", (article_id,)).fetchone()
    return row[0] if row else None


def put_vectors(conn: sqlite3.Connection, rows: list[tuple[str, bytes]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO article_vectors(article_id, vec) VALUES (?,?)", rows)


def lead_days(conn: sqlite3.Connection, article_ids: list[str], chars: int) -> dict[str, str | None]:
    """The day (YYYY-MM-DD) of each article's first time expression within its first ``chars``
    characters that names a day ("marți", "ieri", "ora 15:50"), or None: the day its lead says it
    tells of, which a next morning's edition gives as "ieri"."""
    out: dict[str, str | None] = {a: None for a in article_ids}
    if not article_ids:
        return out
    q = ("SELECT article_id, value FROM timexes WHERE article_id IN (%s) AND start < ? ORDER BY article_id, start"
         % ",".join("?" * len(article_ids)))
    for aid, value in conn.execute(q, [*article_ids, chars]):
        if out[aid] is None and len(value or "") >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
            out[aid] = value[:10]
    return out
