"""The shapes every stage of cronicar exchanges.

Data flows one way (DESIGN §2): readers produce :class:`Article`, the per-article analysis
produces an :class:`Analysis` of character-offset annotations, linking turns mentions into
canonical entities, events and stories, the store keeps them.  Annotations never copy or rewrite
the text: they are ``[start, end)`` spans into the *normalized* article text, which has the same
length as the input text (see :mod:`cronicar.analyze.normalize`).
"""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Span = tuple[int, int]
Granularity = Literal["year", "month", "day"]

_DATE_RE = re.compile(r"^\s*(\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$", re.DOTALL)

# Article dates are years 1000-2999.  Why a range far inside Python's (1-9999): relative dates are
# computed from the article's date ("mâine", "acum 3000 de ani", a feed's -12:00 offset moving
# 9999-12-31 into year 10000), and that arithmetic must stay on the calendar.
MIN_YEAR, MAX_YEAR = 1000, 2999


class InputError(ValueError):
    """A bad input record: carries where it came from so the CLI can print one clear line."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, order=True)
class DocDate:
    """An article date that keeps its granularity.

    A month-only date (``2024-11``) must stay a month: "vineri" in such an article is *a* Friday
    of November 2024, an interval, not a guess.  ``day``/``month`` are ``None`` when unknown.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> "DocDate":
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a time part is ignored); raise ValueError."""
        if value is None:
            raise ValueError("no date")
        m = _DATE_RE.match(str(value))
        if not m:
            raise ValueError(f"not an ISO date: {value!r}")
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        if not MIN_YEAR <= y <= MAX_YEAR:
            raise ValueError(f"year {y} out of range ({MIN_YEAR}-{MAX_YEAR})")
        month = int(mo) if mo else None
        day = int(d) if d else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range in {value!r}")
        if day is not None:
            assert month is not None
            date(y, month, day)  # raises ValueError for 2024-02-30
        return cls(y, month, day)

    @property
    def granularity(self) -> Granularity:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @property
    def interval(self) -> tuple[date, date]:
        """First and last calendar day the date may denote."""
        if self.day is not None and self.month is not None:
            d = date(self.year, self.month, self.day)
            return d, d
        if self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            return date(self.year, self.month, 1), date(self.year, self.month, last)
        return date(self.year, 1, 1), date(self.year, 12, 31)

    @property
    def anchor(self) -> date:
        """A representative day (the first day of the interval) for arithmetic that needs one."""
        return self.interval[0]

    def __str__(self) -> str:
        return self.iso


@dataclass
class Article:
    """One dated article as read from a file, a feed or a JSON line."""

    text: str
    date: DocDate
    title: str | None = None
    lang: str | None = None
    source: str = ""
    url: str | None = None
    external_id: str | None = None
    id: str = ""
    line: int | None = None  # the record's line (or index) in its file, for error messages

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text, self.date)
        if (self.title or "").strip():
            # Titles are shown and searched beside the normalized text: same ș/ț, no zero-width
            # marks ("\u200bSadalbari cumpără…" in Ziarul Financiar), one line.
            from cronicar.text import normalize_text

            self.title = " ".join(normalize_text(self.title).replace("\u200b", " ").replace("\ufeff", " ").split())
        else:
            self.title = lead_title(self.text)


def lead_title(text: str, width: int = 110) -> str:
    """A title for an article that has none (seed files have no title line): its first sentence,
    on one line, cut at a word boundary with "…" when longer than ``width``.

    Why: stories, timelines and pages are named after their first article; a title cut in the
    middle of a word ("a declarat vineri ministr") reads as a bug.
    """
    from cronicar.text import normalize_text

    flat = " ".join(normalize_text(text).replace("\u200b", " ").split())
    m = re.search(r"(?<=[.!?])\s+(?=[A-ZĂÂÎȘȚ„\"«])", flat)
    first = flat[:m.start()] if m else flat
    if len(first) <= width:
        return first.rstrip(".")
    cut = first.rfind(" ", 0, width)
    return first[:cut if cut > width // 2 else width].rstrip(" ,;:") + "…"


def article_id(text: str, dct: DocDate) -> str:
    """A stable id from content: the same article read twice (from any path) gets the same id.

    Whitespace differences do not make a new article; the date is part of the identity because a
    wire text re-published on another day is another report.
    """
    from cronicar.text import normalize_text

    canon = " ".join(normalize_text(text).split())
    return hashlib.sha1(f"{dct.iso}\n{canon}".encode()).hexdigest()[:16]


@dataclass
class Timex:
    """A time expression (TIMEX3) with its calendar interval.

    ``interval`` holds ISO days ``(first, last)``; ``None`` for sets, vague references and
    durations that have no placement on the calendar (a duration anchored to the article's date,
    "ultimele trei luni", has the days it covers).
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    interval: tuple[str, str] | None = None
    rule: str | None = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "interval": list(self.interval) if self.interval else None,
        }


@dataclass
class Quote:
    """A direct or reported statement with its (canonical) speaker."""

    kind: str  # direct | indirect
    content: Span
    cue: Span | None = None
    speaker_mention: Span | None = None
    speaker: str | None = None
    addressee: str | None = None
    media_source: str | None = None
    when: dict[str, Any] | None = None  # {"value", "interval"} of the statement's date

    def to_contract(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "content": list(self.content),
            "cue": list(self.cue) if self.cue else None,
            "speaker_mention": list(self.speaker_mention) if self.speaker_mention else None,
            "speaker": self.speaker,
            "addressee": self.addressee,
            "media_source": self.media_source,
            "when": self.when,
        }


@dataclass
class EntityMention:
    """A mention of a person, organisation or place, mapped to a canonical entity."""

    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | ...
    canonical: str
    entity_id: str = ""

    def __post_init__(self) -> None:
        if not self.entity_id:
            self.entity_id = entity_key(self.label, self.canonical)

    def to_contract(self) -> dict[str, Any]:
        return asdict(self)


def entity_key(label: str, canonical: str) -> str:
    """Stable entity id: type + canonical name, so ids agree across articles and runs."""
    slug = re.sub(r"[^\w]+", "-", canonical.lower()).strip("-")
    kind = "GPE" if label in {"GPE", "LOC"} else label
    return f"{kind.lower()}:{slug}"


@dataclass
class EventMention:
    """One article's report of something that happened."""

    trigger: Span
    type: str
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    when: dict[str, Any] | None = None  # {"value", "interval": [start, end]}
    sentence: Span | None = None
    summary: str = ""
    types: list[str] = field(default_factory=list)  # every cue type, the primary ``type`` first
    headline: str = ""  # who did what to whom, where (analyze/headline.py)
    part_of: int | None = None  # trigger start of the mention whose happening this one also tells
    # asserted | negated | hypothetical | future | generic (analyze/modality.py; generic: a kind or
    # a habit, "orice lansare"); only asserted mentions are happenings; the store keeps them and
    # the futures with a date of their own (see :attr:`scheduled`)
    modality: str = "asserted"
    tense: str | None = None  # past | present | future, when the parse says
    # an act of the lead left undated for want of a time of its own: its article's day is the day it
    # was reported, which story linking takes as its time (never a date shown; analyze/events.py)
    lead_day: bool = False

    def __post_init__(self) -> None:
        if self.type not in self.types:
            self.types.insert(0, self.type)

    @property
    def happened(self) -> bool:
        """Whether this is told as a happening: asserted, done or being done (not negated, not a
        maybe, not a future or a projection: "va câștiga, proiectează CNN" has not happened)."""
        return self.modality == "asserted"

    @property
    def scheduled(self) -> bool:
        """Whether this is a future act with a date of its own ("se va întâlni luni"): not a
        happening yet, but a day the chronicle shows (a projection with no date is neither)."""
        return self.modality == "future" and self.when is not None

    def to_contract(self) -> dict[str, Any]:
        return {
            "trigger": list(self.trigger),
            "type": self.type,
            "participants": list(self.participants),
            "place": self.place,
            "when": self.when,
            "types": list(self.types),
            "headline": self.headline,
            "modality": self.modality,
            "tense": self.tense,
        }


@dataclass
class Analysis:
    """Everything the per-article analysis found; a pure function of (text, date, language)."""

    text: str  # normalized text; same length as the input text
    dct: DocDate | None
    lang: str
    sentences: list[Span] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        """The annotation interchange fields of DESIGN §4."""
        return {
            "timexes": [t.to_contract() for t in self.timexes],
            "quotes": [q.to_contract() for q in self.quotes],
            "entities": [e.to_contract() for e in self.entities],
            "events": [e.to_contract() for e in self.events],
        }

    def sentence_of(self, pos: int) -> Span:
        """The sentence span containing character ``pos`` (the whole text if none)."""
        for s, e in self.sentences:
            if s <= pos < e:
                return (s, e)
        return (0, len(self.text))
