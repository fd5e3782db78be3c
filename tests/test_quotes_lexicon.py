"""Every quote data file has its header and an example, and the example runs through the engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.nlp import get_nlp
from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.quotes import extract
from cronicar.analyze.quotes.lexicon import LANG_DIR, load

FILES = sorted(LANG_DIR.glob("*/quotes_*.txt"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_quotes_lexicon_header(path: Path) -> None:
    head = path.read_text(encoding="utf-8")[:1500].lower()
    for field in ("source:", "license:", "format:", "example:"):
        assert field in head, f"{path} lacks {field}"


def _examples() -> list[tuple[str, str, str, str]]:
    out = []
    for lang in sorted({p.parent.name for p in FILES}):
        for fname, text, expected in load(lang).examples:
            out.append((lang, fname, text, expected))
    return out


@pytest.mark.parametrize("lang,fname,text,expected", _examples(), ids=lambda v: str(v)[:30])
def test_quotes_lexicon_example_runs(request, lang: str, fname: str, text: str, expected: str) -> None:
    """The example of each data file gives the stated cue / speaker / media source."""
    nlp = request.getfixturevalue("nlp_ro") if lang == "ro" else get_nlp(lang)
    norm = normalize_aligned(text).text
    quotes = extract(Context(doc=nlp(norm), text=norm, dct=None, lang=lang))
    want = dict(kv.split("=", 1) for kv in re.split(r"\s+(?=\w+=)", expected.strip()))
    assert quotes, f"{fname}: nothing found in {text!r}"
    q = quotes[-1]
    if "speaker" in want:
        assert q.speaker == want["speaker"]
    if "cue" in want:
        assert q.cue is not None and norm[q.cue[0] : q.cue[1]] == want["cue"]
    if "media" in want:
        assert q.media_source == want["media"]


def test_quotes_lexicon_unknown_language_is_empty() -> None:
    lex = load("xx")
    assert not lex.verb_forms and not lex.preps
