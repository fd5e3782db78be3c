"""Scale-out side by side: `ingest --jobs 1`, `--jobs 2`, `spark ingest` local[2], and Spark local[2] + `ingest --annotations`.

The same N Ziarul Financiar articles (JSON Lines, shuffled with seed 7 as ``ingest_speed``) go
through each way in one run, one after the other, as the real CLI in a subprocess.  For each:
wall seconds, articles per wall second, CPU seconds of the whole process tree, peak memory of the
tree, sampled every 0.2 s (workers and Spark's JVM included) as the sum of PSS (shared pages
divided among their sharers: real memory) and as the sum of RSS (shared pages counted in each), the
seconds until the first article was committed, and the load average during the run (the machine
is shared: the ratio of wall rates is the speed-up only when the other cores were free).  The
exports of the three databases are compared: they must be identical.

Run: python -m benchmarks.scale [--n 2000] [--ways jobs1,jobs2,spark-ingest,spark-annotate] [--no-jobs1]
[--no-spark] [--by-date] [--base OTHER_CHECKOUT --ways jobs2,spark-ingest@base,spark-ingest]
[--write benchmarks/results/scale.md]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ro" / "news-zf"
CLI = [sys.executable, "-m", "cronicar.cli"]
# How often the sampler reads the tree's RSS and CPU (/proc/<pid>/stat of every process: ~2 CPU-ms)
# and its PSS (smaps_rollup walks every page table of the tree: ~45 CPU-ms for a `--jobs 2` tree of
# 2 GB RSS).  The sampler runs on the machine it measures: at 0.2 s and 1 s it took ~5.6% of a
# core, which `--jobs 1` leaves idle but `--jobs 2` needs (its wall time, not its tree's CPU, paid
# for it); at 0.5 s and 5 s, ~1.4%.  A peak of PSS shorter than PSS_EVERY can be missed; the
# workers' memory ratchets up and stays (analyze/heap.py), so their plateau is not.
RSS_EVERY = 0.5
PSS_EVERY = 5.0


def write_input(n: int, path: Path, seed: int = 7, by_date: bool = False) -> None:
    import pyarrow.parquet as pq  # the bench extra

    recs: list[dict[str, Any]] = []
    for p in sorted(DATA.glob("*.parquet")):
        for r in pq.read_table(p, columns=["href", "title", "date_published", "article_text"]).to_pylist():
            if r["date_published"] and r["article_text"]:
                recs.append({"id": r["href"], "url": r["href"], "title": r["title"],
                             "date": str(r["date_published"])[:10], "text": r["article_text"]})
    random.Random(seed).shuffle(recs)
    if by_date:  # an archive export's order: every way then links in full date order
        recs[:n] = sorted(recs[:n], key=lambda r: (r["date"], r["id"]))
    with path.open("w", encoding="utf-8") as f:
        for r in recs[:n]:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def pss_mb(pid: int) -> float:
    """Proportional set size of ``pid`` in MB: each shared page divided among the processes
    sharing it, so a sum over a tree counts a copy-on-write model once (0 if unreadable)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _processes() -> tuple[dict[int, list[int]], dict[int, int], dict[int, float]]:
    """(children by parent, RSS bytes, CPU seconds) of every process, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    cpu: dict[int, float] = {}
    tick, page = os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * page
        cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
    return children, rss, cpu


def tree_memory(root: int, cpu_seen: dict[int, tuple[str, float]], with_pss: bool = True) -> tuple[float, float]:
    """(sum of RSS, sum of PSS) in MB over ``root`` and all its descendants; records each one's
    kind and CPU seconds in ``cpu_seen`` (Spark's Python workers are the JVM's children, which
    rusage misses).  Kinds: ``driver`` (the CLI process), ``jvm`` (Spark's Java process),
    ``spark-py`` (Python under the JVM: Spark's daemon and workers), ``workers`` (``--jobs N``'s
    forkserver and workers).  The RSS sum counts a page shared by N processes N times; the PSS sum once."""
    children, rss, cpu = _processes()
    total_rss, total_pss, todo = 0, 0.0, [(root, "driver")]
    while todo:
        pid, kind = todo.pop()
        total_rss += rss.get(pid, 0)
        if pid in rss and with_pss:
            total_pss += pss_mb(pid)
        if pid in cpu:
            cpu_seen[pid] = (kind, cpu[pid])
        for child in children.get(pid, []):
            todo.append((child, _kind(child, kind)))
    return total_rss / 2**20, total_pss


def _kind(pid: int, parent_kind: str) -> str:
    if parent_kind in ("jvm", "spark-py"):
        return "spark-py"
    try:
        with open(f"/proc/{pid}/comm") as f:
            if f.read().strip() == "java":
                return "jvm"
    except OSError:
        pass
    return "workers"


def measured(cmd: list[str], db: Path | None = None, src: Path | None = None) -> dict[str, float]:
    """Run ``cmd`` (with the package from ``src`` first on the path, if given); wall, CPU of the
    tree, peak tree RSS, first commit time, mean load."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seen: dict[int, tuple[str, float]] = {}
    env = None if src is None else {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(src), *filter(None, [os.environ.get("PYTHONPATH")])])}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak, peak_pss, first, loads, sampler_cpu = 0.0, 0.0, None, [], 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss, first, sampler_cpu
        started, pss_at = time.thread_time(), -PSS_EVERY
        while not stop.is_set():
            # PSS (smaps_rollup walks every page table) every PSS_EVERY seconds: sampled every
            # 0.2 s it took ~15% of a core from the run it measured (2026-12-07, 2,000 articles).
            now = time.perf_counter()
            with_pss = now - pss_at >= PSS_EVERY
            pss_at = now if with_pss else pss_at
            rss, pss = tree_memory(proc.pid, cpu_seen, with_pss=with_pss)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            loads.append(os.getloadavg()[0])
            if first is None and db is not None and db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
                        if c.execute("SELECT count(*) FROM articles").fetchone()[0]:
                            first = time.perf_counter() - t0
                except sqlite3.Error:
                    pass
            sampler_cpu = time.thread_time() - started
            stop.wait(RSS_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err[-3000:]}")
    # rusage counts the processes waited for (the CLI and its workers, to their end); the /proc
    # samples also see processes nobody waits for (Spark's Python workers), up to the last sample.
    split = {f"cpu_{kind}": sum(c for k, c in cpu_seen.values() if k == kind)
             for kind in ("driver", "jvm", "spark-py", "workers")}
    cpu = max((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), sum(split.values()))
    return {"wall": wall, "cpu": cpu, **split, "peak_mb": peak, "peak_pss": peak_pss, "first": first or float("nan"),
            "load": sum(loads) / max(1, len(loads)), "sampler_cpu": sampler_cpu,
            "out": out.strip().splitlines()[-1] if out.strip() else ""}


def export(db: Path) -> str:
    return subprocess.run([*CLI, "export", "--db", str(db), "--format", "json"], check=True,
                          capture_output=True, text=True).stdout


def _has_spark() -> bool:
    if shutil.which("java") is None:
        return False
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True


def run(n: int, work: Path, ways: tuple[str, ...] = ("jobs1", "jobs2", "spark-ingest", "spark-annotate"),
        by_date: bool = False, base: Path | None = None) -> tuple[list[tuple[str, dict[str, float]]], bool, str]:
    """Each of ``ways`` in turn on the same ``n`` articles: ``jobs1``, ``jobs2`` (``cronicar ingest
    --jobs N``), ``spark-ingest`` (``cronicar spark ingest``: analysis as Spark tasks while the driver
    writes), ``spark-annotate`` (``spark annotate`` then ``ingest --annotations``).  A way ending in
    ``@base`` runs the code under ``base`` (another checkout's ``src``): before/after in one run."""
    src = work / "zf.jsonl"
    write_input(n, src, by_date=by_date)
    results: list[tuple[str, dict[str, float]]] = []
    dbs = {}
    spark = _has_spark()
    for way in ways:
        name, _, at = way.partition("@")
        code = base if at else None
        tag = f" ({at})" if at else ""
        db = work / f"{way.replace('@', '-')}.db"
        if name in ("jobs1", "jobs2"):
            dbs[way] = db
            jobs = name[-1]
            results.append((f"ingest --jobs {jobs}{tag}", measured(
                [*CLI, "ingest", str(src), "--db", str(db), "--jobs", jobs], db, code)))
        elif spark and name == "spark-ingest":
            dbs[way] = db
            results.append((f"spark ingest local[2]{tag}", measured(
                [*CLI, "spark", "ingest", "--master", "local[2]", "--input", str(src), "--db", str(db)], db, code)))
        elif spark and name == "spark-annotate":
            dbs[way] = db
            results += _annotate_then_ingest(src, work / way.replace("@", "-"), db, code, tag)
    exports = {name: export(db) for name, db in dbs.items()}
    same = len(set(exports.values())) == 1
    return results, same, ", ".join(dbs)


def _annotate_then_ingest(src: Path, ann: Path, db: Path, code: Path | None,
                          tag: str = "") -> list[tuple[str, dict[str, float]]]:
    ann_run = measured([*CLI, "spark", "annotate", "--master", "local[2]", "--input", str(src), "--output", str(ann)],
                       None, code)
    link = measured([*CLI, "ingest", "--annotations", str(ann), "--db", str(db)], db, code)
    wall = ann_run["wall"] + link["wall"]
    total = {k: ann_run[k] + link[k] for k in ann_run if k.startswith("cpu")}
    total.update({"wall": wall, "peak_mb": max(ann_run["peak_mb"], link["peak_mb"]),
                  "peak_pss": max(ann_run["peak_pss"], link["peak_pss"]), "first": float("nan"),
                  "load": (ann_run["load"] * ann_run["wall"] + link["load"] * link["wall"]) / wall, "out": ""})
    return [(f"spark annotate local[2]{tag}", ann_run), (f"ingest --annotations{tag}", link),
            (f"spark total (annotate + ingest){tag}", total)]


def table(n: int, results: list[tuple[str, dict[str, float]]], same: bool, compared: str) -> str:
    rows = ["| way | wall s | articles / wall s | CPU s (tree) | CPU s: driver / JVM / Spark's Python / --jobs workers"
            " | peak PSS (tree) | peak RSS sum (tree) | first commit after | mean load (1 min) |",
            "|---|---|---|---|---|---|---|---|---|"]
    for name, r in results:
        first = "" if r["first"] != r["first"] else f"{r['first']:.1f} s"  # NaN: not measured
        split = " / ".join(f"{r.get(f'cpu_{k}', 0):.1f}" for k in ("driver", "jvm", "spark-py", "workers"))
        rows.append(f"| {name} | {r['wall']:.1f} | {n / r['wall']:.2f} | {r['cpu']:.1f} | {split}"
                    f" | {r['peak_pss']:.0f} MB | {r['peak_mb']:.0f} MB | {first} | {r['load']:.1f} |")
    base = dict(results)
    lines = [f"{n} Ziarul Financiar articles, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
             f"{os.cpu_count()} CPUs (shared).", "", *rows, ""]
    jobs2 = base.get("ingest --jobs 2")
    if jobs2 and "ingest --jobs 1" in base:
        lines.append(f"- `--jobs 2` / `--jobs 1` (articles per wall second): "
                     f"{base['ingest --jobs 1']['wall'] / jobs2['wall']:.2f}x")
    for name, r in results:
        if jobs2 and name.startswith(("spark ingest", "spark total")):
            lines.append(f"- {name} / `--jobs 2`: wall {r['wall'] / jobs2['wall']:.2f}x, CPU {r['cpu'] / jobs2['cpu']:.2f}x")
    sampled = [f"{name} {r['sampler_cpu']:.1f} s ({100 * r['sampler_cpu'] / r['wall']:.1f}% of a core)"
               for name, r in results if "sampler_cpu" in r]
    if sampled:  # the harness's own cost, on the cores it measures (not in any tree's CPU)
        lines.append(f"- CPU of the harness's sampler: {'; '.join(sampled)}")
    lines.append(f"- exports of {compared}: {'identical' if same else 'DIFFERENT'}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--write", type=Path, help="append the markdown table to this file")
    ap.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    ap.add_argument("--ways", default="jobs1,jobs2,spark-ingest,spark-annotate",
                    help="comma-separated, run in this order: jobs1, jobs2, spark-ingest, spark-annotate")
    ap.add_argument("--by-date", action="store_true",
                    help="the sample in date order (an archive export): a direct ingest then links in full"
                         " date order as ingest --annotations does, not per 512-article window")
    ap.add_argument("--base", type=Path, help="another checkout whose src/ the ways ending in @base run"
                    " (e.g. spark-ingest@base: the code before a change, side by side)")
    ap.add_argument("--no-spark", action="store_true", help="only --jobs 1 and --jobs 2")
    ap.add_argument("--no-jobs1", action="store_true", help="without --jobs 1")
    a = ap.parse_args()
    ways = tuple(w for w in a.ways.split(",") if w
                 and not (a.no_spark and w.startswith("spark")) and not (a.no_jobs1 and w == "jobs1"))
    work = a.work or Path(tempfile.mkdtemp(prefix="cronicar-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    base = a.base.resolve() / "src" if a.base else None
    results, same, compared = run(a.n, work, ways, by_date=a.by_date, base=base)
    md = table(a.n, results, same, compared)
    print(md)
    if a.write:
        with a.write.open("a", encoding="utf-8") as f:
            f.write("\n" + md)


if __name__ == "__main__":
    main()
