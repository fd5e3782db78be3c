"""One kind per name: a company the NER tags a place in one report is the company of the others."""

from __future__ import annotations

from pathlib import Path

from cronicar.flow import ingest as ingest_articles
from cronicar.model import Article, DocDate
from cronicar.store.db import Store

# From Ziarul Financiar's style of 2022: the NER reads "la Nuclearelectrica" and "precum
# Nuclearelectrica" as a place; "Acțiunile Nuclearelectrica" says it is a company.
FIRST = ("Acțiunile Nuclearelectrica au crescut cu 3% la Bursa de la București. Guvernul va cere "
         "dividende mari de la companii precum Nuclearelectrica și Romgaz.")
LATER = ("Investițiile la Nuclearelectrica vor continua în 2023, a spus ministrul Energiei, Virgil Popescu, "
         "într-o vizită la Constanța.")


def test_the_article_with_a_company_cue_makes_the_name_an_organisation(tmp_path: Path) -> None:
    from cronicar.analyze.pipeline import analyze

    kinds = {(m.text, m.label) for m in analyze(FIRST, DocDate.parse("2022-03-01"), "ro").entities}
    assert ("Nuclearelectrica", "ORG") in kinds and ("Nuclearelectrica", "GPE") not in kinds
    alone = {(m.text, m.label) for m in analyze(LATER, DocDate.parse("2022-03-02"), "ro").entities}
    assert ("Nuclearelectrica", "GPE") in alone, "precondition: alone, the later report reads a place"


def test_a_later_report_s_place_is_the_corpus_s_company(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.db")
    ingest_articles(store, [Article(text=FIRST, date=DocDate.parse("2022-03-01"), lang="ro"),
                            Article(text=LATER, date=DocDate.parse("2022-03-02"), lang="ro")])
    types = {t for (t,) in store.query("SELECT e.type FROM mentions m JOIN entities e ON e.id=m.entity_id "
                                       "WHERE m.text='Nuclearelectrica'")}
    assert types == {"ORG"}
    assert not store.query("SELECT 1 FROM entities WHERE id='gpe:nuclearelectrica'")
    assert not store.query("SELECT 1 FROM events WHERE place='Nuclearelectrica'")
    assert not store.query("SELECT 1 FROM event_mentions WHERE place='Nuclearelectrica'")
    # a place the gazetteer knows stays a place
    assert {t for (t,) in store.query("SELECT e.type FROM mentions m JOIN entities e ON e.id=m.entity_id "
                                      "WHERE m.text='Constanța'")} == {"GPE"}
