"""Entity recognition on RONEC v2 test (Romanian): cronicar's entity stage against the raw NER.

What runs is cronicar's own analysis (``cronicar.analyze.pipeline.analyze``) on each of the 2,000
sentences; its entities (spaCy NER filtered to names, plus the gazetteer of countries, cities and
demonyms) are compared with RONEC's spans.  Beside it, the **raw NER** of the same pipeline
(ro-legal-fl's entities with their RONEC labels, mapped the way cronicar maps them), so the table
shows what the entity stage adds and what its filters cost.

Types compared: PERSON, ORG, GPE, LOC (RONEC FACILITY counts as LOC, as cronicar maps it).
RONEC's PERSON also covers role nouns and pronouns ("reprezentanților", "dl Constantin
Ostaficiuc , președintele C.J.T."), which cronicar deliberately does not keep as entities: PERSON
is therefore also scored on **named** gold persons only (spans with a capitalized word that does not
merely open the sentence).
NAT_REL_POL ("român", "ortodox", "liberal") is reported as the share of its spans that cronicar
tags as a country (a demonym), not as a type of its own.

Matching: one to one, same type; **strict** = same characters, **relaxed** = overlapping.

Caveat: ro-legal-fl's training data is not stated; it predicts RONEC's label set (plus LEGAL), so
it may have seen RONEC — the raw-NER figures may be optimistic.  The comparison between the two
rows is what this measures.

Run: .venv/bin/python eval/entities_ronec.py [--limit N] [--json] [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ronec  # noqa: E402
from cli_common import check_or_json  # noqa: E402
from matching import one_to_one  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ro" / "ronec-v2"
GOLD_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FACILITY": "LOC"}
TYPES = ("PERSON", "PERSON_named", "ORG", "GPE", "LOC")
FLOORS = Path(__file__).resolve().parent / "floors_entities.json"
Span = tuple[int, int, str]


def predict(texts: list[str]) -> tuple[list[list[Span]], list[list[Span]]]:
    """cronicar's entity spans and the raw NER's, per sentence."""
    from cronicar.analyze.entities import NER_MAP
    from cronicar.analyze.nlp import get_nlp
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    dct = DocDate.parse("2020-01-01")  # RONEC has no dates; entities do not read them
    mine = [[(m.start, m.end, m.label) for m in analyze(t, dct, "ro").entities] for t in texts]
    raw = [[(e.start_char, e.end_char, NER_MAP[e.label_]) for e in doc.ents if e.label_ in NER_MAP
            and NER_MAP[e.label_] in {"PERSON", "ORG", "GPE", "LOC"} and e.label_ != "NAT_REL_POL"]
           for doc in get_nlp("ro").pipe(texts, batch_size=64)]
    return mine, raw


def _pairs(gold: list[Span], pred: list[Span], strict: bool) -> list[tuple[int, int]]:
    ranked = sorted((-(min(g[1], p[1]) - max(g[0], p[0])), gi, pi)
                    for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if g[2] == p[2] and (g[:2] == p[:2] if strict else g[0] < p[1] and p[0] < g[1]))
    return one_to_one((gi, pi) for _, gi, pi in ranked)


def _named(text: str, span: Span) -> bool:
    """A gold person with a name: a capitalized word that does not merely open the sentence
    ("Choi Gee-sung", "dl Constantin Ostaficiuc"; not "Senatorul" or "El" at a sentence start)."""
    words = text[span[0]:span[1]].split()
    return bool(words) and (span[0] > 0 and words[0][:1].isupper() or any(w[:1].isupper() for w in words[1:]))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_gold, "pred": n_pred}


def score(texts: list[str], golds: list[list[Span]], preds: list[list[Span]],
          nat: list[list[Span]]) -> dict[str, dict[str, float]]:
    """P/R/F1 per type; a country cronicar reads off a demonym that RONEC marks NAT_REL_POL
    ("român" -> România) is by design, not a wrong GPE: it counts for neither side."""
    out: dict[str, dict[str, float]] = {}
    for typ in TYPES:
        base = "PERSON" if typ == "PERSON_named" else typ
        for mode in ("strict", "relaxed"):
            tp = n_gold = n_pred = 0
            for text, gold, pred, dem in zip(texts, golds, preds, nat):
                g = [s for s in gold if s[2] == base and (typ != "PERSON_named" or _named(text, s))]
                p = [s for s in pred if s[2] == base
                     and not (base == "GPE" and any(d[0] < s[1] and s[0] < d[1] for d in dem))]
                pairs = _pairs(g, p, mode == "strict")
                if typ == "PERSON_named":  # a prediction is only wrong if it hits no gold person at all
                    all_g = [s for s in gold if s[2] == "PERSON"]
                    wrong = len(p) - len(_pairs(all_g, p, mode == "strict"))
                    n_pred += len(pairs) + wrong
                else:
                    n_pred += len(p)
                tp += len(pairs)
                n_gold += len(g)
            out[f"{typ}_{mode}"] = _prf(tp, n_pred, n_gold)
    return out


def demonyms(texts: list[str], nat: list[list[Span]], preds: list[list[Span]]) -> float:
    """Share of RONEC NAT_REL_POL spans overlapped by a country (GPE) of the prediction."""
    hit = total = 0
    for gold, pred in zip(nat, preds):
        for s, e, _ in gold:
            total += 1
            hit += any(p[2] == "GPE" and p[0] < e and s < p[1] for p in pred)
    return hit / total if total else 0.0


def evaluate(root: Path = DATA, limit: int | None = None, split: str = "test") -> dict[str, object]:
    data = ronec.load(root / f"{split}.json", set(GOLD_TYPE) | {"NAT_REL_POL"})[:limit]
    texts = [t for _, t, _ in data]
    golds = [[(s, e, GOLD_TYPE[lab]) for s, e, lab in spans if lab in GOLD_TYPE] for _, _, spans in data]
    nat = [[x for x in spans if x[2] == "NAT_REL_POL"] for _, _, spans in data]
    mine, raw = predict(texts)
    return {"sentences": len(texts), "cronicar": score(texts, golds, mine, nat), "raw_ner": score(texts, golds, raw, nat),
            "nat_rel_pol_as_country": {"cronicar": demonyms(texts, nat, mine), "raw_ner": demonyms(texts, nat, raw)}}


def below_floors(res: dict[str, object], prefix: str = "test") -> list[str]:
    """Figures under their floor (``eval/floors_entities.json``, keys ``<prefix>_<type>_relaxed_f1``)."""
    floors = json.loads(FLOORS.read_text())
    mine = res["cronicar"]
    low = []
    for key, floor in floors.items():
        if not key.startswith(prefix + "_"):
            continue
        typ = key[len(prefix) + 1:].removesuffix("_relaxed_f1")
        got = mine[f"{typ}_relaxed"]["f1"]  # type: ignore[index]
        if got < floor:
            low.append(f"{key}: {got:.3f} < floor {floor}")
    return low


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N sentences only")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure is under its floor")
    ap.add_argument("--split", choices=("valid", "test"), default="test",
                    help="valid: for development; test: for reporting")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    res = evaluate(args.data, args.limit, args.split)
    prefix = "test" if args.limit is None and args.split == "test" else "first300"
    code = check_or_json(res, (lambda: below_floors(res, prefix)) if args.check else None, args.json)
    if code is not None:
        return code
    print(f"RONEC v2 {args.split}, {res['sentences']} sentences; P / R / F1")
    print("| type | match | gold | cronicar | raw NER |")
    print("|---|---|---:|---|---|")
    for typ in TYPES:
        for mode in ("relaxed", "strict"):
            a, b = res["cronicar"][f"{typ}_{mode}"], res["raw_ner"][f"{typ}_{mode}"]  # type: ignore[index]
            print(f"| {typ} | {mode} | {a['gold']} | {a['p']:.3f} / {a['r']:.3f} / {a['f1']:.3f} | "
                  f"{b['p']:.3f} / {b['r']:.3f} / {b['f1']:.3f} |")
    d = res["nat_rel_pol_as_country"]
    print(f"NAT_REL_POL spans tagged as a country: cronicar {d['cronicar']:.3f}, raw NER {d['raw_ner']:.3f}")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
