"""A fixed set of character spans with a fast overlap query.

Why: entity finding asks "is this stretch already taken?" for every candidate; a linear scan makes
that quadratic, which a long document (hundreds of thousands of characters, thousands of names)
turns into minutes.  Sorted starts plus a running maximum of ends answer in O(log n).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class SpanSet:
    """Spans ``(start, end)``, end exclusive; overlapping spans allowed."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with any span of the set."""
        i = bisect_left(self._starts, end)  # spans [0, i) start before ``end``
        return i > 0 and self._max_end[i - 1] > start
