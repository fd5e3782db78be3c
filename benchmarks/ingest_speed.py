"""Whole-ingest cost per article on Ziarul Financiar articles, stage by stage, beside spaCy alone.

What a user waits for is ``cronicar ingest``: normalization, language id, the spaCy parse, then
time expressions, entities, quotes, events, the SQLite write and linking.  The reference is the
spaCy pipeline alone on the same texts (``nlp.pipe``, same batch size): it is the floor any
Romanian analysis with ro-legal-fl pays, so ``ingest / parse`` is cronicar's own overhead.

CPU seconds (``time.process_time``) per stage, because the machine is shared; wall seconds and
the process's max RSS are reported too.

Run: .venv/bin/python -m benchmarks.ingest_speed [--n 300] [--no-write]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ro" / "news-zf"
OUT = Path(__file__).resolve().parent / "results" / "ingest_speed.md"


def load(n: int, seed: int = 7) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq  # bench/test extra

    recs: list[dict[str, Any]] = []
    for p in sorted(DATA.glob("*.parquet")):
        t = pq.read_table(p, columns=["title", "date_published", "article_text"]).to_pylist()
        recs += [r for r in t if r["date_published"] and r["article_text"]]
    random.Random(seed).shuffle(recs)
    return recs[:n]


def timed(spent: dict[str, float], name: str, fn: Callable[..., Any], *args: Any) -> Any:
    t0 = time.process_time()
    out = fn(*args)
    spent[name] += time.process_time() - t0
    return out


def run(n: int, batch: int = 16) -> dict[str, Any]:
    from cronicar.analyze import entities, events, quotes, timex
    from cronicar.analyze.context import Context
    from cronicar.analyze.langid import detect
    from cronicar.analyze.nlp import get_nlp
    from cronicar.analyze.normalize import normalize_aligned
    from cronicar.analyze.pipeline import analyze_batch
    from cronicar.link import link_article
    from cronicar.model import Article, DocDate
    from cronicar.store.db import Store

    recs = load(n)
    arts = [Article(text=str(r["article_text"]), date=DocDate.parse(str(r["date_published"])[:10]),
                    title=r["title"], source="zf") for r in recs]
    chars = sum(len(a.text) for a in arts)
    nlp = get_nlp("ro")
    list(analyze_batch([(arts[0].text, arts[0].date, None)]))  # load data files and models once
    for a in arts[:100]:  # lingua loads its n-gram tables lazily over the first few hundred texts
        detect(a.text)

    # Reference: spaCy alone.
    texts = [normalize_aligned(a.text).text for a in arts]
    t0, w0 = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch):
        pass
    parse_cpu, parse_wall = time.process_time() - t0, time.perf_counter() - w0

    # cronicar, stage by stage, on the parsed docs (the parse is the same work as above).
    spent: dict[str, float] = defaultdict(float)
    w0 = time.perf_counter()
    docs = nlp.pipe(texts, batch_size=batch)  # streamed, as `cronicar ingest` does: memory stays flat
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        for art, text in zip(arts, texts):
            doc = timed(spent, "spaCy parse", next, docs)
            timed(spent, "normalize + language id", lambda t: (normalize_aligned(t), detect(t)), art.text)
            ctx = Context(doc=doc, text=text, dct=art.date, lang="ro")
            ctx.timexes = timed(spent, "time expressions", timex.tag, text, art.date, "ro", doc)
            ctx.entities = timed(spent, "entities", entities.extract, ctx)
            ctx.quotes = timed(spent, "quotes", quotes.extract, ctx)
            ctx.entities = timed(spent, "entities", entities.add_speaker_names, ctx)
            evs = timed(spent, "events", events.extract, ctx)
            from cronicar.model import Analysis

            analysis = Analysis(text=text, dct=art.date, lang="ro",
                                sentences=[(s.start_char, s.end_char) for s in doc.sents],
                                timexes=ctx.timexes, quotes=ctx.quotes, entities=ctx.entities, events=evs)
            t0 = time.process_time()
            with store.transaction() as conn:
                store.write_article(conn, art, analysis)
                spent["store write"] += time.process_time() - t0
                t0 = time.process_time()
                link_article(conn, art.id)  # merges short person names too
                spent["linking"] += time.process_time() - t0
        store.close()
    wall = time.perf_counter() - w0
    return {"n": len(arts), "chars": chars, "spent": dict(spent), "parse_cpu": parse_cpu, "wall": wall,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def report(r: dict[str, Any]) -> str:
    total = sum(r["spent"].values())
    n = r["n"]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=Path(__file__).parent).stdout.strip()
    except OSError:
        commit = "?"
    lines = [
        "# Ingest cost per article (Ziarul Financiar)",
        "",
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC at commit {commit} with "
        f"`.venv/bin/python -m benchmarks.ingest_speed --n {n}`: {n} random articles "
        f"(mean {r['chars'] / n:.0f} characters), one process, spaCy batches of 16.",
        "",
        "| stage | CPU s | ms per article | share | × spaCy parse |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, s in sorted(r["spent"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {s:.2f} | {1000 * s / n:.1f} | {100 * s / total:.1f} % | {s / r['parse_cpu']:.3f} |")
    lines += [
        f"| **whole ingest** | **{total:.2f}** | **{1000 * total / n:.1f}** | 100 % | **{total / r['parse_cpu']:.2f}** |",
        "",
        f"Throughput: **{n / total:.1f} articles per CPU-second** ({n / r['wall']:.1f}/s wall) for the whole "
        f"ingest, against {n / r['parse_cpu']:.1f} per CPU-second for the spaCy parse alone, run first "
        f"as the reference (× spaCy parse divides by that run). Max RSS of the process {r['rss_mb']:.0f} MB "
        "(spaCy model, data files, and the 25,909 Ziarul Financiar records loaded to sample from).",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    text = report(run(args.n))
    print(text)
    if not args.no_write:
        OUT.write_text(text, encoding="utf-8")
