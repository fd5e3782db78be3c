"""Text keys every layer uses (the model's article ids and titles, the analysis, the linker):
comma-below ș/ț, NFC, and a lowercase form without accents.  Below every layer, so ``model.py``
needs nothing from ``analyze/``; :mod:`cronicar.analyze.normalize` builds offset-keeping
normalization on them."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Cedilla forms (and the Turkish-style dotless variants are left alone) -> comma-below forms.
_CEDILLA = (("ş", "ș"), ("ţ", "ț"), ("Ş", "Ș"), ("Ţ", "Ț"))


def fold_diacritics(text: str) -> str:
    """ş/ţ -> ș/ț, one code point for one (length preserved).

    Why ``in`` + ``str.replace`` and not ``str.translate``: translate walks the text code point by
    code point in Python-object space (~0.13 ms for a 2 KB article, a fifth of the whole temporal
    stage), while ``in``/``replace`` are C substring scans and most text has no cedilla at all.
    """
    for a, b in _CEDILLA:
        if a in text:
            text = text.replace(a, b)
    return text


@lru_cache(maxsize=65536)
def fold_accents(s: str) -> str:
    """Lowercase without accents or diacritics ("Égypte", "Egypte" -> "egypte"): the key for
    names that texts write with or without accents.  Cached: the gazetteer asks it per token."""
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))


def normalize_text(text: str) -> str:
    """NFC plus comma-below diacritics.  Use for keys and comparisons, not for offsets."""
    return fold_diacritics(unicodedata.normalize("NFC", text))
