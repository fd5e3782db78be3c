"""Short person names resolve to the article's full name (analyze/entities.resolve_short_forms),
not to a run of the name into the next capitalized word that the NER made once."""

from __future__ import annotations

import pytest

from cronicar.analyze.entities import resolve_short_forms
from cronicar.model import EntityMention


def _mentions(names: list[str]) -> list[EntityMention]:
    out, at = [], 0
    for n in names:
        out.append(EntityMention(at, at + len(n), n, "PERSON", n))
        at += len(n) + 40
    return out


@pytest.mark.parametrize("names,want", [
    # Dragnea on Ponta's flood claim (informat.ro, 2025-04-11), person mentions as the NER found them:
    # "nu mai avea cu ce să ajute Victor Ponta Belgradul" ran the name into the city once
    (["Liviu Dragnea", "Victor Ponta", "Ponta", "Victor Ponta Belgradul", "Victor Ponta", "Dragnea", "Ponta"],
     ["Liviu Dragnea", "Victor Ponta", "Victor Ponta", "Victor Ponta Belgradul", "Victor Ponta", "Liviu Dragnea",
      "Victor Ponta"]),
    # the full name written once is still the name of its short forms
    (["Bachar al-Assad", "Assad", "Assad"], ["Bachar al-Assad"] * 3),
    (["Kim Jong Un", "Kim", "Kim"], ["Kim Jong Un"] * 3),
    # a longer name written as often as the shorter one is a real full name, not a run
    (["Klaus Werner Iohannis", "Klaus Iohannis", "Iohannis"], ["Klaus Werner Iohannis"] * 3),
])
def test_entities_short_forms_skip_a_name_run_on_once(names: list[str], want: list[str]) -> None:
    ms = _mentions(names)
    resolve_short_forms(ms, "ro")
    assert [m.canonical for m in ms] == want
