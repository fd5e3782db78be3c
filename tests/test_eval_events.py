"""Event detection and cross-document event coreference floors on MEANTIME English (held-out
``stock`` corpus, about 3 s; skips when ../shared is absent).  All corpora:
``eval/events_meantime.py --check``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "eval" / "floors_events.json").read_text())


@pytest.fixture(scope="module")
def stock(shared: Path) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "eval"))
    import events_meantime as E

    data = shared / "data" / "en" / "meantime" / "intra_cross-doc_annotation"
    return E.evaluate(["stock"], data)


@pytest.mark.parametrize("metric", ["det_p", "det_r", "det_f1", "muc_f1", "b3_f1", "ceafe_f1", "conll_f1"])
def test_meantime_stock_floor(stock: dict[str, float], metric: str) -> None:
    assert stock[metric] >= FLOORS[f"stock_{metric}"], (metric, stock)


def test_coreference_beats_the_baselines(stock: dict[str, float]) -> None:
    """Clustering must add something over leaving every mention alone or grouping by type."""
    assert stock["conll_f1"] > stock["singleton_conll_f1"]
    assert stock["conll_f1"] > stock["same_type_conll_f1"]
    assert stock["conll_f1"] > stock["same_lemma_conll_f1"]
