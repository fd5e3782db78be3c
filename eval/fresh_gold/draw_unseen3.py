"""The draw of the eighth session's unseen regression set (issue 19, ``unseen3/mix_1208.jsonl``).

Annotated by hand by ``../shared/gold/ro/timex/GUIDELINES.md`` *before* cronicar was run on any of
these texts.  Deterministic, seed 20261208: the first 22 ZF articles of ``fresh_gold.draw_zf``
with that seed of at most 1,900 characters (title + body); 8 Realitatea and 8 Aleph articles of at
most 1,700 characters (``draw_undated.candidates``, shuffled by ``Random("20261208:<site>")``);
18 articles of the held-in part of the political collection (``benchmarks.political_news.part("in")``,
shuffled by ``Random(20261208)``, 600-1,900 characters).  Nothing already in any
``eval/fresh_gold`` file is drawn.  Prints one JSON line per article.

    PYTHONPATH=src:. python eval/fresh_gold/draw_unseen3.py       # unseen3 (seed 20261208)
    PYTHONPATH=src:. python eval/fresh_gold/draw_unseen3.py b     # unseen4 (the second draw)
    PYTHONPATH=src:. python eval/fresh_gold/draw_unseen3.py c     # unseen5 (the third: undated only)
"""

from __future__ import annotations

import glob
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import draw_undated  # noqa: E402
import fresh_gold  # noqa: E402

SEED = 20261208
#: the second draw of the session (``unseen4/mix_1208b.jsonl``), annotated after the first one was
#: tuned on and before the tagger ran on it: its before/after figures measure the round's fixes
SEED_B = "20261208b"
#: the third (``unseen5/undated_1208c.jsonl``): undated articles only, where the fresh train half
#: scores lowest, annotated after the fixes to unseen3 and unseen4 and before the tagger ran on them
SEED_C = "20261208c"
COUNTS = {SEED: (22, 8, 18), SEED_B: (16, 6, 14), SEED_C: (0, 10, 0)}  # ZF, per undated site, political


def used_ids(seed: int | str = SEED) -> tuple[set[str], set[str]]:
    """Ids and locators of every record in the fresh gold folders drawn before the set of ``seed``."""
    ids: set[str] = set()
    locs: set[str] = set()
    for f in glob.glob(str(HERE / "**" / "*.json*"), recursive=True):
        own = {SEED: "unseen3", SEED_B: "unseen4", SEED_C: "unseen5"}
        if Path(f).parent.name in [own[k] for k in own if k == seed or (k == SEED_C and seed != SEED_C)
                                   or (k == SEED_B and seed == SEED)]:
            continue  # the set itself and the ones drawn after it
        txt = Path(f).read_text(encoding="utf-8")
        rows = [json.loads(x) for x in txt.splitlines() if x.strip()] if f.endswith(".jsonl") else json.loads(txt)
        for r in rows:
            ids.add(r["id"])
            if "locator" in r:
                locs.add(json.dumps(r["locator"], sort_keys=True))
    return ids, locs


def draw(seed: int | str = SEED) -> list[dict]:
    from benchmarks import political_news as pn

    n_zf, n_site, n_pol = COUNTS[seed]
    used, locs = used_ids(seed)
    out: list[dict] = []
    cache: dict = {}
    for a in fresh_gold.draw_zf(seed=seed if isinstance(seed, int) else int(seed[:-1]) + 7) if n_zf else []:
        loc = {"path": a["path"], "row": a["row"], "title_prefix": True}
        if a["id"] in used or len(fresh_gold.locate(loc, _cache=cache)) > 1900:
            continue
        out.append({"id": a["id"], "source": "zf", "locator": loc})
        if len(out) >= n_zf:
            break
    ids, texts = draw_undated.dev_exclusions(fresh_gold.SHARED)
    for site in draw_undated.SITES:
        pool = [i for i in draw_undated.candidates(fresh_gold.SHARED, site, ids, texts) if f"{site}_{i}" not in used]
        random.Random(f"{seed}:{site}").shuffle(pool)
        recs = json.loads((fresh_gold.SHARED / f"data/ro/news-undated/news_{site}.json").read_text(encoding="utf-8"))
        picked = [i for i in pool if len(recs[i]["text"]) <= 1700][:n_site]
        out += [{"id": f"{site}_{i}", "source": site,
                 "locator": {"path": f"data/ro/news-undated/news_{site}.json", "index": i, "field": "text"}} for i in picked]
    rows = pn.rows()
    held_in = {r["url"] for r in pn.part("in")}
    order = [i for i, r in enumerate(rows) if r["url"] in held_in]
    random.Random(seed).shuffle(order)
    n = 0
    for i in order if n_pol else []:
        loc = {"path": "data/ro/news-political/dev.csv", "csv_row": i}
        text = f"{(rows[i]['title'] or '').strip()}\n\n{(rows[i]['maintext'] or '').strip()}"
        if json.dumps(loc, sort_keys=True) in locs or not 600 <= len(text) <= 1900:
            continue
        out.append({"id": f"political_dev_{i}", "source": "political", "locator": loc})
        n += 1
        if n >= n_pol:
            break
    return out


if __name__ == "__main__":
    for rec in draw({"b": SEED_B, "c": SEED_C}.get(sys.argv[1] if sys.argv[1:] else "", SEED)):
        print(json.dumps(rec, ensure_ascii=False))
