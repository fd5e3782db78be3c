"""Event mentions: a trigger word from the per-language lexicon, with participants, place and date.

Why a lexicon: event types must be data (``lang/<code>/events_triggers.tsv``, read by
:mod:`cronicar.analyze.events_lexicon`) so adding a language is adding a file.  Every trigger token
is a mention, except a same-type trigger within ``SAME_EVENT_SPAN`` tokens of the previous one
(verb and noun of one report), proper nouns, words inside a run of capitalized words when there is
no tagger ("United States"), and words inside direct quotes.

Dates come only from the trigger's own clause: the time expression nearest the trigger inside the
same sentence and clause (no ";" or relative pronoun between them), or a range of two; else the
date of the event an anaphor points back to ("În urma acestei întâlniri"), or of the last dated
event of its type when the trigger is a definite noun ("tratatul cu Kim"); else the article date
("news of the day"), except for a verb in the pluperfect ("ocupaseră": background that happened
before what is told; without a date of its own it is left out rather than put on the article's
day, and the event it recalls is usually told elsewhere with its date).  Participants are the
PERSON/GPE/ORG canonical names of the clause and its resolved speakers, without the agency that
reported it ("potrivit Reuters"), a capital that acts standing for its country ("Phenianul a
furnizat soldați": Coreea de Nord) and a name after a locative preposition being a place, never a
participant ("la Moscova"); an event told inside reported speech ("Lavrov a afirmat că ...
întâlnirii dintre Putin și Kim") takes them from the reported words only, since the speaker tells
the event rather than takes part in it; place is a GPE/LOC introduced by a locative preposition ("la",
"în", "at", "in"), the one the parse attaches to the trigger first ("discuțiilor de la Moscova", not
"războiul din Ucraina").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Span, Token

from cronicar.analyze import modality
from cronicar.analyze import senses
from cronicar.analyze.retold import merge_retold
from cronicar.analyze.context import Context
from cronicar.analyze.budget import check
from cronicar.analyze.entities import after_locative, government_of
from cronicar.analyze.headline import ELLIPSIS, MAX_FALLBACK, finite_gerund, headline
from cronicar.analyze.tense import adjacent, simple_present
from cronicar.analyze.timex import rules as timex_rules
from cronicar.analyze.events_lexicon import Cues, cues, lexicon, trigger_key, trigger_root, triggers, word_entry
from cronicar.model import EntityMention, EventMention, Quote, Timex

__all__ = ["Cues", "cues", "extract", "lexicon", "trigger_key", "trigger_root", "triggers"]
# A trigger this close (in tokens) after one of the same type tells the same event: the support
# verb and its noun ("au semnat un acord", "signed a new deal").  Farther apart, two triggers of
# one type are two events ("the Dow fell 2% and the Nasdaq dropped 3%").
SAME_EVENT_SPAN = 4
# Event types whose direct object is where they happen ("a vizitat Phenianul", "visited Moscow").
DESTINATION_TYPES = {"visit"}
# Acts that a verb in the simple present places on the article's day (analyze/tense.py).
PRESENT_ACTS = {"statement", "plan"}
# Dependents of a verb that hold what its act tells (what was said, bought, announced), not when.
TOLD_DEPS = {"obj", "ccomp", "xcomp", "csubj", "iobj"}
# How many sentences of the first paragraph make the lead (the news of the day).
LEAD_SENTENCES = 2


def _timex_when(t: Timex) -> dict | None:
    if t.interval is None or t.type not in {"DATE", "TIME"}:
        return None
    return {"value": t.value, "interval": [t.interval[0], t.interval[1]]}


def _clause_bounds(sent_text: str, sent_start: int, trig: int) -> tuple[int, int]:
    """A cheap clause: the stretch between ';' marks and relative pronouns around the trigger."""
    lo, hi = sent_start, sent_start + len(sent_text)
    rel = trig - sent_start
    for sep in (";", " care ", " which ", " who "):
        i = sent_text.rfind(sep, 0, rel)
        if i >= 0:
            lo = max(lo, sent_start + i)
        j = sent_text.find(sep, rel)
        if j >= 0:
            hi = min(hi, sent_start + j)
    return lo, hi


def _range_when(text: str, a: Timex, b: Timex, c: Cues) -> dict | None:
    """One date range from two time expressions: "între sfârșitul anului 2024 și primăvara anului
    2025" -> value ``2024-END/2025-SP`` (ISO 8601 interval notation), interval from the first day
    of the first to the last day of the second."""
    if a.interval is None or b.interval is None or b.start < a.end:
        return None
    if text[a.end:b.start].strip().lower() not in c.range_join:
        return None
    before = " " + text[max(0, a.start - 24):a.start].lower()
    if not any(re.search(r"\W" + re.escape(w) + r"\s*$", before) for w in c.range_open):
        return None
    if b.interval[1] < a.interval[0]:
        return None

    def val(t: Timex) -> str:
        return f"{t.value}-{t.mod}" if t.mod in {"START", "MID", "END"} else t.value

    return {"value": f"{val(a)}/{val(b)}", "interval": [a.interval[0], b.interval[1]]}


def _week_by_tense(t: Timex, mod: modality.Modality, dct_day: str | None, past: bool | None = None) -> Timex:
    """A weekday read in the wrong week for the event's tense, moved by a week: "a demisionat
    sâmbătă" in an article of Sunday 1 April is 31 March, not 7 April (the time tagger reads the
    sentence's tense, which "intenționează ca luni să..." can make a future).  A past happening
    is not after the article's day, nor a future one before it.  ``past``: whether the event is
    told in the past when its modality has no tense (a noun trigger: its verb's)."""
    if t.rule != "weekday" or dct_day is None or t.interval is None or t.interval[0] != t.interval[1]:
        return t
    day = date.fromisoformat(t.interval[0])
    ref = date.fromisoformat(dct_day)
    past = mod.tense == "past" if past is None or mod.tense else past
    step = -7 if past and day > ref else 7 if mod.status == "future" and day < ref else 0
    if not step or abs((day - ref).days) > 6:
        return t
    new = (day + timedelta(days=step)).isoformat()
    return replace(t, value=t.value.replace(t.interval[0], new), interval=(new, new))


def _inside(tok, t: Timex) -> bool:  # type: ignore[no-untyped-def]
    """A noun named in passing inside another noun phrase ("Articolul 5 al Tratatului de la
    Washington este astăzi relevant") is dated only by a time expression of its own phrase: whether time expression ``t`` lies in the noun phrase of ``tok`` ("tratatul din iunie"; or of
    the noun it hangs on: the parser may attach "încheiate în iunie" to "dezvoltarea acordurilor")."""
    sub = list((tok.head if tok.head.pos_ == "NOUN" else tok).subtree)
    return sub[0].idx <= t.start and t.end <= sub[-1].idx + len(sub[-1].text)


def _clause_when(text: str, cands: list[Timex], trig: int, c: Cues, own: list[Timex] | None = None) -> dict | None:
    """The date of a trigger from its clause's time expressions: a range when two of them form
    one, else the nearest of its ``own`` (see :func:`_own_dates`), or of all."""
    cands = sorted(cands, key=lambda t: t.start)
    for a, b in zip(cands, cands[1:]):
        rng = _range_when(text, a, b, c)
        if rng is not None:
            return rng
    return _timex_when(min(own or cands, key=lambda t: abs(t.start - trig)))


def _name_part(tok, tagged: bool) -> bool:  # type: ignore[no-untyped-def]
    """Without a tagger, a capitalized word inside a run of capitalized words is part of a name
    ("United States", "Air Force"), not a trigger ("state", "force").  ``tagged``: whether the doc
    has a tagger (asked once per doc: ``has_annotation`` reads every token)."""
    if tagged or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return any(t is not None and t.text[:1].isupper() and not t.is_sent_start for t in (prev, nxt))


def _anaphor_type(text: str, sent, table: dict[str, str], c: Cues) -> str | None:  # type: ignore[no-untyped-def]
    """Type of an event the sentence points back to ("În urma acestei întâlniri" -> meeting);
    ``text``: the article's (``sent.doc.text`` would join every token of the article again)."""
    low = text[sent.start_char:sent.end_char].lower()
    if not any(word in low for word in c.anaphor):
        return None  # most sentences: no demonstrative, no token to read (a token's lower_ is in the text)
    toks = list(sent)
    for tok, nxt in zip(toks, toks[1:]):
        if tok.lower_ in c.anaphor:
            etype = table.get(nxt.lemma_.lower()) or table.get(nxt.lower_)
            if etype:
                return etype
    return None


def _definite(tok) -> bool:  # type: ignore[no-untyped-def]
    """A definite noun ("tratatul", "the treaty"): news names so an event it has already told, so
    without a date of its own it takes that event's date rather than the article's."""
    if tok.pos_ != "NOUN":
        return False
    return "Def" in tok.morph.get("Definite") or any(
        ch.dep_ == "det" and "Def" in ch.morph.get("Definite") for ch in tok.children)


def _summary(text: str, sent: tuple[int, int], trig: int, width: int = 240) -> str:
    """The sentence, on one line, cut at word boundaries around the trigger when long."""
    s, e = sent
    flat = " ".join(text[s:e].split())
    if len(flat) <= width:
        return flat
    # Locate the trigger in the flattened sentence (whitespace runs collapsed before it).
    pos = len(" ".join(text[s:trig].split()))
    lo = max(0, min(pos - width // 3, len(flat) - width))
    hi = lo + width
    if lo > 0:
        lo = flat.find(" ", lo) + 1 or lo
    if hi < len(flat):
        cut = flat.rfind(" ", lo, hi)
        hi = cut if cut > lo else hi
    return ("…" if lo > 0 else "") + flat[lo:hi].strip(" ,;") + ("…" if hi < len(flat) else "")


def _speakers_in(ctx: Context, lo: int, hi: int) -> list[str]:
    """Resolved speakers whose cue or mention lies in the clause: they take part in its event
    (the text may name them only as "Ea" or "Șefa diplomației")."""
    out = []
    for q in ctx.quotes:
        spans = [x for x in (q.cue, q.speaker_mention) if x]
        if q.speaker and any(lo <= a and b <= hi for a, b in spans):
            name = q.speaker
            if q.speaker_mention:  # "Kremlinul" speaks; the entity is "Rusia"
                s, e = q.speaker_mention
                name = next((m.canonical for m in ctx.entities
                             if m.text == name and s <= m.start and m.end <= e), name)
            out.append(name)
    return out


def _match(tok, lang: str):  # type: ignore[no-untyped-def]
    """(event type, last token) of the trigger starting at ``tok``, or (None, tok).

    A phrase of the lexicon ("file for bankruptcy", "step down") wins over its first word; each
    word of a phrase matches on its lemma or its form."""
    blocked, phrases, single = word_entry(tok.lower_, tok.lemma_, lang)
    if blocked or not phrases:
        return (None if blocked else single), tok
    doc = tok.doc
    # only the phrases that open with this word (by lemma or form): one look-up per token
    for words in phrases:
        etype = lexicon(lang).phrases[words][0]
        n = len(words)
        if tok.i + n > len(doc):
            continue
        span = doc[tok.i:tok.i + n]
        if all(w in (t.lower_, trigger_key(t.text, lang, t.lemma_)) for w, t in zip(words[1:], span[1:])) \
                and not any(t.is_sent_start for t in span[1:]):
            return (None, tok) if etype == "-" else (etype, span[-1])
    return single, tok


def _dates_another_event(ctx: Context, t: Timex, trig) -> bool:  # type: ignore[no-untyped-def]
    """Whether the parse hangs the time expression on another event's noun outside the trigger's
    clause: in "s-au consolidat de la invazia rusă din Ucraina în 2022, Coreea de Nord sprijinind
    efortul de război", 2022 is the invasion's date, not the support's.  Walking up from the
    expression, the first trigger met owns it; only a noun owner excludes it (a verb's time
    expression is often the whole sentence's), and only when the trigger's clause verb does not
    govern that noun ("acordurile încheiate în timpul întâlnirii din iunie 2024": the meeting's June
    dates the agreements too).  Without a dependency parse nothing is excluded."""
    owner = _other_owner(ctx, t, trig)
    if owner is None or owner.pos_ != "NOUN":
        return False
    verb, up = _governing_verb(trig), owner
    for _ in range(24):
        if up.i in (verb.i, trig.i):
            return False
        if up.head.i == up.i:
            return True
        up = up.head
    return False


def _parsed_span(trig, t: Timex):  # type: ignore[no-untyped-def]
    """The tokens of time expression ``t`` in ``trig``'s parsed doc; None without a parse or when
    the expression covers no token."""
    if not trig.doc.has_annotation("DEP"):
        return None
    span = trig.doc.char_span(t.start, t.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _other_owner(ctx: Context, t: Timex, trig):  # type: ignore[no-untyped-def]
    """The first event trigger met walking up the parse from time expression ``t``, when it is not
    ``trig`` (None without a parse, or when ``trig`` or the root comes first)."""
    span = _parsed_span(trig, t)
    if span is None:
        return None
    owner = span.root.head
    for _ in range(12):
        if owner.i == trig.i or owner.head.i == owner.i:
            return None
        if owner.pos_ != "PROPN" and _match(owner, ctx.lang)[0] is not None:
            return owner
        owner = owner.head
    return None


def _own_dates(ctx: Context, cands: list[Timex], trig) -> list[Timex]:  # type: ignore[no-untyped-def]
    """The clause's time expressions that hang on no other event: "a fost ales sâmbătă, 13 aprilie
    2024, după alegerile din 2020" is of 13 April 2024, not of the elections' year, however near
    that is to the trigger.  All of them when none is the trigger's own."""
    own = [t for t in cands if _other_owner(ctx, t, trig) is None and not _on_another_noun(trig, t)]
    return own or cands


def _on_another_noun(trig, t: Timex) -> bool:  # type: ignore[no-untyped-def]
    """Whether the parse hangs time expression ``t`` on a noun other than the trigger ("alegerile
    din 2014"): it dates what that noun names, not the clause's act."""
    span = trig.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0 or not trig.doc.has_annotation("DEP"):
        return False
    head = span.root.head
    return head.i != trig.i and head.i != span.root.i and head.pos_ in {"NOUN", "PROPN"}


# Dependency relations (UD labels, before any ":" subtype) of a clause embedded in another: a time
# expression inside one dates that clause's act (a relative clause's, an adverbial clause's, what a
# statement says), not the act of the clause it hangs on.  A gerund's clause is left out: it tells
# what went with the main act ("creditul înregistrând în iunie 2020 o creștere"), and so is a bare
# participle's ("Cifra de afaceri realizată în anul 2019 este de ..., cu un profit net de ...").  Coordinated and
# loosely joined clauses share their time ("s-au întâlnit vinerea trecută, însă discuțiile au
# progresat slab").
EMBEDDED_DEPS = {"advcl", "ccomp", "csubj", "acl"}


def _clause_heads(tok: Token, stop: Token) -> list[Token]:
    """The heads of the embedded clauses walked through from ``tok`` up to ``stop`` (excluded)."""
    heads = []
    for _ in range(32):
        if tok.i == stop.i or tok.head.i == tok.i:
            break
        if tok.dep_.split(":")[0] in EMBEDDED_DEPS and not _shares_time(tok):
            heads.append(tok)
        tok = tok.head
    return heads


def _shares_time(head: Token) -> bool:
    """Whether an embedded clause headed by ``head`` shares its time with the clause above: a
    gerund, or a participle without an auxiliary (a reduced clause describing a noun)."""
    form = head.morph.get("VerbForm")
    return "Ger" in form or ("Part" in form and head.dep_ == "acl"
                             and not any(c.dep_.startswith("aux") for c in head.children))


def _ancestors(tok: Token) -> list[Token]:
    """``tok`` and the words above it in the parse, nearest first."""
    out = [tok]
    for _ in range(32):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        out.append(tok)
    return out


def _sequenced(head: Token, c: Cues) -> bool:
    """Whether an adverbial clause is told as before, after or the cause of its main clause's act:
    its mark ("după ce", "înainte de", "deoarece") is a ``sequence`` cue of the language."""
    if head.dep_.split(":")[0] != "advcl":
        return False
    marks = [w for w in head.children if w.dep_ in {"mark", "case"}]
    if not marks:
        return False
    first = min(marks, key=lambda w: w.i)
    phrase = " ".join(w.lower_ for w in [first, *(f for f in first.children if f.dep_ == "fixed")])
    return first.lower_ in c.sequence or phrase in c.sequence


def _in_own_clause(trig: Token, t: Timex, c: Cues) -> bool:
    """Whether time expression ``t`` dates the trigger by the dependency parse: it is not inside an
    embedded clause the trigger is outside of ("Cu puțin timp înainte de a muri, ..., al cărei
    președinte a fost între 1996 și 2000": the years are the presidency's), and the trigger is not
    inside an adverbial clause told as before or after the act the time dates ("Alegerile parțiale
    se organizează pe 25 aprilie după ce Daniela Popa a demisionat": 25 April is the election's).  A
    time inside the trigger's own phrase dates it ("tratatul semnat în iunie 2024").  Without a
    parse, True (the cheap clause of :func:`_clause_bounds` decides)."""
    span = _parsed_span(trig, t)
    if span is None:
        return True
    # a noun trigger's phrase: the parser may hang "încheiate în iunie" on the noun above it
    # ("dezvoltarea acordurilor ... încheiate în timpul întâlnirii din iunie 2024")
    phrase = {trig.i} | ({trig.head.i} if trig.pos_ == "NOUN" and trig.dep_.startswith("nmod")
                         and trig.head.pos_ == "NOUN" else set())
    ups = _ancestors(span.root)
    hit = next((u for u in ups if u.i in phrase), None)
    if hit is not None:  # within the trigger's words, unless a verb trigger's clause embeds one of its
        # own ("a fost acuzat că a ascuns o plată ... în campania din 2016"); a clause on a noun trigger
        # tells of its event ("o scădere ... a fost consemnată în august 2011", "întâlnirea care a avut loc ieri")
        return trig.pos_ not in {"VERB", "AUX"} or not _clause_heads(span.root, hit)
    mine = {u.i for u in _ancestors(trig)}
    common = next((u for u in ups if u.i in mine), ups[-1])
    if _clause_heads(span.root, common):
        return False  # the time is an embedded clause's
    return not _sequenced_apart(trig, t, c, common)


def _sequenced_apart(trig: Token, t: Timex, c: Cues, common: Token) -> bool:
    """Whether the trigger lies in an adverbial clause told as before or after the act that time
    expression ``t``, outside that clause, dates ("... pe 25 aprilie după ce Daniela Popa a
    demisionat"); ``common``: the first word above both.  The parser may hang a time inside such a
    clause on the verb above it: one that stands within the clause's words is read as the clause's."""
    return any(_sequenced(h, c) and not h.left_edge.idx <= t.start <= h.right_edge.idx
               for h in _clause_heads(trig, common))


def _governing_verb(tok):  # type: ignore[no-untyped-def]
    """The trigger itself if it is a verb, else the first verb above it in the parse."""
    for _ in range(12):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _attached(place, trig, verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether the parse attaches a place to the trigger: walking up from the place, the trigger is
    met before any verb, or the first verb met is the trigger's own ("a declarat ... în cadrul
    discuțiilor de la Moscova": Moscow is where it was said; "victoria în războiul din Ucraina"
    hangs on another verb).  Tokens compare by index: spaCy makes a new object on every access."""
    tok = place
    for _ in range(12):
        if tok.i == trig.i:
            return True
        if tok.i != place.i and tok.pos_ in {"VERB", "AUX"}:
            return tok.i == verb.i
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _place_name(m, lang: str) -> str:  # type: ignore[no-untyped-def]
    """The place a mention names: the city itself when the entity stage read a capital as its
    government ("a vizitat Phenianul": the visit was to the city, not to "Coreea de Nord")."""
    from cronicar.analyze.entities import canonicalize

    city = canonicalize(m.text, m.label, lang)
    return city[0] if city and government_of(city[0], lang) == m.canonical else m.canonical


def _object_of(ctx: Context, m, trig) -> bool:  # type: ignore[no-untyped-def]
    """Whether the parse makes the mention the trigger's direct object ("a vizitat Phenianul")."""
    if not ctx.doc.has_annotation("DEP"):
        return False
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "obj" and span.root.head.i == trig.i


def _place(ctx: Context, places: list, trig):  # type: ignore[no-untyped-def]
    """The place of the event: the first locative place the parse attaches to the trigger, else
    (no parse, or none attached) the first locative place of the clause."""
    if ctx.doc.has_annotation("DEP"):
        verb = _governing_verb(trig)
        for m in places:
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and _attached(span.root, trig, verb):
                return m
    return places[0]


def _dates_the_saying(text: str, trig: tuple[int, int], t: Timex) -> bool:
    """Whether a time expression dates a statement rather than what it announced: before the verb
    ("Luni, ministrul a anunțat"), or right after it, at most two words away ("a anunțat vineri",
    "said on Tuesday").  "APAPR a anunțat recent un randament … în perioada mai 2008 - septembrie
    2017": the period is what was announced; the statement is news of the article's day."""
    if t.end <= trig[0]:
        return True
    gap = text[trig[1]:t.start]
    return len(re.findall(r"\w+", gap)) <= 2 and "\n" not in gap


def _statement_when(ctx: Context, pos: int) -> dict | None:
    """The date of the quote whose cue is at ``pos`` ("a declarat vineri că ... în iunie": the
    statement is of that Friday; June belongs to what was said)."""
    for q in ctx.quotes:
        if q.cue and q.cue[0] <= pos < q.cue[1] and q.when:
            return q.when
    return None


def _baseline(text: str, t: Timex, c: Cues) -> bool:
    """Whether a time expression is a comparison's baseline ("în scădere cu 21% comparativ cu
    perioada similară a anului trecut", "față de iunie 2019"): a compare cue at most five words
    before it, with no punctuation between.  It dates what the event is compared with."""
    if not c.compare:
        return False
    before = text[max(0, t.start - 60):t.start].lower()
    for cue in c.compare:
        i = before.rfind(cue)
        if i >= 0 and len(before[i + len(cue):].split()) <= 5 and not re.search(r"[,;.]", before[i:]):
            return True
    return False


def _depth(tok) -> int:  # type: ignore[no-untyped-def]
    """How far the token hangs below its sentence's root (0 without a parse): the clause's own
    predicate ("au semnat un acord") is nearer the root than what it mentions ("în urma acestei
    întâlniri")."""
    if not tok.doc.has_annotation("DEP"):
        return 0
    depth = 0
    while tok.head.i != tok.i and depth < 32:
        tok, depth = tok.head, depth + 1
    return depth


def _nested(a: dict | None, b: dict | None) -> bool:
    """Whether two dates are one or one lies within the other ("la 30 iunie 2018" within "2018":
    "Depozitele au scăzut cu 6%, la 30 iunie 2018 ... această scădere")."""
    if a is None or b is None or a.get("value") == b.get("value"):
        # an undated mention (a promise, a plan: analyze/modality.py) has no date of its own to
        # tell it apart: "va sprijini Rusia ..., a declarat vineri ... în cadrul discuțiilor" is
        # what the talks said, not another happening
        return True
    ia, ib = (a or {}).get("interval"), (b or {}).get("interval")
    if not ia or not ib or not all(ia) or not all(ib):
        return False
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


def _hangs_on(x: tuple[Any, ...], y: tuple[Any, ...]) -> bool:
    """Whether noun trigger ``x`` belongs to ``y``'s predicate: its governing verb is ``y`` or
    ``y``'s own governing verb ("a raportat un profit de 2,67 milioane lei, în creștere cu 56% față
    de anul trecut": the rise is the profit's, whatever the comparison dates it with).  ``x``,
    ``y``: (clause start, clause end, token, governing verb, is a noun)."""
    return bool(x[4]) and x[3] in (y[2], y[3])


# Dependency relations (Universal Dependencies labels) that join a clause telling another happening:
# a coordinated or loosely joined clause ("BET a crescut ..., iar BET-FI a scăzut"), an adverbial
# clause ("după ce prețurile petrolului au marcat ..."), a list item.
_OTHER_CLAUSE = {"conj", "parataxis", "advcl", "list"}


def _told_within(x: tuple[Any, ...], y: tuple[Any, ...]) -> bool:
    """Whether mention ``x``, dated only by the article's day (no time of its own), lies inside what
    ``y`` says, and ``y`` has a date of its own: walking up the parse from ``x``'s trigger, ``y``'s
    trigger is met without crossing into another clause (:data:`_OTHER_CLAUSE`).  "o serie de scăderi
    bruște care au dus în final la scăderi de peste 95%": the second fall is the first one's (2017),
    not a fall of the article's day; "a anunțat ieri că a cumpărat": the purchase is what was
    announced yesterday.  A clause with a subject of its own (not a relative pronoun) tells its
    own happening.  ``x``, ``y``: see :func:`_event_at`."""
    if not x[5] or y[5]:
        return False
    tok, target = x[6], x[6].doc[y[2]]
    if any(c.dep_ in {"nsubj", "nsubj:pass"} and "Rel" not in c.morph.get("PronType")
           for c in tok.doc[x[3]].children):
        return False  # a subject of its own: "în condițiile în care piața construcțiilor a crescut"
    for _ in range(16):
        if tok.i == target.i:
            return True
        if tok.dep_ in _OTHER_CLAUSE or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _same_happening(a: EventMention, a_where: tuple[Any, ...], b: EventMention,
                    b_where: tuple[Any, ...]) -> bool:
    """Whether two mentions of one sentence tell one happening: a noun that belongs to the other's
    predicate (:func:`_hangs_on`), or the same date (or one within the other) and the same clause
    or participants in common.  A sentence truly reports two happenings when each has its own
    predicate and the dates differ ("a declarat vineri că tratatul semnat în iunie" ...), or the
    clauses and their participants do."""
    if _hangs_on(a_where, b_where) or _hangs_on(b_where, a_where):
        return True
    if _told_within(a_where, b_where) or _told_within(b_where, a_where):
        return True
    if not _nested(a_where[7], b_where[7]):
        return False
    if a_where[:2] == b_where[:2] or not a.participants or not b.participants:
        return True
    return bool(set(a.participants) & set(b.participants))


def _describes_only(ev: EventMention, tok: Token) -> bool:
    """Whether a cue describes a thing instead of telling a happening: a verb of saying as a bare
    participle on a noun ("referința anunțată de BNR", "datele comunicate de INS": where the
    noun comes from, no saying told), or a change word as a noun's bare quality or degree
    ("dobânzile scăzute", "pachetul vândut", "cea mai scăzută din UE": a state, not a fall).  Only
    with a parse (no parse, no rows dropped)."""
    if not tok.doc.has_annotation("DEP"):
        return False
    auxiliary = any(c.dep_ in {"aux", "aux:pass", "cop"} for c in tok.children)
    participle = "Part" in tok.morph.get("VerbForm") and not auxiliary
    if ev.type == "statement":
        return participle and tok.dep_ in {"acl", "amod"}
    if ev.when is None and modality.describes_person(tok, tok.doc.lang_):
        return True  # "un candidat acuzat de fascism": who the person is; "condamnat în 2019" still tells
    if tok.pos_ == "ADJ" and tok.dep_ == "amod" and not auxiliary:
        # a bare quality; one with an agent, a time or a place of its own still tells its act
        # ("tratatul semnat în iunie", "acțiunile cumpărate de fond")
        return not any(c.dep_.startswith(("obl", "nmod")) for c in tok.children)
    # a determiner on an adjective or participle makes a degree: "cea mai scăzută", "cel mai ridicat"
    return (tok.pos_ == "ADJ" or participle) and any(c.dep_ == "det" for c in tok.children)


def one_per_happening(found: list[tuple[EventMention, tuple[int, int, int, int], tuple[Any, ...]]]
                      ) -> list[EventMention]:
    """One event per happening in a sentence: mentions that tell the same happening (see
    :func:`_same_happening`) are grouped; the primary one carries every cue type (``types``) and
    the participants of all, the others point to it (``part_of``: its trigger start), so linking
    gives them its event and a timeline shows the happening once.  Every trigger stays a mention
    (what trigger-level evaluation and dating tests read).

    The primary cue is, in order: not a statement (what was said or done beats the saying: "a
    declarat ... în cadrul discuțiilor" is the talks), outside reported words (the speaker's act,
    not what the speaker announced), nearest the sentence's root in the parse (the clause's own
    predicate: "În urma acestei întâlniri, ... au semnat un acord" is the signing), then first."""
    groups: list[list[tuple[EventMention, tuple[int, int, int, int], tuple[Any, ...]]]] = []
    for item in sorted(found, key=lambda f: f[1]):
        if _describes_only(item[0], item[2][6]):
            item[0].modality = "generic"  # no happening: neither a row nor a cue of another's
            continue
        home = next((g for g in groups if all(_same_happening(g0[0], g0[2], item[0], item[2]) for g0 in g)), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    for g in groups:
        # the store keeps happenings and dated plans only (model.EventMention.happened): a group led
        # by an undated "va crește" would lose the "creșterea ... din 2021" grouped under it
        lead = next((f for f in g if f[0].happened or f[0].scheduled), g[0])
        g.remove(lead)
        g.insert(0, lead)
        ev = g[0][0]
        for other, _, _ in g[1:]:
            if other.type not in ev.types:
                ev.types.append(other.type)
            ev.participants += [p for p in other.participants if p not in ev.participants]
            ev.place = ev.place or other.place
            other.part_of = ev.trigger[0]
    return sorted((f[0] for f in found), key=lambda e: e.trigger)


# A context clause's happening keeps a row of its own only when it is dated within this many days
# before the article (the story's reported period, as far as one article knows it: the chronicle's
# background starts 90 days before a story's first article, export/digest.BACKGROUND_DAYS).
CONTEXT_RECENT_DAYS = 90


def _context_regions(text: str, sent: Span, c: Cues) -> list[Token]:
    """The nouns that open the sentence's context clauses ("în condițiile [în care ...]", "pe
    fondul [unor tranzacții ...]"): what hangs on them is background (their parse subtree)."""
    low = text[sent.start_char:sent.end_char].lower()
    out = []
    for phrase in c.context:
        at = low.find(phrase)
        while at >= 0:
            lo, hi = sent.start_char + at, sent.start_char + at + len(phrase)
            words = [t for t in sent if lo <= t.idx < hi]
            # the phrase's own head word: the noun of "în condițiile", the participle of "susținute
            # de" (its agent is the background: "susținute de creșterea depozitelor în retail")
            heads = [t for t in words if not lo <= t.head.idx < hi and t.pos_ not in {"ADP", "DET", "PUNCT"}]
            tok = heads[0] if heads else (words[-1] if words else None)
            if tok is not None:
                out.append(tok)
            at = low.find(phrase, at + 1)
    return out


def _superlative(noun: Token) -> bool:
    """Whether a noun carries a superlative ("cel mai abrupt ritm", "celei mai mari scăderi")."""
    return any(a.dep_ == "amod" and any(d.dep_ == "det" for d in a.children) for a in noun.children)


def _superlative_of(ctx: Context, tok: Token) -> bool:
    """Whether a noun trigger is a superlative's comparison: it measures one ("cel mai abrupt ritm de
    scădere zilnică din 2009 încoace", "cel mai mic nivel de creștere"), or is one with the time it
    is compared with ("recuperând pierderile ... celei mai mari scăderi după 2008 înregistrate luni":
    Monday's fall, the largest since 2008, background of Tuesday's rise)."""
    head = tok.head
    if tok.dep_ == "nmod" and head.i != tok.i and head.pos_ == "NOUN" and _superlative(head):
        return True
    if not _superlative(tok):
        return False
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return any(lo <= t.start and t.end <= hi for t in ctx.timexes)


def _subject(verb: Token) -> str | None:
    """The clause's own subject words (lowercase), or None: none, a relative pronoun, or one that
    points back ("aceste titluri": the row's own subject again)."""
    for ch in verb.children:
        if ch.dep_ in {"nsubj", "nsubj:pass"}:
            back = "Rel" in ch.morph.get("PronType") or any(
                d.dep_ == "det" and "Dem" in d.morph.get("PronType") for d in ch.children)
            return None if back else " ".join(t.text.lower() for t in ch.subtree)
    return None


def _recent(when: dict | None, dct_when: dict | None) -> bool:
    """Whether a date lies within the story as far as the article knows it: it starts at most
    :data:`CONTEXT_RECENT_DAYS` before the article's day ("joi", not "2020" in March 2021 nor "de la
    începutul anului")."""
    end = ((when or {}).get("interval") or [None, None])[0]
    day = ((dct_when or {}).get("interval") or [None, None])[0]
    if not end or not day:
        return True
    try:
        return date.fromisoformat(end[:10]) >= date.fromisoformat(day[:10]) - timedelta(days=CONTEXT_RECENT_DAYS)
    except ValueError:
        return True


def background_of(ctx: Context, sent: Span, found: list[tuple[EventMention, tuple[Any, ...], tuple[Any, ...]]],
                  c: Cues, dct_when: dict | None) -> None:
    """A happening told as the context of the sentence's row is that row's background, not a row of
    its own (it points to the row, ``part_of``, and is cited by it): one in a context clause
    ("acțiunile COTE au crescut cu 26,65%, în condițiile în care indicele BET a crescut cu 10%";
    ``context`` cues) or a superlative's measure ("cel mai abrupt ritm de scădere zilnică din
    2009").  It keeps its row when it has both a date of its own within the story (no older than
    :data:`CONTEXT_RECENT_DAYS` before the article) and a subject of its own, other than the
    row's ("Revenirea acțiunilor TLV are loc în condițiile în care întreaga bursă a crescut joi")."""
    kept = [f for f in found if f[0].happened or f[0].scheduled]
    rows = [f for f in kept if f[0].part_of is None]
    if len(rows) < 2:
        return  # nothing to be another row's background (most sentences: no cost)
    regions = _context_regions(ctx.text, sent, c)
    for x in rows:
        tok = x[2][6]
        region = next((r for r in regions if tok.i != r.i and r.left_edge.i <= tok.i <= r.right_edge.i
                       and any(t.i == tok.i for t in r.subtree)), None)
        described = _describing_apposition(tok) if region is None else None
        group = [tok] + [f[2][6] for f in found if f[0].part_of == x[0].trigger[0]]
        if region is None and described is None and not any(
                t.pos_ == "NOUN" and _superlative_of(ctx, t) for t in group):
            continue
        # a participant's description hangs on the row that names it, or on none (no fallback:
        # "TTS, cel mai mare transportator ..., care va lansa o ofertă" is no goal's background)
        host = _host_row(x, rows, region or described, fallback=described is None)
        if host is None:
            continue
        verb = _governing_verb(tok)
        own_subject = _subject(verb)
        if (x[0].when is not None and not x[2][5] and _recent(x[0].when, dct_when) and own_subject
                and own_subject != _subject(_governing_verb(host[2][6]))):
            continue
        for f in found:
            if f[0].part_of == x[0].trigger[0]:
                f[0].part_of = host[0].trigger[0]
        x[0].part_of = host[0].trigger[0]
        rows = [f for f in rows if f is not x]


def _describing_apposition(tok: Token) -> Token | None:
    """The apposition whose clause describes a participant, when the trigger lies in it: "Pharmachem
    Distribuție SRL, companie care în 2019 a închis cu afaceri de 83,4 mil. lei", "Hidroelectrica,
    companie aflată în insolvență" (the company's past, told as context of the row that names it)."""
    for _ in range(8):
        noun = tok.head  # the parser may make the apposition a conjunct of the name (see _antecedent)
        if tok.dep_ in {"acl", "acl:relcl"} and (noun.dep_ == "appos" or (noun.dep_ == "conj"
                                                                            and noun.head.pos_ == "PROPN")):
            return noun
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _host_row(x: tuple[Any, ...], rows: list[tuple[Any, ...]], region: Token | None,
              fallback: bool = True) -> tuple[Any, ...] | None:
    """The row whose background ``x`` is: the nearest row trigger up the parse from the context
    clause (or from ``x``), else (``fallback``) the sentence's first-ranked row outside the clause."""
    rows = [f for f in rows if f[0].type != "statement"]  # a saying frames, it has no background
    at = {f[2][6].i: f for f in rows if f is not x}
    tok = region if region is not None else x[2][6]
    for _ in range(32):
        if tok.i in at:
            return at[tok.i]
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if not fallback:
        return None
    inside = {t.i for t in (region if region is not None else x[2][6]).subtree}
    outside = [f for f in rows if f is not x and f[2][6].i not in inside]
    return min(outside, key=lambda f: f[1]) if outside else None


# Clauses inside what a statement tells that hang a happening of their own on it: an adverbial
# clause ("după ce compania a anunțat"), and a relative clause when it has a date of its own
# ("Georgios Argentopoulos, cel care în aprilie 2019 prelua conducerea ... după demisia lui Mark
# Hilton": the 2019 resignation is recalled, not announced).
_RECALLED = {"advcl"}
_DESCRIBING = {"acl", "acl:relcl"}


def _announced_spans(ctx: Context, tok: Token) -> list[tuple[int, int]]:
    """What statement ``tok`` tells: the words of its own quote (the one its cue covers: "X a
    înregistrat ..., a anunțat joi compania") and its verb's object or complement clauses ("a
    anunțat ieri tranzacțiile prin care a fost vândut 3% din OMV Petrom")."""
    spans = [q.content for q in ctx.quotes if q.cue and q.cue[0] <= tok.idx < q.cue[1]]
    for ch in _governing_verb(tok).children:
        if ch.dep_.split(":")[0] in TOLD_DEPS:
            sub = list(ch.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans


def _what_is_told(tok: Token, span: tuple[int, int], own_date: bool) -> bool:
    """Whether the trigger ``tok`` tells what the statement's words ``span`` say, not a happening
    they recall: walking up the parse from it while inside the words, no adverbial clause is
    crossed, nor a relative clause when the trigger has a date of its own (see :data:`_RECALLED`)."""
    for _ in range(32):
        head = tok.head
        if head.i == tok.i or not span[0] <= head.idx < span[1]:
            return True
        if tok.dep_ in _RECALLED or (own_date and tok.dep_ in _DESCRIBING):
            return False
        tok = head
    return True


def announced(ctx: Context, found: list[tuple[EventMention, tuple[Any, ...], tuple[Any, ...]]]) -> None:
    """Each statement row of a sentence that announces another row's happening points to it
    (``announces``): the happening's trigger lies in what the statement tells
    (:func:`_announced_spans`) and tells it itself (:func:`_what_is_told`).  A journalist's
    timeline shows the happening once, "announced on Thursday by Visual Fan", not the rise and
    the announcement as two rows; the statement stays an event of its own (its quotes, its
    speaker's relations).  The happening nearest the words' root is the one announced."""
    kept = [f for f in found if f[0].happened or f[0].scheduled]
    if len(kept) < 2 or not any(f[0].type == "statement" for f in kept):
        return
    lead = {f[0].trigger[0]: f[0] for f in found}
    for s, _, s_where in kept:
        if s.type != "statement" or s.part_of is not None:
            continue
        spans = _announced_spans(ctx, s_where[6])
        for y, _, y_where in sorted(kept, key=lambda f: f[1]):
            row = lead.get(y.part_of, y) if y.part_of is not None else y
            if y.type == "statement" or row is s or row.type == "statement" or not (row.happened or row.scheduled):
                continue
            span = next((sp for sp in spans if sp[0] <= y.trigger[0] < sp[1]), None)
            if span is not None and _what_is_told(y_where[6], span, y.when is not None and not y_where[5]):
                s.announces = row.trigger[0]
                break


def _told_when(r: "_Reading", pos: int) -> dict | None:
    """The date of the reported statement whose words hold ``pos``: a happening told in a dated
    statement, with no date of its own, is of the statement's day ("Nehammer a declarat sâmbătă că
    își dă demisia": the resignation is of that Saturday, not of the article's Friday).  When the
    statement's own mention is already read (its verb before its words: "GUR a declarat că a lansat
    un atac"), that mention's date decides: the quote stage falls back on the article's day, which
    an undated past statement does not have, so neither has what it tells."""
    q = next((q for q in r.reported if q.content[0] <= pos < q.content[1]), None)
    if q is None or not q.when:
        return None
    if q.cue is not None:
        said = next((d for ts, d in r.said_on if q.cue[0] <= ts < q.cue[1]), q.when)
        return said or None
    return q.when


def _lead_end(ctx: Context) -> int:
    """Where the article's lead ends: its first paragraph, at most :data:`LEAD_SENTENCES`
    sentences.  The lead tells the news of the day, in the perfect compus as often as in the
    present ("Guvernul a adoptat un proiect"), so a past act there keeps the article's day; further
    down, an undated past act is background of some earlier day ("a vândut un teren")."""
    body = ctx.text.lstrip()
    start = len(ctx.text) - len(body)
    brk = body.find("\n")
    end = start + brk if brk >= 0 else len(ctx.text)
    for k, sent in enumerate(ctx.doc.sents):
        if k >= LEAD_SENTENCES:
            return min(end, sent.start_char)
    return end


@dataclass
class _Reading:
    """What every trigger of one article is read against (built once per article)."""

    ctx: Context
    table: dict
    c: Any  # the language's event cues
    dct_when: dict | None
    direct: list[tuple[int, int]]  # direct quotes' contents
    reported: list[Quote]  # indirect quotes
    media: set[str]  # agencies and outlets that reported ("potrivit Reuters")
    tagged: bool
    lead_end: int  # where the lead ends (see _lead_end)
    dated: dict[str, dict] = field(default_factory=dict)  # event type -> date of its last dated mention
    lead_said: dict[str, dict] = field(default_factory=dict)  # speaker -> date of their lead statement
    # (trigger start, date) of the statements read so far: what their words tell takes that date
    said_on: list[tuple[int, dict | None]] = field(default_factory=list)


def _where(r: _Reading, ents: list[EntityMention], tok: Token, etype: str) -> tuple[list, Any, str | None]:
    """The clause's places, the one the event happened at (a mention) and its name."""
    ctx = r.ctx
    places = [m for m in ents if m.label in {"GPE", "LOC"} and after_locative(ctx.text, m.start, ctx.lang)]
    if etype in DESTINATION_TYPES:
        places += [m for m in ents if m.label in {"GPE", "LOC"} and _object_of(ctx, m, tok)]
    place_m = _place(ctx, places, tok) if places else None
    return places, place_m, (_place_name(place_m, ctx.lang) if place_m else None)


def _participants(r: _Reading, ents: list[EntityMention], places: list, place_m: Any, lo: int, hi: int) -> list[str]:
    """Who takes part: the clause's people, organisations and acting countries, then its speakers."""
    participants: list[str] = []
    for m in ents:
        if m is place_m or m.text.lower() in r.media:
            continue  # the place is not a participant; nor is the agency that reported it
        if m.label not in {"PERSON", "GPE", "ORG"} or m in places:
            continue  # "la Moscova", "în Rusia": where, not who
        name = m.canonical
        if m.label == "GPE":
            name = government_of(m.canonical, r.ctx.lang) or name  # "Phenianul a furnizat"
        if name not in participants:
            participants.append(name)
    for name in _speakers_in(r.ctx, lo, hi):
        if name not in participants:
            participants.append(name)
    return participants


_SKIP = object()  # a trigger that tells no event of its own


def _when(r: _Reading, tok: Token, etype: str, mod: Any, span: tuple[int, int], back_when: dict | None) -> Any:
    """The event's date (or :data:`_SKIP`): the day a statement was made, a time expression of
    its clause, the date of an anaphor's or a definite event's earlier mention, the article's day."""
    ctx, (lo, hi) = r.ctx, span
    dct_day = ctx.dct.iso if ctx.dct and ctx.dct.day else None
    past = _told_in_past(tok, mod)
    cands = [_week_by_tense(t, mod, dct_day, past) for t in _near(r, tok, span) if _in_own_clause(tok, t, r.c)
             and (not mod.background or not tok.dep_.startswith("nmod") or _inside(tok, t))]
    if etype in PRESENT_ACTS and simple_present(tok, ctx.lang):  # "it plans to cut ... by 2008"
        cands = [t for t in cands if adjacent((tok.idx, tok.idx + len(tok.text)), (t.start, t.end))]
    said = _statement_when(ctx, tok.idx) if etype == "statement" else None
    if said is not None and said != r.dct_when and not _said_here(ctx, said, (lo, hi), tok):
        said = None  # the quote took a date of another clause ("... ; în 11 martie, Curtea a respins")
    if said is not None:  # "Diaconescu declara vineri": the quote's weekday read forward
        said = _weekday_by_tense(ctx, said, mod, dct_day, past)
    if said == r.dct_when and (mod.dayless or mod.then):
        said = None  # the quote fell back on the article's day; the past act has no day
    if etype == "statement":  # not a date of what was said ("„... aseară”, a declarat")
        saying = [t for t in cands if _dates_the_saying(ctx.text, (tok.idx, tok.idx + len(tok.text)), t)
                  and not any(q.content[0] <= t.start < q.content[1] and not q.content[0] <= tok.idx < q.content[1]
                              for q in ctx.quotes)]
        if said is not None and said == r.dct_when and saying:
            said = None  # the quote fell back on the article's day; "a anunțat duminică, 6 aprilie" names one
        if said is None:
            cands = saying
    if said is not None:
        when = said  # the day it was said, not a date inside what was said
    elif cands:
        when = _clause_when(ctx.text, cands, tok.idx, r.c, _own_dates(ctx, cands, tok))
        # a planned or maybe one lends no date, unless its date is past: "în temeiul unui tratat
        # semnat de liderii lor în iunie" under "trebuie să" names a treaty that exists
        if when is not None and (mod.status == "asserted" or _before_the_day(when, r.dct_when)):
            r.dated[etype] = when
    elif back_when is not None and etype != "statement":
        when = back_when  # "În urma acestei întâlniri, ... au semnat un acord"
    elif etype != "statement" and etype in r.dated and _definite(tok):
        when = r.dated[etype]  # "tratatul cu Kim": the treaty already told with its date
    elif "Pqp" in tok.morph.get("Tense"):
        return _SKIP  # "trupele care ocupaseră ...": background before the told events
    else:
        when = r.dct_when  # news of the day
    if when is r.dct_when and mod.status == "asserted" and not mod.background and r.c.told_day:
        told = _told_when(r, tok.idx)  # "a declarat sâmbătă că își dă demisia"
        # a report that only fell back on the article's day ("..., potrivit New York Times") gives
        # a state or a series no day: "Universitatea este acuzată ..., potrivit NYT" stays undated
        no_day = mod.state or mod.iterative or mod.span
        # an act told in the past is before the saying ("Politico dezvăluie că ... au purtat discuții
        # secrete"): the statement's day is not its own; the present or the future is of it
        if etype != "statement" and mod.dayless and mod.tense == "past":
            told = None
        if told is not None and not (no_day and r.dct_when is not None and told.get("value") == r.dct_when["value"]):
            when = told
    return when


def _before_the_day(when: dict, dct_when: dict | None) -> bool:
    """Whether a date ends before the article's day (or period) starts."""
    iv = when.get("interval") or []
    return dct_when is not None and len(iv) == 2 and str(iv[1]) < str(dct_when["interval"][0])


def _near(r: _Reading, tok: Token, span: tuple[int, int]) -> list[Timex]:
    """The time expressions of the trigger's cheap clause that may date it: no comparison's
    baseline, none the parse hangs on another event's noun."""
    ctx = r.ctx
    return [t for t in ctx.timexes if span[0] <= t.start and t.end <= span[1] and _timex_when(t)
            and not _baseline(ctx.text, t, r.c) and not _dates_another_event(ctx, t, tok)
            and not _bounds_or_describes(ctx, t, tok, r.c)]


def _bounds_or_describes(ctx: Context, t: Timex, trig, c: Cues) -> bool:  # type: ignore[no-untyped-def]
    """Whether the parse hangs time expression ``t`` on a noun other than the trigger that makes it
    no date of the trigger's act: a noun after a ``sequence`` preposition ("După alegerile din
    august 2020, el a lansat o represiune": after that August, not in it; "a demisionat După
    consultările din 3 aprilie"), or a noun of a person after a ``person_time`` preposition of the
    data ("Clinton, contracandidata sa din 2016": who she was)."""
    span = _parsed_span(trig, t)
    if span is None:
        return False
    head = span.root.head
    if head.i in (trig.i, span.root.i) or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if modality.is_person(head, ctx.lang):  # "din 2016" only: "semnat de liderii lor în iunie" is a misparse
        of = modality.cues(ctx.lang).get("person_time", frozenset())
        return any(ch.dep_ == "case" and ch.lower_ in of for ch in span.root.children)
    # "după alegerile din 2014", "de la alegerile din 5 noiembrie" (a compound preposition: "de" + "la"),
    # through the nouns of that phrase ("în urma încăierării din Biroul Oval de săptămâna trecută"),
    # unless the trigger tells what that phrase names ("după șocul de luni, când indicele a închis în scădere")
    above = {u.i for u in _ancestors(trig)}
    for _ in range(3):
        if head.pos_ != "NOUN" or head.i in above:
            return False
        if any(ch.dep_ == "case" and (ch.lower_ in c.sequence or " ".join(
                [ch.lower_, *(f.lower_ for f in ch.children if f.dep_ == "fixed")]) in c.sequence)
               for ch in head.children):
            return True
        if not head.dep_.startswith("nmod") or head.head.i == trig.i:
            return False
        head = head.head
    return False



def _told_in_past(tok: Token, mod: Any) -> bool:
    """Whether the event is told in the past: its modality's tense, or for a noun trigger without
    one, the tense of the verb that governs it ("Întâlnirea de vineri a fost tensionată")."""
    if mod.tense is not None or mod.status != "asserted":
        return mod.tense == "past"
    return modality.tense_of(_governing_verb(tok)) == "past"


def _said_here(ctx: Context, said: dict, span: tuple[int, int], tok: Token) -> bool:
    """Whether a statement's date from its quote is a time expression of the statement's own
    clause that dates no other event's noun (the quote stage takes the nearest one of the
    sentence, which may belong to another clause)."""
    return any(span[0] <= t.start and t.end <= span[1] and t.interval is not None
               and list(t.interval) == list(said.get("interval") or [])
               and not _dates_another_event(ctx, t, tok) and _in_own_clause(tok, t, cues(ctx.lang))
               and not _bounds_or_describes(ctx, t, tok, cues(ctx.lang)) for t in ctx.timexes)


def _weekday_by_tense(ctx: Context, said: dict, mod: Any, dct_day: str | None, past: bool) -> dict:
    """A statement's date from its quote, moved to the week its tense says when it is a weekday
    (see :func:`_week_by_tense`; the quote stage takes the time tagger's week as it is)."""
    t = next((t for t in ctx.timexes if t.rule == "weekday" and t.interval is not None
              and list(t.interval) == list(said.get("interval") or [])), None)
    if t is None:
        return said
    moved = _week_by_tense(t, mod, dct_day, past)
    return said if moved is t else {"value": moved.value, "interval": list(moved.interval or [])}


def _speaker_at(ctx: Context, tok: Token) -> str | None:
    """Who makes the statement ``tok``: the canonical speaker of the quote it cues, else the person
    or organisation named as its verb's subject ("Premierul Marcel Ciolacu a anunțat două măsuri");
    None when unknown."""
    said = next((q.speaker for q in ctx.quotes if q.cue and q.cue[0] <= tok.idx < q.cue[1] and q.speaker), None)
    if said is not None or not ctx.parsed:
        return said
    for ch in _governing_verb(tok).children:
        if ch.dep_.startswith("nsubj"):
            sub = list(ch.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            return next((m.canonical for m in ctx.entities if m.label in {"PERSON", "ORG"}
                         and lo <= m.start and m.end <= hi), None)
    return None


def _told_spans(r: _Reading, tok: Token) -> list[tuple[int, int]]:
    """What the trigger's act tells rather than when it was done: the quotes' words and the
    object or complement clauses of its verb ("a anunțat un randament ... în perioada 2008-2017")."""
    spans = [q.content for q in r.ctx.quotes]
    verb = _governing_verb(tok)
    for ch in verb.children:
        if ch.dep_.split(":")[0] in TOLD_DEPS:
            sub = list(ch.subtree)
            spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans


def _other_past(r: _Reading, sent: Span, tok: Token, statement: bool) -> bool:
    """Whether the sentence names a time before the article's day outside what the act tells ("Legea
    adoptată în martie 2019 a fost criticată; ministrul a declarat"): an act of it without a date
    of its own is recalled with that past, not the day's news.  After a statement's verb, a time
    is what was said (see :func:`_dates_the_saying`)."""
    if r.dct_when is None:
        return False
    told = _told_spans(r, tok) + ([(tok.idx, sent.end_char)] if statement else [])
    return any(sent.start_char <= t.start and t.end <= sent.end_char and t.interval is not None
               and t.type in {"DATE", "TIME"} and t.interval[1] < r.dct_when["interval"][0]
               and not any(a <= t.start < b for a, b in told) for t in r.ctx.timexes)


# Event types that are sayings: told in the present by a class of people, a stance (see _stance).
SAYINGS = {"statement", "accusation"}


def _stance(ctx: Context, tok: Token, etype: str, span: tuple[int, int]) -> bool:
    """Whether a saying is a standing stance rather than an act told: a simple present verb (no
    auxiliary; the parse reads a plural "acuză" as a simple past, a form that has no plural) whose
    subject is a class of people, a definite plural common noun naming no one ("Oponenții
    democrați acuză administrația că ..."), and no time expression in its clause.  "Premierul
    declară", "PSD acuză", "liderii PSD acuză" name who speaks: acts of the day."""
    if etype not in SAYINGS or not ctx.parsed or tok.pos_ != "VERB" or "Fin" not in tok.morph.get("VerbForm"):
        return False
    tense = tok.morph.get("Tense")
    if any(ch.dep_.startswith("aux") for ch in tok.children) or not (
            "Pres" in tense or ("Past" in tense and "Plur" in tok.morph.get("Number"))):
        return False
    subj = next((ch for ch in tok.children if ch.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or "Plur" not in subj.morph.get("Number") \
            or "Def" not in subj.morph.get("Definite") or any(t.pos_ == "PROPN" for t in subj.subtree):
        return False
    sub = list(subj.subtree)
    if any(sub[0].idx <= m.start < sub[-1].idx + len(sub[-1].text) for m in ctx.entities):
        return False  # "liderii PSD acuză": a named party speaks
    return not any(span[0] <= t.start and t.end <= span[1] and t.interval is not None for t in ctx.timexes)


def _weekday_unplaced(ctx: Context, sent: Span, tok: Token) -> bool:
    """Whether a weekday is named at the trigger ("a declarat vineri ministrul") in an article whose
    date has no day (``2024-11``): the time tagger cannot place it, yet the text anchors the act
    to a day of the article's period, which is then its date (an act with no anchor is undated)."""
    if ctx.dct is None or ctx.dct.day is not None:
        return False
    days = timex_rules.load(ctx.lang).lookup.get("weekdays", {})
    near = ctx.doc[max(sent.start, tok.i - 2):min(sent.end, tok.i + 4)]
    return any(t.lower_ in days for t in near)


def _summary_of_several(tok: Token, mod: Any, dated: dict | None, lang: str) -> bool:
    """Whether a plural event noun sums up happenings it does not tell: counted ("au avut loc mai
    multe întâlniri", "trei atacuri"), or indefinite with no time of its own ("minciuni, calomnii și
    atacuri la adresa adversarilor", "multe achiziții imobiliare").  A definite plural names known
    happenings ("Demisiile colegilor au scos în evidență ...": told, undated), a dated one tells them
    as one ("atacurile de vineri")."""
    if not mod.iterative:
        return False
    return modality.counted(tok, lang) or (dated is None and "Def" not in tok.morph.get("Definite"))


def _event_at(r: _Reading, sent: Span, tok: Token, etype: str, end_tok: Token, back_when: dict | None) -> Any:
    """The event mention the trigger ``tok`` tells, with its rank and clause (or :data:`_SKIP`)."""
    ctx = r.ctx
    lo, hi = _clause_bounds(sent.text, sent.start_char, tok.idx)
    told = next((q.content for q in r.reported if q.content[0] <= tok.idx < q.content[1]), None)
    if told is not None:  # "Lavrov a afirmat că ... întâlnirii dintre Putin și Kim":
        lo, hi = max(lo, told[0]), min(hi, told[1])  # the speaker tells it, not takes part
    ents = [m for m in ctx.entities if lo <= m.start and m.end <= hi]
    places, place_m, place = _where(r, ents, tok, etype)
    participants = _participants(r, ents, places, place_m, lo, hi)
    mod = modality.of(tok, ctx.lang)
    in_lead = sent.start_char < r.lead_end
    if mod.dayless and etype == "statement" and mod.tense == "present" and in_lead:
        # "Premierul declară că": a saying the lead tells in the present is the day's news; further
        # down, a present statement with no time of its own is of the day only as the lead
        # speaker's further words (below), else a historical present or a stance, undated
        mod = replace(mod, dayless=False)
    # a statement's speaker, only where it matters: a lead statement, or a past one further down
    speaker = _speaker_at(ctx, tok) if etype == "statement" and (in_lead or mod.dayless) else None
    further = None if in_lead or speaker is None else r.lead_said.get(speaker)
    if mod.dayless and _weekday_unplaced(ctx, sent, tok):
        mod = replace(mod, dayless=False)  # "a declarat vineri" in an article dated by its month only
    if mod.dayless and further is not None and not (
            mod.interview or mod.earlier or mod.then or mod.recent
            or _other_past(r, sent, tok, etype == "statement")):
        # the further words of a lead speaker whose statement the text dates ("a declarat vineri
        # ministrul Choe", then "Choe a declarat că ...") are of that day: the same occasion told
        # on.  Not a statement given to an outlet ("pentru BBC"), one that led to the news ("după
        # ce Ponta a declarat"), nor one of a sentence that names an earlier time.  Any other act
        # told in the past without a time of its own, in the lead as further down, a statement as
        # much as a sale, is of no day the sentence gives: undated, its article's day kept as the
        # day it was reported (MEANTIME's gold puts 17 of 29 such lead acts before the article's
        # day: docs/events.md).
        mod = replace(mod, dayless=False)
    else:
        further = None
    when = _when(r, tok, etype, mod, (lo, hi), back_when)
    if when is _SKIP:
        return _SKIP
    if further is not None and isinstance(when, dict) and r.dct_when and when.get("value") == r.dct_when["value"]:
        when = further  # the lead said it "vineri": so are its speaker's further words
    dated = modality.anchored(when, r.dct_when, mod, etype == "statement")
    if etype == "statement":
        r.said_on.append((tok.idx, dated))
    if in_lead and speaker is not None and dated is not None:
        r.lead_said.setdefault(speaker, dated)  # "a declarat joi": its speaker's further words too
    status = mod.status
    if status == "asserted" and (mod.generic_kind or mod.addressed or mod.habit or _summary_of_several(tok, mod, dated, ctx.lang)
                                 or (mod.habitual and etype != "statement" and when is r.dct_when)
                                 or _stance(ctx, tok, etype, (lo, hi))):
        status = "generic"  # "orice lansare", "semna condica", "ați discutat?", "oponenții acuză": no happening told
    ev = EventMention(trigger=(tok.idx, end_tok.idx + len(end_tok.text)), type=etype,
                      participants=participants, place=place,
                      when=dated, sentence=(sent.start_char, sent.end_char),
                      summary=_summary(ctx.text, (sent.start_char, sent.end_char), tok.idx),
                      modality=status, tense=mod.tense)
    rank = (etype == "statement", told is not None, _depth(tok), tok.i)
    gov = _governing_verb(tok)
    # the text gives it no time of its own: it is put on the article's day (see _when)
    day_only = int(when is r.dct_when and r.dct_when is not None)
    # what tells it apart from the sentence's other cues: its date, or for a lead act left undated
    # only for want of a time of its own, the day it was reported, as it was dated before such acts
    # were undated (the grouping was measured with it: "Blinken a declarat că ... trupele ucrainene
    # au trecut granița în Rusia în august" stays two)
    apart = r.dct_when if dated is None and in_lead and mod.dayless and day_only and status == "asserted" else dated
    ev.lead_day = apart is not dated
    return ev, rank, (lo, hi, tok.i, gov.i, int(tok.pos_ == "NOUN"), day_only, tok, apart)


def _sentence_events(r: _Reading, sent: Span, toks: dict[int, Any]) -> list:
    """(mention, rank, clause) of every trigger of the sentence that tells an event."""
    found: list[tuple[EventMention, tuple[int, int, int, int], tuple[Any, ...]]] = []
    last_of_type: dict[str, int] = {}  # event type -> token index of its last trigger
    back = _anaphor_type(r.ctx.text, sent, r.table, r.c)
    back_when = r.dated.get(back) if back else None
    for tok in sent:
        etype, end_tok = _match(tok, r.ctx.lang)
        if etype is not None and not senses.fits(tok, etype, r.ctx.lang):
            continue  # "a câștigat 3 milioane de lei" is no award (lang/<code>/events_senses.tsv)
        if etype is None or tok.i - last_of_type.get(etype, -SAME_EVENT_SPAN - 1) <= SAME_EVENT_SPAN:
            continue  # "au semnat un acord", "signed a deal": one event told by verb and noun
        if tok.pos_ == "PROPN" or _name_part(tok, r.tagged):
            continue
        if any(a <= tok.idx < b for a, b in r.direct):
            continue  # the speaker's own words: reported as the statement, not as narrative
        last_of_type[etype] = tok.i
        item = _event_at(r, sent, tok, etype, end_tok, back_when)
        if item is _SKIP:
            continue
        found.append(item)
        toks[item[0].trigger[0]] = tok
    return found


def _word_at(word: str, line: str) -> int:
    """Where ``word`` stands in ``line`` as a whole word (no letter, digit or "_" on either side),
    or -1.  String search, not a regular expression compiled per word (a third of the cost)."""
    at = line.find(word) if word else -1
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _word_char(line[at - 1])) and (end == len(line) or not _word_char(line[end])):
            return at
        at = line.find(word, at + 1)
    return -1


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _tells_another(ctx: Context, ev: EventMention, line: str, rows: list[EventMention], noun: bool = False) -> bool:
    """Whether a headline tells another mention of its sentence instead of its own happening: it
    names another mention's trigger and not its own ("Secretarul de stat american Antony Blinken a
    declarat că ... " for the incursion of "unde trupele ucrainene au trecut granița în august": the
    headline's fallback to the sentence's main clause is the statement), or, for a ``noun``
    trigger, names another's first ("Putin a declarat că ... tratatul cu Kim" for the June
    treaty).  A statement's headline ("<speaker>: <what was said>") never names its verb of saying."""
    low = line.lower()
    own = _word_at(ctx.text[ev.trigger[0]:ev.trigger[1]].lower(), low)
    if ev.type == "statement":
        return False
    if own >= 0 and not noun:
        return False
    others = [_word_at(ctx.text[o.trigger[0]:o.trigger[1]].lower(), low) for o in rows if o is not ev]
    return any(at >= 0 and (own < 0 or at < own) for at in others)


# A noun trigger's own line is its phrase without what hangs a clause, an aside or another item on it.
_NOT_OF_THE_PHRASE = {"acl", "acl:relcl", "appos", "conj", "cc", "punct", "parataxis"}


def _own_clause(ctx: Context, tok: Token) -> str | None:
    """The words of a trigger's own clause, in text order: a verb's subtree without the relative
    word that hangs it on the sentence ("unde", "în care"), a noun's phrase ("tratatul cu Kim"),
    both without time expressions (the date is shown beside the line), cut to ``MAX_FALLBACK``
    words."""
    def dated(t: Token) -> bool:  # inside a time expression, or its preposition ("în august")
        return any(x.start <= u.idx < x.end for x in ctx.timexes for u in ((t, t.head) if t.dep_ == "case" else (t,)))

    verb = tok.pos_ in {"VERB", "AUX"} or any(c.dep_ == "aux" for c in tok.children)  # "a crescut" (ADJ)
    if verb:
        toks = [t for t in tok.subtree if not dated(t)]
    else:
        cut = {t.i for c in tok.children if c.dep_ in _NOT_OF_THE_PHRASE for t in c.subtree}
        toks = [t for t in tok.subtree if t.i not in cut and not dated(t) and (t.i >= tok.i or t.dep_ != "case")]
    actor = ""
    while toks and toks[0].i != tok.i and ("Rel" in toks[0].morph.get("PronType") or toks[0].is_punct
                                          or toks[0].dep_ in {"mark", "cc"}
                                          or (toks[0].dep_ == "case" and "Rel" in toks[0].head.morph.get("PronType"))):
        if toks[0].dep_ in {"nsubj", "nsubj:pass"}:  # "companie care a închis": the company did
            actor = _antecedent(ctx, tok)
        toks = toks[1:]
    # a gerund with its own subject is no predicate ("Coreea de Nord sprijinind ..."): its past
    # tense when the main verb tells a past ("Coreea de Nord a sprijinit ...")
    past = finite_gerund(ctx.lang, tok) if verb else None
    words = (actor.split() if actor else []) + "".join(
        (past + t.whitespace_ if past and t.i == tok.i else t.text_with_ws) for t in toks).split()
    if len(words) < 2:
        return None  # one word tells too little
    line = " ".join(words[:MAX_FALLBACK]).strip(" ,;:-–.") + (ELLIPSIS if len(words) > MAX_FALLBACK else "")
    return line[:1].upper() + line[1:]


def _antecedent(ctx: Context, verb: Token) -> str:
    """Who a relative clause's subject stands for: the noun the clause hangs on, or the name that
    noun is in apposition to ("Pharmachem Distribuție SRL, companie care ..."), canonical."""
    noun = verb.head
    if noun.dep_ == "appos" or (noun.dep_ == "conj" and noun.head.pos_ == "PROPN"):
        noun = noun.head  # the parser may make the apposition a conjunct of the name
    name = next((m.canonical for m in ctx.entities if m.start <= noun.idx < m.end), None)
    return name or (noun.text if noun.i != verb.i else "")


def _headlines(ctx: Context, mentions: list[EventMention], toks: dict[int, Any]) -> None:
    """Each row (primary mention) of a sentence gets its headline; one that tells another mention
    of the sentence instead (:func:`_tells_another`: a row of its own, or a cue grouped with it, as
    an undated "a declarat" beside the incursion it frames) is replaced by its trigger's own
    clause, when it has one."""
    rows = [ev for ev in mentions if ev.part_of is None]
    for ev in rows:
        ev.headline = headline(ctx, toks[ev.trigger[0]], ev)
    for ev in rows:
        tok = toks[ev.trigger[0]]
        if ev.headline and (_tells_another(ctx, ev, ev.headline, mentions, tok.pos_ in {"NOUN", "PROPN"})
                            or _relative_told_from_outside(ctx, ev, tok)):
            ev.headline = _own_clause(ctx, tok) or ev.headline


def _relative_told_from_outside(ctx: Context, ev: EventMention, tok: Token) -> bool:
    """Whether a verb trigger of a relative clause got a line that opens outside that clause: the
    line tells what the clause hangs on ("Antony Blinken: 8.000 dintre aceștia se află în regiunea
    Kursk, unde trupele ucrainene au trecut granița…" for the incursion of "unde trupele ...")."""
    # a relative of place or time ("unde", "când", "în care"), not one that names who ("cei care vor
    # vinde": a participant of the main clause, which the main clause tells)
    relative = tok.dep_ in {"acl", "acl:relcl"} and any(
        "Rel" in c.morph.get("PronType") and c.dep_ not in {"nsubj", "nsubj:pass", "obj"} for c in tok.children)
    if ev.type == "statement" or not relative or not ev.headline:
        return False
    own = _own_clause(ctx, tok)
    return bool(own) and ev.headline.split()[0].lower() != own.split()[0].lower()


def extract(ctx: Context) -> list[EventMention]:
    """Event mentions of one article (pure)."""
    table = triggers(ctx.lang)
    if not table:
        return []
    r = _Reading(ctx=ctx, table=table, c=cues(ctx.lang),
                 dct_when=({"value": ctx.dct.iso, "interval": [d.isoformat() for d in ctx.dct.interval]}
                           if ctx.dct is not None else None),
                 direct=[q.content for q in ctx.quotes if q.kind == "direct"],
                 reported=[q for q in ctx.quotes if q.kind != "direct"],
                 media={q.media_source.lower() for q in ctx.quotes if q.media_source},
                 tagged=ctx.doc.has_annotation("TAG"), lead_end=_lead_end(ctx))
    out: list[EventMention] = []
    toks: dict[int, Any] = {}  # trigger start -> its token, for the headline
    for sent in ctx.doc.sents:
        check("events")
        found = _sentence_events(r, sent, toks)
        # Which words share a clause is known from a parse; without one (English here) the
        # sentence's mentions stay apart (grouping by the cheap clause merged "said" with what was
        # said and lowered MEANTIME's CoNLL score: docs/events.md).
        evs = one_per_happening(found) if ctx.parsed else [f[0] for f in found]
        if ctx.parsed:
            background_of(ctx, sent, found, r.c, r.dct_when)
            announced(ctx, found)
        _headlines(ctx, evs, toks)
        out.extend(evs)
    if ctx.parsed:  # participants and places come from the parse and NER (English has neither here)
        merge_retold(out, {start: trigger_root(tok.text, ctx.lang, tok.lemma_) for start, tok in toks.items()})
    return out
