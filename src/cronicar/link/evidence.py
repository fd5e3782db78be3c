"""What an article and a story share beyond a famous name: the evidence a link needs.

Why: the linker's probability rests mostly on the entity cosine, and on political news a hub
name carries it alone: every report naming Trump formed one 84-article story over five years,
the premier and his party a 50-article grab-bag.  A name says who, not what happened.  So a
link (a join or a merge) with names from a NER model must also show a shared *subject*: words of
the article's lead that are distinctive in the story (its profile terms, TF-IDF ranked) and are
not words of the names themselves ("Trump" as a term is the name again), or a shared happening
(an event of the same type with a shared participant within days).  The further apart in time,
the more shared subject it needs (a story's vocabulary drifts; a name stays).

Places-only linking (languages without a NER model, where the linker keys on countries: ML-Crisis
stories *are* countries) is not guarded: there the place is the only key there is.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

#: shared subject terms a link needs when article and story are within :data:`FRESH_DAYS`
SUBJECT_MIN = 4
#: a subject term is in at most this share of the articles linked so far ("administrație",
#: "american" in a tenth of political news name a beat, not a story)
SUBJECT_SHARE = 0.04
#: ... and one more per this many days between the article and the story's last article
DRIFT_DAYS = 7
FRESH_DAYS = 3
SUBJECT_CAP = 10  # never more than this
#: a shared happening: same event type, a shared participant, dates this close (days)
EVENT_DAYS = 7
EVENT_PARTICIPANTS = 2  # shared participants (one is a hub name: "Trump" takes part in everything)
STORY_EVENTS = 60  # latest events of a candidate story compared (bounded read)


#: an article must share this much with one of the story's latest articles (not with the story's
#: pooled profile: a profile pools the words of every report on a name and matches anything about it)
PAIR_SUBJECT_MIN = 3
PAIR_NAMES_MIN = 1
#: ... or this many distinct names (people, organisations, cities; no hub, no country): the same
#: cast again ("Choe Son Hui", "Serghei Lavrov", "Kim Jong Un", "Phenian" a year apart) is a story
#: even when the words differ; one name, or a hub with a country, is not
CAST_MIN = 4
CAST_PERSONS = 3  # ... of them people: "Casa Albă", "America", "Manhattan" and Biden are a beat's set
#: ... each named in at most this share of the articles linked so far: a campaign's candidates
#: (Lasconi, Simion, Ciolacu, Antonescu in every election report) are a beat's cast, not a story's;
#: a case's accused and witnesses are (checked once :data:`CAST_MIN_DOCS` articles are linked)
CAST_SHARE = 0.01
CAST_MIN_DOCS = 50
CAST_MENTIONS = 2
LATEST_ARTICLES = 12
ARTICLE_SUBJECT_TERMS = 40

DDL = ("CREATE TABLE IF NOT EXISTS article_link_terms (article_id TEXT PRIMARY KEY, "
       "terms TEXT NOT NULL, ents TEXT NOT NULL) WITHOUT ROWID")


def remember(conn: sqlite3.Connection, article_id: str, subject: list[str], ents: list[str]) -> None:
    """Keep an article's subject terms and entity keys, for later articles to compare with."""
    conn.execute(DDL)
    conn.execute("INSERT OR REPLACE INTO article_link_terms(article_id, terms, ents) VALUES (?,?,?)",
                 (article_id, json.dumps(subject[:ARTICLE_SUBJECT_TERMS]), json.dumps(ents)))


def cast_names(mentions: dict[str, int], shares: dict[str, float], docs: int) -> set[str]:
    """The article's names that can make a cast.  Once the corpus has :data:`CAST_MIN_DOCS`
    articles (enough to hold beats): those named at least :data:`CAST_MENTIONS` times (a ballot
    list or a promo block names each candidate once, the report of a case names its accused again
    and again) and rare (:data:`CAST_SHARE`); before, all of them."""
    if docs < CAST_MIN_DOCS:
        return set(mentions)
    return {k for k, n in mentions.items() if n >= CAST_MENTIONS and shares.get(k, 0.0) <= CAST_SHARE}


def shares_with_an_article(conn: sqlite3.Connection, story_id: str, subject: list[str], ents: list[str],
                           need: int, rare: set[str] | None = None) -> bool:
    """Whether one of the story's latest articles shares ``need`` subject terms and
    :data:`PAIR_NAMES_MIN` names with the article, or :data:`CAST_MIN` rare names (``rare``; any
    when None): the same happening told twice shares its words and its actors, a beat shares only
    its name."""
    conn.execute(DDL)
    mine, who = set(subject), set(ents)
    cast_pool = who if rare is None else who & rare
    for terms, their in conn.execute(
            "SELECT t.terms, t.ents FROM articles a JOIN article_link_terms t ON t.article_id=a.id "
            "WHERE a.story_id=? ORDER BY a.date_start DESC LIMIT ?", (story_id, LATEST_ARTICLES)):
        their_names = set(json.loads(their))
        both, cast_names = who & their_names, cast_pool & their_names
        cast = len(cast_names) >= CAST_MIN and sum(k.startswith("person:") for k in cast_names) >= CAST_PERSONS
        if cast or (len(both) >= PAIR_NAMES_MIN and len(mine & set(json.loads(terms))) >= need):
            return True
    return False


@dataclass
class Evidence:
    names: list[str]  # entity keys both share
    subject: list[str]  # shared distinctive terms that are not name words
    events: int  # shared happenings

    def enough(self, gap_days: int) -> bool:
        """Whether this supports a link across ``gap_days``: a shared happening, or a shared
        subject that grows with the gap."""
        if self.events:
            return True
        return len(self.subject) >= needed(gap_days)


def needed(gap_days: int) -> int:
    """Shared subject terms a link needs across ``gap_days``: more as the gap grows (a story's
    vocabulary drifts and a beat's recurs), at most :data:`SUBJECT_CAP`."""
    return min(SUBJECT_MIN + max(0, gap_days - FRESH_DAYS) // DRIFT_DAYS, SUBJECT_CAP)


def distinctive(idf: float, docs: int) -> bool:
    """Whether a term with this smoothed IDF (``index.idf``) is rare enough to be a subject: in
    at most :data:`SUBJECT_SHARE` of the articles so far (any term seen once, early on)."""
    return idf >= min(1.0 + math.log(1.0 / SUBJECT_SHARE), 1.0 + math.log((1 + docs) / 2))


def article_subject(counts: dict[str, int], idf: dict[str, float], docs: int, names: set[str],
                    lang: str = "") -> list[str]:
    """An article's subject: its distinctive terms (rare so far, or never seen: the rarest of all)
    that are not words of its names nor function words (a pronoun like "aceștia" is rare early
    in a corpus, and four such words joined two unrelated profiles), most salient first
    (count × IDF)."""
    top_idf = 1.0 + math.log((1 + docs) / 1)
    skip = function_words(lang)
    weight = {t: math.log1p(n) * (top_idf if idf[t] < 0 else idf[t]) for t, n in counts.items()
              if (idf[t] < 0 or distinctive(idf[t], docs)) and t.split(":", 1)[-1] not in names
              and t.split(":", 1)[-1] not in skip}
    return sorted(weight, key=lambda t: (-weight[t], t))[:ARTICLE_SUBJECT_TERMS]


@lru_cache(maxsize=None)
def function_words(lang: str) -> frozenset[str]:
    """Folded stop words of ``lang`` from spaCy's language data (empty for a language it lacks)."""
    from importlib import import_module

    from cronicar.link.signals import fold

    try:
        words = import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
    except (ImportError, AttributeError, ValueError):
        return frozenset()
    return frozenset(fold(w) for w in words)


def name_words(names: list[str]) -> set[str]:
    """Folded words of entity names, to tell a name's own words from subject words."""
    from cronicar.link.signals import WORD, fold

    return {fold(w) for n in names for w in WORD.findall(n)}


def subject_terms(terms: dict[str, float], story_terms: dict[str, float], names: set[str]) -> list[str]:
    """Terms both sides rank as salient, minus words of names ("ro:trump")."""
    return sorted(t for t in terms if t in story_terms and t.split(":", 1)[-1] not in names)


def article_events(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, set[str], str]]:
    """(type, participants, day) of the article's dated event mentions."""
    return [(t, set(json.loads(p)), (w or "")[:10]) for t, p, w in conn.execute(
        "SELECT type, participants, when_start FROM event_mentions WHERE article_id=? AND type!='statement'",
        (article_id,))]


def shared_events(conn: sqlite3.Connection, story_id: str, mine: list[tuple[str, set[str], str]]) -> int:
    """How many of the article's happenings the story already holds (same type, a shared
    participants (:data:`EVENT_PARTICIPANTS`), dates within :data:`EVENT_DAYS`).  Statements are left out: everyone states."""
    if not mine:
        return 0
    from datetime import date

    theirs = [(t, set(json.loads(p)), (w or "")[:10]) for t, p, w in conn.execute(
        "SELECT type, participants, when_start FROM events WHERE story_id=? AND type!='statement' "
        "ORDER BY when_start DESC LIMIT ?", (story_id, STORY_EVENTS))]
    n = 0
    for t, who, day in mine:
        for t2, who2, day2 in theirs:
            if t != t2 or len(who & who2) < EVENT_PARTICIPANTS or not day or not day2:
                continue
            try:
                if abs((date.fromisoformat(day) - date.fromisoformat(day2)).days) <= EVENT_DAYS:
                    n += 1
                    break
            except ValueError:
                continue
    return n
