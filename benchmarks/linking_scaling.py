"""Linking cost per article vs corpus size on the Ziarul Financiar articles.

Cheap analysis (stated in the results): no spaCy; title + lead (first 600 characters), entities =
CLDR Romanian country names (Babel) + capitalised multi-word names not at sentence start, as ORG.
The measured part is ``link_article`` only (the real one), inside the ingest transaction after
``Store.write_article``.

Run: .venv/bin/python benchmarks/linking_scaling.py [--n 20000]
"""

from __future__ import annotations

import argparse
import re
import resource
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq  # dev-only dependency of this benchmark (pip install pyarrow)

from cronicar.link import link_article
from cronicar.model import Analysis, Article, DocDate, EntityMention
from cronicar.store.db import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ro" / "news-zf"
NAME = re.compile(r"(?<=[a-zăâîșț,] )([A-ZĂÂÎȘȚ][\wăâîșț-]+(?: [A-ZĂÂÎȘȚ][\wăâîșț-]+)*)")


def cheap_analysis(text: str, dct: DocDate) -> Analysis:
    from cronicar.analyze.entities import aliases

    table = aliases("ro")
    ents = []
    for m in NAME.finditer(text):
        hit = table.get(m.group(1).lower())
        label, canon = (hit[1], hit[0]) if hit else ("ORG", m.group(1))
        ents.append(EntityMention(m.start(), m.end(), m.group(1), label, canon))
    return Analysis(text=text, dct=dct, lang="ro", sentences=[(0, len(text))], entities=ents)


def main(n: int, bucket: int = 1000) -> list[tuple[int, float, float]]:
    recs = []
    for p in sorted(DATA.glob("*.parquet")):
        t = pq.read_table(p, columns=["title", "date_published", "article_text"]).to_pylist()
        recs += [r for r in t if r["date_published"] and r["article_text"]]
    recs.sort(key=lambda r: str(r["date_published"]))
    recs = recs[:n]
    rows: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "c.db")
        spent, k = 0.0, 0
        for i, r in enumerate(recs, 1):
            text = (str(r["title"] or "") + "\n" + str(r["article_text"]))[:600]
            art = Article(text=text, date=DocDate.parse(str(r["date_published"])[:10]), title=r["title"], lang="ro", source="zf")
            if store.has_article(art.id):
                continue
            with store.transaction() as conn:
                store.write_article(conn, art, cheap_analysis(text, art.date))
                t0 = time.perf_counter()
                link_article(conn, art.id)
                spent += time.perf_counter() - t0
                k += 1
            if i % bucket == 0:
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                rows.append((i, 1000 * spent / max(k, 1), rss))
                print(f"{i:6d} articles  {1000 * spent / max(k, 1):.3f} ms/article  maxrss {rss:.0f} MB", flush=True)
                spent, k = 0.0, 0
        store.close()
    return rows


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    main(ap.parse_args().n)
