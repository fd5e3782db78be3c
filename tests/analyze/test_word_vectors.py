"""The static word vectors kept per word (analyze/word_vectors.py) are spaCy's own, to the bit."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import ORTH
from spacy.ml.staticvectors import forward as spacy_forward

from cronicar.analyze.word_vectors import VectorTable


@pytest.fixture(scope="module")
def demo_docs(nlp_ro, examples):
    texts = [p.read_text(encoding="utf-8") for p in sorted(examples.glob("*.txt"))]
    assert texts
    return [nlp_ro.make_doc(t) for t in texts]


def _keys(nlp_ro, docs):
    attr = getattr(nlp_ro.vocab.vectors, "attr", ORTH)
    return np.concatenate([d.to_array(attr) for d in docs])


@pytest.mark.parametrize("capacity", [16_384, 300])
def test_table_returns_spacys_vectors(nlp_ro, demo_docs, capacity):
    # two batches sharing words ("Rusia", "Coreea"...): the second is read partly from the table;
    # with a small table it is emptied and filled again on the way
    vectors = nlp_ro.vocab.vectors
    table = VectorTable(vectors, capacity=capacity)
    keys = _keys(nlp_ro, demo_docs)
    half = len(keys) // 2
    for batch in (keys[:half], keys[half:], keys[:40], keys):
        expected = vectors.get_batch(batch)
        got = table.get_batch(batch)
        assert got.dtype == expected.dtype and got.shape == expected.shape
        assert np.array_equal(got, expected)
    assert len(table.index) <= capacity


def test_pipeline_layer_reads_the_table_with_the_same_output(nlp_ro, demo_docs):
    layers = [n for _, p in nlp_ro.pipeline if getattr(p, "model", None) is not None
              for n in p.model.walk() if n.name == "static_vectors"]
    assert layers, "ro-legal-fl has floret vectors"
    for layer in layers:
        assert layer._func is not spacy_forward  # the layer goes through the table
        for docs in (demo_docs[:1], demo_docs, demo_docs[1:]):
            ours, _ = layer._func(layer, docs, False)
            theirs, _ = spacy_forward(layer, docs, False)
            assert np.array_equal(ours.data, theirs.data)
            assert np.array_equal(ours.lengths, theirs.lengths)
