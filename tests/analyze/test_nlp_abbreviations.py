"""A known abbreviation's full stop before a lowercase word or a figure ends no sentence
(``lang/<code>/sentence_abbreviations.txt``, applied before the parser by ``analyze/nlp.py``)."""

from __future__ import annotations

import pytest

from cronicar.analyze.nlp import get_nlp
from cronicar.lang import folder


def _examples(lang: str) -> list[tuple[str, int]]:
    text = (folder(lang) / "sentence_abbreviations.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.startswith("# example:"):
            sentence, _, count = line.removeprefix("# example:").rpartition("=>")
            out.append((sentence.strip(), int(count)))
    return out


def test_nlp_abbreviations_file_has_its_header_and_examples() -> None:
    text = (folder("ro") / "sentence_abbreviations.txt").read_text(encoding="utf-8")
    for field in ("# source:", "# license:", "# format:", "# example:"):
        assert field in text
    assert len(_examples("ro")) >= 2


@pytest.mark.parametrize("text, sentences", _examples("ro"))
def test_nlp_abbreviations_file_examples(text: str, sentences: int) -> None:
    assert len(list(get_nlp("ro")(text).sents)) == sentences


@pytest.mark.parametrize("text, first", [
    # a real ZF sentence the parser cut in four at "mld." and "mil." (its headline read "Lei, în urma unei tranzacții")
    ("Fondul, care avea active de 2,1 mld. euro (peste 474 mil. euro) la finalul lui 2014, și-a crescut investițiile "
     "pe bursa de la București cu 474 mil. lei, în urma unei tranzacții prin care omul de afaceri Florin Pogonaru a "
     "vândut acțiuni.", None),
    ("Au venit 5 mii de oameni, aprox. 20% dintre ei. Restul au plecat.", "Au venit 5 mii de oameni, aprox. 20% dintre ei."),
    # a capitalised word after the stop still opens a sentence
    ("Vânzările au fost de 3 mil. Anul trecut au fost mai mici.", "Vânzările au fost de 3 mil."),
])
def test_nlp_abbreviations_keep_the_sentence_whole(text: str, first: str | None) -> None:
    sents = [s.text for s in get_nlp("ro")(text).sents]
    assert sents[0] == (first or text)
