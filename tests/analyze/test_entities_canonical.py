"""Canonical names: inflections, aliases/spellings, demonyms and metonymy map to one entity."""

from __future__ import annotations

import pytest

from cronicar.analyze.entities import canonicalize, government_of

CASES = [
    ("Rusia", "GPE", ("Rusia", "GPE")),
    ("Rusiei", "GPE", ("Rusia", "GPE")),
    ("Phenianul", "GPE", ("Phenian", "GPE")),
    ("Phenianului", "GPE", ("Phenian", "GPE")),
    ("Pyongyang", "GPE", ("Phenian", "GPE")),
    ("Pyongyangul", "PERSON", ("Phenian", "GPE")),
    ("Kremlinul", "LOC", ("Rusia", "GPE")),
    ("Coreei de Nord", "GPE", ("Coreea de Nord", "GPE")),  # the first word declines
    ("Statelor Unite", "GPE", ("Statele Unite ale Americii", "GPE")),  # CLDR has only the long name
    ("SUA", "GPE", ("Statele Unite ale Americii", "GPE")),
    ("nord-coreean", "GPE", ("Coreea de Nord", "GPE")),
    ("rușii", "GPE", ("Rusia", "GPE")),
    ("Sergei Lavrov", "PERSON", ("Serghei Lavrov", "PERSON")),
    ("Coreea de Nord", "GPE", ("Coreea de Nord", "GPE")),
    ("Danemarcii", "GPE", ("Danemarca", "GPE")),  # a genitive the lemmatizer does not know
    ("Olandei", "GPE", ("Țările de Jos", "GPE")),  # the name news use, CLDR's official one
    ("Bielorusia", "GPE", ("Belarus", "GPE")),
]


@pytest.mark.parametrize("text,label,expected", CASES)
def test_canonical_ro(text: str, label: str, expected: tuple[str, str]) -> None:
    assert canonicalize(text, label, "ro") == expected


def test_capital_keeps_place_with_government_link() -> None:
    assert canonicalize("Moscova", "GPE", "ro") == ("Moscova", "GPE")
    # From GeoNames (city, country's capital) and CLDR (country name), in the text's language.
    assert government_of("Moscova", "ro") == "Rusia"
    assert government_of("Phenian", "ro") == "Coreea de Nord"
    assert government_of("Moscou", "fr") == "Russie"
    assert government_of("Washington", "en") == "United States"
    assert government_of("Kursk", "ro") is None  # a city, not a capital


def test_a_capital_that_acts_is_its_country_in_an_event_a_locative_one_a_place() -> None:
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    text = ("Phenianul a furnizat mii de soldați Rusiei. "
            "Kim Jong Un s-a întâlnit cu Vladimir Putin la Beijing.")
    evs = {e.type: e for e in analyze(text, DocDate.parse("2025-10-27"), "ro").events}
    assert "Coreea de Nord" in evs["supply"].participants and "Phenian" not in evs["supply"].participants
    assert evs["meeting"].place == "Beijing" and "Beijing" not in evs["meeting"].participants
    assert "China" not in evs["meeting"].participants


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


def test_a_capital_acts_for_its_country_unless_it_is_where() -> None:
    names = [(m.text, m.canonical) for m in _analyze(
        "Moscova, care și-a trimis armata în Ucraina, nu a negat. Relațiile dintre Phenian și Moscova "
        "s-au consolidat. Putin se va întâlni luni la Moscova cu Choe Son Hui.", "ro").entities if m.label == "GPE"]
    assert names[0] == ("Moscova", "Rusia")  # the government acts (metonymy, like "Kremlinul")
    assert ("Phenian", "Coreea de Nord") in names
    assert names[-1] == ("Moscova", "Moscova")  # "la Moscova": the city
    en = [(m.text, m.canonical) for m in _analyze("Moscow denied it. Talks in Moscow ended.", "en").entities]
    assert en == [("Moscow", "Russia"), ("Moscow", "Moscow")]


def _analyze(text: str, lang: str):  # type: ignore[no-untyped-def]
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    return analyze(text, DocDate.parse("2024-11"), lang)


def test_regnal_numbers_nicknames_and_titles_in_person_names() -> None:
    names = entity_names("Regele Filip al IV-lea a murit în 1665. Regina Elisabeta a II-a a ținut un discurs. "
                         'Richard "Rip" Hamilton a marcat 20 de puncte. Regele Danemarcii a sosit.')
    assert names["Filip al IV-lea"] == "Filip al IV-lea"
    assert names["Elisabeta a II-a"] == "Elisabeta a II-a"  # the title "Regina" is no part of the name
    assert names['Richard "Rip" Hamilton'] == 'Richard "Rip" Hamilton'
    assert names["Danemarcii"] == "Danemarca"  # the NER's PERSON is a country


def test_a_visited_or_attacked_capital_is_the_city_a_criticised_one_the_government() -> None:
    assert entity_names("Ministrul a vizitat Londra.")["Londra"] == "Londra"
    assert entity_names("Rușii au atacat Kievul cu drone.")["Kievul"] == "Kiev"
    assert entity_names("Președintele a criticat Moscova pentru atac.")["Moscova"] == "Rusia"


def test_a_descriptor_before_an_organisation_the_article_names_bare_is_no_part_of_it() -> None:
    names = entity_names("Compania Nuclearelectrica a anunțat un profit record. Acțiunile Nuclearelectrica au "
                         "crescut.")
    assert names["Compania Nuclearelectrica"] == "Nuclearelectrica"
    names = entity_names("Grupul OMV Petrom a raportat profit. OMV Petrom are 3.000 de angajați.")
    assert names["Grupul OMV Petrom"] == "OMV Petrom"
    # a name, not a descriptor: nothing names it bare ("Ion Țiriac" is another name)
    assert entity_names("Grupul Țiriac a raportat venituri. Ion Țiriac a spus că investește.")["Grupul Țiriac"] \
        == "Grupul Țiriac"
    assert entity_names("Purtătorul de cuvânt al Organizației Națiunilor Unite a declarat.")[
        "Organizației Națiunilor Unite"] == "Organizația Națiunilor Unite"
