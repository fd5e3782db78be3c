"""The quote scorer on the gold sets stays at or above the pinned floors (eval/floors_quotes.json).

Romanian dev gold (25 articles, spaCy ro pipeline), the fresh Romanian gold of issue 19 (train and
check halves, all sources and ZF alone) and the full PolNeAR test split (84 articles;
English has no parser, so the whole split runs in a few seconds and no subsample is needed).
Skips when ../shared is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"
FLOORS = json.loads((EVAL / "floors_quotes.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def quotes_eval(shared):
    sys.path.insert(0, str(EVAL))
    import quotes_eval  # type: ignore[import-not-found]

    return quotes_eval


def test_eval_quotes_ro_dev_floor(quotes_eval, nlp_ro) -> None:
    res = quotes_eval.evaluate("ro-dev")
    floor = FLOORS["ro-dev"]
    assert res["detection"]["f1"] >= floor["detection_f1"], res["detection"]
    assert res["speaker"]["f1"] >= floor["speaker_f1"], res["speaker"]
    assert res["speaker_given_detected"]["acc"] >= floor["speaker_acc_detected"], res["speaker_given_detected"]


FRESH_SETS = [name for name in FLOORS if name.startswith(("fresh-", "unseen-"))]


@pytest.mark.parametrize("name", FRESH_SETS)
def test_eval_quotes_fresh_gold_floor(quotes_eval, nlp_ro, name) -> None:
    """Issue 19's fresh Romanian gold (eval/fresh_gold): the check half is scored here, never read."""
    res = quotes_eval.evaluate(name)
    floor = FLOORS[name]
    assert res["docs"] > 0
    assert res["detection"]["f1"] >= floor["detection_f1"], res["detection"]
    assert res["speaker"]["f1"] >= floor["speaker_f1"], res["speaker"]
    assert res["speaker_given_detected"]["acc"] >= floor["speaker_acc_detected"], res["speaker_given_detected"]


def test_eval_quotes_polnear_test_floor(quotes_eval) -> None:
    res = quotes_eval.evaluate("polnear-test")
    floor = FLOORS["polnear-test"]
    for kind in ("direct", "indirect"):
        assert res[kind]["detection"]["f1"] >= floor[f"{kind}_detection_f1"], res[kind]
        assert res[kind]["speaker"]["f1"] >= floor[f"{kind}_speaker_f1"], res[kind]


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Lavrov", "Serghei Lavrov", True),
        ("presei de stat ruse", "presa de stat rusă", True),
        ("Şefa", "Șefa", True),
        ("Kremlinul", "Beijingul", False),
        (None, None, True),
        ("Putin", None, False),
    ],
)
def test_eval_quotes_speaker_alias(quotes_eval, a, b, same) -> None:
    assert quotes_eval.alias(a, b) is same


def test_eval_quotes_speaker_accuracy_counts_only_detected_quotes(quotes_eval) -> None:
    """Speaker accuracy given detection: a missed quote lowers speaker F1 but not this measure;
    a detected quote with the wrong speaker lowers both."""
    from quotes_datasets import GoldDoc, GoldQuote  # type: ignore[import-not-found]

    text = "Ion a spus că vine mâine acasă. Maria a declarat că pleacă azi la mare."
    gold = [GoldQuote("indirect", [(14, 30)], "Ion"), GoldQuote("indirect", [(52, 71)], "Maria")]
    doc = GoldDoc("d", text, None, "ro", gold)
    one_right = [{"kind": "indirect", "content": [14, 30], "speaker": "Ion"}]
    res = quotes_eval.score([doc], [one_right], polnear=False)
    assert res["speaker_given_detected"] == {"acc": 1.0, "right": 1, "detected": 1}
    assert res["speaker"]["f1"] < 1.0
    wrong = one_right + [{"kind": "indirect", "content": [52, 71], "speaker": "Ion"}]
    res = quotes_eval.score([doc], [wrong], polnear=False)
    assert res["speaker_given_detected"] == {"acc": 0.5, "right": 1, "detected": 2}
    assert res["by_kind"]["indirect"]["speaker_given_detected"]["acc"] == 0.5


def test_eval_quotes_matching_needs_same_kind_and_overlap(quotes_eval) -> None:
    from quotes_datasets import GoldQuote  # type: ignore[import-not-found]

    text = "Ion a spus că vine mâine acasă la noi."
    gold = [GoldQuote("indirect", [(14, 37)], "Ion")]
    assert quotes_eval.match(text, [{"kind": "indirect", "content": [14, 30]}], gold) == [(0, 0)]
    assert quotes_eval.match(text, [{"kind": "direct", "content": [14, 37]}], gold) == []
    assert quotes_eval.match(text, [{"kind": "indirect", "content": [14, 18]}], gold) == []
