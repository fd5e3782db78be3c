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


def _said_when(text: str, dct: str, lang: str) -> list[tuple[str, str]]:
    from cronicar.analyze.pipeline import analyze

    a = analyze(text, DocDate.parse(dct), lang)
    return [(text[q.cue[0]:q.cue[1]], q.when["value"]) for q in a.quotes if q.cue and q.when]


def test_a_statement_in_the_simple_present_is_of_the_article_day(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    # The fronted date belongs to the profits, not to the saying (MEANTIME gm).
    assert _said_when("For the final quarter of 2009, Ford says it made profits of $868 million.",
                      "2010-01-28", "en") == [("says", "2010-01-28")]
    assert _said_when("Lawmakers rejected the plan in October, although experts say the deal was dead.",
                      "2004-11-24", "en") == [("say", "2004-11-24")]
    # Past tense keeps the clause's date; a date right at a present cue is its own.
    assert _said_when("On Monday, Ford said it made profits.", "2010-01-28", "en") == [("said", "2010-01-25")]
    assert _said_when("Ministrul declară marți că bugetul a crescut.", "2024-11-07", "ro") == [("declară", "2024-11-05")]


def test_the_end_of_a_name_is_not_a_speech_verb() -> None:
    from cronicar.analyze.pipeline import analyze

    text = "United States airframer Boeing has announced that the program was delayed."
    cues = [text[q.cue[0]:q.cue[1]] for q in analyze(text, DocDate.parse("2008-05-24"), "en").quotes if q.cue]
    assert "States" not in cues and any("announced" in c for c in cues)
