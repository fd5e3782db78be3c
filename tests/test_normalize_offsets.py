"""Normalization: comma-below diacritics and NFC, with offsets that still index the input."""

import pytest

from cronicar.analyze.normalize import fold_diacritics, normalize_aligned, normalize_text


def test_normalize_cedilla_to_comma_keeps_length():
    raw = "Şefa diplomaţiei nord-coreene, ţara şi Ţările"
    out = fold_diacritics(raw)
    assert out == "Șefa diplomației nord-coreene, țara și Țările"
    assert len(out) == len(raw)


@pytest.mark.parametrize(
    ("raw", "needle", "expected_original"),
    [
        ("Pres\u0327edintele s\u0326i ţara", "țara", "ţara"),
        ("Ca\u0306pitanul s\u0326i Putin", "Putin", "Putin"),
        ("s\u0326i Mosco\u0306va", "Moscŏva", "Mosco\u0306va"),
    ],
)
def test_normalize_nfc_offsets_map_back_to_original(raw, needle, expected_original):
    aligned = normalize_aligned(raw)
    assert "\u0326" not in aligned.text and "\u0327" not in aligned.text
    s = aligned.text.index(needle)
    o_s, o_e = aligned.to_original(s, s + len(needle))
    assert raw[o_s:o_e] == expected_original


def test_normalize_text_is_idempotent():
    raw = "Preşedintele s\u0326i ţara"
    assert normalize_text(normalize_text(raw)) == normalize_text(raw)
