"""English path (blank tokenizer, no parse): quote marks plus "X said" / "said X" patterns."""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.nlp import get_nlp
from cronicar.analyze.quotes import extract
from cronicar.model import DocDate

CASES = [
    ('"We will build the wall," Donald Trump said on Tuesday.', "direct", "We will build the wall,", "Donald Trump"),
    ('"It is over," said Hillary Clinton.', "direct", "It is over,", "Hillary Clinton"),
    ('Hillary Clinton spoke in Ohio. "We are stronger together," she said.', "direct", "We are stronger together,",
     "Hillary Clinton"),
    ("Mike Pence said that the debate went well.", "indirect", "the debate went well", "Mike Pence"),
    ("According to Tim Kaine, the plan will create jobs.", "indirect", "the plan will create jobs", "Tim Kaine"),
    ('Senator Bernie Sanders said: "This is a rigged economy."', "direct", "This is a rigged economy.", "Bernie Sanders"),
]


@pytest.mark.parametrize("text,kind,content,speaker", CASES)
def test_quotes_english_patterns(text: str, kind: str, content: str, speaker: str) -> None:
    doc = get_nlp("en")(text)
    quotes = extract(Context(doc=doc, text=text, dct=DocDate.parse("2016-10-01"), lang="en"))
    hits = [q for q in quotes if text[q.content[0] : q.content[1]] == content]
    assert hits, [text[q.content[0] : q.content[1]] for q in quotes]
    assert hits[0].kind == kind
    assert hits[0].speaker == speaker
    assert hits[0].when == {"value": "2016-10-01", "interval": ["2016-10-01", "2016-10-01"]}


def test_quotes_english_scare_quotes_are_not_statements() -> None:
    text = 'The so-called "deal" was signed on Monday by the two companies.'
    doc = get_nlp("en")(text)
    assert extract(Context(doc=doc, text=text, dct=None, lang="en")) == []
