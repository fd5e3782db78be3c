"""Quotes and speaker attribution: who said what, and when (Romanian and English).

``extract(ctx)`` is the pipeline component: a small orchestrator over named passes that share
one :class:`~cronicar.analyze.quotes.state.QuoteState`.  Order of work:

1. quotation-mark spans (:mod:`.direct`), outermost only, and the headline's "Vorbitor:" colon
   (:mod:`.pass_headline`);
2. cues per sentence (:mod:`.indirect`): speech verbs (:mod:`.pass_verb`) then prepositions
   (:mod:`.pass_prep`) outside quotation marks, each with its content (clause or attached
   quotes) and speaker mention (:mod:`.subjects`, :mod:`.speakers`);
3. the headline's statement when no cue reported one (:mod:`.pass_headline`), and the answers of
   an interview transcript "Pensionar: …" after "Reporter: …" (:mod:`.pass_transcript`);
4. quoted spans no cue claimed (:mod:`.pass_unclaimed`): subheads "X: „…”", signed quotes,
   continuation sentences (speaker = the previous statement's); scare quotes and titles are left out;
5. no nesting: a cue inside another statement's content belongs to that content;
6. attribution (:mod:`.attribution`): canonical speakers by article-wide coreference
   (:mod:`.coref`); media outlets reporting a statement someone else made become
   ``media_source``; ``when``: a time expression in the cue's sentence, else the article date.
"""

from __future__ import annotations

from spacy.tokens import Doc

from cronicar.analyze.budget import check
from cronicar.analyze.context import Context
from cronicar.analyze.quotes.attribution import attribute
from cronicar.analyze.quotes.clauses import sentence_units
from cronicar.analyze.quotes.indirect import find_cues
from cronicar.analyze.quotes.lexicon import load
from cronicar.analyze.quotes.direct import OPEN_ONLY, SYMMETRIC
from cronicar.analyze.quotes.pass_headline import find_title_colon, headline_quotes
from cronicar.analyze.quotes.pass_prep import prep_cue
from cronicar.analyze.quotes.pass_transcript import transcript_quotes
from cronicar.analyze.quotes.pass_unclaimed import unclaimed_marks
from cronicar.analyze.quotes.pass_verb import verb_cue
from cronicar.analyze.quotes.state import QuoteState, new_state
from cronicar.model import Quote

__all__ = ["extract"]


def extract(ctx: Context) -> list[Quote]:
    """All direct and indirect quotes of the article, sorted by content start."""
    if len(ctx.doc) == 0:
        return []
    lex = load(ctx.lang)
    doc = _tokens(ctx)
    st = new_state(ctx, doc, lex, sentence_units(doc))
    find_title_colon(st)
    _cue_passes(st)
    headline_quotes(st)
    transcript_quotes(st)
    unclaimed_marks(st)
    _unclosed_openers(st)
    _drop_nested(st)
    _finish_mentions(st)
    return attribute(ctx, doc, lex, ctx.parsed, st.recs)


def _tokens(ctx: Context) -> Doc:
    """The article's tokens.  The blank tokenizer (no parser) makes every no-break space a
    token, which splits phrases ("another\\u00a0friend, Mariam Emara told CNN"); tokenizing is
    cheap without a parser, and a space for a no-break space keeps every character offset."""
    if ctx.parsed or "\u00a0" not in ctx.text:
        return ctx.doc
    from cronicar.analyze.nlp import get_nlp

    return get_nlp(ctx.lang)(ctx.text.replace("\u00a0", " "))


def _cue_passes(st: QuoteState) -> None:
    """Per sentence: the verb cues, then the prepositional cues (which amend what the verbs of
    the same sentence reported rather than add to it)."""
    for si, sent in enumerate(st.sents):
        check("quotes")
        cues = find_cues(st.doc, sent, st.lex, st.quoted, st.parsed)
        verb_recs_before = len(st.recs)
        for cue in cues:
            if not cue.prep:
                verb_cue(st, cue, sent, si)
        verb_recs = st.recs[verb_recs_before:]
        for cue in cues:
            if cue.prep:
                prep_cue(st, cue, sent, si, verb_recs)


def _drop_nested(st: QuoteState) -> None:
    """No nesting: a cue inside another statement's indirect content belongs to that content."""
    st.recs.sort(key=lambda r: (r.content[0], r.anchor))
    nested = [
        r for r in st.recs
        if r.cue is not None and any(
            o is not r and o.kind == "indirect" and o.cue is not None and o.cue != r.cue
            and o.content[0] <= r.cue[0] < o.content[1] and not (o.content[0] <= o.cue[0] < o.content[1])
            for o in st.recs
        )
    ]
    for r in nested:
        st.recs.remove(r)


def _unclosed_openers(st: QuoteState) -> None:
    """"declarând că „iraționalitatea …, depășește orice limită.¶": a clause that opens with a
    quotation mark never closed in its paragraph (nested pairs aside) is that quotation, closed
    where the paragraph ends (guidelines §3.1 on unbalanced marks): direct, not indirect."""
    if not st.parsed:
        return  # English re-opens every paragraph of a long quote: an opener left open there goes on
    text = st.text
    for r in st.recs:
        if r.kind != "indirect" or r.cue is None or r.prep:
            continue
        o = r.content[0]
        mark = text[o : o + 1]
        if mark not in OPEN_ONLY and mark not in SYMMETRIC or o in st.mark_of_open:
            continue
        end = text.find("\n", o)
        end = len(text) if end < 0 else end
        rest = text[o + 1 : end]
        closers = OPEN_ONLY.get(mark, "")
        if (closers and any(c in rest for c in closers)) or (not closers and rest.count(mark) % 2):
            continue  # closed in the paragraph: not a lost mark
        while end > o + 1 and text[end - 1].isspace():
            end -= 1
        r.kind, r.content = "direct", (o + 1, end)


def _finish_mentions(st: QuoteState) -> None:
    """Addressees found by the verb cues onto their records; a mention made only of time words
    ("deși în prezent se crede că …") is nobody."""
    for r in st.recs:
        if r.cue is not None and r.anchor in st.addr_of:
            r.addressee = st.addr_of[r.anchor]
    for r in st.recs:
        if r.mention is not None and all(st.in_timex[k] for k in range(r.mention.start, r.mention.end)):
            r.mention = None
