"""Fuzz campaign: thousands of generated hostile inputs through every reader and POST /api/articles.

    nice -n 10 python -m benchmarks.fuzz_campaign --inputs 10000   # -> benchmarks/results/fuzz_campaign.md

Inputs come from :mod:`benchmarks.fuzz_inputs` (seeded): JSON Lines, JSON documents, seed text,
HTML pages and RSS/Atom feeds, written into folders of ``--per-folder`` files and ingested one
folder per call (``ingest_paths``, the folder reader), plus POST bodies through the app.  Checked:

* tracebacks: any exception escaping a reader or the ingest (in-process), any 5xx from the server,
  any "Traceback" or exit code other than 0/2 from the CLI (``--cli-folders`` folders re-run);
* lost valid records: every valid record an input holds (``fuzz_inputs`` says which) is in the
  store after its folder's ingest; a POST answered 201 stored all its records; a refused POST
  (4xx) wrote nothing;
* errors without a place: every rejected record names its file;
* corrupt databases: ``PRAGMA integrity_check`` and ``foreign_key_check`` on every store.
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
import time
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.fuzz_inputs import GENERATORS, post_body

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "fuzz-token"


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _db_checks(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        problems = []
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append(f"{db}: integrity_check failed")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"{db}: foreign_key_check failed")
    return problems


def _stored(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM articles")}


def _read_alone(path: Path) -> list[str]:
    """Ids of what a file gives read alone (the promise of a clean HTML page)."""
    from cronicar.ingest.readers import read_file
    from cronicar.model import Article

    return [a.id for a in read_file(path) if isinstance(a, Article)]


def write_folder(folder: Path, rng: random.Random, start: int, n: int, stats: Counter) -> tuple[dict[str, list[str]], dict[str, str]]:
    """``n`` generated inputs in ``folder``; returns promised ids per file and each file's kind."""
    folder.mkdir(parents=True)
    promised: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    names = list(GENERATORS)
    for i in range(start, start + n):
        kind = names[i % len(names)]
        name, data, valid = GENERATORS[kind](rng, i)
        (folder / name).write_bytes(data)
        if valid == ["read-alone"]:
            valid = _read_alone(folder / name)
            if not valid:
                stats["clean HTML page refused"] += 1
        promised[str(folder / name)] = valid
        kinds[str(folder / name)] = kind
        stats[f"inputs {kind}"] += 1
    return promised, kinds


def run_readers(work: Path, n_inputs: int, per_folder: int, seed: int, stats: Counter, failures: list[str]) -> Path:
    from cronicar.flow import ingest_paths
    from cronicar.store.db import Store

    db = work / "readers.db"
    rng = random.Random(seed)
    for start in range(0, n_inputs, per_folder):
        folder = work / f"f{start // per_folder:04d}"
        promised, kinds = write_folder(folder, rng, start, min(per_folder, n_inputs - start), stats)
        errors: list[Any] = []
        try:
            with Store(db) as store:
                report = ingest_paths(store, [folder], on_error=errors.append)
        except BaseException as exc:  # noqa: BLE001 - a traceback is what the campaign counts
            failures.append(f"traceback in {folder}: {type(exc).__name__}: {exc}"[:300])
            stats["tracebacks"] += 1
            report = None
        stats["records stored"] += len(report.added) if report else 0
        stats["records refused"] += len(errors)
        stats["errors without a file"] += sum(1 for e in errors if e.source not in kinds)
        for e in errors:
            stats[f"refused {kinds.get(e.source, '?')}"] += 1
        have = _stored(db)
        for path, ids in promised.items():
            stats["valid records promised"] += len(ids)
            lost = [i for i in ids if i not in have]
            if lost:
                stats["valid records lost"] += len(lost)
                failures.append(f"lost {len(lost)} valid records of {path} ({kinds[path]})")
        if start // per_folder % 20 == 0:
            print(f"  {start + per_folder} inputs, {len(have)} articles, {stats['tracebacks']} tracebacks,"
                  f" {stats['valid records lost']} lost, {_cpu():.0f} CPU-s", file=sys.stderr, flush=True)
    return db


def run_cli(work: Path, folders: int, stats: Counter, failures: list[str]) -> None:
    """Re-ingest some folders through the real command: exit 0 or 2, never a traceback."""
    db = work / "cli.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for folder in sorted(work.glob("f*"))[:folders]:
        res = subprocess.run([sys.executable, "-m", "cronicar.cli", "ingest", str(folder), "--db", str(db)],
                             env=env, capture_output=True, text=True, timeout=900)
        stats["CLI runs"] += 1
        if res.returncode not in (0, 2) or "Traceback" in res.stderr:
            stats["CLI tracebacks"] += 1
            failures.append(f"CLI on {folder}: exit {res.returncode}: {res.stderr[-300:]}")
        stats["CLI error lines"] += sum(1 for line in res.stderr.splitlines() if line.startswith("error: "))


def run_posts(work: Path, n: int, seed: int, stats: Counter, failures: list[str]) -> Path:
    from fastapi.testclient import TestClient

    from cronicar.serve.app import create_app
    from cronicar.store.db import Store

    db = work / "post.db"
    Store(db).close()
    try:
        app = create_app(db, token=TOKEN, writes_per_minute=1e9)
    except TypeError:  # a cronicar before write limits (to measure what the campaign finds there)
        app = create_app(db, token=TOKEN)
    client = TestClient(app, raise_server_exceptions=False)
    rng = random.Random(seed + 1)
    for _ in range(n):
        body, headers, valid = post_body(rng)
        before = _stored(db)
        try:
            res = client.post("/api/articles", content=body,
                              headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json",
                                       **{k: v.encode() for k, v in headers.items()}})
        except BaseException as exc:  # noqa: BLE001
            failures.append(f"POST raised {type(exc).__name__}: {exc}"[:300])
            stats["POST tracebacks"] += 1
            continue
        stats["inputs POST"] += 1
        stats[f"POST {res.status_code}"] += 1
        after = _stored(db)
        if res.status_code >= 500:
            stats["POST tracebacks"] += 1
            failures.append(f"POST {res.status_code}: {body[:120]!r}")
        elif res.status_code >= 400 and after != before:
            stats["POST refused but wrote"] += 1
            failures.append(f"POST {res.status_code} wrote {len(after - before)} articles: {body[:120]!r}")
        elif res.status_code == 201:
            added = res.json()["added"]
            if set(added) - after:
                stats["valid records lost"] += 1
        if valid is not None:
            stats["valid records promised"] += len(valid)
            lost = [i for i in valid if i not in after]
            if res.status_code != 201 or lost:
                stats["valid records lost"] += len(lost) or len(valid)
                failures.append(f"POST of valid records answered {res.status_code}, lost {len(lost)}")
    return db


def report(stats: Counter, failures: list[str], args: argparse.Namespace, wall: float, cpu: float,
           rss_mb: float, problems: list[str]) -> str:
    inputs = sum(v for k, v in stats.items() if k.startswith("inputs "))
    tracebacks = stats["tracebacks"] + stats["POST tracebacks"] + stats["CLI tracebacks"]
    lines = [
        "# Fuzz campaign: hostile inputs through every reader and POST /api/articles",
        "",
        f"`nice -n 10 python -m benchmarks.fuzz_campaign --inputs {args.inputs} --posts {args.posts} --seed {args.seed}`"
        f" — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, 2 shared CPU cores (load: other sessions' jobs),"
        f" {wall:.0f} s wall, {cpu:.0f} CPU-s, max RSS {rss_mb:.0f} MB.",
        "",
        "| target | result |",
        "|---|---:|",
        f"| generated inputs (files + POST bodies) | **{inputs:,}** |",
        f"| tracebacks (in-process, 5xx, CLI) | **{tracebacks}** |",
        f"| valid records lost (of {stats['valid records promised']:,} promised) | **{stats['valid records lost']}** |",
        f"| corrupt databases (integrity_check, foreign_key_check) | **{len(problems)}** |",
        f"| refused POSTs that wrote anything | **{stats['POST refused but wrote']}** |",
        f"| rejected records without their file named | **{stats['errors without a file']}** |",
        "",
        "| counter | n |",
        "|---|---:|",
    ]
    lines += [f"| {k} | {v:,} |" for k, v in sorted(stats.items())]
    lines += ["", "Failures (first 30):" if failures else "No failures.", ""]
    lines += [f"- {f}" for f in failures[:30]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=10_000, help="generated files (POST bodies come on top)")
    ap.add_argument("--posts", type=int, default=1_000, help="POST bodies")
    ap.add_argument("--per-folder", type=int, default=50)
    ap.add_argument("--cli-folders", type=int, default=3, help="folders re-ingested through the CLI")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/cronicar-fuzz"))
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "fuzz_campaign.md")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    stats: Counter = Counter()
    failures: list[str] = []
    t0, c0 = time.time(), _cpu()
    dbs = [run_readers(args.workdir, args.inputs, args.per_folder, args.seed, stats, failures)]
    dbs.append(run_posts(args.workdir, args.posts, args.seed, stats, failures))
    run_cli(args.workdir, args.cli_folders, stats, failures)
    dbs += [args.workdir / "cli.db"] if (args.workdir / "cli.db").exists() else []
    problems = [p for db in dbs for p in _db_checks(db)]
    failures += problems
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = report(stats, failures, args, time.time() - t0, _cpu() - c0, rss, problems)
    print(text)
    if not args.no_write:
        args.output.write_text(text, encoding="utf-8")
    bad = stats["tracebacks"] + stats["POST tracebacks"] + stats["CLI tracebacks"] + stats["valid records lost"] + len(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
