"""What loading the temporal grammars costs a process, for several source trees side by side.

Run from the repo root::

    .venv/bin/python -m benchmarks.timex_load                          # this tree, 5 rounds
    .venv/bin/python -m benchmarks.timex_load --tree /work/wt-issue --tree . --rounds 7

Each measurement is a fresh interpreter (``PYTHONPATH=<tree>/src``) that imports the tagger and
then loads the Romanian grammar, then the grammar for text without diacritics (``ro+plain``, which
the tagger builds when it first meets such an article; a tree without it reports only ``ro``).
The figure is CPU time (``time.process_time``), so the load from other processes on a shared
machine touches it less than wall time; the trees are alternated round by round and the median of
the rounds is reported.  ``--articles N`` also times tagging the first N articles of the speed
benchmark's ZF sample right after the load (``first N``), so that work a tree defers from the load
to its first articles (rules compiled when first needed) is counted too.  Nothing is written: the
table goes to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

#: what one child process runs: import, then each load, each timed in CPU seconds
_CHILD = """
import json, time
t0 = time.process_time()
from cronicar.analyze.timex import rules
t1 = time.process_time()
rules.load("ro")
t2 = time.process_time()
out = {"import": t1 - t0, "ro": t2 - t1}
if hasattr(rules, "plain"):
    rules.plain("ro")
    out["ro+plain"] = time.process_time() - t2
if ARTICLES:
    from cronicar.analyze import timex
    from cronicar.model import DocDate
    docs = [(t, DocDate.parse(d)) for t, d in json.load(open(ARTICLES, encoding="utf-8"))]
    t3 = time.process_time()
    for text, dct in docs:
        timex.tag(text, dct, "ro")
    out["first"] = time.process_time() - t3
print(json.dumps(out))
"""


def measure(tree: Path, articles: str = "") -> dict[str, float]:
    """One fresh process's import and load times for the sources of ``tree`` (and the time to tag
    the articles of the JSON file ``articles``, if given)."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    child = f"ARTICLES = {articles!r}\n" + _CHILD
    done = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True,
                          check=True, cwd=tree)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", action="append", type=Path,
                    help="a source tree (repeatable; default: this one)")
    ap.add_argument("--rounds", type=int, default=5, help="fresh processes per tree (alternated)")
    ap.add_argument("--articles", type=int, default=0, help="also time tagging this many ZF articles")
    args = ap.parse_args(argv)
    trees = [t.resolve() for t in (args.tree or [Path(".")])]
    runs: dict[Path, list[dict[str, float]]] = {t: [] for t in trees}
    with tempfile.TemporaryDirectory() as tmp:
        sample = ""
        if args.articles:
            from benchmarks.timex_speed import load_sample

            sample = str(Path(tmp) / "articles.json")
            rows = [(text, dct.iso) for text, dct in load_sample(args.articles)]
            Path(sample).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        for _ in range(args.rounds):
            for t in trees:
                runs[t].append(measure(t, sample))
    keys = ("import", "ro", "ro+plain") + (("first",) if args.articles else ())
    print(f"load average {os.getloadavg()[0]:.1f}; CPU seconds, median of {args.rounds} fresh processes")
    print("| tree | " + " | ".join(k if k != "first" else f"first {args.articles}" for k in keys) + " |")
    print("|---|" + "---:|" * len(keys))
    for t, rs in runs.items():
        cells = [f"{statistics.median(r[k] for r in rs):.3f}" if k in rs[0] else "-" for k in keys]
        print(f"| {t} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
