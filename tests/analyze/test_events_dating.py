"""Event dates beyond one time expression: ranges, event anaphora, quotes, summaries (real text)."""

from __future__ import annotations

import pytest

from cronicar.analyze.events import cues
from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate


def events_of(text: str, dct: str, lang: str = "ro") -> list:
    return analyze(text, DocDate.parse(dct), lang).events


@pytest.mark.parametrize("text,dct,etype,value,interval", [
    ("Phenianul a furnizat mii de soldați Rusiei pentru a o ajuta să respingă, între sfârșitul anului "
     "2024 și primăvara anului 2025, trupele ucrainene.", "2025-10-27", "supply",
     "2024-END/2025-SP", ["2024-09-01", "2025-05-31"]),
    ("Armata a atacat orașul din martie 2023 până în iulie 2023.", "2024-01-10", "attack",
     "2023-03/2023-07", ["2023-03-01", "2023-07-31"]),
])
def test_range_of_two_dates_dates_the_event(text: str, dct: str, etype: str, value: str,
                                            interval: list[str]) -> None:
    ev = [e for e in events_of(text, dct) if e.type == etype]
    assert ev and ev[0].when == {"value": value, "interval": interval}


def test_two_dates_without_a_range_cue_are_not_a_range() -> None:
    ev = events_of("Ministrul a semnat acordul în 2023, după negocierile din martie.", "2024-05-02")
    agreement = [e for e in ev if e.type == "agreement"]
    assert agreement and "/" not in agreement[0].when["value"]


def test_event_anaphor_takes_the_date_of_the_event_it_points_to() -> None:
    text = ("Vladimir Putin s-a întâlnit cu Kim Jong Un în iunie 2024, la Phenian. "
            "În urma acestei întâlniri, cele două țări au semnat un acord de apărare reciprocă. "
            "Ministrul a semnat ieri un alt acord.")
    agreements = [e for e in events_of(text, "2025-10-27") if e.type == "agreement"]
    assert agreements[0].when["value"] == "2024-06"  # "acestei întâlniri" -> the June 2024 meeting
    assert agreements[1].when["value"] == "2025-10-26"  # its own date


def test_without_date_or_anaphor_a_past_act_is_undated_and_a_day_word_dates_it() -> None:
    ev = events_of("Cele două țări au semnat un acord de cooperare.", "2025-10-27")
    assert [e.when for e in ev if e.type == "agreement"] == [None]
    ev = events_of("Cele două țări au semnat ieri un acord de cooperare.", "2025-10-27")
    assert [e.when["value"] for e in ev if e.type == "agreement"] == ["2025-10-26"]


def test_triggers_inside_a_direct_quote_are_the_speaker_s_words_not_events() -> None:
    text = "„Vom ataca orice invadator”, a declarat Serghei Lavrov."
    types = [e.type for e in events_of(text, "2025-10-27")]
    assert "attack" not in types and "statement" in types


def test_speaker_behind_a_role_noun_is_a_participant() -> None:
    text = ("Ministrul de externe Choe Son Hui a sosit la Moscova. "
            "Șefa diplomației nord-coreene a declarat că întâlnirea cu Serghei Lavrov a fost utilă.")
    ev = [e for e in events_of(text, "2025-10-27") if e.type == "statement"]
    assert ev and "Choe Son Hui" in ev[-1].participants
    assert "Șefa" not in ev[-1].participants


def test_summary_is_one_line_cut_at_word_boundaries() -> None:
    long = ("Secretarul de stat american Antony Blinken a declarat că 8.000 dintre aceștia se află în "
            "regiunea Kursk, unde trupele ucrainene au trecut granița în Rusia în august, și că se "
            "așteaptă ca aceștia să intre în luptă\n\nîmpotriva Ucrainei în zilele următoare, "
            "potrivit unor oficiali care au vorbit sub protecția anonimatului cu presa americană.")
    for e in events_of(long, "2024-11"):
        assert "\n" not in e.summary and len(e.summary) <= 242
        body = e.summary.strip("…")
        assert body and body.split()[0] in long.split() and body.split()[-1] in long.replace(",", " ").split()


def test_cue_files_have_every_kind() -> None:
    for lang in ("ro", "en"):
        c = cues(lang)
        assert c.range_open and c.range_join and c.anaphor


def test_statement_is_dated_when_it_was_said_not_by_what_it_says() -> None:
    text = ("Choe a declarat vineri că cele două țări trebuie să continue să-și aprofundeze legăturile "
            "în temeiul unui tratat semnat de liderii lor în iunie.")
    ev = events_of(text, "2024-11-05")
    statement = [e for e in ev if e.type == "statement"]
    agreement = [e for e in ev if e.type == "agreement"]
    assert statement and statement[0].when["value"] == "2024-11-01"  # that Friday
    assert agreement and agreement[0].when["value"] == "2024-06"  # the treaty of what was said


@pytest.mark.parametrize("text,lead_day", [
    # undated for want of a time: its article's day is kept for story linking only
    ("Cele două țări au semnat un acord de cooperare.", True),
    ("Cele două țări au semnat ieri un acord de cooperare.", False),  # dated by its text
    # further down, a past act without a time was undated before too: no day for linking either
    ("Premierul a vorbit astăzi.\n\nMai târziu, premierul a fost la Paris.\n\nCele două țări au semnat un acord.",
     False),
])
def test_an_undated_lead_act_keeps_its_day_for_linking_only(text: str, lead_day: bool) -> None:
    ev = [e for e in events_of(text, "2025-10-27") if e.type == "agreement"]
    assert ev and ev[-1].lead_day is lead_day
    assert ev[-1].when is None or not lead_day
