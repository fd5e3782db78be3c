"""Quotation-mark spans: the raw material of direct quotes, in every quote style.

Romanian news mixes „…”, "…", ”…”, «…», ,,…" and ‚…‘ (often within one article and nested),
English uses “…” and "…" (never across a paragraph break: a multi-paragraph English quote
re-opens each paragraph; Romanian „…” may run over several paragraphs).  Symmetric marks (" ” “) are disambiguated from their context: a mark
after a space that precedes a word opens, a mark after a word closes.  Only outermost spans are
returned: anything inside a direct quote belongs to it (guidelines §2).
"""

from __future__ import annotations

from dataclasses import dataclass

from cronicar.analyze.quotes.words import W

OPEN_ONLY = {"„": "”“\"", "«": "»", "‚": "‘’"}
SYMMETRIC = {'"', "”", "“"}
MAX_SPAN = 4000  # a quote that does not close within this many characters is a stray mark
# An outermost quote with more unclosed quotes inside than this is a stray mark too (real nesting
# is two or three deep): a run of 20,000 „ otherwise rescanned 4,000 characters after each mark.
MAX_DEPTH = 16
# Rescans after stray marks may cost at most this many steps per character of text (plus a
# constant); past it, a stray mark is dropped without rescanning, so the scan stays linear.
RESCAN_STEPS_PER_CHAR = 16
# A closing mark without an opener starts a quote at its paragraph's start only over a sentence
# of at least this many words (a stray mark after one or two words is a typo, not a lost opener).
ORPHAN_MIN_WORDS = 3


@dataclass(frozen=True)
class Marked:
    """One outermost quoted span: marks at ``open``/``close``, content ``[start, end)`` trimmed."""

    open: int
    close: int
    start: int
    end: int


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _next(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def _opening_like(text: str, i: int) -> bool:
    p, n = _prev(text, i), _next(text, i)
    return (p.isspace() or p in "([{:;—–-\u00ad/" or i == 0) and not n.isspace()


def _closing_like(text: str, i: int) -> bool:
    p, n = _prev(text, i), _next(text, i)
    return not p.isspace() and (n.isspace() or n in ".,;:!?)]}—–-…" or n in SYMMETRIC or n in "»’‘")


def _runs_on(text: str, i: int, opener: str) -> bool:
    """A typographic “ still open at the paragraph break at ``i`` runs on when the next paragraph
    does not re-open it (Romanian "“Doamna senator\n\nŞoşoacă … altul”, a afirmat"); English
    re-opens each paragraph of a long quote, and a straight " never runs on."""
    if opener != "“":
        return False
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text) and text[j] not in SYMMETRIC and text[j] not in OPEN_ONLY


def find_marked(text: str) -> list[Marked]:
    """All outermost quoted spans of ``text`` (content trimmed of whitespace), in text order."""
    out: list[Marked] = []
    stack: list[tuple[str, int]] = []
    i, n = 0, len(text)
    lost = -1  # a straight or typographic opener dropped at a paragraph break, unclosed so far
    steps_left = RESCAN_STEPS_PER_CHAR * n + 100_000

    def stray(i: int) -> int:
        """Where to go on after the outermost opener proved a stray mark: right after it (so the
        quotes that follow it are still found), unless rescans have used up their steps."""
        nonlocal steps_left
        steps_left -= i - stack[0][1]
        at = stack[0][1] + 1 if steps_left > 0 else i
        stack.clear()
        return at

    while i < n or stack:
        if i >= n:
            # The text ended inside a quote: its opener was a stray mark ("declarând că
            # „iraționalitatea … limită." never closes); rescan right after it.
            i = stray(i)
            continue
        c = text[i]
        if stack and (i - stack[0][1] > MAX_SPAN or len(stack) > MAX_DEPTH):
            i = stray(i)  # unclosed within MAX_SPAN characters or MAX_DEPTH marks
            continue
        if c == "\n" and stack and stack[0][0] in SYMMETRIC and not _runs_on(text, i, stack[0][0]):
            # English-style quotes do not run across a paragraph break (each paragraph re-opens);
            # an unclosed one is a stray mark.
            lost = stack[0][1] if len(stack) == 1 else -1
            i = stray(i)
            continue
        if c == "," and _next(text, i) == "," and (i == 0 or text[i - 1].isspace()):
            stack.append(("„", i))
            i += 2
            continue
        if c in OPEN_ONLY:
            stack.append((c, i))
        elif c == "»" or c in "‘’":
            if stack and c in OPEN_ONLY.get(stack[-1][0], ""):
                _close(text, stack, i, out)
        elif c in SYMMETRIC:
            top = stack[-1][0] if stack else None
            can_close = top is not None and (top in SYMMETRIC or top == "„")
            if can_close and _closing_like(text, i):
                _close(text, stack, i, out)
            elif _opening_like(text, i) or (top is None and (i == 0 or text[i - 1] == "\n") and _next(text, i) == " "):
                stack.append((c, i))  # '" În momentul de față…' opens its paragraph, space or not
            elif can_close:
                _close(text, stack, i, out)
            elif top is None and (orphan := _orphan_close(text, i, lost, out)) is not None:
                out.append(orphan)
        i += 1
    return out


def _orphan_close(text: str, i: int, lost: int, out: list[Marked]) -> Marked | None:
    """A closing mark with no opener, whose paragraph holds no other mark and whose comma hands
    over to a postposed cue ("Transfăgărășanul este supraaglomerat”, au transmis …"): the
    opener was lost (guidelines §3: unbalanced marks close, and open, where the quote
    evidently does), so the quote runs from the paragraph's first word, a capital; or from an
    opener left unclosed at an earlier paragraph break with no quote since (a quote of several
    paragraphs whose straight " the first paragraph opened: '"Fac acest filmuleț …\n\n… Oricine
    poate să pățească așa ceva", a spus solistul')."""
    if not _closing_like(text, i) or _next(text, i) != ",":
        return None
    if 0 <= lost and i - lost <= MAX_SPAN and (not out or out[-1].close < lost) and not any(
            ch in OPEN_ONLY or ch in SYMMETRIC or ch in "»‘’" for ch in text[lost + 1 : i]):
        para = lost + 1
    else:
        para = text.rfind("\n", 0, i) + 1
    s = para
    while s < i and text[s].isspace():
        s += 1
    seg = text[s:i]
    if not seg[:1].isupper() or len(seg.split()) < ORPHAN_MIN_WORDS or i - s > MAX_SPAN or any(
            ch in OPEN_ONLY or ch in SYMMETRIC or ch in "»‘’" for ch in seg):
        return None
    e = i
    while e > s and text[e - 1].isspace():
        e -= 1
    return Marked(max(para - 1, 0), i, s, e)  # para - 1: the lost opener, or the line break


def _close(text: str, stack: list[tuple[str, int]], i: int, out: list[Marked]) -> None:
    _, o = stack.pop()
    if stack:
        return  # nested: belongs to the outer quote
    s, e = o + 1, i
    if text[o] == "," and text[o + 1 : o + 2] == ",":
        s = o + 2
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Marked(o, i, s, e))


_TITLE_SMALL = W.title_small_words


def is_title(content: str) -> bool:
    """A short quotation in title case — a show, a book, a slogan ("Face the Nation,", "Keepin' It
    Real", "Istorii Neștiute"), named rather than said: every word capitalized but small words."""
    words = [w.strip(".,;:!?'’\"") for w in content.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if not 2 <= len(words) <= 6:
        return False
    caps = [w for w in words if w[0].isupper()]
    return len(caps) >= 2 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words) and not any(
        w.isupper() and len(w) > 1 for w in words[:1]
    ) and not words[0].lower() in W.subject_pronouns
