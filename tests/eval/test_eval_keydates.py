"""Key dates on ML-Crisis (eval/keydates_mlcrisis.py): floors, and the margin over the baseline."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"
sys.path.insert(0, str(EVAL))
import keydates_mlcrisis as K  # noqa: E402

pytestmark = pytest.mark.skipif(not K.DATA.exists(), reason="needs ../shared/data/multi/ml-crisis")
FLOORS = {k: v for k, v in json.loads((EVAL / "floors_keydates.json").read_text()).items() if not k.startswith("_")}


@pytest.fixture(scope="module")
def results() -> dict[str, float]:
    return K.evaluate()


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_eval_keydates_floor(results: dict[str, float], metric: str) -> None:
    assert results[metric] >= FLOORS[metric], (metric, results[metric])


@pytest.mark.parametrize("lang,system", [("es", "keydates"), ("fr", "keydates_tml"), ("it", "keydates_tml")])
def test_eval_keydates_beat_the_busiest_days(results: dict[str, float], lang: str, system: str) -> None:
    """Days that articles refer to beat the days most was published by 0.10 date-F1 or more, in
    every language (issue 18's target)."""
    assert results[f"{lang}_{system}_date_f1"] >= results[f"{lang}_busiest_date_f1"] + 0.10


def test_eval_keydates_reference_reader() -> None:
    ref = K.reference(K.DATA / "es" / "reference" / "syria.txt")
    assert ref["2011-03-15"] and all(len(d) == 10 for d in ref)
