"""Run the per-article analysis: normalize, identify language, parse, then the components.

``analyze`` is a pure function of (text, date, language): no global state besides the cached
spaCy pipelines, no wall clock.  ``analyze_batch`` feeds spaCy in batches (``nlp.pipe``), which is
several times faster than one call per article.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from cronicar.analyze import entities as entities_mod
from cronicar.analyze import events as events_mod
from cronicar.analyze import quotes as quotes_mod
from cronicar.analyze import timex as timex_mod
from cronicar.analyze.budget import AnalysisFailed, TooComplex, check, discount
from cronicar.analyze.context import Context
from cronicar.analyze.langid import detect
from cronicar.analyze.nlp import BATCH_TOKENS, get_nlp, is_long, parse_long, token_estimate
from cronicar.analyze.normalize import normalize_aligned
from cronicar.model import Analysis, DocDate, EntityMention, Timex

Item = tuple[str, DocDate | None, str | None]


def analyze(text: str, dct: DocDate | None, lang: str | None = None) -> Analysis:
    """Analyze one article.  Offsets index the normalized text (same length as ``text`` unless
    NFC merged combining marks; :mod:`cronicar.annotate` maps them back).

    ``dct`` may be None for undated text (some gold sets have no date): relative time expressions
    then cannot be anchored and are left out.
    """
    result = next(analyze_batch([(text, dct, lang)]))
    if isinstance(result, TooComplex):
        raise result
    return result


def analyze_batch(items: Iterable[Item], batch_size: int = 16) -> Iterator[Analysis | TooComplex]:
    """Analyze many articles, in input order, feeding spaCy in batches per language.

    Under a per-article budget (:func:`cronicar.analyze.budget.article_budget`, set by the caller
    around each ``next()``), an article over budget yields its :class:`TooComplex` instead of an
    analysis and the batch goes on; without one nothing is refused and only analyses are yielded.
    Long texts (:func:`~cronicar.analyze.nlp.is_long`) are parsed alone, in chunks.
    """
    t0 = time.thread_time()
    prepared = []
    for text, dct, lang in items:
        aligned = normalize_aligned(text)
        prepared.append((aligned.text, dct, lang or detect(aligned.text)))
    discount(time.thread_time() - t0)  # the whole batch's, not the first article's (linear, ~1 ms each)
    # Keep input order while batching consecutive articles of the same language.
    for lang, group in groupby(prepared, key=lambda p: p[2]):
        chunk = [(text, dct, token_estimate(text)) for text, dct, _ in group]
        nlp = get_nlp(lang)
        ready: dict[int, tuple[Doc, float]] = {}  # parsed ahead in a batch: doc, its share of the CPU
        for k, (text, dct, tokens) in enumerate(chunk):
            result: Analysis | TooComplex
            try:
                if is_long(text, tokens):
                    doc = parse_long(nlp, text)
                else:
                    if k not in ready:
                        ready.update(_parse_batch(nlp, chunk, k, batch_size))
                    doc, share = ready.pop(k)
                    discount(-share)  # each article pays its share of its batch's parse
                result = run_components(Context(doc=doc, text=text, dct=dct, lang=lang))
            except TooComplex as exc:
                result = exc
            yield result


def _parse_batch(nlp: Language, chunk: list[tuple[str, DocDate | None, int]], k: int,
                 batch_size: int) -> dict[int, tuple[Doc, float]]:
    """Parse the short texts from ``chunk[k]`` on in one batch of at most ``batch_size`` texts and
    :data:`~cronicar.analyze.nlp.BATCH_TOKENS` tokens (spaCy's memory grows with a batch's
    tokens); return each one's doc and share of the parse's CPU time (by length).  The parse is
    not counted against the article being analyzed: the shares are, article by article."""
    picked: list[int] = []
    total = 0
    for j in range(k, len(chunk)):
        text, _, tokens = chunk[j]
        if is_long(text, tokens):
            continue  # parsed alone, in chunks
        if len(picked) == batch_size or (picked and total + tokens > BATCH_TOKENS):
            break
        picked.append(j)
        total += tokens
    t0 = time.thread_time()
    docs = list(nlp.pipe([chunk[j][0] for j in picked], batch_size=len(picked)))
    spent = time.thread_time() - t0
    discount(spent)
    chars = sum(len(chunk[j][0]) for j in picked) or 1
    return {j: (doc, spent * len(chunk[j][0]) / chars) for j, doc in zip(picked, docs)}


@dataclass(frozen=True)
class Step:
    """One per-article analysis step: what it reads from the :class:`Context` (``requires``) and
    what it writes there (``assigns``), as spaCy's factories declare theirs.  ``run`` computes the
    step's values from ``ctx`` and returns them in the order of ``assigns``; a budget check
    (:func:`cronicar.analyze.budget.check`) follows each step that names one."""

    name: str
    run: Callable[[Context], Any]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    budget: str | None = None


#: What a Context holds before any step runs.
INPUTS = ("doc", "text", "dct", "lang", "parsed")


def _timexes(ctx: Context) -> list[Timex]:
    if ctx.dct is None:
        return []
    return timex_mod.outside_place_names(timex_mod.tag(ctx.text, ctx.dct, ctx.lang, doc=ctx.doc), ctx.doc)


def _entities(ctx: Context) -> list[EntityMention]:
    # Person short forms ("Lavrov" -> "Serghei Lavrov") are resolved here and again by the speaker
    # step, over the speakers too.  Resolving them only there would be cheaper, and the quote
    # engine reads only the places, but it is not the same output: the first pass changes which
    # full name is seen first, which decides ties (one ZF article of 500 named "Giacomo Billi"
    # "Billi Giacomo"), so both passes stay (benchmarks/identical.py).
    return entities_mod.extract(ctx)


#: The steps in their run order.  Why entities come before and after quotes: the quote engine
#: reads the article's places (a place is not a speaker), and the speakers it finds are names
#: the NER missed, which the events need as participants.  The second step adds those names
#: and resolves person short forms over all of them; it does not run the NER again.
STEPS: tuple[Step, ...] = (
    Step("timexes", _timexes, requires=("doc", "text", "dct", "lang"), assigns=("timexes",),
         budget="time expressions"),
    Step("entities", _entities, requires=("doc", "text", "lang", "timexes"), assigns=("entities",),
         budget="entities"),
    Step("quotes", quotes_mod.extract, requires=("doc", "text", "dct", "lang", "parsed", "entities", "timexes"),
         assigns=("quotes",), budget="quotes"),
    Step("speaker names", entities_mod.add_speaker_names, requires=("doc", "text", "lang", "entities", "quotes"),
         assigns=("entities",)),
    Step("events", events_mod.extract, requires=("doc", "text", "dct", "lang", "parsed", "entities", "timexes",
                                                   "quotes"),
         assigns=("events",), budget="events"),
)


def run_components(ctx: Context) -> Analysis:
    """Apply the steps in order on a parsed document."""
    for step in STEPS:
        try:
            value = step.run(ctx)
        except TooComplex:
            raise
        except Exception as exc:  # news text is hostile input: one article's bug refuses it, not the batch
            raise AnalysisFailed(f"analysis failed in step {step.name!r} ({type(exc).__name__}: {exc}); "
                                 "the article was left out: please report it") from exc
        setattr(ctx, step.assigns[0], value)
        if step.budget:
            check(step.budget)
    sentences = [(s.start_char, s.end_char) for s in ctx.doc.sents]
    return Analysis(
        text=ctx.text,
        dct=ctx.dct,
        lang=ctx.lang,
        sentences=sentences,
        timexes=ctx.timexes,
        quotes=ctx.quotes,
        entities=ctx.entities,
        events=ctx.events,
    )
