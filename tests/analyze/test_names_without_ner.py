"""Names in languages without a NER model: capitalized runs with cue words (real sentences)."""

from __future__ import annotations

import re

import pytest

from cronicar.analyze.names import LANG_DIR, cues
from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate

LANGS = ["en", "es", "fr", "it"]


def entities(text: str, lang: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.label, m.canonical) for m in analyze(text, DocDate.parse("2024-03-04"), lang).entities}


def examples() -> list[tuple[str, str, list[tuple[str, str]]]]:
    out = []
    for lang in LANGS:
        for line in (LANG_DIR / lang / "entities_names.tsv").read_text(encoding="utf-8").splitlines():
            m = re.match(r"# Example: (.*) => (.*)$", line)
            if m:
                want = [tuple(x.strip().rsplit(" ", 1)) for x in m.group(2).split(",")]
                out.append((lang, m.group(1), want))
    return out


@pytest.mark.parametrize("lang,text,want", examples(), ids=lambda x: x if isinstance(x, str) and len(x) == 2 else None)
def test_data_file_example(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    found = entities(text, lang)
    for name, label in want:
        assert found.get(name, ("?",))[0] == label, (name, found)


def test_every_language_file_has_its_example_and_cues() -> None:
    assert {e[0] for e in examples()} == set(LANGS)
    for lang in LANGS:
        c = cues(lang)
        assert c.connectors and c.titles and c.orgs and c.stop


def test_english_people_organizations_and_places() -> None:
    text = ("President Barack Obama met General Motors Corp. executives on Monday in Detroit. "
            "Obama said the company must change. Secretary of State Antony Blinken told reporters "
            "that Russia had lost. Blinken added that NATO was united. The Bank of America fell in January.")
    found = entities(text, "en")
    assert found["Barack Obama"] == ("PERSON", "Barack Obama")
    assert found["Obama"] == ("PERSON", "Barack Obama")
    assert found["Antony Blinken"][0] == "PERSON" and found["Blinken"][1] == "Antony Blinken"
    assert found["General Motors Corp"][0] == "ORG" and found["NATO"][0] == "ORG"
    assert found["Bank of America"][0] == "ORG"
    assert found["Russia"][0] == "GPE"
    # Time expressions and sentence-initial function words are not names.
    assert not {"Monday", "January", "The", "Secretary"} & set(found)


def test_sentence_initial_word_alone_is_not_a_name() -> None:
    found = entities("Markets fell sharply. Analysts expect more losses.", "en")
    assert "Markets" not in found and "Analysts" not in found


def test_french_particle_names_and_short_forms() -> None:
    found = entities("Le président Bachar al-Assad a rencontré à Damas le ministre russe Sergueï Lavrov. "
                     "Assad a remercié la Russie.", "fr")
    assert found["Bachar al-Assad"][0] == "PERSON"
    assert found["Assad"] == ("PERSON", "Bachar al-Assad")
    assert found["Sergueï Lavrov"][0] == "PERSON"


def test_romanian_keeps_its_ner() -> None:
    found = entities("Serghei Lavrov s-a întâlnit cu Choe Son Hui la Moscova.", "ro")
    assert found["Serghei Lavrov"][0] == "PERSON" and "MISC" not in {v[0] for v in found.values()}


def test_descriptions_before_the_title_are_not_part_of_the_name() -> None:
    found = entities("Russian Foreign Minister Sergei Lavrov met North Korean Foreign Minister Choe Son Hui "
                     "in Moscow on Friday. Choe said North Korea would stand by Russia.", "en")
    assert found["Sergei Lavrov"][0] == "PERSON" and found["Choe Son Hui"][0] == "PERSON"
    assert found["Choe"] == ("PERSON", "Choe Son Hui")  # a family name first, used alone
    assert found["North Korean"][1] == "North Korea"



def test_a_possessive_inside_an_organisation_name() -> None:
    """"Korean People's Army", "People's Bank of China": one name when an organisation word
    follows; "Russia's Foreign Minister Sergei Lavrov" stays a country and a person."""
    from cronicar.analyze.entities import aliases
    from cronicar.analyze.names import find
    from cronicar.analyze.nlp import get_nlp

    nlp = get_nlp("en")
    got = [x[2] for x in find(nlp("The soldiers of the Korean People's Army fought in Kursk."), "en", aliases("en"))]
    assert "Korean People's Army" in got
    got = [x[2] for x in find(nlp("Russia's Foreign Minister Sergei Lavrov spoke."), "en", aliases("en"))]
    assert "Russia's Foreign Minister Sergei Lavrov" not in got and not any("'s" in g for g in got)
