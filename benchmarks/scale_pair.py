"""Do two busy processes run slower side by side than one alone, on this machine?  (issue 24)

`--jobs 2` spends 1.12-1.17x the CPU seconds of `--jobs 1` on the same articles in quiet runs,
most of it in the workers' parse.  Nothing per article differs between a worker and the process
of `--jobs 1` (same analysis, same sub-batches; measured in benchmarks/results/scale.md): what
differs is that two processes run at once.  This probe measures that alone, with no cronicar
pipeline around it: the same fixed work, in one process, then in two processes at once, and the
CPU seconds each took (``time.process_time``, so other processes' load does not count; their
contention for the caches, memory and the host's cores does, which is the question).

- ``python``: a pure Python loop (interpreter, L1/L2-resident): shared execution units / SMT.
- ``stream``: numpy passes over 128 MB arrays (memory bandwidth, as the parse's activations).
- ``parse``: the analysis of the same 48 ZF articles (3 sub-batches) in a forkserver worker, as
  `--jobs N` runs it (needs the Romanian model).

Run on a quiet machine (nothing else running: the figure is meaningless under load, where one
process alone already shares the cores with others):
    python -m benchmarks.scale_pair [--rounds 3] [--kinds python,stream,parse]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ARTICLES = 48


def python_loop(n: int = 30_000_000) -> float:
    """CPU seconds of a fixed pure Python loop."""
    t = time.process_time()
    acc = 0
    for i in range(n):
        acc += i * i % 7
    return time.process_time() - t


def numpy_stream(mb: int = 128, passes: int = 48) -> float:
    """CPU seconds of ``passes`` elementwise passes over two ``mb`` MB float32 arrays."""
    import numpy as np

    a = np.ones(mb * 2**18, dtype=np.float32)
    b = np.ones_like(a)
    t = time.process_time()
    for _ in range(passes):
        np.multiply(a, 1.0001, out=b)
        np.add(a, b, out=a)
    return time.process_time() - t


def parse(items: list) -> float:
    """CPU seconds of analysing ``items`` in sub-batches of 16, after one warm-up sub-batch."""
    from cronicar.flow.workers import analyze_sub_batches

    analyze_sub_batches([items[:16]], 16)
    t = time.process_time()
    for i in range(0, len(items), 16):
        analyze_sub_batches([items[i:i + 16]], 16)
    return time.process_time() - t


def _articles(n: int) -> list:
    from benchmarks.scale import write_input
    from cronicar.model import DocDate

    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"cronicar-scale-pair-{n}.jsonl"
    if not path.exists():
        write_input(n, path, by_date=True)
    recs = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [(r["text"], DocDate.parse(r["date"]), None) for r in recs]


def solo_and_pair(pool: ProcessPoolExecutor, fn: Callable[..., float], *args: object) -> tuple[float, float]:
    """(CPU s of ``fn`` alone in one worker, mean CPU s of each of two running it at once)."""
    solo = pool.submit(fn, *args).result()
    both = [pool.submit(fn, *args) for _ in range(2)]
    return solo, sum(f.result() for f in both) / 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--kinds", default="python,stream,parse")
    a = ap.parse_args()
    from cronicar.flow.workers import worker_context

    kinds = [k for k in a.kinds.split(",") if k]
    work: dict[str, tuple[Callable[..., float], tuple[object, ...]]] = {
        "python": (python_loop, ()), "stream": (numpy_stream, ())}
    if "parse" in kinds:
        work["parse"] = (parse, (_articles(ARTICLES),))
    print(f"load before: {os.getloadavg()[0]:.2f} (meaningful only near 0: nothing else running)")
    with ProcessPoolExecutor(2, mp_context=worker_context()) as pool:
        for kind in kinds:
            fn, args = work[kind]
            pool.submit(fn, *args).result()  # both workers warm (first-touch page faults)
            pool.submit(fn, *args).result()
            runs = [solo_and_pair(pool, fn, *args) for _ in range(a.rounds)]
            ratios = ", ".join(f"{pair / solo:.3f}" for solo, pair in runs)
            print(f"{kind:7s} CPU s alone / each of two at once: "
                  + "; ".join(f"{s:.2f} / {p:.2f}" for s, p in runs) + f"  -> two at once: {ratios}x")
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
