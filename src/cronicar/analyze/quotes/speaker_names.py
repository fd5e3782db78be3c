"""Last touches to speaker names once every quote has one (issue 19).

- A cited-source phrase ("Potrivit sursei citate, ...") names no one by itself: it is the source
  the article cited before, i.e. the speaker of the closest earlier statement.  The phrases are
  data (``cited`` lines of ``lang/<code>/quotes_cues.txt``).
- A name written both with and without its diacritics ("Marius Budai" in one paragraph, "Marius
  Budăi" in another) is one person: the spelling with the diacritics is the name.

Example: "Inflația a fost de 15,1%, arată Rosstat. Potrivit sursei citate, prețurile cresc." ->
the second statement's speaker is Rosstat.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from cronicar.analyze.normalize import fold_accents, fold_diacritics

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class _Said(Protocol):
    speaker: str | None
    anchor: int


def cited_key(name: str) -> str:
    return fold_diacritics(name).lower().strip()


def resolve_cited(recs: Sequence[_Said], cited: set[str]) -> None:
    """Speakers that are a cited-source phrase take the speaker of the closest earlier statement
    that names one (left as written when there is none)."""
    if not cited:
        return
    last: str | None = None
    for r in sorted(recs, key=lambda r: r.anchor):
        if r.speaker and cited_key(r.speaker) in cited:
            if last is not None:
                r.speaker = last
            continue
        if r.speaker:
            last = r.speaker


def _marked(word: str) -> int:
    """How many letters of ``word`` carry a diacritic."""
    return sum(1 for c in word if not c.isascii())


def diacritic_spellings(text: str) -> dict[str, str]:
    """Folded word -> its spelling with the most diacritics, for capitalized words of ``text``."""
    best: dict[str, str] = {}
    for m in _WORD.finditer(text):
        w = m.group(0)
        if not w[:1].isupper():
            continue
        k = fold_accents(w)
        if k not in best or _marked(w) > _marked(best[k]):
            best[k] = w
    return best


def with_diacritics(name: str | None, spellings: dict[str, str]) -> str | None:
    """``name`` with each word in the article's spelling that carries the most diacritics."""
    if not name:
        return name
    words = name.split(" ")
    out = [spellings.get(fold_accents(w), w) if w[:1].isupper() and _marked(w) == 0 else w for w in words]
    return " ".join(out)
