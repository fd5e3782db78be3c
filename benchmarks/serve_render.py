"""Server time to render one story page of 500 events (target: under 200 ms), via TestClient.

A synthetic store is written straight into the schema (50 articles, 500 events with 1-3 source
sentences each, a quote every few events, dates from exact days to month and year ranges), so
the figure measures the web layer (chronicle build + timeline_items + Jinja2), not analysis.
Reported, not asserted: run ``.venv/bin/python benchmarks/serve_render.py``; it writes
``benchmarks/results/serve_render.md``.
"""

from __future__ import annotations

import json
import platform
import random
import statistics
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from cronicar.serve.app import create_app
from cronicar.store.search import rebuild
from cronicar.store.db import Store

N_EVENTS = 500
N_ARTICLES = 50
RUNS = 30
OUT = Path(__file__).parent / "results" / "serve_render.md"
SENT = "Ministrul {who} a declarat {when} la {where} că negocierile privind acordul {n} continuă."


def fill(db: Path, n_events: int = N_EVENTS, n_articles: int = N_ARTICLES, seed: int = 6) -> str:
    """A synthetic story of ``n_events`` events; returns its id."""
    rnd = random.Random(seed)
    day0 = date(2023, 1, 1)
    people = ["Serghei Lavrov", "Choe Son Hui", "Vladimir Putin", "Kim Jong Un", "Antony Blinken"]
    places = ["Moscova", "Phenian", "Kursk", "Beijing"]
    with Store(db) as store, store.transaction() as conn:
        conn.execute("INSERT INTO stories VALUES ('story-bench', 'Synthetic story of 500 events', '2023-01-01', '2025-12-31')")
        arts: list[tuple[str, date, list[tuple[int, int]], str]] = []
        for a in range(n_articles):
            d = day0 + timedelta(days=a * 20)
            sents = [SENT.format(who=rnd.choice(people), when="luni", where=rnd.choice(places), n=i) for i in range(30)]
            text, spans, pos = "", [], 0
            for s in sents:
                spans.append((pos, pos + len(s)))
                text += s + "\n\n"
                pos = len(text)
            aid = f"art{a:04d}"
            conn.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         (aid, f"bench/{aid}.txt", None, f"Article {a}", None, d.isoformat(), d.isoformat(),
                          d.isoformat(), "ro", text, json.dumps(spans), "story-bench", "2025-01-01T00:00:00"))
            for who in people:
                eid = "person:" + who.lower().replace(" ", "-")
                conn.execute("INSERT OR IGNORE INTO entities VALUES (?,?,?)", (eid, who, "PERSON"))
                k = text.find(who)
                if k >= 0:
                    conn.execute("INSERT INTO mentions VALUES (?,?,?,?,?,?)", (aid, k, k + len(who), who, "PERSON", eid))
            arts.append((aid, d, spans, text))
        for e in range(n_events):
            aid, d, spans, text = arts[e * n_articles // n_events]
            kind = rnd.random()
            if kind < 0.5:
                start = end = d - timedelta(days=rnd.randint(0, 5))
                value = start.isoformat()
            elif kind < 0.85:
                start = d.replace(day=1)
                end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                value = start.isoformat()[:7]
            else:
                start, end, value = date(d.year, 1, 1), date(d.year, 12, 31), str(d.year)
            eid = f"ev{e:04d}"
            conn.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?)",
                         (eid, "story-bench", "meeting", f"Event {e}: negocieri", value, start.isoformat(),
                          end.isoformat(), "Moscova", json.dumps(people[:2])))
            for k in range(rnd.randint(1, 3)):
                src_aid, _, src_spans, src_text = arts[min(n_articles - 1, e * n_articles // n_events + k)]
                s, t = src_spans[(e % 10) * 3 + k]  # distinct per (article, event): no UNIQUE clash
                conn.execute("INSERT OR IGNORE INTO event_mentions(article_id, trigger_start, trigger_end, sent_start,"
                             " sent_end, type, summary, participants, event_id) VALUES (?,?,?,?,?,?,?,?,?)",
                             (src_aid, s + 9, s + 15, s, t, "meeting", src_text[s:t], "[]", eid))
                if e % 4 == 0 and k == 0:
                    conn.execute("INSERT OR IGNORE INTO quotes(id, article_id, kind, start, \"end\", speaker, speaker_entity)"
                                 " VALUES (?,?,?,?,?,?,?)", (f"{src_aid}:{s}", src_aid, "indirect", s + 30, t - 1,
                                                             "Serghei Lavrov", "person:serghei-lavrov"))
        rebuild(conn)
    return "story-bench"


def timed(client: TestClient, url: str, runs: int = RUNS) -> tuple[list[float], int]:
    client.get(url)  # warm-up: template compilation, first connection
    times, size = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        res = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert res.status_code == 200, (url, res.status_code)
        size = len(res.content)
    return times, size


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        story = fill(db)
        client = TestClient(create_app(db))
        n = len(client.get(f"/api/stories/{story}/timeline").json())
        rows = []
        for label, url in [("story page (HTML)", f"/stories/{story}"), ("story timeline (JSON)", f"/api/stories/{story}/timeline"),
                           ("stories list (HTML)", "/"), ("article page (HTML)", "/articles/art0025"),
                           ("entity page (HTML)", "/entities/person:serghei-lavrov"), ("search (HTML)", "/search?q=negocierile")]:
            times, size = timed(client, url)
            rows.append((label, url, statistics.median(times), sorted(times)[int(len(times) * 0.95) - 1], size))
    lines = [
        "# serve_render: server time to render pages of a 500-event story", "",
        f"Synthetic store: {N_ARTICLES} articles, {n} events in one story (1-3 sources each, day/month/year dates).",
        f"Each URL fetched {RUNS} times through FastAPI's TestClient after one warm-up (in-process: no network).",
        f"Target: story page < 200 ms.  Python {platform.python_version()}, {platform.machine()}, sqlite {sqlite3.sqlite_version}.",
        "", "Reproduce: `.venv/bin/python benchmarks/serve_render.py`", "",
        "| page | URL | median ms | p95 ms | bytes |", "|---|---|---:|---:|---:|",
    ]
    lines += [f"| {label} | `{url}` | {med:.1f} | {p95:.1f} | {size} |" for label, url, med, p95, size in rows]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if rows[0][2] < 200 else 1


if __name__ == "__main__":
    sys.exit(main())
