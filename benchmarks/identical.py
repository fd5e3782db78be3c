"""Output identity of two source trees: does a refactoring change what cronicar writes?

Each side (``--before`` and ``--after``, two ``src`` folders) runs in its own subprocess with only
its own folder first on ``PYTHONPATH`` (the child checks that ``cronicar`` really comes from it),
and runs the same commands on the same inputs:

- ``cronicar annotate`` on the seeds (``../shared/seeds``), the texts of the Romanian gold sets
  (quotes ``ro-dev``, timex ``ro-dev``, the fresh gold of issue 19, train and check) and a seeded
  sample of Ziarul Financiar articles (``../shared/data/ro/news-zf``, 500 by default);
- ``cronicar ingest`` then ``cronicar export --format json`` of the seeds and of the same ZF
  sample (one job, so both sides link in the same order).

Then, per input, how many records differ (annotate: one record per input line; export: per list
of the chronicle, records matched by ``id``, or as a multiset when a list has no ids), and the
first differences, field by field.  The exit code is 0 when everything is identical, 1 when not.

The commands run in one process per side (``cronicar.cli.main``), so the spaCy model loads once;
the CPU seconds of each command are printed for both sides (a rough figure: the speed target is
measured by ``benchmarks.ingest_speed``).  Cost: about 3 CPU-minutes per side with the defaults.

Run from the repo root::

    /work/venv/bin/python -m benchmarks.identical --before /work/main/src --after $PWD/src
    ... --zf 100 --inputs seeds gold-timex-ro-dev     # a quicker check
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
ZF = SHARED / "data" / "ro" / "news-zf"

ANNOTATE_INPUTS = ("seeds", "gold-quotes-ro-dev", "gold-timex-ro-dev", "gold-fresh", "zf")
INGEST_INPUTS = ("ingest-seeds", "ingest-zf")
ALL_INPUTS = ANNOTATE_INPUTS + INGEST_INPUTS


# ---------------------------------------------------------------------------------------------
# inputs (prepared once, by the parent, without importing cronicar)


def _write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


# The seed header (`` date YYYY[-MM[-DD]]`` then the body, on the same line or the next); the same
# shape as the seed reader's, written here so that the parent never imports cronicar.
_SEED_HEADER = re.compile(r"^\ufeff?\s*date\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?:[ \t]+|\s*\n)", re.I)


def seed_records() -> list[dict[str, Any]]:
    """The seed files as annotate records (text after the date header, the header's date)."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        m = _SEED_HEADER.match(raw)
        if not m:
            raise SystemExit(f"{path}:1: no ' date YYYY-MM-DD' header")
        out.append({"id": path.stem, "text": raw[m.end():], "dct": m.group(1)})
    return out


def _eval_module(name: str) -> Any:
    sys.path.insert(0, str(ROOT / "eval"))
    import importlib

    return importlib.import_module(name)


def _gold_records(which: str) -> list[dict[str, Any]]:
    if which == "gold-quotes-ro-dev":
        docs = _eval_module("quotes_datasets").load_ro("dev")
        return [{"id": d.id, "text": d.text, "dct": d.dct, "lang": d.lang} for d in docs]
    if which == "gold-timex-ro-dev":
        docs = _eval_module("timex_datasets").load_ro_dev()
        return [{"id": d["id"], "text": d["text"], "dct": d.get("dct"), "lang": d.get("lang", "ro")} for d in docs]
    docs = _eval_module("fresh_gold").load(None, None, shared=SHARED)  # train and check, every source
    return [{"id": d["id"], "text": d["text"], "dct": d.get("dct"), "lang": d.get("lang", "ro")} for d in docs]


def zf_sample(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` dated ZF articles with text, drawn with ``seed`` from every parquet file."""
    import pyarrow.parquet as pq  # bench extra

    recs: list[dict[str, Any]] = []
    for p in sorted(ZF.glob("*.parquet")):
        rows = pq.read_table(p, columns=["href", "title", "date_published", "article_text"]).to_pylist()
        recs += [r for r in rows if r["date_published"] and r["article_text"] and str(r["article_text"]).strip()]
    random.Random(seed).shuffle(recs)
    return [{"id": f"zf{i:04d}", "url": r["href"], "title": r["title"], "source": "zf",
             "date": str(r["date_published"])[:10], "text": str(r["article_text"])}
            for i, r in enumerate(recs[:n])]


def prepare(inputs: list[str], folder: Path, zf_n: int, seed: int) -> list[dict[str, Any]]:
    """The job list both sides run: one dict per command with its input and output names."""
    folder.mkdir(parents=True, exist_ok=True)
    jobs: list[dict[str, Any]] = []
    zf_path = folder / "zf.jsonl"
    if {"zf", "ingest-zf"} & set(inputs):
        _write_jsonl(zf_path, zf_sample(zf_n, seed))
    for name in inputs:
        if name == "seeds":
            path = folder / "seeds.jsonl"
            _write_jsonl(path, seed_records())
        elif name.startswith("gold-"):
            path = folder / f"{name}.jsonl"
            _write_jsonl(path, _gold_records(name))
        elif name == "zf":
            path = zf_path
        else:  # ingest-*: the seeds as files (their own reader), ZF as JSONL
            source = SEEDS if name == "ingest-seeds" else zf_path
            jobs.append({"name": name, "kind": "ingest", "input": str(source)})
            continue
        jobs.append({"name": name, "kind": "annotate", "input": str(path)})
    return jobs


# ---------------------------------------------------------------------------------------------
# one side (runs in the child process)


def run_side(src: Path, jobs: list[dict[str, Any]], out: Path) -> dict[str, Any]:
    """In the child: run every job with ``cronicar.cli.main``; returns CPU seconds and exit codes."""
    import contextlib
    import io
    import time

    import cronicar
    from cronicar.cli import main

    here = Path(cronicar.__file__).resolve()
    if src.resolve() not in here.parents:
        raise SystemExit(f"cronicar imported from {here}, not from {src}: check PYTHONPATH")
    out.mkdir(parents=True, exist_ok=True)
    log: dict[str, Any] = {}
    for job in jobs:
        name = job["name"]
        t0 = time.process_time()
        sink = io.StringIO()
        with contextlib.redirect_stderr(sink):
            if job["kind"] == "annotate":
                codes = [main(["annotate", "-i", job["input"], "-o", str(out / f"{name}.jsonl")])]
            else:
                db = out / f"{name}.db"
                db.unlink(missing_ok=True)
                with contextlib.redirect_stdout(sink):
                    codes = [main(["ingest", "--db", str(db), "--jobs", "1", job["input"]])]
                codes.append(main(["export", "--db", str(db), "--format", "json", "-o", str(out / f"{name}.json")]))
        log[name] = {"cpu_s": round(time.process_time() - t0, 2), "codes": codes,
                     "stderr": sink.getvalue()[-2000:]}
    return log


def spawn_side(src: Path, plan: Path, out: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--side", str(src), "--plan", str(plan),
           "--out", str(out)]
    return subprocess.Popen(cmd, env=env, cwd=str(out.parent))


# ---------------------------------------------------------------------------------------------
# comparison


def _short(value: Any, width: int = 240) -> str:
    s = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return s if len(s) <= width else s[:width] + "…"


def field_diffs(before: Any, after: Any, path: str = "") -> list[str]:
    """Human-readable differences between two JSON values: the first differing element of each
    differing field (lists are compared position by position)."""
    if isinstance(before, dict) and isinstance(after, dict):
        lines = []
        for key in sorted(set(before) | set(after), key=str):
            if before.get(key, "<absent>") != after.get(key, "<absent>"):
                lines += field_diffs(before.get(key, "<absent>"), after.get(key, "<absent>"), f"{path}.{key}")
        return lines
    if isinstance(before, list) and isinstance(after, list):
        for i, (b, a) in enumerate(zip(before, after)):
            if b != a:
                extra = f" (lengths {len(before)} vs {len(after)})" if len(before) != len(after) else ""
                return [f"{path}[{i}]{extra}: {_short(b)}  ->  {_short(a)}"]
        return [f"{path}: {len(before)} items -> {len(after)} items; extra: "
                f"{_short(before[len(after):] or after[len(before):])}"]
    return [f"{path}: {_short(before)}  ->  {_short(after)}"]


def _read_jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def compare_records(before: list[Any], after: list[Any]) -> tuple[int, list[str]]:
    """Records compared line by line: (how many differ, difference lines)."""
    differ, lines = 0, []
    for i in range(max(len(before), len(after))):
        b = before[i] if i < len(before) else None
        a = after[i] if i < len(after) else None
        if b != a:
            differ += 1
            rid = (b or a or {}).get("id", i) if isinstance(b or a, dict) else i
            lines += [f"record {rid}: {d}" for d in field_diffs(b, a)]
    return differ, lines


def compare_list(before: list[Any], after: list[Any]) -> tuple[int, list[str]]:
    """One chronicle list: matched by ``id`` when every record has one, else as a multiset."""
    if all(isinstance(r, dict) and "id" in r for r in before + after):
        bi, ai = {r["id"]: r for r in before}, {r["id"]: r for r in after}
        differ, lines = 0, []
        for rid in sorted(set(bi) | set(ai), key=str):
            if bi.get(rid) != ai.get(rid):
                differ += 1
                lines += [f"id {rid}: {d}" for d in field_diffs(bi.get(rid), ai.get(rid))]
        return differ, lines
    key = lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True)  # noqa: E731
    cb, ca = Counter(map(key, before)), Counter(map(key, after))
    only_b, only_a = cb - ca, ca - cb
    lines = [f"only before: {_short(json.loads(k))}" for k in only_b] + \
            [f"only after: {_short(json.loads(k))}" for k in only_a]
    return max(sum(only_b.values()), sum(only_a.values())), lines


def compare_export(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[int, int, list[str]]]:
    out = {}
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key), after.get(key)
        if isinstance(b, list) and isinstance(a, list):
            differ, lines = compare_list(b, a)
            out[key] = (max(len(b), len(a)), differ, lines)
        else:
            out[key] = (1, int(b != a), field_diffs(b, a) if b != a else [])
    return out


def report(jobs: list[dict[str, Any]], sides: dict[str, Path], logs: dict[str, dict[str, Any]],
           show: int) -> bool:
    """Print the comparison; True when every output is identical."""
    same = True
    print(f"{'input':<22} {'records':>8} {'differ':>7}   cpu s before / after")
    for job in jobs:
        name = job["name"]
        cpu = f"{logs['before'][name]['cpu_s']:>7.1f} / {logs['after'][name]['cpu_s']:.1f}"
        codes = {s: logs[s][name]["codes"] for s in sides}
        if codes["before"] != codes["after"]:
            same = False
            print(f"{name}: exit codes differ {codes}")
        if job["kind"] == "annotate":
            b, a = (_read_jsonl(sides[s] / f"{name}.jsonl") for s in ("before", "after"))
            differ, lines = compare_records(b, a)
            print(f"{name:<22} {max(len(a), len(b)):>8} {differ:>7}   {cpu}")
            same &= differ == 0
            _show(lines, show)
            continue
        b, a = (json.loads((sides[s] / f"{name}.json").read_text(encoding="utf-8")) for s in ("before", "after"))
        print(f"{name:<22} {'':>8} {'':>7}   {cpu}")
        for key, (n, differ, lines) in compare_export(b, a).items():
            print(f"  export .{key:<13} {n:>8} {differ:>7}")
            same &= differ == 0
            _show(lines, show, indent="    ")
    return same


def _show(lines: list[str], show: int, indent: str = "  ") -> None:
    for line in lines[:show]:
        print(f"{indent}{line}")
    if len(lines) > show:
        print(f"{indent}… {len(lines) - show} more difference lines")


# ---------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--before", type=Path, help="the reference src folder (e.g. /work/main/src)")
    p.add_argument("--after", type=Path, help="the changed src folder (e.g. $PWD/src)")
    p.add_argument("--inputs", nargs="+", choices=ALL_INPUTS, default=list(ALL_INPUTS))
    p.add_argument("--zf", type=int, default=500, help="ZF articles to annotate and ingest (default 500)")
    p.add_argument("--seed", type=int, default=7, help="the ZF sample's seed (default 7)")
    p.add_argument("--show", type=int, default=8, help="difference lines printed per input (default 8)")
    p.add_argument("--workdir", type=Path, help="where inputs and outputs go (default: a new /tmp folder)")
    p.add_argument("--sequential", action="store_true", help="run the sides one after the other")
    # the child's arguments
    p.add_argument("--side", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.side:  # the child
        jobs = json.loads(args.plan.read_text(encoding="utf-8"))
        log = run_side(args.side, jobs, args.out)
        (args.out / "log.json").write_text(json.dumps(log, indent=1), encoding="utf-8")
        return 0
    if not args.before or not args.after:
        print("error: give --before SRC and --after SRC", file=sys.stderr)
        return 2
    for side in (args.before, args.after):
        if not (side / "cronicar" / "__init__.py").exists():
            print(f"error: {side} has no cronicar package", file=sys.stderr)
            return 2
    work = args.workdir or Path(tempfile.mkdtemp(prefix="identical-"))
    jobs = prepare(args.inputs, work / "inputs", args.zf, args.seed)
    plan = work / "plan.json"
    plan.write_text(json.dumps(jobs, indent=1), encoding="utf-8")
    sides = {"before": work / "before", "after": work / "after"}
    zf_n = args.zf if {"zf", "ingest-zf"} & set(args.inputs) else 0
    print(f"before {args.before}\nafter  {args.after}\nwork   {work}  (ZF sample: {zf_n}, seed {args.seed})",
          flush=True)
    procs = {}
    for name, src in (("before", args.before), ("after", args.after)):
        procs[name] = spawn_side(src.resolve(), plan, sides[name])
        if args.sequential:
            procs[name].wait()
    for name, proc in procs.items():
        if proc.wait() != 0:
            print(f"error: the {name} side failed (exit {proc.returncode})", file=sys.stderr)
            return 2
    logs = {s: json.loads((sides[s] / "log.json").read_text(encoding="utf-8")) for s in sides}
    same = report(jobs, sides, logs, args.show)
    print("IDENTICAL" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
