"""Run the per-article analysis: normalize, identify language, parse, then the components.

``analyze`` is a pure function of (text, date, language): no global state besides the cached
spaCy pipelines, no wall clock.  ``analyze_batch`` feeds spaCy in batches (``nlp.pipe``), which is
several times faster than one call per article.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from itertools import groupby

from cronicar.analyze import entities as entities_mod
from cronicar.analyze import events as events_mod
from cronicar.analyze import quotes as quotes_mod
from cronicar.analyze import timex as timex_mod
from cronicar.analyze.budget import TooComplex, check, discount
from cronicar.analyze.context import Context
from cronicar.analyze.langid import detect
from cronicar.analyze.nlp import get_nlp, is_long, parse_long
from cronicar.analyze.normalize import normalize_aligned
from cronicar.model import Analysis, DocDate

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
    prepared = []
    for text, dct, lang in items:
        aligned = normalize_aligned(text)
        prepared.append((aligned.text, dct, lang or detect(aligned.text)))
    # Keep input order while batching consecutive articles of the same language.
    for lang, group in groupby(prepared, key=lambda p: p[2]):
        chunk = [(text, dct, is_long(text)) for text, dct, _ in group]
        nlp = get_nlp(lang)
        short = [text for text, _, long in chunk if not long]
        docs = nlp.pipe(short, batch_size=batch_size)
        k = 0  # index of the next short text
        shares: list[float] = []
        for text, dct, long in chunk:
            result: Analysis | TooComplex
            try:
                if long:
                    doc = parse_long(nlp, text)
                else:
                    t0 = time.thread_time()
                    doc = next(docs)
                    if k % batch_size == 0:  # this next() parsed the batch starting here
                        shares = _shares(time.thread_time() - t0, short[k:k + batch_size])
                        discount(time.thread_time() - t0)
                    # Each article pays its share of its batch's parse (by length), not the batch.
                    discount(-shares[k % batch_size])
                    k += 1
                result = run_components(Context(doc=doc, text=text, dct=dct, lang=lang))
            except TooComplex as exc:
                result = exc
            yield result


def _shares(seconds: float, texts: list[str]) -> list[float]:
    """``seconds`` of a batch's parse divided among its texts in proportion to their length."""
    total = sum(len(t) for t in texts) or 1
    return [seconds * len(t) / total for t in texts]


def run_components(ctx: Context) -> Analysis:
    """Apply the components in order on a parsed document."""
    ctx.timexes = timex_mod.outside_place_names(
        timex_mod.tag(ctx.text, ctx.dct, ctx.lang, doc=ctx.doc), ctx.doc) if ctx.dct is not None else []
    check("time expressions")
    ctx.entities = entities_mod.extract(ctx)
    check("entities")
    ctx.quotes = quotes_mod.extract(ctx)
    check("quotes")
    ctx.entities = entities_mod.add_speaker_names(ctx)
    events = events_mod.extract(ctx)
    check("events")
    sentences = [(s.start_char, s.end_char) for s in ctx.doc.sents]
    return Analysis(
        text=ctx.text,
        dct=ctx.dct,
        lang=ctx.lang,
        sentences=sentences,
        timexes=ctx.timexes,
        quotes=ctx.quotes,
        entities=ctx.entities,
        events=events,
    )
