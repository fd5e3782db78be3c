"""Story-linking accuracy floors on ML-Crisis (skips when ../shared is absent).

A small subsample of the TEST half (odd file positions; the linker's weights and thresholds were
calibrated on the even positions), so the suite stays fast: ~120 articles, their lead embeddings
computed here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "eval" / "floors_link.json").read_text())


@pytest.fixture(scope="module")
def small_test_half(shared: Path) -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "eval"))
    import linking_mlcrisis as L

    return L.evaluate(10, shared / "data" / "multi" / "ml-crisis", half="test")


def test_mlcrisis_story_linking_floor(small_test_half: dict[str, object]) -> None:
    res = small_test_half
    assert res["bcubed_f1"] >= FLOORS["mlcrisis_test_per_topic_10_bcubed_f1"], res


def test_mlcrisis_cross_lingual_floor(small_test_half: dict[str, object]) -> None:
    cross = small_test_half["cross_lingual"]
    assert cross["f1"] >= FLOORS["mlcrisis_test_per_topic_10_cross_lingual_f1"], small_test_half  # type: ignore[index]
