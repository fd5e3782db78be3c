"""The prepositional-cue pass: "potrivit X", "according to X", "în opinia lui X".

Runs per sentence after the verb cues of that sentence: when a verb already reported the
sentence, the preposition names the innermost source or the media channel instead of adding a
record of its own.
"""

from __future__ import annotations

from spacy.tokens import Span

from cronicar.analyze.quotes.indirect import Cue, trim_right
from cronicar.analyze.quotes.speakers import Mention
from cronicar.analyze.quotes.state import QuoteState, Record
from cronicar.analyze.quotes.subjects import data_head, media_name, outlet_name, passive_agent
from cronicar.analyze.quotes.tokens import is_punct, is_quote_mark, key, match_seq
from cronicar.analyze.quotes.words import W


def prep_cue(st: QuoteState, cue: Cue, sent: Span, si: int, verb_recs: list[Record]) -> None:
    """Add (or amend) the records of one prepositional cue; ``verb_recs``: the records the verb
    cues of this sentence added (taken before any prepositional cue of it ran)."""
    doc, lex = st.doc, st.lex
    span = _source_phrase(st, cue, sent)
    if span is None:
        return
    ns, np_end = span
    if data_head(doc, ns, np_end, lex, st.parsed) or " ".join(key(t) for t in doc[ns : min(ns + 2, np_end)]) in lex.nodata:
        return
    mention = (passive_agent(doc, ns, np_end) if st.parsed else None) or Mention(ns, np_end)
    if verb_recs:
        _amend_verb_records(st, cue, sent, mention, verb_recs)
        return
    lead = [t for t in doc[sent.start : cue.start] if not is_punct(t)]
    at_start = cue.start == sent.start or all(
        is_punct(t) or match_seq(doc, t.i, lex.connectives) for t in doc[sent.start : cue.start]
    ) or (len(lead) <= 3 and doc[cue.start - 1].text == ",")
    if at_start or _opens_second_clause(st, cue, sent, np_end):
        _content_after(st, cue, sent, si, mention, np_end)
    elif cue.start > sent.start and doc[cue.start - 1].text in {",", "(", "—", "–"}:
        if not _channel_of_opening_source(st, si, cue, mention):
            _content_before(st, cue, sent, si, mention)


def _channel_of_opening_source(st: QuoteState, si: int, cue: Cue, mention: Mention) -> bool:
    """"Potrivit unui comunicat transmis de IPJ Arad, agentul …, potrivit Agerpres.": the outlet
    after the content only relays what the opening source said; it becomes that record's channel,
    not a second source of the sentence."""
    media = outlet_name(st.doc, mention, st.lex)
    pc = st.doc[cue.start].idx
    opening = [r for r in st.recs if r.prep and r.sent == si and r.cue is not None
               and r.cue[0] < r.content[0] and r.content[1] <= pc]
    if media is None or not opening:
        return False
    for r in opening:
        r.media = r.media or media
    return True


def _opens_second_clause(st: QuoteState, cue: Cue, sent: Span, np_end: int) -> bool:
    """"…, iar, potrivit unui corespondent AFP, un ostatic ar fi fost eliberat": after a
    coordinating connective the preposition opens the second clause of the sentence, which is
    its content (a finite verb after the source phrase's comma), not the clause before."""
    doc = st.doc
    k = cue.start - 1
    while k > sent.start and doc[k].text == ",":
        k -= 1
    if k <= sent.start or not match_seq(doc, k, st.lex.connectives, cue.start) or doc[k - 1].text not in {",", "\n"} \
            and not any(doc[x].text == "," for x in range(k + 1, cue.start)):
        return False
    if np_end >= sent.end or doc[np_end].text != ",":
        return False
    return st.parsed and any(t.pos_ in {"VERB", "AUX"} and not st.quoted[t.i] for t in doc[np_end + 1 : sent.end])


def _source_phrase(st: QuoteState, cue: Cue, sent: Span) -> tuple[int, int] | None:
    """Tokens of the noun phrase after the preposition, up to a comma, the sentence end or an
    opening mark ("potrivit lui X" and "according to X": without "lui"/"to")."""
    doc = st.doc
    np_end = cue.end
    while np_end < sent.end and doc[np_end].text not in {",", ".", ";", ":", "!", "?"} and not (
        is_quote_mark(doc[np_end]) and doc[np_end].idx in st.mark_of_open
    ):
        np_end += 1
    if np_end == cue.end:
        return None
    ns = cue.end
    if key(doc[ns]) in W.prep_cue_links:
        ns += 1
    if ns >= np_end:
        return None
    return ns, np_end


def _amend_verb_records(st: QuoteState, cue: Cue, sent: Span, mention: Mention, verb_recs: list[Record]) -> None:
    """A verb already reported this sentence.  "[…], potrivit presei de stat ruse, scrie Insider":
    the source between the content and the verb is the innermost one and the verb's subject is
    the channel; else a media name after the preposition is the channel of the verb's records."""
    doc = st.doc
    pc = doc[cue.start].idx
    inner = [r for r in verb_recs if r.cue is not None and r.mention is not None
             and r.kind == "indirect" and r.content[0] < pc < r.cue[0] and r.content[1] <= r.cue[0]
             and cue.start > sent.start and doc[cue.start - 1].text == ","]
    if inner:
        for r in inner:
            r.media = r.media or doc[r.mention.start : r.mention.end].text  # type: ignore[union-attr]
            r.mention, r.prep = mention, True
            r.content = (r.content[0], min(r.content[1], st.tok_span(cue.start - 2, cue.start - 1)[1]))
        return
    media = media_name(doc, mention, st.lex)
    if media:
        for r in verb_recs:
            r.media = r.media or media


def _content_after(st: QuoteState, cue: Cue, sent: Span, si: int, mention: Mention, np_end: int) -> None:
    """"Potrivit X, …": the sentence after the source phrase is the content."""
    doc = st.doc
    s = np_end + 1 if np_end < sent.end and doc[np_end].text == "," else np_end
    if s < sent.end:
        if doc[s].text == ":":
            s += 1
        end = trim_right(doc, s, sent.end, st.lex, st.parsed)
        st.add_indirect(s, end, cue, mention, si, prep=True)


def _content_before(st: QuoteState, cue: Cue, sent: Span, si: int, mention: Mention) -> None:
    """"…, potrivit X": the sentence before.  '"…", potrivit prospectului.': a quote that is the
    whole statement is direct (a fragment after other words, "Un scenariu ar fi „…”, potrivit
    UBS", is mixed indirect)."""
    doc, lex = st.doc, st.lex
    close = cue.start - 2
    qk = st.mark_of_close.get(doc[close].idx) if close >= 0 and is_quote_mark(doc[close]) else None
    if qk is not None and not any(
            t.idx < st.marks[qk].open and not is_punct(t) and not match_seq(doc, t.i, lex.connectives)
            for t in doc[min(sent.start, st.tok_at.get(st.marks[qk].open, sent.start)):close]):
        st.add_direct(qk, cue, mention, cue.head, si)
    else:
        st.add_indirect(sent.start, cue.start - 1, cue, mention, si, prep=True)
