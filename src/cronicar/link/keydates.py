"""Key dates of a story (timeline summarization's date selection): the days that most independent
articles and outlets report or refer to, not merely the days most was published.

Why references: a day that matters is named again and again afterwards ("the sieges of 4
February", "after the 21 August attack"), by many articles and outlets; a busy publication day may
be only a busy news day.  The standard baseline of timeline summarization, "the N busiest
publication days" (Tran et al. 2013; Martschat and Markert 2018's date selection baselines),
counts the latter; :func:`rank_dates` counts the former.  Scored on ML-Crisis by
``eval/keydates_mlcrisis.py`` (docs/stories.md, "Key dates").
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlparse

# Weights tuned on ML-Crisis Spanish (the language with cronicar's own time expressions), French
# and Italian held out (docs/stories.md, "Key dates"):
# an outlet that names the day adds this much beside its articles (two outlets agreeing is more
# independent evidence than two articles of one outlet; 0 on ML-Crisis, whose outlet headers are
# few and coarse);
OUTLET_WEIGHT = 0.0
# a day referred to by an article published on another day (it is remembered) weighs this much
# more than a reference on the day itself ("astăzi", "luni" in a Monday article);
LATER_WEIGHT = 0.0
# each later publication day that recalls it adds this much: a day still named a week and a month
# on is what timelines keep (recall spread over time, not one day's burst of copies);
RECALL_DAY_WEIGHT = 1.0
# each article published the next day adds this much: news of a day is printed the day after.
NEXT_DAY_WEIGHT = 0.5


@dataclass(frozen=True)
class DateRef:
    """One article referring to one calendar day (a day-precise time expression or event date)."""

    day: str  # YYYY-MM-DD
    article: str
    published: str  # the article's first day
    outlet: str
    text: str = ""  # the sentence that refers to it (a candidate line)


def outlet_of(source: str | None, url: str | None = None) -> str:
    """The outlet of an article: its URL's host, else its file's folder, else its source."""
    for s in (url, source):
        if s and s.startswith(("http://", "https://")):
            return urlparse(s).netloc.lower().removeprefix("www.")
    if source and "/" in source:
        return source.rsplit("/", 1)[0]
    return source or ""


def _next_day(day: str) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:
        return ""


def date_scores(refs: Iterable[DateRef], window: tuple[str, str] | None = None,
                published: Iterable[str] | None = None) -> dict[str, float]:
    """day -> evidence: distinct articles referring to it, plus ``OUTLET_WEIGHT`` per distinct
    outlet, ``LATER_WEIGHT`` per article published on another day, ``RECALL_DAY_WEIGHT`` per later
    publication day referring to it, and ``NEXT_DAY_WEIGHT`` per article published the next day
    (``published``: every article's day; default: those of the referring articles)."""
    refs = list(refs)
    arts: dict[str, set[str]] = defaultdict(set)
    later: dict[str, set[str]] = defaultdict(set)
    recall_days: dict[str, set[str]] = defaultdict(set)
    outlets: dict[str, set[str]] = defaultdict(set)
    for r in refs:
        if window and not window[0] <= r.day <= window[1]:
            continue
        arts[r.day].add(r.article)
        outlets[r.day].add(r.outlet)
        if r.published != r.day:
            later[r.day].add(r.article)
        if r.published > r.day:
            recall_days[r.day].add(r.published)
    if published is None:
        published = [p for _, p in {(r.article, r.published) for r in refs}]
    per_day = Counter(published)
    return {d: len(a) + OUTLET_WEIGHT * len(outlets[d]) + LATER_WEIGHT * len(later[d])
            + RECALL_DAY_WEIGHT * len(recall_days[d]) + NEXT_DAY_WEIGHT * per_day.get(_next_day(d), 0)
            for d, a in arts.items()}


def rank_dates(refs: Iterable[DateRef], n: int, window: tuple[str, str] | None = None,
               published: Iterable[str] | None = None) -> list[tuple[str, float]]:
    """The ``n`` best days, best first (ties: the earlier day)."""
    scores = date_scores(refs, window, published)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def busiest_days(published: Iterable[str], n: int, window: tuple[str, str] | None = None) -> list[tuple[str, float]]:
    """The baseline: the ``n`` days with the most articles published."""
    counts = Counter(d for d in published if not window or window[0] <= d <= window[1])
    return sorted(((d, float(c)) for d, c in counts.items()), key=lambda kv: (-kv[1], kv[0]))[:n]


def story_refs(conn: sqlite3.Connection, story_id: str) -> list[DateRef]:
    """Every day-precise reference of the story's articles: time expressions of one day and event
    mentions dated to one day (with their sentence)."""
    arts = {r[0]: (r[1], outlet_of(r[2], r[3])) for r in conn.execute(
        "SELECT id, date_start, source, url FROM articles WHERE story_id=?", (story_id,))}
    refs: list[DateRef] = []
    for aid, start, text in conn.execute(
            "SELECT t.article_id, t.int_start, a.text FROM timexes t JOIN articles a ON a.id=t.article_id "
            "WHERE a.story_id=? AND t.type IN ('DATE','TIME') AND t.int_start IS NOT NULL AND t.int_start=t.int_end",
            (story_id,)):
        refs.append(DateRef(start, aid, arts[aid][0], arts[aid][1]))
    for aid, start, sent in conn.execute(
            "SELECT m.article_id, m.when_start, substr(a.text, m.sent_start+1, m.sent_end-m.sent_start) "
            "FROM event_mentions m JOIN articles a ON a.id=m.article_id "
            "WHERE a.story_id=? AND m.when_start IS NOT NULL AND m.when_start=m.when_end", (story_id,)):
        refs.append(DateRef(start, aid, arts[aid][0], arts[aid][1], " ".join(sent.split())))
    return refs
