"""Interview transcripts: paragraphs "Eticheta: răspuns" that answer an interviewer's
"Reporter: întrebare?" (a TV report's vox pops, "Pensionar: Bani deoparte, sub nicio formă…").

No speech verb introduces these answers, so no cue pass finds them.  A label before a colon is
also how menus, lists and section heads are written ("Mic dejun: …", "Cina: …"), so an article is
read as a transcript only when one of its labels is an interviewer's (``interviewer_labels`` in
``lang/<code>/quotes_words.tsv``) and another label answers it; each answering paragraph is then one
statement of its label (indirect, or direct when it is one quotation), guidelines §3 on unquoted
speech.
"""

from __future__ import annotations

from spacy.tokens import Doc

from cronicar.analyze.quotes.indirect import strip_edges
from cronicar.analyze.quotes.speakers import Mention
from cronicar.analyze.quotes.state import QuoteState, Record
from cronicar.analyze.quotes.tokens import is_capitalized, key
from cronicar.analyze.quotes.words import W

#: a label is the paragraph's first one to three words before its colon
MAX_LABEL_TOKENS = 3


def transcript_quotes(st: QuoteState) -> None:
    """One record per answering paragraph of a transcript (see the module docstring)."""
    labels = [lab for lab in _labels(st) if not any(st.quoted[k] for k in range(lab[0], lab[1] + 1))]
    asked = [lab for lab in labels if key(st.doc[lab[0]]) in W.interviewer_labels]
    answers = [lab for lab in labels if key(st.doc[lab[0]]) not in W.interviewer_labels | W.answer_labels]
    if not asked or not answers:
        return
    for start, colon, end in answers:
        s, e = strip_edges(st.doc, colon + 1, end, st.lex)
        if e - s < 2:
            continue
        cs, ce = st.tok_span(s, e)
        if any(r.content[0] < ce and cs < r.content[1] for r in st.recs):
            continue  # a cue inside the answer reported it already
        q = st.quote_after(colon + 1, e)
        if q is not None and st.marks[q].end >= ce - 2:
            st.add_direct(q, None, Mention(start, colon), start, _sent_of(st, start))
            continue
        st.used.update(st.marks_between(cs, ce + 1))
        st.recs.append(Record("indirect", (cs, ce), None, Mention(start, colon), start, sent=_sent_of(st, start)))


def _labels(st: QuoteState) -> list[tuple[int, int, int]]:
    """(first token, colon, paragraph end) of every paragraph opening with "Label:"."""
    doc, out = st.doc, []
    for i in _paragraph_starts(doc):
        if not is_capitalized(doc[i]):
            continue
        colon = next((c for c in range(i + 1, min(len(doc), i + MAX_LABEL_TOKENS + 1)) if doc[c].text == ":"), None)
        if colon is None or not all(doc[k].is_alpha for k in range(i, colon)):
            continue
        if st.parsed and any(doc[k].pos_ in {"VERB", "AUX"} for k in range(i, colon)):
            continue  # "Devine oficial:": a clause, no label
        end = colon + 1
        while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text) and "\n" not in doc[end - 1].whitespace_:
            end += 1
        out.append((i, colon, end))
    return out


def _paragraph_starts(doc: Doc) -> list[int]:
    """Tokens that open a paragraph (the text's first, or the first after a line break)."""
    starts = [0] if len(doc) and not doc[0].is_space else []
    for t in doc[1:]:
        prev = doc[t.i - 1]
        if not t.is_space and ((prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_):
            starts.append(t.i)
    return starts


def _sent_of(st: QuoteState, tok: int) -> int:
    return next((si for si, s in enumerate(st.sents) if s.start <= tok < s.end), 0)
