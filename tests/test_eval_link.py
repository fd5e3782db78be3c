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


def test_country_oracle_follows_what_the_article_names() -> None:
    """The ceiling reported beside the linker (docs/stories.md) places an article by the topic
    country it names most, whatever its gold folder; an article naming none of them stays alone."""
    sys.path.insert(0, str(ROOT / "eval"))
    import linking_mlcrisis as L
    from cronicar.model import Article, DocDate

    d = DocDate.parse("2011-02-21")
    texts = {
        "libya": "Las fuerzas de Gadafi atacan Bengasi. En Libia hay cientos de muertos; Trípoli calla. "
                 "Yemen también protesta.",
        "yemen": "Manifestantes en Saná piden la salida de Saleh; en Yemen hay huelga.",
        "none": "El Gobierno aprueba los presupuestos en Madrid.",
    }
    items = [(t, Article(text=x, date=d, lang="es", source=t)) for t, x in texts.items()]
    pred = L.country_oracle(items)
    by_topic = {t: pred[a.id] for t, a in items}
    assert by_topic["libya"] == "libya"
    assert by_topic["yemen"] == "yemen"
    assert by_topic["none"].startswith("alone:")
