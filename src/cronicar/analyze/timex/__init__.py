"""The temporal engine: find time expressions, normalize them (TIMEX3), place them on the calendar.

``tag(text, dct, lang, doc=None) -> list[Timex]`` is the one entry point the pipeline calls.
Language knowledge lives in ``src/cronicar/lang/<code>/timex_*`` (rules and word tables are
data); this package only compiles and applies them:

- :mod:`.rules`   loads and compiles a language's rules into one regex;
- :mod:`.extract` turns a match into an underspecified value (what the text says);
- :mod:`.resolve` anchors it to the article date, the tense and the narrative, and computes intervals;
- :mod:`.tense`   decides past/future per sentence (spaCy morphology when a doc is given);
- :mod:`.debug`   renders a readable table for the ``cronicar timex`` command.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import Any

from cronicar.analyze.budget import check
from cronicar.analyze.diacritics import lacks_diacritics
from cronicar.analyze.diacritics import strip as strip_diacritics
from cronicar.analyze.timex import rules as rules_mod
from cronicar.analyze.timex.extract import HANDLERS
from cronicar.analyze.timex.resolve import Narrative, interval, resolve
from cronicar.analyze.timex.tense import SentenceStarts, tense_at, tense_at_text
from cronicar.model import DocDate, Timex

__all__ = ["tag", "languages"]

languages = rules_mod.languages

_SHY = "\u00ad"
#: same-length foldings before matching: cedilla ş/ţ -> comma ș/ț; typographic apostrophes -> "'"
#: (rules and lexicon keys write "year's", "New Year's Day" with the ASCII one)
_CEDILLA = (("ş", "ș"), ("ţ", "ț"), ("Ş", "Ș"), ("Ţ", "Ț"), ("\u2019", "'"), ("\u02bc", "'"))
#: partial kinds whose value depends on the sentence tense (others skip the tense look-up: speed)
_TENSED = frozenset({"weekday", "month", "weekend", "quarter", "season"})


def tag(text: str, dct: DocDate, lang: str, doc: Any = None) -> list[Timex]:
    """Time expressions of ``text`` (offsets index ``text``), anchored to ``dct``.

    ``doc`` (spaCy, Romanian) is optional: when given, sentence tense comes from its morphology.
    Unknown languages give no timexes rather than an error: the pipeline must not stop.
    """
    try:
        g = rules_mod.load(lang)
    except FileNotFoundError:
        return []
    plain = rules_mod.plain(lang) if lacks_diacritics(text) else None
    if plain is not None:  # "In urma cu doi ani": the grammar without its marks reads it
        g = plain
    clean, shy = _matchable(text)
    if plain is not None:
        # ...and the text is matched without its few marks too, one character for one: a title or
        # a site footer written with diacritics above a body written without ("Înapoi la Homepage")
        clean = strip_diacritics(clean)
    scan = _Scan(g, clean, dct, doc if shy is None else None)
    out: list[Timex] = []
    sets = False  # whether a clock time may follow a set (most articles have no set: skip the pass)
    for idx, m in _matches(g, clean, scan.low):
        got = scan.place(idx, m)
        if got is None:
            continue
        s, e, typ, value, mod, iv = got
        os_, oe = _to_original(shy, s, e)
        out.append(Timex(os_, oe, text[os_:oe], typ, value, mod, iv, g.rules[idx].name))
        if typ == "SET":
            sets = True
    joiners = _lexicon_regex(g.lang, "range_joiners")
    if joiners is not None and len(out) > 1:
        _share_range_year(out, text, joiners, dct)
    day_after = _lexicon_regex(g.lang, "clock_day_after")
    if day_after is not None and len(out) > 1:
        _clock_takes_next_day(out, text, day_after, dct)
    if sets:
        _habitual_clock(out, text)
    clock_end = _lexicon_regex(g.lang, "clock_range_end")
    if clock_end is not None and out:
        _clock_range_end(out, text, clock_end, _lexicon_regex(g.lang, "clock_range_open"), dct)
    return out


def _matchable(text: str) -> tuple[str, list[int] | None]:
    """``text`` as the rules match it: soft hyphens (kept in ZF text, even inside words) removed,
    with the positions (in the cleaned text) where one was removed for mapping back (None when
    there was none); cedilla ş/ţ folded to comma ș/ț (same length).  str.replace is several times
    faster than str.translate here, and the pipeline usually passes text already normalized."""
    shy: list[int] | None = None
    if _SHY in text:
        shy = []
        j = text.find(_SHY)
        removed = 0
        while j != -1:
            shy.append(j - removed)
            removed += 1
            j = text.find(_SHY, j + 1)
        clean = text.replace(_SHY, "")
    else:
        clean = text
    for a, b in _CEDILLA:
        if a in clean:
            clean = clean.replace(a, b)
    return clean, shy


def _to_original(shy: list[int] | None, s: int, e: int) -> tuple[int, int]:
    """Offsets in the cleaned text -> offsets in the text given (soft hyphens put back)."""
    if shy is None:
        return s, e
    return s + bisect_right(shy, s), e - 1 + bisect_right(shy, e - 1) + 1


class _Scan:
    """One text being tagged: what every match needs (grammar, sentence starts, tense cache, the
    narrative of the expressions placed so far)."""

    def __init__(self, g: rules_mod.Grammar, clean: str, dct: DocDate, use_doc: Any) -> None:
        self.g, self.clean, self.dct, self.use_doc = g, clean, dct, use_doc
        self.dct_iso = dct.iso  # (a property that formats a string: once per text, not per expression)
        self.nar = Narrative()
        self.tense_cache: dict[int, list[tuple[int, int]]] = {}
        self.inner = _inner_groups(g)
        self.starts = SentenceStarts(clean)
        self.low = _lower(clean)
        self.since = _lexicon_regex(g.lang, "open_since")
        self.deadline = _lexicon_regex(g.lang, "deadline_before")
        self.bound = _lexicon_regex(g.lang, "year_bound_before")
        self.compare_day = _comparison(g.lang, "compare_day")
        self.compare_year = _comparison(g.lang, "compare_year")
        self.first_part: tuple[str, int] | None = None  # ("H1", end) after "primele șase luni"
        self.last_named = -1  # where the last expression naming a date, time or stretch ends
        self.last_date: tuple[int, str] | None = None  # (end, YYYY-MM-DD) of the last day named
        self.week_range: tuple[int, str] | None = None  # (end, first day) of a day range of a week
        self.joiners = _lexicon_regex(g.lang, "range_joiners")

    def groups(self, idx: int, m: re.Match[str]) -> dict[str, str | None]:
        """The rule's named groups under the names its handler knows (``d``, ``m``…)."""
        shorts, fulls = self.inner[idx]
        if len(fulls) > 1:
            return dict(zip(shorts, m.group(*fulls)))  # one C call for all the rule's groups
        return {shorts[0]: m.group(fulls[0])} if fulls else {}

    def tense(self, part: Any, s: int, e: int) -> tuple[int | Callable[[], int], int]:
        """(tense or a function computing it, sentence start) for an expression at [s, e)."""
        if part.kind not in _TENSED and not part.f.get("done") and not part.f.get("anaphoric"):
            return 0, self.starts.at(s)
        if self.use_doc is not None:
            # the parse gives the tense; the sentence key stays the text's, as for untensed
            # expressions, so "in the same sentence" means the same thing for both (the parse puts
            # the blank lines before a sentence inside it, the text does not)
            tense, _ = tense_at(self.g, self.clean, s, e, self.use_doc, self.tense_cache)
            return tense, self.starts.at(s)
        # Why lazy: the tense look-up is the costliest step per expression, and most tensed
        # expressions do not need it ("15 mai 2019" has its year); resolve() asks when it must.
        return partial(tense_at_text, self.g, self.low, s, e), self.starts.at(s)

    def place(self, idx: int, m: re.Match[str]) -> tuple[int, int, str, str, str | None, tuple[str, str] | None] | None:
        """(start, end, type, value, mod, interval) of a rule match in the cleaned text, the
        narrative updated; None when the match is no placeable expression."""
        g, dct = self.g, self.dct
        gd = self.groups(idx, m)
        s, e = m.span()
        if gd.get("t") is not None:
            s, e = m.span(f"r{idx}_t")
        part = HANDLERS[g.rules[idx].handler](g, gd, g.rules[idx].params)
        if part is None:
            return None
        open_since = bool(self.since is not None and self.since.match(self.low, e))
        if open_since and part.kind == "month":
            part.f["since"] = True  # "din decembrie încoace": a stretch up to now began in the past
        if part.f.get("done") and self._deadline_before(s):
            del part.f["done"]  # "până la sfârșitul lunii": a deadline, whatever the verb's tense
        if part.kind == "weekday" and self.compare_day is not None and _compared(self.low, *self.compare_day, max(0, s - 60), s):
            part.f["compare"] = True  # "față de închiderea de vineri": a comparison point (see _remember)
        tense, sent_start = self.tense(part, s, e)
        if part.f.get("anaphoric") and not self._after_week_range(s) and self._anaphoric(tense, sent_start):
            return None  # the stretch just named ("din 14 august 2012 … În această perioadă"), §7
        try:
            res = resolve(part, dct, tense, sent_start, self.nar)
            if res is None:
                return None
            typ, value = res
            if part.kind == "clock" and value.endswith("T00:00") and self._deadline_before(s):
                # "pe parcursul acestei zile, până la ora 00:00": the midnight that ends the day
                value = (date.fromisoformat(value[:10]) + timedelta(days=1)).isoformat() + "T00:00"
            iv = self._interval(part, s, e, typ, value)
        except (OverflowError, ValueError):
            # Why: arithmetic near the calendar's ends ("mâine" in a 9999-12-31 article, "peste
            # 9000 de ani") leaves Python's date range; such an expression has no calendar place.
            return None
        if (self.compare_year is not None and len(value) == 4 and part.kind == "abs"
                and _compared(self.low, *self.compare_year, max(0, s - 80), s)):
            part.f["compare"] = True  # "față de ... în 2013": a comparison point (see _remember)
        if g.rules[idx].params.get("range_week") and not part.mod and self._after_week_range(s):
            typ, value = "DATE", _week_of(self.week_range[1])  # type: ignore[index]
            iv = interval(value, typ, None, dct)
        _remember(self.nar, typ, value, sent_start, part, open_since=open_since or self._bound(part, s))
        if typ == "DATE" and len(value) == 10:
            self._note_range(s, e, value)
        else:
            self.last_date = None  # (most expressions: no call)
        if typ != "SET" and not value.endswith("_REF") and not value.startswith(self.dct_iso):
            self.last_named = e  # (the article's own day is no stretch an anaphor takes up)
            if self.week_range is not None and value == _week_of(self.week_range[1]):
                self.week_range = (e, self.week_range[1])  # "această săptămână … această perioadă"
        if self.first_part is not None or part.f.get("sub"):  # rare: no call for the others
            self._first_part(part, s, e, typ, value, sent_start)
        return s, e, typ, value, part.mod, iv

    def _bound(self, part: Any, s: int) -> bool:
        """Whether an expression naming a year is the bound of a stretch ("înainte de luna mai
        2019", "începând din 2014"; lexicon ``year_bound_before``): like "din 2008 încoace", its
        year is not the one the rest of the sentence is about."""
        if self.bound is None or not (part.f.get("explicit_year") or part.kind == "abs"):
            return False
        return self.bound.search(self.low, max(0, s - 30), s) is not None

    def _deadline_before(self, s: int) -> bool:
        """Whether a deadline word ("până la", lexicon ``deadline_before``) ends right before ``s``."""
        return self.deadline is not None and self.deadline.search(self.low, max(0, s - 16), s) is not None

    def _note_range(self, s: int, e: int, value: str) -> None:
        """Remember a range of days at most a week and a day long ("Săptămâna 22.08.2022 –
        29.08.2022", "5 – 12 septembrie"): the heading of a weekly forecast.  ``value`` is a DATE
        of ten characters."""
        day = value if _WHOLE_DAY.match(value) else None
        last, self.last_date = self.last_date, ((e, day) if day else None)
        if day is None or last is None or self.joiners is None or not self.joiners.match(self.clean[last[0]:s]):
            return
        first = date.fromisoformat(last[1])
        if 0 < (date.fromisoformat(day) - first).days <= 8:
            self.week_range = (e, last[1])

    def _after_week_range(self, s: int) -> bool:
        """Whether "această săptămână / perioadă" at ``s`` follows such a heading with no other
        expression between them: it is that week, not the article's (a four-week forecast
        published on 16 August says "această săptămână" under "Săptămâna 05.09.2022 – 12.09.2022")."""
        r = self.week_range
        return r is not None and r[0] == self.last_named and s - r[0] <= 300

    def _anaphoric(self, tense: Any, sent_start: int) -> bool:
        """Whether an anaphoric "această perioadă" takes up a stretch named before it rather than
        the present (guidelines §7: only the deictic one is PRESENT_REF): a date, time or duration
        named in its sentence or the one before, and a past tense ("din 14 august 2012 și până în
        prezent. În această perioadă, prețul acțiunilor a crescut"); a present or future keeps the
        deictic reading ("Temperaturile vor fi peste cele normale pentru această perioadă")."""
        if self.last_named < 0:
            return False
        p = sent_start
        while p > 0 and self.clean[p - 1].isspace():
            p -= 1  # blank lines between the two sentences
        if self.last_named < (self.starts.at(p) if p > 0 else 0):
            return False
        return (tense() if callable(tense) else tense) < 0

    def _first_part(self, part: Any, s: int, e: int, typ: str, value: str, sent_start: int) -> None:
        """"primele șase luni (din 2019)" is the first half of that year (of the sentence's year,
        else the article's) for a later "aceeași perioadă a anului trecut": the unit of the
        antecedent, as the guidelines want, where the duration itself is no unit."""
        nar, sub = self.nar, part.f.get("sub") if part.kind == "abs" else None
        if sub:
            y = nar.last_year[1] if nar.last_year and nar.last_year[0] == sent_start else self.dct.year
            nar.last_value = nar.last_quarter = f"{y:04d}-{sub}"
            self.first_part = (sub, e)
        elif self.first_part is not None:
            if typ == "DATE" and len(value) == 4 and value.isdigit() and s - self.first_part[1] <= 12:
                nar.last_value = nar.last_quarter = f"{value}-{self.first_part[0]}"  # "... din 2019"
            self.first_part = None

    def _interval(self, part: Any, s: int, e: int, typ: str, value: str) -> tuple[str, str] | None:
        g, dct, mod = self.g, self.dct, part.mod
        wd = part.f.get("weekday") if part.kind == "weekday" and dct.day is None else None
        iv = interval(value, typ, mod, dct, wd)
        if mod in ("START", "END") and iv is not None and g.lookup.get("comparatives"):
            return _comparative(g, self.low[s:e], value, typ, dct) or iv
        if typ == "DURATION" and iv is None:
            return _anchored(g, self.low[s:e], value, dct)
        return iv


_PLACE_LABELS = frozenset({"GPE", "LOC", "FACILITY"})


def outside_place_names(timexes: list[Timex], doc: Any) -> list[Timex]:
    """The time expressions that are not words of a longer place name the NER found: "Miercurea
    Ciuc" is a city, not a Wednesday; "Bulevardul 16 Decembrie 1989" a street.  A name that the NER
    ran across a comma ("DN 1, cinci ani") is its mistake, and the expression stays."""
    if doc is None or not doc.has_annotation("ENT_IOB") or not timexes:
        return timexes
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _PLACE_LABELS and len(e) > 1
             and "," not in e.text]
    if not names:
        return timexes
    return [t for t in timexes if not any(s <= t.start and t.end <= e and (s, e) != (t.start, t.end) for s, e in names)]


@lru_cache(maxsize=None)
def _lexicon_regex(lang: str, table: str) -> re.Pattern[str] | None:
    """A ``{"regex": …}`` table of the language's lexicon, compiled once (``tag`` runs per article)."""
    entry = rules_mod.load(lang).lookup.get(table)
    return re.compile(entry["regex"], re.I) if entry else None


_NAMED_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)(-\d\d)?$")


def _share_range_year(out: list[Timex], text: str, joiner: re.Pattern[str], dct: DocDate) -> None:
    """A range whose year only its second end names: the first end takes it ("ianuarie-septembrie
    2017", "between June 3 and July 14, 2015"), the year before when its month comes later in the
    calendar ("decembrie-februarie 2017" -> 2016-12).  Without this the first end was placed by
    tense alone, often in the wrong year."""
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        ma, mb = _MONTH_VALUE.match(a.value), _MONTH_VALUE.match(b.value)
        if a.type != "DATE" or b.type != "DATE" or not ma or not mb or a.mod or _NAMED_YEAR.search(a.text):
            continue
        if not _NAMED_YEAR.search(b.text) or not joiner.match(text[a.end:b.start]):
            continue
        year = int(mb.group(1)) - (1 if int(ma.group(2)) > int(mb.group(2)) else 0)
        if year == int(ma.group(1)):
            continue
        value = f"{year:04d}-{ma.group(2)}{ma.group(3) or ''}"
        try:
            iv = interval(value, a.type, a.mod, dct)
        except ValueError:  # 29 February of a common year
            continue
        out[i] = Timex(a.start, a.end, a.text, a.type, value, a.mod, iv, a.rule)


_TIME_OF_DAY = re.compile(r"\d{4}-\d\d-\d\d(T.+)$")
_WHOLE_DAY = re.compile(r"\d{4}-\d\d-\d\d$")


def _clock_takes_next_day(out: list[Timex], text: str, between: re.Pattern[str], dct: DocDate) -> None:
    """A clock time whose day is named right after it ("în jurul orei 4 dimineața, vineri", "ora
    10:00, luni 3 iunie") is on that day, not on the last day the narrative named before it (the
    resolver only looks back).  ``between`` (lexicon ``clock_day_after``) is what may separate them."""
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        ma = _TIME_OF_DAY.match(a.value) if a.type == "TIME" else None
        if ma is None or b.type != "DATE" or not _WHOLE_DAY.match(b.value) or b.value == a.value[:10]:
            continue
        if not between.match(text[a.end:b.start]):
            continue
        value = b.value + ma.group(1)
        out[i] = Timex(a.start, a.end, a.text, a.type, value, a.mod, interval(value, a.type, a.mod, dct), a.rule)


#: what may separate a set from the clock time it makes habitual: a few words, no sentence end
_SET_TO_CLOCK = re.compile(r"[^.;!?\n]{0,25}")


def _habitual_clock(out: list[Timex], text: str) -> None:
    """A clock time right after a set is habitual, a TIME with an unknown date (guidelines §5):
    "difuzată de luni până vineri de la ora 12.00" is XXXX-XX-XXT12:00, not 12:00 on the day the
    narrative named last; "zilnic, la ora 10"."""
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.type != "SET" or b.type != "TIME" or not (a.value.startswith("XXXX-WXX") or a.value == "P1D"):
            continue  # (a weekly or daily set: "raportul trimestrial publicat marți" is one report)
        m = _TIME_OF_DAY.match(b.value)
        if m is not None and _SET_TO_CLOCK.fullmatch(text, a.end, b.start):
            out[i] = Timex(b.start, b.end, b.text, b.type, "XXXX-XX-XX" + m.group(1), b.mod, None, b.rule)


_ANY_CLOCK = re.compile(r"(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)(T\d\d:\d\d)$")


def _clock_range_end(out: list[Timex], text: str, rx: re.Pattern[str], opener: re.Pattern[str] | None, dct: DocDate) -> None:
    """The second end of a clock range is a clock time of the first one's day (guidelines §2:
    "între orele 09:00 și 13:00" gives "orele 09:00" and "13:00"): "orele 8 și 16", "ora 10.00 și
    14.00" name no second clock a rule can tell from a number, and a second end the rules found
    ("de luni până vineri, între 9:00 și 17:00") takes the first's date, habitual or not.  ``rx``
    (lexicon ``clock_range_end``) is what follows a clock time when it opens a range; unless it is
    a dash, ``opener`` (``clock_range_open``) must end at the first clock ("între orele 8"), so
    "la ora 10 și 15 persoane" stays one clock time."""
    i = 0
    while i < len(out):
        a = out[i]
        ma = _ANY_CLOCK.match(a.value) if a.type == "TIME" else None
        m = rx.match(text, a.end) if ma is not None else None
        hour = int(m.group("h")) if m is not None else 99
        if m is None or hour > 24 or int(m.group("mi") or 0) > 59 or (
                not m.group("dash") and (opener is None or not opener.search(text, max(0, a.start - 25), a.end))):
            i += 1
            continue
        value = f"{a.value[:-len(ma.group(1))]}T{hour:02d}:{m.group('mi') or '00'}"
        s, e = m.span("h")[0], m.end()
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.start < e:
            if nxt.start == s and nxt.type == "TIME" and _ANY_CLOCK.match(nxt.value) and nxt.value != value:
                out[i + 1] = Timex(nxt.start, nxt.end, nxt.text, nxt.type, value, nxt.mod, interval(value, "TIME", None, dct), nxt.rule)
        else:
            out.insert(i + 1, Timex(s, e, text[s:e], "TIME", value, None, interval(value, "TIME", None, dct), "clock_range_end"))
        i += 2


def _comparative(g: Grammar, low: str, value: str, typ: str, dct: DocDate) -> tuple[str, str] | None:
    """"Later this year" is the rest of the year after the article's day, "earlier this month" the
    part before it: a comparative (``comparatives`` in the language's lexicon) measures from the
    DCT, not a third of the period.  None when it does not apply (no such word, no day in the DCT,
    or the DCT outside the period: "later that year")."""
    side = g.lookup["comparatives"].get(low.split(" ", 1)[0])
    whole = interval(value, typ) if side else None
    if whole is None or dct.day is None:
        return None
    day = dct.interval[0].isoformat()
    if not whole[0] <= day <= whole[1]:
        return None
    return (day, whole[1]) if side > 0 else (whole[0], day)


_DURATION_VALUE = re.compile(r"P(\d+)(\.5)?([YMWD])")


def _anchored(g: Grammar, low: str, value: str, dct: DocDate) -> tuple[str, str] | None:
    """The calendar days of a duration anchored to the article's date: "ultimele trei luni" in an
    article of 27 October 2025 are 2025-07-27 .. 2025-10-27, "the next two years" run from the
    article's day two years on.  Why: such a stretch is placeable on a timeline, and TIMEX3 anchors
    it the same way (an anchored duration's end or begin point is the DCT).  The opening words are
    data (``duration_anchor`` in the language's lexicon); a vague (``PXD``) or unanchored duration
    ("trei luni", "primele trei luni") has no interval."""
    rx = _lexicon_regex(g.lang, "duration_anchor")
    m = _DURATION_VALUE.fullmatch(value) if rx is not None else None
    a = rx.match(low) if m is not None and rx is not None else None
    if m is None or a is None:
        return None
    n, half, unit = int(m.group(1)), bool(m.group(2)), m.group(3)
    first, last = dct.interval
    try:
        if a.group("past"):
            return _shift(first, -n, half, unit).isoformat(), last.isoformat()
        return first.isoformat(), _shift(last, n, half, unit).isoformat()
    except (ValueError, OverflowError):  # beyond the calendar ("the past 5,000 years")
        return None


def _shift(d: date, n: int, half: bool, unit: str) -> date:
    """``d`` moved by ``n`` (and a half) units; a month-end day is clamped (31 March - 1 month =
    28/29 February)."""
    sign = 1 if n >= 0 else -1
    if unit in ("D", "W"):
        days = abs(n) * (7 if unit == "W" else 1) + (0 if not half else 4 if unit == "W" else 1)
        return d + sign * timedelta(days=days)
    months = abs(n) * (12 if unit == "Y" else 1) + (0 if not half else 6 if unit == "Y" else 0)
    days = 15 if half and unit == "M" else 0
    total = d.year * 12 + d.month - 1 + sign * months
    y, mo = divmod(total, 12)
    day = min(d.day, calendar.monthrange(y, mo + 1)[1])
    return date(y, mo + 1, day) + sign * timedelta(days=days)


_UNIT_VALUE = re.compile(r"\d{4}-(?:Q\d|H\d|\d\d)")
_YEAR_VALUE = re.compile(r"\d{4}")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


_SHAPES: dict[tuple[str, str], tuple[bool, bool, bool, bool]] = {}


def _shape(typ: str, value: str) -> tuple[bool, bool, bool, bool]:
    """(anchor unit/year/duration, starts with a day, full clock time, bare year) for a value;
    memoized, since news repeats its values."""
    got = _SHAPES.get((typ, value))
    if got is None:
        year = bool(_YEAR_VALUE.fullmatch(value))
        unit = (typ == "DATE" and (bool(_UNIT_VALUE.fullmatch(value)) or year)) or (typ == "DURATION" and value.startswith("P"))
        got = (unit, bool(_DAY_VALUE.match(value)), typ == "TIME" and bool(_CLOCK_VALUE.fullmatch(value)), year)
        if len(_SHAPES) < 100_000:
            _SHAPES[(typ, value)] = got
    return got


@lru_cache(maxsize=None)
def _comparison(lang: str, table: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A ``compare_*`` table of the language's lexicon: its regex, and a regex of the words one of
    which it needs (``words``), or None where the language has none."""
    entry = rules_mod.load(lang).lookup.get(table)
    if not entry:
        return None
    return re.compile(entry["regex"], re.I), re.compile("|".join(map(re.escape, entry["words"])))


def _compared(low: str, rx: re.Pattern[str], words: re.Pattern[str], a: int, s: int) -> bool:
    """Whether the expression at ``s`` is named as a comparison point (``rx`` ends at ``s``); the
    plain word test first, since most expressions have none of the words before them."""
    return words.search(low, a, s) is not None and rx.search(low, a, s) is not None


def _remember(nar: Narrative, typ: str, value: str, sent_start: int, part: Any, open_since: bool = False) -> None:
    """Keep what later expressions anchor to: the last calendar unit, day, clock time, year.

    A comparison point ("a year earlier", "the year-ago quarter") is not the period under
    discussion: it does not become the anchor, or a second "a year ago" would go back two years."""
    unit, day, clock, year = _shape(typ, value)
    # "față de luna precedentă": a unit before the one in focus is a comparison point too (the
    # rule says so: ``compare=1``)
    shifted = part.kind == "rel" and part.f.get("compare")
    comparison = (part.kind == "ago" and part.f.get("ante")) or shifted
    if unit and not comparison:
        nar.last_value = value
        if len(value) == 7 and value[5] in "QH" and part.kind != "same":
            nar.last_quarter = value  # "the 1988 quarter" is a comparison, not the one discussed
    if day and part.kind in ("weekday", "clock") and part.f.get("compare"):
        # a weekday named as a comparison point ("față de închiderea de vineri") is the day of a
        # clock time in its own sentence ("față de nivelurile de joi din jurul orei 16:30") but not
        # of a later one ("În apropierea orei 13:00" is the day under discussion); nor is that
        # clock time's day
        nar.compare_day = (sent_start, value[:10])
    elif day:
        nar.last_day = (sent_start, value[:10])
        nar.compare_day = None
    if clock:
        nar.last_time = value
    if open_since or part.f.get("stretch"):
        return  # "din 2008 încoace", "2006-2011": where a stretch began or ended, not the year the sentence is about
    if shifted or (part.kind == "abs" and part.f.get("compare")):
        return  # "față de anul precedent", "față de 2013": a comparison point, not the year in focus
    if part.f.get("explicit_year") or (part.kind == "abs" and year) or (part.kind == "rel" and year and part.f.get("unit") == "Y"):
        nar.last_year = (sent_start, int(value[:4]))


def _week_of(day: str) -> str:
    y, w, _ = date.fromisoformat(day).isocalendar()
    return f"{y:04d}-W{w:02d}"


def _lower(text: str) -> str:
    """``text.lower()`` with the same length (offsets into it index ``text``): the rare characters
    whose lowercase is longer ("İ") are kept as they are."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _matches(g: rules_mod.Grammar, text: str, low: str) -> Any:
    """Leftmost, priority-first matches: at each word start, try (in file order) only the rules
    that can start with its first characters; the first that matches wins, scanning resumes after it.
    ``low`` is ``_lower(text)``."""
    windows = _WINDOWS.setdefault(g.lang, {})
    dispatch = g.dispatch
    k = rules_mod.K
    pos = 0
    # the trigger runs on " " + low: a match start j is the word start j of ``text``
    for n, w in enumerate(g.trigger.finditer(" " + low)):  # type: ignore[union-attr]
        if n % 64 == 0:
            check("time expressions")
        i = w.start()
        if i < pos:
            continue
        win = low[i : i + k]
        rxs = windows.get(win)
        if rxs is None:
            got: set[int] = set(g.always)
            for j in range(1, k + 1):
                got.update(dispatch.get(win[:j], ()))
            rxs = windows[win] = g.candidates(tuple(sorted(got)))
        m = _first_match(rxs, text, i)
        if m is not None and m.end() > i and not _PARAGRAPH.search(text, i, m.end()):
            # (no expression runs across a paragraph break: "Summit'21 \n \n Ziua II" is no P21D)
            yield int(m.lastgroup[1:]), m  # type: ignore[index]
            pos = m.end()


def _first_match(rxs: tuple[re.Pattern[str], ...], text: str, i: int) -> re.Match[str] | None:
    """The match at ``i`` of the first rule in priority order that matches there (what one
    alternation of those rules would return)."""
    for rx in rxs:
        m = rx.match(text, i)
        if m is not None:
            return m
    return None


_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
_WINDOWS: dict[str, dict[str, Any]] = {}
_INNER: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}


def _inner_groups(g: rules_mod.Grammar) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Per rule: its group names as the handlers know them (``d``, ``m``…) and as renamed in the
    combined regexes (``r12_d``…)."""
    got = _INNER.get(g.lang)
    if got is None:
        names = [n for rx in g.compiled for n in rx.groupindex]
        got = []
        for i in range(len(g.rules)):
            pre = f"r{i}_"
            mine = [n for n in names if n.startswith(pre)]
            got.append((tuple(n[len(pre):] for n in mine), tuple(mine)))
        _INNER[g.lang] = got
    return got
