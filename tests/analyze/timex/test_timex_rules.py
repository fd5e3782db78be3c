"""Every temporal rule of every language carries an example sentence and an expected value: run them.

A rule whose example no longer gives its value (another rule now wins, a table changed) fails
here by name, so rules stay data that documents itself.
"""

from __future__ import annotations

import re

import pytest

from cronicar.analyze.timex import rules as rules_mod
from cronicar.analyze.timex import tag
from cronicar.model import DocDate

CASES = [
    pytest.param(lang, rule, id=f"{lang}:{rule.name}")
    for lang in rules_mod.languages()
    for rule in rules_mod.load(lang).rules
]


def test_every_language_has_rules() -> None:
    assert {"ro", "en", "es"} <= set(rules_mod.languages())


@pytest.mark.parametrize(("lang", "rule"), CASES)
def test_rule_example(lang: str, rule: rules_mod.Rule) -> None:
    assert rule.example and rule.example_dct, f"{lang}/{rule.name} has no example"
    found = tag(rule.example, DocDate.parse(rule.example_dct), lang)
    if rule.handler == "skip":
        # a blocker: nothing may be tagged inside the expression it blocks
        m = rules_mod.load(lang).regex.search(rule.example)
        assert m is not None and m.lastgroup is not None
        assert not any(t.start < m.end() and t.end > m.start() for t in found), found
        return
    fired = [t for t in found if t.rule == rule.name]
    assert fired, f"{lang}/{rule.name} did not fire on {rule.example!r}: {found}"
    assert rule.expected in {t.value for t in fired}, f"{lang}/{rule.name}: {fired}"


@pytest.mark.parametrize("lang", rules_mod.languages())
def test_every_rule_has_known_first_characters(lang: str) -> None:
    """A rule whose first characters cannot be read off its pattern (a leading class such as
    ``[A-Z][\\w-]+``) is tried at every word start and turns the trigger into "any word": the
    Romanian tagger ran at half speed (1,700 instead of 3,000 ZF articles/s) with one such rule.
    Start such rules at their literal part, with a lookbehind for what precedes it."""
    g = rules_mod.load(lang)
    assert [g.rules[i].name for i in g.always] == []


@pytest.mark.parametrize("lang", rules_mod.languages())
def test_rule_names_unique(lang: str) -> None:
    names = [r.name for r in rules_mod.load(lang).rules]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("lang", rules_mod.languages())
def test_data_files_have_headers(lang: str) -> None:
    folder = rules_mod.LANG_DIR / lang
    assert (folder / "timex_rules.tsv").read_text(encoding="utf-8").startswith("#")
    lex = (folder / "timex_lexicon.json").read_text(encoding="utf-8")
    assert re.search(r'"_meta".*"license"', lex)


@pytest.mark.parametrize("lang", rules_mod.languages())
def test_tense_markers_are_lowercase(lang: str) -> None:
    """The tense-marker regexes run on lowercased text without IGNORECASE (tense.tense_at_text),
    so a capital letter in one would never match."""
    lex = rules_mod.load(lang).lex
    for key in ("future_markers", "past_markers"):
        pattern = lex.get(key, {}).get("regex", "")
        assert pattern, f"{lang}: no {key}"
        literal = re.sub(r"\\.", "", pattern)  # escapes such as \w, \s are not letters
        assert literal == literal.lower(), f"{lang}/{key} has capitals"


@pytest.mark.parametrize(
    ("lang", "text", "dct", "value"),
    [
        ("ro", "GUVERNUL VA DECIDE VINERI.", "2025-10-29", "2025-10-31"),  # capitals: still future
        ("en", "The Board WILL MEET on Friday.", "1998-02-04", "1998-02-06"),
        ("es", "El Consejo SE REUNIRÁ el viernes.", "2000-09-14", "2000-09-15"),
    ],
)
def test_tense_markers_match_capitalised_text(lang: str, text: str, dct: str, value: str) -> None:
    assert value in {t.value for t in tag(text, DocDate.parse(dct), lang)}
