"""Article cleaning before analysis: furniture lines out, text kept, boilerplate-only rejected,
one text under two titles reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronicar.analyze.normalize import normalize_text
from cronicar.ingest import clean
from cronicar.ingest.clean import LANG_DIR, clean_batch, clean_text, line_kind, repeated_lines
from cronicar.flow import ingest as ingest_articles
from cronicar.model import Article, DocDate
from cronicar.store.db import Store

FILES = sorted(LANG_DIR.glob("*/clean_boilerplate.tsv"))
BODY = ("Liderii coaliţiei de guvernare au convenit sâmbătă ca Ordonanţa „trenuleţ” să fie aprobată "
        "luni în guvern, bugetul pe 2025 urmând să fie adoptat în prima săptămână din ianuarie.")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_clean_lexicon_header_and_examples(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for field in ("source:", "license:", "format:", "example:"):
        assert field in text[:1500].lower(), f"{path} lacks {field}"
    examples = [ln[len("# example:"):].rsplit("=>", 1) for ln in text.splitlines() if ln.startswith("# example:")]
    for line, kind in examples:
        assert line_kind(line.strip(), path.parent.name) == kind.strip(), line


@pytest.mark.parametrize("text,removed,kept_start", [
    # informat.ro: byline, section, photo credit above the text
    ("Gabriel Dumitrache\nPolitică\nInquam Photos / Malina Norocea\n" + BODY, 3, "Liderii"),
    # one line "name / section"
    ("Adrian Rusu / Politică\n" + BODY, 1, "Liderii"),
    # antidotul.ro: dateline with author, section and view count
    ("01/oct./2023 Mariana Marcovici Politic 256\n-->\n" + BODY, 2, "Liderii"),
    # a1.ro tail: read-also, consent, tags
    (BODY + "\nCitește și: Ciolacu, despre buget\nSunt de acord cu Politica de confidențialitate și cu "
     "Termenii și condițiile\npresedinte\nicr", 4, "Liderii"),
    # a first line that is the text, with a name in it, stays
    ("Klaus Iohannis a convocat CSAT. " + BODY, 0, "Klaus"),
])
def test_clean_text_removes_furniture_keeps_text(text: str, removed: int, kept_start: str) -> None:
    c = clean_text(text, "ro")
    assert len(c.removed) == removed, c.removed
    assert c.text.startswith(kept_start)
    assert BODY in c.text


def test_clean_repeated_line_is_furniture_of_its_site_only() -> None:
    day = DocDate.parse("2024-11-02")
    site = [Article(text=f"Ioana Licu\n{BODY} Numărul {i}.", date=day, url=f"https://informat.ro/a{i}")
            for i in range(4)]
    other = Article(text=f"Ioana Licu\n{BODY}", date=day, url="https://gds.ro/b")
    rep = repeated_lines(site + [other])
    assert "Ioana Licu" in rep["informat.ro"]
    assert "Ioana Licu" not in rep["gds.ro"]


def test_clean_batch_rejects_boilerplate_only_with_reason() -> None:
    day = DocDate.parse("2025-03-01")
    push = ("Rămâi conectat la știrile care contează, fii primul care află! Notificările sunt gratuite "
            "și le poți dezactiva oricând.")
    kept, errors, _ = clean_batch([Article(text=push, date=day, url="https://informat.ro/x", title="AUR"),
                                   Article(text=BODY, date=day, url="https://gds.ro/y")])
    assert [a.url for a in kept] == ["https://gds.ro/y"]
    assert len(errors) == 1 and "only page furniture" in str(errors[0]) and "informat.ro/x" in str(errors[0])


def test_ingest_same_text_two_titles_warned_and_counted(tmp_path: Path) -> None:
    day = DocDate.parse("2025-03-01")
    arts = [Article(text=BODY, date=day, url="https://gds.ro/a", title="Ordonanța trenuleț"),
            Article(text=BODY, date=day, url="https://gds.ro/b", title="Bugetul pe 2025")]
    with Store(tmp_path / "c.db", readonly=False) as store:
        report = ingest_articles(store, arts)
        assert len(report.added) == 1 and report.duplicates == 1
        assert "gds.ro/b" in report.warnings[0] and "gds.ro/a" in report.warnings[0]
        stored = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    assert stored == normalize_text(BODY)  # the text itself untouched (ş/ţ normalized as always)


@pytest.mark.parametrize("text,want", [
    # a Ziarul Financiar text of 2022 (Qualitance), UTF-8 read as PTCP154: repaired
    ("Qualitance anunЕЈДғ cДғ Г®ncepГўnd cu 20 ianuarie, Radu Constantinescu a preluat responsabilitДғЕЈile "
     "de Chief Executive Officer de la Mike Parsons, care deЕЈine aceastДғ poziЕЈie din 2020 Еҹi care rДғmГўne "
     "alДғturi de companie.",
     "Qualitance anunţă că începând cu 20 ianuarie, Radu Constantinescu a preluat responsabilităţile "
     "de Chief Executive Officer de la Mike Parsons, care deţine această poziţie din 2020 şi care rămâne "
     "alături de companie."),
    # real Cyrillic stays: a Russian name quoted in a Romanian report
    ("Agenția TASS (ТАСС) a citat Kremlinul: «Москва не будет» a spus Dmitri Peskov.",
     "Agenția TASS (ТАСС) a citat Kremlinul: «Москва не будет» a spus Dmitri Peskov."),
    # Romanian text with its own diacritics and no Cyrillic: untouched
    ("Bursa de la București a închis ședința în creștere.", "Bursa de la București a închis ședința în creștere."),
])
def test_clean_repair_mojibake(text: str, want: str) -> None:
    assert clean.repair_mojibake(text) == want


def test_clean_batch_repairs_mojibake_text_and_title() -> None:
    broken = Article(text="Compania romГўneascДғ de inovaЕЈie a anunЕЈat rezultatele pe 2021, cu venituri "
                     "de 10 milioane de lei.", date=DocDate.parse("2022-01-21"), title="Rezultate la BucureЕҹti")
    kept, errors, _ = clean.clean_batch([broken])
    assert not errors and kept[0].text.startswith("Compania românească de inovaţie a anunţat")
    assert kept[0].title == "Rezultate la București" and kept[0].id != broken.id  # titles are normalized (ș)
