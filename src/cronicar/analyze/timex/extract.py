"""Extraction: from a rule match to an *underspecified* value (:class:`Partial`).

Why two stages: the same words ("luni", "decembrie", "anul trecut") mean different calendar
days depending on the article date and the sentence tense; extraction records only what the text
says (a weekday, a month without a year, "one year back"), :mod:`.resolve` anchors it.
Handlers are named in ``timex_rules.tsv``; their parameters come from the rule's params column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from cronicar.analyze.timex.rules import Grammar

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass
class Partial:
    """What the text says, before anchoring.  ``kind`` tells :mod:`.resolve` what to do."""

    type: str
    kind: str  # abs | month | year | rel | weekday | deictic | quarter | season | clock | ago | fixed | same | fy | holiday
    value: str | None = None  # final value when nothing needs anchoring
    mod: str | None = None
    f: dict[str, Any] = field(default_factory=dict)


_SPACES = re.compile(r"\s+")


def _lk(g: Grammar, table: str, word: str | None) -> Any:
    if word is None:
        return None
    key = word.lower()
    if "\u00ad" in key:
        key = key.replace("\u00ad", "")
    if not key.isalnum():  # fast path: one word needs no whitespace folding
        key = _SPACES.sub(" ", key)
    got = g.lookup.get(table, {}).get(key)
    if got is None and key.endswith("."):
        got = g.lookup.get(table, {}).get(key[:-1])
    return got


def number(g: Grammar, s: str | None) -> float | None:
    """Digits ("12", "2,5") or number words ("două", "douăzeci și cinci"); None if vague/absent."""
    if s is None:
        return None
    s = s.strip().lower()
    if not s:
        return None
    if s[0].isdigit():
        try:
            return float(s.replace(",", "."))
        except ValueError:
            return None
    total = 0.0
    for part in re.split(r"\s+(?:și|and|y)\s+|-", s):
        if " " in part and _lk(g, "numbers", part) is None:  # "twenty four"
            subs = [_lk(g, "numbers", w) for w in part.split()]
            if None in subs:
                return None
            total += sum(subs)
            continue
        v = _lk(g, "numbers", part.strip())
        if v is None:
            return None
        total += v
    return total


def _num_str(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _year(g: Grammar, gd: dict[str, str | None]) -> tuple[int | None, int | None]:
    """(absolute year, relative year offset) from groups ``y`` and ``yrel``."""
    y = gd.get("y") or gd.get("y2") or gd.get("y3")
    if y:
        yy = int(y)
        if yy < 100:
            yy += 2000 if yy < 50 else 1900
        return yy, None
    rel = gd.get("yrel")
    if rel is not None:
        off = _lk(g, "relative", rel)
        return None, int(off) if off is not None else 0
    if gd.get("ycur") is not None or gd.get("ybare") is not None:
        return None, 0
    return None, None


def _mod(g: Grammar, gd: dict[str, str | None], params: dict[str, str]) -> str | None:
    for key in ("mw", "aw"):
        w = gd.get(key)
        if w:
            m = _lk(g, "mods", w) if key == "mw" else (_lk(g, "approx", w) or _lk(g, "approx_after_de", w))
            if m:
                return str(m)
    return params.get("mod")


def _sentence_year(g: Grammar) -> bool:
    """Does a year named earlier in the sentence give its year to a later month or date?  The
    lexicon's ``narrative.sentence_year`` (default yes: Romanian "iulie 2019 … iulie"; English says
    no: "invited in July 1997, will join on March 12")."""
    return bool(g.lex.get("narrative", {}).get("sentence_year", True))


def _month_near(g: Grammar) -> bool:
    """Does a month or date without a year take the occurrence nearest to the article date, the
    sentence's tense moving it only when that one lies more than two and a half months against it
    (``narrative.month_near`` in the lexicon)?  Otherwise the nearest in the tense's direction.
    Why for Romanian: the tense the text heuristic finds is often another clause's ("cardurile
    primite în lunile iunie - iulie le vor putea folosi" in August is this June, not next June;
    "luna martie" in a past-tense sentence of 24 February is the coming March), and the guidelines
    want the nearest occurrence; "din decembrie încoace" (``open_since``) stays a past one."""
    return bool(g.lex.get("narrative", {}).get("month_near", False))


def h_date(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    # a rule may fix the day or the month ("prima zi a anului 2011": ``m=1;d=1``)
    dw = gd.get("d") or gd.get("d2") or p.get("d") or "1"
    d = int(dw) if dw.isdigit() else int(_lk(g, "ordinals", dw) or number(g, dw) or 1)  # "el uno de agosto"
    mw = gd.get("m") or gd.get("m2") or p.get("m") or ""
    month = int(mw) if mw.isdigit() else _lk(g, "months", mw) or _lk(g, "month_abbr", mw) or _lk(g, "months_en", mw)
    if gd.get("sw"):  # "prima săptămână de toamnă": counted from the season's first month
        month = g.lex.get("season_first_month", {}).get(_lk(g, "seasons", gd["sw"]))
    if p.get("month") == "dct":  # "el día 8": a day of the article's month
        return Partial("DATE", "day_of_month", f={"day": d, "dir": int(_lk(g, "relative", gd.get("r")) or 0) if gd.get("r") else 0})
    y, yrel = _year(g, gd)
    rel_word = gd.get("r") or (gd.get("yrel") if p.get("dir") else None)
    if p.get("dir") and rel_word and y is None:
        # "el 25 de abril pasado": the nearest such day in that direction, not the previous year's
        off = int(_lk(g, "relative", rel_word) or 0)
        return Partial("DATE", "month", mod=_mod(g, gd, p), f={"month": month, "day": d, "year": None, "yrel": None, "dir": off})
    f = {"month": month, "day": d, "year": y, "yrel": yrel, "explicit_year": y is not None, "near": bool(p.get("near")), "month_near": _month_near(g), "sentence_year": _sentence_year(g)}
    if p.get("week"):
        f["week"] = True  # "the week of March 6": the ISO week of that day
    if gd.get("wo") and month:  # "the last week of March": the ISO week holding its 4th day
        n = int(_lk(g, "ordinals", gd["wo"]) or 1)
        f["day"] = ({2: 25, 4: 27, 6: 27, 9: 27, 11: 27}.get(month, 28)) if n < 0 else 4 + 7 * (n - 1)
    return Partial("DATE", "month", mod=_mod(g, gd, p), f=f)


def h_month(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    mw = gd.get("m") or gd.get("m2")
    # a rule may fix the month ("prima lună din 2016": ``m=1``)
    month = _lk(g, "months", mw) or _lk(g, "month_abbr", mw) or (int(p["m"]) if p.get("m") else None)
    y, yrel = _year(g, gd)
    if p.get("dir") and yrel:  # "this April": the article's year
        # "last April" / "abril pasado": the nearest April in that direction, not April of last year
        return Partial("DATE", "month", mod=_mod(g, gd, p), f={"month": month, "day": None, "year": None, "yrel": None, "dir": yrel})
    return Partial("DATE", "month", mod=_mod(g, gd, p), f={"month": month, "day": None, "year": y, "yrel": yrel, "explicit_year": y is not None, "near": bool(p.get("near")), "month_near": _month_near(g), "sentence_year": _sentence_year(g)})


def h_year(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    y, yrel = _year(g, gd)
    if y is None and yrel is None:
        yrel = int(p.get("yrel", 0))
    if y is not None:
        part = Partial("DATE", "abs", value=f"{y:04d}", mod=_mod(g, gd, p))
        if p.get("stretch"):
            part.f["stretch"] = True  # an end of "2006-2011": no year the sentence is about
        return part
    mod = _mod(g, gd, p)
    f: dict[str, Any] = {"unit": "Y", "offset": yrel}
    if p.get("done") and mod == "END" and gd.get("ybare") is not None:
        f["done"] = True  # "avea active de ... la sfârșitul anului" in February: see resolve._done
    return Partial("DATE", "rel", mod=mod, f=f)


def h_fy(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    y, yrel = _year(g, gd)
    return Partial("DATE", "fy", mod=_mod(g, gd, p), f={"year": y, "yrel": yrel or 0})


def h_rel(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    unit = p.get("unit") or _lk(g, "units", gd.get("u"))
    off = _lk(g, "relative", gd.get("r")) if gd.get("r") else p.get("offset", 0)
    f: dict[str, Any] = {"unit": unit, "offset": int(off or 0)}
    if p.get("anaphor"):
        f["anaphor"] = True  # "the quarter": the one the narrative named last, if any
    if p.get("compare"):
        f["compare"] = True  # "față de luna precedentă": a comparison point, not the unit in focus
    if p.get("lag"):
        f["lag"] = int(p["lag"])  # "a încheiat săptămâna": the week of the day ``lag`` days back
    mod = _mod(g, gd, p)
    if p.get("done") and mod == "END" and not gd.get("r"):
        f["done"] = True  # "au eșuat la sfârșitul săptămânii" on a Wednesday: see resolve._done
    return Partial("DATE", "rel", mod=mod, f=f)


def _clock_suffix(g: Grammar, gd: dict[str, str | None]) -> str | None:
    """``T17:00`` for a clock time named next to a day ("5 p.m. EST Nov. 9", "noon Thursday")."""
    if gd.get("noon"):
        return "T24:00" if gd["noon"].lower().startswith("mid") else "T12:00"
    if gd.get("h") is None:
        return None
    return "T" + h_clock(g, gd, {}).f["hm"]


def h_weekday(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    wd = _lk(g, "weekdays", gd.get("wd"))
    pod = _clock_suffix(g, gd) or _lk(g, "parts_of_day", gd.get("pod"))
    if p.get("set"):  # "each Thursday", "Tuesday nights"
        return Partial("SET", "abs", value=f"XXXX-WXX-{wd}{pod or ''}")
    f: dict[str, Any] = {"weekday": wd, "pod": pod}
    if gd.get("d"):  # weekday + date in apposition: the date decides
        part = h_date(g, gd, p)
        part.f["pod"] = pod
        if part.kind == "month":
            part.f["check_wd"] = wd  # ...and the weekday picks its year when none is written
        if pod:
            part.type = "TIME"
        return part
    if p.get("offset"):
        f["offset"] = int(p["offset"])  # "the day before last Tuesday"
    if p.get("past"):
        f["past"] = True  # "Wednesday's ruling": an event already reported, whatever the tense
    rw = gd.get("r") or gd.get("r2")
    if rw:
        # "last Friday" is strictly before the article date, "next Friday" strictly after it
        f["rel"] = int(_lk(g, "relative", rw) or 0)
    return Partial("TIME" if pod else "DATE", "weekday", mod=_mod(g, gd, p), f=f)


def h_deictic(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    off = _lk(g, "deictic", gd.get("dw"))
    if off is None:
        off = int(p.get("offset", 0))
    pod = _clock_suffix(g, gd) or _lk(g, "parts_of_day", gd.get("pod")) or p.get("pod")
    return Partial("TIME" if pod else "DATE", "deictic", mod=_mod(g, gd, p), f={"offset": int(off), "pod": pod})


def h_quarter(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    q = gd.get("q") or gd.get("q2") or ""
    # "trimestrul III", "trimestrul al treilea", and the spoken cardinal "trimestrul patru"
    n = _ROMAN.get(q.lower()) or _lk(g, "ordinals", q) or (int(number(g, q) or 0) if q else None)
    unit = p.get("unit", "Q")
    y, yrel = _year(g, gd)
    return Partial("DATE", "quarter", mod=_mod(g, gd, p), f={"unit": unit, "n": n, "year": y, "yrel": yrel})


def h_season(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    s = _lk(g, "seasons", gd.get("s") or gd.get("s2"))
    y, yrel = _year(g, gd)
    # "vara trecută" is the summer before, not the summer of last year: an offset in seasons (srel),
    # where "toamna anului trecut" is one in years (yrel)
    srel = _lk(g, "relative", gd["srel"]) if gd.get("srel") else None
    # a season without a year follows the tense where the lexicon says so (``narrative.season_tense``:
    # Romanian); elsewhere it is the article's year (Spanish "la posibilidad de que en otoño pasara":
    # a past subjunctive for a coming autumn)
    tensed = bool(g.lex.get("narrative", {}).get("season_tense", False))
    return Partial("DATE", "season", mod=_mod(g, gd, p),
                   f={"season": s, "year": y, "yrel": yrel, "srel": None if srel is None else int(srel),
                      "tensed": tensed, "near": bool(p.get("near"))})


def h_clock(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    if gd.get("noon") or gd.get("midnight"):
        return Partial("TIME", "clock", mod=_mod(g, gd, p), f={"hm": "12:00" if gd.get("noon") else "24:00"})
    h = int(number(g, gd.get("h") or gd.get("h2")) or 0)  # digits or a number word ("las seis de la mañana")
    mi = int(gd.get("mi") or gd.get("mi2") or 0)
    pod = _lk(g, "parts_of_day", gd.get("pod"))
    ampm = (gd.get("ampm") or "").lower().replace(".", "")
    if ampm.startswith("p") and h < 12:
        h += 12
    if ampm.startswith("a") and h == 12:
        h = 0
    if pod in ("TEV", "TNI", "TAF") and h < 12:
        h += 12
    hm = f"{h:02d}:{mi:02d}"
    if gd.get("sec"):  # "la ora 07:16:17 (ora locală)": a seismograph's second
        hm += f":{gd['sec']}"
    tz = gd.get("tz") or gd.get("tz2")
    # "16:08 UTC": ISO's Z; GMT keeps the local form unless the lexicon's ``clock.z_zones`` lists
    # it (Spanish TimeBank: "13.00 GMT" = T13:00Z)
    if tz and (tz == "UTC" or tz.lower() in g.lex.get("clock", {}).get("z_zones", ())):
        hm += "Z"
    if p.get("dated") and gd.get("m") and gd.get("d"):  # "16:15 UTC, June 1st": the date that follows
        part = h_date(g, gd, {"near": "1"})
        part.type, part.f["pod"] = "TIME", "T" + hm
        return part
    # a live blog's "UPDATE 9:50": the time of the article's own day, whatever day the text named last
    return Partial("TIME", "clock", mod=_mod(g, gd, p), f={"hm": hm, "today": bool(p.get("today"))})


def _unit_of(g: Grammar, word: str | None) -> str | None:
    return _lk(g, "units", word)


def h_duration(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    unit = p.get("unit") or _unit_of(g, gd.get("u") or gd.get("u2"))
    n = number(g, gd.get("n"))
    if gd.get("n2"):  # compact range 3-4: upper bound, EQUAL_OR_LESS
        n = number(g, gd.get("n2"))
        mod: str | None = "EQUAL_OR_LESS"
    else:
        mod = _mod(g, gd, p)
    if gd.get("half") or gd.get("frac"):  # "ultimul an și jumătate": the rule's own n (1) and a half
        n = (n if n is not None else float(p.get("n", 0))) + 0.5
    if gd.get("vague") or (n is None and p.get("vague")):
        n = None
    elif n is None and not gd.get("n"):
        n = float(p.get("n", 1))
    sub = g.lex.get("durations", {}).get("fractions") == "subunit"
    # "primele șase luni" is also the half under discussion (rule parameter ``sub=H1``): what a
    # later "aceeași perioadă a anului trecut" refers to (guidelines: the antecedent's unit)
    f = {"sub": p["sub"]} if p.get("sub") else {}
    return Partial("DURATION", "abs", value=_dur(unit, n, sub, _quarters(g)), mod=mod, f=f)


def _quarters(g: Grammar) -> bool:
    """Are quarters a duration unit of their own (English TimeBank: "the past two quarters" =
    P2Q), rather than three months each (P6M)?  The lexicon's ``durations.quarters: "Q"``."""
    return g.lex.get("durations", {}).get("quarters") == "Q"


#: a fraction of a unit written in the next smaller one, as TIMEX3 does ("2 1/2 years" = P2Y6M,
#: "a minute and a half" = PT1M30S): unit -> (smaller unit, how many make one, in the time part)
_SUBUNIT = {"Y": ("M", 12, False), "D": ("H", 24, True), "H": ("M", 60, True), "MIN": ("S", 60, True)}


def _dur(unit: str | None, n: float | None, subunit: bool = False, quarters: bool = False) -> str:
    """The TIMEX3 duration of ``n`` units (``X`` when vague); ``subunit``: a fraction goes to the
    next smaller unit (English TimeBank: P2Y6M) rather than a decimal (P2.5Y)."""
    unit = unit or "D"
    if subunit and n is not None and n != int(n) and unit in _SUBUNIT:
        sub, k, timed = _SUBUNIT[unit]
        rest = (n - int(n)) * k
        if rest == int(rest):
            whole = int(n)
            big = "M" if unit == "MIN" else unit
            head = f"{whole}{big}" if whole else ""
            if unit in ("H", "MIN"):
                return f"PT{head}{int(rest)}{sub}"
            return f"P{head}T{int(rest)}{sub}" if timed else f"P{head}{int(rest)}{sub}"
    q = "X" if n is None else _num_str(n)
    if unit in ("H", "MIN", "S"):
        return f"PT{q}{'M' if unit == 'MIN' else unit}"
    if unit == "DE":
        return f"P{'X' if n is None else _num_str(n * 10)}Y"
    if unit == "CE":
        return f"P{'X' if n is None else _num_str(n * 100)}Y"
    if unit == "Q":
        if quarters:
            return f"P{q}Q"
        return f"P{'X' if n is None else _num_str(n * 3)}M"
    if unit == "HY":
        return f"P{'X' if n is None else _num_str(n * 6)}M"
    return f"P{q}{unit}"


def h_ago(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    unit = p.get("unit") or _unit_of(g, gd.get("u"))
    n = number(g, gd.get("n2") or gd.get("n"))  # "acum 2-3 ani": the farther end, APPROX (the rule's mod)
    if gd.get("vague") or (n is None and gd.get("n")):
        return Partial("DATE", "abs", value="PAST_REF")
    if n is None:
        n = 1
    sign = int(p.get("sign", -1))
    f = {"unit": unit, "n": n * sign, "ante": bool(p.get("ante"))}
    if p.get("same"):
        f["same"] = True  # "the same month a year ago": the month under discussion, a year back
    if p.get("now"):
        f["now"] = True  # "în urmă cu 11 zile": counted from the article's day, not a day just named
    return Partial("TIME" if unit in ("H", "MIN") else "DATE", "ago", mod=_mod(g, gd, p), f=f)


def h_set(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    if "value" in p:
        return Partial("SET", "abs", value=p["value"])
    if gd.get("m"):  # "each July"
        return Partial("SET", "abs", value=f"XXXX-{int(_lk(g, 'months', gd['m'])):02d}")
    unit = _unit_of(g, gd.get("u"))
    n = 2 if gd.get("other") else (number(g, gd.get("n")) or 1)  # "every four years", "every other day"
    return Partial("SET", "abs", value=_dur(unit, n, quarters=_quarters(g)))


def h_pod(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    pod = _lk(g, "parts_of_day", gd.get("pod")) or p.get("pod")
    return Partial("TIME", "pod", f={"pod": pod})


def h_weekend(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    """ "the weekend": the last one in past tense, the next one in future tense."""
    return Partial("DATE", "weekend", f={"offset": int(p.get("offset", 0)), "dir": int(p.get("dir", 0)),
                                         "present": bool(p.get("present"))})


def h_fixed(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    part = Partial(p.get("type", "DATE"), "abs", value=p["value"], mod=_mod(g, gd, p))
    if p.get("anaphoric"):
        part.f["anaphoric"] = True  # "această perioadă" right after a period is named: that one
    return part


def h_same(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    y, yrel = _year(g, gd)
    return Partial("DATE", "same", f={"year": y, "yrel": yrel, "unit": p.get("unit")})


def h_decade(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    if gd.get("decw") or gd.get("decw2"):  # "the nineties", "la década de los noventa"
        return Partial("DATE", "abs", value=str(_lk(g, "decades", gd.get("decw") or gd.get("decw2"))), mod=_mod(g, gd, p))
    d = gd.get("dec") or ""
    d = d.strip("'’‘s")
    if len(d) == 2:
        d = ("19" if int(d) > 20 else "20") + d
    return Partial("DATE", "abs", value=d[:3], mod=_mod(g, gd, p))


def h_holiday(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    """A named day of the year ("Thanksgiving", "Christmas Eve"): the lexicon's ``holidays`` table
    gives ``MM-DD`` or ``MM-<weekday>-<n>`` (n-th weekday of the month, ``L`` = last)."""
    rule = _lk(g, "holidays", gd.get("hol"))
    y, yrel = _year(g, gd)
    off = _lk(g, "relative", gd.get("r")) if gd.get("r") else None
    return Partial("DATE", "holiday", f={"rule": rule, "year": y, "yrel": yrel, "dir": off, "week": bool(p.get("week"))})


def spelled_year(g: Grammar, s: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000, "two thousand and one" -> 2001."""
    words = re.split(r"[\s-]+", s.lower().replace(" and ", " "))
    tens = {k: int(v) for k, v in g.lookup.get("numbers", {}).items() if isinstance(v, (int, float)) and float(v).is_integer() and " " not in k and k not in ("a", "an")}
    if len(words) >= 2 and words[0] in tens and words[1] == "thousand":
        rest = sum(tens.get(w, 0) for w in words[2:])
        return int(tens[words[0]]) * 1000 + rest
    if len(words) >= 2 and words[0] in tens and 10 <= tens[words[0]] <= 20:
        rest = words[1:]
        if rest[0] in ("hundred",):
            return tens[words[0]] * 100 + sum(tens.get(w, 0) for w in rest[1:])
        if rest[0] in ("oh", "o"):
            rest = rest[1:]
        vals = [tens.get(w) for w in rest]
        if None in vals or not vals:
            return None
        return tens[words[0]] * 100 + sum(v for v in vals if v is not None)
    return None


def h_year_words(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial | None:
    """A year in words, as broadcast transcripts write it ("nineteen ninety-six")."""
    y = spelled_year(g, gd.get("yw") or "")
    if y is None or not 1000 <= y <= 2099:
        return None
    month = _lk(g, "months", gd.get("m")) if gd.get("m") else None
    if month:
        return Partial("DATE", "abs", value=f"{y:04d}-{month:02d}", f={"explicit_year": True})
    s = _lk(g, "seasons", gd.get("s")) if gd.get("s") else None
    if s:
        return Partial("DATE", "abs", value=f"{y:04d}-{s}", f={"explicit_year": True})
    return Partial("DATE", "abs", value=f"{y:04d}", f={"explicit_year": True})


def h_that_year(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    """ "that year", "the following year": the year the narrative last named, shifted."""
    return Partial("DATE", "that_year", mod=_mod(g, gd, p), f={"offset": int(p.get("offset", 0))})


def h_that_day(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    """ "the next day", "the day before", "that same day", "the following month": the day (or
    month, ``unit=M``) the narrative last named, shifted; the article's without one."""
    return Partial("DATE", "that_day", mod=_mod(g, gd, p), f={"offset": int(p.get("offset", 0)), "unit": p.get("unit", "D")})


_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.lower()):
        v = _ROMAN_DIGITS.get(ch, 0)
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def h_century(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> Partial:
    """ "the 20th century", "el siglo XIX" -> ``19``, ``18`` (TIMEX3 century values are the first
    two digits of its years); "this century" ("este siglo") is the DCT's, resolved later."""
    if gd.get("hund"):  # "the 1800s": the century whose years start with 18
        return Partial("DATE", "abs", value=f"{int(gd['hund']):02d}", mod=_mod(g, gd, p))
    if gd.get("roman"):
        n = _roman(gd["roman"])
    elif gd.get("n"):
        n = int(gd["n"])
    else:  # "secolul trecut" (offset=-1): counted from the article's century
        return Partial("DATE", "century", mod=_mod(g, gd, p), f={"offset": int(p.get("offset", 0))})
    return Partial("DATE", "abs", value=f"{n - 1:02d}", mod=_mod(g, gd, p))


def h_skip(g: Grammar, gd: dict[str, str | None], p: dict[str, str]) -> None:
    """A rule that matches to *block* others (names, idioms: "pe zi ce trece", "OUG 114/2018")."""
    return None


HANDLERS: dict[str, Callable[[Grammar, dict[str, str | None], dict[str, str]], Partial | None]] = {
    "date": h_date,
    "month": h_month,
    "year": h_year,
    "fy": h_fy,
    "rel": h_rel,
    "weekday": h_weekday,
    "deictic": h_deictic,
    "quarter": h_quarter,
    "season": h_season,
    "clock": h_clock,
    "duration": h_duration,
    "ago": h_ago,
    "set": h_set,
    "fixed": h_fixed,
    "pod": h_pod,
    "weekend": h_weekend,
    "skip": h_skip,
    "holiday": h_holiday,
    "that_year": h_that_year,
    "that_day": h_that_day,
    "century": h_century,
    "year_words": h_year_words,
    "same": h_same,
    "decade": h_decade,
}
