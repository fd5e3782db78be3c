"""The last step of the verb-cue pass: the records of one cue, by where its content is.

- before the verb ("„…”, a spus X", "…, a declarat X"): :func:`_postposed`;
- after it, a clause ('that', "să"): :func:`_that_clause`; a colon or a quotation: :func:`_colon`,
  :func:`_quote`;
- English order, a quotation closing right before the speaker ("„…,” Figueroa said"):
  :func:`_english_order`;
- a clause told before a postposed subject and verb ("…, a source said."): :func:`_postposed_subject`;
- else a nominal object, with a partial quotation right after it: :func:`_nominal_object`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from cronicar.analyze.quotes.clauses import RELATIVES, closing_before, is_gerund_cue, postposed_subject, zero_that_end
from cronicar.analyze.quotes.direct import is_title
from cronicar.analyze.quotes.indirect import trim_right
from cronicar.analyze.quotes.speakers import Mention
from cronicar.analyze.quotes.state import QuoteState, Record
from cronicar.analyze.quotes.subjects import clause_subject
from cronicar.analyze.quotes.tokens import is_punct, is_quote_mark, key, match_seq

if TYPE_CHECKING:
    from cronicar.analyze.quotes.pass_verb import CueReading


def add_records(st: QuoteState, r: CueReading) -> None:
    """Add the records of a cue whose speaker phrase is known (or known to be missing)."""
    doc, lex, cue, sent = st.doc, st.lex, r.cue, r.sent
    if r.pre and r.kind in {"none", "quote"} and (r.subj is not None or r.kind == "none" or r.pre_quote):
        _postposed(st, r)
    elif r.kind in {"that", "sa"}:
        _that_clause(st, r)
    elif r.kind == "colon":
        _colon(st, r)
    elif r.kind == "quote":
        _quote(st, r)
    elif r.mention is not None and closing_before(doc, r.mention.start, st.mark_of_close) is not None:
        _english_order(st, r)
    elif r.kind == "none" and r.mention is None and lex.finite and cue.start - 2 > sent.start and \
            doc[cue.start - 2].text == "," and doc[cue.start - 1].is_lower and doc[cue.start - 1].is_alpha and (
            comma := postposed_subject(doc, Mention(cue.start - 1, cue.start), cue, sent, lex, st.quoted)) is not None:
        st.add_indirect(sent.start, comma, cue, Mention(cue.start - 1, cue.start), r.si, outer=True)  # "…, sources said."
    elif r.kind == "none" and r.mention is not None and lex.finite and (
            comma := postposed_subject(doc, r.mention, cue, sent, lex, st.quoted)) is not None:
        st.add_indirect(sent.start, comma, cue, r.mention, r.si, outer=True)  # "…, a source said."
    else:
        _nominal_object(st, r)


def _postposed(st: QuoteState, r: CueReading) -> None:
    """Postposed cue: the content is before it (a quotation closing at the comma, else the
    clause from the sentence start); "„A”, a spus X, „B”": a second segment shares the cue."""
    doc, lex, cue, sent = st.doc, st.lex, r.cue, r.sent
    comma = cue.start - 1
    close_tok = comma - 1 if doc[comma].text in {",", "—", "–"} else comma
    if close_tok >= 0 and is_quote_mark(doc[close_tok]) and doc[close_tok].idx in st.mark_of_close:
        k = st.mark_of_close[doc[close_tok].idx]
        m = st.marks[k]
        lead_s = min(sent.start, st.tok_at.get(m.open, sent.start))
        outside = [t for t in doc[lead_s:close_tok] if t.idx < m.open and not is_punct(t)]
        lead_ok = all(match_seq(doc, t.i, lex.connectives) for t in outside) or not outside
        if lead_ok:
            st.add_direct(k, cue, r.mention, cue.head, r.si)
        else:
            st.add_indirect(sent.start, comma, cue, r.mention, r.si, outer=True)
    elif comma > sent.start:
        after = r.subj.end if r.subj else cue.end
        if after < sent.end and doc[after].text == "," and sent.end - after > 3 and not (
            match_seq(doc, after + 1, lex.stops + lex.preps, sent.end) or is_gerund_cue(doc, after + 1, lex, st.parsed)
            or _finite_clause(st, sent.start, comma)
        ):
            # parenthetical cue: "Un astfel de model, a spus el, „nu poate fi păstrat…”"
            st.add_indirect(sent.start, sent.end, cue, r.mention, r.si, outer=True)
            return
        st.add_indirect(sent.start, comma, cue, r.mention, r.si, outer=True)
    after = r.subj.end if r.subj else cue.end
    if after < sent.end and doc[after].text == ",":
        k2 = st.quote_after(after + 1, min(sent.end + 2, len(doc)))
        if k2 is not None:
            st.add_direct(k2, cue, r.mention, cue.head, r.si)


def _finite_clause(st: QuoteState, start: int, end: int) -> bool:
    """Whether the words before a postposed cue hold a finite verb of their own, outside
    quotation marks: then they are the whole statement and what follows the cue's subject is
    about the speech event ("…, a declarat sâmbătă Departamentul de Stat, și a îndemnat …"), not
    the rest of a sentence the cue interrupts ("Un astfel de model, a spus el, „…”")."""
    return st.parsed and any(
        t.pos_ in {"VERB", "AUX"} and not st.quoted[t.i]
        and (t.morph.get("VerbForm") == ["Fin"] or (t.pos_ == "AUX" and bool(t.morph.get("Person"))))
        and _main_clause(t, start, end) for t in st.doc[start:end])


def _main_clause(t: Token, start: int, end: int) -> bool:
    """A verb (or the auxiliary of one) heading a clause of its own: no relative or adverbial
    clause inside the words before the cue ("Acțiunile care au crescut, a spus el, sunt …") and
    no subordinator ("Dacă va ploua, a spus el, …")."""
    v = t.head if t.pos_ == "AUX" and t.dep_.startswith("aux") else t
    if v.dep_.split(":")[0] in {"acl", "advcl", "csubj", "amod", "nmod", "obl"}:
        return False
    if any(c.dep_ == "mark" or c.tag_.startswith("Pw") or key(c) in RELATIVES for c in v.children):
        return False
    return v.head.i == v.i or not start <= v.head.i < end


def _that_clause(st: QuoteState, r: CueReading) -> None:
    """A clause after the verb ('that', "că", "să", or none in English), to the sentence end or
    the first point the clause rules cut at; "a declarat că X: „Y”" gives two records."""
    doc, lex, cue, sent = st.doc, st.lex, r.cue, r.sent
    j = r.j
    if j < sent.end and doc[j].text == ",":
        j += 1
    end = trim_right(doc, j, sent.end, lex, st.parsed, head=cue.head)
    if r.zero:
        end = zero_that_end(doc, j, end, lex, st.mark_of_open)
    if cue.start - 2 >= sent.start and key(doc[cue.start - 1]) in RELATIVES and doc[cue.start - 2].text == ",":
        # "Barkley, who said he typically votes democratic, was there": the relative clause, and
        # the statement with it, ends at its closing comma
        end = next((k for k in range(j + 1, end) if doc[k].text == "," and not st.quoted[k]), end)
    # colon introduction inside: "a declarat că X: „Y”"
    colon = next((k for k in range(j, min(end + 1, sent.end)) if doc[k].text == ":" and not st.quoted[k]), None)
    if colon is not None:
        k2 = st.quote_after(colon + 1, len(doc))
        if k2 is not None:
            st.add_indirect(j, colon, cue, r.mention, r.si)
            st.add_direct(k2, cue, r.mention, cue.head, r.si)
            return
    st.add_indirect(j, end, cue, r.mention, r.si)


def _colon(st: QuoteState, r: CueReading) -> None:
    """"a declarat: „…”" (following quoted paragraphs without a cue are continuation quotes,
    found by the unclaimed-marks pass), or a clause after the colon."""
    doc, cue, sent = st.doc, r.cue, r.sent
    if r.mention is None and not st.parsed:
        r.mention = clause_subject(doc, sent.start, cue.start, st.lex)  # "The email goes on to say:"
    k2 = st.quote_after(r.j, len(doc))
    if k2 is not None:
        st.add_direct(k2, cue, r.mention, cue.head, r.si)
    else:
        end = trim_right(doc, r.j, sent.end, st.lex, st.parsed)
        st.add_indirect(r.j, end, cue, r.mention, r.si)


def _quote(st: QuoteState, r: CueReading) -> None:
    """A quotation right after the verb; '"A," Robinson said, "B"': the quote before the speaker
    shares the cue."""
    doc, cue, sent = st.doc, r.cue, r.sent
    if r.mention is None and not st.parsed:
        r.mention = clause_subject(doc, sent.start, cue.start, st.lex)
    k2 = st.quote_after(r.j, len(doc))
    if k2 is not None:
        st.add_direct(k2, cue, r.mention, cue.head, r.si)
    if r.mention is not None and not st.parsed:
        k_before = closing_before(doc, r.mention.start, st.mark_of_close)
        if k_before is not None:
            st.add_direct(k_before, cue, r.mention, cue.head, r.si)


def _english_order(st: QuoteState, r: CueReading) -> None:
    """"„…,” Figueroa said." / "„…,” the senator told reporters.": the quote closing before the
    speaker; after a clause of the sentence it completes that clause ('The deal “looks out for
    Wall Street first,” Sanders wrote.': a mixed quotation, one indirect record)."""
    doc, lex, cue, sent = st.doc, st.lex, r.cue, r.sent
    kq = closing_before(doc, r.mention.start, st.mark_of_close)  # type: ignore[union-attr]
    assert kq is not None
    open_tok, close_tok = st.tok_at.get(st.marks[kq].open), st.tok_at.get(st.marks[kq].close)
    lead = [t for t in doc[sent.start : open_tok] if not is_punct(t) and not t.is_space] if open_tok is not None else []
    if lead and close_tok is not None and open_tok > sent.start and not all(  # type: ignore[operator]
        match_seq(doc, t.i, lex.connectives) for t in lead
    ) and kq not in st.used and not is_title(st.text[st.marks[kq].start : st.marks[kq].end]):
        s0 = sent.start
        while s0 < open_tok and (is_punct(doc[s0]) and not is_quote_mark(doc[s0]) or doc[s0].is_space  # type: ignore[operator]
                                 or match_seq(doc, s0, lex.connectives)):
            s0 += match_seq(doc, s0, lex.connectives) or 1
        st.used.add(kq)
        st.recs.append(Record("indirect", (doc[s0].idx, st.marks[kq].close + 1), st.tok_span(cue.start, cue.end),
                              r.mention, cue.head, sent=r.si))
    else:
        st.add_direct(kq, cue, r.mention, cue.head, r.si)
    after = cue.end
    if after < sent.end and doc[after].text == ",":
        k2 = st.quote_after(after + 1, min(sent.end + 2, len(doc)))
        if k2 is not None:
            st.add_direct(k2, cue, r.mention, cue.head, r.si)


def _nominal_object(st: QuoteState, r: CueReading) -> None:
    """A nominal object: a partial quote right after it is what was said (§3.4)."""
    doc, cue, sent = st.doc, r.cue, r.sent
    for k in range(cue.end, min(cue.end + 10, sent.end)):
        if doc[k].text in {",", ";", "."} and not st.quoted[k]:
            break
        if is_quote_mark(doc[k]) and doc[k].idx in st.mark_of_open:
            kk = st.mark_of_open[doc[k].idx]
            if kk not in st.used and (r.mention is not None or st.parsed):
                if st.parsed:  # no subject found: the speaker of the previous statement
                    st.add_direct(kk, cue, r.mention, cue.head, r.si)
                else:
                    # Without a parse the object cannot be told from the quote's governor: keep
                    # the object + fragment as one mixed (indirect) record.
                    close_tok = st.tok_at.get(st.marks[kk].close)
                    if close_tok is not None:
                        st.add_indirect(cue.end, close_tok + 1, cue, r.mention, r.si)
            break
