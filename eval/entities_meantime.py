"""Names in English text on MEANTIME (Wikinews): cronicar's entity stage without a NER model.

English has no offline spaCy model here, so cronicar finds names from capitalization (the cues of
``lang/en/entities_names.tsv``: connectors, titles, organisation words) and the gazetteer (CLDR
countries, derived demonyms, GeoNames cities).  Gold: MEANTIME's entity mentions that are names
(``syntactic_type`` NAM, or PRE.NAM: "US" in "US officials") in the fully annotated part of each
document (title, date line and four sentences), typed by the entity they refer to: PER -> PERSON,
ORG -> ORG, LOC -> PLACE (cronicar's GPE and LOC), PRO / FIN / MIX -> OTHER (products, financial
names: cronicar's MISC).

Reported: name detection whatever the type (**any**), and per type, one to one; **relaxed** =
overlapping, **strict** = same characters.  Baseline on the same text: every run of capitalized
words that does not open its sentence is a name (untyped), which is where capitalization alone gets.
Developed on airbus + gm, apple + stock held out (the same split as the event scorers).

Run: .venv/bin/python eval/entities_meantime.py [--json] [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import events_meantime as EM  # noqa: E402
from cli_common import check_or_json  # noqa: E402
from matching import one_to_one  # noqa: E402

GOLD_TYPE = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "PRO": "OTHER", "FIN": "OTHER", "MIX": "OTHER"}
PRED_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "MISC": "OTHER"}
TYPES = ("any", "PERSON", "ORG", "PLACE")
FLOORS = Path(__file__).resolve().parent / "floors_entities.json"
Span = tuple[int, int, str]


def gold_names(path: Path, full_end: int) -> list[Span]:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    _, spans = EM.detokenize(tokens)
    mk = root.find("Markables")
    ent_type = {e.get("m_id"): e.get("ent_type") for e in mk.iter("ENTITY")}
    type_of: dict[str, str] = {}
    for rel in root.find("Relations").iter("REFERS_TO"):
        t = ent_type.get(rel.find("target").get("m_id"))
        for src in rel.iter("source"):
            if t:
                type_of[src.get("m_id")] = t
    out = []
    for m in mk.iter("ENTITY_MENTION"):
        if m.get("syntactic_type") not in {"NAM", "PRE.NAM"} or type_of.get(m.get("m_id")) not in GOLD_TYPE:
            continue
        toks = [spans[a.get("t_id")] for a in m.iter("token_anchor") if a.get("t_id") in spans]
        if toks and min(a for a, _ in toks) < full_end:
            out.append((min(a for a, _ in toks), max(b for _, b in toks), GOLD_TYPE[type_of[m.get("m_id")]]))
    return out


def capitalized_runs(text: str, end: int) -> list[Span]:
    """Baseline: runs of capitalized words that do not open a line or sentence."""
    out = []
    for m in re.finditer(r"(?:[A-Z][\w.&'-]*)(?:\s+[A-Z][\w.&'-]*)*", text[:end]):
        before = text[:m.start()].rstrip()
        if before and before[-1] not in ".!?\n":
            out.append((m.start(), m.end(), "any"))
    return out


@lru_cache(maxsize=None)
def run_corpus(corpus: str, root: Path = EM.DATA) -> list[tuple[list[Span], list[Span], list[Span]]]:
    """(gold, cronicar, baseline) name spans per document of a corpus."""
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    out = []
    for path in sorted((root / f"corpus_{corpus}").glob("*.xml")):
        doc = EM.read_document(path, corpus)
        a = analyze(doc.text, DocDate.parse(doc.dct) if doc.dct else None, "en")
        mine = [(m.start, m.end, PRED_TYPE[m.label]) for m in a.entities
                if m.start < doc.full_end and m.label in PRED_TYPE]
        out.append((gold_names(path, doc.full_end), mine, capitalized_runs(doc.text, doc.full_end)))
    return out


def _count(gold: list[Span], pred: list[Span], typ: str, strict: bool) -> tuple[int, int, int]:
    g = [s for s in gold if typ == "any" or s[2] == typ]
    p = [s for s in pred if typ == "any" or s[2] == typ]
    ranked = sorted((-(min(a[1], b[1]) - max(a[0], b[0])), i, j) for i, a in enumerate(g) for j, b in enumerate(p)
                    if (a[:2] == b[:2] if strict else a[0] < b[1] and b[0] < a[1]))
    return len(one_to_one((i, j) for _, i, j in ranked)), len(p), len(g)


def evaluate(corpora: tuple[str, ...], root: Path = EM.DATA) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for system in ("cronicar", "baseline"):
        for typ in TYPES if system == "cronicar" else ("any",):
            for mode in ("relaxed", "strict"):
                tp = n_pred = n_gold = 0
                for corpus in corpora:
                    for gold, mine, base in run_corpus(corpus, root):
                        a, b, c = _count(gold, mine if system == "cronicar" else base, typ, mode == "strict")
                        tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
                p = tp / n_pred if n_pred else 0.0
                r = tp / n_gold if n_gold else 0.0
                out[f"{system}_{typ}_{mode}"] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                                                 "gold": n_gold, "pred": n_pred}
    return out


def below_floors(results: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    """Figures under their floor (``eval/floors_entities.json``, keys ``meantime_<group>_<type>_relaxed_f1``)."""
    low = []
    for key, floor in json.loads(FLOORS.read_text()).items():
        if not key.startswith("meantime_"):
            continue
        group, typ = key[len("meantime_"):].removesuffix("_relaxed_f1").split(":")
        got = results[group][f"cronicar_{typ}_relaxed"]["f1"]
        if got < floor:
            low.append(f"{key}: {got:.3f} < floor {floor}")
    return low


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure is under its floor")
    ap.add_argument("--data", type=Path, default=EM.DATA)
    args = ap.parse_args(argv)
    groups = {"dev": EM.DEV, "held_out": EM.HELD_OUT, "all": EM.CORPORA}
    results = {name: evaluate(cs, args.data) for name, cs in groups.items()}
    code = check_or_json(results, (lambda: below_floors(results)) if args.check else None, args.json)
    if code is not None:
        return code
    print("| group | system | type | gold | relaxed P / R / F1 | strict F1 |")
    print("|---|---|---|---:|---|---|")
    for name, r in results.items():
        for key in [k for k in r if k.endswith("_relaxed")]:
            system, typ, _ = key.split("_")
            s = r[key.replace("_relaxed", "_strict")]
            print(f"| {name} | {system} | {typ} | {r[key]['gold']} | {r[key]['p']:.3f} / {r[key]['r']:.3f} / "
                  f"{r[key]['f1']:.3f} | {s['f1']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
