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
