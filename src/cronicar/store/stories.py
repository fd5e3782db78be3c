"""Stories: moving one story into another (``link/merge`` decides when), reading a story's rows."""

from __future__ import annotations

import sqlite3

LEAD_CHARS = 4000  # an article's opening read for its lead (link/keydates.lead_end): three sentences fit


def move_story(conn: sqlite3.Connection, keep: str, gone: str) -> tuple[int, str | None, bytes | None] | None:
    """Move story ``gone``'s articles, events and term/entity counts into ``keep``, widen
    ``keep``'s dates and delete ``gone``; returns ``gone``'s profile (size, last date, vector
    bytes), removed from the store, for the caller to fold into ``keep``'s, or None."""
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
        conn.execute("DELETE FROM story_profiles WHERE story_id=?", (gone,))
    return tuple(row) if row is not None else None  # type: ignore[return-value]


def absorb_dates(conn: sqlite3.Connection, keep: str, gone: str) -> None:
    """``keep``'s first and last dates widened to ``gone``'s; ``gone`` deleted."""
    st = conn.execute("SELECT first_date, last_date FROM stories WHERE id=?", (gone,)).fetchone()
    if st is not None:
        conn.execute("UPDATE stories SET first_date=min(coalesce(first_date,?),?), "
                     "last_date=max(coalesce(last_date,?),?) WHERE id=?", (st[0], st[0], st[1], st[1], keep))
        conn.execute("DELETE FROM stories WHERE id=?", (gone,))


def stories(conn: sqlite3.Connection, story: str | None = None) -> list[sqlite3.Row]:
    """Every story (or one), by first date then id."""
    where, params = ("WHERE id = ?", (story,)) if story else ("", ())
    return conn.execute(f"SELECT * FROM stories {where} ORDER BY first_date, id", params).fetchall()


def story_list(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every story with its article and event counts, latest first."""
    return conn.execute(
        "SELECT s.id, s.title, s.first_date, s.last_date,"
        " (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS n_articles,"
        " (SELECT count(*) FROM events e WHERE e.story_id = s.id) AS n_events"
        " FROM stories s ORDER BY s.last_date DESC, s.id").fetchall()


# -- linking (link/stories and link/keydates decide; these read and write the rows) ---------------


def article_to_link(conn: sqlite3.Connection, article_id: str) -> tuple | None:
    """(story_id, date_start, date_end, title, text, lang) of an article, or None."""
    return conn.execute("SELECT story_id, date_start, date_end, title, text, lang FROM articles WHERE id=?",
                        (article_id,)).fetchone()


def set_story(conn: sqlite3.Connection, article_id: str, story_id: str) -> None:
    conn.execute("UPDATE articles SET story_id=? WHERE id=?", (story_id, article_id))


def profile_sizes(conn: sqlite3.Connection, story_ids: tuple[str, ...]) -> dict[str, int]:
    """Story id -> how many articles its profile holds (stories without a profile left out)."""
    return dict(conn.execute(f"SELECT story_id, size FROM story_profiles WHERE story_id IN "
                             f"({','.join('?' * len(story_ids))})", story_ids).fetchall())


def upsert_story(conn: sqlite3.Connection, story_id: str, title: str, first: str, last: str) -> None:
    """A new story with ``title`` and dates, or an existing one's dates widened to [first, last]."""
    if conn.execute("SELECT 1 FROM stories WHERE id=?", (story_id,)).fetchone() is None:
        conn.execute("INSERT INTO stories(id, title, first_date, last_date) VALUES (?,?,?,?)",
                     (story_id, title, first, last))
    else:
        conn.execute("UPDATE stories SET first_date=min(coalesce(first_date,?),?), "
                     "last_date=max(coalesce(last_date,?),?) WHERE id=?", (first, first, last, last, story_id))


def article_outlets(conn: sqlite3.Connection, story_id: str) -> list[tuple[str, str, str, str | None, str]]:
    """(id, date_start, source, url, opening) of the story's articles; ``opening``: the first
    ``LEAD_CHARS`` characters of the text (where its lead is)."""
    return conn.execute("SELECT id, date_start, source, url, substr(text, 1, ?) FROM articles WHERE story_id=?",
                        (LEAD_CHARS, story_id)).fetchall()


def day_timexes(conn: sqlite3.Connection, story_id: str) -> list[tuple[str, str, int]]:
    """(article id, day, start) of the story's time expressions that name one day (dates and times)."""
    return conn.execute(
        "SELECT t.article_id, t.int_start, t.start FROM timexes t JOIN articles a ON a.id=t.article_id "
        "WHERE a.story_id=? AND t.type IN ('DATE','TIME') AND t.int_start IS NOT NULL AND t.int_start=t.int_end",
        (story_id,)).fetchall()


def day_mentions(conn: sqlite3.Connection, story_id: str) -> list[tuple[str, str, str, int]]:
    """(article id, day, sentence, sentence start) of the story's event mentions dated to one day."""
    return conn.execute(
        "SELECT m.article_id, m.when_start, substr(a.text, m.sent_start+1, m.sent_end-m.sent_start), m.sent_start "
        "FROM event_mentions m JOIN articles a ON a.id=m.article_id "
        "WHERE a.story_id=? AND m.when_start IS NOT NULL AND m.when_start=m.when_end", (story_id,)).fetchall()
