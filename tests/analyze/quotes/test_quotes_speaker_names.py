"""Cited-source phrases and diacritic spellings of speaker names (issue 19)."""

from dataclasses import dataclass

import pytest

from cronicar.analyze.quotes.lexicon import load
from cronicar.analyze.quotes.speaker_names import diacritic_spellings, resolve_cited, with_diacritics


@dataclass
class _R:
    speaker: str | None
    anchor: int


@pytest.mark.parametrize(
    ("speakers", "expected"),
    [
        (["Rosstat", "sursa citată"], ["Rosstat", "Rosstat"]),
        (["Bloomberg", None, "sursei citate", "Ion Popescu"], ["Bloomberg", None, "Bloomberg", "Ion Popescu"]),
        (["sursa citată", "Rosstat"], ["sursa citată", "Rosstat"]),  # nothing cited before: kept
    ],
)
def test_speaker_names_cited_source_is_the_last_named(speakers, expected) -> None:
    recs = [_R(s, i) for i, s in enumerate(speakers)]
    resolve_cited(recs, load("ro").cited)
    assert [r.speaker for r in recs] == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Marius Budai", "Ministrul Marius Budăi a spus. Marius Budai a mai spus.", "Marius Budăi"),
        ("Ion Popescu", "Ion Popescu a spus.", "Ion Popescu"),
        ("Tudorel Andrei", "Tudorel Andrei, șeful INS, a spus.", "Tudorel Andrei"),
    ],
)
def test_speaker_names_spelling_with_diacritics(name, text, expected) -> None:
    assert with_diacritics(name, diacritic_spellings(text)) == expected
