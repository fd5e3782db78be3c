"""Article cleaning before analysis: page furniture out of the text before it is fixed.

News pages carry lines that are not the report: a byline and a section label above the text
("Adrian Rusu" / "Politică"), photo credits ("Inquam Photos / Malina Norocea"), push and consent
prompts ("Rămâi conectat la știrile care contează..."), "Citește și" links, datelines, agency
signatures.  Left in, they become entities (a byline is a person), events and linking keys (18
articles of one site formed a story because each opened with the same byline).

Where: in ingest, on the batch, *before* the article's text is fixed.  The stored text is the
cleaned text, so every annotation offset indexes the text the reader sees (no masking, no offset
map); the article's id is the hash of the cleaned text.  Three detectors, each a whole line:

- language data (``lang/<code>/clean_boilerplate.tsv``): patterns of furniture lines;
- a header byline: before the first body line, a short line that is only a name (2-4 capitalised
  words) or "name / section";
- per-collection repetition: a line among the first or last lines of at least
  :data:`REPEAT_MIN` distinct texts of one source (site) is that site's furniture.

An article left with no body is rejected with the reason; identical texts under different titles
or URLs are reported by :func:`duplicate_warning` (stored once, but counted and named).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from cronicar import LANG_DIR, data_lines  # noqa: F401  (LANG_DIR: the package's own folders, tests list their files)
from cronicar.lang import languages as all_languages
from cronicar.model import Article, InputError

EDGE_LINES = 5  # lines from each end of an article where furniture repeats
REPEAT_MIN = 3  # distinct texts of one source a line must open or close to be furniture
REPEAT_SHARE = 0.03  # ... and this share of the source's texts
REPEAT_MAX_CHARS = 300  # a repeated long paragraph is a reprinted report, not furniture
# ... and a repeated single word is a table cell ("Euro") as often as furniture (sections are data)
MIN_BODY_CHARS = 40  # less than this left once furniture is removed: no article (a short text as given stays)
HEADER_LINES = 4
TAG_WORDS = 3  # a trailing line this short, with no sentence end, is a tag or a sign-off
NAME_WORD = re.compile(r"^[A-ZĂÂÎȘȚŞŢÉÖÜ][a-zăâîșțşţéöüç'-]+$|^[A-Z]\.$|^[A-ZĂÂÎȘȚ]{2,}$")


@lru_cache(maxsize=None)
def patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, compiled pattern) of ``lang``'s furniture lines; none for a language without a file."""
    out = []
    for raw in data_lines(lang, "clean_boilerplate.tsv"):
        kind, _, rx = raw.partition("\t")
        out.append((kind.strip(), re.compile(rx.strip(), re.IGNORECASE)))
    return tuple(out)


def _flat(line: str) -> str:
    return " ".join(line.split())


@lru_cache(maxsize=None)
def _patterns_for(lang: str | None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A language's patterns; before language id (``None``), those of every language with a file."""
    if lang:
        return patterns(lang)
    return tuple(p for code in all_languages() for p in patterns(code))


def line_kind(line: str, lang: str | None) -> str | None:
    """The kind of furniture a line is by the language data, or None for a line of text."""
    flat = _flat(line)
    if not flat:
        return None
    for kind, rx in _patterns_for(lang):
        if rx.search(flat):
            return kind
    return None


def _is_name(part: str) -> bool:
    words = part.split()
    return 2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words)


def _is_body(line: str) -> bool:
    """A line of running text: long, or ending like a sentence."""
    flat = _flat(line)
    return len(flat.split()) >= 12 or flat.endswith((".", "!", "?", "”", '"', ":"))


def _tag(line: str) -> bool:
    """A short line of words without a sentence's end: a keyword tag or a sign-off under the text
    (not a number: the last cell of a rates table, "+ 0.42 %", is text)."""
    flat = _flat(line)
    return (bool(flat) and len(flat.split()) <= TAG_WORDS and not any(ch.isdigit() for ch in flat)
            and not flat.endswith((".", "!", "?", "”", '"')))


def byline(line: str, lang: str | None) -> bool:
    """Whether a header line is a byline: a bare name ("Gabriel Dumitrache") or "name / section"
    ("Adrian Rusu / Politică")."""
    parts = [p.strip() for p in _flat(line).split(" / ")]
    if not parts[0] or not _is_name(parts[0]):
        return False
    return all(_is_name(p) or line_kind(p, lang) == "section" for p in parts[1:])


def source_key(art: Article) -> str:
    """The collection an article comes from: the site of its URL, else its source (a file's folder)."""
    for s in (art.url or "", art.source or ""):
        host = urlparse(s).netloc if "://" in s else ""
        if host:
            return host.removeprefix("www.")
    return str(Path(art.source).parent) if art.source else ""


def _edges(text: str) -> list[str]:
    lines = [_flat(x) for x in text.splitlines() if x.strip()]
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def repeated_lines(articles: list[Article]) -> dict[str, set[str]]:
    """Per source, the lines that open or close many of its distinct texts (its furniture)."""
    texts: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        texts[source_key(a)].add(a.text)
    out: dict[str, set[str]] = {}
    for src, distinct in texts.items():
        counts: Counter[str] = Counter()
        for t in distinct:
            counts.update({x for x in _edges(t) if len(x) <= REPEAT_MAX_CHARS and len(x.split()) >= 2})
        need = max(REPEAT_MIN, REPEAT_SHARE * len(distinct))
        out[src] = {x for x, n in counts.items() if n >= need}
    return out


@dataclass
class Cleaned:
    text: str
    removed: list[tuple[str, str]]  # (kind, line)


def clean_text(text: str, lang: str | None, furniture: set[str] | frozenset[str] = frozenset()) -> Cleaned:
    """The text without its furniture lines (see the module doc), and what was removed."""
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    in_header = True
    for i, line in enumerate(text.splitlines()):
        flat = _flat(line)
        kind = line_kind(flat, lang) if flat else None
        if kind is None and flat in furniture:
            kind = "repeated"
        if kind is None and in_header and i < HEADER_LINES and flat and byline(flat, lang):
            kind = "byline"
        if kind is not None:
            removed.append((kind, flat))
            continue
        if flat and _is_body(flat):
            in_header = False
        kept.append(line)
    while kept and (not kept[-1].strip() or _tag(kept[-1])):  # tags, sign-offs ("presedinte", "icr")
        line = kept.pop()
        if line.strip():
            removed.append(("tag", _flat(line)))
    return Cleaned("\n".join(kept).strip("\n"), removed)


# UTF-8 read as the Kazakh code page PTCP154 and saved again: "românească", "Bucureşti" stored as
# "romГўneascДғ", "BucureЕҹti" (16 of the first 500 Ziarul Financiar articles of 2022).  Left in,
# each broken word is a rare "subject term" and a new name, and two broken texts share them.
MOJIBAKE_CODEC = "ptcp154"
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")


def _undo(run: str) -> str:
    try:
        return run.encode(MOJIBAKE_CODEC).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):  # real Cyrillic, or text that is not this mojibake
        return run


def repair_mojibake(text: str) -> str:
    """The text with each run of non-ASCII characters that is UTF-8 read as PTCP154 decoded back.
    A run that does not decode stays as it is: real Cyrillic ("Москва") encodes to bytes that are
    not UTF-8.  Texts without a Cyrillic letter are returned at once (one regex scan)."""
    if not _CYRILLIC.search(text):
        return text
    return _NON_ASCII_RUN.sub(lambda m: _undo(m.group()), text)


def _repaired(a: Article) -> Article:
    text, title = repair_mojibake(a.text), repair_mojibake(a.title) if a.title else a.title
    return a if (text, title) == (a.text, a.title) else replace(a, text=text, title=title, id="")


def clean_batch(articles: list[Article]) -> tuple[list[Article], list[InputError], int]:
    """Clean every article of a batch (repetition is counted per source over the batch).

    Returns the articles to analyze (new ids where the text changed), one error per article left
    with no body ("only page furniture"), and the number of lines removed."""
    articles = [_repaired(a) for a in articles]
    furniture = repeated_lines(articles)
    kept: list[Article] = []
    errors: list[InputError] = []
    lines = 0
    for a in articles:
        c = clean_text(a.text, a.lang, furniture.get(source_key(a), set()))
        lines += len(c.removed)
        if not c.text.strip() or (c.removed and len(c.text.strip()) < MIN_BODY_CHARS):
            kinds = ", ".join(sorted({k for k, _ in c.removed})) or "nothing"
            errors.append(InputError(a.url or a.source, None,
                                     f"only page furniture, no article text ({kinds}: {_flat(a.text)[:60]!r})"))
            continue
        kept.append(a if not c.removed else replace(a, text=c.text, id=""))
    return kept, errors, lines


def duplicate_warning(first: Article, again: Article) -> str | None:
    """A warning when two records carry the same text (one stored article) under different titles
    or URLs: not merged silently."""
    if (first.title, first.url) == (again.title, again.url):
        return None
    return (f"{again.url or again.source}: same text as {first.url or first.source} "
            f"({(first.title or '')[:50]!r}); stored once")
