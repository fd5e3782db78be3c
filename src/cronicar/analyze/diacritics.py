"""Text written without Romanian diacritics ("In urma cu doi ani", "saptamana trecuta").

Why not restore the marks: no restorer that works offline is installed here (a maintained PyPI
package needs a downloaded model), and a wrong restoration of a content word would change what the
reader sees.  So the text stays as written, and the rules accept it: the time-expression tagger
reads such a text with its grammar stripped of marks (``timex.rules.plain``: the same lexicon and
rules, ș→s, ț→t, ă/â→a, î→i, one character for one, so offsets do not move).

A text counts as written without diacritics when it is long enough and almost none of its
characters carry a mark (:data:`MAX_MARK_SHARE`; Romanian with diacritics has ~3% of them), or
when few do (under :data:`MIXED_MARK_SHARE`) and the commonest words that need a mark are mostly
written without it (" si ", " in " against " și ", " în "): a body written without diacritics
under a site's menu or footer written with them ("Înapoi la Homepage", "Puteți urmări știrile"),
as on antena1.ro, whose footer alone put such articles over the first threshold.
"""

from __future__ import annotations

MARKS = "șțăâîȘȚĂÂÎşţŞŢ"
MIN_CHARS = 100
MAX_MARK_SHARE = 0.0025  # of all characters (about 0.003 of the letters)
MIXED_MARK_SHARE = 0.02  # below it, the common words decide (two thirds of the share with diacritics)
PLAIN_WORDS = (" si ", " in ")  # "și", "în" written without their marks
MARKED_WORDS = (" și ", " şi ", " în ")
MIN_PLAIN_WORDS = 3


def lacks_diacritics(text: str) -> bool:
    """Whether a (Romanian) text was written without diacritics (str.count per mark: this runs on
    every article; the word counts run only on the rare texts with few marks)."""
    if len(text) < MIN_CHARS:
        return False
    marks = sum(map(text.count, MARKS))
    if marks <= MAX_MARK_SHARE * len(text):
        return True
    if marks > MIXED_MARK_SHARE * len(text):
        return False
    plain = sum(map(text.count, PLAIN_WORDS))
    return plain >= MIN_PLAIN_WORDS and plain > sum(map(text.count, MARKED_WORDS))


STRIP = str.maketrans("șşțţăâîȘŞȚŢĂÂÎ", "ssttaaiSSTTAAI")


def strip(text: str) -> str:
    """``text`` without Romanian diacritics, character for character (same length)."""
    return text.translate(STRIP)
