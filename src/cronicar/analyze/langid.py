"""Language identification with lingua, restricted to the languages cronicar has data for.

The languages and their lingua names come from the language folders (``lang/<code>/meta.toml``,
:mod:`cronicar.lang`): a new folder is detected without an edit here.  Restricting the detector
keeps it at milliseconds per article (loading every language costs seconds) and avoids exotic
guesses on short texts.
"""

from __future__ import annotations

from functools import lru_cache

import lingua
from lingua import LanguageDetector, LanguageDetectorBuilder

from cronicar.lang import languages, search_dirs


def supported() -> dict[str, lingua.Language]:
    """The lingua language of each language folder, by code."""
    return _supported(tuple(search_dirs()))


@lru_cache(maxsize=4)
def _supported(dirs: tuple) -> dict[str, lingua.Language]:
    out: dict[str, lingua.Language] = {}
    for code, lang in languages().items():
        member = getattr(lingua.Language, lang.lingua, None)
        if member is None:
            raise ValueError(f"{lang.folder / 'meta.toml'}: lingua has no language {lang.lingua!r}")
        out.setdefault(code, member)
    return out


@lru_cache(maxsize=4)
def _detector(dirs: tuple) -> tuple[LanguageDetector, dict[lingua.Language, str]]:
    """The detector over the folders' languages, and the code of each lingua language (the
    first folder in code order when two folders name the same one)."""
    codes: dict[lingua.Language, str] = {}
    for code, member in supported().items():
        codes.setdefault(member, code)
    return LanguageDetectorBuilder.from_languages(*codes).build(), codes


def detect(text: str, default: str = "ro") -> str:
    """ISO 639-1 code of ``text``'s language; ``default`` when the text gives no signal."""
    # 1,000 characters decide as well as 2,000 on news (100/100 Ziarul Financiar articles either
    # way) and cost less: lingua's time grows faster than the length of its input.  (Its n-gram
    # tables load lazily over the first few hundred texts, about 1 s in all; preloading them
    # costs 2.8 s up front, which small ingests would pay for nothing.)
    sample = text[:1000]
    if not any(ch.isalpha() for ch in sample):
        return default
    detector, codes = _detector(tuple(search_dirs()))
    lang = detector.detect_language_of(sample)
    return codes.get(lang, default) if lang is not None else default
