"""Resolution: anchor a :class:`~.extract.Partial` to the article date, the sentence tense and
what the narrative said before, and give every placeable value its calendar interval.

Decisions (see docs/timex.md):
- Weekdays: past tense (the news default) -> the most recent such day on or before the DCT;
  future -> the next on or after it.  The DCT's own weekday is the DCT.
- A month-only DCT keeps its granularity: "vineri" / "ieri" get the DCT month as value
  (``2024-11``) and an interval from the first to the last such weekday of that month, never later.
- Months without a year: the nearest occurrence in the direction of the tense, unless the same
  sentence already named a year explicitly.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Any, Callable

from cronicar.analyze.timex.extract import Partial
from cronicar.analyze.timex.tense import STRONG_FUTURE
from cronicar.model import DocDate

_RX0 = re.compile(r"(\d{4})-(Q\d|H\d)")
_RX1 = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)$")
_RX2 = re.compile(r"\d{4}-(\d\d)$")
_RX3 = re.compile(r"\d{4}-((?:Q|H)\d|\d\d)$")
_RX_YM = re.compile(r"(\d{4})-(\d\d)(?:-\d\d)?$")
_RX4 = re.compile(r"\d{4}-\d\d-\d\d")
_RX5 = re.compile(r"\d{4}-\d\d")
_RX6 = re.compile(r"\d{4}")
_RX7 = re.compile(r"(\d{4})-W(\d\d)")
_RX8 = re.compile(r"(\d{4})-([QH])(\d)")
_RX9 = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_RX10 = re.compile(r"FY(\d{4})")
_RX11 = re.compile(r"\d{3}")
_RX12 = re.compile(r"\d{2}")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


class Narrative:
    """What earlier timexes of the same document established (for 'aceeași perioadă', clock dates)."""

    def __init__(self) -> None:
        self.last_value: str | None = None  # last DATE value with a calendar unit (Q/H/month)
        self.last_day: tuple[int, str] | None = None  # (sentence start, YYYY-MM-DD)
        self.compare_day: tuple[int, str] | None = None  # a later day named as a comparison point
        self.last_year: tuple[int, int] | None = None  # (sentence start, explicit year)
        self.last_time: str | None = None  # last full TIME value with a clock
        self.last_quarter: str | None = None  # last quarter or half (YYYY-Qn / YYYY-Hn) named


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _tense(tense: int | Callable[[], int]) -> int:
    return tense() if callable(tense) else tense


Tense = int | Callable[[], int]
Value = tuple[str, str] | None


def resolve(p: Partial, dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """(type, value) for ``p``; None when it cannot be anchored.

    ``tense`` is +1 future / -1 past / 0 none, or a function computing it, called only when the
    value depends on it (the look-up is the costliest step per expression).  Each kind of partial
    has its own resolver below (:data:`_RESOLVERS`)."""
    if p.kind == "abs":
        return p.type, p.value or ""
    fn = _RESOLVERS.get(p.kind)
    return fn(p.f, dct, tense, sent_start, nar) if fn is not None else None


def _resolve_rel(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"anul trecut", "luna viitoare", "săptămâna aceasta", "trimestrul următor": a unit shifted
    from the article's own (a month anaphor shifts from the month just named)."""
    got = _rel_value(f, dct, nar)
    if f.get("done") and got is not None and dct.day is not None:
        return _done(f["unit"], got, dct, tense)
    return got


def _done(unit: str, got: tuple[str, str], dct: DocDate, tense: Tense) -> tuple[str, str]:
    """A bare "sfârșitul săptămânii / lunii / anului" told in the past before that end has come
    ("negocierile au eșuat la sfârșitul săptămânii" on a Wednesday, "fondul avea active de ... la
    sfârșitul anului" in February) is the end of the unit before: the article's own has not
    reached its last third yet, so nothing can have happened there."""
    span = _interval(got[1], "DATE", "END", None)
    if span is None or dct.anchor.isoformat() >= span[0] or not _just_after(unit, dct) or _tense(tense) >= 0:
        return got
    if unit == "W":
        return "DATE", iso_week(dct.anchor - timedelta(weeks=1))
    if unit == "M" and dct.month:
        y, m = _shift_month(dct.year, dct.month, -1)
        return "DATE", f"{y:04d}-{m:02d}"
    q = _RX8.fullmatch(got[1]) if unit == "Q" else None
    if q is not None:
        n = int(q.group(1)) * 4 + int(q.group(3)) - 2  # quarters since year 0, one back
        return "DATE", f"{n // 4:04d}-Q{n % 4 + 1}"
    if unit == "Y" and _RX6.fullmatch(got[1]):
        return "DATE", f"{int(got[1]) - 1:04d}"
    return got


def _just_after(unit: str, dct: DocDate) -> bool:
    """Whether the article is early enough in its unit for the end of the one before to be what a
    past "la sfârșitul …" is about: a week any day before its end, a month in its first ten days,
    a year in its first quarter (annual figures).  Why: the text-only tense is a guess, and later in
    a month or a year a past marker near "sfârșitul lunii / anului" is more often another clause's
    ("mi-am propus ca la sfârșitul anului să fiu în Top 10" in August) than last period's end."""
    if unit == "M":
        return (dct.day or 99) <= _MONTH_EARLY_DAYS
    if unit == "Y":
        return (dct.month or 99) <= _YEAR_EARLY_MONTHS
    return True


_MONTH_EARLY_DAYS = 10
_YEAR_EARLY_MONTHS = 3


def _rel_value(f: dict[str, Any], dct: DocDate, nar: Narrative) -> Value:
    unit, off = f["unit"], int(f["offset"])
    y0 = dct.year
    if unit == "Y":
        if f.get("anaphor") and off and nar.last_year:
            # "în 2019 … față de anul precedent" in 2020: the year before the one in focus
            return "DATE", f"{nar.last_year[1] + off:04d}"
        return "DATE", f"{y0 + off:04d}"
    if unit == "M":
        return _rel_month(f, dct, off, nar)
    if unit == "W":
        if dct.day is None:
            return "DATE", dct.iso
        # a week already over ("a încheiat săptămâna", "după o săptămână bursieră plină de
        # scăderi"): in a Monday-to-Wednesday article the week before, later in the week this one
        return "DATE", iso_week(dct.anchor + timedelta(weeks=off) - timedelta(days=f.get("lag", 0)))
    if unit == "D":
        return _day(dct, off)
    if unit == "Q" and f.get("anaphor") and nar.last_quarter:
        return "DATE", nar.last_quarter
    if unit == "Q" and dct.month:
        q = (dct.month - 1) // 3 + 1 + off
        y = y0 + (q - 1) // 4
        return "DATE", f"{y:04d}-Q{(q - 1) % 4 + 1}"
    if unit == "DE":
        return "DATE", f"{(y0 // 10) + off:03d}"
    return "DATE", f"{y0:04d}"


def _rel_month(f: dict[str, Any], dct: DocDate, off: int, nar: Narrative) -> Value:
    named = _named_month(nar) if f.get("anaphor") else None
    if named is not None:
        # "luna precedentă" after "în luna iulie": the month before the one just named
        y, m = _shift_month(named[0], named[1], off)
        return "DATE", f"{y:04d}-{m:02d}"
    if dct.month is None:
        return "DATE", f"{dct.year:04d}"
    y, m = _shift_month(dct.year, dct.month, off)
    return "DATE", f"{y:04d}-{m:02d}"


def _resolve_deictic(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"ieri", "mâine", "azi dimineață": the article's day shifted, with a part of day."""
    t, v = _day(dct, int(f["offset"]))
    if f.get("pod"):
        return "TIME", f"{v}{f['pod']}"
    return t, v


def _resolve_weekday(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"vineri", "lunea trecută": the nearest such day before (past) or after (future) the DCT."""
    wd = int(f["weekday"])
    if dct.day is None:
        v = dct.iso
    else:
        d = _weekday_date(f, dct.anchor, wd, tense)
        v = (d + timedelta(days=int(f.get("offset", 0)))).isoformat()
    if f.get("pod"):
        return "TIME", f"{v}{f['pod']}"
    return "DATE", v


def _weekday_date(f: dict[str, Any], d0: date, wd: int, tense: Tense) -> date:
    delta = (wd - d0.isoweekday()) % 7
    rel = f.get("rel")
    if rel == -1:
        return d0 - timedelta(days=(d0.isoweekday() - wd) % 7 or 7)
    if rel == 1:
        return d0 + timedelta(days=delta or 7)
    if not f.get("past") and not f.get("compare") and _tense(tense) > 0:
        # (a weekday named as a comparison point is a value already recorded: "va livra joi 42,1
        # mcm, în scădere față de 42,2 mcm miercuri" is the Wednesday before)
        return d0 + timedelta(days=delta)
    return d0 - timedelta(days=(d0.isoweekday() - wd) % 7)


def _resolve_month(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """A month, or a day of a month, with or without its year."""
    month = f.get("month")
    if not month:
        return None
    y = _month_year(f, month, dct, tense, sent_start, nar)
    day = f.get("day")
    if day:
        return _month_day(f, y, month, day, dct)
    return "DATE", f"{y:04d}-{month:02d}"


def _month_year(f: dict[str, Any], month: int, dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> int:
    """The year of a month: the one written, one relative to the DCT's, a year named earlier in
    the same sentence when the tense allows it, else the nearest in the direction of the tense."""
    y = f.get("year")
    if y is None and f.get("yrel") is not None:
        y = dct.year + int(f["yrel"])
    if (y is None and f.get("dir") is None and f.get("sentence_year", True) and nar.last_year and nar.last_year[0] == sent_start
            and _fits_tense(nar.last_year[1], month, dct, tense)):
        y = nar.last_year[1]
    if y is not None:
        return y
    if dct.month is None:
        return dct.year
    if f.get("dir") is not None:
        y = _year_for(month, f.get("day"), dct, f["dir"])
        if f["dir"] and month == dct.month and not f.get("day"):
            y += f["dir"]  # "last March" in a March article: the year before's
        return y
    if f.get("since"):
        return _year_for(month, f.get("day"), dct, -1)  # "din decembrie încoace": a past one
    if f.get("near") or f.get("month_near"):
        # the nearest occurrence, unless it lies more than 75 days against the sentence's tense
        return _year_near(month, f.get("day"), dct, tense)
    return _year_for(month, f.get("day"), dct, _tense(tense))


def _month_day(f: dict[str, Any], y: int, month: int, day: int, dct: DocDate) -> Value:
    try:
        date(y, month, day)
    except ValueError:
        return None
    wd = f.get("check_wd")
    if (wd and not f.get("explicit_year") and date(y, month, day).isoweekday() != int(wd)
            and not _within_week(date(y, month, day), dct)):
        # "vineri 1 aprilie" after "luna mai 2019" in a 2022 article: 1 April 2019 was a
        # Monday, 1 April 2022 a Friday — the weekday names the year.  Not for a date within a
        # week of the article's: "acum (marți, 14 octombrie)" on Monday 14 October 2024 is a
        # wrong weekday, not 2025 (the next year in which 14 October is a Tuesday)
        y = _year_of_weekday(month, day, int(wd), [dct.year, dct.year - 1, dct.year + 1]) or y
    v = f"{y:04d}-{month:02d}-{day:02d}"
    if f.get("week"):
        return "DATE", iso_week(date(y, month, day))
    if f.get("pod"):
        return "TIME", f"{v}{f['pod']}"
    return "DATE", v


def _resolve_quarter(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"trimestrul al treilea", "prima jumătate a anului": a quarter or half of a year."""
    y = f.get("year")
    n = f.get("n")
    unit = f.get("unit", "Q")
    if n == -1:
        n = 4 if unit == "Q" else 2
    if not n:
        return None
    size = 3 if unit == "Q" else 6
    if y is None and f.get("yrel") is None and dct.month and (n - 1) * size + 1 > dct.month and n * size >= dct.month + 6 and _tense(tense) < 0:
        # a quarter that has not begun yet, in a past-tense sentence, when last year's ended at
        # most six months ago: last year's ("AT&T reported a drop in profits for the fourth
        # quarter" in January; but "said it sees growth in the second quarter" in February)
        y = dct.year - 1
    if y is None:
        y = dct.year + int(f.get("yrel") or 0)
    return "DATE", f"{y:04d}-{unit[0] if unit == 'Q' else 'H'}{n}"


def _resolve_season(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    s = f.get("season")
    y = f.get("year")
    if y is None and f.get("srel") is not None:
        y = _season_year(s, dct, tense, int(f["srel"]))
    elif y is None and f.get("near") and dct.month is not None:
        y = _season_nearest(s, dct)
    elif y is None and f.get("yrel") is not None:
        y = dct.year + int(f["yrel"])
    if y is None:
        y = _season_year(s, dct, tense) if f.get("tensed") else dct.year + (1 if s == "WI" and (dct.month or 1) == 12 else 0)
    return "DATE", f"{y:04d}-{s}"


def _resolve_century(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    return "DATE", f"{(dct.year - 1) // 100 + int(f.get('offset', 0)):02d}"


def _resolve_day_of_month(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"pe 12" / "la data de 3": a day of the article's month (of the month before, looking back)."""
    if dct.month is None:
        return "DATE", dct.iso
    day = int(f["day"])
    y, m = dct.year, dct.month
    if dct.day is not None and f.get("dir", 0) < 0 and day > dct.day:
        y, m = _shift_month(dct.year, dct.month, -1)
    try:
        return "DATE", date(y, m, day).isoformat()
    except ValueError:
        return None


def _resolve_that_year(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    # the last year named anywhere before; without one, the article's year
    y = nar.last_year[1] if nar.last_year else dct.year
    return "DATE", f"{y + int(f.get('offset', 0)):04d}"


def _resolve_that_day(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"în aceeași zi", "a doua zi", "în luna următoare": shifted from the day (month) last named."""
    off = int(f.get("offset", 0))
    if f.get("unit") == "M":
        m = _RX_YM.match(nar.last_value or "")
        if m:
            y, mo = _shift_month(int(m.group(1)), int(m.group(2)), off)
        elif dct.month is None:
            return "DATE", f"{dct.year:04d}"
        else:
            y, mo = _shift_month(dct.year, dct.month, off)
        return "DATE", f"{y:04d}-{mo:02d}"
    if nar.last_day:
        return "DATE", (date.fromisoformat(nar.last_day[1]) + timedelta(days=off)).isoformat()
    return _day(dct, off)


def _resolve_holiday(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    return _holiday(f, dct, tense)


def _resolve_fy(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    y = f.get("year") or (dct.year + int(f.get("yrel") or 0))
    return "DATE", f"FY{y:04d}"


def _resolve_clock(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"la ora 14:00": on the day last named, else the article's day."""
    if f.get("generic"):
        return "TIME", f"XXXX-XX-XXT{f['hm']}"
    day = nar.last_day[1] if nar.last_day and not f.get("today") else (dct.iso if dct.day else None)
    if (day is not None and dct.day is not None and nar.last_day is not None and nar.last_day[0] != sent_start
            and (dct.anchor - date.fromisoformat(day)).days > _CLOCK_FAR_DAYS):
        # a day named in an earlier sentence more than a week before the article's ("cel mai recent
        # pe 6 septembrie anul trecut") is background, not the day a later clock time of the report
        # is on ("Cu puțin înainte de ora 13:00, când BNR anunță cursul"); a day ahead stays (a
        # deadline: "cel târziu la orele 15:30 vineri, 18 septembrie ... după orele 15:30")
        day = dct.iso
    if nar.compare_day and nar.compare_day[0] == sent_start and not f.get("today"):
        day = nar.compare_day[1]  # "față de nivelurile de joi din jurul orei 16:30"
        f["compare"] = True  # so its day is no anchor either (``_remember``)
    if day is None:
        return "TIME", f"{dct.iso}T{f['hm']}"
    return "TIME", f"{day}T{f['hm']}"


_CLOCK_FAR_DAYS = 7


def _resolve_weekend(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    if dct.day is None:
        return "DATE", dct.iso
    d0 = dct.anchor
    t = _tense(tense)
    if t == 0 and f.get("present"):
        t = 1  # "weekendul acesta găzduiește…": a present tense announces the coming one
    if (f.get("dir") or t) > 0:  # "next weekend", or a future-tense "the weekend"
        sat = d0 + timedelta(days=(6 - d0.isoweekday()) % 7)
    else:
        sat = d0 - timedelta(days=(d0.isoweekday() - 6) % 7)
    sat += timedelta(weeks=int(f.get("offset", 0)))
    return "DATE", f"{iso_week(sat)}-WE"


def _resolve_pod(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"dimineața", "seara": a part of the day named in the same sentence, else of the article's."""
    day = nar.last_day[1] if nar.last_day and nar.last_day[0] == sent_start else (dct.iso if dct.day else None)
    return "TIME", f"{day or dct.iso}{f['pod']}"


def _resolve_ago(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"acum trei ani", "peste două săptămâni", "cu un an înainte": n units from the article's day
    (from the day named in the same sentence)."""
    unit, n_int = f["unit"], int(f["n"])
    if dct.day is None:
        return "DATE", dct.iso
    d0 = dct.anchor
    if nar.last_day and nar.last_day[0] == sent_start and not f.get("now"):
        d0 = date.fromisoformat(nar.last_day[1])
    if unit == "D":
        return "DATE", (d0 + timedelta(days=n_int)).isoformat()
    if unit == "W":
        return "DATE", iso_week(d0 + timedelta(weeks=n_int))
    if unit == "M":
        y, m = _shift_month(d0.year, d0.month, n_int)
        return "DATE", f"{y:04d}-{m:02d}"
    if unit == "Y":
        return _ago_years(f, d0, n_int, nar)
    if unit in ("DE", "CE"):  # "a decade ago", "a century ago": the year, as "ten years ago"
        return "DATE", f"{d0.year + n_int * (10 if unit == 'DE' else 100):04d}"
    if unit in ("H", "MIN"):
        return _ago_clock(unit, d0, n_int, nar)
    return "DATE", "PAST_REF"


def _ago_years(f: dict[str, Any], d0: date, n_int: int, nar: Narrative) -> Value:
    ante = _RX0.fullmatch(nar.last_value or "") if f.get("ante") else None
    if ante:  # "a year earlier" after a quarter: the same quarter a year before
        return "DATE", f"{int(ante.group(1)) + n_int:04d}-{ante.group(2)}"
    same = _RX_YM.match(nar.last_value or "") if f.get("same") else None
    if same:  # "in February, ... the same period last year": February a year before
        return "DATE", f"{int(same.group(1)) + n_int:04d}-{same.group(2)}"
    return "DATE", f"{d0.year + n_int:04d}"


def _ago_clock(unit: str, d0: date, n_int: int, nar: Narrative) -> Value:
    """"două ore mai târziu": hours or minutes from the last clock time named; without one, the day."""
    m = _RX1.match(nar.last_time or "")
    if m:
        t = datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}:{m.group(3)}")
        t += timedelta(hours=n_int) if unit == "H" else timedelta(minutes=n_int)
        return "TIME", t.strftime("%Y-%m-%dT%H:%M")
    return "DATE", d0.isoformat()


def _resolve_same(f: dict[str, Any], dct: DocDate, tense: Tense, sent_start: int, nar: Narrative) -> Value:
    """"aceeași perioadă a anului trecut", "the 1988 quarter": the unit under discussion in
    another year."""
    y = f.get("year")
    if y is None:
        y = dct.year + int(f.get("yrel") or 0)
    unit = f.get("unit")
    ant = nar.last_value
    if unit == "M":
        m = _RX2.match(ant or "")
        mm = m.group(1) if m else f"{dct.month or 1:02d}"
        return "DATE", f"{y:04d}-{mm}"
    if unit == "Q" and nar.last_quarter:
        # "the 1988 quarter": the quarter under discussion, even if a year was named since
        return "DATE", f"{y:04d}-{nar.last_quarter[5:]}"
    m = _RX3.match(ant or "")
    if m:
        return "DATE", f"{y:04d}-{m.group(1)}"
    return "DATE", f"{y:04d}"


_RESOLVERS: dict[str, Callable[[dict[str, Any], DocDate, Tense, int, Narrative], Value]] = {
    "rel": _resolve_rel, "deictic": _resolve_deictic, "weekday": _resolve_weekday, "month": _resolve_month,
    "quarter": _resolve_quarter, "season": _resolve_season, "century": _resolve_century,
    "day_of_month": _resolve_day_of_month, "that_year": _resolve_that_year, "that_day": _resolve_that_day,
    "holiday": _resolve_holiday, "fy": _resolve_fy, "clock": _resolve_clock, "weekend": _resolve_weekend,
    "pod": _resolve_pod, "ago": _resolve_ago, "same": _resolve_same,
}


def _season_span(s: str, y: int) -> tuple[date, date]:
    """First and last day of season ``s`` of year ``y`` (winter: December of y-1 to February of y,
    the guidelines' year of its January-February)."""
    first, last = _SEASON_MONTHS[s]
    start = date(y - 1 if s == "WI" else y, first, 1)
    end = date(y, last + 1, 1) - timedelta(days=1) if last < 12 else date(y, 12, 31)
    return start, end


def _season_year(s: str, dct: DocDate, tense: int | Callable[[], int], step: int = 0) -> int:
    """The year of a season named without one.  ``step`` -1 / +1 ("vara trecută", "iarna
    viitoare"): the last one over before the article date / the first one begun after it ("iarna
    trecută" in October is the winter that ended in February).  Otherwise ("iarna", "vara
    aceasta"): the season the article date falls in; else, by the sentence's tense, the last one
    begun (past) or the next one not yet over (future); without a tense, the article's year, except for winter, which straddles two
    years: the nearer one ("până la venirea iernii" in October is the coming winter, "iarna
    blândă" in April the one just over)."""
    y0 = dct.year
    if dct.month is None:
        return y0 + step
    d0 = dct.anchor if dct.day else date(y0, dct.month, 15)
    spans = {y: _season_span(s, y) for y in (y0 - 1, y0, y0 + 1, y0 + 2)}
    before = max(y for y, (a, b) in spans.items() if b < d0)
    after = min(y for y, (a, b) in spans.items() if a > d0)
    if step:
        return before if step < 0 else after
    for y, (a, b) in spans.items():
        if a <= d0 <= b:
            return y
    t = _tense(tense)
    if t < 0:
        return before
    if t > 0:
        return after
    if s != "WI":
        return y0  # no tense: the season of the article's year ("cele din primăvară" in December)
    return before if (d0 - spans[before][1]) <= (spans[after][0] - d0) else after


def _season_nearest(s: str, dct: DocDate) -> int:
    """"această iarnă", "această toamnă": the season the article date falls in, else the nearer of
    the last one over and the next one to come ("această iarnă" in August is the coming winter,
    "această primăvară" in August the spring just over)."""
    y0 = dct.year
    d0 = dct.anchor if dct.day else date(y0, dct.month or 1, 15)
    spans = {y: _season_span(s, y) for y in (y0 - 1, y0, y0 + 1, y0 + 2)}
    for y, (a, b) in spans.items():
        if a <= d0 <= b:
            return y
    before = max(y for y, (a, b) in spans.items() if b < d0)
    after = min(y for y, (a, b) in spans.items() if a > d0)
    return before if (d0 - spans[before][1]) <= (spans[after][0] - d0) else after


def _easter(y: int) -> date:
    """Western Easter Sunday of year ``y`` (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return date(y, month, (h + l - 7 * m + 114) % 31 + 1)


def _holiday_date(rule: str, y: int) -> date | None:
    """``MM-DD`` or ``MM-<isoweekday>-<n>`` (``L`` = last) in year ``y``; ``E``, ``E+n``, ``E-n``:
    Easter Sunday and the days around it (Good Friday ``E-2``)."""
    if rule.startswith("E"):
        try:
            return _easter(y) + timedelta(days=int(rule[1:] or 0))
        except ValueError:
            return None
    parts = rule.split("-")
    try:
        m = int(parts[0])
        if len(parts) == 2:
            return date(y, m, int(parts[1]))
        wd, nth = int(parts[1]), parts[2]
        if nth == "L":
            last = date(y, m, calendar.monthrange(y, m)[1])
            return last - timedelta(days=(last.isoweekday() - wd) % 7)
        first = date(y, m, 1)
        d = first + timedelta(days=(wd - first.isoweekday()) % 7) + timedelta(weeks=int(nth) - 1)
        if len(parts) == 4:  # a day offset: Election Day is the Tuesday after the first Monday
            d += timedelta(days=int(parts[3]))
        return d
    except (ValueError, IndexError):
        return None


def _holiday(f: dict[str, Any], dct: DocDate, tense: int | Callable[[], int]) -> tuple[str, str] | None:
    """A named day: the year given, or the occurrence before/after the DCT ("last Thanksgiving"),
    or the one in the direction of the tense (nearest when there is none)."""
    rule = f.get("rule")
    if not rule:
        return None
    y = f.get("year")
    if y is None and f.get("yrel") is not None:
        y = dct.year + int(f["yrel"])
    if y is None and dct.month is None:
        y = dct.year
    if y is None:
        ref = dct.anchor if dct.day else date(dct.year, dct.month or 1, 15)
        cands = [(yy, _holiday_date(rule, yy)) for yy in (dct.year - 1, dct.year, dct.year + 1)]
        cands = [(yy, d) for yy, d in cands if d is not None]
        direction = f.get("dir")
        if direction is None:
            direction = _tense(tense)
        if direction < 0:
            past = [c for c in cands if c[1] <= ref and not (f.get("dir") and c[1] == ref)]
            y = max(past, key=lambda c: c[1])[0] if past else dct.year
        elif direction > 0:
            fut = [c for c in cands if c[1] >= ref]
            y = min(fut, key=lambda c: c[1])[0] if fut else dct.year
        else:
            y = min(cands, key=lambda c: abs((c[1] - ref).days))[0]
    d = _holiday_date(rule, y)
    if d and f.get("week"):  # "Easter week": the ISO week of the day
        return "DATE", iso_week(d)
    return ("DATE", d.isoformat()) if d else None


def _day(dct: DocDate, off: int) -> tuple[str, str]:
    if dct.day is None:
        return "DATE", dct.iso
    return "DATE", (dct.anchor + timedelta(days=off)).isoformat()


#: days ahead within which a date in a past-tense sentence still counts as the coming one
#: ("completed by Dec. 15" in an October article): an announcement's own near future; and days
#: back within which one in a future-tense sentence still counts as the past one.  Two and a half
#: months: "In January, the company brought in a new chief" in an October article is last January
_NEAR_FUTURE_DAYS = 75


def _named_month(nar: Narrative) -> tuple[int, int] | None:
    """(year, month) of the last expression that named a month ("în luna iulie"), if any."""
    v = nar.last_value or ""
    if len(v) >= 7 and v[4] == "-" and v[5:7].isdigit():
        return int(v[:4]), int(v[5:7])
    return None


def _fits_tense(year: int, month: int, dct: DocDate, tense: int | Callable[[], int]) -> bool:
    """Whether a year named earlier in the sentence can be a bare month's: not when the month would
    then lie after the article in a past-tense clause, or before it in a future one ("emisiunea cu
    scadența în iunie 2019, după licitația care a avut loc la jumătatea lunii mai" in June 2014 is
    May 2014: the year belongs to another noun)."""
    if dct.month is None or year == dct.year:
        return True
    later = (year, month) > (dct.year, dct.month)
    t = _tense(tense)
    return not ((t < 0 and later) or (t > 0 and not later))


def _year_near(month: int, day: int | None, dct: DocDate, tense: int | Callable[[], int]) -> int:
    """A date or month without a year: the occurrence nearest to the DCT, except that one more than
    two and a half months ahead gives way to the past one in a past-tense sentence ("stepped down in March"
    in a November article) and a past one to the coming one in a future-tense sentence."""
    y = _year_for(month, day, dct, 0)
    if dct.month is None:
        return y
    ref = date(dct.year, dct.month, dct.day or 15)
    ahead = (date(y, month, min(day or 15, 28)) - ref).days
    if ahead > _NEAR_FUTURE_DAYS and _tense(tense) < 0:
        return y - 1
    if ahead < -_NEAR_FUTURE_DAYS and _tense(tense) > 0:
        return y + 1
    if ahead < 0 and _over_by(y, month, day, ref) > _OVER_DAYS and _tense(tense) == STRONG_FUTURE:
        return y + 1  # "se vor desfășura la termen, în decembrie" in February: not the December long over
    return y


#: how long a month or day must be over before a future auxiliary governing it points to the next
#: one ("vor investiga Daimler pe 15 aprilie" a week later is a slip of tense, not next April)
_OVER_DAYS = 30


def _over_by(y: int, month: int, day: int | None, ref: date) -> int:
    """Days from the last day of the month (or from the day) in year ``y`` to ``ref``."""
    last = date(y, month, min(day, calendar.monthrange(y, month)[1]) if day else calendar.monthrange(y, month)[1])
    return (ref - last).days


def _year_for(month: int, day: int | None, dct: DocDate, tense: int) -> int:
    """Nearest year of (month, day) in the direction of the tense (past by default)."""
    if dct.month is None:
        return dct.year
    here = (dct.month, dct.day or 15)
    there = (month, day or (15 if month != dct.month else here[1]))
    if tense > 0:
        return dct.year if there >= (dct.month, 1) else dct.year + 1
    if tense < 0:
        return dct.year if there <= (dct.month, 31) else dct.year - 1
    # no tense marker: the occurrence nearest to the DCT
    ref = date(dct.year, dct.month, dct.day or 15)
    return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs((date(y, month, min(day or 15, 28)) - ref).days))


# --------------------------------------------------------------------------- intervals

_MOD_THIRDS = {"START": 0, "MID": 1, "END": 2}


_INTERVALS: dict[tuple[str, str, str | None, int | None], tuple[str, str] | None] = {}


def _within_week(d: date, dct: DocDate) -> bool:
    return dct.day is not None and abs((d - dct.anchor).days) <= 7


def _year_of_weekday(month: int, day: int, wd: int, years: list[int]) -> int | None:
    """The first of ``years`` in which ``month``/``day`` falls on ISO weekday ``wd``."""
    for y in years:
        try:
            if date(y, month, day).isoweekday() == wd:
                return y
        except ValueError:
            continue
    return None


def interval(value: str, typ: str, mod: str | None = None, dct: DocDate | None = None, weekday: int | None = None) -> tuple[str, str] | None:
    """First and last ISO day a DATE/TIME value may denote (``mod`` START/MID/END narrows it to the
    first/middle/last third); None for durations, sets, REFs and generic X values.

    Memoized (a pure function of its arguments; ``dct`` is unused): news repeats the same years,
    months and days, and the regex classification is a tenth of the temporal stage."""
    key = (value, typ, mod, weekday)
    got = _INTERVALS.get(key, _MISSING)
    if got is not _MISSING:
        return got  # type: ignore[return-value]
    got = _interval(value, typ, mod, weekday)
    if len(_INTERVALS) < 100_000:
        _INTERVALS[key] = got
    return got


_MISSING = object()


def _interval(value: str, typ: str, mod: str | None, weekday: int | None) -> tuple[str, str] | None:
    if typ not in ("DATE", "TIME") or not value or "X" in value[:4] or value.endswith("_REF"):
        return None
    v = value.split("T")[0] if "T" in value and not value.startswith("FY") else value
    span = _base_interval(v)
    if span is None:
        return None
    a, b = span
    if weekday is not None and (b - a).days >= 6:
        # a weekday in a month-only article: the first .. last such weekday of the month
        first = a + timedelta(days=(weekday - a.isoweekday()) % 7)
        last = b - timedelta(days=(b.isoweekday() - weekday) % 7)
        a, b = first, last
    if mod in _MOD_THIRDS and (b - a).days >= 2:
        n = (b - a).days + 1
        i = _MOD_THIRDS[mod]
        a, b = a + timedelta(days=n * i // 3), a + timedelta(days=n * (i + 1) // 3 - 1)
    return a.isoformat(), b.isoformat()


def _base_interval(v: str) -> tuple[date, date] | None:
    try:
        if _RX4.fullmatch(v):
            d = date.fromisoformat(v)
            return d, d
        if _RX5.fullmatch(v):
            y, m = int(v[:4]), int(v[5:])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        if _RX6.fullmatch(v):
            y = int(v)
            return date(y, 1, 1), date(y, 12, 31)
        mwe = re.fullmatch(r"(\d{4})-W(\d\d)-WE", v)
        if mwe:
            a = date.fromisocalendar(int(mwe.group(1)), int(mwe.group(2)), 6)
            return a, a + timedelta(days=1)
        m = _RX7.fullmatch(v)
        if m:
            a = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return a, a + timedelta(days=6)
        m = _RX8.fullmatch(v)
        if m:
            y, n = int(m.group(1)), int(m.group(3))
            size = 3 if m.group(2) == "Q" else 6
            m1 = (n - 1) * size + 1
            m2 = m1 + size - 1
            return date(y, m1, 1), date(y, m2, calendar.monthrange(y, m2)[1])
        m = _RX9.fullmatch(v)
        if m:
            y = int(m.group(1))
            a_m, b_m = _SEASON_MONTHS[m.group(2)]
            if m.group(2) == "WI":
                return date(y - 1, 12, 1), date(y, 2, calendar.monthrange(y, 2)[1])
            return date(y, a_m, 1), date(y, b_m, calendar.monthrange(y, b_m)[1])
        m = _RX10.fullmatch(v)
        if m:
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 12, 31)
        if _RX11.fullmatch(v):
            y = int(v) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        if _RX12.fullmatch(v):
            y = int(v) * 100
            return date(y, 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None
