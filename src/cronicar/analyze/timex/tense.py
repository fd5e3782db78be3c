"""Sentence tense for anchoring weekdays and months: future (+1), or past/unknown (-1).

Why a text heuristic: the temporal stage must run without spaCy (thousands of articles/s), so
without a parsed doc we look for future auxiliaries in the clause around the expression
("va", "vor", "o să", "urmează să"; "will", "is going to"; Spanish future/"va a").  With a spaCy
doc (Romanian), the sentence is taken from the parse and a ``Tense=Fut`` morph feature also counts.
The markers are DATA: the ``future_markers`` / ``past_markers`` regexes of ``timex_lexicon.json``,
and ``deadline_markers`` ("by Friday", "until Thursday"): future, unless its ``yields_to`` regex
(English: a pluperfect "had") matches near the expression.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from cronicar.analyze.timex.rules import Grammar

_BOUNDARY = re.compile(r"[.!?;\n]\s|\n")


@lru_cache(maxsize=None)
def _future_re(pattern: str, lowered: bool = False) -> re.Pattern[str]:
    """The marker regex; on already lowercased text without IGNORECASE (a fifth cheaper)."""
    return re.compile(pattern, 0 if lowered else re.IGNORECASE)


def abbreviations(g: Grammar) -> re.Pattern[str] | None:
    """The language's abbreviations whose period ends no sentence (lexicon ``abbreviations``:
    Romanian "mil. lei", "mld. euro", "nr. 5"), as a regex that ends at the period; None if none.
    Only the tense window reads across them: the sentence key of the narrative ("a year named
    earlier in the sentence") keeps the plain split, since a longer sentence lends its year to more
    months (on 4,000 ZF articles that sent 4 of 9 changed expressions to a wrong year)."""
    entry = g.lex.get("abbreviations")
    return _future_re(entry["regex"]) if entry else None


def _abbr_at(abbr: re.Pattern[str] | None, text: str, j: int) -> bool:
    """Whether the period at ``j`` closes one of the abbreviations ``abbr``."""
    return abbr is not None and abbr.search(text, max(0, j - 8), j) is not None


def sentence_span(text: str, pos: int, end: int | None = None, abbr: re.Pattern[str] | None = None) -> tuple[int, int]:
    """Cheap sentence bounds around ``pos``: after the last ". ", "! ", "? ", "; " or newline
    before it, up to the next one after ``end`` (the expression's end, default ``pos``) that does
    not follow a month or title abbreviation ("Oct. 23", "Dr. Slepian") (str.find/rfind: this
    runs for every expression)."""
    lo = max(0, pos - 400)
    start = text.rfind("\n", lo, pos) + 1
    for p in _ENDS:
        j = text.rfind(p, lo, pos)
        while j != -1 and p == ". " and _abbr_at(abbr, text, j):
            j = text.rfind(p, lo, j)  # "3,4 mil. lei": no sentence ends there
        if j != -1 and j + 2 > start:
            start = j + 2
    if start == 0:
        start = lo
    hi = pos + 600
    # the first boundary after pos, in one scan that stops there (five str.find calls would each
    # scan the whole 600 characters)
    m = _NEXT_END.search(text, pos if end is None else max(pos, end), hi)
    while m is not None and abbr is not None and text[m.start()] == "." and _abbr_at(abbr, text, m.start()):
        m = _NEXT_END.search(text, m.end(), hi)
    stop = m.start() + 1 if m else min(len(text), hi)
    return start, stop


#: the next sentence boundary: not the period of "Oct. 23", "Sept. 30", "Dr. Slepian", "Mr. Bush";
#: a quotation mark ends the clause too (the "Castro said" after a quote does not govern it)
_ABBR = ("jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st")
_NEXT_END = re.compile(r"[.!?;](?<!" + r")(?<!".join(rf"\b{a}\." for a in _ABBR) + r") |\n|''|\"|\u201d", re.IGNORECASE)


_ENDS = (". ", "! ", "? ", "; ")
#: the sign of a deadline cue ("by", "until"): future, unless a pluperfect is near
_DEADLINE = 2
#: how near (characters) the pluperfect must be: "The sale, which had been expected, is part of a
#: program to pay down the loan by February" keeps its future
_DEADLINE_WINDOW = 60
#: a future marker at most this many characters before the expression is its own verb's
_STRONG_WINDOW = 40
#: the tense of an expression right after a future auxiliary: future (> 0), and firmly so
STRONG_FUTURE = 3
_WINDOW = 150


def _markers(g: Grammar, text: str, s: int, e: int, lowered: bool = False) -> list[tuple[int, int, int]]:
    fut = g.lex.get("future_markers", {}).get("regex")
    past = g.lex.get("past_markers", {}).get("regex")
    dead = g.lex.get("deadline_markers", {}).get("regex")
    out = []
    for pattern, sign in ((fut, 1), (past, -1), (dead, _DEADLINE)):
        if pattern:
            out.extend((m.start(), m.end(), sign) for m in _future_re(pattern, lowered).finditer(text, s, e))
    return out


def _nearest(g: Grammar, text: str, s: int, e: int, pos: int, end: int, cache: dict | None = None, lowered: bool = False) -> int:
    """+1 when the closest tense marker of the sentence is a future one, -1 past, 0 none."""
    # only the nearest marker counts: look in a window around the expression, not the whole sentence
    marks = _markers(g, text, max(s, pos - _WINDOW), min(e, end + _WINDOW), lowered)
    # A marker in the expression's own comma clause wins over a nearer one across a comma: the
    # reporting clause of "Datele vor fi publicate în luna martie, a spus el" does not date March,
    # while "În martie, compania a raportat" (nothing in its own clause) still takes the verb.
    lo, hi = text.rfind(",", s, pos) + 1 or s, text.find(",", end, e)
    own = [m for m in marks if lo <= m[0] and (hi == -1 or m[1] <= hi) and (m[0] >= end or m[1] <= pos)]
    best = (10**9, 0)
    dead = g.lex.get("deadline_markers", {})
    for ms, me, sign in own or marks:
        if ms >= end and sign == _DEADLINE and not _range_start(dead, text, s, pos, lowered):
            continue  # "intra în vigoare marți – până luni": the deadline is Monday's, not Tuesday's
        if ms >= end:
            dist = ms - end
        elif me <= pos:
            dist = pos - me
        else:
            continue
        if dist < best[0]:
            best = (dist, sign)
    if best[1] == 1 and best[0] <= _STRONG_WINDOW and _strong(g, text, marks, pos, lowered):
        # a future auxiliary just before the expression ("se vor desfășura la termen, în
        # decembrie"): it governs it, so a month already over cannot be meant (resolve._year_near)
        return STRONG_FUTURE
    if best[1] == _DEADLINE:
        # "by Friday", "until Thursday" point ahead, unless the clause is a pluperfect one
        # ("Until Thursday, they had not called him a suspect"; "had filed reports by Wednesday")
        yields = g.lex.get("deadline_markers", {}).get("yields_to")
        lo, hi = max(s, pos - _DEADLINE_WINDOW), min(e, end + _DEADLINE_WINDOW)
        if yields and _future_re(yields, lowered).search(text, lo, hi):
            return -1
        return 1
    return best[1]


def _strong(g: Grammar, text: str, marks: list[tuple[int, int, int]], pos: int, lowered: bool) -> bool:
    """Whether a future auxiliary (lexicon ``future_markers.strong``: not a conditional or a
    scheduled present) ends at most :data:`_STRONG_WINDOW` characters before the expression."""
    rx = g.lex.get("future_markers", {}).get("strong")
    if rx is None:
        return False
    strong = _future_re(rx, lowered)
    return any(sign == 1 and 0 <= pos - me <= _STRONG_WINDOW and strong.match(text[ms:me].lower())
               for ms, me, sign in marks)


def _range_start(dead: dict[str, str], text: str, s: int, pos: int, lowered: bool) -> bool:
    """Whether a deadline cue after the expression governs it too: only when the expression opens
    the range ("valabilă de duminică, la ora 12.00, până luni": that Sunday is ahead as well;
    lexicon ``deadline_markers.range_from``). A language without the key keeps every cue."""
    rx = dead.get("range_from")
    return rx is None or _future_re(rx, lowered).search(text, max(s, pos - 16), pos) is not None


def tense_at_text(g: Grammar, low: str, pos: int, end: int) -> int:
    """Tense (+1 future, -1 past, 0 none) of the expression at ``[pos, end)`` without a parse;
    ``low`` is the lowercased text (same length), the marker regexes being lowercase."""
    s, e = sentence_span(low, pos, end, abbreviations(g))
    return _nearest(g, low, s, e, pos, end, lowered=True)


class SentenceStarts:
    """:func:`sentence_span`'s start for the increasing positions of one text's expressions.

    Why: every expression needs its sentence start (the narrative anchors to it), and the forward
    half of :func:`sentence_span` is most of its cost.  Positions come in text order, so each
    look-up only searches the text between the previous position and this one.  Same result as
    ``sentence_span(text, pos)[0]``: just after the last ". ", "! ", "? ", "; " or newline that ends
    at or before ``pos`` and begins at most 400 characters before it (else ``pos - 400``).
    """

    __slots__ = ("text", "_pos", "_mark", "_start")

    def __init__(self, text: str) -> None:
        self.text = text
        self._pos = -1  # the previous position asked for
        self._mark = -1  # where the last boundary before it begins (-1: none)
        self._start = 0  # the sentence start just after that boundary

    def at(self, pos: int) -> int:
        text = self.text
        lo = max(0, pos - 400)
        if pos >= self._pos >= 0:
            base = max(lo, self._pos - 1)  # boundaries ending at or before _pos were seen already
        else:
            base, self._mark = lo, -1
        mark, start = -1, 0
        j = text.rfind("\n", base, pos)
        if j != -1:
            mark, start = j, j + 1
        for p in _ENDS:
            j = text.rfind(p, base, pos)
            if j != -1 and j + 2 > start:
                mark, start = j, j + 2
        if mark == -1:
            mark, start = self._mark, self._start
        self._pos, self._mark, self._start = pos, mark, start
        return start if mark >= lo and mark != -1 else lo


def tense_at(g: Grammar, text: str, pos: int, end: int, doc: Any = None, cache: dict | None = None) -> tuple[int, int]:
    """(tense, sentence start) for the expression at ``[pos, end)``: +1 future, -1 past/unknown."""
    if doc is not None:
        try:
            span = doc.char_span(pos, end, alignment_mode="expand")
            sent = span.sent if span is not None else None
        except Exception:  # no sentence boundaries
            sent = None
        if sent is not None:
            s, e = sent.start_char, sent.end_char
            if any("Fut" in t.morph.get("Tense") for t in sent):
                return 1, s
            return _nearest(g, text, s, e, pos, end, cache), s
    s, e = sentence_span(text, pos, end, abbreviations(g))
    return _nearest(g, text, s, e, pos, end, cache), s
