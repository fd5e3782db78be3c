"""Run the per-article analysis: normalize, identify language, parse, then the components.

``analyze`` is a pure function of (text, date, language): no global state besides the cached
spaCy pipelines, no wall clock.  ``analyze_batch`` feeds spaCy in batches (``nlp.pipe``), which is
several times faster than one call per article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from cronicar.analyze import entities as entities_mod
from cronicar.analyze import events as events_mod
from cronicar.analyze import quotes as quotes_mod
from cronicar.analyze import timex as timex_mod
from cronicar.analyze.context import Context
from cronicar.analyze.langid import detect
from cronicar.analyze.nlp import get_nlp
from cronicar.analyze.normalize import normalize_aligned
from cronicar.model import Analysis, DocDate

Item = tuple[str, DocDate | None, str | None]


def analyze(text: str, dct: DocDate | None, lang: str | None = None) -> Analysis:
    """Analyze one article.  Offsets index the normalized text (same length as ``text`` unless
    NFC merged combining marks; :mod:`cronicar.annotate` maps them back).

    ``dct`` may be None for undated text (some gold sets have no date): relative time expressions
    then cannot be anchored and are left out.
    """
    return next(analyze_batch([(text, dct, lang)]))


def analyze_batch(items: Iterable[Item], batch_size: int = 16) -> Iterator[Analysis]:
    """Analyze many articles, in input order, feeding spaCy in batches per language."""
    prepared = []
    for text, dct, lang in items:
        aligned = normalize_aligned(text)
        prepared.append((aligned.text, dct, lang or detect(aligned.text)))
    # Keep input order while batching consecutive articles of the same language.
    for lang, group in groupby(prepared, key=lambda p: p[2]):
        chunk = list(group)
        nlp = get_nlp(lang)
        docs = nlp.pipe((t for t, _, _ in chunk), batch_size=batch_size)
        for (text, dct, _), doc in zip(chunk, docs):
            yield run_components(Context(doc=doc, text=text, dct=dct, lang=lang))


def run_components(ctx: Context) -> Analysis:
    """Apply the components in order on a parsed document."""
    ctx.timexes = timex_mod.outside_place_names(
        timex_mod.tag(ctx.text, ctx.dct, ctx.lang, doc=ctx.doc), ctx.doc) if ctx.dct is not None else []
    ctx.entities = entities_mod.extract(ctx)
    ctx.quotes = quotes_mod.extract(ctx)
    ctx.entities = entities_mod.add_speaker_names(ctx)
    events = events_mod.extract(ctx)
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
