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


def entity_names(text: str) -> dict[str, str]:
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    return {m.text: m.canonical for m in analyze(text, DocDate.parse("2024-11"), "ro").entities}


def test_role_nouns_and_pronouns_are_not_person_entities() -> None:
    names = entity_names("Șefa diplomației nord-coreene a salutat apropierea. Ea a vorbit apoi cu Serghei Lavrov.")
    assert "Șefa" not in names and "Ea" not in names
    assert names["Serghei Lavrov"] == "Serghei Lavrov"


def test_speaker_name_missed_by_ner_becomes_an_entity_and_short_forms_follow() -> None:
    text = ("„Relațiile noastre se ridică la un nou nivel”, i-a spus Choe Son Hui lui Lavrov. "
            "Choe a declarat că cele două țări trebuie să continue.")
    names = entity_names(text)
    assert names.get("Choe Son Hui") == "Choe Son Hui"
    assert names.get("Choe") == "Choe Son Hui"


def test_unknown_demonym_adjective_is_not_a_country_but_known_ones_are() -> None:
    names = entity_names("Secretarul de stat american Antony Blinken a vorbit despre tot ce este rusesc.")
    assert names.get("american") == "Statele Unite ale Americii"
    assert names.get("rusesc") == "Rusia"
    assert "American" not in names.values()
