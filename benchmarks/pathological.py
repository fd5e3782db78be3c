"""Pathological inputs through the real ingest path, each in a fresh process: CPU-s and peak RSS.

Issue 20 named inputs that cost minutes or gigabytes per article: long runs of quote marks
(spaCy's tokenizer, the quote finder), one sentence repeated hundreds or thousands of times
(linking, quotes), "ieri " x 100,000 (time expressions), and long real pages (speaker
coreference).  Each case here is one article given to the write path
(``cronicar.flow.ingest``: analyze + store + link, the path of ``cronicar ingest`` and
``POST /api/articles``) in a fresh
Python process with an empty database, after 8 ordinary articles have warmed it up (model, data files,
lazily compiled regexes); the case's CPU seconds (``time.process_time`` around the ingest call) and the process's
peak RSS are recorded, with the outcome (stored, or the one-line refusal).  A case is killed at
``--cpu-limit`` CPU seconds after the warm-up (RLIMIT_CPU) or ``--mem-limit`` of address space, and reported so.

The long real pages are Ziarul Financiar articles concatenated in a fixed order up to 40k, 80k,
160k and 400k characters (an index page or a pasted feed is that shape); an ordinary ZF article
is the reference.

Target (issue 20): every case processed or refused in under 5 CPU-seconds and 1 GB.

Run: .venv/bin/python -m benchmarks.pathological [--cases NAME ...] [--cpu-limit 300] [--label after]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
DATA = ROOT.parents[1] / "shared" / "data" / "ro" / "news-zf"
OUT = ROOT / "results" / "pathological.md"

WARM_UP = 8  # ordinary articles ingested before the case

SENTENCE = ("Ministrul Finanțelor, Alexandru Nazare, a declarat ieri la București că „deficitul bugetar "
            "va scădea sub 6% anul viitor”, potrivit Agerpres. ")


@lru_cache(maxsize=None)
def zf_texts(chars: int = 1_100_000) -> list[str]:
    """ZF article texts in file order, from as many files as needed for ``chars`` characters."""
    import pyarrow.parquet as pq  # bench extra

    texts: list[str] = []
    for p in sorted(DATA.glob("*.parquet")):
        rows = pq.read_table(p, columns=["date_published", "article_text"]).to_pylist()
        texts += [str(r["article_text"]) for r in rows if r["date_published"] and r["article_text"]]
        if sum(len(t) for t in texts) >= chars:
            break
    return texts


def zf_page(chars: int) -> str:
    """ZF articles joined by blank lines, in file order, cut at an article boundary near ``chars``."""
    out: list[str] = []
    size = 0
    for t in zf_texts():
        if size >= chars:
            break
        out.append(t.strip())
        size += len(out[-1]) + 2
    return "\n\n".join(out)


def zf_ordinary(n: int) -> list[str]:
    """The first ``n`` ZF articles of 3,000-5,000 characters (ordinary articles)."""
    return [t for t in zf_texts() if 3000 <= len(t) <= 5000][:n]


def zf_reference() -> str:
    """An ordinary article, not among the warm-up ones."""
    return zf_ordinary(WARM_UP + 1)[-1]


CASES: dict[str, Callable[[], str]] = {
    "reference ZF article": zf_reference,
    '" x 20,000': lambda: 'Ea a spus: ' + '"' * 20_000 + ' și a plecat.',
    "„ x 20,000": lambda: 'Ea a spus: ' + '„' * 20_000 + ' și a plecat.',
    "„a” x 5,000 (short quotes)": lambda: "El a spus " + "„a” " * 5_000,
    "sentence x 100": lambda: SENTENCE * 100,
    "sentence x 400": lambda: SENTENCE * 400,
    "sentence x 5,000": lambda: SENTENCE * 5_000,
    '"ieri " x 10,000': lambda: "ieri " * 10_000,
    '"ieri " x 100,000': lambda: "ieri " * 100_000,
    "ZF page 40k": lambda: zf_page(40_000),
    "ZF page 80k": lambda: zf_page(80_000),
    "ZF page 160k": lambda: zf_page(160_000),
    "ZF page 400k": lambda: zf_page(400_000),
    "ZF page 1M (the reader's cap)": lambda: zf_page(990_000),
}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(name: str, cpu_limit: int) -> dict[str, Any]:
    """In this process: warm up, then ingest the case's article into an empty store."""
    try:
        from cronicar.flow import ingest as ingest_articles  # the write path since the flow package
    except ImportError:  # an earlier commit's sources (--src, the "before" table)
        from cronicar.ingest.run import ingest_articles  # type: ignore[no-redef]
    from cronicar.model import Article, DocDate
    from cronicar.store.db import Store

    text = CASES[name]()
    date = DocDate.parse("2024-05-14")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        # Warm-up: ordinary articles load the model, the data files and the lazily compiled
        # time-expression regexes, as in a long ingest.
        ingest_articles(store, [Article(text=t, date=DocDate.parse("2024-05-13"), source="warm")
                                for t in zf_ordinary(WARM_UP)])
        warm_rss = rss_mb()
        used = int(resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_SELF).ru_stime)
        resource.setrlimit(resource.RLIMIT_CPU, (used + cpu_limit, used + cpu_limit + 5))  # the case alone
        t0 = time.process_time()
        report = ingest_articles(store, [Article(text=text, date=date, source="case.txt")])
        cpu = time.process_time() - t0
        store.close()
    outcome = "stored" if report.added else "; ".join(str(e) for e in report.errors) or "skipped"
    return {"case": name, "chars": len(text), "cpu_s": cpu, "peak_rss_mb": rss_mb(),
            "warm_rss_mb": warm_rss, "outcome": outcome}


def spawn(name: str, cpu_limit: int, mem_limit_gb: float, src: Path) -> dict[str, Any]:
    """Run one case in a fresh process under CPU and address-space limits."""
    def limits() -> None:
        cap = int(mem_limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        os.nice(10)

    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.pathological", "--one", name, "--cpu-limit", str(cpu_limit)],
                          capture_output=True, text=True, preexec_fn=limits, cwd=ROOT.parent,
                          env={**os.environ, "PYTHONPATH": f"{src}:{ROOT.parent}"})
    wall = time.perf_counter() - t0
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode == 0 and lines:
        return {**json.loads(lines[-1]), "wall_s": wall}
    tail = (proc.stderr.strip().splitlines() or ["?"])[-1][:160]
    killed = ("CPU limit" if proc.returncode in (-24, -9) else f"exit {proc.returncode}: {tail}")
    return {"case": name, "chars": None, "cpu_s": None, "peak_rss_mb": None, "warm_rss_mb": None,
            "outcome": f"killed ({killed}, {cpu_limit} CPU-s / {mem_limit_gb:g} GB limits)", "wall_s": wall}


def table(rows: list[dict[str, Any]], label: str, cpu_limit: int, mem_limit_gb: float, commit: str) -> str:
    lines = [
        f"## {label}",
        "",
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC at commit {commit} with "
        f"`.venv/bin/python -m benchmarks.pathological --label {label} --cpu-limit {cpu_limit} --mem-limit {mem_limit_gb:g}` (limits {cpu_limit} CPU-s, "
        f"{mem_limit_gb:g} GB address space per case; load average {os.getloadavg()[0]:.1f} on 2 shared cores). "
        "CPU-s: the ingest call alone (analyze + store + link); RSS: the process peak, and its growth over "
        "the warmed-up process (model and data loaded).",
        "",
        "| case | characters | CPU-s | peak RSS MB (growth) | outcome |",
        "|---|---:|---:|---:|---|",
    ]
    for r in rows:
        cpu = "–" if r["cpu_s"] is None else f"{r['cpu_s']:.2f}"
        rss = "–" if r["peak_rss_mb"] is None else f"{r['peak_rss_mb']:.0f} (+{r['peak_rss_mb'] - r['warm_rss_mb']:.0f})"
        chars = "–" if r["chars"] is None else f"{r['chars']:,}"
        lines.append(f"| {r['case']} | {chars} | {cpu} | {rss} | {r['outcome']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--cases", nargs="*", default=list(CASES))
    ap.add_argument("--cpu-limit", type=int, default=300)
    ap.add_argument("--mem-limit", type=float, default=8.0, help="GB of address space per case")
    ap.add_argument("--label", default="after")
    ap.add_argument("--jobs", type=int, default=1, help="cases run at once (each in its own process)")
    ap.add_argument("--src", type=Path, default=ROOT.parent / "src",
                    help="the cronicar sources to measure (an export of an earlier commit for 'before')")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.cpu_limit)))
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(args.jobs) as pool:  # cases run in separate processes; CPU-s are per case
        futures = [pool.submit(spawn, name, args.cpu_limit, args.mem_limit, args.src) for name in args.cases]
        rows = []
        for f in futures:
            rows.append(f.result())
            print(json.dumps(rows[-1]), flush=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip()
    if args.src != ROOT.parent / "src":
        commit = f"{commit} (sources: {args.src})"
    text = table(rows, args.label, args.cpu_limit, args.mem_limit, commit)
    print(text)
    if not args.no_write:
        old = OUT.read_text(encoding="utf-8") if OUT.exists() else "# Pathological inputs (issue 20)\n\n"
        OUT.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
