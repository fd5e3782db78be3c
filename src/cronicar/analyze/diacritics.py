"""Text written without Romanian diacritics ("In urma cu doi ani", "saptamana trecuta").

Why not restore the marks: no restorer that works offline is installed here (a maintained PyPI
package needs a downloaded model), and a wrong restoration of a content word would change what the
reader sees.  So the text stays as written, and the rules accept it: the time-expression tagger
reads such a text with its grammar stripped of marks (``timex.rules.plain``: the same lexicon and
rules, ș→s, ț→t, ă/â→a, î→i, one character for one, so offsets do not move).

A text counts as written without diacritics when it is long enough and almost none of its
characters carry a mark (:data:`MAX_MARK_SHARE`; Romanian with diacritics has ~3% of them).
"""

from __future__ import annotations

MARKS = "șțăâîȘȚĂÂÎşţŞŢ"
MIN_CHARS = 100
MAX_MARK_SHARE = 0.0025  # of all characters (about 0.003 of the letters)


def lacks_diacritics(text: str) -> bool:
    """Whether a (Romanian) text was written without diacritics (str.count per mark: this runs on
    every article)."""
    if len(text) < MIN_CHARS:
        return False
    return sum(map(text.count, MARKS)) <= MAX_MARK_SHARE * len(text)


STRIP = str.maketrans("șşțţăâîȘŞȚŢĂÂÎ", "ssttaaiSSTTAAI")


def strip(text: str) -> str:
    """``text`` without Romanian diacritics, character for character (same length)."""
    return text.translate(STRIP)
