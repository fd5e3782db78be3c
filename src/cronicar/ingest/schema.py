"""The reader boundary: every record becomes a typed, checked :class:`~cronicar.model.Article`.

Every reader (seed text, JSON, HTML, feeds) and ``POST /api/articles`` hand their fields to
:func:`checked_article`, which validates them with one pydantic model and returns either an
``Article`` or an :class:`~cronicar.model.InputError` with the reasons.  Why at the boundary: a
value that is the wrong type (a ``url`` that is a list), off the calendar (``9999-12-31`` plus
"mâine"), not encodable (a lone surrogate ``"\\ud800"``) or a path fragment (``lang`` joined into
``lang/<code>/``) must be refused one record at a time, with a reason, before anything is analyzed
or written; past this point the pipeline can trust its input.  Limits: ``docs/input.md``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from cronicar.lang import languages as all_languages
from cronicar.model import Article, DocDate, InputError

# spaCy's own limit (its parser needs about 1 GB per 100,000 characters); a news article is a few
# thousand.  Longer input is almost always several documents pasted into one.
MAX_CHARS = 1_000_000
MAX_TITLE = 2_000
MAX_URL = 8_000  # browsers and servers stop near 8 KB
MAX_ID = 500

_SURROGATE = re.compile("[\ud800-\udfff]")
# Terminal control characters (ESC starts escape sequences, BEL, backspace, shift-out/in switch
# character sets): `cronicar timeline` and `quotes` print titles and text to a terminal, where an
# article could rewrite the screen.  Each becomes a space, so offsets do not move.  Tab, newlines,
# form feed and the separators U+001C-U+001F stay (white space); C1 characters stay too: they are
# mojibake in real news (50 of 51,400 Ziarul Financiar texts and titles) and inert in UTF-8.
_TERMINAL_CONTROL = re.compile("[\x01-\x08\x0e-\x1b\x7f]")


def _encodable(value: str) -> str:
    """Refuse what SQLite (UTF-8) cannot store or what is never text: NUL and lone surrogates."""
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    m = _SURROGATE.search(value)
    if m:
        raise ValueError(f"contains a lone surrogate (U+{ord(m.group()):04X}) at character {m.start()}")
    return value


Text = Annotated[str, AfterValidator(_encodable)]


def _at_most(limit: int) -> AfterValidator:
    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"too long ({len(value):,} characters; at most {limit:,})")
        return value
    return AfterValidator(check)


@lru_cache(maxsize=1)
def known_languages() -> tuple[str, ...]:
    """The language codes with a data folder ``lang/<code>/``: the only ones an article may name."""
    return tuple(all_languages())


def normalize_lang(value: str | None) -> str | None:
    """``"ro"``, ``"RO-ro"``, ``"en_US"`` -> the data folder's code; ``None``/blank -> None (detect).

    Raises ValueError for anything else, so an unknown code is refused, never joined into a path."""
    if value is None or not value.strip():
        return None
    if len(value) > 35:  # the longest BCP 47 tags in use are shorter
        raise ValueError(f"unknown language ({len(value)} characters; known: {', '.join(known_languages())})")
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    if primary in known_languages():
        return primary
    shown = value if len(value) <= 20 else value[:20] + "…"
    raise ValueError(f"unknown language {shown!r} (known: {', '.join(known_languages())})")


def _lang(value: str | None) -> str | None:
    return normalize_lang(value)


def _date(value: Any) -> DocDate:
    """``YYYY[-MM[-DD]]`` (a time part is ignored), a year as a number, or a DocDate."""
    if isinstance(value, DocDate):
        return DocDate.parse(value.iso)  # re-checks the year range
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError("expected a date string YYYY[-MM[-DD]]")
    if isinstance(value, str):
        _encodable(value)
        if len(value) > 64:
            raise ValueError("not an ISO date (longer than 64 characters)")
    return DocDate.parse(str(value))


def _external_id(value: Any) -> str | None:
    """An input's own id: a string, or an integer (kept as its digits)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ValueError("expected a string or an integer")


def _body(value: str) -> str:
    if not value.strip():
        raise ValueError("empty text")
    if len(value) > MAX_CHARS:
        raise ValueError(f"text too long ({len(value):,} characters; at most {MAX_CHARS:,}): split it into articles")
    return value


class ArticleRecord(BaseModel):
    """One article as any reader gives it.  Unknown keys are ignored; known ones are typed."""

    model_config = ConfigDict(extra="ignore", strict=True, arbitrary_types_allowed=True)

    text: Annotated[Text, AfterValidator(_body)]
    date: Annotated[DocDate, BeforeValidator(_date)]
    title: Annotated[Text, _at_most(MAX_TITLE)] | None = None
    lang: Annotated[Text, AfterValidator(_lang)] | None = None
    source: Annotated[Text, _at_most(MAX_URL)] | None = None
    url: Annotated[Text, _at_most(MAX_URL)] | None = None
    id: Annotated[Annotated[Text, _at_most(MAX_ID)] | None, BeforeValidator(_external_id)] = None


def _reasons(exc: ValidationError) -> str:
    """pydantic's errors as one line: ``url: Input should be a valid string; date: ...``.

    The offending values are left out: they may be megabytes long or hold control characters."""
    parts = []
    for err in exc.errors(include_url=False, include_input=False):
        field = ".".join(str(x) for x in err["loc"]) or "record"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            msg = "missing"
        parts.append(f"{field}: {msg}")
    return "; ".join(dict.fromkeys(parts))


def checked_article(fields: dict[str, Any], source: str, line: int | None,
                    unescape: bool = True) -> Article | InputError:
    """Validate ``fields`` (text, date, title, lang, source, url, id) into an Article, or the
    InputError saying ``source:line: why``.  ``source`` is used when the record names none.
    ``unescape``: decode HTML character references left in scraped text (JSON and seed files;
    the HTML and feed readers have decoded theirs already)."""
    try:
        rec = ArticleRecord.model_validate(fields)
    except ValidationError as exc:
        return InputError(source, line, _reasons(exc))
    except RecursionError:
        return InputError(source, line, "record nested too deeply")
    from cronicar.ingest.readers import unescape_entities

    def clean(value: str | None, html: bool = False) -> str | None:
        if value is None:
            return None
        return _TERMINAL_CONTROL.sub(" ", unescape_entities(value) if html and unescape else value)

    text = (clean(rec.text, html=True) or "").strip()
    if not text:  # only character references of white space ("&nbsp;")
        return InputError(source, line, "text: empty text")
    return Article(text=text, date=rec.date, title=clean(rec.title, html=True) or None, lang=rec.lang,
                   source=clean(rec.source or rec.url) or source, url=clean(rec.url), external_id=rec.id,
                   line=line)


def record_fields(rec: Any) -> dict[str, Any] | None:
    """A JSON object's article fields, accepting ``dct`` or ``date_published`` for ``date`` (the
    annotation format's and schema.org's names); None when ``rec`` is not an object."""
    if not isinstance(rec, dict):
        return None
    fields = dict(rec)
    if fields.get("date") in (None, ""):
        for alias in ("dct", "date_published"):
            if fields.get(alias) not in (None, ""):
                fields["date"] = fields[alias]
                break
        else:
            fields.pop("date", None)
    return fields
