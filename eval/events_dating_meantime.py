"""Event dating on MEANTIME English: is each event put on the right day, month or year?

What runs is cronicar's own analysis (``cronicar.analyze.pipeline.analyze``, English) on each
document's text and creation date; each predicted event mention carries the date interval the
event stage gave it (a time expression of its clause, an anaphor's or a definite noun's earlier
date, else the article's date).

Gold: MEANTIME's TLINKs that anchor an event mention in time: the event IS_INCLUDED in (or is
SIMULTANEOUS with) a TIMEX3, or the TIMEX3 INCLUDES it.  Two groups, scored apart:

- **timex**: anchored to a date in the text ("in June 2005", "on Monday");
- **dct**: anchored to the document creation time (news of the day).

Only values that name a calendar interval are scored (``YYYY``, ``YYYY-Qn``, ``YYYY-Hn``,
``YYYY-Www[-WE]``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM``: the day); the others
(``PRESENT_REF``, durations, seasons) are counted as skipped.
A predicted mention matches a gold one when their characters overlap (one to one).

Reported per group, on the matched mentions: **within** = the predicted interval lies inside the
gold one (a date as precise as the gold or more; the day of a June event is right), **exact** =
the same interval; and **recall** = within over all scorable gold anchors (undetected events count
as wrong).  Baselines on the same matched mentions: **dct** (every event on the article's date) and
**nearest** (the time expression nearest the trigger in its sentence, else the article's date), both
from cronicar's own time expressions, so they differ from cronicar only in how an event picks its date.

Split as in ``events_meantime.py``: develop on airbus + gm, apple + stock held out.

Run: .venv/bin/python eval/events_dating_meantime.py [--corpus gm ...] [--json] [--check]
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import events_meantime as EM  # noqa: E402
from cli_common import check_or_json  # noqa: E402
from matching import one_to_one  # noqa: E402

ANCHOR_EVENT_FIRST = {"IS_INCLUDED", "SIMULTANEOUS"}  # event -> timex
ANCHOR_TIMEX_FIRST = {"INCLUDES", "SIMULTANEOUS"}  # timex -> event
GROUPS = ("timex", "dct")
SYSTEMS = ("cronicar", "dct", "nearest")
FLOORS = Path(__file__).resolve().parent / "floors_events_dating.json"


@dataclass(frozen=True)
class Anchor:
    span: tuple[int, int]  # characters of the event mention
    group: str  # "timex" or "dct"
    value: str
    interval: tuple[str, str] | None  # None: not a calendar value


def value_interval(value: str) -> tuple[str, str] | None:
    """[first day, last day] of a TIMEX3 calendar value (a year, quarter, half, ISO week, its
    weekend, month, day or time of a day); None for anything else (seasons: conventions differ)."""
    q = re.fullmatch(r"(\d{4})-([QH])(\d)", value or "")
    if q:
        y, n = int(q.group(1)), int(q.group(3))
        months = 3 if q.group(2) == "Q" else 6
        first, last = (n - 1) * months + 1, n * months
        return date(y, first, 1).isoformat(), date(y, last, calendar.monthrange(y, last)[1]).isoformat()
    w = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value or "")
    if w:
        y, n = int(w.group(1)), int(w.group(2))
        first_day, last_day = (6, 7) if w.group(3) else (1, 7)
        return date.fromisocalendar(y, n, first_day).isoformat(), date.fromisocalendar(y, n, last_day).isoformat()
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T[\w:.+-]+)?)?)?", value or "")
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = date(y, int(m.group(2)), int(m.group(3)))
        return d.isoformat(), d.isoformat()
    if m.group(2):
        mo = int(m.group(2))
        return date(y, mo, 1).isoformat(), date(y, mo, calendar.monthrange(y, mo)[1]).isoformat()
    return f"{y:04d}-01-01", f"{y:04d}-12-31"


def read_anchors(path: Path) -> list[Anchor]:
    """The event mentions of one document that a TLINK anchors in time, with the timex value."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    _, spans = EM.detokenize(tokens)
    mk = root.find("Markables")
    timex = {t.get("m_id"): t for t in mk.iter("TIMEX3")}
    mention_span = {}
    for em in mk.iter("EVENT_MENTION"):
        toks = [spans[a.get("t_id")] for a in em.iter("token_anchor") if a.get("t_id") in spans]
        if toks:
            mention_span[em.get("m_id")] = (min(a for a, _ in toks), max(b for _, b in toks))
    out: dict[tuple[int, int], Anchor] = {}
    for link in root.find("Relations").iter("TLINK"):
        src, tgt, rel = link.find("source").get("m_id"), link.find("target").get("m_id"), link.get("reltype")
        if src in mention_span and tgt in timex and rel in ANCHOR_EVENT_FIRST:
            ev, tx = src, timex[tgt]
        elif src in timex and tgt in mention_span and rel in ANCHOR_TIMEX_FIRST:
            ev, tx = tgt, timex[src]
        else:
            continue
        group = "dct" if tx.get("functionInDocument") == "CREATION_TIME" else "timex"
        value = tx.get("value") or ""
        out.setdefault(mention_span[ev], Anchor(mention_span[ev], group, value, value_interval(value)))
    return list(out.values())


@dataclass
class Dated:
    span: tuple[int, int]
    dates: dict[str, tuple[str, str] | None]  # system -> predicted interval


def predict(doc: EM.Document) -> list[Dated]:
    """cronicar's event mentions of one document with their date, and the two baselines' dates."""
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    dct = DocDate.parse(doc.dct) if doc.dct else None
    a = analyze(doc.text, dct, "en")
    day = (dct.interval[0].isoformat(), dct.interval[1].isoformat()) if dct else None
    out = []
    for e in a.events:
        when = e.when or {}
        mine = tuple(when["interval"]) if when.get("interval") else None
        s0, s1 = e.sentence or (0, len(a.text))
        near = [t for t in a.timexes if s0 <= t.start and t.end <= s1 and t.interval and t.type in {"DATE", "TIME"}]
        best = min(near, key=lambda t: abs(t.start - e.trigger[0]), default=None)
        nearest = (best.interval[0], best.interval[1]) if best else day
        out.append(Dated(e.trigger, {"cronicar": mine, "dct": day, "nearest": nearest}))  # type: ignore[dict-item]
    return out


@lru_cache(maxsize=None)
def run_corpus(corpus: str, root: Path = EM.DATA) -> list[tuple[list[Anchor], list[Dated]]]:
    out = []
    for path in sorted((root / f"corpus_{corpus}").glob("*.xml")):
        out.append((read_anchors(path), predict(EM.read_document(path, corpus))))
    return out


def _within(pred: tuple[str, str] | None, gold: tuple[str, str]) -> bool:
    return pred is not None and gold[0] <= pred[0] and pred[1] <= gold[1]


def evaluate(corpora: tuple[str, ...], root: Path = EM.DATA) -> dict[str, float]:
    res: dict[str, float] = {}
    counts = {g: {"gold": 0, "skipped": 0, "matched": 0} | {f"{s}_{k}": 0 for s in SYSTEMS for k in ("within", "exact")}
              for g in GROUPS}
    for corpus in corpora:
        for anchors, dated in run_corpus(corpus, root):
            for a in anchors:
                counts[a.group]["gold" if a.interval else "skipped"] += 1
            gold = [a for a in anchors if a.interval]
            ranked = sorted(((-(min(g.span[1], p.span[1]) - max(g.span[0], p.span[0])), gi, pi)
                             for gi, g in enumerate(gold) for pi, p in enumerate(dated)
                             if g.span[0] < p.span[1] and p.span[0] < g.span[1]))
            for gi, pi in one_to_one((gi, pi) for _, gi, pi in ranked):
                g, c = gold[gi], counts[gold[gi].group]
                c["matched"] += 1
                for s in SYSTEMS:
                    pred = dated[pi].dates[s]
                    c[f"{s}_within"] += _within(pred, g.interval)  # type: ignore[arg-type]
                    c[f"{s}_exact"] += pred == g.interval
    for g, c in counts.items():
        res[f"{g}_gold"], res[f"{g}_skipped"], res[f"{g}_matched"] = c["gold"], c["skipped"], c["matched"]
        for s in SYSTEMS:
            res[f"{g}_{s}_within"] = c[f"{s}_within"] / c["matched"] if c["matched"] else 0.0
            res[f"{g}_{s}_exact"] = c[f"{s}_exact"] / c["matched"] if c["matched"] else 0.0
            res[f"{g}_{s}_recall"] = c[f"{s}_within"] / c["gold"] if c["gold"] else 0.0
    return res


def below_floors(results: dict[str, dict[str, float]]) -> list[str]:
    """Figures under their pinned floor (``eval/floors_events_dating.json``)."""
    floors = json.loads(FLOORS.read_text())
    low = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        group, _, metric = key.partition(":")
        got = results.get(group, {}).get(metric)
        if got is not None and got < floor:
            low.append(f"{key}: {got:.3f} < floor {floor}")
    return low


def _past_verb_events(root: ET.Element, sent: dict[str, int]) -> dict[str, int]:
    """Event mention id -> sentence of MEANTIME's certain, positive past-tense verb events."""
    out = {}
    for em in root.find("Markables").iter("EVENT_MENTION"):
        toks = [sent[a.get("t_id")] for a in em.iter("token_anchor") if a.get("t_id") in sent]
        if toks and (em.get("tense"), em.get("pos"), em.get("certainty"), em.get("polarity")) == \
                ("PAST", "VERB", "CERTAIN", "POS"):
            out[em.get("m_id")] = min(toks)
    return out


def lead_convention(root: Path = EM.DATA) -> dict[str, dict[str, int]]:
    """Does the gold put an unanchored past act of the lead on the article's day?  For the past
    verb events whose sentence names no time (sentence 0 is the title, 1 the dateline, 2-3 the
    lead), how the gold's TLINK to the document date places them: ``day`` (IS_INCLUDED /
    SIMULTANEOUS / INCLUDES), ``before`` (BEFORE), ``other`` (another anchor), ``none``."""
    out: dict[str, dict[str, int]] = {"lead": {}, "further": {}}
    for path in sorted(root.glob("corpus_*/*.xml")):
        r = ET.parse(path).getroot()
        sent = {t.get("t_id"): int(t.get("sentence")) for t in r.iter("token")}
        timex = {t.get("m_id"): t for t in r.find("Markables").iter("TIMEX3")}
        dct = {m for m, t in timex.items() if t.get("functionInDocument") == "CREATION_TIME"}
        timed = {sent.get(a.get("t_id")) for m, t in timex.items() if m not in dct for a in t.iter("token_anchor")}
        events = _past_verb_events(r, sent)
        rels: dict[str, set[str]] = {}
        for link in r.find("Relations").iter("TLINK"):
            ends = {link.find("source").get("m_id"), link.find("target").get("m_id")}
            if not ends & set(timex):
                continue  # an event-event link
            for ev in ends & set(events):
                rels.setdefault(ev, set()).add(link.get("reltype") if ends & dct else "other")
        for ev, s in events.items():
            if s <= 1 or s in timed:
                continue
            got = rels.get(ev, set())
            kind = ("day" if got & (ANCHOR_EVENT_FIRST | ANCHOR_TIMEX_FIRST) else "before" if "BEFORE" in got
                    else "other" if got else "none")
            part = out["lead" if s <= 3 else "further"]
            part[kind] = part.get(kind, 0) + 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", choices=EM.CORPORA)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure is under its floor")
    ap.add_argument("--data", type=Path, default=EM.DATA)
    ap.add_argument("--lead", action="store_true", help="only: how the gold dates unanchored past acts of the lead")
    args = ap.parse_args(argv)
    if args.lead:
        print(json.dumps(lead_convention(args.data)))
        return 0
    groups = {c: (c,) for c in (args.corpus or EM.CORPORA)}
    if not args.corpus:
        groups.update({"dev": EM.DEV, "held_out": EM.HELD_OUT, "all": EM.CORPORA})
    results = {name: evaluate(cs, args.data) for name, cs in groups.items()}
    code = check_or_json(results, (lambda: below_floors(results)) if args.check else None, args.json)
    if code is not None:
        return code
    print("| corpus | group | gold (skipped) | matched | cronicar within / exact | dct within / exact "
          "| nearest within / exact | cronicar recall |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        for g in GROUPS:
            cells = " | ".join(f"{r[f'{g}_{s}_within']:.3f} / {r[f'{g}_{s}_exact']:.3f}" for s in SYSTEMS)
            print(f"| {name} | {g} | {r[f'{g}_gold']:.0f} ({r[f'{g}_skipped']:.0f}) | {r[f'{g}_matched']:.0f} | "
                  f"{cells} | {r[f'{g}_cronicar_recall']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
