"""Draw the undated (Realitatea, Aleph) articles for the fresh gold of issue 19.

Deterministic: seed 19, texts of 800-2,500 characters, one article per distinct text, nothing that
is in the Romanian dev gold (quotes or timex) by id or by text. Prints `source index` lines in
draw order, alternating the two sites; annotation takes them in this order. The first round draws
40 per site from one generator (seed 19, Realitatea first); articles beyond 40 per site continue
from each site's remaining pool shuffled by its own generator ("19:<site>"), so a longer list
keeps the first round unchanged.

    python eval/fresh_gold/draw_undated.py ../shared [N_PER_SITE]
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 19
MIN_CHARS, MAX_CHARS = 800, 2500
SITES = ("realitatea", "aleph")
FIRST_ROUND = 40  # per site; fixed when annotation started, so the first 80 never move


def dev_exclusions(shared: Path) -> tuple[set[str], set[str]]:
    """Ids and body texts of every dev gold record (quotes and timex)."""
    ids: set[str] = set()
    texts: set[str] = set()
    for name in ("quotes", "timex"):
        for line in (shared / "gold/ro" / name / "dev.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            ids.add(record["id"])
            # dev text is title + "\n\n" + body: keep the body for the comparison
            texts.add(record["text"].split("\n\n", 1)[-1].strip())
    return ids, texts


def candidates(shared: Path, site: str, ids: set[str], texts: set[str]) -> list[int]:
    """Indexes of eligible articles of one site, first occurrence of each distinct text."""
    records = json.loads((shared / f"data/ro/news-undated/news_{site}.json").read_text(encoding="utf-8"))
    seen: set[str] = set()
    chosen = []
    for index, record in enumerate(records):
        body = record["text"].strip()
        if body in seen:
            continue
        seen.add(body)
        if f"{site}_{index}" in ids or body in texts:
            continue
        if MIN_CHARS <= len(record["text"]) <= MAX_CHARS:
            chosen.append(index)
    return chosen


def draw(shared: Path, per_site: int) -> list[tuple[str, int]]:
    ids, texts = dev_exclusions(shared)
    rng = random.Random(SEED)
    picks = {}
    for site in SITES:
        pool = candidates(shared, site, ids, texts)
        first = rng.sample(pool, min(FIRST_ROUND, len(pool)))
        rest = [index for index in pool if index not in set(first)]
        random.Random(f"{SEED}:{site}").shuffle(rest)
        picks[site] = (first + rest)[:per_site]
    return [(site, picks[site][i]) for i in range(per_site) for site in SITES if i < len(picks[site])]


if __name__ == "__main__":
    shared_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    for site_name, idx in draw(shared_dir, count):
        print(site_name, idx)
