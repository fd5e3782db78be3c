"""Entity fixes from reading the entities of Ziarul Financiar articles (one test per fix)."""

from __future__ import annotations

from cronicar.analyze.entities import canonicalize


def _mentions(text: str) -> list[tuple[str, str, str]]:
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    return [(m.text, m.label, m.canonical) for m in analyze(text, DocDate.parse("2019-06-03"), "ro").entities]


def test_a_soft_hyphen_is_no_part_of_a_name() -> None:
    # ZF writes line-break hints (U+00AD) inside words: "Transil­vania" is Transilvania.
    assert canonicalize("Bucu\u00adrești", "GPE", "ro") == ("București", "GPE")
    assert canonicalize("SIF Transil\u00adva\u00adnia", "ORG", "ro") == ("SIF Transilvania", "ORG")
    assert canonicalize("via\u00adță", "GPE", "ro") is None  # a word the NER misread, no place
    found = _mentions("Acțiunile Bursei de Valori Bucu\u00adrești au crescut, iar Ministerul Fi\u00adnan\u00adțelor "
                      "a vândut titluri de stat.")
    canon = {c for _, _, c in found}
    assert "Bursa de Valori București" in canon and "Ministerul Finanțelor" in canon
    assert not any("\u00ad" in c for c in canon)


def test_an_articled_common_noun_is_no_person_and_no_part_of_a_name() -> None:
    found = _mentions("Bursa a crescut ieri.\n\nInvestitorii au realizat, marți, 142 de tranzacții. "
                      "Premierul Victor Ponta a spus că taxa va scădea.")
    persons = {(t, c) for t, lab, c in found if lab == "PERSON"}
    assert not any(t == "Investitorii" for t, _ in persons)
    assert ("Victor Ponta", "Victor Ponta") in persons
    assert not any(c.startswith("Premierul") for _, c in persons)


def test_a_surname_that_is_also_an_articled_noun_stays_a_name() -> None:
    # "Firea" reads as "fire" + article, "Ponta" as a noun: inside the NER's span they are names.
    found = _mentions("PSD solicită demisia Gabrielei Firea din funcțiile deținute în partid.")
    assert any(lab == "PERSON" and "Firea" in t for t, lab, _ in found)


def test_a_genitive_organisation_the_parser_lemmatizes_capitalized_or_not_at_all_declines() -> None:
    # The parser's lemma of "Ziarului" is "Ziar" (capitalized); of "Fondului", "Băncii", "Rezervei"
    # the word itself: the dictionary lemmatizer gives the base form.
    found = _mentions("Potrivit datelor Ziarului Financiar, acțiunile Băncii Transilvania și ale Fondului "
                      "Proprietatea au crescut după decizia Rezervei Federale.")
    canon = {t: c for t, lab, c in found if lab == "ORG"}
    assert canon["Ziarului Financiar"] == "Ziarul Financiar"
    assert canon.get("Băncii Transilvania") == "Banca Transilvania"


def test_a_name_the_ner_tags_a_place_and_an_organisation_in_one_article_is_one_organisation() -> None:
    from cronicar.analyze.entities import _one_kind
    from cronicar.model import EntityMention

    ms = [EntityMention(0, 11, "SIF Moldova", "ORG", "SIF Moldova"),
          EntityMention(40, 51, "SIF Moldova", "GPE", "SIF Moldova"),
          EntityMention(60, 69, "Albalact", "PERSON", "Albalact"),
          EntityMention(80, 88, "Albalact", "GPE", "Albalact"),
          EntityMention(90, 98, "România", "GPE", "România"),
          EntityMention(99, 106, "Cionga", "PERSON", "Cionga"),
          EntityMention(110, 116, "Cionga", "ORG", "Cionga")]
    _one_kind(ms, "", "ro")
    assert [(m.label, m.entity_id) for m in ms[:2]] == [("ORG", "org:sif-moldova")] * 2
    assert ms[3].label == "ORG" and ms[4].label == "GPE"  # a gazetteer place keeps its type
    assert ms[5].label == "PERSON"  # the NER's ORG is no reason to turn a person into a company


def test_an_acronym_in_parentheses_names_the_organisation_in_the_whole_article() -> None:
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    text = ("Banca Națională a României (BNR) a menținut dobânda. Autoritatea de Supraveghere Financiară (ASF) "
            "a aprobat prospectul. Trei zile mai târziu, ASF a respins cererea, iar BNR a tăcut. "
            "Petrom (SNP) a crescut.")
    got = {(m.text, m.canonical) for m in analyze(text, DocDate.parse("2020-01-01"), "ro").entities}
    assert ("ASF", "Autoritatea de Supraveghere Financiară") in got
    assert ("BNR", "Banca Națională a României") in got
    assert not any(c == "SNP" for _, c in got)  # a ticker is no acronym of "Petrom"


def test_business_terms_are_no_organisations_and_institutions_have_one_name() -> None:
    found = _mentions("BNR a menținut dobânda, iar ASF a aprobat listarea prin IPO. AGA a aprobat dividendele, "
                      "EBITDA a crescut, iar Banca Națională a României a anunțat noi măsuri.")
    texts = {t for t, _, _ in found}
    assert not texts & {"IPO", "AGA", "EBITDA"}
    canon = {t: c for t, _, c in found}
    assert canon["BNR"] == canon["Banca Națională a României"] == "Banca Națională a României"
    assert canon["ASF"] == "Autoritatea de Supraveghere Financiară"
