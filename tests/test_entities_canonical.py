"""Canonical names: inflections, aliases/spellings, demonyms and metonymy map to one entity."""

from __future__ import annotations

import pytest

from cronicar.analyze.entities import GOVERNMENT_OF, canonicalize

CASES = [
    ("Rusia", "GPE", ("Rusia", "GPE")),
    ("Rusiei", "GPE", ("Rusia", "GPE")),
    ("Phenianul", "GPE", ("Phenian", "GPE")),
    ("Phenianului", "GPE", ("Phenian", "GPE")),
    ("Pyongyang", "GPE", ("Phenian", "GPE")),
    ("Pyongyangul", "PERSON", ("Phenian", "GPE")),
    ("Kremlinul", "LOC", ("Rusia", "GPE")),
    ("nord-coreean", "GPE", ("Coreea de Nord", "GPE")),
    ("rușii", "GPE", ("Rusia", "GPE")),
    ("Sergei Lavrov", "PERSON", ("Serghei Lavrov", "PERSON")),
    ("Coreea de Nord", "GPE", ("Coreea de Nord", "GPE")),
]


@pytest.mark.parametrize("text,label,expected", CASES)
def test_canonical_ro(text: str, label: str, expected: tuple[str, str]) -> None:
    assert canonicalize(text, label, "ro") == expected


def test_capital_keeps_place_with_government_link() -> None:
    assert canonicalize("Moscova", "GPE", "ro") == ("Moscova", "GPE")
    assert GOVERNMENT_OF["Moscova"] == "Rusia"


def test_english_gazetteer() -> None:
    assert canonicalize("Kremlin", "GPE", "en") == ("Russia", "GPE")
