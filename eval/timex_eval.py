"""TempEval-3-style scorer for time expressions, and a CLI that runs cronicar's tagger on a gold set.

Why TempEval-3 figures: they are what HeidelTime and every other published tagger report, so our
numbers sit next to theirs.  Per document, gold and predicted timexes are paired one-to-one
(greedily by largest overlap); then

- strict span P/R/F: pairs with identical ``[start, end)``;
- relaxed span P/R/F: pairs that overlap;
- value F1: relaxed pairs whose ``value`` is equal (TempEval-3's attribute F1: P over predictions,
  R over gold), also ``type`` F1 and accuracies over relaxed pairs.

Usage::

    .venv/bin/python eval/timex_eval.py --set ro-dev            # prints JSON figures
    .venv/bin/python eval/timex_eval.py --set ro-dev --errors   # plus the mismatches
    .venv/bin/python eval/timex_eval.py --set fresh-check       # issue 19's fresh gold: score only,
                                                                # never --errors on the check half
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

Doc = dict[str, Any]
Tagger = Callable[[str, Any, str], list[dict[str, Any]]]

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

from matching import one_to_one  # noqa: E402


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def align(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                exact = g["start"] == p["start"] and g["end"] == p["end"]
                cands.append((not exact, -ov, gi, pi))
    cands.sort()
    return one_to_one((gi, pi) for _, _, gi, pi in cands)


def _norm_value(v: Any) -> str:
    return str(v or "").strip()


def score(gold_docs: Iterable[Doc], pred_docs: Iterable[Doc], errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Score predicted docs against gold docs (matched by ``id``; missing predictions count as empty).

    Pass a list as ``errors`` to collect mismatches (missed, spurious, wrong span/value/type).
    """
    preds = {d["id"]: d for d in pred_docs}
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    for g in gold_docs:
        gt = g.get("timexes", [])
        pt = preds.get(g["id"], {}).get("timexes", [])
        n_gold += len(gt)
        n_pred += len(pt)
        pairs = align(gt, pt)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            a, b = gt[gi], pt[pi]
            relaxed += 1
            if a["start"] == b["start"] and a["end"] == b["end"]:
                strict += 1
            v = _norm_value(a.get("value")) == _norm_value(b.get("value"))
            t = a.get("type") == b.get("type")
            value_ok += v
            type_ok += t
            if errors is not None and (not v or not t or (a["start"], a["end"]) != (b["start"], b["end"])):
                errors.append({"doc": g["id"], "kind": "mismatch", "gold": _brief(a), "pred": _brief(b)})
        if errors is not None:
            for gi, a in enumerate(gt):
                if gi not in matched_g:
                    errors.append({"doc": g["id"], "kind": "missed", "gold": _brief(a), "context": _ctx(g["text"], a)})
            for pi, b in enumerate(pt):
                if pi not in matched_p:
                    errors.append({"doc": g["id"], "kind": "spurious", "pred": _brief(b), "context": _ctx(g["text"], b)})
    return {
        "gold": n_gold,
        "pred": n_pred,
        "strict": _prf(strict, n_pred, n_gold),
        "relaxed": _prf(relaxed, n_pred, n_gold),
        "value": _prf(value_ok, n_pred, n_gold),
        "type": _prf(type_ok, n_pred, n_gold),
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
    }


def _brief(t: dict[str, Any]) -> str:
    mod = f" {t['mod']}" if t.get("mod") else ""
    return f"{t.get('text')!r} [{t['start']},{t['end']}] {t.get('type')} {t.get('value')}{mod}"


def _ctx(text: str, t: dict[str, Any], width: int = 40) -> str:
    return text[max(0, t["start"] - width) : t["end"] + width].replace("\n", " ")


def cronicar_tagger(text: str, dct: Any, lang: str) -> list[dict[str, Any]]:
    """cronicar's temporal engine on the no-spaCy path, on normalized text (same length)."""
    from cronicar.analyze import timex
    from cronicar.analyze.normalize import normalize_aligned

    aligned = normalize_aligned(text)
    out = []
    for t in timex.tag(aligned.text, dct, lang, doc=None):
        s, e = aligned.to_original(t.start, t.end)
        out.append({"start": s, "end": e, "text": text[s:e], "type": t.type, "value": t.value, "mod": t.mod})
    return out


DIACRITICS = str.maketrans("șşțţăâîȘŞȚŢĂÂÎ", "ssttaaiSSTTAAI")


def strip_diacritics(docs: list[Doc]) -> list[Doc]:
    """The gold texts as written without Romanian diacritics, character for character (offsets and
    gold spans kept): many Romanian sites write "In urma cu doi ani"."""
    return [{**d, "text": d["text"].translate(DIACRITICS)} for d in docs]


def predict(docs: Iterable[Doc], tagger: Tagger = cronicar_tagger) -> list[Doc]:
    """Run ``tagger(text, DocDate, lang) -> [timex dicts]`` on gold docs; returns prediction docs."""
    from cronicar.model import DocDate

    out = []
    for d in docs:
        dct = DocDate.parse(d["dct"])
        out.append({**d, "timexes": tagger(d["text"], dct, d["lang"])})
    return out


def run(set_name: str, root: Path | None = None, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Score cronicar on one named gold set (see ``timex_datasets.LOADERS``)."""
    import timex_datasets

    gold = timex_datasets.load(set_name, root)
    pred = predict(gold)
    return score(gold, pred, errors)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    import timex_datasets

    ap.add_argument("--set", required=True, choices=["ro-heldout", *timex_datasets.LOADERS])
    ap.add_argument("--root", type=Path, default=None, help="the shared data folder (default ../shared)")
    ap.add_argument("--errors", action="store_true", help="also print mismatches, one per line")
    ap.add_argument("--strip-diacritics", action="store_true",
                    help="tag the texts written without ș/ț/ă/â/î (offsets kept; scored on the same gold)")
    args = ap.parse_args(argv)
    errs: list[dict[str, Any]] | None = [] if args.errors else None
    if args.set == "ro-heldout":
        gold = timex_datasets.load_ro_dev(args.root, split="heldout")
    else:
        gold = timex_datasets.load(args.set, args.root)
    res = score(gold, predict(strip_diacritics(gold) if args.strip_diacritics else gold), errs)
    print(json.dumps({"set": args.set, **res}, indent=1))
    if errs:
        for e in errs:
            print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
