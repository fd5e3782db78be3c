"""Story-linking accuracy floors on ML-Crisis (skips when ../shared is absent)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "eval" / "floors_link.json").read_text())


def test_mlcrisis_story_linking_floor(shared: Path) -> None:
    sys.path.insert(0, str(ROOT / "eval"))
    import linking_mlcrisis as L

    data = shared / "data" / "multi" / "ml-crisis"
    res = L.evaluate(60, data)
    assert res["bcubed_f1"] >= FLOORS["mlcrisis_per_topic_60_bcubed_f1"], res
