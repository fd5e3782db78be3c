"""Score quote extraction and speaker attribution (guidelines §7 of the Romanian quote gold).

Matching: a predicted and a gold attribution match when their kinds are equal and their contents
overlap with token IoU >= 0.5 (tokens = ``\\w+`` runs), one-to-one, best IoU first.
Detection P/R/F1 counts matched pairs.  Speaker-attribution P/R/F1 counts matched pairs whose
speakers agree (so it can never exceed detection F1); ``speaker_given_detected`` is the share of
the matched pairs whose speakers agree (speaker accuracy on the quotes correctly detected).
Speakers agree when their normalised strings (NFC, no soft hyphen, ş/ţ→ș/ț, lower case, no
punctuation) are equal, or one is an alias of the other (every word of the shorter name starts like a word of the
longer one, common prefix of min(5, len-1) and at least 3 letters: "Lavrov"/"Serghei Lavrov", "presei de stat ruse"/"presa de stat
rusă"); two nulls agree.  On PolNeAR (no canonical names) the speaker is right when the
predicted mention overlaps the gold Source span or the predicted name is an alias of its text.

    python eval/quotes_eval.py --set ro-dev | ro-heldout | polnear-test | polnear-dev [--limit N]
    python eval/quotes_eval.py --set fresh-train | fresh-check [-zf | -undated]   # issue 19's fresh gold
    python eval/quotes_eval.py --set unseen-quotes [-zf | -undated | -political]   # eighth session's 48 articles

The fresh ``check`` half is for scores only: never run it with ``--errors`` to tune on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching import one_to_one  # noqa: E402
from quotes_datasets import GoldDoc, GoldQuote, load_fresh, load_polnear, load_ro, load_unseen_quotes  # noqa: E402

from cronicar.analyze.quotes.coref import common_prefix  # noqa: E402

_TOKEN_RE = re.compile(r"\w+")


def norm(s: str | None) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "")
    s = s.translate(str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})).lower()
    return " ".join(re.findall(r"\w+", s))


def alias(a: str | None, b: str | None) -> bool:
    """Same speaker by normalised string or as an alias (word-prefix subset)."""
    if a is None or b is None:
        return a is None and b is None
    na, nb = norm(a).split(), norm(b).split()
    if not na or not nb:
        return na == nb
    if na == nb:
        return True
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    return all(any(_same_word(w, x) for x in long_) for w in short)


def _same_word(a: str, b: str) -> bool:
    """Inflected forms of one word share a prefix: "presei"/"presa", "ruse"/"rusă"."""
    return a == b or common_prefix(a, b) >= max(3, min(5, min(len(a), len(b)) - 1))


def _token_sets(text: str, spans: list[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for m in _TOKEN_RE.finditer(text):
        for s, e in spans:
            if m.start() < e and s < m.end():
                out.add(m.start())
    return out


def match(text: str, pred: list[dict[str, Any]], gold: list[GoldQuote]) -> list[tuple[int, int]]:
    """One-to-one matching (same kind, token IoU >= 0.5), best IoU first."""
    gsets = [_token_sets(text, g.content) for g in gold]
    psets = [_token_sets(text, p.get("segments") or [tuple(p["content"])]) for p in pred]
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p["kind"] != g.kind or not psets[i] or not gsets[j]:
                continue
            inter = len(psets[i] & gsets[j])
            if not inter:
                continue
            iou = inter / len(psets[i] | gsets[j])
            if iou >= 0.5:
                cands.append((iou, i, j))
    cands.sort(reverse=True)
    return one_to_one((i, j) for _, i, j in cands)


def speaker_ok(p: dict[str, Any], g: GoldQuote, polnear: bool) -> bool:
    if not polnear:
        return alias(p.get("speaker"), g.speaker)
    if g.speaker is None:
        return p.get("speaker") is None
    m = p.get("speaker_mention")
    if m and any(m[0] < e and s < m[1] for s, e in g.speaker_spans):
        return True
    sp = p.get("speaker")
    return sp is not None and alias(sp.split()[-1], g.speaker.split()[-1]) if sp and g.speaker.split() else False


def accuracy(right: int, detected: int) -> dict[str, float | int]:
    """Speaker accuracy on the correctly detected quotes: the share of matched pairs whose
    speakers agree.  Speaker F1 counts a quote right only if it is detected too, so it is bounded
    by detection F1; this measure isolates who-said-it from whether-it-was-found."""
    return {"acc": round(right / detected, 4) if detected else 0.0, "right": right, "detected": detected}


def prf(tp: int, npred: int, ngold: int) -> dict[str, float | int]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": npred, "gold": ngold}


def predict(docs: list[GoldDoc]) -> list[list[dict[str, Any]]]:
    """Run the Romanian/English analysis needed for quotes and map spans to the gold text."""
    from cronicar.analyze.context import Context
    from cronicar.analyze.nlp import get_nlp
    from cronicar.analyze.normalize import normalize_aligned
    from cronicar.analyze.quotes import extract
    from cronicar.model import DocDate

    try:
        from cronicar.analyze import timex as timex_mod
    except Exception:  # the temporal engine may not exist yet
        timex_mod = None
    out = []
    by_lang: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_lang.setdefault(d.lang, []).append(i)
    results: dict[int, list[dict[str, Any]]] = {}
    for lang, idxs in by_lang.items():
        nlp = get_nlp(lang)
        aligned = [normalize_aligned(docs[i].text) for i in idxs]
        for i, al, doc in zip(idxs, aligned, nlp.pipe([a.text for a in aligned], batch_size=8)):
            dct = DocDate.parse(docs[i].dct) if docs[i].dct else None
            timexes = []
            if timex_mod is not None and dct is not None:
                try:
                    timexes = timex_mod.tag(al.text, dct, lang, doc=doc)
                except Exception:
                    timexes = []
            ctx = Context(doc=doc, text=al.text, dct=dct, lang=lang, timexes=timexes)
            preds = []
            for q in extract(ctx):
                d = q.to_contract()
                d["content"] = list(al.to_original(*q.content))
                if q.speaker_mention:
                    d["speaker_mention"] = list(al.to_original(*q.speaker_mention))
                preds.append(d)
            results[i] = preds
    for i in range(len(docs)):
        out.append(results[i])
    return out


def merge_by_cue(preds: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """PolNeAR keeps one attribution per cue ("„A,” she said. „B.”" is one relation with two
    content segments): predictions sharing a cue and a speaker are merged the same way."""
    out: list[dict[str, Any]] = []
    by_cue: dict[tuple, dict[str, Any]] = {}
    for p in sorted(preds, key=lambda p: p["content"][0]):
        cue = tuple(p["cue"]) if p.get("cue") else None
        k = (cue, p.get("speaker"))
        prev = out[-1] if out else None
        if cue is None and prev is not None and prev.get("speaker") == p.get("speaker") and p["kind"] == "direct" and (
            0 <= p["content"][0] - prev["segments"][-1][1] <= 150
        ) and "\n" not in text[prev["segments"][-1][1] : p["content"][0]]:
            prev["segments"].append(tuple(p["content"]))  # cue-less continuation of the same statement
            continue
        if cue is not None and k in by_cue:
            q = by_cue[k]
            q["segments"].append(tuple(p["content"]))
            if p["kind"] == "indirect":
                q["kind"] = "indirect"
            continue
        q = dict(p)
        q["segments"] = [tuple(p["content"])]
        out.append(q)
        if cue is not None:
            by_cue[k] = q
    return out


def score(docs: list[GoldDoc], preds: list[list[dict[str, Any]]], polnear: bool, errors: bool = False) -> dict[str, Any]:
    kinds = ("direct", "indirect")
    if polnear:
        preds = [merge_by_cue(pr, d.text) for pr, d in zip(preds, docs)]
    c = {k: {"tp": 0, "sp": 0, "pred": 0, "gold": 0} for k in kinds}
    for d, pr in zip(docs, preds):
        pairs = match(d.text, pr, d.quotes)
        for k in kinds:
            c[k]["pred"] += sum(1 for p in pr if p["kind"] == k)
            c[k]["gold"] += sum(1 for g in d.quotes if g.kind == k)
        mp = {i: j for i, j in pairs}
        mg = {j: i for i, j in pairs}
        for i, j in pairs:
            k = d.quotes[j].kind
            c[k]["tp"] += 1
            ok = speaker_ok(pr[i], d.quotes[j], polnear)
            c[k]["sp"] += ok
            if errors and not ok:
                print(f"SPK {d.id} {k} pred={pr[i].get('speaker')!r} gold={d.quotes[j].speaker!r} :: "
                      f"{d.text[pr[i]['content'][0]:pr[i]['content'][1]][:70]!r}", file=sys.stderr)
        if errors:
            for i, p in enumerate(pr):
                if i not in mp:
                    print(f"FP  {d.id} {p['kind']} {p.get('speaker')!r} :: {d.text[p['content'][0]:p['content'][1]][:90]!r}",
                          file=sys.stderr)
            for j, g in enumerate(d.quotes):
                if j not in mg:
                    s, e = g.content[0][0], g.content[-1][1]
                    print(f"FN  {d.id} {g.kind} {g.speaker!r} :: {d.text[s:e][:90]!r}", file=sys.stderr)
    tot = {key: sum(c[k][key] for k in kinds) for key in ("tp", "sp", "pred", "gold")}
    res: dict[str, Any] = {"docs": len(docs)}
    if polnear:
        for k in kinds:
            res[k] = {"detection": prf(c[k]["tp"], c[k]["pred"], c[k]["gold"]),
                      "speaker": prf(c[k]["sp"], c[k]["pred"], c[k]["gold"])}
    else:
        res["detection"] = prf(tot["tp"], tot["pred"], tot["gold"])
        res["speaker"] = prf(tot["sp"], tot["pred"], tot["gold"])
        res["speaker_given_detected"] = accuracy(tot["sp"], tot["tp"])
        res["by_kind"] = {k: {"detection": prf(c[k]["tp"], c[k]["pred"], c[k]["gold"]),
                              "speaker": prf(c[k]["sp"], c[k]["pred"], c[k]["gold"]),
                              "speaker_given_detected": accuracy(c[k]["sp"], c[k]["tp"])} for k in kinds}
    return res


def load_set(name: str, limit: int | None = None) -> tuple[list[GoldDoc], bool]:
    if name.startswith("ro-"):
        docs = load_ro(name[3:])
        return (docs[:limit] if limit else docs), False
    if name.startswith("polnear-"):
        return load_polnear(name.split("-", 1)[1], limit), True
    if name.startswith("fresh-"):
        docs = load_fresh(name)
        return (docs[:limit] if limit else docs), False
    if name.startswith("unseen-quotes"):
        docs = load_unseen_quotes(name)
        return (docs[:limit] if limit else docs), False
    raise SystemExit(f"unknown set {name!r}")


def evaluate(name: str, limit: int | None = None, errors: bool = False) -> dict[str, Any]:
    docs, polnear = load_set(name, limit)
    res = score(docs, predict(docs), polnear, errors)
    res["set"] = name
    if limit:
        res["limit"] = limit
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="ro-dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", action="store_true", help="print mismatches to stderr")
    a = ap.parse_args()
    print(json.dumps(evaluate(a.set, a.limit, a.errors), indent=1))


if __name__ == "__main__":
    main()
