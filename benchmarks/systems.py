"""The three temporal taggers behind one call shape, for the accuracy and speed benchmarks.

Each system is a callable ``(text, dct, lang) -> list[dict]`` of TIMEX3 dicts
(``start, end, text, type, value, mod``) with offsets into ``text`` as given, so the project's
scorer sees every system the same way.  Systems that hold a process or parser cache
(HeidelTime's JVM, one per language) are built lazily and closed by :meth:`Systems.close`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cronicar.model import DocDate

REPO = Path(__file__).resolve().parents[1]

Tagger = Callable[[str, DocDate, str], list[dict[str, Any]]]


def cronicar_tagger(text: str, dct: DocDate, lang: str) -> list[dict[str, Any]]:
    """cronicar's engine on the ``doc=None`` path (no spaCy), on normalized text as the pipeline does."""
    from cronicar.analyze import timex
    from cronicar.analyze.normalize import normalize_aligned

    aligned = normalize_aligned(text)
    out: list[dict[str, Any]] = []
    for t in timex.tag(aligned.text, dct, lang, doc=None):
        s, e = aligned.to_original(t.start, t.end)
        out.append({"start": s, "end": e, "text": text[s:e], "type": t.type, "value": t.value, "mod": t.mod})
    return out


class Systems:
    """Lazily built taggers by name: ``cronicar``, ``heideltime``, ``dateparser``."""

    NAMES = ("cronicar", "heideltime", "dateparser")

    def __init__(self) -> None:
        self._heideltime: dict[str, Any] = {}
        self._dateparser: dict[str, Any] = {}

    def get(self, name: str) -> Tagger:
        if name == "cronicar":
            return cronicar_tagger
        if name == "heideltime":
            return self._heideltime_tag
        if name == "dateparser":
            return self._dateparser_tag
        raise KeyError(name)

    def heideltime(self, lang: str) -> Any:
        from benchmarks.baselines.heideltime import HeidelTime

        ht = self._heideltime.get(lang)
        if ht is None:
            ht = HeidelTime(lang)
            ht.start()
            self._heideltime[lang] = ht
        return ht

    def _heideltime_tag(self, text: str, dct: DocDate, lang: str) -> list[dict[str, Any]]:
        return self.heideltime(lang).tag(text, dct)

    def _dateparser_tag(self, text: str, dct: DocDate, lang: str) -> list[dict[str, Any]]:
        from benchmarks.baselines.dateparser_baseline import DateparserTagger

        tagger = self._dateparser.get(lang)
        if tagger is None:
            tagger = self._dateparser[lang] = DateparserTagger(lang)
        return tagger.tag(text, dct)

    def close(self) -> None:
        for ht in self._heideltime.values():
            ht.close()
        self._heideltime.clear()


def import_eval() -> tuple[Any, Any]:
    """The project's scorer and loaders (``eval/timex_eval.py``, ``eval/timex_datasets.py``)."""
    for p in (str(REPO / "eval"), str(REPO)):
        if p not in sys.path:
            sys.path.insert(0, p)
    import timex_datasets
    import timex_eval

    return timex_eval, timex_datasets


def code_version() -> str:
    """The commit the figures were measured at, marked ``+dirty`` when tracked files differ."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")
