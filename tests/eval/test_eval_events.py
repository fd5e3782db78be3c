"""Event detection and cross-document event coreference floors on MEANTIME English (the held-out
``stock`` corpus per metric, then every corpus and group as ``eval/events_meantime.py --check``;
skips when ../shared is absent)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
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


def test_meantime_every_corpus_and_group_floor(shared: Path) -> None:
    """Every floor of ``eval/floors_events.json`` (each corpus, dev, held-out, all), as
    ``--check`` asserts: the stock-only test let dev detection and apple coreference sink
    under their floors unnoticed for a day."""
    sys.path.insert(0, str(ROOT / "eval"))
    import events_meantime as E

    data = shared / "data" / "en" / "meantime" / "intra_cross-doc_annotation"
    groups = {c: (c,) for c in E.CORPORA}
    groups.update({"dev (airbus+gm)": E.DEV, "held-out (apple+stock)": E.HELD_OUT, "all": E.CORPORA})
    results = {name: E.evaluate(cs, data) for name, cs in groups.items()}
    assert E.below_floors(results) == []


def test_coreference_beats_the_baselines(stock: dict[str, float]) -> None:
    """Clustering must add something over leaving every mention alone or grouping by type."""
    assert stock["conll_f1"] > stock["singleton_conll_f1"]
    assert stock["conll_f1"] > stock["same_type_conll_f1"]
    assert stock["conll_f1"] > stock["same_lemma_conll_f1"]


def _metrics():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "eval"))
    import coref_metrics

    return coref_metrics


def test_scores_of_a_worked_example() -> None:
    """Key {1,2,3}{4,5}, response {1,2}{3,4,5}, by hand: MUC 2/3 both ways (one link lost, one
    wrong); B3 (1+1+1/3+2/3+2/3)/5 = 0.733 both ways; CEAF-e (0.8+0.8)/2 = 0.8 both ways."""
    cm = _metrics()
    key, resp = [{1, 2, 3}, {4, 5}], [{1, 2}, {3, 4, 5}]
    assert cm.muc(key, resp) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert cm.bcubed(key, resp) == pytest.approx((11 / 15, 11 / 15, 11 / 15))
    assert cm.ceafe(key, resp) == pytest.approx((0.8, 0.8, 0.8))


def test_all_in_one_cluster_against_singletons() -> None:
    """Three singletons answered by one cluster: MUC has no key link to find (0), B3 precision
    1/3 and recall 1, CEAF-e aligns one of three key entities with phi4 = 2/4."""
    cm = _metrics()
    key, resp = [{1}, {2}, {3}], [{1, 2, 3}]
    assert cm.muc(key, resp)[2] == 0.0
    assert cm.bcubed(key, resp)[:2] == pytest.approx((1 / 3, 1.0))
    assert cm.ceafe(key, resp)[:2] == pytest.approx((0.5, 0.5 / 3))


def test_cross_document_links_ignore_links_inside_one_document() -> None:
    cm = _metrics()
    key = {"a1": "X", "a2": "X", "b1": "X"}
    resp = {"a1": "e1", "a2": "e1", "b1": "e2"}
    doc = {"a1": "A", "a2": "A", "b1": "B"}
    p, r, f, n_key, n_resp = cm.cross_doc_links(key, resp, doc)
    assert (n_key, n_resp) == (2, 0) and r == 0.0  # the within-A link is right but not counted


def test_meantime_reader_rebuilds_text_date_and_gold(shared: Path) -> None:
    """A real MEANTIME file: the text reads like the article, the DCT comes from CREATION_TIME,
    gold spans index the rebuilt text, and only the first six sentences count for detection."""
    sys.path.insert(0, str(ROOT / "eval"))
    import events_meantime as E

    path = next((shared / "data" / "en" / "meantime" / "intra_cross-doc_annotation" / "corpus_airbus")
                .glob("11716_*.xml"))
    doc = E.read_document(path, "airbus")
    assert doc.text.startswith("Airbus wins Qatar Airways order worth $15bn\nJune 13, 2005\n")
    assert doc.dct == "2005-06-13"
    words = {doc.text[g.span[0]:g.span[1]] for g in doc.mentions if g.instance}
    assert {"wins", "won", "order"} <= words
    assert 0 < doc.full_end < len(doc.text)


def test_meantime_date_line_stands_in_for_a_missing_creation_time(shared: Path) -> None:
    sys.path.insert(0, str(ROOT / "eval"))
    import events_meantime as E

    path = next((shared / "data" / "en" / "meantime" / "intra_cross-doc_annotation" / "corpus_airbus")
                .glob("8951_*.xml"))
    assert E.read_document(path, "airbus").dct == "2005-04-27"  # "April 27 , 2005"
