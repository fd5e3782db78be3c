"""What the Romanian gazetteer adds to the NER, and where it must stay out (sentences of the RONEC
v2 valid split and news-like sentences)."""

from __future__ import annotations

from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate

DAY = DocDate.parse("2020-01-01")


def ents(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.label, m.canonical) for m in analyze(text, DAY, "ro").entities]


def test_the_european_union_is_an_organisation() -> None:
    # CLDR lists the EU among its territories; nobody lives in it: RONEC and the NER say ORG.
    a = ents("Uniunea Europeană a alocat pentru țara noastră fonduri nerambursabile.")
    b = ents("Hans Blix prezintă Uniunii Europene un raport privind stadiul inspecțiilor.")
    assert ("Uniunea Europeană", "ORG", "Uniunea Europeană") in a
    assert ("Uniunii Europene", "ORG", "Uniunea Europeană") in b
    c = ents("Mandatul Misiunii de Asistență a Națiunilor Unite în Irak a expirat.")
    assert not [x for x in c if x[0] == "Națiunilor Unite" and x[1] == "GPE"]
    assert ("Irak", "GPE", "Irak") in c


def gpes(text: str) -> list[tuple[str, str]]:
    return [(t, c) for t, lab, c in ents(text) if lab == "GPE"]


def test_a_country_name_matches_only_capitalized() -> None:
    # "șerbia" (serfdom) is a word; only "Serbia" is the country.
    assert gpes("Domnitorul, ales la București și la Iași, a desființat șerbia (iobăgia) în ambele "
                "principate.") == [("București", "București"), ("Iași", "Iași")]
    assert ("Serbia", "Serbia") in gpes("Guvernul a semnat ieri acordul cu Serbia.")


def test_a_language_is_not_its_country() -> None:
    got = gpes("Populația orașului Iahotîn era vorbitoare de ucraineană, existând în minoritate și "
               "vorbitori de rusă.")
    assert not {"ucraineană", "rusă"} & {t for t, _ in got}
    assert not gpes("Cuvântul cartier provine din italiană, unde un oraș era împărțit în șase.")
    assert not gpes("Cunoaște mai multe limbi (albaneză, engleză, franceză, germană, italiană, rusă).")
    assert not gpes("Filmul a fost tradus în limba rusă.")
    # An adjective of another noun is the country.
    assert ("rusă", "Rusia") in gpes("Armata rusă a testat cu succes o rachetă mobilă.")
    assert ("chineză", "China") in gpes("O companie rusă și una chineză au semnat contractul.")


def test_a_place_inside_a_longer_name_the_ner_passed_over() -> None:
    assert not gpes("În Cupa României la volei feminin s-au calificat patru echipe.")
    assert not gpes("Sala audio-video „George Enescu” este închisă temporar.")
    assert not gpes("A fost al treilea titlu consecutiv după finala Cupei Kremlinului.")
    assert not gpes("A cântat în concertul organizat în aer liber în Lincoln Memorial.")
    # A role noun before the country does not make a longer name; nor does a sentence start.
    assert ("Rusiei", "Rusia") in gpes("La conferință a vorbit Președintele Rusiei despre pace.")
    assert ("România", "România") in gpes("Deși România a cerut amânarea, votul a avut loc.")


def test_a_city_name_inside_a_person_is_the_persons() -> None:
    got = ents("Fratele Prințului de Wales, Ducele de York, a descris planul ca neconstituțional.")
    assert not [x for x in got if x[1] == "GPE"]


def test_a_city_the_ner_calls_a_location_is_a_gpe() -> None:
    got = gpes("Premierul va participa, la sfârșitul săptămânii, la Brisbane, în Australia, la Summitul G20.")
    assert ("Brisbane", "Brisbane") in got and ("Australia", "Australia") in got


def orgs(text: str) -> list[tuple[str, str]]:
    return [(t, c) for t, lab, c in ents(text) if lab == "ORG"]


def test_an_organisation_the_ner_opens_with_a_lowercase_word() -> None:
    # A lowercase noun and a name: the institution, capitalized.
    assert ("guvernul Angolei", "Guvernul Angolei") in orgs(
        "După organizarea Cupei Africii la fotbal din 2010, guvernul Angolei a decis să investească.")
    # A quoted name after its noun is the name.
    assert ('"Aurora”', "Aurora") in orgs('El a fost fost ministru, directorul ziarului "Aurora”; apoi senator.')
    # A lowercase noun alone is no name.
    assert not orgs("Legea a fost amânată, după cum dorea și guvernul.")


def test_an_organisation_noun_names_an_organisation() -> None:
    assert ("Meggle", "Meggle") in orgs(
        "Compania germană Meggle intenționează să achiziționeze Fabrica de produse lactate Oravița.")
    assert ("Microsoft", "Microsoft") in orgs(
        "Pe locurile următoare se situează gigantul Microsoft (software), care valorează 59 de miliarde.")
    got = orgs("Colecția continuă seria din anii precedenți, cu brandurile Moschino, Versace, Cavalli și Etro.")
    assert {"Moschino", "Versace", "Cavalli", "Etro"} <= {t for t, _ in got}
    # A genitive is no name of the noun; a country stays a country.
    assert not orgs("Trupele lui Putin au atacat orașul.")
    assert not [o for o in orgs("Compania României a câștigat licitația.") if o[0] == "României"]
