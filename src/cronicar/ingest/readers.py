"""Format detection and the readers for each input format (DESIGN §3)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cronicar.ingest.schema import MAX_CHARS, checked_article, normalize_lang, record_fields
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
    try:
        fallback = DocDate.parse(date) if date else None
    except ValueError as exc:
        yield InputError("--date", None, str(exc))
        return
    try:
        lang = normalize_lang(lang)
    except ValueError as exc:
        yield InputError("--lang", None, str(exc))
        return
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


def too_long(item: ReadResult) -> InputError | None:
    """The error for an article longer than :data:`MAX_CHARS`, else None."""
    if isinstance(item, Article) and len(item.text) > MAX_CHARS:
        return InputError(item.source, None, f"text too long ({len(item.text):,} characters; at most "
                                             f"{MAX_CHARS:,}): split it into articles")
    return None


def read_file(path: Path, fallback: DocDate | None = None, lang: str | None = None) -> Iterator[ReadResult]:
    """Read one file, choosing the reader from its suffix (and content, for .xml)."""
    source = str(path)
    if path.suffix.lower() in {".jsonl", ".ndjson"} and _streamable(path):
        yield from stream_json_lines(path, lang)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, None, f"cannot read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES and not _doc_bytes(data).startswith(b"["):
        # JSON Lines: a bad byte or a NUL rejects its line, not the file.
        if not data.strip():
            yield InputError(source, None, "empty file")
            return
        yield from read_json_lines_bytes(data, source, lang)
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
    if suffix in JSON_SUFFIXES:
        yield from read_json(text, source, lang)
    elif suffix in HTML_SUFFIXES:
        from cronicar.ingest.html import read_html

        yield from _guarded(read_html(text, source, fallback, lang), source, "HTML page")
    elif suffix in FEED_SUFFIXES or text.lstrip().startswith("<?xml"):
        from cronicar.ingest.feeds import read_feed

        yield from _guarded(read_feed(text, source, lang), source, "RSS/Atom feed")
    else:
        yield read_text_article(text, source, fallback, lang)


def stream_json_lines(path: Path, lang: str | None = None) -> Iterator[ReadResult]:
    """A JSON Lines file line by line: memory holds one line, not the file (an archive export can
    be larger than the machine's memory).  Same checks and messages as the whole-file reader: a bad
    byte or a NUL costs its line, a malformed line is named by its number."""
    source = str(path)

    def lines() -> Iterator[tuple[int, str | InputError]]:
        with path.open("rb") as f:
            for lineno, raw in enumerate(f, 1):
                raw = raw.removeprefix(b"\xef\xbb\xbf") if lineno == 1 else raw
                yield lineno, _decoded_line(raw.removesuffix(b"\n"), lineno, source)

    try:
        for item in json_lines(lines(), source):
            yield item if isinstance(item, InputError) else article_from_record(item[1], source, item[0], lang)
    except OSError as exc:
        yield InputError(source, None, f"cannot read: {exc.strerror or exc}")


def _streamable(path: Path) -> bool:
    """JSON Lines worth streaming: not a JSON list (read whole) and not empty (one clear error)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    doc = _doc_bytes(head)
    return bool(doc) and not doc.startswith(b"[")


def _guarded(items: Iterator[ReadResult], source: str, what: str) -> Iterator[ReadResult]:
    """The items of a third-party parser (trafilatura, feedparser); if it fails on a hostile file,
    that file's error (its earlier items are kept) instead of a traceback that stops the batch."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - any parser failure (RecursionError too) is this file's problem
        yield InputError(source, None, f"unreadable {what}: {type(exc).__name__}: {str(exc)[:200]}")


def read_text_article(text: str, source: str, fallback: DocDate | None = None, lang: str | None = None) -> ReadResult:
    """The seed format (`` date YYYY[-MM[-DD]] body``) or plain text with a fallback date."""
    m = _SEED_RE.match(text)
    if m:
        try:
            dct = DocDate.parse(m.group(1))
        except ValueError as exc:
            return InputError(source, 1, f"bad date {m.group(1)!r}: {exc}")
        body = text[m.end():].strip()
    elif fallback is not None:
        dct, body = fallback, text.strip()
    else:
        return InputError(source, 1, "no date: start the file with ' date YYYY-MM-DD' or pass --date")
    if not body:
        return InputError(source, 1, "empty text after the date")
    return checked_article({"text": body, "date": dct, "lang": lang}, source, 1)


def _doc_bytes(data: bytes) -> bytes:
    """The start of a file's content: without a UTF-8 BOM and leading white space."""
    return data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()


def _loads(line: str) -> Any:
    """json.loads that raises only ValueError: integers over 4,300 digits raise a ValueError that
    is not a JSONDecodeError, and a value nested ~1,000 deep a RecursionError."""
    try:
        return json.loads(line)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _json_error(exc: ValueError) -> str:
    return exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc).split(";")[0]


def read_json(text: str, source: str, lang: str | None = None) -> Iterator[ReadResult]:
    """JSON Lines (one object per line) or a JSON document (an object or a list of objects)."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = _loads(text)
        except ValueError as exc:
            yield InputError(source, getattr(exc, "lineno", None), f"malformed JSON: {_json_error(exc)}")
            return
        if not isinstance(records, list):
            yield InputError(source, None, "expected a JSON list of objects")
            return
        for i, rec in enumerate(records, 1):
            yield article_from_record(rec, source, None, lang, index=i)
        return
    if stripped.startswith("{") and not source.endswith((".jsonl", ".ndjson")):
        try:
            rec = _loads(text)
        except ValueError:
            pass  # maybe JSON Lines in a .json file: fall through
        else:
            yield article_from_record(rec, source, 1, lang)
            return
    for item in json_lines(enumerate(text.split("\n"), 1), source):
        if isinstance(item, InputError):
            yield item
        else:
            yield article_from_record(item[1], source, item[0], lang)


def read_json_lines_bytes(data: bytes, source: str, lang: str | None = None) -> Iterator[ReadResult]:
    """JSON Lines (or one JSON object) from raw bytes, decoding line by line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        yield from read_json(text, source, lang)
        return
    for item in json_lines(decoded_lines(data, source), source):
        if isinstance(item, InputError):
            yield item
        else:
            yield article_from_record(item[1], source, item[0], lang)


def decoded_lines(data: bytes, source: str) -> list[tuple[int, str | InputError]]:
    """(line number, text) of every line of ``data``, or the error of a line with a NUL or a byte
    that is not UTF-8: one bad byte costs its line, not the file."""
    return [(lineno, _decoded_line(raw, lineno, source))
            for lineno, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), 1)]


def _decoded_line(raw: bytes, lineno: int, source: str) -> str | InputError:
    if b"\x00" in raw:
        return InputError(source, lineno, "NUL byte in the line (binary data)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(source, lineno, f"not valid UTF-8 (byte {exc.start + 1} of the line)")


def json_lines(lines: Iterable[tuple[int, str | InputError]], source: str) -> Iterator[tuple[int, Any] | InputError]:
    """(line number, decoded value) of every non-blank line, or the error naming the line.

    Lines are split on "\\n" only: JSON strings may hold a raw U+2028, which str.splitlines() cuts."""
    for lineno, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            yield lineno, _loads(line)
        except ValueError as exc:
            yield InputError(source, lineno, f"malformed JSON line: {_json_error(exc)}")


def article_from_record(rec: Any, source: str, line: int | None, lang: str | None = None,
                        index: int | None = None) -> ReadResult:
    """One JSON object -> Article (validated by :mod:`cronicar.ingest.schema`); accepts ``date``
    or ``dct`` (the annotation format's name).  ``lang`` is used when the record has none."""
    where = line if line is not None else index
    fields = record_fields(rec)
    if fields is None:
        return InputError(source, where, "expected a JSON object")
    if fields.get("lang") in (None, "") and lang:
        fields["lang"] = lang
    return checked_article(fields, source, where)
