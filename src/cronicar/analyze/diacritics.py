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


#: the marks by their frequency in Romanian news (ZF sample: ă, ț, î, ș, â ...; the cedilla forms
#: of older texts next to their comma forms), so that a text with diacritics is known as such
#: after the first few counts
BY_FREQUENCY = "ățţîșşâÎȘȚĂÂŞŢ"


def lacks_diacritics(text: str) -> bool:
    """Whether a (Romanian) text was written without diacritics.  This runs on every article:
    one str.count per mark, most frequent first, stopping as soon as the text has too many marks
    to lack them (a text with diacritics passes 2% within three or four counts: 10 µs instead of
    40 µs per ZF article); the word counts run only on the rare texts with few marks."""
    if len(text) < MIN_CHARS:
        return False
    most = MIXED_MARK_SHARE * len(text)
    marks = 0
    for mark in BY_FREQUENCY:
        marks += text.count(mark)
        if marks > most:
            return False
    if marks <= MAX_MARK_SHARE * len(text):
        return True
    plain = sum(map(text.count, PLAIN_WORDS))
    if plain >= MIN_PLAIN_WORDS and plain > sum(map(text.count, MARKED_WORDS)):
        return True
    # a short body without marks whose footer ("Puteți urmări știrile Antena 1 și pe Google News")
    # holds more "și" than the body has "si": the longest paragraph, the body's, decides
    longest = max(text.split("\n"), key=len)
    return len(longest) >= MIN_CHARS and sum(map(longest.count, MARKS)) <= MAX_MARK_SHARE * len(longest)


STRIP = str.maketrans("șşțţăâîȘŞȚŢĂÂÎ", "ssttaaiSSTTAAI")


def strip(text: str) -> str:
    """``text`` without Romanian diacritics, character for character (same length)."""
    return text.translate(STRIP)
