"""The whole Ziarul Financiar corpus through `cronicar ingest`, with a per-1,000-article cost curve.

Every dated ZF article with text (25,909 in the corpus) is written as JSON Lines in date order
(an archive export: linked in full date order), then ingested by the real CLI in a subprocess
(``--jobs N``).  A sampler reads, every ``--every`` seconds, the stored article count, the CPU
seconds of the whole process tree (writer, forkserver, workers), its memory as the sum of PSS
(shared pages divided among their sharers: real memory) and the sum of RSS, and the load average.
Each time another 1,000 articles are stored it appends one line to the log (tab-separated, with a
header): that thousand's wall and CPU seconds, the peaks of PSS and RSS during it, the mean load.
The log is written as it goes, so a run cut short still leaves the curve so far.

Run (one to two hours on 2 shared cores):
    nice -n 10 python -m benchmarks.scale_full --jobs 2 --work /tmp/x --log /tmp/x/curve.tsv \
        --write benchmarks/results/scale_full.md
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from benchmarks.scale import CLI, DATA, tree_memory

HEADER = ["articles", "wall_s", "cpu_s", "wall_s_per_1000", "cpu_s_per_1000", "writer_cpu_s_per_1000",
          "peak_pss_mb", "peak_rss_mb", "mean_load", "utc"]


def write_corpus(path: Path, limit: int | None = None) -> int:
    """Every dated ZF article with text, in (date, url) order, as JSON Lines; returns the count."""
    import pyarrow.parquet as pq  # the bench extra

    recs: list[dict[str, Any]] = []
    for p in sorted(DATA.glob("*.parquet")):
        for r in pq.read_table(p, columns=["href", "title", "date_published", "article_text"]).to_pylist():
            if r["date_published"] and r["article_text"]:
                recs.append({"id": r["href"], "url": r["href"], "title": r["title"],
                             "date": str(r["date_published"])[:10], "text": r["article_text"]})
    recs.sort(key=lambda r: (r["date"], r["url"]))
    recs = recs[:limit] if limit else recs
    with path.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs)


def stored(db: Path) -> int | None:
    """Articles committed so far (None while the store cannot be read)."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return None


@dataclass
class Curve:
    """The per-1,000 lines, and the peaks since the last one."""

    log: TextIO
    t0: float
    step: int = 1000
    last_articles: int = 0
    last_wall: float = 0.0
    last_cpu: float = 0.0
    last_writer: float = 0.0
    pss: float = 0.0
    rss: float = 0.0
    loads: list[float] = field(default_factory=list)
    peak_pss: float = 0.0
    peak_rss: float = 0.0
    rows: list[list[str]] = field(default_factory=list)

    def sample(self, count: int | None, cpu: float, writer: float, rss: float, pss: float,
               final: bool = False) -> None:
        """One sample; a line when ``count`` reached the next thousand (or, ``final``, any rest)."""
        self.pss, self.rss = max(self.pss, pss), max(self.rss, rss)
        self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
        self.loads.append(os.getloadavg()[0])
        if count is not None and (count >= self.last_articles + self.step or (final and count > self.last_articles)):
            self.mark(count, cpu, writer)

    def mark(self, articles: int, cpu: float, writer: float) -> None:
        wall = time.perf_counter() - self.t0
        per = 1000 / (articles - self.last_articles)  # per 1,000 articles (a sample lands a few past the mark)
        row = [str(articles), f"{wall:.1f}", f"{cpu:.1f}", f"{(wall - self.last_wall) * per:.1f}",
               f"{(cpu - self.last_cpu) * per:.1f}", f"{(writer - self.last_writer) * per:.1f}", f"{self.pss:.0f}", f"{self.rss:.0f}",
               f"{sum(self.loads) / max(1, len(self.loads)):.1f}", f"{datetime.now(timezone.utc):%H:%M:%S}"]
        self.log.write("\t".join(row) + "\n")
        self.log.flush()
        self.rows.append(row)
        self.last_articles, self.last_wall, self.last_cpu, self.last_writer = articles, wall, cpu, writer
        self.pss = self.rss = 0.0
        self.loads = []


def run(src: Path, db: Path, jobs: int, log: TextIO, every: float, step: int) -> tuple[Curve, int, str]:
    """Ingest ``src`` into ``db``, sampling; returns the curve, the exit code and the last output line."""
    log.write("\t".join(HEADER) + "\n")
    log.flush()
    cmd = [*CLI, "ingest", str(src), "--db", str(db), "--jobs", str(jobs)]
    curve = Curve(log, time.perf_counter(), step)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    cpu_seen: dict[int, tuple[str, float]] = {}  # pid -> (kind, CPU s), as benchmarks.scale records it
    stop = threading.Event()

    def sample(final: bool = False) -> None:
        rss, pss = tree_memory(proc.pid, cpu_seen)
        cpu = sum(c for _, c in cpu_seen.values())
        writer = sum(c for kind, c in cpu_seen.values() if kind == "driver")  # the CLI process: read, link, store
        curve.sample(stored(db), cpu, writer, rss, pss, final)

    def loop() -> None:
        while not stop.wait(every):
            sample()

    sampler = threading.Thread(target=loop, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    stop.set()
    sampler.join()
    sample(final=True)  # the last, partial thousand (memory of the exited tree reads 0)
    last = (out.strip().splitlines() or err.strip().splitlines() or [""])[-1]
    return curve, proc.returncode, last


def table(n: int, jobs: int, curve: Curve, code: int, last: str) -> str:
    rows = ["| articles | wall s | CPU s (tree) | wall s / 1,000 | CPU s / 1,000 | writer CPU s / 1,000 | peak PSS | "
            "peak RSS sum | load |", "|---|---|---|---|---|---|---|---|---|"]
    rows += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} MB | {r[7]} MB | {r[8]} |" for r in curve.rows]
    return "\n".join([
        f"{n} Ziarul Financiar articles in date order, `cronicar ingest --jobs {jobs}`, finished "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs (shared), exit code {code}: {last}",
        "", *rows, "",
        f"- peak memory of the whole tree: {curve.peak_pss:.0f} MB PSS, {curve.peak_rss:.0f} MB RSS summed",
        ""])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, help="only the first N articles in date order (a trial)")
    ap.add_argument("--work", type=Path, required=True, help="folder for the input and the store")
    ap.add_argument("--log", type=Path, help="the per-1,000 curve, written as it goes (default: WORK/curve.tsv)")
    ap.add_argument("--every", type=float, default=1.0, help="seconds between samples")
    ap.add_argument("--step", type=int, default=1000, help="articles per line of the curve")
    ap.add_argument("--write", type=Path, help="append the markdown table to this file at the end")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    src, db = a.work / "zf-all.jsonl", a.work / "zf-all.db"
    n = write_corpus(src, a.limit)
    with (a.log or a.work / "curve.tsv").open("w", encoding="utf-8") as log:
        curve, code, last = run(src, db, a.jobs, log, a.every, a.step)
    md = table(n, a.jobs, curve, code, last)
    print(md)
    if a.write:
        with a.write.open("a", encoding="utf-8") as f:
            f.write("\n" + md)


if __name__ == "__main__":
    main()
