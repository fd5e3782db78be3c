"""Romanian written without diacritics: the time tagger reads it with its grammar stripped of
marks; offsets and values as for the text with them."""

from __future__ import annotations

import pytest

from cronicar.analyze import timex
from cronicar.analyze.diacritics import MARKS, lacks_diacritics, strip
from cronicar.analyze.timex import rules as rules_mod
from cronicar.model import DocDate

DCT = DocDate.parse("2024-05-08")
TEXT = ("În urmă cu doi ani, ministrul a anunțat că săptămâna trecută guvernul a aprobat bugetul pe "
        "anul viitor, iar luni va fi prezentat în Parlament, după ședința de sâmbătă.")


def test_timex_diacritics_stripped_text_is_detected() -> None:
    assert lacks_diacritics(strip(TEXT))
    assert not lacks_diacritics(TEXT)
    assert len(strip(TEXT)) == len(TEXT)


@pytest.mark.parametrize("text", [TEXT, strip(TEXT)], ids=["with", "without"])
def test_timex_diacritics_same_expressions_either_way(text: str) -> None:
    got = [(text[t.start:t.end], t.value) for t in timex.tag(text, DCT, "ro")]
    want = [(strip(s) if text != TEXT else s, v) for s, v in [
        ("În urmă cu doi ani", "2022"), ("săptămâna trecută", "2024-W18"), ("anul viitor", "2025"),
        ("luni", "2024-05-13"), ("sâmbătă", "2024-05-11")]]
    assert got == want


def test_timex_diacritics_plain_index_is_what_walking_its_rules_gives() -> None:
    """The grammar without diacritics takes its dispatch table and trigger keys from the grammar
    with them (``rules._stripped_index``: a load 3-4 times cheaper) instead of walking its own
    patterns.  Walking them must give the same tables on every key that text without marks can
    meet; the only keys that differ are the code's own "și" (``{NUM}``'s "douăzeci și cinci"),
    left marked in the walked patterns, so never met in text without marks, and stripped here."""
    g = rules_mod.plain("ro")
    assert g is not None
    lex, rules, macros = rules_mod.source("ro" + rules_mod.PLAIN)
    dispatch, always, keys = rules_mod._index(rules, macros, lex)

    def live(key: str) -> bool:
        return not any(c in MARKS for c in key)

    assert always == g.always
    assert {k: v for k, v in dispatch.items() if live(k)} == g.dispatch
    assert {k for k in keys if live(k)} <= g.trigger_keys
    assert g.trigger_keys - keys <= {strip(k) for k in keys if not live(k)}
