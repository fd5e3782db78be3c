"""Coreference scores on one shared set of mentions: MUC, B-cubed, CEAF-e, CoNLL F1, and
pairwise links across documents.

Why our own: no scorer package installs offline here (and scipy is not a dependency), the metrics
are short, and the definitions follow the reference scorer (Pradhan et al. 2014): MUC counts links
(Vilain et al. 1995), B-cubed averages per mention (Bagga & Baldwin 1998), CEAF-e aligns entities
one-to-one with phi4 similarity (Luo 2005).  Key and response must cover the same mentions (the
evaluation scores coreference on the mentions that both the system and the gold found).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from itertools import combinations

Clusters = list[set[Hashable]]
PRF = tuple[float, float, float]


def clusters(assign: Mapping[Hashable, Hashable]) -> Clusters:
    """Mention -> cluster id as a list of mention sets."""
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for m, c in assign.items():
        out[c].add(m)
    return list(out.values())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Clusters, resp: Clusters) -> PRF:
    """Links kept: for each key entity, |K| minus the number of response pieces it is cut into."""
    def score(a: Clusters, b: Clusters) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0
    r, p = score(key, resp), score(resp, key)
    return p, r, _f(p, r)


def bcubed(key: Clusters, resp: Clusters) -> PRF:
    """Per-mention precision and recall of its cluster, averaged over mentions."""
    kof = {m: c for c in key for m in c}
    rof = {m: c for c in resp for m in c}
    ms = list(kof)
    if not ms:
        return 0.0, 0.0, 0.0
    p = sum(len(kof[m] & rof[m]) / len(rof[m]) for m in ms) / len(ms)
    r = sum(len(kof[m] & rof[m]) / len(kof[m]) for m in ms) / len(ms)
    return p, r, _f(p, r)


def _hungarian_max(w: list[list[float]]) -> float:
    """Maximum-weight assignment on a small dense matrix (rows <= cols after transposing)."""
    n, m = len(w), len(w[0]) if w else 0
    if n == 0 or m == 0:
        return 0.0
    if n > m:
        w = [list(col) for col in zip(*w)]
        n, m = m, n
    big = max(max(r) for r in w)
    cost = [[big - x for x in row] for row in w]
    u, v, p, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):  # e-maxx O(n^2 m) Hungarian algorithm, minimising cost
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sum(w[p[j] - 1][j - 1] for j in range(1, m + 1) if p[j])


def ceafe(key: Clusters, resp: Clusters) -> PRF:
    """Entity-level CEAF with phi4 = 2|K∩R| / (|K|+|R|), best one-to-one alignment.

    The alignment is solved per connected component of the key/response overlap graph, so the
    dense Hungarian step only ever sees a handful of clusters."""
    rof = {m: j for j, c in enumerate(resp) for m in c}
    # Union-find over key and response cluster indices.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, c in enumerate(key):
        find(("k", i))
        for m in c:
            if m in rof:
                parent[find(("k", i))] = find(("r", rof[m]))
    comps: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(key)):
        comps[find(("k", i))][0].append(i)
    for j in range(len(resp)):
        comps[find(("r", j))][1].append(j)
    total = 0.0
    for ks, rs in comps.values():
        if ks and rs:
            w = [[2 * len(key[i] & resp[j]) / (len(key[i]) + len(resp[j])) for j in rs] for i in ks]
            total += _hungarian_max(w)
    p = total / len(resp) if resp else 0.0
    r = total / len(key) if key else 0.0
    return p, r, _f(p, r)


def cross_doc_links(key: Mapping[Hashable, Hashable], resp: Mapping[Hashable, Hashable],
                    doc_of: Mapping[Hashable, str]) -> tuple[float, float, float, int, int]:
    """Pairwise links between mentions of *different* documents: the part of the task that
    within-document coreference cannot score (most MEANTIME chains live in one article).
    Returns P, R, F1 and the numbers of key and response links (the figures are small-sample)."""
    def links(assign: Mapping[Hashable, Hashable]) -> set[frozenset[Hashable]]:
        out = set()
        for c in clusters(assign):
            for a, b in combinations(sorted(c, key=str), 2):
                if doc_of[a] != doc_of[b]:
                    out.add(frozenset((a, b)))
        return out
    k, r = links(key), links(resp)
    hit = len(k & r)
    p = hit / len(r) if r else 0.0
    rec = hit / len(k) if k else 0.0
    return p, rec, _f(p, rec), len(k), len(r)


def score_all(key: Mapping[Hashable, Hashable], resp: Mapping[Hashable, Hashable],
              doc_of: Mapping[Hashable, str]) -> dict[str, float]:
    """Every metric as a flat dict (F1 plus P/R), on the mentions present in both mappings."""
    common = [m for m in key if m in resp]
    k = clusters({m: key[m] for m in common})
    r = clusters({m: resp[m] for m in common})
    out: dict[str, float] = {"mentions": float(len(common))}
    for name, fn in (("muc", muc), ("b3", bcubed), ("ceafe", ceafe)):
        p, rec, f = fn(k, r)
        out.update({f"{name}_p": p, f"{name}_r": rec, f"{name}_f1": f})
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    p, rec, f, nk, nr = cross_doc_links({m: key[m] for m in common}, {m: resp[m] for m in common}, doc_of)
    out.update({"xdoc_p": p, "xdoc_r": rec, "xdoc_f1": f, "xdoc_key_links": float(nk), "xdoc_resp_links": float(nr)})
    return out
