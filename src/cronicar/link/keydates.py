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

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlparse

from cronicar.store import stories as store

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
RECALL_DAY_WEIGHT = 0.5
# each article published the next day adds this much: news of a day is printed the day after;
NEXT_DAY_WEIGHT = 0.5
# an article that names the day in its lead (its first sentences: what the article is about) weighs
# this much more than one naming it further down (background, a sidebar, a list of dates).
LEAD_WEIGHT = 1.0
# How many sentences open an article (its lead), and the fewest words a sentence has (shorter lines
# are headings, captions, navigation).
LEAD_SENTENCES = 3
SENTENCE_WORDS = 6
_SENT_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class DateRef:
    """One article referring to one calendar day (a day-precise time expression or event date)."""

    day: str  # YYYY-MM-DD
    article: str
    published: str  # the article's first day
    outlet: str
    text: str = ""  # the sentence that refers to it (a candidate line)
    lead: bool = False  # the reference is in the article's lead (see lead_end)


def lead_end(text: str) -> int:
    """Where an article's lead ends: after its first :data:`LEAD_SENTENCES` sentences of at least
    :data:`SENTENCE_WORDS` words (the whole text when shorter)."""
    seen, pos = 0, 0
    for m in _SENT_END.finditer(text):
        if len(text[pos:m.start()].split()) >= SENTENCE_WORDS:
            seen += 1
            if seen == LEAD_SENTENCES:
                return m.start()
        pos = m.end()
    return len(text)


def outlet_of(source: str | None, url: str | None = None) -> str:
    """The outlet of an article: its URL's host, else its file's folder, else its source."""
    for s in (url, source):
        if s and s.startswith(("http://", "https://")):
            return urlparse(s).netloc.lower().removeprefix("www.")
    if source and "/" in source:
        return source.rsplit("/", 1)[0]
    return source or ""


def _next_day(day: str, step: int = 1) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=step)).isoformat()
    except ValueError:
        return ""


def _prev_day(day: str) -> str:
    return _next_day(day, -1)


def date_scores(refs: Iterable[DateRef], window: tuple[str, str] | None = None,
                published: Iterable[str] | None = None) -> dict[str, float]:
    """day -> evidence: distinct articles referring to it (``1 + LEAD_WEIGHT`` for one naming it in
    its lead), plus ``OUTLET_WEIGHT`` per distinct outlet, ``LATER_WEIGHT`` per article published
    on another day, ``RECALL_DAY_WEIGHT`` per later publication day referring to it, and
    ``NEXT_DAY_WEIGHT`` per article published the next day (``published``: every article's day;
    default: those of the referring articles)."""
    refs = list(refs)
    arts: dict[str, dict[str, float]] = defaultdict(dict)
    later: dict[str, set[str]] = defaultdict(set)
    recall_days: dict[str, set[str]] = defaultdict(set)
    outlets: dict[str, set[str]] = defaultdict(set)
    for r in refs:
        if window and not window[0] <= r.day <= window[1]:
            continue
        weight = 1.0 + (LEAD_WEIGHT if r.lead else 0.0)
        arts[r.day][r.article] = max(arts[r.day].get(r.article, 0.0), weight)
        outlets[r.day].add(r.outlet)
        if r.published != r.day:
            later[r.day].add(r.article)
        if r.published > r.day:
            recall_days[r.day].add(r.published)
    if published is None:
        published = [p for _, p in {(r.article, r.published) for r in refs}]
    per_day = Counter(published)
    return {d: sum(a.values()) + OUTLET_WEIGHT * len(outlets[d]) + LATER_WEIGHT * len(later[d])
            + RECALL_DAY_WEIGHT * len(recall_days[d]) + NEXT_DAY_WEIGHT * per_day.get(_next_day(d), 0)
            for d, a in arts.items()}


def rank_dates(refs: Iterable[DateRef], n: int, window: tuple[str, str] | None = None,
               published: Iterable[str] | None = None, fill: bool = False) -> list[tuple[str, float]]:
    """The ``n`` best days, best first (ties: the earlier day).  With ``fill``, when fewer than
    ``n`` days are referred to, :func:`_fill` adds days scored 0."""
    published = list(published) if published is not None else None
    scores = date_scores(refs, window, published)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    if fill and len(ranked) < n and published:
        ranked += [(d, 0.0) for d in _fill([d for d, _ in ranked], n - len(ranked), published, window)]
    return ranked


def _fill(best: list[str], k: int, published: list[str], window: tuple[str, str] | None) -> list[str]:
    """``k`` more days when the articles refer to too few: the days before a publication day (news
    of a day is printed the day after; most articles the next day first), then the publication days
    (most articles first), then the days nearest the best days (a key day's neighbours: the fighting
    of the 18th goes on the 19th; nearest first, the best day's first).  Days outside ``window``
    are left out."""
    per_day = Counter(published)
    taken = set(best)
    out: list[str] = []

    def add(days: Iterable[str]) -> None:
        for d in days:
            if len(out) < k and d and d not in taken and (not window or window[0] <= d <= window[1]):
                taken.add(d)
                out.append(d)

    add(sorted({_prev_day(p) for p in per_day}, key=lambda d: (-per_day[_next_day(d)], d)))
    add(sorted(per_day, key=lambda d: (-per_day[d], d)))
    anchors = best + [d for d in out if d not in best]
    span = (date.fromisoformat(window[1]) - date.fromisoformat(window[0])).days if window else 366
    step = 1
    while len(out) < k and anchors and step <= span:
        add(_next_day(d, s) for d in anchors for s in (-step, step))
        step += 1
    return out


def busiest_days(published: Iterable[str], n: int, window: tuple[str, str] | None = None) -> list[tuple[str, float]]:
    """The baseline: the ``n`` days with the most articles published."""
    counts = Counter(d for d in published if not window or window[0] <= d <= window[1])
    return sorted(((d, float(c)) for d, c in counts.items()), key=lambda kv: (-kv[1], kv[0]))[:n]


def story_refs(conn: sqlite3.Connection, story_id: str) -> list[DateRef]:
    """Every day-precise reference of the story's articles: time expressions of one day and event
    mentions dated to one day (with their sentence)."""
    arts = {r[0]: (r[1], outlet_of(r[2], r[3]), lead_end(r[4] or "")) for r in store.article_outlets(conn, story_id)}
    refs: list[DateRef] = []
    for aid, start, pos in store.day_timexes(conn, story_id):
        day, outlet, lead = arts[aid]
        refs.append(DateRef(start, aid, day, outlet, lead=pos < lead))
    for aid, start, sent, pos in store.day_mentions(conn, story_id):
        day, outlet, lead = arts[aid]
        refs.append(DateRef(start, aid, day, outlet, " ".join(sent.split()), lead=pos < lead))
    return refs
