"""Statements typed without diacritics (issue 19, seventh session, fresh train half): 'că' written
"ca" after a speech verb, and the verb itself written without its marks ("sustine")."""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.quotes import extract

# (text, words the statement opens with, expected speaker); sentences of the train half's kind
SAID = [
    ("Pentru că a atras atenția că bunurile au fost folosite ilegal, muzeografa Elena Prisadă sustine ca a "
     "fost amenințată si se teme pentru locul ei de muncă.", "a fost amenințată si se teme", "Elena Prisadă"),
    ("Ministrul Energiei, Virgil Popescu, a declarat ca pretul gazelor va scadea in iarna.",
     "pretul gazelor va scadea", "Virgil Popescu"),
]

# "ca" meaning "as" after a verb of the lexicon stays no complementizer
AS = [
    "Ministrul a declarat ca fiind ilegală decizia guvernului.",
    "Premierul consideră ca necesară această măsură.",
    "Directorul a explicat ca un profesor cum se completează formularul.",
]


def _quotes(nlp_ro, text: str):  # type: ignore[no-untyped-def]
    norm = normalize_aligned(text).text
    return norm, extract(Context(doc=nlp_ro(norm), text=norm, dct=None, lang="ro"))


@pytest.mark.parametrize("text,words,speaker", SAID, ids=[c[2] for c in SAID])
def test_unmarked_that_after_a_speech_verb_opens_the_statement(nlp_ro, text: str, words: str, speaker: str) -> None:
    norm, quotes = _quotes(nlp_ro, text)
    q = next((q for q in quotes if norm[q.content[0] : q.content[1]].startswith(words)), None)
    assert q is not None, [norm[a:b] for a, b in (x.content for x in quotes)]
    assert q.kind == "indirect" and q.speaker is not None and speaker in q.speaker


@pytest.mark.parametrize("text", AS, ids=range(len(AS)))
def test_unmarked_ca_meaning_as_is_no_statement(nlp_ro, text: str) -> None:
    _, quotes = _quotes(nlp_ro, text)
    assert quotes == []
