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


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # a phrase of type "-" in the trigger file blocks its first word there (ZF reading, 2026-12-06)
        ("Safetech va detașa o persoană care va ocupa funcția de director general adjunct.", "attack", None),
        ("Trupele ruse au ocupat orașul Herson în martie.", None, "attack"),
        ("Acțiunile au scăzut după închiderea pieței de la New York.", "closure", "fall"),
        ("Uzina își anunță închiderea în martie.", None, "closure"),
        ("Un angajat care a început în 2011 a câștigat în medie 6,35%.", "award", None),
        ("Firma a câștigat licitația în martie.", None, "award"),
    ],
)
def test_a_blocked_phrase_is_no_trigger(nlp_ro, text: str, absent: str | None, present: str | None) -> None:  # type: ignore[no-untyped-def]
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    types = {e.type for e in analyze(text, DocDate.parse("2022-05-23"), "ro").events}
    assert absent is None or absent not in types, types
    assert present is None or present in types, types
