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
from datetime import date
from functools import lru_cache

from cronicar.analyze.budget import check
from cronicar.analyze.events_lexicon import trigger_root
from cronicar.analyze.nlp import has_parser
from cronicar.link.index import name_weights
from cronicar.model import entity_key
from cronicar.lang import iso

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
    return {n for n in names if conn.execute(
        "SELECT 1 FROM entities WHERE name=? AND type='PERSON' LIMIT 1", (n,)).fetchone()}


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
    rows = conn.execute(
        "SELECT substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start), a.lang, "
        "substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start) "
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id=?",
        (event_id,)).fetchall()
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
    dev, airbus+gm: CoNLL 0.730 when such names decided, 0.762 when they do not).

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


def link_events(conn: sqlite3.Connection, article_id: str, story_id: str) -> None:
    """Give every event mention of the article an event id (idempotent)."""
    rows = conn.execute(
        "SELECT m.id, m.type, m.summary, m.participants, m.place, m.when_value, m.when_start, m.when_end, "
        "m.types, m.headline, "
        "substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start), a.lang, a.date_start, a.date_end, "
        "substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start) "
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.article_id=? AND m.event_id IS NULL AND m.part_of IS NULL ORDER BY m.trigger_start",
        (article_id,)).fetchall()
    told: dict[str, tuple[set[str], set[str]]] = {}  # event -> _told(), kept up to date below
    repeated: dict[tuple[object, ...], str] = {}  # a mention told again word for word -> its event
    for mid, etype, summary, parts, place, wv, ws, we, types, headline, word, lang, day0, day1, sent in rows:
        check("linking events")
        again = (etype, summary, parts, place, wv, ws, we, types, headline, word, sent)
        if again in repeated:
            # The same sentence again in this article (a page repeating its lead, a pasted text):
            # the same report of the same event, linked once.
            conn.execute("UPDATE event_mentions SET event_id=? WHERE id=?", (repeated[again], mid))
            continue
        participants = json.loads(parts)
        names = names_in(sent, lang)
        root = trigger_root(word, lang)
        own_date = bool(ws and we) and (ws, we) != (day0, day1) and _days(ws, we) <= OWN_DATE_MAX_DAYS
        mtypes = set(json.loads(types)) if types else {etype}
        family = sorted(set().union(*(_family(t) for t in mtypes)))
        # Candidates: events whose primary type or one of whose tags is of the mention's cues
        # ("won an order" is an award tagged purchase; "ordered" joins it).
        tag_match = " OR ".join("types LIKE ?" for _ in mtypes)
        cands = conn.execute(
            "SELECT id, participants, when_value, when_start, when_end, place, type, types FROM events "
            f"WHERE story_id=? AND (type IN ({','.join('?' * len(family))}) OR {tag_match}) "
            "AND when_start<=? AND when_end>=? ORDER BY rowid DESC LIMIT ?",
            (story_id, *family, *(f'%"{t}"%' for t in sorted(mtypes)), we or "9999", ws or "0000",
             MAX_CANDIDATES)).fetchall()
        best, best_score = None, -1.0
        parsed = has_parser(lang)
        cand_parts = [json.loads(c[1]) for c in cands]
        common = _common(conn, set(participants).union(*cand_parts)) if parsed and cands else set()
        for (eid, _, ewv, ews, ewe, eplace, etype_c, etypes), ep in zip(cands, cand_parts):
            if not _overlap(ws, we, ews, ewe):
                continue
            same = mtypes & (set(json.loads(etypes)) if etypes else {etype_c})
            if not same:  # told in other words: the same place and two shared participants
                shared = set(participants) & set(ep)
                score = (1.0 + len(shared)) if place and place == eplace and len(shared) >= 2 else None
            else:
                precise = own_date and _days(ews, ewe) <= OWN_DATE_MAX_DAYS
                if eid not in told:
                    told[eid] = _told(conn, eid)
                score = _evidence(conn, etype if etype in same else min(same), root, participants, ep,
                                  told[eid], names, precise, parsed=parsed, common=common)
            if score is not None and score > best_score:  # ties: the most recent event
                best, best_score = (eid, ep, ewv, ews, ewe, eplace, etype_c, etypes), score
        if best is None:
            eid = "e:" + hashlib.sha1(f"{article_id}:{mid}".encode()).hexdigest()[:12]
            conn.execute(
                "INSERT OR IGNORE INTO events(id, story_id, type, summary, when_value, when_start, when_end,"
                " place, participants, types, headline) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (eid, story_id, etype, summary, wv, ws, we, place, parts, types, headline))
        else:
            eid, ep, ewv, ews, ewe, eplace, etype_c, etypes = best
            # Most precise compatible value: the narrower interval wins.
            if ws and we and (we, ws) != (ewe, ews) and (we < ewe or ws > ews) and ws >= ews and we <= ewe:
                ewv, ews, ewe = wv, ws, we
            merged = ep + [x for x in participants if x not in ep]
            kind = min(etype, etype_c, key=FAMILY_ORDER.index) \
                if etype != etype_c and {etype, etype_c} <= set(FAMILY_ORDER) else etype_c
            all_types = [kind] + [t for t in json.loads(etypes or "[]") + json.loads(types or "[]") if t != kind]
            conn.execute("UPDATE events SET type=?, when_value=?, when_start=?, when_end=?, place=?, participants=?,"
                         " types=?, headline=coalesce(headline, ?) WHERE id=?",
                         (kind, ewv, ews, ewe, eplace or place, json.dumps(merged, ensure_ascii=False),
                          json.dumps(list(dict.fromkeys(all_types))), headline, eid))
        conn.execute("UPDATE event_mentions SET event_id=? WHERE id=?", (eid, mid))
        repeated[again] = eid
        if eid in told:  # what _told() would now read: this mention's word family and names too
            told[eid][0].add(root)
            told[eid][1].update(names)
    # A mention that tells the same happening as another of its sentence shares that one's event.
    conn.execute(
        "UPDATE event_mentions SET event_id=(SELECT p.event_id FROM event_mentions p WHERE "
        "p.article_id=event_mentions.article_id AND p.trigger_start=event_mentions.part_of) "
        "WHERE article_id=? AND event_id IS NULL AND part_of IS NOT NULL", (article_id,))
