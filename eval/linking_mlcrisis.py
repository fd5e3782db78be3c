"""Story linking on ML-Crisis (es/fr/it; topic folders are the gold stories): B-cubed P/R/F1,
overall, per language and across languages.

Analysis: the real entity stage (:func:`entity_analysis`: CLDR countries, demonyms derived from
them, GeoNames cities, names found by capitalisation; ``--kinds`` keeps fewer), each named as the
language spells it ("Égypte", "Egitto") — these languages have no NER model.  The real
``link_article`` then links the articles in date order; it is the linker that makes "Égypte" and
"Egitto" one key.  Analyses are pure, so ``--analysis-cache`` may keep them between runs.  Lead embeddings are computed in batches ahead of linking (a cache of the same
pure function ``link_article`` would call), optionally kept in ``--vector-cache``.

Calibration without reporting on the same data: every language-topic folder is split by file
order, even positions = calibration half, odd positions = test half.  ``--calibrate`` grid-searches
the thresholds and weights on the calibration half; reports use the test half (``--half test``).

Run: .venv/bin/python eval/linking_mlcrisis.py [--per-topic N] [--half test|calib|all] [--calibrate] [--oracle|--supervised]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

from cronicar.link import index, link_article, signals, stories
from cronicar.model import Analysis, Article, DocDate, EntityMention
from cronicar.store.db import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multi" / "ml-crisis"
LANGS = ("es", "fr", "it")


def entity_analysis(text: str, dct: DocDate, lang: str,
                    kinds: frozenset[str] = frozenset({"GPE", "PERSON", "ORG", "MISC", "LOC"})) -> Analysis:
    """The real entity stage (:func:`cronicar.analyze.entities.extract`: CLDR countries, derived
    demonyms, GeoNames cities, names) on the language's tokenizer, keeping the entity ``kinds``
    asked for.  Time expressions, quotes and events are left out: story linking does not read
    them, and they triple the cost."""
    from cronicar.analyze import entities
    from cronicar.analyze.context import Context
    from cronicar.analyze.nlp import get_nlp
    from cronicar.analyze.normalize import normalize_aligned

    from cronicar.ingest.readers import MAX_CHARS

    # One ML-Crisis page has 2 million characters; ingest would refuse it, the eval reads its start.
    norm = normalize_aligned(text[:MAX_CHARS]).text
    doc = get_nlp(lang)(norm)  # tokenizer + sentencizer, as ingest: sentence starts are not names
    ents = [m for m in entities.extract(Context(doc=doc, text=norm, dct=dct, lang=lang)) if m.label in kinds]
    return Analysis(text=norm, dct=dct, lang=lang, sentences=[(0, len(norm))], entities=ents)


def load(per_topic: int, root: Path = DATA, half: str = "all") -> list[tuple[str, Article]]:
    """(gold topic, article) in date order; ``half`` picks even (calib) / odd (test) file positions."""
    items = []
    for lang in LANGS:
        for topic_dir in sorted((root / lang).iterdir()):
            if topic_dir.name == "reference" or not topic_dir.is_dir():
                continue
            files = sorted(topic_dir.glob("*/*.txt"))
            if half != "all":
                files = files[0 if half == "calib" else 1::2]
            step = max(1, len(files) // per_topic) if per_topic else 1
            for f in files[::step][: per_topic or None]:
                text = f.read_text(encoding="utf-8", errors="replace")
                if not text.strip():
                    continue
                art = Article(text=text, date=DocDate.parse(f.parent.name), lang=lang, source=str(f))
                items.append((topic_dir.name, art))
    items.sort(key=lambda x: (x[1].date.iso, x[1].source))
    return items


def vectors(arts: list[Article], cache: Path | None = None) -> dict[str, np.ndarray]:
    """Lead embeddings by article id, batched; kept in ``cache`` (.npz keyed by lead hash) if given.
    None at all while the fitted model gives them no weight (the linker would not compute them)."""
    if not stories.uses_embeddings():
        return {}
    leads = {a.id: signals.lead(a.title, a.text) for a in arts}
    keyof = {aid: hashlib.sha1(lead.encode()).hexdigest() for aid, lead in leads.items()}
    known: dict[str, np.ndarray] = {}
    if cache and cache.exists():
        z = np.load(cache)
        known = dict(zip(z["keys"].tolist(), z["vecs"]))
    todo = sorted({keyof[a] for a in leads if keyof[a] not in known})
    by_key = {keyof[a]: leads[a] for a in leads}
    for i in range(0, len(todo), 64):
        chunk = todo[i:i + 64]
        known.update(zip(chunk, signals.embed([by_key[k] for k in chunk])))
    if cache and todo:
        np.savez(cache, keys=np.array(list(known)), vecs=np.stack(list(known.values())))
    return {aid: known[keyof[aid]] for aid in leads}


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    g, p = defaultdict(set), defaultdict(set)
    for k, v in gold.items():
        g[v].add(k)
    for k, v in pred.items():
        p[v].add(k)
    prec = rec = 0.0
    for k in gold:
        inter = len(g[gold[k]] & p[pred[k]])
        prec += inter / len(p[pred[k]])
        rec += inter / len(g[gold[k]])
    n = len(gold)
    P, R = prec / n, rec / n
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


def bcubed_cross(gold: dict[str, str], pred: dict[str, str], lang: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed counted only over pairs of articles in different languages: precision of an article =
    share of its other-language story mates in its gold story; recall = share of its other-language
    gold mates in its story (articles without such mates are left out of that average)."""
    g, p = defaultdict(set), defaultdict(set)
    for k, v in gold.items():
        g[v].add(k)
    for k, v in pred.items():
        p[v].add(k)
    ps, rs = [], []
    for k in gold:
        other_p = {x for x in p[pred[k]] if lang[x] != lang[k]}
        other_g = {x for x in g[gold[k]] if lang[x] != lang[k]}
        inter = len(other_p & other_g)
        if other_p:
            ps.append(inter / len(other_p))
        if other_g:
            rs.append(inter / len(other_g))
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


KINDS: frozenset[str] = frozenset({"GPE", "PERSON", "ORG", "MISC", "LOC"})
_ANALYSES: dict[tuple[str, frozenset[str]], Analysis] = {}


def analyses(arts: list[Article], cache: Path | None = None) -> None:
    """Entity analyses of ``arts`` (:data:`KINDS`), kept in memory and, if given, in ``cache``
    (a pickle; delete it after changing the entity stage)."""
    import pickle

    if cache and cache.exists() and not _ANALYSES:
        _ANALYSES.update(pickle.loads(cache.read_bytes()))
    todo = [a for a in arts if (a.id, KINDS) not in _ANALYSES]
    for a in todo:
        _ANALYSES[(a.id, KINDS)] = entity_analysis(a.text, a.date, a.lang or "xx", KINDS)
    if cache and todo:
        cache.write_bytes(pickle.dumps(_ANALYSES))


def analysis_of(art: Article) -> Analysis:
    if (art.id, KINDS) not in _ANALYSES:
        analyses([art])
    return _ANALYSES[(art.id, KINDS)]


def ingest(store: Store, items: list[tuple[str, Article]], vecs: dict[str, np.ndarray],
           link: Callable[..., None]) -> dict[str, str]:
    """Write and link ``items`` in order (entity analyses, precomputed lead vectors); gold story by id."""
    gold: dict[str, str] = {}
    for topic, art in items:
        if store.has_article(art.id):
            continue
        with store.transaction() as conn:
            store.write_article(conn, art, analysis_of(art))
            if art.id in vecs:
                index.store_vectors(conn, [(art.id, vecs[art.id])])
            link(conn, art.id)
        gold[art.id] = topic
    return gold


def run(items: list[tuple[str, Article]], vecs: dict[str, np.ndarray]) -> tuple[dict[str, str], dict[str, str]]:
    """Link ``items`` with the real linker; return gold and predicted story by article id."""
    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / "c.db")
        gold = ingest(store, items, vecs, link_article)
        pred = {aid: sid for aid, sid in store.query("SELECT id, story_id FROM articles")}
        store.close()
    return gold, pred


def report(gold: dict[str, str], pred: dict[str, str], lang: dict[str, str]) -> dict[str, object]:
    P, R, F = bcubed(gold, pred)
    out: dict[str, object] = {"articles": len(gold), "stories": len(set(pred.values())),
                              "bcubed_p": P, "bcubed_r": R, "bcubed_f1": F}
    for lg in LANGS:
        ids = [a for a in gold if lang[a] == lg]
        if ids:
            out[lg] = dict(zip(("p", "r", "f1"), bcubed({a: gold[a] for a in ids}, {a: pred[a] for a in ids})))
    out["cross_lingual"] = dict(zip(("p", "r", "f1"), bcubed_cross(gold, pred, lang)))
    return out


def evaluate(per_topic: int = 60, root: Path = DATA, half: str = "test",
             cache: Path | None = None, oracle: bool = False, supervise: bool = False) -> dict[str, object]:
    items = load(per_topic, root, half)
    if oracle:
        gold, pred = {a.id: t for t, a in items}, country_oracle(items)
    elif supervise:
        other = load(per_topic, root, "calib" if half == "test" else "test")
        gold, pred = {a.id: t for t, a in items}, supervised(other, items)
    else:
        vecs = vectors([a for _, a in items], cache)
        gold, pred = run(items, vecs)
    return report(gold, pred, {a.id: a.lang or "" for _, a in items})


TOPIC_COUNTRIES = {"egypt": "cc:EG", "libya": "cc:LY", "syria": "cc:SY", "yemen": "cc:YE"}


def country_oracle(items: list[tuple[str, Article]]) -> dict[str, str]:
    """A ceiling for linking by what an article names: an oracle TOLD the four gold topics in
    advance puts each article with the topic country it names most (a city counting for its
    country), and an article naming none of the four alone.  No linker can know the topics, and
    this one also ignores every other country, so the linker should come close to it, not beat it
    by much; the gap between it and 1.0 is gold that the articles' own words contradict (a "yemen"
    report that names Libya 28 times and Yemen not at all)."""
    topic_of = {c: t for t, c in TOPIC_COUNTRIES.items()}
    pred = {}
    for _, art in items:
        counts: dict[str, int] = defaultdict(int)
        for key in linking_keys(art):
            if key in topic_of:
                counts[topic_of[key]] += 1
        pred[art.id] = max(counts, key=lambda t: (counts[t], t)) if counts else "alone:" + art.id
    return pred


def linking_keys(art: Article) -> list[str]:
    """The article's entity keys as the linker compares them across languages, a city counting
    for its country."""
    keys = []
    for m in analysis_of(art).entities:
        key = signals.entity_key(m.entity_id, m.canonical, art.lang or "xx")
        keys.append(key if key.startswith("cc:") else signals.city_country(m.canonical) or key)
    return keys


def supervised(train: list[tuple[str, Article]], test: list[tuple[str, Article]],
               alpha: float = 0.1) -> dict[str, str]:
    """A second, stronger ceiling: a classifier TOLD the four topics and TRAINED on the other
    half's gold labels (multinomial naive Bayes per language over the linker's entity keys plus
    the month of publication).  If supervision with the answers of 800 articles does not reach a
    score, an unsupervised linker cannot be expected to: what it misses is not in the text."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for topic, art in train:
        counts[(art.lang or "", topic)].update(_nb_features(art))
    vocab = {f for c in counts.values() for f in c}
    prior = Counter(k for k in (((a.lang or ""), t) for t, a in train))
    pred = {}
    for _, art in test:
        feats = _nb_features(art)
        def loglik(key: tuple[str, str]) -> float:
            c, total = counts[key], sum(counts[key].values()) + alpha * len(vocab)
            return math.log(prior[key]) + sum(n * math.log((c[f] + alpha) / total)
                                              for f, n in feats.items() if f in vocab)
        pred[art.id] = max((k for k in prior if k[0] == (art.lang or "")), key=loglik)[1]
    return pred


def _nb_features(art: Article) -> Counter[str]:
    feats = Counter(linking_keys(art))
    feats["month:" + art.date.iso[:7]] += 3
    return feats


GRID = {"THRESHOLD": [0.5, 0.6, 0.7], "MERGE_THRESHOLD": [0.55, 0.7, 0.85]}


def pairs(items: list[tuple[str, Article]], vecs: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Run the linker and record every (article, candidate story) it scores: the pair features and
    whether the candidate's majority gold story is the article's."""
    gold_of = {a.id: t for t, a in items}
    xs: list[list[float]] = []
    ys: list[int] = []
    orig = stories.score
    state: dict[str, object] = {}

    def recording(f: stories.Features, p: index.Profile) -> float:
        conn = state["conn"]
        members = [gold_of[r[0]] for r in conn.execute("SELECT id FROM articles WHERE story_id=?",  # type: ignore[attr-defined]
                                                        (p.story_id,)) if r[0] in gold_of]
        if members:
            major = max(set(members), key=members.count)
            xs.append(stories.pair_features(f, p))
            ys.append(int(major == gold_of[state["id"]]))  # type: ignore[index]
        return orig(f, p)

    orig_link = stories.link_article

    def link(conn: object, aid: str) -> None:
        state["conn"], state["id"] = conn, aid
        orig_link(conn, aid)  # type: ignore[arg-type]

    stories.score = recording  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as d:
            store = Store(Path(d) / "c.db")
            ingest(store, items, vecs, link)
            store.close()
    finally:
        stories.score = orig  # type: ignore[assignment]
    return np.array(xs), np.array(ys)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 50,
                 nonneg: tuple[int, ...] = (0, 1, 2, 6)) -> list[float]:
    """L2-regularised logistic regression (Newton); returns [bias, weights...].  A similarity
    feature (columns ``nonneg``) fitted negative is dropped and the rest refitted: "more similar,
    less likely the same story" is a confound of the sample, not a rule to ship."""
    w = _newton(x, y, l2, steps)
    dropped = [i for i in nonneg if w[1 + i] < 0]
    if dropped:
        keep = [i for i in range(x.shape[1]) if i not in dropped]
        sub = _newton(x[:, keep], y, l2, steps)
        w = [sub[0]] + [0.0] * x.shape[1]
        for j, i in enumerate(keep):
            w[1 + i] = sub[1 + j]
    return [round(float(v), 3) for v in w]


def _newton(x: np.ndarray, y: np.ndarray, l2: float, steps: int) -> list[float]:
    X = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (p - y) / len(y) + l2 * np.r_[0, w[1:]]
        H = (X * (p * (1 - p))[:, None]).T @ X / len(y) + l2 * np.eye(len(w))
        w -= np.linalg.solve(H, g)
    return [float(v) for v in w]


def calibrate(per_topic: int, root: Path, cache: Path | None, rounds: int = 2) -> dict[str, object]:
    """On the calibration half only: fit the logistic weights on the pairs the linker scores
    (re-fitted ``rounds`` times, since the weights change which pairs it meets), then grid-search
    the join and merge thresholds.  Prints the setting; copying it into stories.py is by hand."""
    items = load(per_topic, root, "calib")
    vecs = vectors([a for _, a in items], cache)
    for r in range(rounds):
        x, y = pairs(items, vecs)
        stories.COEF = fit_logistic(x, y)
        print(json.dumps({"round": r, "pairs": len(y), "positive": int(y.sum()), "COEF": stories.COEF}), flush=True)
    best: tuple[float, dict[str, float]] = (-1.0, {})
    for combo in itertools.product(*GRID.values()):
        setting = dict(zip(GRID, combo))
        for k, v in setting.items():
            setattr(stories, k, v)
        gold, pred = run(items, vecs)
        f1 = bcubed(gold, pred)[2]
        print(json.dumps({**setting, "f1": round(f1, 4)}), flush=True)
        if f1 > best[0]:
            best = (f1, setting)
    return {**best[1], "COEF": stories.COEF, "calib_f1": best[0]}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-topic", type=int, default=60, help="articles per language-topic (0 = all)")
    ap.add_argument("--half", choices=("test", "calib", "all"), default="test")
    ap.add_argument("--calibrate", action="store_true", help="grid-search on the calibration half")
    ap.add_argument("--vector-cache", type=Path, default=None, help=".npz cache of lead embeddings")
    ap.add_argument("--analysis-cache", type=Path, default=None, help="pickle cache of entity analyses")
    ap.add_argument("--oracle", action="store_true",
                    help="score the country oracle (told the topics; see country_oracle) instead of the linker")
    ap.add_argument("--supervised", action="store_true",
                    help="score a classifier trained on the other half's gold labels (see supervised)")
    ap.add_argument("--kinds", default="GPE,PERSON,ORG,MISC,LOC",
                    help="entity kinds the analysis keeps (default: all, as ingest stores them)")
    a = ap.parse_args()
    KINDS = frozenset(a.kinds.split(","))
    if a.analysis_cache:
        analyses([art for _, art in load(a.per_topic, DATA, "all")], a.analysis_cache)
    if a.calibrate:
        print(calibrate(a.per_topic, DATA, a.vector_cache))
    else:
        print(json.dumps(evaluate(a.per_topic, DATA, a.half, a.vector_cache, a.oracle, a.supervised), indent=1), file=sys.stdout)
