"""Server time of the web pages and API lists, via TestClient (in-process, no network).

Two modes:

- default: a synthetic store written straight into the schema (50 articles, 500 events with 1-3
  source sentences each, a quote every few events, dates from exact days to month and year
  ranges), so the figure measures the web layer, not analysis.  Writes
  ``benchmarks/results/serve_render.md``.
- ``--db STORE [--before REV]``: a real store (e.g. ZF articles ingested with ``cronicar ingest``):
  the biggest story page, an article page of it, ``/api/quotes``, and the first page of every
  list; with ``--before`` the same URLs are timed, in the same run, on the code of git revision
  REV (exported to a temporary folder and run in a subprocess), for a side-by-side table.  Writes
  ``benchmarks/results/serve_scale.md``.

Reported, not asserted: ``.venv/bin/python benchmarks/serve_render.py [--db F --before main]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import statistics
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from cronicar.serve.app import create_app
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
            conn.execute("INSERT INTO events(id, story_id, type, summary, when_value, when_start, when_end, place,"
                         " participants) VALUES (?,?,?,?,?,?,?,?,?)",
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
        _rebuild_search(conn)
    return "story-bench"


def _rebuild_search(conn: sqlite3.Connection) -> None:
    # imported here: the --before run loads this module on older code, where search lived in serve/
    try:
        from cronicar.store.search import rebuild
    except ImportError:
        from cronicar.serve.search import rebuild  # type: ignore[no-redef]
    rebuild(conn)


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


def main_synthetic() -> int:
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


ROOT = Path(__file__).resolve().parents[1]
SCALE_OUT = Path(__file__).parent / "results" / "serve_scale.md"


def real_urls(db: Path) -> list[tuple[str, str]]:
    """The URLs timed on a real store: (what, url); chosen from the store's own contents."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    story = conn.execute("SELECT story_id, count(*) n FROM events WHERE story_id IS NOT NULL"
                         " GROUP BY story_id ORDER BY n DESC LIMIT 1").fetchone()[0]
    article = conn.execute("SELECT m.article_id, count(*) n FROM event_mentions m JOIN articles a ON a.id = m.article_id"
                           " WHERE a.story_id = ? GROUP BY m.article_id ORDER BY n DESC LIMIT 1", (story,)).fetchone()[0]
    speaker = conn.execute("SELECT speaker_entity, count(*) n FROM quotes WHERE speaker_entity IS NOT NULL"
                           " GROUP BY speaker_entity ORDER BY n DESC LIMIT 1").fetchone()[0]
    event = conn.execute("SELECT id FROM events WHERE story_id = ? LIMIT 1", (story,)).fetchone()[0]
    conn.close()
    return [("biggest story page (HTML)", f"/stories/{story}"),
            ("biggest story (JSON)", f"/api/stories/{story}"),
            ("article page of it (HTML)", f"/articles/{article}"),
            ("article (JSON)", f"/api/articles/{article}"),
            ("quotes (JSON)", "/api/quotes"),
            ("quotes of the top speaker (JSON)", f"/api/quotes?speaker={speaker}"),
            ("one event (JSON)", f"/api/events/{event}"),
            ("events (JSON)", "/api/events"),
            ("events of the biggest story (JSON)", f"/api/events?story={story}"),
            ("stories (JSON)", "/api/stories"),
            ("entities (JSON)", "/api/entities"),
            ("articles (JSON)", "/api/articles"),
            ("search (JSON)", "/api/search?q=banca"),
            ("stories list (HTML)", "/"),
            ("entities list (HTML)", "/entities"),
            ("entity page (HTML)", f"/entities/{speaker}"),
            ("search (HTML)", "/search?q=banca")]


def measure(db: Path, urls: list[tuple[str, str]], runs: int) -> list[dict[str, object]]:
    """Median / p95 server time, median CPU time, bytes and gzip bytes of each URL on the code
    importable now.  CPU time (this process: the app runs in TestClient's thread) is what the
    request costs; wall time also holds the waiting on a loaded machine."""
    from cronicar.serve.app import create_app as make

    client = TestClient(make(db))
    out = []
    for label, url in urls:
        c0 = time.process_time()
        times, size = timed(client, url, runs)
        cpu = (time.process_time() - c0) * 1000 / runs
        body = client.get(url).content
        out.append({"label": label, "url": url, "median": statistics.median(times), "cpu": cpu,
                    "p95": sorted(times)[max(0, int(len(times) * 0.95) - 1)], "bytes": size,
                    "gzip": len(gzip.compress(body, 9))})
    return out


def measure_before(rev: str, db: Path, urls: list[tuple[str, str]], runs: int) -> list[dict[str, object]]:
    """The same measurement on git revision ``rev`` (its src/ exported, run in a subprocess)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        env = {**os.environ, "PYTHONPATH": f"{tmp}/src:{ROOT}"}
        code = ("import json, sys; from pathlib import Path; from benchmarks.serve_render import measure;"
                "a = json.loads(sys.argv[1]); print(json.dumps(measure(Path(a['db']), a['urls'], a['runs'])))")
        arg = json.dumps({"db": str(db), "urls": urls, "runs": runs})
        res = subprocess.run([sys.executable, "-c", code, arg], env=env, check=True, capture_output=True, text=True)
        return json.loads(res.stdout.strip().splitlines()[-1])


def main_real(db: Path, before: str | None, runs: int, before_runs: int) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    sizes = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "stories", "events", "quotes")}
    conn.close()
    urls = real_urls(db)
    load0 = os.getloadavg()[0]
    old = measure_before(before, db, urls, before_runs) if before else None
    new = measure(db, urls, runs)
    load1 = os.getloadavg()[0]
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", before], capture_output=True,
                         text=True).stdout.strip() if before else ""
    lines = [
        "# serve_scale: server time of pages and lists on a real store", "",
        f"Store: `{db.name}`: {sizes['articles']} articles, {sizes['stories']} stories, {sizes['events']} events,"
        f" {sizes['quotes']} quotes.  TestClient in-process; each URL {runs} times after a warm-up"
        + (f" (before: {before_runs} times, code of `{before}` = {rev}, same run, in a subprocess)." if before else "."),
        f"Load average {load0:.1f} → {load1:.1f} on a shared 2-core machine; Python {platform.python_version()},"
        f" sqlite {sqlite3.sqlite_version}.",
        "Targets (issue 23): `/api/quotes` and article pages < 100 ms median; biggest story page < 150 ms median and"
        " < 150 KB gzip; every list page < 100 ms median.",
        "", f"Reproduce: `.venv/bin/python benchmarks/serve_render.py --db {db.name}" + (f" --before {before}`" if before else "`"), "",
    ]
    if old:
        lines += ["| what | URL | before median ms | after median ms | after p95 ms | before CPU ms | after CPU ms |"
                  " before bytes | after bytes | after gzip bytes |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        lines += [f"| {n['label']} | `{n['url'][:60]}` | {o['median']:.1f} | {n['median']:.1f} | {n['p95']:.1f} |"
                  f" {o.get('cpu', 0):.1f} | {n['cpu']:.1f} | {o['bytes']} | {n['bytes']} | {n['gzip']} |" for o, n in zip(old, new)]
    else:
        lines += ["| what | URL | median ms | p95 ms | CPU ms | bytes | gzip bytes |", "|---|---|---:|---:|---:|---:|---:|"]
        lines += [f"| {n['label']} | `{n['url'][:60]}` | {n['median']:.1f} | {n['p95']:.1f} | {n['cpu']:.1f} | {n['bytes']} |"
                  f" {n['gzip']} |" for n in new]
    SCALE_OUT.parent.mkdir(parents=True, exist_ok=True)
    SCALE_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="a real store (default: the synthetic 500-event story)")
    ap.add_argument("--before", help="git revision to time side by side (e.g. main)")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--before-runs", type=int, default=5)
    args = ap.parse_args()
    sys.exit(main_real(args.db, args.before, args.runs, args.before_runs) if args.db else main_synthetic())
