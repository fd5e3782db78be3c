"""Timeline rows that repeat another row's sentence, on Ziarul Financiar articles (issue 18).

A row of a story's timeline is one event; its evidence is the sentences of its mentions.  Two rows
of one story that cite the same sentence of the same article show the reader that sentence twice:
that is right only when the sentence truly reports two happenings (two dates, or two sets of
participants and predicates).  This script ingests ``--n`` random ZF articles (the sample of
``benchmarks/ingest_speed.py``) and counts, per story, the rows that share one of their sentences
with another row, and among them those whose dates are also the same (the repeats the issue
forbids outright).

Run: nice -n 10 python -m benchmarks.sentence_sharing [--n 1500] [--offset 0] [--db /tmp/x.db] [--reuse]
"""

from __future__ import annotations

import argparse
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


def sharing(conn: sqlite3.Connection) -> dict[str, Any]:
    """Rows sharing a sentence with another row of the same story: overall and in the largest story."""
    rows = conn.execute(
        "SELECT e.story_id, e.id, e.when_value, m.article_id, m.sent_start FROM events e "
        "JOIN event_mentions m ON m.event_id = e.id").fetchall()
    by_sent: dict[tuple[str, str, int], set[tuple[str, str]]] = defaultdict(set)
    events_of: dict[str, set[str]] = defaultdict(set)
    for story, eid, when, art, sent in rows:
        by_sent[(story, art, sent)].add((eid, when or ""))
        events_of[story].add(eid)
    shared: dict[str, set[str]] = defaultdict(set)
    same_date: dict[str, set[str]] = defaultdict(set)
    for (story, _, _), evs in by_sent.items():
        if len(evs) < 2:
            continue
        shared[story] |= {e for e, _ in evs}
        whens = [w for _, w in evs]
        same_date[story] |= {e for e, w in evs if whens.count(w) > 1}
    total = sum(len(v) for v in events_of.values())
    big = max(events_of, key=lambda s: len(events_of[s])) if events_of else None
    return {
        "rows": total, "shared": sum(len(v) for v in shared.values()),
        "same_date": sum(len(v) for v in same_date.values()),
        "largest": big, "largest_rows": len(events_of.get(big, ())),
        "largest_shared": len(shared.get(big, ())), "largest_same_date": len(same_date.get(big, ())),
    }


def report(r: dict[str, Any], n: int) -> str:
    pct = 100 * r["shared"] / max(1, r["rows"])
    big = 100 * r["largest_shared"] / max(1, r["largest_rows"])
    return (f"{n} ZF articles: {r['rows']} timeline rows, {r['shared']} share their sentence with another "
            f"row of the same story ({pct:.1f} %), {r['same_date']} of them with the same date; largest story "
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
