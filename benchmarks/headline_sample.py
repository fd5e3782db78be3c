"""20 random event headlines with the sentence each was built from, for a faithfulness read.

A reader (or a second, blind reader) marks each headline faithful when everything it says is
said by its sentence (who, what, to whom, negation, tense kept or made a headline present) and
unfaithful otherwise; incomplete but true counts as faithful, a wrong actor, a lost negation or a
claim the sentence does not make counts as unfaithful.

Run: python -m benchmarks.headline_sample --db ZF.db [--n 20] [--seed 18] > benchmarks/results/headlines_sample.md
"""

from __future__ import annotations

import argparse
import random
import sqlite3


def sample(db: str, n: int, seed: int) -> list[tuple[str, str, str, str]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT e.id, e.type, e.headline, substr(a.text, m.sent_start + 1, m.sent_end - m.sent_start) "
        "FROM events e JOIN event_mentions m ON m.event_id = e.id AND m.part_of IS NULL "
        "JOIN articles a ON a.id = m.article_id WHERE e.headline IS NOT NULL AND e.headline = m.headline "
        "GROUP BY e.id ORDER BY e.id").fetchall()
    random.Random(seed).shuffle(rows)
    return [(r[0], r[1], r[2], " ".join(r[3].split())) for r in rows[:n]]


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args()
    print("# Headline faithfulness sample\n")
    print(f"{args.n} random events (seed {args.seed}) of `{args.db}`; headline, then the sentence it was built from.\n")
    for i, (eid, etype, head, sent) in enumerate(sample(args.db, args.n, args.seed), 1):
        print(f"{i}. **{head}** ({etype}, `{eid}`)\n   > {sent}\n   - judgement: \n")
