"""Languages as folders: ``lang/<code>/meta.toml`` says what a language is and has, and the data
files beside it hold everything cronicar knows about it (rules, lexicons, word lists).

One loader for every component: :func:`language` returns a frozen :class:`Language` for a code,
:func:`languages` every language found, :meth:`Language.path` and :meth:`Language.lines` a data
file of it.  A new language is a new folder with a ``meta.toml``: no Python edit.

Folders are searched in the directories of ``$CRONICAR_LANG_PATH`` (``os.pathsep``-separated; a
code found there wins) and then in this package's own folder, so a language can be added or
tried without touching the installed package.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: this package's own language folders
PACKAGE_DIR = Path(__file__).resolve().parent
#: extra directories of language folders, searched first
PATH_VAR = "CRONICAR_LANG_PATH"
#: what a folder's code looks like (ISO 639-1 or 639-3): never a path piece
_CODE_RE = re.compile(r"[a-z]{2,3}")
#: the capabilities a ``meta.toml`` may list under ``has``
CAPABILITIES = frozenset({"parser", "ner", "quotes", "timex", "events", "entities"})


class LanguageError(ValueError):
    """A ``meta.toml`` that cannot be read, named with its file."""


@dataclass(frozen=True)
class Language:
    """One language folder: its code, how to detect and parse it, and what data it has."""

    code: str
    name: str
    folder: Path
    lingua: str  # the lingua ``Language`` member that detects it ("ROMANIAN")
    spacy_model: str | None  # an installed spaCy pipeline, or None: a blank tokenizer
    iso: str  # the ISO 639-1 code outside tools know it by (spaCy's blank tokenizer, simplemma)
    has: frozenset[str]  # what the language has: parser, ner, quotes, timex, events, entities

    def path(self, name: str) -> Path:
        """The data file ``name`` of this language (it may not exist)."""
        return self.folder / name

    def lines(self, name: str) -> list[str]:
        """The data lines of a line-per-entry file: blank lines and ``#`` comment lines (the
        header, the examples) left out; none when the language has no such file."""
        return data_lines(self.path(name))


def data_lines(path: Path) -> list[str]:
    """The data lines of a line-per-entry file: blank lines and ``#`` comment lines (the file's
    header, its examples) left out; none when there is no such file.  One reader for these files,
    so their header and comment rules are the same everywhere."""
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def example(code: str) -> str | None:
    """The example sentence of ``meta.toml``'s header (``# example: SENTENCE => code``), None when
    the language or the line is missing: real text of the language, for a test or a warm-up."""
    meta = language(code)
    if meta is None:
        return None
    for line in meta.path("meta.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("# example:"):
            return line.removeprefix("# example:").rpartition("=>")[0].strip() or None
    return None


def search_dirs() -> tuple[Path, ...]:
    """Where language folders are looked for, first match wins."""
    return _search_dirs(os.environ.get(PATH_VAR, ""))


@lru_cache(maxsize=8)
def _search_dirs(extra: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in extra.split(os.pathsep) if p.strip()) + (PACKAGE_DIR,)


def folder(code: str) -> Path:
    """The folder of language ``code`` (in the package when no folder exists anywhere: the
    data readers then find no files and the language gets empty data)."""
    return _folder(code, os.environ.get(PATH_VAR, ""))


@lru_cache(maxsize=None)
def _folder(code: str, extra: str) -> Path:
    for d in _search_dirs(extra):
        if (d / code / "meta.toml").is_file():
            return d / code
    return PACKAGE_DIR / code


def language(code: str) -> Language | None:
    """The language of folder ``code``, None when there is no such language.  Cached by code and
    search path: components ask per article and per word."""
    return _language(code, os.environ.get(PATH_VAR, ""))


@lru_cache(maxsize=None)
def _language(code: str, extra: str) -> Language | None:
    if not _CODE_RE.fullmatch(code):
        return None
    meta = _folder(code, extra) / "meta.toml"
    return _read_meta(code, meta) if meta.is_file() else None


def has_parser(code: str) -> bool:
    """Whether ``code`` gets a dependency parse and morphology (quotes/events use it if so).  Here,
    not in ``analyze.nlp``, so the linker asks it without importing spaCy: ``--jobs N``'s writer and
    ``ingest --annotations`` never parse."""
    meta = language(code)
    return meta is not None and meta.spacy_model is not None and "parser" in meta.has


def languages() -> dict[str, Language]:
    """Every language found, by code, in code order."""
    return dict(_languages(os.environ.get(PATH_VAR, "")))


@lru_cache(maxsize=8)
def _languages(extra: str) -> tuple[tuple[str, Language], ...]:
    codes = sorted({p.parent.name for d in _search_dirs(extra) if d.is_dir() for p in d.glob("*/meta.toml")})
    found = ((c, _language(c, extra)) for c in codes)
    return tuple((c, lang) for c, lang in found if lang is not None)


def iso(code: str) -> str:
    """The code outside tools (simplemma, spaCy) know language ``code`` by: its folder's ``iso``,
    else the code itself."""
    lang = language(code)
    return lang.iso if lang is not None else code


def has(code: str, capability: str) -> bool:
    """Whether language ``code`` has ``capability`` (``parser``, ``ner``, ``quotes``, …)."""
    lang = language(code)
    return lang is not None and capability in lang.has


def _read_meta(code: str, meta: Path) -> Language:
    try:
        data = tomllib.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LanguageError(f"{meta}: {exc}") from None
    missing = [k for k in ("name", "lingua") if not isinstance(data.get(k), str)]
    if missing:
        raise LanguageError(f"{meta}: missing {', '.join(missing)}")
    caps = data.get("has", [])
    unknown = sorted(set(caps) - CAPABILITIES) if isinstance(caps, list) else ["(not a list)"]
    if unknown:
        raise LanguageError(f"{meta}: unknown capability {', '.join(map(str, unknown))} (known: {', '.join(sorted(CAPABILITIES))})")
    model = data.get("spacy_model") or None
    return Language(code=code, name=data["name"], folder=meta.parent, lingua=data["lingua"].upper(),
                    spacy_model=model, iso=data.get("iso", code), has=frozenset(caps))
