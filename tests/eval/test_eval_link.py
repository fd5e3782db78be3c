"""Story-linking accuracy floors on ML-Crisis (skips when ../shared is absent).

The whole TEST half (odd file positions; the linker's weights and thresholds were calibrated on the
even positions): 824 articles, their entity analyses and lead embeddings computed here (~2 CPU-min).
A smaller sample moved against the whole half when the linker changed, so it guarded nothing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
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


def test_tfidf_gram_is_the_cosine_of_tfidf_vectors() -> None:
    """The supervised ceiling's similarities, computed sparsely, equal the dense TF-IDF cosines
    (vocabulary and idf from the training docs only; a word only the last doc has is ignored)."""
    sys.path.insert(0, str(ROOT / "eval"))
    import linking_mlcrisis as L
    import numpy as np

    docs = [["a", "b", "b"], ["b", "c"], ["a", "c", "c", "d"], ["a", "e", "b"]]
    K = L._tfidf_gram(docs, ntrain=3, dense_df=2)  # "b" (3 docs) dense, "d" (1 doc) by pairs
    vocab = ["a", "b", "c", "d"]
    idf = np.log(4 / (1 + np.array([2, 2, 2, 1]))) + 1
    X = np.array([[(1 + np.log(d.count(w))) * i if w in d else 0.0 for w, i in zip(vocab, idf)] for d in docs])
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    assert np.allclose(K, X @ X.T)


def test_supervised_text_beats_the_majority_class(shared: Path) -> None:
    """On 8 articles per language-topic and half, the text classifier's accuracy on the test half
    is well above the majority class's share."""
    sys.path.insert(0, str(ROOT / "eval"))
    import linking_mlcrisis as L

    root = shared / "data" / "multi" / "ml-crisis"
    train, test = L.load(8, root, "calib"), L.load(8, root, "test")
    pred, info = L.supervised_text(train, test, folds=3)
    gold = {a.id: t for t, a in test}
    majority = max(Counter(gold.values()).values()) / len(gold)
    assert set(pred) == set(gold)
    assert info["accuracy"] >= majority + 0.3, (info, majority)
    assert L.bcubed(gold, pred)[2] > L.bcubed(gold, {a: "one" for a in gold})[2], info


def test_misplaced_counts_articles_by_the_country_they_name_most() -> None:
    """The misplacement count beside the linker's figure (docs/stories.md): an article outside a
    story whose majority is its own gold topic is counted by what it names most; articles in such
    a story are not counted."""
    sys.path.insert(0, str(ROOT / "eval"))
    import linking_mlcrisis as L
    from cronicar.model import Article, DocDate

    d = DocDate.parse("2011-03-01")
    texts = [
        ("libya", "En Libia, las tropas de Gadafi bombardean Bengasi."),
        ("libya", "Libia: los rebeldes avanzan hacia Trípoli."),
        ("yemen", "Libia vive otra jornada de combates en Misrata; en Libia nadie negocia."),  # folder says yemen
        ("yemen", "Protestas en Yemen contra Saleh."),
        ("egypt", "El Gobierno aprueba los presupuestos del año."),
    ]
    items = [(t, Article(text=x, date=d, lang="es", source=f"{t}{i}")) for i, (t, x) in enumerate(texts)]
    gold = {a.id: t for t, a in items}
    ids = [a.id for _, a in items]
    pred = {ids[0]: "s1", ids[1]: "s1", ids[2]: "s1", ids[3]: "s2", ids[4]: "s3"}
    got = L.misplaced(items, gold, pred)
    # the Libya report in the yemen folder sits with Libya; the Yemen one is alone, so outside any
    # story of its topic's majority; the budget one names no place
    assert got == {"articles": 3, "own_topic_country_most": 1, "another_country_most": 1, "no_country": 1}


def test_text_agrees_with_folder_keeps_articles_naming_their_folders_country() -> None:
    """The audit reported beside the linker's figure: an article agrees with its gold folder when
    the topic country it names most is the folder's; one naming another topic's country, or none,
    does not, and is counted under its language and folder."""
    sys.path.insert(0, str(ROOT / "eval"))
    import linking_mlcrisis as L
    from cronicar.model import Article, DocDate

    d = DocDate.parse("2011-03-08")
    texts = [
        ("yemen", "es", "Protestas en Saná contra Saleh; Yemen sigue en huelga."),
        ("syria", "it", "Le manifestazioni contro il presidente dello Yemen Saleh continuano a Sana'a."),
        ("egypt", "it", "La Fed pronta a comprare il debito italiano."),
        ("egypt", "it", "Al Cairo migliaia di persone in piazza: l'Egitto chiede riforme."),
    ]
    items = [(t, Article(text=x, date=d, lang=lg, source=f"{t}{i}")) for i, (t, lg, x) in enumerate(texts)]
    agree = L.text_agrees_with_folder(items)
    assert [a.id in agree for _, a in items] == [True, False, False, True]
    assert L.disagreeing_by_folder(items, agree) == {"it/egypt": 1, "it/syria": 1}


def test_mlcrisis_floor_where_the_text_agrees_with_the_folder(whole_test_half: dict[str, object]) -> None:
    """On the articles whose text names their own folder's country most (the gold audit,
    docs/stories.md), the linker's figure has its own floor; the whole half's floor above stays."""
    sub = whole_test_half["text_agrees_with_folder"]
    assert sub["bcubed_f1"] >= FLOORS["mlcrisis_test_text_agrees_bcubed_f1"], sub  # type: ignore[index]
    assert sub["cross_lingual"]["f1"] >= FLOORS["mlcrisis_test_text_agrees_cross_lingual_f1"], sub  # type: ignore[index]
    assert 0 < sub["articles_disagreeing"] < whole_test_half["articles"] / 5, sub  # type: ignore[index,operator]
