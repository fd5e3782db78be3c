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
