"""On the two seed articles every statement of Choe Son Hui, Lavrov, Blinken and Putin is theirs.

The seeds hide the speaker behind "Șefa diplomației nord-coreene", "Ea", "ministrul Coreei de
Nord", a surname, a post-verbal subject and a pro-drop verb; the canonical name is the fullest
form in the article.
"""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.quotes import extract
from cronicar.model import Quote


@pytest.fixture(scope="module")
def seed_quotes(examples, nlp_ro):
    """(text, quotes) per seed, in date order; built from the seed files and the RO pipeline."""
    from cronicar.analyze.normalize import normalize_aligned
    from cronicar.ingest import read_paths

    out = []
    articles = [a for a in read_paths([examples]) if not isinstance(a, Exception)]
    articles.sort(key=lambda a: a.date)
    for a in articles:
        text = normalize_aligned(a.text).text
        ctx = Context(doc=nlp_ro(text), text=text, dct=a.date, lang="ro")
        out.append((text, extract(ctx)))
    return out


def _find(text: str, quotes: list[Quote], snippet: str) -> Quote:
    hits = [q for q in quotes if snippet in text[q.content[0] : q.content[1]]]
    assert hits, f"no quote contains {snippet!r}"
    return hits[0]


# (seed index in date order, a piece of the content, speaker)
CASES = [
    (0, "Coreea de Nord va sprijini Rusia", "Choe Son Hui"),
    (0, "Relațiile noastre tradiționale", "Choe Son Hui"),
    (0, "Pyongyangul nu are nicio îndoială", "Choe Son Hui"),
    (0, "Și vă asigurăm", "Choe Son Hui"),
    (0, "acest lucru le-a permis", "Serghei Lavrov"),
    (0, "legăturile foarte strânse", "Serghei Lavrov"),
    (0, "Suntem profund recunoscători", "Serghei Lavrov"),
    (0, "cele două țări trebuie să continue", "Choe Son Hui"),
    (0, "este de competența Rusiei", "Vladimir Putin"),
    (0, "8.000 dintre aceștia", "Antony Blinken"),
    (1, "apropierea spirituală", "Choe Son Hui"),
    (1, "poziția consecventă", "Choe Son Hui"),
    (1, "relațiile dintre cele două țări au beneficiat", "Serghei Lavrov"),
    (1, "Rușii nu vor uita niciodată", "Serghei Lavrov"),
    (1, "vor consolida", "Serghei Lavrov"),
]


@pytest.mark.parametrize("seed,snippet,speaker", CASES)
def test_quotes_seeds_speaker(seed_quotes, seed: int, snippet: str, speaker: str) -> None:
    text, quotes = seed_quotes[seed]
    assert _find(text, quotes, snippet).speaker == speaker


def test_quotes_seeds_nobody_else_speaks_for_them(seed_quotes) -> None:
    """No statement of the four is given to someone else: every quote has a known speaker."""
    for text, quotes in seed_quotes:
        for q in quotes:
            assert q.speaker, text[q.content[0] : q.content[1]]


def test_quotes_seeds_addressee_and_media(seed_quotes) -> None:
    text0, q0 = seed_quotes[0]
    assert _find(text0, q0, "Relațiile noastre tradiționale").addressee == "Serghei Lavrov"
    text1, q1 = seed_quotes[1]
    kremlin = _find(text1, q1, "se va întâlni luni")
    assert (kremlin.speaker, kremlin.media_source) == ("Kremlinul", "Reuters")


def test_quotes_seeds_when(seed_quotes) -> None:
    """Without a time expression in the clause, a statement is dated by the article (month-only kept)."""
    text0, q0 = seed_quotes[0]
    when = _find(text0, q0, "Suntem profund recunoscători").when
    assert when == {"value": "2024-11", "interval": ["2024-11-01", "2024-11-30"]}
