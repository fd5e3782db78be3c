"""Text normalization that keeps offsets honest.

The Romanian models expect comma-below ș/ț and NFC text, but annotations must index the text *as
given* (DESIGN §4).  Cedilla→comma is one code point for one, so it keeps length; NFC can merge a
base letter and a combining mark into one code point.  :func:`normalize_aligned` therefore returns
the normalized text and a map from each normalized position back to the original one.
"""

from __future__ import annotations

import html
from bisect import bisect_right
import re
import unicodedata
from dataclasses import dataclass

# The keys every layer uses (model.py too) live below the layers; normalize_aligned builds on them.
from cronicar.text import fold_accents, fold_diacritics, normalize_text  # noqa: F401 - also imported from here


@dataclass(frozen=True)
class Aligned:
    """Normalized text plus the way back to original offsets."""

    text: str
    original: str
    _starts: tuple[int, ...] | None  # None when lengths agree (the common case)
    #: soft hyphens removed first, as the positions (in the text without them) each came before:
    #: a position maps back by adding how many precede it (no per-character map); ``_starts``
    #: maps into that text
    _shy: tuple[int, ...] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalized text onto the original text."""
        shy = self._shy
        if self._starts is not None:
            starts = self._starts
            base_len = len(self.original) - (len(shy) if shy else 0)  # the text without soft hyphens
            start = starts[start] if start < len(starts) else base_len
            end = starts[end] if end < len(starts) else base_len
        if shy:
            return start + bisect_right(shy, start), end + bisect_right(shy, end)
        return start, end


# An HTML character reference, also escaped again ("&amp;nbsp;", as exports of web pages carry them).
_ENTITY = re.compile(r"&(?:amp;)*(?:[a-zA-Z][a-zA-Z0-9]{1,7}|#\d{1,6}|#[xX][0-9a-fA-F]{1,5});")


def _unescape(text: str) -> tuple[str, list[int] | None]:
    """Character references left in plain text ("prețul&amp;nbsp;acțiunii") read as the characters
    they stand for, with a map from each output position to its original one (None: unchanged).
    Why here: the texts of web archives (Ziarul Financiar's among them) keep escaped entities,
    which would otherwise reach the parser, the names and the timeline.  A no-break space becomes
    a space: the tokenizers make a token of each no-break space."""
    if "&" not in text:
        return text, None
    pieces: list[str] = []
    starts: list[int] = []
    last = 0
    for m in _ENTITY.finditer(text):
        ref = u = m.group(0)
        for _ in range(3):  # "&amp;amp;nbsp;" -> "&amp;nbsp;" -> "&nbsp;" -> "\xa0"
            v = html.unescape(u)
            if v == u:
                break
            u = v
        if u == ref:
            continue  # not a reference html knows ("&Co;")
        u = u.replace("\xa0", " ")
        if u == " " and text[m.start() - 1 : m.start()].isspace():
            # "”, &amp;nbsp;a declarat": a second space would be a token of its own, part of no
            # phrase (the quote lost its cue); after a space it is dropped (no span ends on a space)
            u = ""
        pieces.append(text[last:m.start()])
        starts.extend(range(last, m.start()))
        pieces.append(u)
        starts.extend([m.start()] * len(u))
        last = m.end()
    if not pieces:
        return text, None
    pieces.append(text[last:])
    starts.extend(range(last, len(text)))
    return "".join(pieces), starts


SOFT_HYPHEN = "\u00ad"


def _drop_soft_hyphens(text: str, starts: list[int] | None) -> tuple[str, list[int] | None]:
    """``text`` without soft hyphens (U+00AD), with the map from each output position to its
    original one (composed with ``starts``, the map of an earlier step; None: identity).

    Why: Ziarul Financiar marks line-break hints inside words ("pre\u00admierul",
    "Transil\u00advania"); left in, they split roles, names, aliases and time words for the parser,
    the lexicons and the gazetteers, which all expect the word as read."""
    if SOFT_HYPHEN not in text:
        return text, starts
    # str.find + range: C-speed, where a per-character loop cost a fifth of the temporal stage
    kept: list[int] = []
    last = 0
    j = text.find(SOFT_HYPHEN)
    while j != -1:
        kept.extend(range(last, j))
        last = j + 1
        j = text.find(SOFT_HYPHEN, last)
    kept.extend(range(last, len(text)))
    if starts is not None:
        kept = [starts[i] for i in kept]
    return text.replace(SOFT_HYPHEN, ""), kept


def _shy_positions(text: str) -> tuple[int, ...]:
    """Normalized positions before which a soft hyphen of ``text`` was removed."""
    out: list[int] = []
    j = text.find(SOFT_HYPHEN)
    while j != -1:
        out.append(j - len(out))
        j = text.find(SOFT_HYPHEN, j + 1)
    return tuple(out)


def normalize_aligned(text: str) -> Aligned:
    """Normalize ``text`` (soft hyphens, character references, NFC, ș/ț) and keep a position map
    when that changed its length."""
    shy: tuple[int, ...] | None = None
    base = text
    if SOFT_HYPHEN in text:
        shy = _shy_positions(text)
        base = text.replace(SOFT_HYPHEN, "")
    plain, ref_starts = _unescape(base)
    if ref_starts is not None and SOFT_HYPHEN in plain:
        plain, ref_starts = _drop_soft_hyphens(plain, ref_starts)  # a "&shy;" reference (rare)
    folded = fold_diacritics(plain)
    nfc = unicodedata.normalize("NFC", folded)
    if len(nfc) == len(folded):
        return Aligned(nfc, text, tuple(ref_starts) if ref_starts is not None else None, shy)
    out: list[str] = []
    starts: list[int] = []
    i = 0
    n = len(folded)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(folded[j]):
            j += 1
        piece = unicodedata.normalize("NFC", folded[i:j])
        out.append(piece)
        starts.extend([i] * len(piece))
        i = j
    if ref_starts is not None:
        starts = [ref_starts[k] for k in starts]
    return Aligned(fold_diacritics("".join(out)), text, tuple(starts), shy)
