"""The temporal engine's accuracy never drops below the pinned floors (eval/floors_timex.json).

Runs cronicar's tagger on the gold sets in ../shared (skipped when absent) with the project's
TempEval-3 scorer; also checks the scorer itself on hand-made cases.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))

import timex_datasets  # noqa: E402
import timex_eval  # noqa: E402

FLOORS = json.loads((EVAL / "floors_timex.json").read_text(encoding="utf-8"))
PLAIN = "-without-diacritics"  # a set's texts with the marks taken off (same gold)
SETS = [k for k in FLOORS if not k.startswith("_")]


def _doc(*tx: tuple[int, int, str, str]) -> dict:
    return {"id": "d", "timexes": [{"start": s, "end": e, "type": t, "value": v, "mod": None} for s, e, t, v in tx]}


@pytest.mark.parametrize(
    ("gold", "pred", "key", "expected"),
    [
        (_doc((0, 4, "DATE", "2020")), _doc((0, 4, "DATE", "2020")), "strict", 1.0),
        (_doc((0, 9, "DATE", "2020")), _doc((5, 9, "DATE", "2020")), "strict", 0.0),
        (_doc((0, 9, "DATE", "2020")), _doc((5, 9, "DATE", "2020")), "relaxed", 1.0),
        (_doc((0, 9, "DATE", "2020")), _doc((5, 9, "DATE", "2021")), "value", 0.0),
        (_doc((0, 4, "DATE", "2020"), (10, 14, "DATE", "2021")), _doc((0, 4, "DATE", "2020")), "value", 2 / 3),
    ],
)
def test_scorer_cases(gold: dict, pred: dict, key: str, expected: float) -> None:
    assert timex_eval.score([gold], [pred])[key]["f1"] == pytest.approx(expected, abs=1e-3)


def test_align_is_one_to_one() -> None:
    pairs = timex_eval.align([{"start": 0, "end": 10}], [{"start": 0, "end": 4}, {"start": 5, "end": 10}])
    assert len(pairs) == 1


def _get(scores: dict, dotted: str) -> float:
    a, b = dotted.split(".")
    return float(scores[a][b])


@pytest.mark.parametrize("name", SETS)
def test_scores_at_least_floors(shared: Path, name: str) -> None:
    root = shared
    gold = timex_datasets.load(name.removesuffix(PLAIN), root)
    texts = timex_eval.strip_diacritics(gold) if name.endswith(PLAIN) else gold
    scores = timex_eval.score(gold, timex_eval.predict(texts))
    for metric, floor in FLOORS[name].items():
        got = _get(scores, metric)
        assert got >= floor, f"{name} {metric} = {got:.4f} < floor {floor}"


def test_loaders_offsets(shared: Path) -> None:
    for name in ("ro-dev", "te3-platinum", "xtn-es"):
        for d in timex_datasets.load(name, shared):
            for t in d["timexes"]:
                assert d["text"][t["start"] : t["end"]] == t["text"]
