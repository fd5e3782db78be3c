"""Story-linking accuracy floors on ML-Crisis (skips when ../shared is absent).

The whole TEST half (odd file positions; the linker's weights and thresholds were calibrated on the
even positions): 824 articles, their entity analyses and lead embeddings computed here (~2 CPU-min).
A smaller sample moved against the whole half when the linker changed, so it guarded nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "eval" / "floors_link.json").read_text())


@pytest.fixture(scope="module")
def whole_test_half(shared: Path) -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "eval"))
    import linking_mlcrisis as L

    return L.evaluate(0, shared / "data" / "multi" / "ml-crisis", half="test")


def test_mlcrisis_story_linking_floor(whole_test_half: dict[str, object]) -> None:
    res = whole_test_half
    assert res["bcubed_f1"] >= FLOORS["mlcrisis_test_all_bcubed_f1"], res


def test_mlcrisis_cross_lingual_floor(whole_test_half: dict[str, object]) -> None:
    cross = whole_test_half["cross_lingual"]
    assert cross["f1"] >= FLOORS["mlcrisis_test_all_cross_lingual_f1"], whole_test_half  # type: ignore[index]
