"""Inflected Romanian organisation names become one entity in the nominative (the parser's lemma
and morphology plus lang/ro/entities_nominative.tsv)."""

from __future__ import annotations

import pytest

from cronicar.analyze import inflection
from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate

DCT = DocDate.parse("2025-10-27")


@pytest.mark.parametrize("text,expected", inflection.examples("ro"))
def test_nominative_examples_of_the_data_file(text: str, expected: str) -> None:
    names = [m.canonical for m in analyze(text, DCT, "ro").entities]
    assert expected in names, names


def test_declined_and_nominative_mentions_are_one_entity() -> None:
    text = ("Banca Națională a României a redus dobânda. Decizia a fost anunțată de guvernatorul "
            "Băncii Naționale a României. Ministerul Apărării Naționale a transmis un comunicat. "
            "Reprezentanții Ministerului Apărării Naționale au confirmat.")
    a = analyze(text, DCT, "ro")
    orgs = {m.text: m.entity_id for m in a.entities if m.label == "ORG"}
    assert orgs["Banca Națională a României"] == orgs["Băncii Naționale a României"]
    assert orgs["Ministerul Apărării Naționale"] == orgs["Ministerului Apărării Naționale"]


def test_only_the_head_and_its_adjectives_change() -> None:
    # "Naționale" agrees with "Apărării", the genitive complement: it stays as written.
    a = analyze("Purtătorul de cuvânt al Ministerului Apărării Naționale a declarat.", DCT, "ro")
    assert "Ministerul Apărării Naționale" in [m.canonical for m in a.entities]


@pytest.mark.parametrize("written,gender,expected", [
    ("forțelor", "Fem", "forțele"), ("drepturilor", "Masc", "drepturile"), ("statelor", "Masc", "statele"),
    ("operațiunilor", "Fem", "operațiunile"), ("studenților", "Masc", "studenții")])
def test_plural_heads(written: str, gender: str, expected: str) -> None:
    assert inflection._apply(written, "plural", gender, "Plur", inflection.rules("ro")) == expected


def test_languages_without_rules_keep_names() -> None:
    assert inflection.rules("en") == ()


@pytest.mark.parametrize("text,declined,full", [
    ("Marine Le Pen a vorbit ieri la Paris. Susținătorii Marinei Le Pen au protestat.", "Marinei Le Pen",
     "Marine Le Pen"),
    ("Angela Merkel a sosit la Berlin. Discursul Angelei Merkel a fost scurt.", "Angelei Merkel", "Angela Merkel"),
])
def test_declined_first_name_is_the_full_name(text: str, declined: str, full: str) -> None:
    a = analyze(text, DCT, "ro")
    got = {m.text: (m.label, m.canonical) for m in a.entities}
    assert got.get(declined) == ("PERSON", full), got
    m = next(m for m in a.entities if m.text == declined)
    assert text[m.start:m.end] == declined
