"""Romanian written without diacritics: the time tagger reads it with its grammar stripped of
marks; offsets and values as for the text with them."""

from __future__ import annotations

import pytest

from cronicar.analyze import timex
from cronicar.analyze.diacritics import lacks_diacritics, strip
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
