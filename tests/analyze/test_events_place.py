"""An event's place is the one the parse attaches to its trigger; the agency that reported it is
not a participant (the full pipeline on sentences of the seed articles)."""

from __future__ import annotations

from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate

TALKS = ("Coreea de Nord va sprijini Rusia până când aceasta va obține victoria în războiul din Ucraina, "
         "a declarat vineri ministrul de externe Choe Son Hui în cadrul discuțiilor de la Moscova cu "
         "ministrul rus de externe Serghei Lavrov.")
VISIT = ("Președintele rus Vladimir Putin se va întâlni luni, la Moscova, cu ministrul de externe "
         "nord-coreean, Choe Son Hui, în cadrul vizitei sale în Rusia, țară cu care Phenianul are "
         "legături tot mai strânse, a anunțat Kremlinul, potrivit Reuters.")


def _by_type(text: str, dct: str) -> dict[str, list]:  # type: ignore[type-arg]
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for e in analyze(text, DocDate.parse(dct), "ro").events:
        out.setdefault(e.type, []).append(e)
    return out


def test_place_hangs_on_the_trigger_not_on_another_noun() -> None:
    evs = _by_type(TALKS, "2024-11")
    # "discuțiilor de la Moscova": the talks and the statement made during them were in Moscow;
    # "războiul din Ucraina" belongs to the war, a clause further down.
    assert evs["talks"][0].place == "Moscova"
    assert evs["statement"][0].place == "Moscova"


def test_meeting_and_visit_places_and_no_agency_participant() -> None:
    evs = _by_type(VISIT, "2025-10-27")
    assert evs["meeting"][0].place == "Moscova"  # "se va întâlni luni, la Moscova"
    assert evs["visit"][0].place == "Rusia"  # "vizitei sale în Rusia"
    for es in evs.values():
        for e in es:
            assert "Reuters" not in e.participants, e


RECALLED = ("La rândul său, Lavrov a afirmat că relațiile dintre cele două țări au beneficiat în ultimele "
            "trei luni de \"un impuls foarte puternic\" pentru \"dezvoltarea acordurilor de principiu\" "
            "încheiate în timpul întâlnirii din iunie 2024, la Phenian, dintre Vladimir Putin și Kim Jong Un.")
BLINKEN = ("Secretarul de stat american Antony Blinken a declarat că 8.000 dintre aceștia se află în regiunea "
           "Kursk, unde trupele ucrainene au trecut granița în Rusia în august.")


def test_who_tells_an_event_in_reported_speech_is_not_its_participant() -> None:
    meeting = _by_type(RECALLED, "2025-10-27")["meeting"][0]
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(meeting.participants)
    assert "Serghei Lavrov" not in meeting.participants  # he recalls the meeting; he was not in it
    evs = _by_type(BLINKEN, "2024-11")
    assert "Antony Blinken" in evs["statement"][0].participants  # his own statement: he takes part
    assert "Antony Blinken" not in evs["incursion"][0].participants, evs["incursion"]


def test_the_place_visited_is_the_visits_object() -> None:
    visit = _by_type("Serghei Lavrov a vizitat marți Phenianul.", "2024-01-03")["visit"][0]
    assert visit.place == "Phenian"  # "a vizitat Phenianul": where, not who
    assert "Phenian" not in visit.participants and "Coreea de Nord" not in visit.participants


def test_a_quarter_is_no_place_and_a_city_is_no_weekday() -> None:
    """"în T1/2022" is a quarter the NER took for a place; "Miercurea Ciuc" is a city whose first
    word is also a weekday (Aleph and ZF readings, 2026-12-06)."""
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    a = analyze("Compania raportează profit în creștere cu 40% în T1/2022.", DocDate.parse("2022-05-23"), "ro")
    assert [t.value for t in a.timexes] == ["2022-Q1"]
    assert all(e.text != "T1/2022" for e in a.entities) and all(ev.place is None for ev in a.events)
    a = analyze("Ce s-a întâmplat la Miercurea Ciuc în weekend.", DocDate.parse("2022-05-23"), "ro")
    assert [t.text for t in a.timexes] == ["weekend"]
    assert ("Miercurea Ciuc", "GPE") in {(e.text, e.label) for e in a.entities}
