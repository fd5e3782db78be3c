"""Dates as a person reads them: "24 februarie 2022, seara", "o vineri din noiembrie 2024", "T1 2022",
"toamna 2024", "anii 1930" — never the TIMEX code ("2022-02-24TEV", "193").

Day, month and weekday names and parts of the day come from CLDR through Babel, so any locale Babel
knows works; what CLDR does not say (seasons, decades, quarters, "early/late", "a Friday in") is
per-language data in ``lang/<code>/dates_readable.tsv`` (English patterns when a language has no
file).  The raw value stays in the JSON export and the API; this is for the terminal, Markdown and
the web pages (:func:`readable` is what a template calls).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from cronicar.lang import folder as lang_folder, iso

_PARTS = {"TMO": "morning1", "TAF": "afternoon1", "TEV": "evening1", "TNI": "night1", "TMI": "noon"}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI|MI|[\d:]+))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MOD = re.compile(r"^(.+)-(START|MID|END)$")


@lru_cache(maxsize=None)
def patterns(lang: str) -> dict[str, str]:
    """``lang/<lang>/dates_readable.tsv`` (English when the language has none)."""
    path = lang_folder(lang) / "dates_readable.tsv"
    if not path.exists():
        path = lang_folder("en") / "dates_readable.tsv"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("\t")
        if key and not line.startswith("#") and value:
            out[key.strip()] = value.strip()
    return out


def _locale(lang: str):  # type: ignore[no-untyped-def]
    import babel

    try:
        return babel.Locale.parse(iso(lang))
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale.parse("en")


def _day(d: date, lang: str) -> str:
    from babel.dates import format_date

    return str(format_date(d, "long", locale=_locale(lang)))


def _month(year: int, month: int, lang: str) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMM", date(year, month, 1), locale=_locale(lang)))


def _weekday_in_month(value: str, interval: list[str] | None, lang: str) -> str | None:
    """"a Friday in November 2024": a month value whose interval runs from one weekday to the same
    weekday some weeks later (how a weekday in a month-only dated article is resolved)."""
    if not interval or not interval[0] or not interval[1]:
        return None
    try:
        a, b = date.fromisoformat(interval[0]), date.fromisoformat(interval[1])
    except ValueError:
        return None
    m = _MONTH.match(value)
    if not m or a == b or a.weekday() != b.weekday() or (b - a).days % 7:
        return None
    day_name = str(_locale(lang).days["format"]["wide"][a.weekday()])
    return patterns(lang)["weekday_in_month"].format(weekday=day_name, month=_month(a.year, a.month, lang))


def _one(value: str, lang: str, interval: list[str] | None = None) -> str:
    p = patterns(lang)
    m = _MOD.match(value)
    if m and m.group(2) in p:
        return p[m.group(2)].format(x=_one(m.group(1), lang))
    m = _DAY.match(value)
    if m:
        text = _day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))), lang)
        part = _PARTS.get("T" + (m.group(4) or ""))
        if part:
            name = _locale(lang).day_periods["format"]["wide"].get(part)
            if name:
                return p["part_of_day"].format(date=text, part=name)
        return text
    m = _MONTH.match(value)
    if m:
        return _weekday_in_month(value, interval, lang) or _month(int(m.group(1)), int(m.group(2)), lang)
    m = _SEASON.match(value)
    if m:
        return p["season"].format(season=p[m.group(2)], year=m.group(1))
    m = _QUARTER.match(value)
    if m:
        return p["quarter"].format(quarter=m.group(2), year=m.group(1))
    if re.fullmatch(r"\d{3}", value):  # a decade: "193" is the 1930s
        return p["decade"].format(decade=value + "0")
    key = {"PRESENT_REF": "present", "PAST_REF": "past", "FUTURE_REF": "future"}.get(value)
    if key:
        return p[key]
    return value  # a year, or a value with no reading of its own


def readable(value: str | None, interval: list[str] | tuple[str, str] | None = None, lang: str = "ro",
             mod: str | None = None) -> str:
    """A date value (TIMEX3, or ``A/B`` for a range) as a reader of ``lang`` reads it."""
    if not value:
        if interval and interval[0]:
            return readable(interval[0] if interval[0] == interval[1] else f"{interval[0]}/{interval[1]}",
                            None, lang)
        return patterns(lang)["undated"]
    if mod in {"START", "MID", "END"} and not value.endswith(mod):
        value = f"{value}-{mod}"
    if "/" in value:
        a, b = value.split("/", 1)
        return patterns(lang)["range"].format(a=_one(a, lang), b=_one(b, lang))
    return _one(value, lang, list(interval) if interval else None)


def readable_when(when: dict[str, Any] | None, lang: str = "ro", reported: str | None = None) -> str:
    """:func:`readable` of an export ``when`` object (``{"value", "interval"}``); an undated event
    with the day it was ``reported`` (an export event's ``"reported"``) says so: "undated ·
    reported 28 February 2024", so a reader sees when the news told it without taking that day
    for the day it happened."""
    when = when or {}
    if reported and not when.get("value") and not (when.get("interval") or [None])[0]:
        return patterns(lang)["undated_reported"].format(date=readable(reported, None, lang))
    return readable(when.get("value"), when.get("interval"), lang)


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 article', '2 articles', '2 stories' (``many`` for an irregular plural): every count a
    person reads, in the terminal, the Markdown export and the pages."""
    return f"{n} {word if n == 1 else (many or word + 's')}"
