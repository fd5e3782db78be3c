"""Issue 18: each row of a sentence is told by its own line (analyze/events.py, ``_headlines``).

A sentence with two happenings gives two rows; the headline module may fall back to the sentence's
main clause for a trigger in a relative clause, and that main clause is then another row's
happening.  Real sentences: the seeds and Ziarul Financiar's style."""

from __future__ import annotations

import pytest

from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate

SEED_BLINKEN = ("Secretarul de stat american Antony Blinken a declarat că 8.000 dintre aceștia se află în regiunea "
                "Kursk, unde trupele ucrainene au trecut granița în Rusia în august, și că se așteaptă ca aceștia "
                "să intre în luptă împotriva Ucrainei în zilele următoare.")


@pytest.mark.parametrize("text,dct,trigger,expected", [
    # the incursion of August, told inside Blinken's statement of November: its row says the
    # incursion, not the statement (the seed story showed the statement on both rows)
    (SEED_BLINKEN, "2024-11-05", "trecut", "Trupele ucrainene au trecut granița în Rusia"),
])
def test_events_row_line_tells_its_own_happening(text: str, dct: str, trigger: str, expected: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    rows = [e for e in events if e.part_of is None]
    row = next(e for e in rows if text[e.trigger[0]:e.trigger[1]].startswith(trigger))
    assert row.headline == expected
    others = [e.headline for e in rows if e is not row]
    assert others and row.headline not in others


@pytest.mark.parametrize("text,dct", [
    # one happening told by a verb: the headline module's line stays as it is
    ("Banca Transilvania a cumpărat Bancpost de la grupul Eurobank, iar tranzacția a fost finalizată în aprilie 2018.",
     "2019-03-12"),
    (SEED_BLINKEN, "2024-11-05"),
])
def test_events_every_row_line_names_its_own_trigger_or_its_speaker(text: str, dct: str) -> None:
    """No row's line names another row's trigger while leaving out its own (statements excepted:
    '<speaker>: <what was said>' never names the verb of saying)."""
    events = analyze(text, DocDate.parse(dct), "ro").events
    rows = [e for e in events if e.part_of is None]
    words = {id(e): text[e.trigger[0]:e.trigger[1]].lower() for e in rows}
    for e in rows:
        line = (e.headline or "").lower()
        if e.type == "statement" or words[id(e)] in line:
            continue
        assert not any(words[id(o)] in line for o in rows if o is not e), (e.type, e.headline)


@pytest.mark.parametrize("text,dct,rows", [
    # the second fall is the first one's consequence, told in its relative clause with no time of
    # its own: one happening of 2017, not a fall of the article's day besides
    ("În 2017, un grup de companii listate au pierdit 6 miliarde de dolari într-o serie de scăderi bruște care "
     "au dus în final la scăderi de peste 95%.", "2019-11-21", 1),
    # the company's 2019 year and the purchase announced yesterday: two dates of their own, two rows
    ("MedLife a anunțat ieri o nouă achiziție, respectiv pachetul majoritar de acțiuni al Pharmachem Distribuție "
     "SRL, companie care în 2019 a închis cu afaceri de 83,4 mil. lei.", "2020-12-18", 2),
])
def test_events_a_happening_told_inside_another_without_a_time_of_its_own_is_that_one(
        text: str, dct: str, rows: int) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    assert len([e for e in events if e.part_of is None]) == rows


def test_events_a_relative_clause_row_names_its_antecedent() -> None:
    text = ("MedLife a anunțat ieri o nouă achiziție, respectiv pachetul majoritar de acțiuni al Pharmachem Distribuție "
            "SRL, companie care în 2019 a închis cu afaceri de 83,4 mil. lei.")
    events = analyze(text, DocDate.parse("2020-12-18"), "ro").events
    row = next(e for e in events if text[e.trigger[0]:e.trigger[1]] == "închis")
    assert row.headline.startswith("Pharmachem Distribuție SRL a închis")


def test_events_a_condition_clause_row_tells_the_condition() -> None:
    """The market's growth is a row of its own (its own subject); its line is its own clause, not
    the sentence's main clause, which is the other row's fall (the headline module's fallback)."""
    text = ("Afacerile Lafarge Ciment au scăzut la 685,4 milioane lei anul trecut, în condițiile în care piața "
            "construcțiilor a crescut.")
    rows = [e for e in analyze(text, DocDate.parse("2019-05-10"), "ro").events if e.part_of is None]
    lines = {text[e.trigger[0]:e.trigger[1]]: e.headline for e in rows}
    assert lines["crescut"] == "Piața construcțiilor a crescut"
    assert lines["scăzut"].startswith("Afacerile Lafarge Ciment au scăzut")
