"""Cities (GeoNames) and demonyms (CLDR names + suffix rules) in the entity gazetteer."""

from __future__ import annotations

import pytest

from cronicar.analyze import places
from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate

DAY = DocDate.parse("2012-03-15")


def ents(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in analyze(text, DAY, lang).entities if m.label == "GPE"]


@pytest.mark.parametrize("text, lang, expected", [
    ("Il regime siriano ha bombardato Homs e i ribelli libici sono entrati a Bengasi.", "it",
     [("siriano", "Siria"), ("Homs", "Homs"), ("libici", "Libia"), ("Bengasi", "Benghazi")]),
    ("El régimen sirio bombardeó Alepo mientras los yemeníes protestaban en El Cairo.", "es",
     [("sirio", "Siria"), ("Alepo", "Aleppo"), ("yemeníes", "Yemen"), ("El Cairo", "Cairo")]),
    ("Les Égyptiens manifestent au Caire contre le régime syrien de Damas.", "fr",
     [("Égyptiens", "Égypte"), ("Caire", "Cairo"), ("syrien", "Syrie"), ("Damas", "Damascus")]),
    ("The Syrian army shelled Homs while Yemeni protesters marched in Sanaa.", "en",
     [("Syrian", "Syria"), ("Homs", "Homs"), ("Yemeni", "Yemen"), ("Sanaa", "Sanaa")]),
])
def test_demonyms_and_cities(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert ents(text, lang) == expected


def test_city_names_are_one_key_across_languages() -> None:
    keys = {analyze(t, DAY, lg).entities[0].entity_id
            for t, lg in [("Scontri a Damasco ieri.", "it"), ("Enfrentamientos en Damasco ayer.", "es"),
                          ("Affrontements à Damas hier.", "fr")]}
    assert keys == {"gpe:damascus"}


def test_words_are_not_places() -> None:
    # "perché" is not a Peruvian, "sana" (healthy) and "sale" lowercase are not cities, and a
    # city name that is also a word does not count at a sentence start.
    assert ents("Lo ha fatto perché la dieta è sana.", "it") == []
    assert ents("Le linge est sale.", "fr") == []
    assert ents("Reading the report took an hour.", "en") == []


def test_romanian_keeps_its_own_city_spelling() -> None:
    got = ents("Regimul sirian a bombardat Alepul, iar sirienii fug spre Damasc.", "ro")
    assert ("sirian", "Siria") in got and ("Damasc", "Damasc") in got


def test_demonym_rules_prefer_the_longer_stem() -> None:
    countries = (("Niger", "NE"), ("Nigeria", "NG"))
    table = places.demonym_aliases("it", countries)
    assert table["nigeriano"] == "Nigeria"
    assert table["nigerini"] == "Niger"


def test_a_city_names_its_country_for_linking() -> None:
    from cronicar.link.signals import city_country

    assert city_country("Damasco") == "cc:SY"
    assert city_country("Damasc") == "cc:SY"
    assert city_country("Benghazi") == "cc:LY"
    assert city_country("Tripoli") == "cc:LY"  # the most populous Tripoli, not Lebanon's
    assert city_country("Perugino") is None
