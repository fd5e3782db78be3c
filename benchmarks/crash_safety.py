"""Crash safety and concurrency runs: kill -9 during ingest, reads during ingest, two writers.

    nice -n 10 python -m benchmarks.crash_safety --trials 12 --requests 4000   # -> benchmarks/results/crash_safety.md

* **kill -9**: ``cronicar ingest`` of real Romanian political news (``../shared/data/ro/news-political``,
  the first ``--articles``) is killed with SIGKILL at a random moment, resumed, killed again...
  until it completes; each trial checks ``PRAGMA integrity_check`` after every kill, that nothing
  committed before a kill is lost, and that the finished store's chronicle export equals an
  uninterrupted run's.
* **reads during ingest**: ``cronicar serve`` (read-only) answers ``--requests`` GETs from 8 threads
  (story list, pages, articles, search, chronicle) while ``cronicar ingest`` writes the same file;
  every answer must be 200.
* **two writers**: two ``cronicar ingest`` of overlapping halves into one file at once: both exit
  0, the store holds the union once (the writer lock, ``Store.writer``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "ro" / "news-political" / "dev.csv"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def write_input(path: Path, n: int, offset: int = 0) -> int:
    """The first ``n`` dated articles of the political news set (from ``offset``) as JSON Lines."""
    csv.field_size_limit(10**8)
    with NEWS.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["maintext"].strip() and r["date_publish"][:4].isdigit()]
    rows = rows[offset:offset + n]
    path.write_text("\n".join(json.dumps({"text": r["maintext"], "date": r["date_publish"][:10], "title": r["title"],
                                          "url": r["url"]}, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return len(rows)


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cronicar.cli", *args], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _ids(db: Path) -> set[str]:
    if not db.exists():
        return set()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        try:
            return {r[0] for r in conn.execute("SELECT id FROM articles")}
        except sqlite3.OperationalError:  # killed before the schema was committed
            return set()


def _intact(db: Path) -> bool:
    if not db.exists():
        return True
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _export(db: Path) -> str:
    out = subprocess.run([sys.executable, "-m", "cronicar.cli", "export", "--format", "json", "--db", str(db)],
                         env=ENV, capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    for art in data.get("articles", []):
        art.pop("ingested_at", None)
    data.pop("generated", None)
    return json.dumps(data, sort_keys=True)


def kill9(work: Path, trials: int, articles: int, seed: int, stats: Counter, notes: list[str]) -> None:
    src = work / "news.jsonl"
    write_input(src, articles)
    ref = work / "ref.db"
    p = _cli("ingest", str(src), "--db", str(ref))
    t0 = time.time()
    p.communicate()
    full = time.time() - t0
    reference = _export(ref)
    rng = random.Random(seed)
    for trial in range(trials):
        db = work / f"kill{trial}.db"
        for f in work.glob(f"kill{trial}.db*"):
            f.unlink()
        kills = 0
        while True:
            p = _cli("ingest", str(src), "--db", str(db))
            delay = rng.uniform(0.5, full * 0.9)
            try:
                p.wait(timeout=delay)
                break  # finished before the kill
            except subprocess.TimeoutExpired:
                before = _ids(db)
                p.send_signal(signal.SIGKILL)
                p.wait()
                kills += 1
                after = _ids(db)
                stats["kills"] += 1
                if not _intact(db):
                    stats["corrupt after kill"] += 1
                    notes.append(f"trial {trial}: integrity_check failed after kill {kills}")
                if before - after:
                    stats["committed then lost"] += len(before - after)
            if kills > 30:
                notes.append(f"trial {trial}: never finished")
                break
        stats["trials"] += 1
        if _export(db) == reference:
            stats["exports identical to uninterrupted"] += 1
        else:
            notes.append(f"trial {trial}: export differs from the uninterrupted run ({kills} kills)")


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as res:
            res.read()
            return res.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except Exception:  # noqa: BLE001 - a refused or dropped connection is a failure to count
        return 0


def reads_during_ingest(work: Path, requests: int, articles: int, port: int, stats: Counter, notes: list[str]) -> None:
    db = work / "reads.db"
    first, rest = work / "first.jsonl", work / "rest.jsonl"
    write_input(first, 5)
    write_input(rest, articles, offset=5)
    _cli("ingest", str(first), "--db", str(db)).communicate()
    server = _cli("serve", "--db", str(db), "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        if _get(base + "/api/stories") == 200:
            break
        time.sleep(0.5)
    writer = _cli("ingest", str(rest), "--db", str(db))
    paths = ["/", "/api/stories", "/api/articles", "/api/search?q=guvern", "/search?q=ministru", "/entities",
             "/api/entities", "/api/chronicle"]
    codes: Counter = Counter()
    lock = threading.Lock()
    during = [0]

    def worker(k: int) -> None:
        for i in range(requests // 8):
            code = _get(base + paths[(i + k) % len(paths)])
            with lock:
                codes[code] += 1
                during[0] += writer.poll() is None
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    writer.communicate()
    server.send_signal(signal.SIGINT)
    server.communicate(timeout=30)
    stats["read requests"] += sum(codes.values())
    stats["read requests while the ingest ran"] += during[0]
    stats["read answers 200"] += codes[200]
    for code, n in codes.items():
        if code != 200:
            notes.append(f"reads: {n} answers {code}")
    stats["reads store intact"] += _intact(db)


def two_writers(work: Path, articles: int, stats: Counter, notes: list[str]) -> None:
    a, b, db = work / "a.jsonl", work / "b.jsonl", work / "two.db"
    write_input(a, articles * 2 // 3)
    write_input(b, articles - articles // 3, offset=articles // 3)  # the halves overlap, the union is all
    procs = [_cli("ingest", str(a), "--db", str(db)), _cli("ingest", str(b), "--db", str(db))]
    outs = [p.communicate() for p in procs]
    stats["two writers exit codes 0"] += sum(p.returncode == 0 for p in procs)
    stats["two writers: waited for the other"] += sum("waiting for another ingest" in err for _, err in outs)
    if any("Traceback" in err for _, err in outs):
        notes.append("two writers: a traceback: " + " | ".join(err[-200:] for _, err in outs))
    stored, expected = _ids(db), _ids(work / "ref.db")  # the kill -9 reference: the same articles in one run
    stats["two writers articles stored"] = len(stored)
    stats["two writers articles expected (one run of both halves)"] = len(expected)
    if stored != expected:
        notes.append(f"two writers: {len(expected - stored)} missing, {len(stored - expected)} extra")
    stats["two writers store intact"] += _intact(db)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=12)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/cronicar-crash"))
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "crash_safety.md")
    ap.add_argument("--parts", default="kill9,reads,two", help="which runs (two needs kill9's reference store)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    if not NEWS.exists():
        print(f"skipped: {NEWS} not found", file=sys.stderr)
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    stats: Counter = Counter()
    notes: list[str] = []
    t0 = time.time()
    if "kill9" in args.parts:
        kill9(args.workdir, args.trials, args.articles, args.seed, stats, notes)
    if "reads" in args.parts:
        reads_during_ingest(args.workdir, args.requests, args.articles, args.port, stats, notes)
    if "two" in args.parts:
        two_writers(args.workdir, args.articles, stats, notes)
    lines = ["# Crash safety and concurrency", "",
             f"`nice -n 10 python -m benchmarks.crash_safety --trials {args.trials} --articles {args.articles}"
             f" --requests {args.requests}` — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, 2 shared CPU cores,"
             f" {time.time() - t0:.0f} s wall.", "", "| check | n |", "|---|---:|"]
    lines += [f"| {k} | {v:,} |" for k, v in sorted(stats.items())]
    lines += ["", "Problems:" if notes else "No problems.", ""] + [f"- {n}" for n in notes]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        args.output.write_text(text, encoding="utf-8")
    bad = stats["corrupt after kill"] + stats["committed then lost"] + len(notes)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
