"""Timeline rows that repeat another row's sentence, on Ziarul Financiar articles (issue 18).

A row of a story's timeline is one event; its evidence is the sentences of its mentions.  Two rows
of one story that cite the same sentence of the same article show the reader that sentence twice:
that is right only when the sentence truly reports two happenings (two dates, or two sets of
participants and predicates).  This script ingests ``--n`` random ZF articles (the sample of
``benchmarks/ingest_speed.py``) and counts, per story, the rows that share one of their sentences
with another row, among them those whose dates are also the same (the repeats the issue forbids
outright), and those that share it **without a different date or different participants** (what
the issue forbids: as the sentence tells them, through the rows' mentions there, the two dates are
the same, one within the other or one missing, and the participants overlap or one side names
none).  A drawn sample of the shared rows, classified by hand, is in
``benchmarks/results/sentence_sharing.md``.

Run: nice -n 10 python -m benchmarks.sentence_sharing [--n 1500] [--offset 0] [--db /tmp/x.db] [--reuse]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any


def ingest(n: int, db: Path, offset: int = 0) -> None:
    from benchmarks.ingest_speed import load
    from cronicar.flow import ingest as ingest_articles
    from cronicar.model import Article, DocDate
    from cronicar.store.db import Store

    arts = [Article(text=str(r["article_text"]), date=DocDate.parse(str(r["date_published"])[:10]),
                    title=r["title"], source="zf", lang="ro") for r in load(offset + n)[offset:]]
    with Store(db) as store:
        ingest_articles(store, arts)


def _compatible(a: tuple, b: tuple) -> bool:  # type: ignore[type-arg]
    """(value, start, end, participants) of two mentions: no different date, no different people."""
    same_day = a[0] is None or b[0] is None or a[0] == b[0] or (
        bool(a[1] and a[2] and b[1] and b[2]) and ((a[1] <= b[1] and b[2] <= a[2]) or (b[1] <= a[1] and a[2] <= b[2])))
    return same_day and (not a[3] or not b[3] or bool(a[3] & b[3]))


def sharing(conn: sqlite3.Connection) -> dict[str, Any]:
    """Rows sharing a sentence with another row of the same story: overall and in the largest story."""
    from cronicar.store.events import announcing

    # what a reader sees: a statement folded into the happenings it announces is no row of its own
    folded = set(announcing(conn))
    rows = conn.execute(
        "SELECT e.story_id, e.id, e.when_value, m.article_id, m.sent_start, m.when_value, m.when_start, "
        "m.when_end, m.participants FROM events e JOIN event_mentions m ON m.event_id = e.id").fetchall()
    by_sent: dict[tuple[str, str, int], dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))  # type: ignore[type-arg]
    whens: dict[str, str] = {}
    events_of: dict[str, set[str]] = defaultdict(set)
    for story, eid, when, art, sent, mv, ms, me, parts in rows:
        if eid in folded:
            continue
        by_sent[(story, art, sent)][eid].append((mv, ms, me, frozenset(json.loads(parts or "[]"))))
        whens[eid] = when or ""
        events_of[story].add(eid)
    shared: dict[str, set[str]] = defaultdict(set)
    same_date: dict[str, set[str]] = defaultdict(set)
    forbidden: dict[str, set[str]] = defaultdict(set)
    for (story, _, _), evs in by_sent.items():
        if len(evs) < 2:
            continue
        shared[story] |= set(evs)
        dates = [whens[e] for e in evs]
        same_date[story] |= {e for e in evs if dates.count(whens[e]) > 1}
        forbidden[story] |= {x for x in evs for y in evs if x != y
                             and any(_compatible(a, b) for a in evs[x] for b in evs[y])}
    total = sum(len(v) for v in events_of.values())
    big = max(events_of, key=lambda s: len(events_of[s])) if events_of else None
    return {
        "rows": total, "folded_statements": len(folded), "shared": sum(len(v) for v in shared.values()),
        "same_date": sum(len(v) for v in same_date.values()),
        "forbidden": sum(len(v) for v in forbidden.values()),
        "largest": big, "largest_rows": len(events_of.get(big, ())),
        "largest_shared": len(shared.get(big, ())), "largest_same_date": len(same_date.get(big, ())),
    }


def report(r: dict[str, Any], n: int) -> str:
    pct = 100 * r["shared"] / max(1, r["rows"])
    big = 100 * r["largest_shared"] / max(1, r["largest_rows"])
    return (f"{n} ZF articles: {r['rows']} timeline rows ({r['folded_statements']} announcements folded into "
            f"what they announce), {r['shared']} share their sentence with another "
            f"row of the same story ({pct:.1f} %), {r['same_date']} of them with the same date, {r['forbidden']} "
            f"({100 * r['forbidden'] / max(1, r['rows']):.2f} %) without a different date or different participants; "
            f"largest story "
            f"{r['largest']}: {r['largest_shared']}/{r['largest_rows']} ({big:.1f} %), "
            f"{r['largest_same_date']} with the same date")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--db", type=Path, default=None, help="keep the database here (default: a temporary one)")
    ap.add_argument("--offset", type=int, default=0,
                    help="skip this many records of the sample first (a fresh set, e.g. for a blind headline read)")
    ap.add_argument("--reuse", action="store_true", help="only count, on an existing --db")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "zf.db"
        if not args.reuse:
            ingest(args.n, db, args.offset)
        conn = sqlite3.connect(db)
        print(report(sharing(conn), args.n))
