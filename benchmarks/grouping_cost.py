"""CPU cost of the timeline-row steps of the events stage (issue 18, fourth round): a context
clause as its row's background (``analyze.events.background_of``) and an announcement pointing to
what it announces (``analyze.events.announced``), per article, beside the whole analysis.

Both run once per sentence; ``time.process_time`` around each call (CPU, so the load of a shared
machine does not count), on the ZF sample of ``benchmarks/ingest_speed.py``.

Run: nice -n 10 python -m benchmarks.grouping_cost [--n 200]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from benchmarks.ingest_speed import load
from cronicar.analyze import events
from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate


def _timed(spent: dict[str, float], name: str, f: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return f(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start
    return run


def measure(n: int) -> dict[str, float]:
    """CPU-ms per article: the whole analysis and each step."""
    spent = {"background_of": 0.0, "announced": 0.0}
    originals = events.background_of, events.announced
    events.background_of = _timed(spent, "background_of", events.background_of)
    events.announced = _timed(spent, "announced", events.announced)
    try:
        arts = load(n)
        start = time.process_time()
        for r in arts:
            analyze(str(r["article_text"]), DocDate.parse(str(r["date_published"])[:10]), "ro")
        total = time.process_time() - start
    finally:
        events.background_of, events.announced = originals
    return {"analysis": 1000 * total / n, **{k: 1000 * v / n for k, v in spent.items()}}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()
    r = measure(args.n)
    print(f"{args.n} ZF articles: analysis {r['analysis']:.1f} CPU-ms/article; background_of "
          f"{r['background_of']:.3f}, announced {r['announced']:.3f} CPU-ms/article")
