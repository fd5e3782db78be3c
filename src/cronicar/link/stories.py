"""Incremental story linking.

A new article is compared only with candidate stories found through the index (stories sharing
one of its top entities or salient lemmas, most recent first, plus the few most recently updated
stories), each scored on its fixed-size profile with three signals:

- entity overlap: cosine of type-weighted entity counts, countries keyed language-free (``cc:SY``);
- lemma TF-IDF: cosine of the article's lemmas against the story's top terms (a quota per language);
- lead embedding: multilingual e5 cosine against the story's mean embedding.

A logistic model (:data:`COEF`, fitted on data) turns them into a probability, with flags for a
signal the pair cannot have (no entities; no terms of the article's language in the story, as
across languages) and the story's size.  The article joins the best story over :data:`THRESHOLD`
inside the time window (wider for a very likely match), else starts a new one; every other
candidate over :data:`MERGE_THRESHOLD` that also matches the chosen story as a whole is merged
into it (the article bridges them).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from cronicar.lang import has_parser
from cronicar.link import evidence, index, signals
from cronicar.link.events import link_events
from cronicar.link.kinds import one_kind
from cronicar.link.merge import merge
from cronicar.link.persons import merge_short_names
from cronicar.link.variants import merge_variants
from cronicar.store import entities as stored_entities
from cronicar.store import linking as stored_linking
from cronicar.store import stories as stored_stories
from cronicar.store.link_counts import name_shares

# Calibrated on the calibration half of ML-Crisis (eval/linking_mlcrisis.py --calibrate: logistic fit,
# two rounds, then a threshold grid), reported on the other half; the figures are in docs/stories.md.
THRESHOLD = 0.6
MERGE_THRESHOLD = 0.55
# Logistic weights: bias, then one per name in FEATURES.
COEF = [-0.784, 4.686, 0.79, 0.0, 1.174, -0.044, -0.42, 0.959]
VEC_FLOOR = 0.78  # e5 cosine of unrelated news (DESIGN §7), used when a side has no embedding
WINDOW_DAYS = 120
WIDE_WINDOW_DAYS = 3 * 365
WIDE_SCORE = 0.8
CLOSE_FLOOR = 0.3  # under THRESHOLD, a close tie (evidence.CLOSE_SUBJECT) still joins down to this
QUERY_ENTITIES = 5
QUERY_TERMS = 8
ARTICLE_TERMS = 60
STORY_TERMS_PER_ARTICLE = 40
LATEST = 5
MAX_CANDIDATES = 12
LINK_KINDS = ("PERSON", "ORG", "GPE")
LINK_KINDS_WITHOUT_NER = ("GPE",)  # see features()


@dataclass
class Features:
    """What one article brings to linking (all bounded in size)."""

    lang: str
    day: str
    ents: dict[str, int]
    ent_w: dict[str, float]  # entity key -> type weight
    tfidf: dict[str, float]
    vec: np.ndarray | None
    names: set[str] | None = None  # folded words of its names; None: links need no evidence (places only)
    events: list | None = None  # (type, participants, day) of its happenings, for evidence.tied
    subject: list[str] | None = None  # its distinctive non-name terms
    rare: set[str] | None = None  # its names rare enough to make a cast (evidence.CAST_SHARE)
    few: set[str] | None = None  # its names few reports named so far (evidence.few_names)
    hubs: set[str] | None = None  # written names of its countries and hub names (evidence.Report.hubs)
    title: str = ""  # its title (or first line), for evidence.fresh_tie
    session: str | None = None  # the trading session a market round-up tells of (evidence.session_day)
    # its type-weighted entity counts and the norms of those and of tfidf (pair_features fills it)
    weighted: tuple[dict[str, float], tuple[float, float]] | None = field(default=None, repr=False, compare=False)


def _norm(a: dict[str, float]) -> float:
    return math.sqrt(sum([v * v for v in a.values()]))


def _cos(a: dict[str, float], b: dict[str, float], a_norm: float | None = None) -> float:
    """Cosine of two sparse vectors; ``a_norm``: ``_norm(a)`` when the caller already has it (an
    article is scored against up to 12 stories).  Lists, not generators, in the sums: the same
    additions in the same order (the same float), with less interpreter work per term."""
    num = sum([v * b[k] for k, v in a.items() if k in b])
    if not num:
        return 0.0
    den = (_norm(a) if a_norm is None else a_norm) * _norm(b)
    return num / den if den else 0.0


FEATURES = ("ent", "term", "vec", "no_ent", "no_term", "log_size", "main")


def _main(ents: dict[str, float]) -> str | None:
    """The entity a side is most about (highest weighted count; ties by key, for determinism)."""
    return max(ents, key=lambda k: (ents[k], k)) if ents else None


def _signals(ents: dict[str, float], terms: dict[str, float], vec: np.ndarray | None, lang: str | None,
             p: index.Profile, norms: tuple[float, float] | None = None) -> list[float]:
    """Pair features (see :data:`FEATURES`): entity cosine, term cosine, embedding cosine, and
    flags for a signal the pair cannot have (no entities on a side; no terms of the article's
    language in the story, as across languages), so the model can judge those pairs on the rest;
    and the story's size, since a large story's mean embedding is close to everything; and
    whether the article is mostly about the entity the story is mostly about (a report on Yemen
    that also names Egypt and Tunisia shares many entities with an Egypt story, not its main one).
    ``norms``: the norms of ``ents`` and ``terms``, when the caller has them."""
    ent_norm, term_norm = norms or (None, None)
    no_ent = not (ents and p.ents)
    e = 0.0 if no_ent else _cos(ents, p.ents, ent_norm)
    has_lang = any(t.startswith(lang + ":") for t in p.terms) if lang else bool(set(terms) & set(p.terms))
    no_term = not (terms and has_lang)
    t = 0.0 if no_term else _cos(terms, p.terms, term_norm)
    v = VEC_FLOOR
    if vec is not None and p.vec is not None:
        norm = float(np.linalg.norm(p.vec))
        if norm > 0:
            v = float(vec @ p.vec) / norm
    main = float(not no_ent and _main(ents) == _main(p.ents))
    return [e, t, v, float(no_ent), float(no_term), math.log1p(p.size), main]


def uses_embeddings() -> bool:
    """Whether the fitted model weighs the lead embedding at all.  Why ask: embedding a lead
    costs ~100 CPU-ms, as much as the whole spaCy parse of a news article, and the current
    calibration dropped the signal (weight 0: leads track source boilerplate more than the story),
    so computing it would halve ingest speed for nothing."""
    return COEF[1 + FEATURES.index("vec")] != 0.0


def probability(x: list[float]) -> float:
    """Logistic model of "same story" over the pair features (weights in :data:`COEF`)."""
    z = COEF[0] + sum(w * xi for w, xi in zip(COEF[1:], x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def pair_features(f: Features, p: index.Profile) -> list[float]:
    """Features of an article against a story profile."""
    if f.weighted is None:  # the article's side, once for all its candidates
        ents = {e: f.ent_w[e] * n for e, n in f.ents.items()}
        f.weighted = (ents, (_norm(ents), _norm(f.tfidf)))
    ents, norms = f.weighted
    return _signals(ents, f.tfidf, f.vec, f.lang, p, norms)


def score(f: Features, p: index.Profile) -> float:
    """Probability that the article belongs to the story."""
    return probability(pair_features(f, p))


def story_score(p: index.Profile, q: index.Profile) -> float:
    """Probability that two stories are one (a merge needs both the bridging article and the two
    stories themselves to agree)."""
    vec = None
    if p.vec is not None and float(np.linalg.norm(p.vec)) > 0:
        vec = p.vec / float(np.linalg.norm(p.vec))
    return probability(_signals(p.ents, p.terms, vec, None, q))


def _gap(day: str, last: str) -> int:
    try:
        return abs((date.fromisoformat(day) - date.fromisoformat(last[:10])).days)
    except ValueError:
        return 0


def candidates(conn: sqlite3.Connection, f: Features) -> list[index.Profile]:
    """Candidate stories through the index, capped at :data:`MAX_CANDIDATES` (most shared first),
    and beside the cap the stories of the last days naming the occasion the title names."""
    top_e = sorted(f.ents, key=lambda e: f.ent_w[e] * f.ents[e], reverse=True)
    hits = {s: 2 * n for s, n in index.recent_stories(
        conn, "story_entities", "entity_id", top_e[:QUERY_ENTITIES]).items()}
    top_t = sorted(f.tfidf, key=f.tfidf.get, reverse=True)[:QUERY_TERMS]  # type: ignore[arg-type]
    for s, n in index.recent_stories(conn, "story_terms", "term", top_t).items():
        hits[s] = hits.get(s, 0) + n
    for s in index.latest_stories(conn, LATEST):
        hits.setdefault(s, 0)
    chosen = sorted(hits, key=lambda s: (-hits[s], s))[:MAX_CANDIDATES]
    # beside the cap: a busy election day holds more stories than the cap, none found by a name
    chosen += sorted(occasion_stories(conn, f) - set(chosen))
    return index.profiles(conn, chosen)


def occasion_stories(conn: sqlite3.Connection, f: Features) -> set[str]:
    """Stories of the last :data:`evidence.OCCASION_DAYS` days whose reports name the day of the
    occasion the article's title names (an election's vote): they share no name or term to be
    found through the index by (an outfit at the polls, an earthquake as they opened)."""
    if f.names is None or evidence.occasion(f.title, f.lang) is None:
        return set()
    try:
        first = (date.fromisoformat(f.day[:10]) - timedelta(days=evidence.OCCASION_DAYS)).isoformat()
    except ValueError:
        return set()
    return {sid for sid, title in stored_linking.stories_of_days(conn, first, f.day[:10])
            if evidence.occasion(title, f.lang) is not None}


def features(conn: sqlite3.Connection, article_id: str, lang: str, day: str, title: str | None,
             text: str) -> tuple[Features, dict[str, int]]:
    """The article's linking features, and its salient-term counts for the story index."""
    ents: dict[str, int] = {}
    names: list[str] = []
    # Without a NER model (es, fr, it, en here) names of people and organisations come from
    # capitalisation, spelled per language and noisy: linking keys on places only there (those
    # names lowered the ML-Crisis test half even refitted on them; docs/stories.md).
    kinds = LINK_KINDS if has_parser(lang) else LINK_KINDS_WITHOUT_NER
    written: dict[str, set[str]] = {}  # key -> the names written for it (event participants are names)
    for eid, name, surface in stored_entities.article_mentions(conn, article_id, kinds):
        key = signals.entity_key(eid, name, lang)
        ents[key] = ents.get(key, 0) + 1
        names += (name, surface)
        written.setdefault(key, set()).add(name)
        if key.startswith("gpe:"):
            # A city also names its country: a report from "Homs" and "Damasco" is about Syria.
            country = signals.city_country(name)
            if country:
                ents[country] = ents.get(country, 0) + 1
    common = index.name_weights(conn, list(ents))
    shares, named_docs = name_shares(conn, list(ents)) if has_parser(lang) else ({}, 0)
    ent_w = {e: index.entity_weight(e) * common.get(e, 1.0) for e in ents}
    index.count_names(conn, list(ents))
    counts = signals.terms(f"{title}\n{text}" if title and not text.startswith(title) else text, lang)
    weights = index.idf(conn, list(counts), lang)
    docs = index.doc_count(conn, lang)  # the count the weights were computed on
    # Unseen terms (weight -1) match no story: they go to the story index, not into the score.
    seen = {t: math.log1p(n) * weights[t] for t, n in counts.items() if weights[t] > 0}
    top = sorted(seen, key=seen.get, reverse=True)  # type: ignore[arg-type]
    fresh = [t for t in counts if weights[t] < 0]
    index.count_terms(conn, list(counts), lang)
    vec = index.article_vector(conn, article_id)
    if vec is None and uses_embeddings():
        vec = signals.embed([signals.lead(title, text)])[0]
        index.store_vectors(conn, [(article_id, vec)])
    f = Features(lang, day, ents, ent_w, {t: seen[t] for t in top[:ARTICLE_TERMS]}, vec)
    if kinds == LINK_KINDS:  # names from a NER model: a link must show more than a name
        f.names = evidence.name_words(names + [k.split(":", 1)[-1] for k in ents])
        f.subject = evidence.article_subject(counts, weights, docs, f.names, lang)
        f.rare = evidence.cast_names(ents, shares, named_docs)
        f.few = evidence.few_names(shares, named_docs)
        evidence.remember(conn, article_id, f.subject, evidence.main_first(ents, distinct_names(f)))
        f.events = evidence.article_events(conn, article_id)
        distinct = set(distinct_names(f))
        f.hubs = {n for k, ns in written.items() if k not in distinct for n in ns}
        f.title = title or text[:stored_linking.HEADLINE_CHARS]
        f.session = evidence.session_day(conn, article_id, f.title, lang)
    keep = (top + fresh)[:STORY_TERMS_PER_ARTICLE]
    return f, {t: counts[t] for t in keep}


def choose_story(conn: sqlite3.Connection, f: Features) -> tuple[str | None, list[str]]:
    """Best story over the threshold inside its time window, and the others to merge into it."""
    scored = []
    for p in candidates(conn, f):
        s = score(f, p)
        gap = _gap(f.day, p.last_date) if p.last_date else 0
        if gap > WIDE_WINDOW_DAYS or (gap > WINDOW_DAYS and s < WIDE_SCORE):
            continue
        if s >= MERGE_THRESHOLD and not supported(conn, f, p, gap):
            continue  # held by a name alone
        if s < THRESHOLD and gap <= evidence.FRESH_DAYS and f.names is not None \
                and (s >= CLOSE_FLOOR or evidence.occasion(f.title, f.lang) is not None) \
                and evidence.joins(conn, p.story_id, report(f), close=True):
            # the same happening told twice, whatever names the NER found in each; or one
            # occasion's day, whatever the two reports share
            s = THRESHOLD
        scored.append((s, p.size, p.story_id, p))
    scored.sort(key=lambda x: (x[0], x[1], x[2]), reverse=True)
    if not scored or scored[0][0] < THRESHOLD:
        return None, []
    best = scored[0][3]
    return best.story_id, [p.story_id for s, _, _, p in scored[1:]
                           if s >= MERGE_THRESHOLD and story_score(best, p) >= MERGE_THRESHOLD
                           and (f.names is None or evidence.stories_tied(conn, best.story_id, p.story_id, f.lang))]


def supported(conn: sqlite3.Connection, f: Features, p: index.Profile, gap: int) -> bool:
    """Whether the article shares more than names with the story (``link/evidence.py``): a
    subject, a happening or a cast with most of its latest articles.  Always true when linking
    keys on places only.  (``gap``, to the story's last article, is kept for callers that log it:
    each tie weighs the days to its own article.)"""
    if f.names is None:
        return True
    return evidence.joins(conn, p.story_id, report(f))


def report(f: Features) -> evidence.Report:
    """The article as :func:`evidence.tied` compares it."""
    names = distinct_names(f)
    return evidence.Report(f.day, set(f.subject or []), set(names), f.rare, f.events or [], f.hubs or set(),
                           evidence.main_first(f.ents, names)[0] if names else None, f.title,
                           evidence.is_profile(f.title, f.lang), f.lang, f.few, f.session)


def distinct_names(f: Features) -> list[str]:
    """The article's names that tell a story apart: people, organisations and cities not common in
    the corpus so far (``index.name_weights``); countries and hub names say where and who, for
    every story of a beat."""
    return sorted(k for k in f.ents if not k.startswith("cc:") and f.ent_w[k] >= index.entity_weight(k))


def link_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Assign the article to a story, cluster its event mentions, update story fields (idempotent)."""
    index.ensure(conn)
    row = stored_stories.article_to_link(conn, article_id)
    if row is None:
        return
    story_id, ds, de, title, text, lang = row
    if story_id is None:
        f, salient = features(conn, article_id, lang or "xx", ds, title, text or "")
        best, others = choose_story(conn, f)
        story_id = best or ("s:" + article_id)
        stored_stories.set_story(conn, article_id, story_id)
        index.add_article(conn, story_id, f.ents, salient, ds)
        index.refresh_profile(conn, story_id, ds, f.vec)
        _upsert_story(conn, story_id, title, text, ds, de)
        for other in others:
            story_id = _merge_pair(conn, story_id, other)
    else:
        _upsert_story(conn, story_id, title, text, ds, de)
    # One person across the story ("Kim" here, "Kim Jong Un" in another report) before the
    # article's events are compared with the story's: their participants then agree.
    merge_short_names(conn, article_id)
    # and one actor across languages and spellings ("Sergei Lavrov" here, "Serghei Lavrov" there)
    merge_variants(conn, article_id)
    # and one kind per name: a company the NER tagged a place here is the company other reports name
    one_kind(conn, article_id)
    link_events(conn, article_id, story_id)


def warm(langs: Iterable[str]) -> None:
    """Load what linking reads on its first article (~1 CPU-s: this package's imports, the GeoNames
    cities, Babel; for each of ``langs``, simplemma's dictionary, CLDR's territory names and spaCy's
    stop words).  Why: the writer of ``ingest --jobs N`` waits while the workers load the parser and
    analyse the first sub-batches; loaded then (``flow``, in a thread), this no longer competes
    with the workers for the cores at the first article.  Only caches fill: what is linked does
    not change.  An input that does not say its language (it is detected in the analysis) warms
    the language-free part only."""
    codes = sorted(set(langs))
    signals.warm(codes)
    for lang in codes:
        evidence.function_words(lang)


def _merge_pair(conn: sqlite3.Connection, a: str, b: str) -> str:
    """Merge the smaller of two stories into the larger; return the one kept."""
    sizes = stored_stories.profile_sizes(conn, (a, b))
    keep, gone = (a, b) if sizes.get(a, 0) >= sizes.get(b, 0) else (b, a)
    merge(conn, keep, gone)
    return keep


def _upsert_story(conn: sqlite3.Connection, story_id: str, title: str | None, text: str | None,
                  ds: str, de: str) -> None:
    t = title or (text or "").strip().split("\n")[0][:120]
    stored_stories.upsert_story(conn, story_id, t or story_id, ds, de)
