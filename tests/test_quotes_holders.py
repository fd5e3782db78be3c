"""Speaker phrases that are not names (analyze/quotes/holders.py and the Resolver): a statement's
vehicle gives way to its author, an organisation description to the organisation the article gave
it to, a role the tagger took for a name to its holder; and the examples of every
quotes_speaker_nouns.txt run through the engine."""

from __future__ import annotations

import re

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.nlp import get_nlp
from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.quotes import extract
from cronicar.analyze.quotes.holders import speaker_nouns
from cronicar.analyze.quotes.lexicon import LANG_DIR

# (text, words of the statement's content, expected canonical speaker); the texts are written for
# the tests, not taken from any gold
CASES = [
    # a vehicle's author by "publicată de X", the name's "de Xxx" tail kept
    ("Temperaturile vor fi peste cele normale pentru această perioadă, arată prognoza publicată marţi de "
     "Administraţia Naţională de Meteorologie.",
     "Temperaturile vor fi", "Administrația Națională de Meteorologie"),
    # a vehicle with no author named stays as written (the most informative description)
    ("Populația va scădea la 132 de milioane de locuitori, arată decretul emis luni.",
     "Populația va scădea", "decretul"),
    # a vehicle whose author is a description in its genitive, back in the nominative
    ("Hotelurile trebuie să ofere clienţilor o reducere de 50%, potrivit anunțului unui reprezentant al "
     "autorităților făcut sâmbătă.",
     "Hotelurile trebuie", "un reprezentant al autorităților"),
    ("Turiștii trebuie să aibă un test negativ, potrivit unui anunț al autorităților sanitare.",
     "Turiștii trebuie", "autoritățile sanitare"),
    # a name right after the vehicle that the tagger did not read as a name
    ("PIB-ul a scăzut cu 4%, a anunțat Rosstat. Țara se află într-o recesiune, mai arată raportul Rosstat.",
     "Țara se află", "Rosstat"),
    # an organisation description given by an apposition after the name
    ("Tradeville, cea mai activă societate de brokeraj de la bursă, a închis plasamentul. Societatea de "
     "brokeraj a anunțat vineri că plasamentul a fost suprasubscris.",
     "plasamentul a fost", "Tradeville"),
    # a role naming an office: the one person the article gave a role of that office
    ("Autoritățile au spus că cei care nu-și dau datele vor fi amendați, dar șeful Institutului Național de "
     "Statistică spune că nu va exista nicio amendă. „Nimeni nu va fi amendat”, a declarat Tudorel Andrei, "
     "președintele Institutului Național de Statistică.",
     "nu va exista nicio amendă", "Tudorel Andrei"),
    # a capitalized role noun the NER tags as a person is a role, resolved to the person named before
    ("Krzysztof Sobolewski a vorbit la radio. Politicianul polonez a spus că partidul ar putea construi o "
     "alianţă.",
     "partidul ar putea", "Krzysztof Sobolewski"),
]


@pytest.mark.parametrize("text,words,speaker", CASES, ids=[c[2] or "null" for c in CASES])
def test_holders_speaker_behind_description(nlp_ro, text: str, words: str, speaker: str | None) -> None:
    norm = normalize_aligned(text).text
    quotes = extract(Context(doc=nlp_ro(norm), text=norm, dct=None, lang="ro"))
    q = next((q for q in quotes if words in norm[q.content[0] : q.content[1]]), None)
    assert q is not None, f"no statement holding {words!r}: {[norm[a:b] for a, b in (x.content for x in quotes)]}"
    assert q.speaker == speaker


FILES = sorted(LANG_DIR.glob("*/quotes_speaker_nouns.txt"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_holders_data_file_examples_run(request, path) -> None:  # type: ignore[no-untyped-def]
    """Each language's file has its header, every kind it lists is known, and its example gives the
    stated speaker."""
    lang = path.parent.name
    head = path.read_text(encoding="utf-8")[:2000].lower()
    assert all(f in head for f in ("source:", "license:", "format:", "example:"))
    nouns = speaker_nouns(lang)
    assert nouns.vehicles and nouns.examples
    nlp = request.getfixturevalue("nlp_ro") if lang == "ro" else get_nlp(lang)
    for _, text, expected in nouns.examples:
        norm = normalize_aligned(text).text
        quotes = extract(Context(doc=nlp(norm), text=norm, dct=None, lang=lang))
        want = dict(kv.split("=", 1) for kv in re.split(r"\s+(?=\w+=)", expected.strip()))
        assert quotes, f"{path}: nothing found in {text!r}"
        assert normalize_aligned(want["speaker"]).text == quotes[-1].speaker
