"""Every timeline row's headline with its sentence, for ZF records of the ingest_speed shuffle, and
a side-by-side sample of two such dumps (the held-in reads of docs/events.md, "Headlines").

Why not the store: a headline is a function of one article's analysis, so a dump of the analysis
alone (no linking, no database) shows every row's headline and can be compared line by line between
two versions of the code (the rows are keyed by article position and trigger offset).

Run: python -m benchmarks.headline_rows dump --offset 8300 --n 600 --out new.tsv
     python -m benchmarks.headline_rows read --before old.tsv --after new.tsv --n 40 --seed 8377
"""

from __future__ import annotations

import argparse
import random


def dump(offset: int, n: int, out: str) -> None:
    """One line per row (primary mention with a headline): position, trigger start, type, headline,
    sentence."""
    from benchmarks.ingest_speed import load
    from cronicar.analyze.pipeline import analyze_batch
    from cronicar.model import DocDate

    recs = load(offset + n)[offset:]
    items = [(str(r["article_text"]), DocDate.parse(str(r["date_published"])[:10]), "ro") for r in recs]
    with open(out, "w", encoding="utf-8") as f:
        for k, a in enumerate(analyze_batch(items)):
            for ev in getattr(a, "events", []):
                if ev.part_of is None and ev.headline:
                    s, e = ev.sentence or (0, 0)
                    sent = " ".join(a.text[s:e].split())
                    f.write(f"{k}\t{ev.trigger[0]}\t{ev.type}\t{ev.headline}\t{sent}\n")


def _rows(path: str) -> dict[tuple[str, str], list[str]]:
    with open(path, encoding="utf-8") as f:
        return {(r[0], r[1]): r for r in (line.rstrip("\n").split("\t") for line in f)}


def read(before: str, after: str, n: int, seed: int) -> str:
    """``n`` rows drawn at random (``seed``) from ``before``, each with its headline before and
    after and its sentence; first line: how many headlines differ."""
    old, new = _rows(before), _rows(after)
    keys = sorted(old, key=lambda k: (int(k[0]), int(k[1])))
    changed = sum(1 for k in keys if k in new and new[k][3] != old[k][3])
    random.Random(seed).shuffle(keys)
    out = [f"{changed} of {len(keys)} headlines differ; {n} rows drawn with seed {seed}\n"]
    for i, k in enumerate(keys[:n], 1):
        b, a = old[k][3], new.get(k, old[k])[3]
        out.append(f"{i}. [{k[0]} {k[1]} {old[k][2]}]\n   before: {b}\n   after:  {a}"
                   f"{'  (same)' if a == b else ''}\n   > {old[k][4]}\n")
    return "\n".join(out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--offset", type=int, default=8000)
    d.add_argument("--n", type=int, default=300)
    d.add_argument("--out", required=True)
    r = sub.add_parser("read")
    r.add_argument("--before", required=True)
    r.add_argument("--after", required=True)
    r.add_argument("--n", type=int, default=40)
    r.add_argument("--seed", type=int, default=8377)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.offset, args.n, args.out)
    else:
        print(read(args.before, args.after, args.n, args.seed))
