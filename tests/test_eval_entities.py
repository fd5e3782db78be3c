"""Entity recognition on RONEC v2 test (eval/entities_ronec.py), first 300 sentences (~20 s; the
whole split: ``eval/entities_ronec.py --check``); skips when ../shared is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
