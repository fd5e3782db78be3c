"""Every quote data file has its header and an example, and the example runs through the engine;
every class of function words the engine uses is listed by a language, and every class a file
lists is one the engine uses."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.nlp import get_nlp
from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.quotes import extract
from cronicar.analyze.quotes import words as words_mod
from cronicar.analyze.quotes.lexicon import load
from cronicar.lang import languages

FILES = sorted(p for lang in languages().values() for p in lang.folder.glob("quotes_*.*"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_quotes_lexicon_header(path: Path) -> None:
    head = path.read_text(encoding="utf-8")[:1500].lower()
    for field in ("source:", "license:", "format:", "example:"):
        assert field in head, f"{path} lacks {field}"


def _examples() -> list[tuple[str, str, str, str]]:
    out = []
    for lang in sorted({p.parent.name for p in FILES}):
        for fname, text, expected in load(lang).examples + words_mod.examples(lang):
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


def test_quotes_words_every_class_listed() -> None:
    """A class no language lists would be an empty set: a rule that silently never fires."""
    w = words_mod.words()
    empty = [f.name for f in fields(w) if not getattr(w, f.name)]
    assert not empty, f"no language lists {empty}"


@pytest.mark.parametrize("line,error", [
    ("that\tcă", None),
    ("thats\tcă", "quotes_words.tsv:2: unknown class 'thats'"),
], ids=["known", "unknown"])
def test_quotes_words_unknown_class_named_with_file_and_line(tmp_path, monkeypatch, line: str, error: str | None) -> None:
    folder = tmp_path / "zz"
    folder.mkdir()
    (folder / "meta.toml").write_text('name = "Test"\nlingua = "ENGLISH"\nhas = ["quotes"]\n', encoding="utf-8")
    (folder / "quotes_words.tsv").write_text("# header\n" + line + "\n", encoding="utf-8")
    monkeypatch.setenv("CRONICAR_LANG_PATH", str(tmp_path))
    if error is None:
        assert "că" in words_mod.own_words("zz").that
    else:
        with pytest.raises(words_mod.WordsError, match=error):
            words_mod.own_words("zz")
