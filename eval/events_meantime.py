"""Event mentions and event coreference on MEANTIME English (NewsReader, Wikinews, CC BY 4.0).

What runs is cronicar's own code: ``cronicar.analyze.pipeline.analyze`` on each document's text and
date (DCT), then ``cronicar.link.events.link_events`` over a real store.  English has no spaCy model
here (blank tokenizer + sentencizer: no parse, no NER; entities come from the country gazetteer).

Isolation (say so in reports): every MEANTIME corpus is put in ONE story, so story linking
(``link/stories.py``) cannot split or join what event coreference decides; documents are linked in
DCT order, as ingest does.

Gold (``intra_cross-doc_annotation/``): an EVENT_MENTION is a cross-document mention when a
REFERS_TO relation ties it to an EVENT with an ``instance_id`` (the instance is shared across the
corpus); the instance is its gold cluster.  A predicted mention matches a gold mention when their
character spans overlap (one to one, gold with an instance preferred).

Reported: detection P/R/F1 on sentences 0-5, the part where every event is annotated (P counts a
prediction right when it hits any gold event mention: an event the cross-document layer did not
link is still an event); recall of the cross-document mentions over the whole documents; coreference on the matched cross-document mentions: MUC, B-cubed, CEAF-e, CoNLL F1 and
pairwise links across documents; baselines on the same mentions: singletons, one cluster per
predicted type, one cluster per trigger lemma.

Split: develop on ``airbus`` and ``gm``; ``apple`` and ``stock`` are held out.

Run: PYTHONPATH=src .venv/bin/python eval/events_meantime.py [--corpus gm ...] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import coref_metrics as CM  # noqa: E402
from cli_common import check_or_json  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "en" / "meantime" / "intra_cross-doc_annotation"
CORPORA = ("airbus", "apple", "gm", "stock")
DEV = ("airbus", "gm")
HELD_OUT = ("apple", "stock")
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$", "#"}
# Sentences 0-5 (title, date line, first four sentences) have every event annotated, in this folder
# as in intra-doc_annotation/ (2,107 mentions in both); later sentences only carry the events of
# the cross-document layer, so detection precision is only measurable up to sentence 5.
FULLY_ANNOTATED = 5
MONTHS = {m: i for i, m in enumerate(("january february march april may june july august september "
                                      "october november december").split(), 1)}


@dataclass
class GoldMention:
    span: tuple[int, int]  # characters of the first..last anchored token
    instance: str | None  # cross-document instance id, None for intra-document-only events


@dataclass
class Document:
    doc_id: str
    corpus: str
    text: str
    dct: str | None
    full_end: int  # end of sentence 5: every event before it is annotated (see FULLY_ANNOTATED)
    mentions: list[GoldMention] = field(default_factory=list)


def detokenize(tokens: list[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from (t_id, sentence, word) tokens with character spans per token.

    Sentences go on their own lines (the title and the date line have no final stop); spaces are
    left out before closing punctuation and clitics so the temporal tagger sees "June 13, 2005"."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos, prev_sent, prev_word = 0, None, None
    for tid, sent, word in tokens:
        if prev_sent is not None:
            sep = "\n" if sent != prev_sent else (
                "" if word in NO_SPACE_BEFORE or prev_word in NO_SPACE_AFTER else " ")
            parts.append(sep)
            pos += len(sep)
        spans[tid] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sent, prev_word = sent, word
    return "".join(parts), spans


def _dct(markables: ET.Element, tokens: list[tuple[str, str, str]]) -> str | None:
    """The CREATION_TIME value; when missing or malformed (3 of 120 files), the date line under
    the title ("September 01 , 2007")."""
    for t in markables.iter("TIMEX3"):
        v = t.get("value") or ""
        if t.get("functionInDocument") == "CREATION_TIME" and re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            return v
    line = " ".join(w for _, s, w in tokens if s == "1").lower()
    m = re.search(r"([a-z]+) (\d{1,2}) , (\d{4})", line)
    if m and m.group(1) in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}"
    return None


def read_document(path: Path, corpus: str) -> Document:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    text, spans = detokenize(tokens)
    mk = root.find("Markables")
    events = {e.get("m_id"): e.get("instance_id") for e in mk.iter("EVENT")}
    instance_of: dict[str, str] = {}
    for rel in root.find("Relations").iter("REFERS_TO"):
        target = rel.find("target")
        inst = events.get(target.get("m_id")) if target is not None else None
        if inst:
            for src in rel.iter("source"):
                instance_of[src.get("m_id")] = inst
    late = [spans[tid][0] for tid, sent, _ in tokens if int(sent) > FULLY_ANNOTATED]
    doc = Document(root.get("doc_id"), corpus, text, _dct(mk, tokens), min(late, default=len(text)))
    for em in mk.iter("EVENT_MENTION"):
        anchors = [spans[a.get("t_id")] for a in em.iter("token_anchor") if a.get("t_id") in spans]
        if anchors:
            doc.mentions.append(GoldMention((min(a for a, _ in anchors), max(b for _, b in anchors)),
                                            instance_of.get(em.get("m_id"))))
    return doc


def load(corpus: str, root: Path = DATA) -> list[Document]:
    return [read_document(p, corpus) for p in sorted((root / f"corpus_{corpus}").glob("*.xml"))]


@dataclass
class Predicted:
    doc_id: str
    span: tuple[int, int]
    type: str
    lemma: str
    event: str
    # False for a mention the analysis found but the store does not keep as a happening (negated,
    # hypothetical, future without a date, generic, or told inside another mention's happening):
    # MEANTIME annotates events whatever their factuality, so detection counts it; coreference,
    # which needs a stored event, does not
    stored: bool = True


def predict(docs: Iterable[Document], stories: bool = False) -> list[Predicted]:
    """cronicar's analysis and event coreference over a fresh store, one story per corpus; with
    ``stories``, real story linking (``link_article``) decides the stories instead."""
    from cronicar.analyze.events_lexicon import trigger_root
    from cronicar.analyze.pipeline import analyze
    from cronicar.link import link_article
    from cronicar.link.events import link_events
    from cronicar.model import Article, DocDate
    from cronicar.store.db import Store

    docs = sorted(docs, key=lambda d: (d.dct or "", d.doc_id))
    out: list[Predicted] = []
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "ev.db") as store:
        ids: dict[str, str] = {}
        found: dict[str, list[tuple[int, int, str]]] = {}
        for d in docs:
            date = DocDate.parse(d.dct) if d.dct else DocDate.parse("1900")
            art = Article(text=d.text, date=date, lang="en", source=f"meantime/{d.corpus}/{d.doc_id}",
                          external_id=d.doc_id)
            analysis = analyze(d.text, date if d.dct else None, "en")
            found[d.doc_id] = [(*m.trigger, m.type) for m in analysis.events]
            with store.transaction() as conn:
                store.write_article(conn, art, analysis)
                if stories:
                    link_article(conn, art.id)
                else:
                    link_events(conn, art.id, f"s:meantime-{d.corpus}")
            ids[art.id] = d.doc_id
        text_of = {d.doc_id: d.text for d in docs}
        for aid, s, e, etype, eid in store.conn.execute(
                "SELECT article_id, trigger_start, trigger_end, type, event_id FROM event_mentions"):
            did = ids[aid]
            out.append(Predicted(did, (s, e), etype, trigger_root(text_of[did][s:e], "en"), eid))
    return out + _unstored(out, found, text_of)


def _unstored(stored: list[Predicted], found: dict[str, list[tuple[int, int, str]]],
              text_of: dict[str, str]) -> list[Predicted]:
    """Mentions the analysis found that the store does not keep, for detection only."""
    from cronicar.analyze.events_lexicon import trigger_root

    kept = {(p.doc_id, p.span) for p in stored}
    return [Predicted(did, (s, e), etype, trigger_root(text_of[did][s:e], "en"), "", stored=False)
            for did, spans in found.items() for s, e, etype in spans if (did, (s, e)) not in kept]


def align(docs: list[Document], preds: list[Predicted]) -> list[tuple[Predicted, str | None, GoldMention]]:
    """One-to-one matches by character overlap: (prediction, doc, gold mention)."""
    by_doc: dict[str, list[Predicted]] = {}
    for p in preds:
        by_doc.setdefault(p.doc_id, []).append(p)
    out = []
    for d in docs:
        free = list(d.mentions)
        # stored mentions first, so a detection-only mention never takes a stored one's gold
        for p in sorted(by_doc.get(d.doc_id, []), key=lambda p: (not p.stored, p.span)):
            hits = [g for g in free if g.span[0] < p.span[1] and p.span[0] < g.span[1]]
            if hits:
                g = max(hits, key=lambda g: (g.instance is not None, -abs(g.span[0] - p.span[0])))
                free.remove(g)
                out.append((p, d.doc_id, g))
    return out


@lru_cache(maxsize=None)
def run_corpus(corpus: str, root: Path = DATA, stories: bool = False) -> tuple[list[Document], list[Predicted]]:
    """Gold documents and predictions of one corpus (cached: dev/held-out/all reuse them)."""
    docs = load(corpus, root)
    return docs, predict(docs, stories)


def evaluate(corpora: Iterable[str], root: Path = DATA, stories: bool = False) -> dict[str, float]:
    """All figures for the union of ``corpora`` (each corpus is still its own story, unless
    ``stories``: then story linking runs too and can keep reports of one event apart)."""
    docs: list[Document] = []
    preds: list[Predicted] = []
    for c in corpora:
        cd, cp = run_corpus(c, root, stories)
        docs += cd
        preds += cp
    full = {d.doc_id: d.full_end for d in docs}
    gold_all = sum(1 for d in docs for g in d.mentions if g.span[0] < d.full_end)
    gold_x = sum(1 for d in docs for g in d.mentions if g.instance)
    matched = align(docs, preds)
    hit_full = [m for m in matched if m[2].span[0] < full[m[1]]]
    pred_full = [p for p in preds if p.span[0] < full[p.doc_id]]
    hit_x = [(p, did, g) for p, did, g in matched if g.instance and p.stored]
    res: dict[str, float] = {
        "docs": float(len(docs)), "gold_mentions": float(gold_all), "gold_xdoc_mentions": float(gold_x),
        "predicted": float(len(pred_full)),
        "det_p": len(hit_full) / len(pred_full) if pred_full else 0.0,
        "det_r": len(hit_full) / gold_all if gold_all else 0.0,
        "det_r_xdoc": len(hit_x) / gold_x if gold_x else 0.0,
    }
    res["det_f1"] = CM._f(res["det_p"], res["det_r"])
    res["det_f1_xdoc"] = CM._f(res["det_p"], res["det_r_xdoc"])
    key = {i: g.instance for i, (_, _, g) in enumerate(hit_x)}
    doc_of = {i: did for i, (_, did, _) in enumerate(hit_x)}
    systems = {
        "system": {i: p.event for i, (p, _, _) in enumerate(hit_x)},
        "singleton": {i: i for i in key},
        "same_type": {i: p.type for i, (p, _, _) in enumerate(hit_x)},
        "same_lemma": {i: p.lemma for i, (p, _, _) in enumerate(hit_x)},
    }
    for name, resp in systems.items():
        for k, v in CM.score_all(key, resp, doc_of).items():
            res[k if name == "system" else f"{name}_{k}"] = v
    return res


FLOORS = Path(__file__).resolve().parent / "floors_events.json"
FLOOR_GROUPS = {"dev (airbus+gm)": "dev", "held-out (apple+stock)": "held_out"}


def below_floors(results: dict[str, dict[str, float]]) -> list[str]:
    """Figures under their pinned floor (``eval/floors_events.json``), as readable lines."""
    floors = json.loads(FLOORS.read_text())
    out = []
    for name, res in results.items():
        prefix = FLOOR_GROUPS.get(name, name)
        for metric, value in res.items():
            floor = floors.get(f"{prefix}_{metric}")
            if floor is not None and value < floor:
                out.append(f"{name} {metric} {value:.3f} < floor {floor}")
    return out


COLUMNS = ("det_p", "det_r", "det_f1", "det_r_xdoc", "mentions", "muc_f1", "b3_f1", "ceafe_f1", "conll_f1", "xdoc_f1")


def _row(name: str, r: dict[str, float], prefix: str = "") -> str:
    """One table row; a baseline (``prefix``) shares the detection cells and has its own scores."""
    cells = []
    for c in COLUMNS:
        v = r[c] if c.startswith("det_") or c == "mentions" else r[prefix + c]
        cells.append(f"{int(v)}" if c == "mentions" else f"{v:.3f}")
    return f"| {name} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", choices=CORPORA, help="default: all, dev, held-out")
    ap.add_argument("--dev", action="store_true", help="only the development corpora (airbus, gm)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure is under its floor")
    ap.add_argument("--stories", action="store_true",
                    help="real story linking instead of one story per corpus (not floored)")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    groups: dict[str, tuple[str, ...]] = {c: (c,) for c in (args.corpus or (DEV if args.dev else CORPORA))}
    if args.dev:
        groups["dev (airbus+gm)"] = DEV
    elif not args.corpus:
        groups.update({"dev (airbus+gm)": DEV, "held-out (apple+stock)": HELD_OUT, "all": CORPORA})
    results = {name: evaluate(cs, args.data, args.stories) for name, cs in groups.items()}
    code = check_or_json(results, (lambda: below_floors(results)) if args.check and not args.stories else None,
                         args.json)
    if code is not None:
        return code
    head = "| corpus | " + " | ".join(COLUMNS) + " |"
    print(head + "\n|" + "---|" * (len(COLUMNS) + 1))
    for name, r in results.items():
        print(_row(name, r))
        for base in ("singleton", "same_type", "same_lemma"):
            print(_row(f"  {base}", r, base + "_"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
