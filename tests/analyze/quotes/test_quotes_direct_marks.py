"""Quotation-mark spans in every style, nested, over paragraphs, and stray marks."""

from __future__ import annotations

import pytest

from cronicar.analyze.quotes.direct import find_marked

CASES = [
    ("El a spus: „Vom câștiga.”", ["Vom câștiga."]),
    ('Ea a salutat "apropierea spirituală" dintre țări.', ["apropierea spirituală"]),
    ("Vâlcov a precizat: ”Nu avem bani”, a spus.", ["Nu avem bani"]),
    ("„Am spus «nu» de trei ori”, a declarat el.", ["Am spus «nu» de trei ori"]),
    ("„Prima frază.\n\nA doua frază.”, a mai declarat Marcel Ciolacu.", ["Prima frază.\n\nA doua frază."]),
    ("„A”, a spus X, „B”.", ["A", "B"]),
    ("Ministrul a vorbit de ,,reforme\" ieri.", ["reforme"]),
    ("Presa scrie «Moscova tace» azi.", ["Moscova tace"]),
    ("“We will win,” he said.", ["We will win,"]),
    # a stray English opener does not swallow the next paragraph
    ('"Kevin was snoring.\n\n“Here he is,” she said.', ["Here he is,"]),
    # a Romanian opener never closed before the text ends is stray: the quotes after it still count
    ("El a declarat că „iraționalitatea depășește orice limită.\n\nAlt paragraf.\n\n„Zelenski trebuie să "
     "înțeleagă”, a subliniat Peskov.", ["Zelenski trebuie să înțeleagă"]),
    # a straight mark opening the text or a paragraph opens even with a space after it
    ('" Legea nu mai este unitară", a afirmat premierul.', ["Legea nu mai este unitară"]),
    ('Titlu\n\n" Măsura se aplică tuturor", a spus el.', ["Măsura se aplică tuturor"]),
    # a typographic “ the next paragraph does not re-open runs on to its close
    ("“Doamna senator\n\nare datorii ca oricare altul”, a afirmat șeful ANAF.",
     ["Doamna senator\n\nare datorii ca oricare altul"]),
    # a closing mark with no opener before a postposed cue: the opener was lost, the quote runs
    # from the paragraph's first word ...
    ("Titlu\n\nTransfăgărășanul este supraaglomerat”, au transmis polițiștii.", ["Transfăgărășanul este supraaglomerat"]),
    # ... or from a straight opener left unclosed at an earlier paragraph break
    ('Video\n\n"Fac acest filmuleț pentru familie.\n\nNu vă mai îngrijorați, sunt bine", a spus solistul.',
     ["Fac acest filmuleț pentru familie.\n\nNu vă mai îngrijorați, sunt bine"]),
    # but not after one or two words, nor without the comma of a postposed cue
    ("Ei bine”, a spus el.", []),
    ("Guvernul a decis asta” ieri.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quotes_direct_marks(text: str, expected: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_marked(text)] == expected


def test_quotes_direct_marks_offsets_are_marks() -> None:
    text = "X: „Da”."
    (m,) = find_marked(text)
    assert text[m.open] == "„" and text[m.close] == "”"
