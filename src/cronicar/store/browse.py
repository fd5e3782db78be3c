"""Paged reads for the web app and API: one page of stories, events, quotes, entities, articles.

Why a module of its own: the export (:mod:`cronicar.export.chronicle`) reads the whole store or a
whole story, which is right for a file but makes a web request cost grow with the corpus.  These
queries read only the rows of the page asked for (plus one count), so a request costs the same on
a thousand or a million articles.  The event and quote dicts have the DESIGN §5 shape the export
gives (extra keys are additions: ``new_in``, ``sentence``, ``article_date``...).
"""

from __future__ import annotations

import json
import os
import sqlite3
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from cronicar.store.search import MATCH_JOINS, MATCH_STORY, MATCH_YEAR, filter_sql
from cronicar.store.events import FOLDED_STATEMENT

Row = dict[str, Any]


@lru_cache(maxsize=65536)
def folded(text: str | None) -> str:
    """Case- and diacritic-insensitive key ("Ștefan", "Ştefan" and "stefan" all give "stefan")."""
    return "".join(c for c in unicodedata.normalize("NFD", (text or "").casefold()) if not unicodedata.combining(c))


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL ``folded(x)`` for filters that must ignore case and diacritics (SQLite's lower() is ASCII)."""
    conn.create_function("folded", 1, folded, deterministic=True)


def _when(value: str | None, start: str | None, end: str | None) -> dict[str, Any] | None:
    if value is None and start is None:
        return None
    return {"value": value, "interval": [start, end]}


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _window(limit: int, offset: int) -> tuple[str, tuple[int, int]]:
    return " LIMIT ? OFFSET ?", (limit, offset)


# -- sentences ----------------------------------------------------------------------------------

_STARTS: dict[str, list[int]] = {}
_STARTS_MAX = 20_000


def sentence_starts(conn: sqlite3.Connection, article_ids: set[str]) -> dict[str, list[int]]:
    """Start offset of every sentence of each article (to turn an offset into its ``#s-N`` anchor).

    Kept in a bounded process cache: an article id is the hash of its content, so the sentences
    of an id never change (a corrected article gets a new id)."""
    missing = sorted(a for a in article_ids if a not in _STARTS)
    if missing:
        if len(_STARTS) + len(missing) > _STARTS_MAX:
            _STARTS.clear()
        for r in conn.execute(f"SELECT id, sentences FROM articles WHERE id IN ({_marks(len(missing))})", missing):
            _STARTS[r[0]] = [s[0] for s in json.loads(r[1] or "[]")]
    return {a: _STARTS[a] for a in article_ids if a in _STARTS}


def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence holding ``offset`` (0 when the article has no sentence list)."""
    return max(0, bisect_right(starts, offset) - 1)


# -- events -------------------------------------------------------------------------------------

ORDERS = {
    # the export's order (DESIGN §5 list)
    "chronicle": "e.when_start IS NULL, e.when_start, e.id",
    # calendar order of a timeline (export.formats.timeline_items): undated last
    "timeline": "coalesce(e.when_start, '9999'), coalesce(e.when_end, '9999'), e.when_start IS NULL, e.when_start, e.id",
}


def _event_filter(story: str | None, type_: str | None, article: str | None,
                  ends: tuple[str, str] | None = None, period: tuple[str, str] | None = None,
                  rows_only: bool = False) -> tuple[str, list[Any]]:
    """WHERE clause: events with at least one source in scope (the story's articles, when given);
    ``rows_only``: without the statements folded into what they announce (a timeline's rows,
    ``store.events.FOLDED_STATEMENT``).

    Why ``m.article_id IN (SELECT id ...)`` and not a join on ``articles.story_id``: that column sits
    after the article text in the row, so testing it per mention reads the whole text from the
    overflow pages; the subquery runs once on the ``articles_story`` index."""
    scope = " AND m.article_id IN (SELECT id FROM articles WHERE story_id = ?)" if story else ""
    where = [f"EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id{scope})"]
    params: list[Any] = [story] if story else []
    if story:
        where.append("e.story_id = ?")
        params.append(story)
    if type_:
        where.append("lower(e.type) = lower(?)")
        params.append(type_)
    if article:
        where.append("e.id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
        params.append(article)
    if ends:  # ("before", day): background, ended before that day; ("from", day): the rest
        op, day = ends
        where.append("coalesce(e.when_end, e.when_start) < ?" if op == "before"
                     else "coalesce(e.when_end, e.when_start, '9999') >= ?")
        params.append(day)
    if period:  # (first day, last day): dated events overlapping it (a story's zoomed axis)
        where.append("e.when_start <= ? AND coalesce(e.when_end, e.when_start) >= ?")
        params += [period[1], period[0]]
    if rows_only:
        where.append(f"NOT {FOLDED_STATEMENT}")
    return " WHERE " + " AND ".join(where), params


# Ranked id lists of the last queries, keyed by the store file's state: a list sorted on a key
# no index holds (events by date, entities by articles) costs a scan of its table once per change
# of the store, then each page is a slice.  Bounded: at most _CACHE_MAX lists are kept.
_CACHE: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
_CACHE_MAX = 64


def _file_state(conn: sqlite3.Connection) -> tuple[Any, ...] | None:
    """(path, mtime and size of the file and of its WAL): changes with every commit."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    if not path:
        return None
    state: list[Any] = [path]
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            state.append((st.st_mtime_ns, st.st_size))
        except OSError:
            state.append(None)
    return tuple(state)


def cached_rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``sql``, computed once per state of the store file (see ``_CACHE``)."""
    state = _file_state(conn)
    if state is None:
        return [tuple(r) for r in conn.execute(sql, params)]
    key = (state, sql, tuple(params))
    rows = _CACHE.get(key)
    if rows is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        rows = _CACHE[key] = [tuple(r) for r in conn.execute(sql, params)]
    return rows


def event_ids(conn: sqlite3.Connection, story: str | None = None, type_: str | None = None,
              article: str | None = None, ends: tuple[str, str] | None = None, order: str = "chronicle",
              period: tuple[str, str] | None = None) -> list[str]:
    """Ids of the events matching the filters, in ``order`` (see :func:`cached_rows`); a timeline
    (``order="timeline"``) leaves out the statements folded into what they announce."""
    where, params = _event_filter(story, type_, article, ends, period, rows_only=order == "timeline")
    return [r[0] for r in cached_rows(conn, f"SELECT e.id FROM events e{where} ORDER BY {ORDERS[order]}", params)]


def count_events(conn: sqlite3.Connection, story: str | None = None, type_: str | None = None,
                 article: str | None = None, ends: tuple[str, str] | None = None,
                 period: tuple[str, str] | None = None, order: str = "chronicle") -> int:
    return len(event_ids(conn, story, type_, article, ends, order, period=period))


def events_page(conn: sqlite3.Connection, story: str | None = None, type_: str | None = None,
                limit: int = 100, offset: int = 0, order: str = "chronicle",
                article: str | None = None, ends: tuple[str, str] | None = None,
                period: tuple[str, str] | None = None) -> list[Row]:
    """One page of events (§5 shape plus ``new_in``), sources only from articles in scope;
    ``ends``: ("before", day) only events that ended before that day, ("from", day) the others;
    ``period``: (first day, last day) only the dated events overlapping it."""
    ids = event_ids(conn, story, type_, article, ends, order, period)[offset:offset + limit]
    return events_by_id(conn, ids, story)


def events_by_id(conn: sqlite3.Connection, ids: list[str], story: str | None = None) -> list[Row]:
    """Events with these ids (in the given order), each with its sources in scope."""
    if not ids:
        return []
    rows = conn.execute(f"SELECT * FROM events WHERE id IN ({_marks(len(ids))})", ids).fetchall()
    by_id = {r["id"]: r for r in rows}
    return with_sources(conn, [by_id[i] for i in ids if i in by_id], story)


def with_sources(conn: sqlite3.Connection, rows: list[sqlite3.Row], story: str | None) -> list[Row]:
    """§5 event dicts for ``rows``: sources by article date, ``new_in`` the first article reporting it."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    scope = " AND m.article_id IN (SELECT id FROM articles WHERE story_id = ?)" if story else ""
    mentions = conn.execute(
        "SELECT m.event_id, m.article_id, m.sent_start, m.sent_end, m.trigger_start, m.trigger_end,"
        " substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start) AS sent,"
        " a.date_start, a.date, a.title, a.lang, a.url, a.source"
        f" FROM event_mentions m JOIN articles a ON a.id = m.article_id"
        f" WHERE m.event_id IN ({_marks(len(ids))}){scope} ORDER BY m.id", [*ids, *([story] if story else [])]).fetchall()
    starts = sentence_starts(conn, {m["article_id"] for m in mentions})
    sources: dict[str, list[Row]] = {}
    for m in mentions:
        sources.setdefault(m["event_id"], []).append({
            "article": m["article_id"], "start": m["sent_start"], "end": m["sent_end"], "text": m["sent"].strip(),
            "trigger": [m["trigger_start"], m["trigger_end"]],
            "sentence": sentence_index(starts.get(m["article_id"], []), m["sent_start"]),
            "article_date": m["date"], "article_title": m["title"], "lang": m["lang"],
            "url": m["url"], "outlet": m["source"], "_sort": m["date_start"],
        })
    out = []
    for r in rows:
        srcs = sorted(sources.get(r["id"], []), key=lambda s: (s["_sort"], s["article"], s["start"]))
        for s in srcs:
            s.pop("_sort")
        out.append({
            "id": r["id"], "story": r["story_id"], "type": r["type"], "summary": r["summary"],
            "when": _when(r["when_value"], r["when_start"], r["when_end"]),
            "participants": json.loads(r["participants"]) if r["participants"] else [], "place": r["place"],
            "sources": srcs, "new_in": srcs[0]["article"] if srcs else None,
            **_extra_columns(r),
        })
    return out


_EVENT_COLUMNS = {"id", "story_id", "type", "summary", "when_value", "when_start", "when_end", "place", "participants"}


def _extra_columns(row: sqlite3.Row) -> Row:
    """Columns later schema versions add to ``events`` (headline, types, background…), passed on
    as they are (JSON lists decoded), so the API and pages show them without a change here."""
    out: Row = {}
    for key in row.keys():
        if key in _EVENT_COLUMNS:
            continue
        value = row[key]
        if isinstance(value, str) and value[:1] in "[{":
            try:
                value = json.loads(value)
            except ValueError:
                pass
        out[key] = value
    return out


def quotes_in_sentences(conn: sqlite3.Connection, sources: list[Row]) -> dict[tuple[str, int], list[Row]]:
    """Quotes told inside each source sentence, keyed by (article, sentence start).

    The positions come from the ``quotes_article`` index and the quote table alone; texts are read
    only for the quotes that fall in one of the sentences."""
    arts = sorted({s["article"] for s in sources})
    if not arts:
        return {}
    spans: dict[str, set[tuple[int, int]]] = {}
    for s in sources:
        spans.setdefault(s["article"], set()).add((s["start"], s["end"]))
    where: dict[str, list[tuple[str, int]]] = {}
    for qid, article, start in conn.execute(
            f"SELECT id, article_id, start FROM quotes WHERE article_id IN ({_marks(len(arts))}) ORDER BY article_id, start", arts):
        for a, b in spans[article]:
            if a <= start < b:
                where.setdefault(qid, []).append((article, a))
    out: dict[tuple[str, int], list[Row]] = {}
    for q in quotes_by_id(conn, list(where)):
        for key in where[q["id"]]:
            out.setdefault(key, []).append(q)
    return out


def quotes_by_id(conn: sqlite3.Connection, ids: list[str]) -> list[Row]:
    """Quotes (§5 shape plus article date, title and language) with these ids, in that order."""
    if not ids:
        return []
    rows = {r["id"]: r for r in conn.execute(
        "SELECT q.*, substr(a.text, q.start + 1, q.\"end\" - q.start) AS qtext, a.date AS article_date,"
        " a.title AS article_title, a.lang AS lang, CASE WHEN a.title IS NULL THEN substr(a.text, 1, 200) END AS head"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id IN ({_marks(len(ids))})", ids)}
    return [_quote_dict(rows[i]) for i in ids if i in rows]


def story_date_bounds(conn: sqlite3.Connection, story: str, ends_from: str = "") -> tuple[list[str], list[str]]:
    """Sorted start days and sorted end days of a story's dated events ending on or after
    ``ends_from`` (ISO strings sort as dates)."""
    rows = conn.execute("SELECT when_start, coalesce(when_end, when_start) FROM events e WHERE story_id = ?"
                        " AND when_start IS NOT NULL AND coalesce(when_end, when_start) >= ?"
                        " AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)",
                        (story, ends_from)).fetchall()
    return sorted(r[0] for r in rows), sorted(r[1] for r in rows)


def story_months(conn: sqlite3.Connection, story: str, ends: tuple[str, str] | None = None,
                 period: tuple[str, str] | None = None) -> list[tuple[str, int]]:
    """(YYYY-MM or '' for undated, number of events) in timeline order: the story's month index."""
    where, params = _event_filter(story, None, None, ends, period)
    return [(r[0] or "", r[1]) for r in conn.execute(
        f"SELECT substr(e.when_start, 1, 7) AS ym, count(*) FROM events e{where}"
        " GROUP BY ym ORDER BY ym IS NULL, ym", params)]


def article_events(conn: sqlite3.Connection, article_id: str, story: str) -> list[Row]:
    """The events of ``story`` this article reports, with the article's own sentence for each
    (``here``: its start and sentence index) and ``new_in``: no other event is read."""
    rows = conn.execute(
        "SELECT m.event_id, min(m.sent_start) AS here FROM event_mentions m JOIN events e ON e.id = m.event_id"
        " WHERE m.article_id = ? AND e.story_id = ? GROUP BY m.event_id", (article_id, story)).fetchall()
    here = {r[0]: r[1] for r in rows}
    ids = list(here)
    if not ids:
        return []
    first = {}
    for r in conn.execute(
            "SELECT m.event_id, a.id FROM event_mentions m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.event_id IN ({_marks(len(ids))}) AND m.article_id IN (SELECT id FROM articles WHERE story_id = ?)"
            " ORDER BY a.date_start DESC, a.id DESC,"
            " m.sent_start DESC", [*ids, story]):
        first[r[0]] = r[1]  # the last row written wins: the earliest article
    starts = sentence_starts(conn, {article_id}).get(article_id, [])
    out = []
    for r in conn.execute(f"SELECT * FROM events WHERE id IN ({_marks(len(ids))}) ORDER BY {ORDERS['chronicle'].replace('e.', '')}", ids):
        out.append({"id": r["id"], "type": r["type"], "summary": r["summary"],
                    "when": _when(r["when_value"], r["when_start"], r["when_end"]), "new_in": first.get(r["id"]),
                    "start": here[r["id"]], "sentence": sentence_index(starts, here[r["id"]])})
    return out


# -- quotes -------------------------------------------------------------------------------------

def _quote_rows(conn: sqlite3.Connection, where: str, params: list[Any], order: str,
                window: str = "", wparams: tuple[int, ...] = ()) -> list[Row]:
    """Quotes matching ``where``, in ``order``, one window of them.

    Two steps: the ids of the window first (the sort touches only the keys), then text, title
    and date of those rows (reading an article's text for every candidate would cost per match)."""
    ids = [r[0] for r in conn.execute(
        f"SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where} ORDER BY {order}{window}",
        [*params, *wparams])]
    return quotes_by_id(conn, ids)


def _quote_dict(r: sqlite3.Row) -> Row:
    return {"id": r["id"], "article": r["article_id"], "speaker": r["speaker"], "speaker_entity": r["speaker_entity"],
            "kind": r["kind"], "text": r["qtext"], "start": r["start"], "end": r["end"],
            "when": _when(r["when_value"], r["when_start"], r["when_end"]),
            "addressee": r["addressee"], "media_source": r["media_source"],
            "article_date": r["article_date"], "article_title": r["article_title"] or _first_line(r["head"]),
            "lang": r["lang"]}


def _first_line(text: str) -> str:
    first = (text or "").strip().split("\n", 1)[0]
    return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"


def speaker_entities(conn: sqlite3.Connection, speaker: str) -> list[str]:
    """Entity ids ``speaker`` names: an id, or a part of the name or of any alias (case and
    diacritics ignored), so "Lavrov" finds "Serghei Lavrov" under every spelling the articles used."""
    key = folded(speaker)
    register_functions(conn)
    rows = cached_rows(conn,  # a scan of every name and alias: once per store state and speaker
        "SELECT id FROM entities WHERE lower(id) = lower(?) OR instr(folded(name), ?) > 0"
        " UNION SELECT entity_id FROM entity_aliases WHERE instr(folded(alias), ?) > 0", [speaker, key, key])
    return sorted(r[0] for r in rows)


def _quote_filter(conn: sqlite3.Connection, speaker: str | None, article: str | None,
                  date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    where, params = ["1"], []
    if speaker:
        ids = speaker_entities(conn, speaker)
        # resolved speakers through the quotes_speaker index; names only where none was resolved
        where.append(f"(q.speaker_entity IN ({_marks(len(ids))})"
                     " OR (q.speaker_entity IS NULL AND instr(folded(q.speaker), ?) > 0))")
        params += [*ids, folded(speaker)]
    if article:
        where.append("q.article_id = ?")
        params.append(article)
    if date_from:
        where.append("coalesce(q.when_end, q.when_start, a.date_end) >= ?")
        params.append(date_from)
    if date_to:
        where.append("coalesce(q.when_start, a.date_start) <= ?")
        params.append(date_to + "~")  # '2024-11~' sorts after every day of 2024-11
    return " AND ".join(where), params


QUOTE_ORDER = "coalesce(q.when_start, a.date_start), q.article_id, q.start"


def quotes_page(conn: sqlite3.Connection, speaker: str | None = None, article: str | None = None,
                date_from: str | None = None, date_to: str | None = None,
                limit: int = 50, offset: int = 0) -> tuple[list[Row], int]:
    """One page of quotes in date order (statement date, else the article's) and how many match."""
    register_functions(conn)
    where, params = _quote_filter(conn, speaker, article, date_from, date_to)
    total = conn.execute(f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}",
                         params).fetchone()[0]
    window, wparams = _window(limit, offset)
    return _quote_rows(conn, where, params, QUOTE_ORDER, window, wparams), int(total)


# -- stories ------------------------------------------------------------------------------------

STORY_SORTS = {
    "updated": "s.last_date IS NULL, s.last_date DESC, s.id",
    "size": "n_articles DESC, s.last_date DESC, s.id",
    "start": "s.first_date IS NULL, s.first_date, s.id",
}


def stories_page(conn: sqlite3.Connection, sort: str = "updated", date_from: str | None = None,
                 date_to: str | None = None, entity: str | None = None, lang: str | None = None,
                 min_articles: int = 1, limit: int = 50, offset: int = 0) -> tuple[list[Row], int]:
    """One page of stories with their size; filters: overlapping a date range, mentioning an
    entity, holding an article in a language, at least ``min_articles`` articles."""
    where, params = ["1"], []
    if date_from:
        where.append("s.last_date >= ?")
        params.append(date_from)
    if date_to:
        where.append("s.first_date <= ?")
        params.append(date_to + "~")
    if entity:
        where.append("s.id IN (SELECT a.story_id FROM mentions m JOIN articles a ON a.id = m.article_id"
                     " WHERE m.entity_id = ?)")
        params.append(entity)
    if lang:
        where.append("s.id IN (SELECT story_id FROM articles WHERE lang = ?)")
        params.append(lang)
    sql = ("SELECT * FROM (SELECT s.id, s.title, s.first_date, s.last_date,"
           " (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS n_articles FROM stories s"
           f" WHERE {' AND '.join(where)}) s WHERE n_articles >= ?")
    params.append(min_articles)
    total = conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    window, wparams = _window(limit, offset)
    rows = [dict(r) for r in conn.execute(f"{sql} ORDER BY {STORY_SORTS[sort]}{window}", [*params, *wparams])]
    ids = [r["id"] for r in rows]
    if ids:
        n_events = dict(conn.execute(
            f"SELECT story_id, count(*) FROM events WHERE story_id IN ({_marks(len(ids))}) GROUP BY story_id", ids).fetchall())
        dates: dict[str, list[str]] = {}
        for sid, d in conn.execute(
                f"SELECT story_id, date_start FROM articles WHERE story_id IN ({_marks(len(ids))})"
                f" UNION ALL SELECT story_id, when_start FROM events WHERE story_id IN ({_marks(len(ids))})"
                " AND when_start IS NOT NULL", [*ids, *ids]):
            dates.setdefault(sid, []).append(d)
        for r in rows:
            r["n_events"] = n_events.get(r["id"], 0)
            r["dates"] = dates.get(r["id"], [])
    return rows, int(total)


def story_row(conn: sqlite3.Connection, story: str) -> Row | None:
    row = conn.execute("SELECT id, title, first_date, last_date FROM stories WHERE id = ?", (story,)).fetchone()
    return dict(row) if row else None


def story_articles(conn: sqlite3.Connection, story: str) -> list[Row]:
    """The story's articles by date (titles only: the texts stay in the store)."""
    return [{"id": r["id"], "source": r["source"], "title": r["title"] or _first_line(r["head"]), "date": r["date"],
             "lang": r["lang"], "url": r["url"]} for r in conn.execute(
        "SELECT id, source, title, substr(text, 1, 200) AS head, date, lang, url FROM articles"
        " WHERE story_id = ? ORDER BY date_start, id", (story,))]


# -- entities and articles ----------------------------------------------------------------------

def entities_page(conn: sqlite3.Connection, type_: str | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[list[Row], int]:
    """Entities by number of articles (then mentions, then name), of one type (case-insensitive)
    or all, with their numbers of articles and mentions.  The ranking reads every mention, once
    per state of the store (:func:`cached_rows`); each page is then a slice."""
    where, params = ("WHERE upper(e.type) = upper(?)", [type_]) if type_ else ("", [])
    ranked = cached_rows(conn,
        "SELECT e.id, e.name, e.type, c.articles, c.mentions FROM (SELECT entity_id, count(DISTINCT article_id)"
        " AS articles, count(*) AS mentions FROM mentions GROUP BY entity_id) c JOIN entities e ON e.id = c.entity_id"
        f" {where} ORDER BY c.articles DESC, c.mentions DESC, e.name, e.id", params)
    keys = ("id", "name", "type", "articles", "mentions")
    return [dict(zip(keys, r)) for r in ranked[offset:offset + limit]], len(ranked)


def articles_page(conn: sqlite3.Connection, story: str | None = None, entity: str | None = None,
                  lang: str | None = None, date_from: str | None = None, date_to: str | None = None,
                  limit: int = 50, offset: int = 0) -> tuple[list[Row], int]:
    """Articles in date order, optionally of one story, mentioning one entity, in one language."""
    where, params = ["1"], []
    for cond, value in (("a.story_id = ?", story), ("a.lang = ?", lang), ("a.date_end >= ?", date_from),
                        ("a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)", entity)):
        if value:
            where.append(cond)
            params.append(value)
    if date_to:
        where.append("a.date_start <= ?")
        params.append(date_to + "~")
    cond = " AND ".join(where)
    total = conn.execute(f"SELECT count(*) FROM articles a WHERE {cond}", params).fetchone()[0]
    window, wparams = _window(limit, offset)
    rows = conn.execute(
        "SELECT a.id, a.title, substr(a.text, 1, 200) AS head, a.date, a.lang, a.source, a.url, a.story_id AS story"
        f" FROM articles a WHERE {cond} ORDER BY a.date_start, a.id{window}", [*params, *wparams])
    return [{**{k: r[k] for k in ("id", "date", "lang", "source", "url", "story")},
             "title": r["title"] or _first_line(r["head"])} for r in rows], int(total)


def exists(conn: sqlite3.Connection, table: str, key: str) -> bool:
    """True when ``table`` has a row with id ``key`` (for 404s on unknown ids in filters)."""
    if table not in {"stories", "articles", "entities", "events"}:
        raise ValueError(table)
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (key,)).fetchone() is not None


def entity_statements(conn: sqlite3.Connection, entity_id: str, name: str, limit: int = 50,
                      offset: int = 0) -> tuple[list[Row], int]:
    """One page of the quotes an entity is the speaker of (by id, or by name when unresolved), in
    date order, and how many there are."""
    where = "(q.speaker_entity = ? OR (q.speaker_entity IS NULL AND q.speaker = ?))"
    params: list[Any] = [entity_id, name]
    total = conn.execute(f"SELECT count(*) FROM quotes q WHERE {where}", params).fetchone()[0]
    window, wparams = _window(limit, offset)
    return _quote_rows(conn, where, params, QUOTE_ORDER, window, wparams), int(total)


def timeline_position(conn: sqlite3.Connection, event_id: str,
                      ends: tuple[str, str] | None = None) -> tuple[str, int] | None:
    """(story, index of the event in its story's timeline order), to open the page that shows it;
    ``ends`` as in :func:`events_page` (the part of the timeline the event is in)."""
    row = conn.execute("SELECT story_id FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    where, params = _event_filter(row[0], None, None, ends)
    ids = [r[0] for r in conn.execute(f"SELECT e.id FROM events e{where} ORDER BY {ORDERS['timeline']}", params)]
    return (row[0], ids.index(event_id)) if event_id in ids else None


# -- search counts --------------------------------------------------------------------------------

def _fts_matches(conn: sqlite3.Connection, cond: str = "", with_facets: bool = False) -> str | None:
    """SQL yielding (kind, ref, story, year) of the FTS matches of ``?`` narrowed by ``cond`` (see
    :func:`cronicar.store.search.filter_sql`), for either index layout: the external-content
    ``search_fts`` + ``search_docs`` (schema v3) or the older ``search_index``."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name IN ('search_fts', 'search_index')")}
    cols, joins = f"SELECT d.kind, d.ref, {MATCH_STORY} AS story, {MATCH_YEAR} AS year", MATCH_JOINS
    if not with_facets and not cond:  # a bare count: no article or event row needs reading
        cols, joins = "SELECT d.kind, d.ref", ""
    if "search_fts" in names:
        return f"{cols} FROM search_fts f JOIN search_docs d ON d.doc = f.rowid{joins} WHERE search_fts MATCH ?{cond}"
    if "search_index" in names:
        return f"{cols} FROM search_index d{joins} WHERE search_index MATCH ?{cond}"
    return None


def search_total(conn: sqlite3.Connection, fts: str, kind: str | None = None, year: str | None = None,
                 story: str | None = None, entity: str | None = None) -> int:
    """How many documents match the FTS query ``fts`` and the facet filters (0 when there is no
    index or FTS5 cannot parse the query)."""
    cond, params = filter_sql(kind, year, story, entity)
    sql = _fts_matches(conn, cond)
    if not sql or not fts:
        return 0
    try:
        return int(conn.execute(f"SELECT count(*) FROM ({sql})", (fts, *params)).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def search_counts(conn: sqlite3.Connection, fts: str, kind: str | None = None, year: str | None = None,
                  story: str | None = None, entity: str | None = None) -> tuple[int, dict[str, list[tuple[str, str, int]]]]:
    """How many documents match (all of them) and facets of every match — by kind, by year
    (article date or event start) and the top 8 stories, ``(value, label, count)`` — counted by
    SQL aggregation over the whole FTS match (one GROUP BY, no row reaches Python but the groups)."""
    cond, params = filter_sql(kind, year, story, entity)
    sql = _fts_matches(conn, cond, with_facets=True)
    if not sql or not fts:
        return 0, {}
    try:
        groups = conn.execute(f"SELECT kind, story, year, count(*) FROM ({sql}) GROUP BY kind, story, year",
                              (fts, *params)).fetchall()
    except sqlite3.OperationalError:  # a query FTS5 cannot parse: no counts rather than an error
        return 0, {}
    kinds: dict[str, int] = {}
    years: dict[str, int] = {}
    stories: dict[str, int] = {}
    for k, s, y, n in groups:
        kinds[k] = kinds.get(k, 0) + n
        if y:
            years[y] = years.get(y, 0) + n
        if s:
            stories[s] = stories.get(s, 0) + n
    top = sorted(stories.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    titles = dict(conn.execute(f"SELECT id, title FROM stories WHERE id IN ({_marks(len(top))})",
                               [s for s, _ in top]).fetchall()) if top else {}
    return sum(kinds.values()), {"kind": [(k, k, n) for k, n in sorted(kinds.items())],
                                 "year": [(y, y, n) for y, n in sorted(years.items(), reverse=True)],
                                 "story": [(s, titles.get(s, s), n) for s, n in top],
                                 "entity": _entity_facet(conn, sql, [fts, *params])}


def _entity_facet(conn: sqlite3.Connection, matches: str, params: list[Any], top: int = 8) -> list[tuple[str, str, int]]:
    """The ``top`` entities the matches name most, ``(id, name, count)``: an article counts for
    every entity it mentions, an event for each participant (the same test as the ``entity``
    filter, so a facet's count is what choosing it leaves).

    Why the matches are materialized first and event participants counted here: joined the other
    way, SQLite walked every mention and every entity name (3 s for "banca" on 4,642 articles);
    this way it reads only the matched articles' mentions (by primary key) and events."""
    counts: dict[str, int] = dict(conn.execute(
        f"WITH x AS MATERIALIZED ({matches}) SELECT m.entity_id, count(DISTINCT m.article_id) FROM mentions m"
        " WHERE m.article_id IN (SELECT ref FROM x WHERE kind = 'article') GROUP BY m.entity_id", params).fetchall())
    named: dict[str, int] = {}
    for (participants,) in conn.execute(
            f"WITH x AS MATERIALIZED ({matches}) SELECT participants FROM events"
            " WHERE id IN (SELECT ref FROM x WHERE kind = 'event')", params):
        for name in set(json.loads(participants or "[]")):
            named[name] = named.get(name, 0) + 1
    names_list = sorted(named)
    for i in range(0, len(names_list), 500):
        chunk = names_list[i:i + 500]
        for eid, name in conn.execute(f"SELECT id, name FROM entities WHERE name IN ({_marks(len(chunk))})", chunk):
            counts[eid] = counts.get(eid, 0) + named[name]
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    names = dict(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({_marks(len(best))})",
                              [e for e, _ in best]).fetchall()) if best else {}
    return [(e, names.get(e, e), n) for e, n in best]


def best_event_of_day(conn: sqlite3.Connection, story: str, day: str) -> Row | None:
    """The story's best-told event dated exactly ``day`` (most source sentences): id and its line
    (the headline where the store has one, else the summary)."""
    row = conn.execute(
        "SELECT e.*, (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.id) AS n FROM events e"
        " WHERE e.story_id = ? AND e.when_start = ? AND e.when_end = ? ORDER BY n DESC, e.id LIMIT 1",
        (story, day, day)).fetchone()
    if row is None:
        return None
    headline = row["headline"] if "headline" in row.keys() else None
    return {"id": row["id"], "line": headline or row["summary"], "sources": row["n"]}


def events_naming(conn: sqlite3.Connection, name: str, limit: int = 500) -> list[str]:
    """Ids of the (latest ``limit``) dated events that list ``name`` among their participants."""
    pattern = "%" + json.dumps(name, ensure_ascii=False).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return [r[0] for r in conn.execute(
        "SELECT id FROM events WHERE participants LIKE ? ESCAPE '\\' AND when_start IS NOT NULL"
        " ORDER BY when_start DESC, id LIMIT ?", (pattern, limit))]
