"""Acronym speakers take the full name the article gives (issue 19)."""

import pytest

from cronicar.analyze.quotes.acronyms import defined_acronyms, full_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fondul Proprietatea (FP) a câștigat procesul.", {"FP": "Fondul Proprietatea"}),
        ("Astăzi Banca Centrală Europeană (BCE) a decis.", {"BCE": "Banca Centrală Europeană"}),
        ("DSU (Departamentul pentru Situații de Urgență) a transmis.", {"DSU": "Departamentul pentru Situații de Urgență"}),
        ("Prețul (RON) a crescut.", {}),  # one word: no full name
        ("Ion Popescu (PSD) a spus.", {}),  # initials do not fit
    ],
)
def test_acronyms_defined_in_text(text, expected) -> None:
    assert defined_acronyms(text) == expected


@pytest.mark.parametrize(
    ("speaker", "text", "expected"),
    [
        ("FP", "Fondul Proprietatea (FP) a câștigat. FP a anunțat că va vinde.", "Fondul Proprietatea"),
        ("FMI", "Fondul Monetar Internațional a revizuit prognoza. FMI spune că inflația scade.", "Fondul Monetar Internațional"),
        ("FMI", "FMI spune că inflația scade.", "FMI"),  # the article never writes the full name
        ("Ion Popescu", "Ion Popescu (IP) a spus.", "Ion Popescu"),  # not an acronym: unchanged
        # the article writes another full form of the gazetteer's name: that form, in the nominative
        ("BVB", "În acțiuni, în cea mai mare parte la Bursa de la București, fondurile au 25%. BET-TR, "
                "principalul indice al Bursei de la București, are minus 2,5%, potrivit BVB.", "Bursa de la București"),
        ("BVB", "BET-TR, principalul indice al Bursei de la București, are minus 2,5%, potrivit BVB.", "BVB"),
    ],
)
def test_acronyms_full_name_for_speaker(speaker, text, expected) -> None:
    assert full_name(speaker, text, "ro", defined_acronyms(text)) == expected
