"""A statement is dated by a time expression in its cue's sentence (not one inside the content)."""

from __future__ import annotations

from cronicar.analyze.context import Context
from cronicar.analyze.quotes import extract
from cronicar.model import DocDate, Timex


def test_quotes_when_uses_timex_of_the_cue(nlp_ro) -> None:
    text = "Rusia va câștiga în 2026, a declarat marți Serghei Lavrov."
    s = text.index("marți")
    inside = text.index("2026")
    timexes = [
        Timex(inside, inside + 4, "2026", "DATE", "2026", interval=("2026-01-01", "2026-12-31")),
        Timex(s, s + 5, "marți", "DATE", "2024-11-05", interval=("2024-11-05", "2024-11-05")),
    ]
    ctx = Context(doc=nlp_ro(text), text=text, dct=DocDate.parse("2024-11-07"), lang="ro", timexes=timexes)
    (q,) = extract(ctx)
    assert q.speaker == "Serghei Lavrov"
    assert q.when == {"value": "2024-11-05", "interval": ["2024-11-05", "2024-11-05"]}


def test_quotes_when_falls_back_to_article_date(nlp_ro) -> None:
    text = "Rusia va câștiga, a declarat Serghei Lavrov."
    ctx = Context(doc=nlp_ro(text), text=text, dct=DocDate.parse("2024-11"), lang="ro")
    (q,) = extract(ctx)
    assert q.when == {"value": "2024-11", "interval": ["2024-11-01", "2024-11-30"]}
