"""One-to-one matching of predictions to gold, shared by the scorers.

Why one function: every scorer pairs each gold item with at most one prediction, best candidate
first (largest overlap, exact span first, highest IoU); the greedy pass is the same everywhere,
only the ranking differs.
"""

from __future__ import annotations

from collections.abc import Iterable


def one_to_one(ranked: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Take candidate pairs (a, b) in order of preference; keep a pair when neither side is taken."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for a, b in ranked:
        if a in used_a or b in used_b:
            continue
        used_a.add(a)
        used_b.add(b)
        pairs.append((a, b))
    return pairs
