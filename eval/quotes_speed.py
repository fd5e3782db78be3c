"""How much quote extraction adds to analysis: time of ``quotes.extract`` vs the spaCy parse.

Reads Ziarul Financiar articles from ``../shared/data/ro/news-zf/*.parquet`` in a child process
(some pyarrow builds need a NumPy other than spaCy's; the child then retries with NumPy hidden,
which pyarrow tolerates), parses them with ``nlp.pipe`` and times both stages.

    python eval/quotes_speed.py [--n 200] [--file df_finante_pers_2017]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ZF = Path(__file__).resolve().parents[2] / "shared" / "data" / "ro" / "news-zf"

_READER = r"""
import sys, json, glob
if sys.argv[3] == "hide-numpy":
    sys.modules["numpy"] = None
import pyarrow.parquet as pq
path, n = sys.argv[1], int(sys.argv[2])
rows = pq.read_table(path, columns=["title", "article_text"]).to_pylist()[:n]
json.dump([((r["title"] or "").strip() + "\n\n" + (r["article_text"] or "").strip()) for r in rows], sys.stdout)
"""


def read_texts(stem: str, n: int) -> list[str]:
    path = ZF / f"{stem}.parquet"
    for mode in ("plain", "hide-numpy"):  # pyarrow builds differ in which NumPy they accept
        out = subprocess.run([sys.executable, "-c", _READER, str(path), str(n), mode], capture_output=True, text=True)
        if out.returncode == 0:
            return json.loads(out.stdout)
    raise RuntimeError(f"cannot read {path}: {out.stderr.strip().splitlines()[-1:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--file", default="df_finante_pers_2017")
    a = ap.parse_args()

    from cronicar.analyze.context import Context
    from cronicar.analyze.nlp import get_nlp
    from cronicar.analyze.normalize import normalize_aligned
    from cronicar.analyze.quotes import extract

    texts = [normalize_aligned(t).text for t in read_texts(a.file, a.n)]
    nlp = get_nlp("ro")
    list(nlp.pipe(texts[:4]))  # warm-up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    nq = 0
    for text, doc in zip(texts, docs):
        nq += len(extract(Context(doc=doc, text=text, dct=None, lang="ro")))
    t_quotes = time.perf_counter() - t0
    print(json.dumps({"articles": len(texts), "chars": sum(map(len, texts)), "quotes": nq,
                      "parse_s": round(t_parse, 2), "quotes_s": round(t_quotes, 3),
                      "quotes_over_parse": round(t_quotes / t_parse, 4)}, indent=1))


if __name__ == "__main__":
    main()
