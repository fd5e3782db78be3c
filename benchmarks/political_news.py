"""Blind reads on the Romanian political news (development half): same-story pairs and events.

The collection (``../shared/data/ro/news-political/dev.csv``, 529 articles, four sites) has no
gold; the evidence is a reader's judgement of random draws, made *before* seeing why the linker
linked them.  A fixed 30% of the articles (seeded) is kept aside for the final blind read: tuning
looks only at the other 70% ("held-in").

    python -m benchmarks.political_news jsonl --part in  > /tmp/x/in.jsonl   # or --part out / all
    cronicar ingest --db /tmp/x/in.db /tmp/x/in.jsonl
    python -m benchmarks.political_news pairs --db /tmp/x/in.db --n 25 --seed 1   # blind pairs
    python -m benchmarks.political_news events --db /tmp/x/in.db --n 25 --seed 1  # blind events
    python -m benchmarks.political_news why --db /tmp/x/in.db --seed 1            # after judging
    python -m benchmarks.political_news stories --db /tmp/x/in.db                 # sizes, keys
    python -m benchmarks.political_news evidence --db /tmp/x/in.db     # any story held by one name?
    python -m benchmarks.political_news score --db /tmp/x/in.db --gold GOLD.json   # against a reader's groups

Pairs: draw a story with probability proportional to its number of same-story pairs, then a pair
of its articles, i.e. a pair uniform over all same-story pairs.  Printed: title and the first 400
characters of each, nothing of the linker's reasons.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ro" / "news-political" / "dev.csv"
ASIDE_SHARE = 0.3
SPLIT_SEED = 2026


def rows() -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def part(which: str) -> list[dict[str, str]]:
    """``in`` (70%, for tuning), ``out`` (30%, kept aside) or ``all`` rows, split by URL, seeded."""
    rs = rows()
    urls = sorted({r["url"] for r in rs})
    aside = set(random.Random(SPLIT_SEED).sample(urls, round(ASIDE_SHARE * len(urls))))
    if which == "all":
        return rs
    return [r for r in rs if (r["url"] in aside) == (which == "out")]


def cmd_jsonl(args: argparse.Namespace) -> None:
    for r in part(args.part):
        rec = {"text": r["maintext"], "date": r["date_publish"], "title": r["title"], "url": r["url"],
               "source": r["source_domain"], "lang": "ro"}
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


def cmd_zf(args: argparse.Namespace) -> None:
    """The ZF reference read of docs/stories.md: the first ``--n`` capital-markets articles of 2022
    (``df_burse_fonduri_mutuale_2022.parquet``, by publication time), as JSON lines."""
    import pyarrow.parquet as pq  # bench extra

    path = DATA.parents[1] / "news-zf" / "df_burse_fonduri_mutuale_2022.parquet"
    recs = [r for r in pq.read_table(path, columns=["href", "title", "date_published", "article_text"]).to_pylist()
            if r["date_published"] and r["article_text"]]
    recs.sort(key=lambda r: str(r["date_published"]))
    for r in recs[:args.n]:
        rec = {"text": r["article_text"], "date": str(r["date_published"])[:10], "title": r["title"],
               "url": r["href"], "lang": "ro"}
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _pairs(conn: sqlite3.Connection, n: int, seed: int) -> list[tuple[str, str, str]]:
    stories: dict[str, list[str]] = {}
    for aid, sid in conn.execute("SELECT id, story_id FROM articles ORDER BY id"):
        stories.setdefault(sid, []).append(aid)
    multi = sorted((s, a) for s, a in stories.items() if len(a) > 1)
    weights = [len(a) * (len(a) - 1) / 2 for _, a in multi]
    rnd = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    total = sum(weights)
    while len(out) < min(n, total):
        sid, arts = rnd.choices(multi, weights)[0]
        a, b = sorted(rnd.sample(arts, 2))
        if (a, b) not in seen:
            seen.add((a, b))
            out.append((sid, a, b))
    return out


def _show(conn: sqlite3.Connection, aid: str, chars: int = 400) -> str:
    title, day, text = conn.execute("SELECT title, date_start, text FROM articles WHERE id=?", (aid,)).fetchone()
    return f"  [{day}] {title}\n  {' '.join(text.split())[:chars]}"


def cmd_pairs(args: argparse.Namespace) -> None:
    conn = sqlite3.connect(args.db)
    for i, (_, a, b) in enumerate(_pairs(conn, args.n, args.seed), 1):
        print(f"--- pair {i}\n{_show(conn, a)}\n  ~~\n{_show(conn, b)}\n")


def cmd_why(args: argparse.Namespace) -> None:
    """After judging: what the two articles of each pair share (entities), and the story size."""
    conn = sqlite3.connect(args.db)
    for i, (sid, a, b) in enumerate(_pairs(conn, args.n, args.seed), 1):
        ents = [{n for (n,) in conn.execute(
            "SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id=m.entity_id WHERE m.article_id=?",
            (x,))} for x in (a, b)]
        size = conn.execute("SELECT count(*) FROM articles WHERE story_id=?", (sid,)).fetchone()[0]
        print(f"pair {i}: story of {size}; shared entities: {sorted(ents[0] & ents[1])}")


def cmd_events(args: argparse.Namespace) -> None:
    """Random event mentions: the sentence, the trigger, and the date given (article date beside)."""
    conn = sqlite3.connect(args.db)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(event_mentions)")]
    rows_ = conn.execute("SELECT * FROM event_mentions ORDER BY rowid").fetchall()
    rnd = random.Random(args.seed)
    for i, r in enumerate(rnd.sample(rows_, min(args.n, len(rows_))), 1):
        rec = dict(zip(cols, r))
        art = conn.execute("SELECT date_start, text FROM articles WHERE id=?", (rec["article_id"],)).fetchone()
        text = art[1]
        s, e = rec.get("trigger_start"), rec.get("trigger_end")
        lo = max(0, text.rfind("\n", 0, s) + 1, s - 300)
        hi = min(len(text), e + 200)
        nl = text.find("\n", e)
        hi = nl if 0 <= nl < hi else hi
        shown = text[lo:s] + "[[" + text[s:e] + "]]" + text[e:hi]
        extra = {k: rec[k] for k in cols if k in ("type", "when_value", "modality", "tense")}
        print(f"--- event {i} (article {art[0]}) {extra}\n  {' '.join(shown.split())}\n")


def cmd_relink(args: argparse.Namespace) -> None:
    """Link the stored articles again with the current linker (analyses kept), into a copy.

    It starts from the stored entities as the ingest left them, after every cross-article move
    (short names, spellings, one kind per name): a fresh ingest linked each article before the
    later ones moved anything, so the two can differ (one article of 465 on the political news
    with main 8411368: "Casa Albă" a place in the earlier reports at their ingest, an organisation
    after a later one).  Tune on relinks; report figures of fresh ingests."""
    import shutil

    from cronicar.link import link_article, stories

    shutil.copy(args.db, args.out)
    conn = sqlite3.connect(args.out)
    conn.execute("UPDATE articles SET story_id=NULL")
    conn.execute("UPDATE event_mentions SET event_id=NULL")
    conn.execute("DELETE FROM events")
    conn.execute("DELETE FROM stories")
    # Emptied, not dropped: the schema (store/schema.sql) made them and linking does not re-create them.
    for t in ("story_entities", "story_terms", "term_df", "link_counts", "story_profiles", "article_link_terms"):
        conn.execute(f"DELETE FROM {t}")
    if args.log:
        inner = stories.supported

        def logged(conn_, f, p, gap):  # type: ignore[no-untyped-def]
            ok = inner(conn_, f, p, gap)
            from cronicar.link import evidence
            subj = evidence.subject_terms(f.tfidf, p.terms, f.names or set())
            print(f"{'JOIN?' if ok else 'REFUSE'} gap={gap} subj={subj[:8]} -> story of {p.size}", file=sys.stderr)
            return ok
        stories.supported = logged  # type: ignore[assignment]
    for (aid,) in conn.execute("SELECT id FROM articles ORDER BY date_start, id").fetchall():
        link_article(conn, aid)
        conn.commit()


def cmd_events_fresh(args: argparse.Namespace) -> None:
    """Random stored events (happenings) of articles of ``--part``, analyzed now with the current
    code (cleaned as ingest cleans them), one per stored event (mentions grouped into another's
    happening are not drawn): the sentence with the trigger marked, the type and the date given
    beside the article's date.  Judge each: a real happening with the right date (or
    "undated" when the text gives none)?"""
    from cronicar.analyze.pipeline import analyze
    from cronicar.ingest.clean import clean_batch
    from cronicar.ingest.readers import article_from_record

    arts = [article_from_record({"text": r["maintext"], "date": r["date_publish"], "title": r["title"],
                                 "url": r["url"], "lang": "ro"}, "dev.csv", None) for r in part(args.part)
            if r["date_publish"]]
    arts, _, _ = clean_batch([a for a in arts if not isinstance(a, Exception)])
    rnd = random.Random(args.seed)
    rnd.shuffle(arts)
    pool = []
    for a in arts[:args.articles]:
        an = analyze(a.text, a.date, "ro")
        # a row each: a mention that tells another's happening (``part_of``: a cue of the same
        # sentence, or a retelling further down) is that event, not another one
        pool += [(a, an.text, e) for e in an.events if e.happened and e.part_of is None]
    for i, (a, text, e) in enumerate(rnd.sample(pool, min(args.n, len(pool))), 1):
        s, t = e.trigger
        lo, hi = e.sentence or (max(0, s - 200), t + 150)
        shown = text[lo:s] + "[[" + text[s:t] + "]]" + text[t:hi]
        # an act the text gives no day of is undated; its article's day is only when it was reported
        when = (e.when or {}).get("value") or f"undated (reported {a.date.iso})"
        print(f"--- event {i} [{a.date.iso}] {e.type} when={when} modality={e.modality}\n  {' '.join(shown.split())[:500]}\n")


def _ties(conn: sqlite3.Connection, a: str, b: str, stored: dict, evs: dict) -> tuple[int, int, int]:
    """(shared names, shared subject terms, shared happenings) of two articles, from what the
    linker stored for each (``article_link_terms``), their event mentions and their titles (one
    occasion's day)."""

    (ta, ea), (tb, eb) = stored.get(a, (set(), set())), stored.get(b, (set(), set()))
    happenings = 0
    for t, who, day in evs.get(a, []):
        for t2, who2, day2 in evs.get(b, []):
            if t == t2 and len(who & who2) >= 2 and day and day2 and \
                    abs((date.fromisoformat(day) - date.fromisoformat(day2)).days) <= 7:
                happenings += 1
    happenings += _one_occasion(conn, a, b)
    return len(ea & eb), len(ta & tb), happenings


def _one_occasion(conn: sqlite3.Connection, a: str, b: str) -> int:
    """1 when both titles name one occasion's day (an election's vote) within its days
    (``evidence.occasion_tie``): a shared happening the event stage does not find, 0 else."""
    from cronicar.link import evidence

    (ta, da, la), (tb, db, lb) = (conn.execute("SELECT coalesce(title, ''), date_start, lang FROM articles WHERE id=?",
                                               (x,)).fetchone() for x in (a, b))
    gap = abs((date.fromisoformat(da[:10]) - date.fromisoformat(db[:10])).days)
    return int(evidence.occasion_tie(evidence.Report(da, set(), set(), title=ta, lang=la),
                                     evidence.Report(db, set(), set(), title=tb, lang=lb), gap))


def _reply_to(conn: sqlite3.Connection, a: str, b: str, stored: dict) -> bool:
    """Whether one of two articles is a reply (``evidence.is_reply``) whose title names a person
    the other names, named in its title too (``evidence.title_names``: "Sprînceană" =
    "Sprânceană", whatever kind the NER gave him)."""
    from cronicar.link import evidence

    rows = {x: conn.execute("SELECT coalesce(title, ''), lang FROM articles WHERE id=?", (x,)).fetchone() for x in (a, b)}
    for mine, theirs in ((a, b), (b, a)):
        (tm, lang), (tt, _) = rows[mine], rows[theirs]
        people = {evidence.surname(k) for k in stored.get(theirs, (set(), set()))[1] if k.startswith("person:")}
        if evidence.is_reply(tm, lang or "") and people & evidence.title_names(tm) & evidence.title_names(tt):
            return True
    return False


def cmd_evidence(args: argparse.Namespace) -> None:
    """The check "no story held together by one name alone", over every story of 2+ articles:
    each article's strongest tie to another article of its story (shared names, shared subject
    terms, shared happenings).  An article whose every tie is at most one shared name, with no
    shared subject term and no shared happening, is held by a name alone."""
    conn = sqlite3.connect(args.db)
    stored = {a: (set(json.loads(t)), set(json.loads(e))) for a, t, e in
              conn.execute("SELECT article_id, terms, ents FROM article_link_terms")}
    evs: dict[str, list] = {}
    for aid, t, p, w in conn.execute("SELECT article_id, type, participants, when_start FROM event_mentions "
                                     "WHERE type != 'statement' AND julianday(when_end) - julianday(when_start) <= 7"):
        evs.setdefault(aid, []).append((t, set(json.loads(p)), (w or "")[:10]))
    stories: dict[str, list[str]] = {}
    for aid, sid in conn.execute("SELECT id, story_id FROM articles ORDER BY date_start, id"):
        stories.setdefault(sid, []).append(aid)
    alone, replies, total, terms_best = [], [], 0, []
    for sid, arts in stories.items():
        if len(arts) < 2:
            continue
        for a in arts:
            total += 1
            best = max((_ties(conn, a, b, stored, evs) for b in arts if b != a), key=lambda x: (x[2], x[1], x[0]))
            terms_best.append(best[1])
            if best[2] == 0 and best[1] == 0 and best[0] <= 1:
                # a reply whose title names the man it answers, named in the other's title too:
                # one name and the reply relation, counted apart so a reader sees both
                (replies if any(_reply_to(conn, a, b, stored) for b in arts if b != a) else alone).append((sid, a, best))
    print(f"{total} articles in {sum(len(a) > 1 for a in stories.values())} stories of 2+; "
          f"held by one name alone (best tie: <=1 shared name, 0 subject terms, 0 happenings): {len(alone)}; "
          f"by one name in a reply's title and the title it answers: {len(replies)}")
    if terms_best:
        terms_best.sort()
        print(f"shared subject terms of each article's best tie: min {terms_best[0]}, "
              f"median {terms_best[len(terms_best) // 2]}")
    for sid, a, best in alone:
        print(f"  {sid} {a} names/terms/happenings={best}")


def gold_pairs(groups: list[dict]) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """(strict, strict or loose) same-story pairs of URLs from a reader's groups: a list of
    ``{"kind": "strict"|"loose", "articles": [{"url": ...}, ...]}``; a pair in a strict group is
    also a loose one (a loose group is a wider story: the strict pairs it holds stay strict)."""
    strict: set[frozenset[str]] = set()
    loose: set[frozenset[str]] = set()
    for g in groups:
        urls = sorted({a["url"] for a in g["articles"]})
        pairs = {frozenset((a, b)) for i, a in enumerate(urls) for b in urls[i + 1:]}
        loose |= pairs
        if g["kind"] == "strict":
            strict |= pairs
    return strict, loose


def score_pairs(stories: dict[str, str], groups: list[dict]) -> dict[str, float | int]:
    """Pair precision and recall of stories (URL -> story id) against a reader's groups.

    Precision strict: the share of the linker's same-story pairs that are in one strict group;
    strict + loose: in any one group; recall: the share of the strict pairs the linker makes.  A
    gold URL not stored (rejected as furniture, stored once as another's duplicate) is counted in
    ``missing``, and its pairs stay in the recall's denominator: a pair the linker cannot make is
    still missed."""
    strict, loose = gold_pairs(groups)
    by_story: dict[str, list[str]] = {}
    for url, sid in stories.items():
        by_story.setdefault(sid, []).append(url)
    made = {frozenset((a, b)) for us in by_story.values() for i, a in enumerate(sorted(us)) for b in sorted(us)[i + 1:]}
    n = len(made)
    gold_urls = {a["url"] for g in groups for a in g["articles"]}
    return {"pairs": n, "strict": len(made & strict), "loose": len(made & loose) - len(made & strict),
            "not": n - len(made & loose), "gold_strict": len(strict),
            "precision_strict": len(made & strict) / n if n else 0.0,
            "precision_loose": len(made & loose) / n if n else 0.0,
            "recall_strict": len(made & strict) / len(strict) if strict else 0.0,
            "missing": len(gold_urls - set(stories))}


def cmd_score(args: argparse.Namespace) -> None:
    """Score a database's stories against a reader's same-story groups (``--gold``, JSON list of
    groups, articles by URL); ``--list`` prints the pairs made outside any group and the strict
    pairs missed (on the tuning part only: never on a kept-aside part)."""
    conn = sqlite3.connect(args.db)
    stories = {url: sid for url, sid in conn.execute("SELECT url, story_id FROM articles WHERE url IS NOT NULL")}
    groups = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    r = score_pairs(stories, groups)
    print(f"{r['pairs']} pairs made: {r['strict']} strict / {r['loose']} loose / {r['not']} not; "
          f"precision strict {r['precision_strict']:.3f}, strict+loose {r['precision_loose']:.3f}; "
          f"recall strict {r['recall_strict']:.3f} ({r['strict']} of {r['gold_strict']}); "
          f"gold URLs not stored: {r['missing']}")
    if args.list:
        strict, loose = gold_pairs(groups)
        title = dict(conn.execute("SELECT url, date_start || ' ' || coalesce(title, '') FROM articles"))
        by_story: dict[str, list[str]] = {}
        for url, sid in stories.items():
            by_story.setdefault(sid, []).append(url)
        for us in by_story.values():
            for i, a in enumerate(sorted(us)):
                for b in sorted(us)[i + 1:]:
                    kind = "strict" if frozenset((a, b)) in strict else "loose" if frozenset((a, b)) in loose else "NOT"
                    print(f"made {kind}: {title[a][:80]}  ~~  {title[b][:80]}")
        for pair in sorted(strict, key=sorted):
            a, b = sorted(pair)
            if stories.get(a) is None or stories.get(a) != stories.get(b):
                print(f"missed: {title.get(a, a)[:80]}  ~~  {title.get(b, b)[:80]}")


def cmd_stories(args: argparse.Namespace) -> None:
    conn = sqlite3.connect(args.db)
    sizes = conn.execute("SELECT story_id, count(*) n FROM articles GROUP BY story_id ORDER BY n DESC").fetchall()
    multi = [n for _, n in sizes if n > 1]
    print(f"{conn.execute('SELECT count(*) FROM articles').fetchone()[0]} articles, {len(sizes)} stories, "
          f"{len(multi)} with 2+, {sum(n * (n - 1) // 2 for n in multi)} same-story pairs")
    for sid, n in sizes[:args.top]:
        titles = [t for (t,) in conn.execute("SELECT title FROM articles WHERE story_id=? LIMIT 4", (sid,))]
        print(f"{n:>3}  " + " | ".join(t[:60] for t in titles))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("jsonl")
    p.add_argument("--part", choices=("in", "out", "all"), default="in")
    p.set_defaults(func=cmd_jsonl)
    for name, fn in (("pairs", cmd_pairs), ("why", cmd_why), ("events", cmd_events), ("stories", cmd_stories)):
        p = sub.add_parser(name)
        p.add_argument("--db", required=True)
        p.add_argument("--n", type=int, default=25)
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("--top", type=int, default=15)
        p.set_defaults(func=fn)
    p = sub.add_parser("evidence")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_evidence)
    p = sub.add_parser("score")
    p.add_argument("--db", required=True)
    p.add_argument("--gold", required=True, help="JSON list of groups: kind strict|loose, articles with url")
    p.add_argument("--list", action="store_true", help="print the pairs made and the strict pairs missed")
    p.set_defaults(func=cmd_score)
    p = sub.add_parser("events-fresh")
    p.add_argument("--part", choices=("in", "out", "all"), default="out")
    p.add_argument("--n", type=int, default=25)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--articles", type=int, default=40, help="articles analyzed to draw from")
    p.set_defaults(func=cmd_events_fresh)
    p = sub.add_parser("zf")
    p.add_argument("--n", type=int, default=500)
    p.set_defaults(func=cmd_zf)
    p = sub.add_parser("relink")
    p.add_argument("--db", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--log", action="store_true")
    p.set_defaults(func=cmd_relink)
    args = ap.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
