"""Key dates on ML-Crisis (es/fr/it): timeline summarization scored the tilse / news-tls way.

For each language and topic (Egypt, Libya, Syria, Yemen) the system gets the topic's articles and
returns as many dates as the reference timeline has (``<lang>/reference/<topic>.txt``), each with
as many sentences as the reference has per date on average, within the reference's date range
(the standard setting of Martschat and Markert 2018 and Gholipour Ghalandari and Ifrim 2020).

- **Date selection**: cronicar's :func:`cronicar.link.keydates.rank_dates` (days ranked by the
  articles and outlets that refer to them, through cronicar's own time expressions in each
  language), beside the standard baseline "the N busiest publication days".
- **Date summaries** (the same for both, so only the dates differ): the sentences that refer to
  the day or lead an article published that day, the most central first (cosine to the centroid of
  the candidates' word counts), without repeating one.
- **Metrics**: date precision/recall/F1 (exact day); ROUGE-1 and ROUGE-2 F1, *concat* (all
  summaries against all reference text) and *agreement* (n-grams count only on the days both
  timelines have), as tilse defines them; word tokens, lowercase, no stemming (no stemmer for all
  three languages here), so figures are close to but not identical with the papers' pyrouge runs.

Run: nice -n 10 .venv/bin/python eval/keydates_mlcrisis.py [--lang es] [--json] [--check]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cli_common import check_or_json  # noqa: E402

from cronicar.analyze import timex  # noqa: E402
from cronicar.analyze.normalize import normalize_aligned  # noqa: E402
from cronicar.link.keydates import DateRef, busiest_days, lead_end, rank_dates  # noqa: E402
from cronicar.model import DocDate  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multi" / "ml-crisis"
FLOORS = Path(__file__).resolve().parent / "floors_keydates.json"
LANGS = ("es", "fr", "it")
TOPICS = ("egypt", "libya", "syria", "yemen")
_SENT = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"\w+")


def reference(path: Path) -> dict[str, list[str]]:
    """date -> its summary sentences, from a tilse-format reference timeline."""
    out: dict[str, list[str]] = {}
    for block in path.read_text(encoding="utf-8").split("--------------------------------"):
        lines = [x.strip() for x in block.strip().splitlines() if x.strip()]
        if lines and re.fullmatch(r"\d{4}-\d{2}-\d{2}", lines[0]):
            out.setdefault(lines[0], []).extend(lines[1:])
    return out


def sentences(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for m in _SENT.finditer(text + "\n"):
        s = text[pos:m.start()].strip()
        if len(s.split()) >= 6:  # navigation lines and captions are not sentences to summarize
            out.append((pos, m.start(), " ".join(s.split())))
        pos = m.end()
    return out


_TIMEX = re.compile(r'<TIMEX3[^>]*\bvalue="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*>')
_TAG = re.compile(r"<[^>]+>")


def has_rules(lang: str) -> bool:
    """Whether cronicar tags time expressions in ``lang`` (es, en, ro today; not fr, it)."""
    from cronicar import LANG_DIR

    return (LANG_DIR / lang / "timex_rules.tsv").exists()


def _opening(text: str) -> str:
    """A sentence's first words, lowercased: a tokenized TimeML line and the raw sentence agree on it."""
    return " ".join(_WORD.findall(text.lower())[:8])


def dataset_refs(path: Path, aid: str, day: str, outlet: str, lead: set[str] = frozenset()) -> list[DateRef]:  # type: ignore[assignment]
    """Day references from the TimeML file ML-Crisis ships beside each article (HeidelTime's
    tagging, one sentence per line): for languages cronicar has no time rules for.  ``lead``: the
    openings (:func:`_opening`) of the article's lead sentences."""
    refs = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        days = _TIMEX.findall(line)
        if days:
            sent = " ".join(_TAG.sub("", line).split())
            in_lead = _opening(sent) in lead
            refs += [DateRef(d, aid, day, outlet, sent if len(sent.split()) >= 6 else "", in_lead) for d in days]
    return refs


def read_topic(lang: str, topic: str, source: str = "cronicar") -> tuple[list[DateRef], list[str], dict[str, list[str]]]:
    """Day references (with their sentences), publication days, and the lead sentences per day.
    ``source``: whose time expressions, cronicar's own ("cronicar") or the dataset's ("dataset")."""
    refs: list[DateRef] = []
    published: list[str] = []
    leads: dict[str, list[str]] = defaultdict(list)
    for folder in sorted((DATA / lang / topic).iterdir()):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", folder.name):
            continue
        for f in sorted(folder.glob("*.txt")):
            raw = f.read_text(encoding="utf-8", errors="replace")
            text = normalize_aligned(raw).text
            aid = f"{folder.name}/{f.stem}"
            outlet = raw.split("\n", 1)[0][:40]  # the site's header line names the outlet
            published.append(folder.name)
            sents = sentences(text)
            leads[folder.name] += [s for _, _, s in sents[:3]]
            lead = lead_end(text)
            if source == "dataset":
                tml = f.with_name(f.stem + ".tokenized.timeml")
                opening = {_opening(s) for a, _, s in sents if a < lead}
                refs += dataset_refs(tml, aid, folder.name, outlet, opening) if tml.exists() else []
                continue
            for t in timex.tag(text, DocDate.parse(folder.name), lang):
                if t.type in {"DATE", "TIME"} and t.interval and t.interval[0] == t.interval[1]:
                    sent = next((s for a, b, s in sents if a <= t.start < b), "")
                    refs.append(DateRef(t.interval[0], aid, folder.name, outlet, sent, t.start < lead))
    return refs, published, leads


def summarize(day: str, refs: list[DateRef], leads: dict[str, list[str]], k: int) -> list[str]:
    """The ``k`` most central candidate sentences of a day, no two the same."""
    cands = list(dict.fromkeys([r.text for r in refs if r.day == day and r.text] + leads.get(day, [])))
    if not cands:
        return []
    vecs = [Counter(_WORD.findall(c.lower())) for c in cands]
    centroid: Counter[str] = Counter()
    for v in vecs:
        centroid.update(v)

    def cos(v: Counter[str]) -> float:
        dot = sum(n * centroid[w] for w, n in v.items())
        return dot / (math.sqrt(sum(n * n for n in v.values())) * math.sqrt(sum(n * n for n in centroid.values())) or 1)

    ranked = sorted(range(len(cands)), key=lambda i: -cos(vecs[i]))
    return [cands[i] for i in ranked[:k]]


def _ngrams(text: str, n: int) -> Counter[tuple[str, ...]]:
    w = _WORD.findall(text.lower())
    return Counter(tuple(w[i:i + n]) for i in range(len(w) - n + 1))


def _f(match: float, pred: float, ref: float) -> float:
    p = match / pred if pred else 0.0
    r = match / ref if ref else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def rouge(pred: dict[str, list[str]], ref: dict[str, list[str]], n: int) -> dict[str, float]:
    """tilse's concat and agreement ROUGE-n F1."""
    pc = _ngrams(" ".join(s for v in pred.values() for s in v), n)
    rc = _ngrams(" ".join(s for v in ref.values() for s in v), n)
    concat = _f(sum((pc & rc).values()), sum(pc.values()), sum(rc.values()))
    match = 0
    for day in set(pred) & set(ref):
        match += sum((_ngrams(" ".join(pred[day]), n) & _ngrams(" ".join(ref[day]), n)).values())
    pred_total = sum(sum(_ngrams(" ".join(v), n).values()) for v in pred.values())
    ref_total = sum(sum(_ngrams(" ".join(v), n).values()) for v in ref.values())
    return {"concat": concat, "agreement": _f(match, pred_total, ref_total)}


def score_timeline(pred: dict[str, list[str]], ref: dict[str, list[str]]) -> dict[str, float]:
    hit = len(set(pred) & set(ref))
    out = {"date_f1": _f(hit, len(pred), len(ref))}
    for n in (1, 2):
        r = rouge(pred, ref, n)
        out[f"r{n}_concat"], out[f"r{n}_agreement"] = r["concat"], r["agreement"]
    return out


def evaluate(langs: tuple[str, ...] = LANGS) -> dict[str, float]:
    """Mean over topics, per language and system: ``<lang>_<system>_<metric>``.  Systems:
    ``keydates`` (cronicar's date ranking on cronicar's time expressions, where it has rules for
    the language), ``keydates_tml`` (the same ranking on the dataset's TimeML time expressions),
    ``busiest`` (the baseline)."""
    sums: dict[str, list[float]] = defaultdict(list)
    for lang in langs:
        for topic in TOPICS:
            ref_path = DATA / lang / "reference" / f"{topic}.txt"
            if not ref_path.exists() or not (DATA / lang / topic).exists():
                continue
            ref = reference(ref_path)
            window = (min(ref), max(ref))
            k = max(1, round(sum(len(v) for v in ref.values()) / len(ref)))
            runs = []
            for system, source in (("keydates", "cronicar"), ("keydates_tml", "dataset")):
                if source == "cronicar" and not has_rules(lang):
                    continue
                refs, published, leads = read_topic(lang, topic, source)
                runs.append((system, refs, leads, rank_dates(refs, len(ref), window, published, fill=True)))
            # the baseline's days summarized from the same candidates as the first system's
            runs.append(("busiest", runs[0][1], runs[0][2], busiest_days(published, len(ref), window)))
            for system, refs, leads, days in runs:
                pred = {d: summarize(d, refs, leads, k) for d, _ in days}
                for metric, value in score_timeline(pred, ref).items():
                    sums[f"{lang}_{system}_{metric}"].append(value)
    return {key: sum(v) / len(v) for key, v in sorted(sums.items())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", action="append", choices=LANGS, help="default: all three")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure is under its floor")
    args = ap.parse_args()
    res = evaluate(tuple(args.lang or LANGS))
    code = check_or_json(res, (lambda: below_floors(res)) if args.check else None, args.json)
    if code is not None:
        return code
    if True:
        for lang in args.lang or LANGS:
            for system in ("keydates", "keydates_tml", "busiest"):
                if f"{lang}_{system}_date_f1" not in res:
                    continue
                row = {m: res.get(f"{lang}_{system}_{m}", float("nan")) for m in
                       ("date_f1", "r1_concat", "r2_concat", "r1_agreement", "r2_agreement")}
                print(f"{lang} {system:<9} " + "  ".join(f"{m} {v:.3f}" for m, v in row.items()))
    return 0


def below_floors(res: dict[str, float]) -> list[str]:
    floors = {k: v for k, v in json.loads(FLOORS.read_text()).items() if not k.startswith("_")}
    return [f"{k}: {res[k]:.3f} < floor {v}" for k, v in floors.items() if k in res and res[k] < v]


if __name__ == "__main__":
    raise SystemExit(main())
