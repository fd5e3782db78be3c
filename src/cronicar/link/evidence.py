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

import math
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from cronicar.store import linking as store

#: shared subject terms a link needs when article and story are within :data:`FRESH_DAYS`
SUBJECT_MIN = 4
#: a subject term is in at most this share of the articles linked so far ("administrație",
#: "american" in a tenth of political news name a beat, not a story)
SUBJECT_SHARE = 0.04
#: ... and one more per this many days between the article and the story's last article
DRIFT_DAYS = 3
FRESH_DAYS = 3
SUBJECT_CAP = 10  # never more than this
#: a shared happening: same event type, shared participants, dates this close (days), each dated
#: to a span no longer than that
EVENT_DAYS = 7
EVENT_PARTICIPANTS = 2  # shared participants (one is a hub name: "Trump" takes part in everything)


#: what a tie between two articles needs: this many shared subject terms (growing with the days
#: between them, :func:`needed`) and names (people, organisations, cities; no hub, no country)
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
#: ... or in at most this many of them: in a small collection 1% is a handful of reports, and a
#: case's accused named in its two earlier reports is still its own cast
CAST_DOCS = 3
#: an article joins a story when it is tied to at least this share of the story's latest
#: :data:`LATEST_ARTICLES` articles, not to any one of them: joining on one tie chains (A ties B,
#: B ties C, ...) until a story spans a whole campaign, each report sharing words with the one
#: before it but no happening with the first
TIE_SHARE = 0.5
#: two reports of the same days that share this many subject terms and a name tell one happening,
#: whatever the entity cosine says (the NER finds different names in each: Ciolacu's resignation
#: and Negrescu named interim leader for it, the same evening, scored 0.41; the coalition's talks
#: and its common candidate named the next day, 0.44, share four)
CLOSE_SUBJECT = 4
#: two reports within :data:`FRESH_DAYS` whose main name is the same rare person (a cast name:
#: named again and again, rare in the corpus) and that share this many subject terms tell one
#: happening: "A murit Ion Diaconescu" and, the next day, his body laid out at the party's seat
#: share one subject word ("muri") but are both about one man few reports name.  A famous
#: person is no protagonist here (a hub is never rare): a lifestyle piece on a candidate stays apart
PROTAGONIST_SUBJECT = 1
#: two reports of the same or the next day that share this many distinct names (at least
#: :data:`SAME_DAY_RARE` of them rare) and :data:`SAME_DAY_SUBJECT` subject terms tell one
#: happening even when the entity cosine is low: a party's county leaders replaced in one meeting,
#: reported county by county ("Pauliuc coordonator PNL Galați" beside the list of new leaders)
SAME_DAY_NAMES = 3
SAME_DAY_RARE = 2
SAME_DAY_SUBJECT = 2
SAME_DAY_GAP = 1
LATEST_ARTICLES = 6
ARTICLE_SUBJECT_TERMS = 40
#: a happening and its direct consequence are told the same or the next day (a resignation and
#: the interim leader, a death and the funeral); two reports further apart that share words and a
#: name are two happenings of one saga (a tariff war's statements six days apart, a crisis's
#: protests and its interim chancellor two days apart): beyond this many days a tie needs a shared
#: happening, the same rare cast, or a retelling (:data:`RETOLD_SUBJECT` shared subject terms)
NEXT_DAY = 1
#: shared subject terms of a retelling: one report republished or updated days later says the same
#: rare words (a bond issue's text three days later shares most of its 40) ...
RETOLD_SUBJECT = 10
#: ... within this many days: a week apart the same words are a template (Fitch's and then
#: Moody's action on one bank, whose boilerplate paragraph each report repeats; a monthly report),
#: not one report told again; a company's proposal and its shares' rise four days on still are
RETOLD_DAYS = 5


#: two reports whose titles name the same public occasion's day (an election's vote or result,
#: ``lang/<code>/stories_occasions.tsv``) tell one story when this many days apart at most: the
#: day's reports and the next two days' reactions to the result
OCCASION_DAYS = 2


@dataclass
class Report:
    """What one article brings to a tie with another: its day, subject terms, distinct names,
    names rare enough to make a cast (None: all of them), happenings (type, participants, day),
    its hub participants (countries and names common in the corpus, as written in events) and its
    main name (the distinct name it mentions most; None when it has none), its title (or first
    line) and whether that title is a profile's (:func:`is_profile`)."""

    day: str
    subject: set[str]
    names: set[str]
    rare: set[str] | None = None
    happenings: list[tuple] = field(default_factory=list)  # (type, participants, first day, last day)
    hubs: set[str] = field(default_factory=set)
    main: str | None = None
    title: str = ""
    profile: bool = False
    lang: str = ""
    few: set[str] | None = None
    #: the trading session a market round-up tells of (:func:`session_day`); None: no round-up
    session: str | None = None


def remember(conn: sqlite3.Connection, article_id: str, subject: list[str], ents: list[str]) -> None:
    """Keep an article's subject terms and entity keys (its main name first, see
    :func:`main_first`), for later articles to compare with."""
    store.remember_terms(conn, article_id, subject[:ARTICLE_SUBJECT_TERMS], ents)


def cast_names(mentions: dict[str, int], shares: dict[str, float], docs: int) -> set[str]:
    """The article's names that can make a cast.  Once the corpus has :data:`CAST_MIN_DOCS`
    articles (enough to hold beats): those named at least :data:`CAST_MENTIONS` times (a ballot
    list or a promo block names each candidate once, the report of a case names its accused again
    and again) and rare (:data:`CAST_SHARE`); before, all of them."""
    if docs < CAST_MIN_DOCS:
        return set(mentions)
    return {k for k, n in mentions.items() if n >= CAST_MENTIONS and shares.get(k, 0.0) <= CAST_SHARE}


def few_names(shares: dict[str, float], docs: int) -> set[str]:
    """The names few reports named so far (:data:`CAST_SHARE`, :data:`CAST_DOCS`), however often
    the article names them: a verdict's list of a case's accused, each named once.  None before
    :data:`CAST_MIN_DOCS` articles: in a handful of reports every name is in few of them."""
    if docs < CAST_MIN_DOCS:
        return set()
    return {k for k, v in shares.items() if v <= CAST_SHARE or v * docs <= CAST_DOCS}


def _days(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


#: happenings of one kind told apart: a visit announced for "next week" is made as a meeting at
#: the White House, with talks (the type the trigger gave each report)
SAME_KIND = {"visit": "encounter", "meeting": "encounter", "talks": "encounter"}


#: a report's main happenings are told in its lead: a sentence starting within this many characters
LEAD_CHARS = 300


def one_happening(mine: list[tuple], theirs: list[tuple], hubs: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether two reports days apart tell one happening in their leads (what each is about, not
    what it recalls: a deputy's share sale recalling the CEO's of last week): of one kind
    (:data:`SAME_KIND`), a shared participant that is no hub, and the days each dates it to
    overlapping (a week's interval holds the day it was made) when the texts date both.  An undated
    one has its report's day, which says when it was told, not when it happened (two reports of a
    treaty signed, two days apart): then, as :func:`share_a_happening`, two shared participants.
    Two happenings of a saga are dated apart: an insider's sale on Wednesday and another's on
    Monday."""
    for t, who, start, last, lead, dated in (h for h in mine if len(h) > 5):
        for t2, who2, start2, last2, lead2, dated2 in (h for h in theirs if len(h) > 5):
            if not (lead and lead2 and SAME_KIND.get(t, t) == SAME_KIND.get(t2, t2) and (who & who2) - hubs
                    and start and start2):
                continue
            if dated and dated2 and start <= (last2 or start2) and start2 <= (last or start):
                return True
            if not (dated and dated2) and len(who & who2) >= EVENT_PARTICIPANTS \
                    and (_days(start, start2) or 0) <= EVENT_DAYS:
                return True
    return False


def share_a_happening(mine: list[tuple], theirs: list[tuple],
                      hubs: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether two lists of happenings hold one in common: same type, :data:`EVENT_PARTICIPANTS`
    shared participants, one of them not in ``hubs``, dates within :data:`EVENT_DAYS` (statements
    are left out: everyone states).  Two hubs are no cast: "Donald Trump" and "SUA" take part in
    the election night's results and in a feature on his marriage published that night."""
    for t, who, day, *_ in mine:
        for t2, who2, day2, *_ in theirs:
            both = who & who2
            if t == t2 and len(both) >= EVENT_PARTICIPANTS and both - hubs and day and day2:
                gap = _days(day, day2)
                if gap is not None and gap <= EVENT_DAYS:
                    return True
    return False


def tied(mine: Report, theirs: Report, close: bool = False) -> bool:
    """Whether two articles tell one story: a shared happening, the same rare cast, a shared
    subject (:func:`needed` terms for the days between them) with a shared name, or one of the
    fresh ties of :func:`fresh_tie`.  ``close``: only a fresh tie counts (see :func:`joins`)."""
    gap = _days(mine.day, theirs.day) or 0
    if mine.session and theirs.session and mine.session != theirs.session:
        # a trading session is its own happening: Tuesday's tech falls and Wednesday's are two
        # round-ups sharing every word and index name, not one story (a next-morning edition's
        # "ieri" dates its lead to the session before: that one is the same)
        return False
    if mine.profile or theirs.profile:
        # before the occasion: an outfit at the polls or a spouse not voting is the day's colour,
        # which a reader holds only loosely the same story as the result (blind read, seed 61843)
        return profile_tie(mine, theirs, gap, close)
    if occasion_tie(mine, theirs, gap):
        return True
    if titled_person(mine, theirs, gap):
        return True
    if gap > NEXT_DAY:
        return saga_tie(mine, theirs, gap, close)
    if fresh_tie(mine, theirs, gap):
        return True
    if close:
        return False
    if share_a_happening(mine.happenings, theirs.happenings, mine.hubs) or same_cast(mine, theirs):
        return True
    return len(mine.names & theirs.names) >= PAIR_NAMES_MIN and len(mine.subject & theirs.subject) >= needed(gap)


def titled_person(mine: Report, theirs: Report, gap: int) -> bool:
    """Whether, within :data:`FRESH_DAYS`, both titles name one person both reports name, who is
    no hub (a distinct name of each) and the main name of one of them: a claim and the replies to
    it ("Dragoș Sprînceană, emisarul lui Ciolacu", then "Lasconi cere clarificări privind
    declarațiile lui Dragoș Sprînceană" three days later), a man's statements and his resignation.
    Names are compared by surname and without their kind: the NER calls the same man a person in
    one report, an organisation or a place in the next."""
    if gap > FRESH_DAYS or mine.rare is None or mine.few is None:
        return False
    mains = {surname(k) for k in (mine.main, theirs.main) if k and k.startswith("person:")}
    shared = mains & {surname(k) for k in mine.names & mine.rare & mine.few} & {surname(k) for k in theirs.names}
    if shared & title_names(mine.title) & title_names(theirs.title):
        return True
    # a reply names the man it answers once, whatever kind the NER gives him ("Lasconi cere
    # clarificări privind declarațiile făcute de Dragoș Sprînceană", three days after his own
    # report): a person of the earlier report, few reports name, named in both titles
    if not is_reply(mine.title, mine.lang):
        return False
    named = {surname(k) for k in theirs.names if k.startswith("person:")}
    return bool(named & {surname(k) for k in mine.names & mine.few}
                & title_names(mine.title) & title_names(theirs.title))


@lru_cache(maxsize=4096)
def title_names(title: str) -> frozenset[str]:
    """A title's words as :func:`surname` folds a name ("Sprînceană" = "Sprânceană")."""
    from cronicar.link.signals import WORD

    return frozenset(surname(w) for w in WORD.findall(title))


def occasion_tie(mine: Report, theirs: Report, gap: int) -> bool:
    """Whether both titles name the day of one public occasion (:func:`occasion`) within
    :data:`OCCASION_DAYS`: the same occasion, no two different kinds or rounds (the first round
    of a presidential election is not the parliamentary one a week later)."""
    if gap > OCCASION_DAYS:
        return False
    a, b = occasion(mine.title, mine.lang or theirs.lang), occasion(theirs.title, theirs.lang or mine.lang)
    if a is None or b is None or a[0] != b[0]:
        return False
    for family in {q.split(":", 1)[0] for q in a[1]} & {q.split(":", 1)[0] for q in b[1]}:
        if not {q for q in a[1] if q.startswith(family + ":")} & b[1]:
            return False
    return True


@lru_cache(maxsize=4096)
def occasion(title: str, lang: str) -> tuple[str, frozenset[str]] | None:
    """The occasion whose day a title reports (``lang/<code>/stories_occasions.tsv``) and its
    qualifiers ("kind:prezidential", "round:1"), or None: a day cue that is what the title
    reports, not a time reference (after a "when" cue: an earthquake "imediat după ce s-au deschis
    secțiile de votare" is about the earthquake).  Someone casting a ballot ("nu a votat ... la
    prezidențiale", "X la vot") names no day: a reader holds it the day's colour, not the vote.
    Cached: a story's titles are read again for every article compared with it."""
    cues = occasion_cues(lang)
    if not cues or not title:
        return None
    from cronicar.link.signals import fold

    folded = fold(title)
    for name, roles in cues.items():
        # a day cue after a time clause's opening ("imediat după ce s-au deschis secțiile de
        # votare", "în ziua alegerilor") says when the title's happening was, not what it was
        when = min((m.start() for role, _, pattern in roles if role == "when"
                    for m in [pattern.search(folded)] if m), default=len(folded))
        if any(role == "ballot" and pattern.search(folded) for role, _, pattern in roles):
            continue  # one person casting a ballot ("X a votat la secția de votare"): the day's colour
        if any(role == "day" and (m := pattern.search(folded)) and m.start() < when for role, _, pattern in roles):
            found = {(role, value) for role, value, pattern in roles if role in ("kind", "round") and pattern.search(folded)}
            return name, frozenset(f"{role}:{value}" for role, value in found)
    return None


@lru_cache(maxsize=None)
def occasion_cues(lang: str) -> dict[str, list[tuple[str, str, re.Pattern[str]]]]:
    """Occasion -> (role, value, pattern) of ``lang/<code>/stories_occasions.tsv`` (empty: no file)."""
    from cronicar import data_lines
    from cronicar.link.signals import fold

    out: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
    if not lang:
        return out
    for line in data_lines(lang, "stories_occasions.tsv"):
        cols = line.split("\t")
        if len(cols) == 4:
            out.setdefault(cols[0], []).append((cols[1], cols[2], _cue_pattern(fold(cols[3]).split())))
    return out


def _cue_pattern(words: list[str]) -> re.Pattern[str]:
    """A cue's words, each beginning a word, consecutive (as the profile cues); a word ending in
    "=" is a whole word ("a= votat": one person, not "au votat")."""
    parts = [re.escape(w[:-1]) + r"(?![^\W\d_])" if w.endswith("=") else re.escape(w) + r"[^\W\d_]*"
             for w in words]
    return re.compile(r"(?<![^\W\d_])" + r"[\W\d_]+".join(parts))


def retold(mine: Report, theirs: Report) -> bool:
    """Whether one report retells the other: :data:`RETOLD_SUBJECT` shared subject terms and a name."""
    return len(mine.names & theirs.names) >= PAIR_NAMES_MIN and len(mine.subject & theirs.subject) >= RETOLD_SUBJECT


def same_cast(mine: Report, theirs: Report) -> bool:
    """The same rare cast (:data:`CAST_MIN` names, :data:`CAST_PERSONS` of them people): one case's
    accused and witnesses weeks apart."""
    pool = mine.names if mine.rare is None else mine.names & mine.rare
    if _a_cast(pool & theirs.names):
        return True
    # a case's verdict lists its accused once each: few reports' names, when both titles name one
    # of them ("Cazul Voicu", "Senatorul Catalin Voicu, condamnat"); a list of a county's
    # politicians in two results pieces names nobody in its titles
    wide = {k for k in mine.names & (mine.few or set()) & theirs.names if k.startswith("person:")}
    if len(wide) < CAST_MIN:
        return False
    both = headline_words(mine.title) & headline_words(theirs.title)
    return any(surname(k) in both for k in wide)


def _a_cast(cast: set[str]) -> bool:
    return len(cast) >= CAST_MIN and sum(k.startswith("person:") for k in cast) >= CAST_PERSONS


def profile_tie(mine: Report, theirs: Report, gap: int, close: bool) -> bool:
    """A profile or lifestyle piece (a candidate's first husband, a president's three wives) shares
    a person and no happening with that person's news and other profiles: tied only through a
    shared happening or a retelling (the days as in :func:`saga_tie`)."""
    if close:
        return gap <= FRESH_DAYS and retold(mine, theirs)
    return gap <= RETOLD_DAYS and retold(mine, theirs) \
        or share_a_happening(mine.happenings, theirs.happenings, mine.hubs)


def saga_tie(mine: Report, theirs: Report, gap: int, close: bool) -> bool:
    """Two reports more than :data:`NEXT_DAY` apart: a retelling within :data:`RETOLD_DAYS` (within
    :data:`FRESH_DAYS` also under the probability threshold), one happening of both leads within
    :data:`EVENT_DAYS` (:func:`one_happening`: a visit announced and made), or the same rare
    cast."""
    if close:
        return gap <= FRESH_DAYS and retold(mine, theirs)
    return gap <= RETOLD_DAYS and retold(mine, theirs) \
        or gap <= EVENT_DAYS and one_happening(mine.happenings, theirs.happenings, mine.hubs) \
        or same_cast(mine, theirs)


def fresh_tie(mine: Report, theirs: Report, gap: int) -> bool:
    """Ties that tell one happening reported within :data:`FRESH_DAYS`, whatever the entity cosine
    says (the NER finds different names in each report): :data:`CLOSE_SUBJECT` shared subject
    terms and a name; the same rare protagonist, named in both titles (:data:`PROTAGONIST_SUBJECT`:
    a ballot list that names a candidate twice is not about her); or, the same or the
    next day, the same small cast (:data:`SAME_DAY_NAMES`).  The last two need to know which of
    ``mine``'s names are rare: an article being linked, not a stored report."""
    if gap > FRESH_DAYS:
        return False
    names = mine.names & theirs.names
    subject = len(mine.subject & theirs.subject)
    if len(names) >= PAIR_NAMES_MIN and subject >= CLOSE_SUBJECT:
        return True
    if mine.rare is None:  # a stored report (a merge compares two stories): rarity unknown, no more
        return False
    rare = mine.names & mine.rare
    if mine.main is not None and mine.main == theirs.main and mine.main.startswith("person:") \
            and mine.main in rare and subject >= PROTAGONIST_SUBJECT \
            and surname(mine.main) in headline_words(mine.title) & headline_words(theirs.title):
        return True
    return gap <= SAME_DAY_GAP and len(names) >= SAME_DAY_NAMES and len(names & rare) >= SAME_DAY_RARE \
        and subject >= SAME_DAY_SUBJECT


def latest_reports(conn: sqlite3.Connection, story_id: str, lang: str = "") -> list[Report]:
    """Reports of the story's :data:`LATEST_ARTICLES` latest articles (two bounded reads); their
    titles read as profiles by ``lang``'s cues (a story's reports are in the article's language
    whenever names come from a NER model)."""
    rows = store.latest_terms(conn, story_id, LATEST_ARTICLES)
    haps = store.articles_happenings(conn, [r[0] for r in rows], EVENT_DAYS)
    sessions = store.lead_days(conn, [r[0] for r in rows if is_session(r[4], lang)], LEAD_CHARS)
    return [Report(day, set(terms), set(ents), None,
                   [(t, set(p), (w or "")[:10], (e or "")[:10], at < LEAD_CHARS, dated)
                    for t, p, w, e, at, dated in haps[aid]],
                   main=ents[0] if ents else None,
                   title=title, profile=is_profile(title, lang), session=sessions.get(aid))
            for aid, day, terms, ents, title in rows]


def session_day(conn: sqlite3.Connection, article_id: str, title: str, lang: str) -> str | None:
    """The trading session a market round-up tells of: the first day its lead names ("marți",
    "ieri" in a next morning's edition), when its title is a round-up's
    (``lang/<code>/stories_sessions.tsv``: "Indicele BET", "bursele europene", "Wall Street");
    None for any other report, or a lead that names no day."""
    if not is_session(title, lang):
        return None
    return store.lead_days(conn, [article_id], LEAD_CHARS)[article_id]


@lru_cache(maxsize=4096)
def is_session(title: str, lang: str) -> bool:
    """Whether a title is a market round-up's (``lang/<code>/stories_sessions.tsv``), read as the
    profile cues are."""
    market, move = session_patterns(lang)
    if market is None or move is None or not title:
        return False
    from cronicar.link.signals import fold

    folded = fold(title)
    # a market and a move: "UiPath ... pe Wall Street" or a company joining "indicele FTSE" is
    # news of one company, not a session's round-up
    return market.search(folded) is not None and move.search(folded) is not None


@lru_cache(maxsize=None)
def session_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The market cues (every kind but ``move``) and the move cues of
    ``lang/<code>/stories_sessions.tsv``, each one pattern as :func:`title_pattern` builds it."""
    from cronicar import data_lines
    from cronicar.link.signals import fold

    if not lang:
        return None, None
    rows = [line.split("\t", 1) for line in data_lines(lang, "stories_sessions.tsv") if "\t" in line]

    def one(cues: list[list[str]]) -> re.Pattern[str] | None:
        alternatives = [r"[^\W\d_]*[\W\d_]+".join(re.escape(w) for w in cue) for cue in cues if cue]
        return re.compile(r"(?<![^\W\d_])(?:" + "|".join(alternatives) + ")") if alternatives else None

    return (one([fold(c).split() for k, c in rows if k != "move"]),
            one([fold(c).split() for k, c in rows if k == "move"]))


@lru_cache(maxsize=4096)
def is_reply(title: str, lang: str) -> bool:
    """Whether a title is a reply's (``lang/<code>/stories_replies.tsv``: "declarațiile făcute
    de", "respinge acuzațiile", "răspunde"), read as the profile cues are."""
    pattern = title_pattern(lang, "stories_replies.tsv")
    if pattern is None or not title:
        return False
    from cronicar.link.signals import fold

    return pattern.search(fold(title)) is not None


@lru_cache(maxsize=4096)
def is_profile(title: str, lang: str) -> bool:
    """Whether a title is a profile's or a lifestyle piece's (``lang/<code>/stories_profile.tsv``:
    "Ce avere are...", a spouse, an outfit, a holiday): a cue's words each begin one of
    consecutive title words.  Cached: a story's titles are read again for every article compared
    with it."""
    pattern = title_pattern(lang, "stories_profile.tsv")
    if pattern is None or not title:
        return False
    from cronicar.link.signals import fold

    return pattern.search(fold(title)) is not None


@lru_cache(maxsize=None)
def title_pattern(lang: str, name: str) -> re.Pattern[str] | None:
    """One pattern for the title cues of ``lang/<code>/<name>`` (``kind<TAB>cue`` lines; None:
    no file): each cue word begins a word, the words of a cue consecutive."""
    from cronicar import data_lines
    from cronicar.link.signals import fold

    if not lang:
        return None
    cues = [fold(line.split("\t", 1)[1]).split() for line in data_lines(lang, name) if "\t" in line]
    if not cues:
        return None
    alternatives = (r"[^\W\d_]*[\W\d_]+".join(re.escape(w) for w in cue) for cue in cues if cue)
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(alternatives) + ")")


@lru_cache(maxsize=4096)
def headline_words(title: str) -> frozenset[str]:
    """Folded words of a title (whom a report is about is named there).  Cached: a story's titles
    are read again for every article compared with it."""
    from cronicar.link.signals import WORD, fold

    return frozenset(fold(w) for w in WORD.findall(title))


@lru_cache(maxsize=65536)
def surname(key: str) -> str:
    """The last word of a person key ("person:ion-diaconescu" -> "diaconescu"), folded (cached:
    each tie compares every name of two reports)."""
    from cronicar.link.signals import fold

    word = key.split(":", 1)[-1].rsplit("-", 1)[-1]
    # Romanian writes one vowel "â" inside a word and "î" at its ends since 1993, "î" everywhere
    # before: "Sprânceană" and "Sprînceană" are one name
    return fold(word[:1] + word[1:-1].replace("î", "â").replace("Î", "Â") + word[-1:])


def main_first(counts: dict[str, int], names: list[str]) -> list[str]:
    """``names`` with the one most mentioned (``counts``; ties by key) first, the rest as given:
    stored so, a later article knows whom each report is mostly about."""
    if not names:
        return []
    top = max(names, key=lambda k: (counts.get(k, 0), k))
    return [top] + [k for k in names if k != top]


def holds(ties: int, compared: int) -> bool:
    """Whether ``ties`` of ``compared`` articles are enough (at least :data:`TIE_SHARE` of them: a
    story of two joins an article tied to either, one of four needs two ties)."""
    return compared > 0 and ties >= TIE_SHARE * compared


def joins(conn: sqlite3.Connection, story_id: str, mine: Report, close: bool = False) -> bool:
    """Whether the article is tied to at least :data:`TIE_SHARE` of the story's latest articles
    (``close``: by the close tie of :func:`tied`, which lets a report join under the linker's
    probability threshold)."""
    theirs = latest_reports(conn, story_id, mine.lang)
    return holds(sum(tied(mine, r, close) for r in theirs), len(theirs))


def stories_tied(conn: sqlite3.Connection, a: str, b: str, lang: str = "") -> bool:
    """Whether two stories are one: at least :data:`TIE_SHARE` of the pairs of their latest
    articles are tied.  A bridging article tied to each is not enough: two stories that share
    only that article (or only hub names) would chain through it."""
    ra, rb = latest_reports(conn, a, lang), latest_reports(conn, b, lang)
    return holds(sum(tied(x, y) for x in ra for y in rb), len(ra) * len(rb))


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
    from cronicar.link.signals import fold

    return frozenset(fold(w) for w in _spacy_stop_words(lang))


def _spacy_stop_words(lang: str) -> set[str]:
    """``STOP_WORDS`` of spaCy's ``spacy/lang/<lang>/stop_words.py``, loaded as a module of its own.

    Why not ``import spacy.lang.<lang>.stop_words``: that imports spaCy itself (~1 CPU-s, ~50 MB),
    and the writer of ``ingest --jobs N`` or ``--annotations`` links but never parses; this set
    was the only reason it imported spaCy.  The file is plain data (a set literal, no imports); a
    spaCy whose file is not (an import fails) is imported the usual way."""
    from importlib import import_module, util

    if not lang.isidentifier():
        return set()
    spacy = util.find_spec("spacy")  # locates the package without importing it
    folders = (spacy.submodule_search_locations or []) if spacy else []
    path = next((Path(f, "lang", lang, "stop_words.py") for f in folders
                 if Path(f, "lang", lang, "stop_words.py").is_file()), None)
    if path is None:
        return set()
    spec = util.spec_from_file_location(f"_cronicar_spacy_stop_words_{lang}", path)
    try:
        module = util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return set(module.STOP_WORDS)
    except (ImportError, AttributeError):
        try:
            return set(import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
        except (ImportError, AttributeError, ValueError):
            return set()


def name_words(names: list[str]) -> set[str]:
    """Folded words of entity names, to tell a name's own words from subject words."""
    from cronicar.link.signals import WORD, fold

    return {fold(w) for n in names for w in WORD.findall(n)}


def subject_terms(terms: dict[str, float], story_terms: dict[str, float], names: set[str]) -> list[str]:
    """Terms both sides rank as salient, minus words of names ("ro:trump")."""
    return sorted(t for t in terms if t in story_terms and t.split(":", 1)[-1] not in names)


def article_events(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, set[str], str, str]]:
    """(type, participants, first day, last day, whether its sentence is of the lead, whether the
    text dates it) of the article's happenings dated within :data:`EVENT_DAYS` (a
    year or a month says when, not which happening: two profiles that both recall "2024" share no
    happening)."""
    rows = store.articles_happenings(conn, [article_id], EVENT_DAYS)[article_id]
    return [(t, set(p), (w or "")[:10], (e or "")[:10], at < LEAD_CHARS, dated) for t, p, w, e, at, dated in rows]
