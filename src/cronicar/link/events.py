"""Event coreference: an event mention joins an existing event of the same story when the type is
the same, the date intervals overlap and the participants are compatible; the event's date then
becomes the most precise compatible value (2022 + 2022-02 -> 2022-02).  Non-overlapping dates
never merge, so two meetings of the same ministers a year apart stay two events.

When people cannot decide (no named person on one side: English has no NER here, and many reports
name only countries or companies), the words or the dates must: the mention's trigger must be of a
word family the event was already told with ("order" ... "the order"; "won" ... "wins";
"delivered" ... "delivery"; families come from the trigger lexicon), or both must be dated, to the
month or better, by the text itself (not by the article's day); and sentences naming disjoint sets
of capitalized names are about different things.  A statement is somebody's statement: without a
shared named person two statements are never one.  Among compatible events the mention joins the
one with the most evidence (shared word family, shared participants, then the most recent), not
merely the first found.  See docs/events.md for the figures behind each rule.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from cronicar.analyze.budget import check
from cronicar.analyze.events_lexicon import trigger_root
from cronicar.lang import has_parser
from cronicar.link.index import name_weights
from cronicar.model import entity_key
from cronicar.lang import iso
from cronicar.store import events as store

# A date of the mention's own (not the article's day) counts as evidence when it and the event's
# date are at least as precise as a month: "in June 2024" picks out one treaty; "in 2009" or
# "between 2009 and 2011" does not pick out one sale.
OWN_DATE_MAX_DAYS = 31


# Types that tell one happening in other words: "invazia rusă din Ucraina în 2022" and "Moscova
# și-a trimis armata în Ucraina în februarie 2022" are one war, an attack and a deployment.
FAMILIES: tuple[frozenset[str], ...] = (frozenset({"attack", "deployment"}),)
FAMILY_ORDER = ("attack", "deployment")  # the name a merged event keeps: the war, not the troops


def _family(etype: str) -> frozenset[str]:
    return next((f for f in FAMILIES if etype in f), frozenset({etype}))


def _days(start: str, end: str) -> int:
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    except ValueError:
        return 1 << 30


def _overlap(a0: str | None, a1: str | None, b0: str | None, b1: str | None) -> bool:
    if not (a0 and a1 and b0 and b1):
        return False
    return a0 <= b1 and b0 <= a1


def _persons(conn: sqlite3.Connection, names: list[str]) -> set[str]:
    return {n for n in names if store.is_person(conn, n)}


def _compatible(conn: sqlite3.Connection, p: list[str], q: list[str]) -> bool:
    """Compatible participants.

    People decide: when both sides name two or more people, they must share two (Putin–Choe and
    Choe–Lavrov on the same day are two meetings).  A side naming at most one participant is
    underspecified ("a treaty signed by their leaders in June") and is compatible with any side
    sharing it or naming more.
    """
    pp, qp = _persons(conn, p), _persons(conn, q)
    if len(pp) >= 2 and len(qp) >= 2:
        return len(pp & qp) >= 2
    if len(p) <= 1 or len(q) <= 1:
        return True
    shared = set(p) & set(q)
    need = 1 if min(len(p), len(q)) <= 2 else 2
    return len(shared) >= need


def _common(conn: sqlite3.Connection, names: set[str]) -> set[str]:
    """The participants that are names nearly every report carries (a person or organisation
    named in more than 5% of the articles linked so far: :func:`index.name_weights`), which tell
    no happening apart.  Asked once per mention for it and all its candidate events (one query)."""
    keys = {entity_key(kind, n): n for n in names for kind in ("ORG", "PERSON")}
    return {keys[k] for k in name_weights(conn, list(keys))}


_WORD = re.compile(r"[^\W\d_][\w&-]*")


@lru_cache(maxsize=None)
def _calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names (CLDR, via Babel): capitalized in English, never names."""
    try:
        import babel

        loc = babel.Locale.parse(iso(lang))
    except Exception:  # unknown locale: no calendar words
        return frozenset()
    words: set[str] = set()
    for table in (loc.months["format"]["wide"], loc.months["format"]["abbreviated"],
                  loc.days["format"]["wide"], loc.days["format"]["abbreviated"]):
        words |= {str(v).lower().strip(".") for v in table.values()}
    return frozenset(words)


def names_in(sentence: str, lang: str = "en") -> set[str]:
    """Capitalized words that do not open a line or a sentence and are not month or day names:
    the names a sentence talks about ("Qatar Airways", "Air Force") when there is no NER to find
    them.  (A title line has no stop, so the sentencizer glues it to the date line and the lead:
    lines count apart.)  Counting sentence-initial words known as names elsewhere in the article
    was tried and scored lower on the development corpora."""
    calendar = _calendar_words(lang)
    out: set[str] = set()
    for line in sentence.splitlines():
        for piece in re.split(r"[.!?]\s+", line):
            for i, m in enumerate(_WORD.finditer(piece)):
                w = m.group(0)
                if i > 0 and w[:1].isupper() and w.lower() not in calendar:
                    out.add(w)
    return out


def _told(conn: sqlite3.Connection, event_id: str) -> tuple[set[str], set[str]]:
    """Word families of the triggers the event has been told with so far, and the names of their
    sentences (both from the stored text)."""
    rows = store.told_with(conn, event_id)
    names: set[str] = set()
    for _, lang, sent in rows:
        names |= names_in(sent, lang)
    return {trigger_root(word, lang) for word, lang, _ in rows}, names


def _evidence(conn: sqlite3.Connection, etype: str, root: str, participants: list[str],
              event_parts: list[str], told: tuple[set[str], set[str]], names: set[str],
              own_date: bool, parsed: bool = True, common: frozenset[str] | set[str] = frozenset()) -> float | None:
    """How strongly the mention belongs to the event; None when it must not join it.

    ``parsed``: the mention's language has a parser and NER, so its participants are the people
    and places of its clause.  Without one (English, Spanish... here) participants are every
    capitalized name of the sentence, which says little about who took part: people do not
    decide then, and the words, the dates and the names of the sentences do (measured on MEANTIME
    dev: docs/events.md, Coreference).

    ``own_date``: the mention is dated by its text (a time expression, or an event anaphor like
    "În urma acestei întâlniri"), not by the article's day; a same-type event on that given date is
    then evidence in itself, where "news of the day" is not (many things happen on a day).

    ``common``: the participants every report carries (:func:`_common`), which count for nothing."""
    if parsed and not _compatible(conn, participants, event_parts):
        return None
    pp, ep = (_persons(conn, participants), _persons(conn, event_parts)) if parsed else (set(), set())
    event_roots, event_names = told
    same_word = root in event_roots
    if etype == "statement" and not pp & ep:
        return None  # whose statement?  Without a shared speaker, two statements are two
    if not (pp and ep) and not same_word and not own_date:
        return None  # people cannot decide, nor the date, and the words do not agree either
    if parsed and not own_date and not pp & ep and not (set(participants) - common) \
            and not (set(event_parts) - common):
        # nobody but the names every report carries ("BET", "Bursa de Valori București") on either
        # side: a word alone ("în creștere cu 17,5%") does not make two reports' rises one
        return None
    if not (pp and ep) and names and event_names and not names & event_names \
            and not (set(participants) & set(event_parts)) - common:
        # told about other names ("Airbus won ..." vs "Boeing won ..."); the canonical participants
        # count too, so a report in another language ("North Korea" = "Coreea de Nord") can agree
        return None
    return 2.0 * same_word + len(set(participants) & set(event_parts))


# At most this many candidate events (the most recent first) are weighed per mention: with every
# event of the story a candidate, one article's N mentions cost N x (events so far) comparisons,
# and a sentence repeated 400 times took 7.4 s.  Ties already go to the most recent event.
MAX_CANDIDATES = 100


@dataclass
class _Mention:
    """One event mention being linked, with what its candidates are weighed on."""

    row: tuple  # store.unlinked_mentions' row
    participants: list[str]
    names: set[str]  # names of its sentence
    root: str  # its trigger's word family
    own_date: bool  # dated by its text, not by the article's day
    types: set[str]


def _mention(row: tuple) -> _Mention:
    _mid, etype, _summary, parts, _place, _wv, ws, we, types, _headline, word, lang, day0, day1, sent = row
    return _Mention(row=row, participants=json.loads(parts), names=names_in(sent, lang), root=trigger_root(word, lang),
                    own_date=bool(ws and we) and (ws, we) != (day0, day1) and _days(ws, we) <= OWN_DATE_MAX_DAYS,
                    types=set(json.loads(types)) if types else {etype})


def _best_event(conn: sqlite3.Connection, m: _Mention, story_id: str,
                told: dict[str, tuple[set[str], set[str]]]) -> tuple | None:
    """The story's event the mention tells, as its candidate row, or None for a new happening."""
    etype, place, ws, we, lang = m.row[1], m.row[4], m.row[6], m.row[7], m.row[11]
    family = sorted(set().union(*(_family(t) for t in m.types)))
    # Candidates: events whose primary type or one of whose tags is of the mention's cues
    # ("won an order" is an award tagged purchase; "ordered" joins it).
    cands = store.candidate_events(conn, story_id, family, m.types, ws, we, MAX_CANDIDATES)
    best, best_score = None, -1.0
    parsed = has_parser(lang)
    cand_parts = [json.loads(c[1]) for c in cands]
    common = _common(conn, set(m.participants).union(*cand_parts)) if parsed and cands else set()
    for (eid, _, ewv, ews, ewe, eplace, etype_c, etypes), ep in zip(cands, cand_parts):
        if not _overlap(ws, we, ews, ewe):
            continue
        same = m.types & (set(json.loads(etypes)) if etypes else {etype_c})
        if not same:  # told in other words: the same place and two shared participants
            shared = set(m.participants) & set(ep)
            score = (1.0 + len(shared)) if place and place == eplace and len(shared) >= 2 else None
        else:
            precise = m.own_date and _days(ews, ewe) <= OWN_DATE_MAX_DAYS
            if eid not in told:
                told[eid] = _told(conn, eid)
            score = _evidence(conn, etype if etype in same else min(same), m.root, m.participants, ep,
                              told[eid], m.names, precise, parsed=parsed, common=common)
        if score is not None and score > best_score:  # ties: the most recent event
            best, best_score = (eid, ep, ewv, ews, ewe, eplace, etype_c, etypes), score
    return best


def _join(conn: sqlite3.Connection, m: _Mention, best: tuple) -> str:
    """Fold the mention into the event ``best``; returns the event id."""
    _mid, etype, _summary, _parts, place, wv, ws, we, types, headline = m.row[:10]
    eid, ep, ewv, ews, ewe, eplace, etype_c, etypes = best
    # Most precise compatible value: the narrower interval wins.
    if ws and we and (we, ws) != (ewe, ews) and (we < ewe or ws > ews) and ws >= ews and we <= ewe:
        ewv, ews, ewe = wv, ws, we
    merged = ep + [x for x in m.participants if x not in ep]
    kind = min(etype, etype_c, key=FAMILY_ORDER.index) \
        if etype != etype_c and {etype, etype_c} <= set(FAMILY_ORDER) else etype_c
    all_types = [kind] + [t for t in json.loads(etypes or "[]") + json.loads(types or "[]") if t != kind]
    store.update_event(conn, eid, (kind, ewv, ews, ewe, eplace or place, json.dumps(merged, ensure_ascii=False),
                                   json.dumps(list(dict.fromkeys(all_types))), headline))
    if headline and etype == kind != etype_c:
        # the row is now named for this mention's kind ("the war, not the troops"): its line is
        # this mention's, not the one of the troops it was first told by
        store.set_event_headline(conn, eid, headline)
    return eid


def _new_event_id(conn: sqlite3.Connection, article_id: str, k: int, mid: int) -> str:
    """A new event's id from its article and the rank of its first mention there (by trigger), not
    from the mention's row id: row ids depend on what was written and replaced before (a
    correction read in another window), so `--jobs 1` and `--jobs 2` would name one event
    differently.  The row id only breaks a clash with an event a partial re-link left behind."""
    eid = "e:" + hashlib.sha1(f"{article_id}:#{k}".encode()).hexdigest()[:12]
    if store.event_exists(conn, eid):
        eid = "e:" + hashlib.sha1(f"{article_id}:{mid}".encode()).hexdigest()[:12]
    return eid


def link_events(conn: sqlite3.Connection, article_id: str, story_id: str) -> None:
    """Give every event mention of the article an event id (idempotent)."""
    told: dict[str, tuple[set[str], set[str]]] = {}  # event -> _told(), kept up to date below
    repeated: dict[tuple[object, ...], str] = {}  # a mention told again word for word -> its event
    for k, row in enumerate(store.unlinked_mentions(conn, article_id)):
        check("linking events")
        mid, etype, summary, parts, place, wv, ws, we, types, headline, word, _lang, _d0, _d1, sent = row
        again = (etype, summary, parts, place, wv, ws, we, types, headline, word, sent)
        if again in repeated:
            # The same sentence again in this article (a page repeating its lead, a pasted text):
            # the same report of the same event, linked once.
            store.set_event(conn, mid, repeated[again])
            continue
        m = _mention(row)
        best = _best_event(conn, m, story_id, told)
        if best is None:
            eid = _new_event_id(conn, article_id, k, mid)
            store.add_event(conn, eid, story_id, (etype, summary, wv, ws, we, place, parts, types, headline))
        else:
            eid = _join(conn, m, best)
        store.set_event(conn, mid, eid)
        repeated[again] = eid
        if eid in told:  # what _told() would now read: this mention's word family and names too
            told[eid][0].add(m.root)
            told[eid][1].update(m.names)
    # A mention that tells the same happening as another of its sentence shares that one's event.
    store.link_parts(conn, article_id)
