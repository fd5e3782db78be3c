"""Entity recognition on RONEC v2 test (eval/entities_ronec.py), first 300 sentences (~20 s; the
whole split: ``eval/entities_ronec.py --check``); skips when ../shared is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))
import entities_ronec as E  # noqa: E402


@pytest.fixture(scope="module")
def first300(shared: Path) -> dict[str, object]:
    return E.evaluate(shared / "data" / "ro" / "ronec-v2", limit=300)


def test_entity_floors_hold(first300: dict[str, object]) -> None:
    assert E.below_floors(first300, "first300") == []


def test_names_beat_the_raw_ner_on_named_persons(first300: dict[str, object]) -> None:
    # The NER's PERSON spans carry roles and appositions; cronicar keeps the name inside them.
    mine = first300["cronicar"]["PERSON_named_relaxed"]  # type: ignore[index]
    raw = first300["raw_ner"]["PERSON_named_relaxed"]  # type: ignore[index]
    assert mine["p"] > raw["p"] and mine["f1"] >= raw["f1"] - 0.01


def test_the_name_inside_a_ner_person_span(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    text = ("Senatorul democrat american John Kerry, adversarul președintelui, a vorbit cu producătorul "
            "Arne Frager și cu Choi Gee-sung despre Ludovic al XIV-lea.")
    persons = {m.text for m in analyze(text, DocDate.parse("2020-01-01"), "ro").entities if m.label == "PERSON"}
    assert {"John Kerry", "Choi Gee-sung"} <= persons, persons
    assert not any("adversarul" in p or "Senatorul" in p for p in persons), persons


def test_a_country_in_a_role_is_no_person(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    # (A quote's speaker that no name resolves stays the description, as the speaker entity; here
    # nobody speaks.)
    text = "Ministrul de externe al Coreei de Nord a vizitat Moscova, unde ministrul Coreei de Nord a semnat."
    persons = [m.text for m in analyze(text, DocDate.parse("2024-11"), "ro").entities if m.label == "PERSON"]
    assert not any("Coreei" in p for p in persons), persons
    places = [m.canonical for m in analyze(text, DocDate.parse("2024-11"), "ro").entities if m.label == "GPE"]
    assert places.count("Coreea de Nord") == 2, places  # the declined name found by the gazetteer too


@pytest.fixture(scope="module")
def meantime(shared: Path) -> dict[str, dict[str, dict[str, float]]]:
    import entities_meantime as M
    import events_meantime as EM

    data = shared / "data" / "en" / "meantime" / "intra_cross-doc_annotation"
    return {name: M.evaluate(cs, data) for name, cs in {"dev": EM.DEV, "held_out": EM.HELD_OUT, "all": EM.CORPORA}.items()}


def test_english_name_floors_hold(meantime: dict[str, dict[str, dict[str, float]]]) -> None:
    import entities_meantime as M

    assert M.below_floors(meantime) == []


def test_english_names_beat_capitalization_alone(meantime: dict[str, dict[str, dict[str, float]]]) -> None:
    r = meantime["held_out"]
    assert r["cronicar_any_relaxed"]["f1"] > r["baseline_any_relaxed"]["f1"] + 0.05


def test_english_organisations_and_acronym_countries(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    text = ("Singapore Airlines ordered jets from the planemaker Airbus, the U.S. said. Airbus told us "
            "that the UK approved. Sales in Singapore rose.")
    got = {m.text: (m.label, m.canonical) for m in analyze(text, DocDate.parse("2020-01-01"), "en").entities}
    assert got["Singapore Airlines"][0] == "ORG" and got["Airbus"][0] == "ORG"
    assert got["U.S."] == ("GPE", "United States") and got["UK"] == ("GPE", "United Kingdom")
    assert got["Singapore"][0] == "GPE" and "us" not in got
