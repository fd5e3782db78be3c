"""The pipeline's static word vectors computed once per word, not once per batch it occurs in.

Why: ro-legal-fl has floret vectors.  spaCy builds a word's vector from the hashed rows of its
character n-grams, in Python, for every distinct word of every parse batch (``Vectors.get_batch``):
about 3 ms per Ziarul Financiar article, while the same few thousand words fill most batches.
A word's vector depends on its string only (each one is the mean of its own n-gram rows), so this
module keeps the vectors of the words met in a fixed-size table and computes only the new ones,
with spaCy's own ``get_batch``: the vectors, hence the parse, are the same to the bit (a test
compares them, and ``benchmarks/identical.py`` the whole output).

Inference only: training or a pipeline whose vectors are not floret takes spaCy's own path.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.vectors import Mode

#: Words whose vectors are kept (1,120 bytes each with 280 dimensions: ~18 MB).  When the table is
#: full it starts again empty: the frequent words come back at once, and a long ingest never grows.
CAPACITY = 16_384


class VectorTable:
    """Vectors of the words met so far, by key (the word's hash in the pipeline's strings)."""

    def __init__(self, vectors: Any, capacity: int = CAPACITY) -> None:
        self.vectors = vectors
        self.capacity = capacity
        self.rows = np.empty((capacity, vectors.shape[1]), dtype=vectors.data.dtype)
        self.index: dict[int, int] = {}
        # one parse at a time per process today; the lock keeps a second thread from reading rows
        # the first is refilling (a wrong vector would change the parse silently)
        self.lock = threading.Lock()

    def get_batch(self, keys: np.ndarray) -> np.ndarray:
        """What ``vectors.get_batch(keys)`` returns, computed only for keys not in the table."""
        with self.lock:
            return self._get_batch(keys)

    def _get_batch(self, keys: np.ndarray) -> np.ndarray:
        uniq, inverse = np.unique(keys, return_inverse=True)
        if len(uniq) > self.capacity:
            return self.vectors.get_batch(keys)  # cannot all be held at once
        new = [k for k in uniq.tolist() if k not in self.index]
        if len(self.index) + len(new) > self.capacity:
            self.index.clear()
            new = uniq.tolist()
        if new:
            got = self.vectors.get_batch(np.asarray(new, dtype=keys.dtype))
            if got.dtype != self.rows.dtype:
                return self.vectors.get_batch(keys)  # spaCy's all-empty case (float64 zeros)
            at = len(self.index)
            self.rows[at:at + len(new)] = got
            self.index.update({k: at + j for j, k in enumerate(new)})
        where = np.fromiter((self.index[k] for k in uniq.tolist()), dtype=np.int64, count=len(uniq))
        return self.rows[where[inverse]]


def cache_static_vectors(nlp: Language) -> None:
    """Make the pipeline's static-vectors layers read floret vectors through a :class:`VectorTable`."""
    vectors = nlp.vocab.vectors
    if vectors.mode != Mode.floret or not vectors.shape[0]:
        return
    table = VectorTable(vectors)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if node.name == "static_vectors" and not node.attrs.get("cronicar_table"):
                node._func = _forward(node._func, table)
                node.attrs["cronicar_table"] = True


def _forward(original: Callable[..., Any], table: VectorTable) -> Callable[..., Any]:
    """spaCy's ``staticvectors.forward`` for inference, its vectors read from ``table``."""
    from thinc.types import Ragged

    def forward(model: Any, docs: list[Any], is_train: bool) -> tuple[Any, Callable[..., Any]]:
        if is_train or not docs or not sum(len(doc) for doc in docs):
            return original(model, docs, is_train)
        vocab = docs[0].vocab
        if vocab.vectors is not table.vectors or vocab.vectors.mode != Mode.floret:
            return original(model, docs, is_train)
        key_attr = getattr(vocab.vectors, "attr", ORTH)
        keys = model.ops.flatten([doc.to_array(key_attr) for doc in docs])
        V = model.ops.as_contig(table.get_batch(keys))
        W = model.ops.as_contig(model.get_param("W"))
        output = Ragged(model.ops.gemm(V, W, trans2=True), model.ops.asarray1i([len(doc) for doc in docs]))

        def backprop(d_output: Any) -> list[Any]:  # pragma: no cover - inference only
            raise NotImplementedError("cached static vectors are for inference")

        return output, backprop

    return forward
