"""dateparser as a baseline: ``dateparser.search.search_dates`` anchored to the document date.

Why this baseline: dateparser is the library a Python developer reaches for first; it knows
Romanian month and weekday names and relative phrases, but it finds *dates*, not TIMEX3
expressions (no durations, sets, or vague references), which is what the comparison shows.

How matches become timexes:
- ``search_dates(text, languages=[lang], settings={"RELATIVE_BASE": DCT, ...})`` gives
  ``(substring, datetime)`` pairs; each substring is located in the text left to right (it is a
  verbatim slice in practice; a case-insensitive search is the fallback, unlocated ones dropped).
- Granularity comes from ``DateDataParser.get_date_data(substring).period`` under the same settings
  (``year`` -> ``YYYY``, ``month`` -> ``YYYY-MM``, ``day``/``week`` -> ``YYYY-MM-DD``,
  ``time`` -> ``YYYY-MM-DDTHH:MM`` with type TIME); everything else is type DATE.  That second
  parse is part of the measured cost.
- A partial DCT (``2024-11``) is anchored on its first day.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from typing import Any

from cronicar.model import DocDate

_SETTINGS_BASE: dict[str, Any] = {
    "PREFER_DATES_FROM": "current_period",
    "RETURN_TIME_AS_PERIOD": True,
}


class DateparserTagger:
    """Tags one language; keeps the parser objects so they are built once, not per document."""

    def __init__(self, lang: str) -> None:
        import dateparser  # noqa: F401 - fail early with ImportError when the bench extra is absent
        from dateparser.date import DateDataParser

        self.lang = lang
        self._ddp_cls = DateDataParser
        self._ddp_cache: dict[str, Any] = {}

    def _ddp(self, base: datetime) -> Any:
        key = base.isoformat()
        ddp = self._ddp_cache.get(key)
        if ddp is None:
            if len(self._ddp_cache) > 64:
                self._ddp_cache.clear()
            ddp = self._ddp_cls(languages=[self.lang], settings={**_SETTINGS_BASE, "RELATIVE_BASE": base})
            self._ddp_cache[key] = ddp
        return ddp

    def tag(self, text: str, dct: DocDate | str) -> list[dict[str, Any]]:
        """TIMEX3-like dicts (``start, end, text, type, value, mod``) with offsets into ``text``."""
        from dateparser.search import search_dates

        d = DocDate.parse(dct) if isinstance(dct, str) else dct
        base = datetime(d.anchor.year, d.anchor.month, d.anchor.day, 12, 0)
        settings = {**_SETTINGS_BASE, "RELATIVE_BASE": base}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=[self.lang], settings=settings) or []
        out: list[dict[str, Any]] = []
        cursor = 0
        lowered: str | None = None
        for sub, when in found:
            sub = sub.strip()
            if not sub:
                continue
            start = text.find(sub, cursor)
            if start < 0:
                lowered = lowered or text.lower()
                start = lowered.find(sub.lower(), cursor)
            if start < 0:
                m = re.search(r"\s+".join(map(re.escape, sub.split())), text[cursor:], re.I)
                if not m:
                    continue
                start, end = cursor + m.start(), cursor + m.end()
            else:
                end = start + len(sub)
            cursor = end
            period = self._period(sub, base)
            out.append(
                {
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "type": "TIME" if period == "time" else "DATE",
                    "value": _value(when, period),
                    "mod": None,
                }
            )
        return out

    def _period(self, sub: str, base: datetime) -> str:
        try:
            data = self._ddp(base).get_date_data(sub)
        except Exception:  # dateparser raises on odd inputs; granularity then defaults to day
            return "day"
        return getattr(data, "period", None) or "day"


def _value(when: datetime, period: str) -> str:
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "time":
        return f"{when:%Y-%m-%dT%H:%M}"
    return f"{when:%Y-%m-%d}"
