"""Romanian economic triggers (real parse): the types English has, matched on lemmas, with
simplemma behind the parser's lemmatizer when it misses a form ("vândut")."""

from __future__ import annotations

import pytest

from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate


@pytest.mark.parametrize("text,expected", [
    ("Compania a cumpărat trei fabrici și a vândut o rafinărie.",
     [("cumpărat", "purchase"), ("vândut", "sale")]),
    ("Grupul a anunțat concedierea a 500 de angajați.", [("anunțat", "statement"), ("concedierea", "cut")]),
    ("Firma a intrat în insolvență după ce fabrica s-a închis.",
     [("insolvență", "bankruptcy"), ("închis", "closure")]),
    ("Vânzările au crescut cu 5%, iar profitul a scăzut.",
     [("Vânzările", "sale"), ("crescut", "rise"), ("profitul", "results"), ("scăzut", "fall")]),
])
def test_romanian_economic_triggers(nlp_ro, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    events = analyze(text, DocDate.parse("2025-03-05"), "ro").events
    assert [(text[e.trigger[0]:e.trigger[1]], e.type) for e in events] == expected


def test_romanian_resignation_takes_its_weekday(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    text = "Directorul general a demisionat marți."
    events = analyze(text, DocDate.parse("2025-03-05"), "ro").events  # a Wednesday
    assert [(e.type, e.when["value"]) for e in events] == [("resignation", "2025-03-04")]


@pytest.mark.parametrize("text,expected", [
    ("Trupele ucrainene au trecut granița în Rusia.", [("trecut granița", "incursion")]),
    ("Au trecut trei luni de la ultima vizită.", [("vizită", "visit")]),  # "passed", not crossed
    ("Anul trecut, prețurile au crescut.", [("crescut", "rise")]),
])
def test_crossing_a_border_is_an_incursion_passing_time_is_not(nlp_ro, text: str,  # type: ignore[no-untyped-def]
                                                              expected: list[tuple[str, str]]) -> None:
    events = analyze(text, DocDate.parse("2025-03-05"), "ro").events
    assert [(text[e.trigger[0]:e.trigger[1]], e.type) for e in events] == expected
