"""The verb-cue pass: a speech verb outside quotation marks, its content and its speaker.

For one cue (found by :func:`cronicar.analyze.quotes.indirect.find_cues`) the steps are:

1. :func:`_read_content`: what follows the verb ('that'-clause, colon, quote, nothing), with
   English clauses reported without 'that' ("said he would");
2. :func:`_gerund_cue`: a gerund ("…, adding that") speaks for the main verb's speaker;
3. :func:`_place_cue`: does the content come before the verb ("„…”, a spus X") or after it;
4. :func:`_find_mention`: the speaker phrase around the verb;
5. :func:`_add_records`: the direct or indirect records, by where the content is.

A step that settles the cue returns ``True`` and the later steps are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from cronicar.analyze.quotes.clauses import (
    RELATIVES,
    THAT_REACH,
    after_time,
    quote_then_speaker,
    zero_that,
)
from cronicar.analyze.quotes.indirect import Cue, content_after
from cronicar.analyze.quotes.pass_verb_content import add_records
from cronicar.analyze.quotes.speakers import Mention, np_after, np_before, parse_subject
from cronicar.analyze.quotes.state import QuoteState
from cronicar.analyze.quotes.subjects import (
    apposed_subject,
    clause_subject,
    coordinated_subject,
    data_head,
    document_relative,
    gerund_subject,
    in_relative,
    postposed_description,
    relative_before,
    subject_with_relative,
)
from cronicar.analyze.quotes.tokens import is_punct, is_quote_mark, is_that, key, plain_text, unmark
from cronicar.analyze.quotes.words import W


@dataclass
class CueReading:
    """What the steps have found so far for one verb cue."""

    cue: Cue
    sent: Span
    si: int  # index of the sentence unit
    kind: str  # that | sa | colon | quote | none: what follows the verb
    j: int  # first token of the content after the verb
    subj: Mention | None  # a subject found after the verb (inverted order)
    addr: Mention | None  # who was told ("told reporters")
    zero: bool = False  # a clause reported without 'that'
    gerund: bool = False
    pre: bool = False  # the content is before the cue (postposed cue)
    pre_quote: bool = False  # … and it ends with a closing mark
    mention: Mention | None = None  # the speaker phrase


def verb_cue(st: QuoteState, cue: Cue, sent: Span, si: int) -> None:
    """Add the records of one speech-verb cue."""
    r = _read_content(st, cue, sent, si)
    if _gerund_cue(st, r) or _place_cue(st, r):
        return
    _find_mention(st, r)
    if _speaker_after_quote(st, r):
        return
    _subject_with_apposition(st, r)
    if r.mention is not None and data_head(st.doc, r.mention.start, r.mention.end, st.lex, st.parsed) \
            and not r.pre_quote:
        return  # "…, arată datele BVB", "Calculele arată că…": data, not speech (guidelines)
    add_records(st, r)


def _read_content(st: QuoteState, cue: Cue, sent: Span, si: int) -> CueReading:
    """What follows the verb, a 'that' a few words on included ("told reporters that")."""
    doc, lex = st.doc, st.lex
    kind, j, subj, addr = content_after(doc, cue, sent, lex, st.parsed)
    if kind == "quote" and subj is not None and st.parsed and j == subj.end and doc[subj.start].text.islower() \
            and doc[subj.start].pos_ in {"DET", "NOUN"} and key(doc[subj.start]) not in lex.pronouns:
        # "a cerut o anchetă „în timp util și amănunțită”": a common noun right before the quote it
        # qualifies is the verb's object (a subject after the verb is set off: ", a spus X.")
        subj = None
    if addr is not None:
        st.addr_of[cue.head] = addr
    if kind == "none" and not (subj is not None and j < sent.end and doc[j].text == ","):
        # "told reporters that", "le-a spus jurnaliștilor că": a short object before 'that'
        for k in range(j, min(j + THAT_REACH, sent.end)):
            if is_punct(doc[k]) or st.quoted[k] or lex.is_verb(key(doc[k]), "") or (st.parsed and doc[k].pos_ == "VERB"):
                break
            if is_that(doc[k]):
                kind, j = "that", k + 1
                break
    r = CueReading(cue, sent, si, kind, j, subj, addr)
    _zero_that_clause(st, r)
    return r


def _zero_that_clause(st: QuoteState, r: CueReading) -> None:
    """English drops 'that': "Trump says Clinton is lying", "said he would", "told reporters he
    would"; what looked like a subject after the verb opens the reported clause."""
    doc, lex, cue, sent = st.doc, st.lex, r.cue, r.sent
    if r.kind != "none" or not lex.finite:
        return
    # after a comma ("he said, local officials should") only a clause that does not open with a
    # gerund or a speech verb ("said, emphasizing why…" is the speaker's aside)
    right_after = (not any(doc[x].text == "," for x in range(cue.end, min(r.j, sent.end))) or (
        r.j < sent.end and not key(doc[r.j]).endswith(W.unparsed_gerund_suffixes) and not lex.is_verb(key(doc[r.j])))) \
        and doc[cue.head].text[:1].isalpha()  # "six-pointed": not the verb "point"
    if not right_after:
        return
    if r.addr is None:
        start = after_time(doc, r.subj.start if r.subj is not None else r.j, sent.end, st.in_timex)
        k0 = zero_that(doc, start, sent.end, lex, st.quoted)
        after_quote = cue.start > sent.start and (is_quote_mark(doc[cue.start - 1]) or (
            cue.start - 1 > sent.start and doc[cue.start - 1].text == "," and is_quote_mark(doc[cue.start - 2])))
        if k0 is not None and not (r.subj is not None and after_quote):  # '"…," said X': X speaks
            r.kind, r.j, r.subj, r.zero = "that", k0, None, True
    else:
        k0 = zero_that(doc, r.j, sent.end, lex, st.quoted)
        if k0 is not None:
            r.kind, r.j, r.zero = "that", k0, True


def _gerund_cue(st: QuoteState, r: CueReading) -> bool:
    """A gerund has no subject of its own: the phrase after it is its object.  Settles the cue
    when the main verb already claimed the content, or when the gerund takes no clause
    ("numindu-l pe Yoon „cu adevărat simplu”": a partial quote of the main speaker)."""
    doc, cue, sent = st.doc, r.cue, r.sent
    r.gerund = bool((st.parsed and doc[cue.head].morph.get("VerbForm") == ["Ger"]) or (
        not st.parsed and key(doc[cue.head]).endswith(W.unparsed_gerund_suffixes)) or (
        plain_text(doc) and key(doc[cue.head]).endswith(tuple(unmark(x) for x in W.gerund_suffixes))))  # "adaugand"
    if not r.gerund:
        return False
    r.subj = None
    if r.kind in {"that", "sa"} and r.j < sent.end and any(
        o.sent == r.si and o.content[0] <= doc[min(r.j + (doc[r.j].text == ","), sent.end - 1)].idx < o.content[1]
        for o in st.recs
    ):
        return True  # the content was already claimed by the main verb
    if r.kind in {"that", "colon", "sa", "quote"}:
        return False
    same = [o for o in st.recs if o.sent == r.si and o.mention is not None]
    if same and st.parsed:
        for k in range(cue.end, min(cue.end + 6, sent.end)):
            if doc[k].text in {",", ";", "."} and not st.quoted[k]:
                break
            if is_quote_mark(doc[k]) and doc[k].idx in st.mark_of_open:
                st.add_direct(st.mark_of_open[doc[k].idx], cue, same[-1].mention, cue.head, r.si)
                break
    return True


def _place_cue(st: QuoteState, r: CueReading) -> bool:
    """Whether the content comes before the cue (``r.pre``), after a comma or a closing mark.
    Settles the cue when the tokenizer glued a closing mark to the word before the verb."""
    doc, cue, sent = st.doc, r.cue, r.sent
    r.pre = cue.start > sent.start and doc[cue.start - 1].text in {",", "—", "–"}
    rel = relative_before(doc, cue.start - 1, sent.start) if r.pre else None
    if rel is not None:
        # "X, care se ocupă de…, a calificat…": the comma closes a relative clause on the subject.
        r.pre = False
        r.subj = r.subj if r.kind in {"that", "colon", "sa"} and r.subj is not None else None
        if r.subj is None:
            r.subj = np_before(doc, rel, sent.start, st.lex, st.parsed)
    r.pre_quote = cue.start > sent.start + 1 and r.pre and is_quote_mark(doc[cue.start - 2])
    if not r.pre and cue.start > sent.start and is_quote_mark(doc[cue.start - 1]) \
            and doc[cue.start - 1].idx in st.mark_of_close:
        r.pre, r.pre_quote = True, True
    if r.pre_quote and r.subj is None and not st.parsed:
        r.subj = postposed_description(doc, cue.end, sent.end, st.lex)
    if not r.pre and r.subj is not None and cue.start > sent.start:
        t_prev = doc[cue.start - 1]
        glued = t_prev.idx + len(t_prev.text) - 2
        if len(t_prev.text) > 2 and t_prev.text[-1] in "-–—," and glued in st.mark_of_close:
            # "…pentru ecosistemul fluviului Odra”- a spus șeful Guvernului": the tokenizer
            # glued the closing mark and the dash to the last word of the quote
            st.add_direct(st.mark_of_close[glued], cue, r.subj, cue.head, r.si)
            return True
    return False


def _find_mention(st: QuoteState, r: CueReading) -> None:
    """The speaker phrase: the subject after the verb, or the phrase before it."""
    doc, cue, sent = st.doc, r.cue, r.sent
    r.mention = r.subj
    if not r.pre and r.subj is not None:
        before = np_before(doc, cue.start, sent.start, st.lex, st.parsed)
        if before is not None and (r.kind == "none" or before.end == cue.start):
            r.mention = before
    if r.mention is None and r.kind != "none" or (r.mention is None and not r.pre):
        r.mention = _mention_before(st, r)
        if r.mention is None:
            r.mention = _mention_fallback(st, r)


def _mention_before(st: QuoteState, r: CueReading) -> Mention | None:
    """The speaker phrase right before the verb: a document's issuer, a relative pronoun's
    antecedent, the main speaker of a gerund, else the noun phrase there."""
    doc, lex, parsed, cue, sent = st.doc, st.lex, st.parsed, r.cue, r.sent
    doc_owner = document_relative(doc, cue.start, sent.start, lex) if parsed else None
    if doc_owner is not None:
        return doc_owner
    mention: Mention | None = None
    if cue.start > sent.start and key(doc[cue.start - 1]) in RELATIVES:
        j0 = cue.start - 1
        if j0 > sent.start and doc[j0 - 1].text == ",":
            j0 -= 1
            mention = apposed_subject(doc, j0, sent.start, lex, parsed, st.quoted, prefer_name=True)
        return mention if mention is not None else np_before(doc, j0, sent.start, lex, parsed)
    if r.gerund:
        # "…, adăugând că": the subject of the verb the gerund hangs on
        mention = parse_subject(doc, doc[cue.head].head.i, sent.start, lex) if parsed else None
        same = [o for o in st.recs if o.sent == r.si and o.mention is not None]
        if same:
            return same[-1].mention
        if not parsed:
            return gerund_subject(doc, cue.start, sent.start, lex) or clause_subject(doc, sent.start, cue.start, lex)
        return mention
    mention = np_before(doc, cue.start, sent.start, lex, parsed)
    if mention is not None and parsed and mention.start > sent.start and doc[mention.start - 1].pos_ == "ADP":
        # "Unul dintre clienți, pe care l-am întâlnit în fața agenției, spune că": the phrase
        # right before the verb is an oblique, ask the parser
        mention = parse_subject(doc, cue.head, sent.start, lex) or mention
    return mention


def _mention_fallback(st: QuoteState, r: CueReading) -> Mention | None:
    """No phrase right before the verb: an apposed subject, the parser's subject, or the subject
    of a coordinated first verb ("a declarat că A și a insistat că B")."""
    doc, lex, parsed, cue, sent = st.doc, st.lex, st.parsed, r.cue, r.sent
    mention = None
    if cue.start > sent.start and doc[cue.start - 1].text == "," and r.kind != "none":
        mention = apposed_subject(doc, cue.start - 1, sent.start, lex, parsed, st.quoted)
    if mention is None and parsed:
        mention = parse_subject(doc, cue.head, sent.start, lex)
    if mention is None and cue.start > sent.start and key(doc[cue.start - 1]) in W.cue_coordinators:
        conj_char = doc[cue.start - 1].idx
        before_conj = [o for o in st.recs if o.sent == r.si and o.content[1] <= conj_char and o.mention is not None]
        if before_conj:
            mention = before_conj[-1].mention  # "a declarat că A și a insistat că B"
        else:
            mention = coordinated_subject(doc, cue.start - 1, sent.start, lex, parsed, st.quoted)
        if mention is None and not parsed:
            # "Trump called on her to resign and said, …": the clause's subject
            mention = clause_subject(doc, sent.start, cue.start - 1, lex)
    return mention


def _speaker_after_quote(st: QuoteState, r: CueReading) -> bool:
    """„…,” Quina Jones, 25, said: a speaker phrase with an apposition between the closing mark
    and the postposed verb.  Settles the cue when it adds the quote."""
    doc, cue, sent = st.doc, r.cue, r.sent
    if not (r.pre and not r.pre_quote and r.kind == "none" and r.subj is None):
        return False
    qs = quote_then_speaker(doc, cue.start - 1, sent.start, st.mark_of_close)
    if qs is None:
        return False
    k0, after_q = qs
    if doc[after_q].text == ",":
        after_q += 1
    m2 = np_after(doc, after_q, cue.start, st.lex, st.parsed)
    if m2 is not None and k0 not in st.used:
        st.add_direct(k0, cue, m2, cue.head, r.si)
        return True
    return False


def _subject_with_apposition(st: QuoteState, r: CueReading) -> None:
    """"Dmitri Peskov, purtătorul de cuvânt al lui Putin, a comentat…": the part before the comma
    is the subject with its apposition, not a reported clause (no verb and no quotation in it)."""
    doc, cue, sent = st.doc, r.cue, r.sent
    parenthetical = r.subj is not None and r.subj.end < sent.end and doc[r.subj.end].text == ","  # ", a spus el,"
    if not (r.pre and not r.pre_quote and st.parsed and not parenthetical):
        return
    skip_relative = r.kind in {"none", "quote"} and subject_with_relative(doc, cue, sent.start)
    if any(t.pos_ in {"VERB", "AUX"} and not st.quoted[t.i] for t in doc[sent.start : cue.start - 1]
           if not (skip_relative and in_relative(t, sent.start, cue.start))):
        return
    if any(st.quoted[t.i] or is_quote_mark(t) for t in doc[sent.start : cue.start - 1]):
        return
    r.pre = False
    if r.subj is not None and r.kind == "none":
        r.subj = None
    r.mention = apposed_subject(doc, cue.start - 1, sent.start, st.lex, st.parsed, st.quoted, prefer_name=True)
