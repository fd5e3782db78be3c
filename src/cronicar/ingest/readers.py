"""Format detection and the readers for each input format (DESIGN §3)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cronicar.model import Article, DocDate, InputError

ReadResult = Article | InputError

_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});?")


def unescape_entities(text: str) -> str:
    """Text scraped from web pages often keeps its HTML character references, sometimes escaped
    twice ("&amp;nbsp", "&quot;"): decode them (twice at most), so that quotes, names and spans see
    the characters a reader sees.  Text without one is returned as is (most of it)."""
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


# " date 2024-11 text..." — leading space optional, body on the same line or the next one.
_SEED_RE = re.compile(r"^\ufeff?\s*date\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?:[ \t]+|\s*\n)", re.IGNORECASE)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSON_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
ALL_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


def read_paths(paths: Iterable[str | Path], date: str | None = None, lang: str | None = None) -> Iterator[ReadResult]:
    """Read files and folders (recursively, in sorted order) into articles.

    ``date`` is the fallback date for plain text files without a ``date`` header; ``lang`` forces
    a language (otherwise it is detected during analysis).
    """
    fallback = DocDate.parse(date) if date else None
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALL_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            files = [path]
        else:
            yield InputError(str(path), None, "no such file or directory")
            continue
        for file in files:
            for item in read_file(file, fallback, lang):
                yield too_long(item) or item


# spaCy's own limit (its parser needs about 1 GB per 100,000 characters); a news article is
# a few thousand.  Longer input is almost always several documents pasted into one.
MAX_CHARS = 1_000_000


def too_long(item: ReadResult) -> InputError | None:
    """The error for an article longer than :data:`MAX_CHARS`, else None."""
    if isinstance(item, Article) and len(item.text) > MAX_CHARS:
        return InputError(item.source, None, f"text too long ({len(item.text):,} characters; at most "
                                             f"{MAX_CHARS:,}): split it into articles")
    return None


def read_file(path: Path, fallback: DocDate | None = None, lang: str | None = None) -> Iterator[ReadResult]:
    """Read one file, choosing the reader from its suffix (and content, for .xml)."""
    source = str(path)
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        yield from stream_json_lines(path, lang)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, None, f"cannot read: {exc.strerror or exc}")
        return
    if b"\x00" in data[:8192]:
        yield InputError(source, None, "binary file, not text")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        yield InputError(source, line, "not valid UTF-8 text (unreadable encoding)")
        return
    if not text.strip():
        yield InputError(source, None, "empty file")
        return
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from read_json(text, source, lang)
    elif suffix in HTML_SUFFIXES:
        from cronicar.ingest.html import read_html

        yield from read_html(text, source, fallback, lang)
    elif suffix in FEED_SUFFIXES or text.lstrip().startswith("<?xml"):
        from cronicar.ingest.feeds import read_feed

        yield from read_feed(text, source, lang)
    else:
        yield read_text_article(text, source, fallback, lang)


def stream_json_lines(path: Path, lang: str | None = None) -> Iterator[ReadResult]:
    """A JSON Lines file line by line: memory holds one line, not the file (an archive export can
    be larger than the machine's memory).  Each bad line is reported with its number."""
    source = str(path)
    empty = True
    try:
        with path.open("rb") as f:
            for lineno, raw in enumerate(f, 1):
                if lineno == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                if not raw.strip():
                    continue
                empty = False
                if b"\x00" in raw:
                    yield InputError(source, lineno, "binary file, not text")
                    return
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    yield InputError(source, lineno, "not valid UTF-8 text (unreadable encoding)")
                    continue
                except json.JSONDecodeError as exc:
                    yield InputError(source, lineno, f"malformed JSON line: {exc.msg}")
                    continue
                yield article_from_record(rec, source, lineno, lang)
    except OSError as exc:
        yield InputError(source, None, f"cannot read: {exc.strerror or exc}")
        return
    if empty:
        yield InputError(source, None, "empty file")


def read_text_article(text: str, source: str, fallback: DocDate | None = None, lang: str | None = None) -> ReadResult:
    """The seed format (`` date YYYY[-MM[-DD]] body``) or plain text with a fallback date."""
    m = _SEED_RE.match(text)
    if m:
        try:
            dct = DocDate.parse(m.group(1))
        except ValueError as exc:
            return InputError(source, 1, f"bad date {m.group(1)!r}: {exc}")
        body = unescape_entities(text[m.end():]).strip()
    elif fallback is not None:
        dct, body = fallback, unescape_entities(text).strip()
    else:
        return InputError(source, 1, "no date: start the file with ' date YYYY-MM-DD' or pass --date")
    if not body:
        return InputError(source, 1, "empty text after the date")
    return Article(text=body, date=dct, lang=lang, source=source)


def read_json(text: str, source: str, lang: str | None = None) -> Iterator[ReadResult]:
    """JSON Lines (one object per line) or a JSON document (an object or a list of objects)."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(source, exc.lineno, f"malformed JSON: {exc.msg}")
            return
        for i, rec in enumerate(records, 1):
            yield article_from_record(rec, source, None, lang, index=i)
        return
    if stripped.startswith("{") and not source.endswith((".jsonl", ".ndjson")):
        try:
            rec = json.loads(text)
        except json.JSONDecodeError:
            pass  # maybe JSON Lines in a .json file: fall through
        else:
            yield article_from_record(rec, source, 1, lang)
            return
    for item in json_lines(text, source):
        if isinstance(item, InputError):
            yield item
        else:
            yield article_from_record(item[1], source, item[0], lang)


def json_lines(text: str, source: str) -> Iterator[tuple[int, Any] | InputError]:
    """(line number, decoded value) of every non-blank line, or the error naming the line."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, lineno, f"malformed JSON line: {exc.msg}")


def article_from_record(rec: Any, source: str, line: int | None, lang: str | None = None,
                        index: int | None = None) -> ReadResult:
    """One JSON object -> Article; accepts ``date`` or ``dct`` (the annotation format's name)."""
    where = line if line is not None else index
    if not isinstance(rec, dict):
        return InputError(source, where, "expected a JSON object")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(source, where, "missing or empty 'text'")
    raw_date = rec.get("date") or rec.get("dct") or rec.get("date_published")
    if not raw_date:
        return InputError(source, where, "missing 'date'")
    try:
        dct = DocDate.parse(str(raw_date))
    except ValueError as exc:
        return InputError(source, where, f"bad date {raw_date!r}: {exc}")
    title = rec.get("title")
    title = unescape_entities(title) if isinstance(title, str) else None
    body = unescape_entities(text).strip()
    return Article(
        text=body, date=dct, title=title,
        lang=rec.get("lang") or lang, source=rec.get("source") or rec.get("url") or source,
        url=rec.get("url"), external_id=str(rec["id"]) if rec.get("id") is not None else None,
    )
