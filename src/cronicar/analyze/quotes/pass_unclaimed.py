"""The unclaimed-marks pass: quotations no cue claimed.

A quotation can still be a statement: signed after a dash ("“…” ― Steve Quinlan") or on the next
line ("\\n\\n- Sanders."), introduced by a colon's clause ("Cruz called them on it: “…”") or a
subhead "Marcel Ciolacu: „…”", or a sentence-like quotation continuing the previous statement
(its speaker is inherited later).  Scare quotes and titles are left out.
"""

from __future__ import annotations

import re

from cronicar.analyze.quotes.direct import Marked
from cronicar.analyze.quotes.speakers import Mention, np_after
from cronicar.analyze.quotes.state import QuoteState, Record
from cronicar.analyze.quotes.subjects import colon_speaker
from cronicar.analyze.quotes.tokens import is_name, is_punct, is_quote_mark, match_seq

#: a quotation standing alone as a sentence has at least this many words
MIN_STANDALONE_TOKENS = 5
#: a quote signed on the following line: "\n\n- Hillary Clinton.\n"
_SIGNATURE_LINE = re.compile(r"[ \u00a0]*\n\s*[-–—―][ \u00a0]*([A-Z][^\n]{0,50}?)[ .\u00a0]*(?:\n|$)")
_DASHES = {"―", "—", "–"}
#: a subhead speaker "Marcel Ciolacu:" has at most this many tokens
MAX_SUBHEAD_TOKENS = 6


def unclaimed_marks(st: QuoteState) -> None:
    """Add a record for each quotation no cue claimed that is a statement by its layout."""
    for k, m in enumerate(st.marks):
        if k in st.used or k in st.titles:
            continue
        if any(r.content[0] <= m.open and m.close < r.content[1] + 1 for r in st.recs if r.kind == "indirect"):
            continue  # a fragment of an indirect record (mixed quotation)
        ot = st.tok_at.get(m.open)
        if ot is None:
            continue
        speaker = _signed_after_dash(st, m, ot)
        if speaker is None:
            speaker = _signed_next_line(st, m, ot)
        if speaker is not None:
            st.used.add(k)
            st.recs.append(Record("direct", (m.start, m.end), None, speaker, ot, sent=0))
        elif not _colon_introduced(st, k, m, ot):
            _continuation(st, k, m, ot)


def _signed_after_dash(st: QuoteState, m: Marked, ot: int) -> Mention | None:
    """"“…” ― Steve Quinlan": the name after a dash right after the closing mark."""
    doc = st.doc
    ct = st.tok_at.get(m.close)
    nx = ct + 1 if ct is not None else len(doc)
    while nx < len(doc) and doc[nx].is_space and "\n" not in doc[nx].text:
        nx += 1
    tail = st.text[m.close + 1 : m.close + 4]
    dash = len(tail) - len(tail.lstrip(" \u00a0"))
    if ct is not None and tail[dash : dash + 1] in _DASHES and not (
        nx + 1 < len(doc) and doc[nx].text in _DASHES | {"-"}
    ):
        # "…”― Stephanie Egan": the tokenizer glued the dash to the closing mark
        nx = next((t.i for t in doc[ct : min(len(doc), ct + 4)] if t.idx > m.close + dash), len(doc)) - 1
    if not (nx + 1 < len(doc) and (doc[nx].text in _DASHES | {"-"} or doc[nx].text.endswith(tuple(_DASHES)))):
        return None
    nm = nx + 1
    while nm < len(doc) and doc[nm].is_space and "\n" not in doc[nm].text:
        nm += 1
    m2 = np_after(doc, nm, min(len(doc), nm + 6), st.lex, st.parsed) if nm < len(doc) else None
    return m2 if m2 is not None and is_name(doc[m2.start], st.lex, st.parsed) else None



def _signed_next_line(st: QuoteState, m: Marked, ot: int) -> Mention | None:
    """"“…”\\n\\n- Sanders.": a fact-check layout signing the quote on the next line."""
    doc = st.doc
    sig = _SIGNATURE_LINE.match(st.text, m.close + 1)
    if sig is None:
        return None
    ct = st.tok_at.get(m.close)
    st0 = next((t.i for t in doc[ct or ot : min(len(doc), (ct or ot) + 12)] if t.idx >= sig.start(1)), None)
    m2 = np_after(doc, st0, min(len(doc), st0 + 6), st.lex, st.parsed) if st0 is not None else None
    if m2 is not None and is_name(doc[m2.start], st.lex, st.parsed) and doc[m2.end - 1].idx < sig.end(1):
        return m2
    return None


def _colon_introduced(st: QuoteState, k: int, m: Marked, ot: int) -> bool:
    """A quotation after a colon: in text without a parser the colon's clause names the speaker
    ("Cruz called them on it:\\n\\n“…”", "RED STATES OUTNUMBER BLUE - Jeffrey M. Jones: “…”");
    a subhead "Marcel Ciolacu: „…”" (no verb) names him."""
    doc = st.doc
    prev = doc[ot - 1] if ot > 0 else None
    if not st.parsed and ot > 1 and prev is not None and (prev.text == ":" or prev.is_space and doc[ot - 2].text == ":"):
        colon = ot - 1 if prev.text == ":" else ot - 2
        m2 = colon_speaker(doc, colon, st.text, st.lex)
        if m2 is not None:
            st.used.add(k)
            st.recs.append(Record("direct", (m.start, m.end), None, m2, colon, sent=0))
            return True
    if prev is not None and prev.text == ":":
        line_start = st.text.rfind("\n", 0, m.open) + 1
        lt = st.tok_at.get(line_start, None)
        if lt is not None and lt < ot - 1 and ot - 1 - lt <= MAX_SUBHEAD_TOKENS:
            st.used.add(k)
            st.recs.append(Record("direct", (m.start, m.end), None, Mention(lt, ot - 1), ot, sent=0))
            return True
    return False


def _continuation(st: QuoteState, k: int, m: Marked, ot: int) -> None:
    """A quotation that stands as a sentence of its own continues the previous statement (its
    speaker is inherited); a short one only right after a direct quote in the same paragraph."""
    doc, text = st.doc, st.text
    prev = doc[ot - 1] if ot > 0 else None
    ntoks = sum(1 for t in doc[ot : st.tok_at.get(m.close, ot)] if not is_punct(t))
    starts_sentence = prev is None or prev.text in {".", "!", "?", "\n", ":"} or "\n" in prev.text or prev.is_space
    if ot > 0 and doc[ot].is_sent_start:
        starts_sentence = True
    if prev is not None and is_quote_mark(prev) and ot > 1 and doc[ot - 2].text in {".", "!", "?"}:
        starts_sentence = True  # after ‘… “Fox and Friends.”’
    content = text[m.start : m.end]
    sentence_like = bool(content) and (content[0].isupper() or content[0] in "(.") and ntoks >= MIN_STANDALONE_TOKENS
    if not sentence_like and starts_sentence and st.recs and content[:1].isupper() and ntoks >= 2:
        last = max(st.recs, key=lambda r: r.content[1])
        sentence_like = last.kind == "direct" and 0 <= m.open - last.content[1] <= 40 \
            and "\n" not in text[last.content[1]:m.open]
    if not starts_sentence and ntoks >= MIN_STANDALONE_TOKENS and ot > 0:
        # "De asemenea, „au avut o oarecare influență…”." — only a connective before the quote
        s0 = doc[ot].sent.start
        lead = [t for t in doc[s0:ot] if not is_punct(t) and not t.is_space]
        if lead and match_seq(doc, lead[0].i, st.lex.connectives) >= len(lead) and st.recs:
            starts_sentence = sentence_like = True
    if starts_sentence and sentence_like:
        st.used.add(k)
        st.recs.append(Record("direct", (m.start, m.end), None, None, ot, inherit=True))
