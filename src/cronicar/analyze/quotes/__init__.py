"""Quotes and speaker attribution: who said what, and when (Romanian and English).

``extract(ctx)`` is the pipeline component.  Order of work:

1. quotation-mark spans (:mod:`.direct`), outermost only;
2. cues per sentence (:mod:`.indirect`): speech verbs and prepositions outside quotation marks,
   each with its content (clause or attached quotes) and speaker mention (:mod:`.speakers`);
3. quoted spans no cue claimed: subheads "X: „…”", continuation sentences (speaker = the
   previous statement's), scare quotes and titles are left out;
4. canonical speakers by article-wide coreference (:mod:`.coref`); media outlets reporting a
   statement someone else made become ``media_source``;
5. ``when``: a time expression in the cue's sentence, else the article date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from cronicar.analyze.context import Context
from cronicar.analyze.budget import check
from cronicar.analyze.quotes.acronyms import defined_acronyms, full_name
from cronicar.analyze.quotes.coref import Resolver, nominative
from cronicar.analyze.quotes.direct import Marked, find_marked, is_title
from cronicar.analyze.quotes.indirect import (
    THAT,
    Cue,
    content_after,
    find_cues,
    strip_edges,
    trim_right,
)
from cronicar.analyze.quotes.lexicon import Lexicon, load
from cronicar.analyze.quotes.speaker_names import diacritic_spellings, resolve_cited, with_diacritics
from cronicar.analyze.quotes.speakers import Mention, name_part, np_after, np_before, parse_subject
from cronicar.analyze.quotes.tokens import FUNCTION_CAPS, is_capitalized, is_name, is_punct, is_quote_mark, is_role, key, lemma, match_seq
from cronicar.analyze.tense import adjacent, simple_present
from cronicar.model import Quote

__all__ = ["extract"]

MIN_STANDALONE_TOKENS = 5
# a quote signed on the following line: "\n\n- Hillary Clinton.\n"
_SIGNATURE_LINE = re.compile(r"[ \u00a0]*\n\s*[-–—―][ \u00a0]*([A-Z][^\n]{0,50}?)[ .\u00a0]*(?:\n|$)")


@dataclass
class _Rec:
    kind: str
    content: tuple[int, int]  # chars
    cue: tuple[int, int] | None  # chars
    mention: Mention | None
    anchor: int  # token used for ordering/recency
    prep: bool = False
    media: str | None = None
    inherit: bool = False  # speaker taken from the previous statement
    speaker: str | None = None
    person: bool = False
    sent: int = 0
    addressee: Mention | None = None


def _media_name(doc: Doc, m: Mention, lex: Lexicon) -> str | None:
    i = m.start
    if key(doc[i]) == "lui":
        i += 1
    n = match_seq(doc, i, lex.media, m.end)
    if n and i + n >= m.end - 0:
        return doc[i : i + n].text
    return None


def extract(ctx: Context) -> list[Quote]:
    """All direct and indirect quotes of the article, sorted by content start."""
    doc, text = ctx.doc, ctx.text
    if len(doc) == 0:
        return []
    lex = load(ctx.lang)
    parsed = ctx.parsed
    if not parsed and "\u00a0" in text:
        # The blank tokenizer makes every no-break space a token, which splits phrases
        # ("another\u00a0friend, Mariam Emara told CNN"); tokenizing is cheap without a parser, and
        # a space for a no-break space keeps every character offset.
        from cronicar.analyze.nlp import get_nlp

        doc = get_nlp(ctx.lang)(text.replace("\u00a0", " "))
    marks = find_marked(text)
    titles = {k for k, m in enumerate(marks) if is_title(text[m.start : m.end])}  # named, not said
    quoted = [False] * len(doc)
    mark_of_open: dict[int, int] = {}
    mark_of_close: dict[int, int] = {}
    for mi, m in enumerate(marks):
        mark_of_open[m.open] = mi
        mark_of_close[m.close] = mi
    tok_at: dict[int, int] = {}
    for t in doc:
        tok_at[t.idx] = t.i
    mi = 0
    for t in doc:
        while mi < len(marks) and marks[mi].close < t.idx:
            mi += 1
        if mi < len(marks) and marks[mi].open < t.idx < marks[mi].close:
            quoted[t.i] = True
    # tokens of a date or time ("said Friday he met", "said on Tuesday they would"): an adjunct of
    # the speech verb, skipped before a clause reported without 'that'
    in_timex = [False] * len(doc)
    for tx in ctx.timexes:
        if tx.type in {"DATE", "TIME"}:
            for t in doc.char_span(tx.start, tx.end, alignment_mode="expand") or []:
                in_timex[t.i] = True
    used: set[int] = set()
    recs: list[_Rec] = []
    addr_of: dict[int, Mention] = {}  # cue head token -> addressee ("i-a spus X lui [Y]")
    sents = _units(doc)

    def tok_span(a: int, b: int) -> tuple[int, int]:
        return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])

    def mark_between(a_char: int, b_char: int) -> list[int]:
        return [k for k, m in enumerate(marks) if a_char <= m.open and m.close < b_char]

    def prep_mixed(k: int, ce: int) -> bool:
        """A quote that closes well before the content ends is a fragment of mixed quotation."""
        return marks[k].close < ce - 2

    def overlaps(cs: int, ce: int) -> bool:
        return any(r.content[0] < ce and cs < r.content[1] for r in recs)

    def add_indirect(s: int, e: int, cue: Cue, mention: Mention | None, si: int, prep: bool = False,
                     outer: bool = False) -> None:
        s, e = strip_edges(doc, s, e, lex)
        if title_colon is not None and s <= title_colon < e:
            s = title_colon + 1
            s, e = strip_edges(doc, s, e, lex)
        if e <= s:
            return
        cs, ce = tok_span(s, e)
        if outer and overlaps(cs, ce):
            # the inner source wins ("Experții spun că…, a raportat CFR") unless it cannot speak
            # ("Bombardamentele arată „…”, a declarat Grossi")
            clash = [r for r in recs if r.content[0] < ce and cs < r.content[1]]
            if any(r.sent != si or _plausible_speaker(doc, r.mention, lex, parsed) for r in clash):
                return
            for r in clash:
                recs.remove(r)
                if r.kind == "direct":
                    used.difference_update(k for k, m in enumerate(marks) if (m.start, m.end) == r.content)
        starting = [k for k, m in enumerate(marks) if cs - 1 <= m.open <= cs and m.close >= ce - 2]
        if starting and not prep_mixed(starting[0], ce):
            # The content opens with a quote that runs to (or past) its end: direct only.
            m = marks[starting[0]]
            used.add(starting[0])
            recs.append(_Rec("direct", (m.start, m.end), tok_span(cue.start, cue.end), mention, cue.head, prep, sent=si))
            return
        inner = mark_between(cs, ce + 1)
        # The whole content is one quote (only connectives outside): direct only.
        if inner and marks[inner[0]].open <= cs + 1 and (len(inner) == 1 or marks[inner[-1]].close >= ce - 2) and (
            marks[inner[0]].close >= ce - 2 or len(inner) == 1 and is_quote_mark(doc[s])
            and 2 * (marks[inner[0]].close - marks[inner[0]].open) >= ce - cs
        ):  # a short opening fragment ("„din păcate” consumul este încurajat…") is mixed quotation
            m = marks[inner[0]]
            used.add(inner[0])
            recs.append(_Rec("direct", (m.start, m.end), tok_span(cue.start, cue.end), mention, cue.head, prep, sent=si))
            return
        used.update(inner)
        if e - s < 2:
            return
        recs.append(_Rec("indirect", (cs, ce), tok_span(cue.start, cue.end), mention, cue.head, prep, sent=si))

    def add_direct(k: int, cue: Cue | None, mention: Mention | None, anchor: int, si: int, inherit: bool = False) -> None:
        if k in used or k in titles:
            return
        used.add(k)
        m = marks[k]
        recs.append(_Rec("direct", (m.start, m.end), tok_span(cue.start, cue.end) if cue else None, mention, anchor,
                         inherit=inherit or mention is None, sent=si))

    def quote_after(i: int, limit: int) -> int | None:
        """Index of the quote whose opening mark is at token i (or i+1 after a comma/colon)."""
        for j in (i, i + 1):
            if j < limit and j < len(doc) and is_quote_mark(doc[j]) and doc[j].idx in mark_of_open:
                return mark_of_open[doc[j].idx]
        return None

    # Headline "Vorbitor: enunț": the colon ends the speaker part of the title.
    title_colon: int | None = None
    title_end = text.find("\n\n")
    title_tokens = [t for t in doc if t.idx < title_end] if 0 < title_end < 300 else []
    if title_tokens:
        c0 = next((t.i for t in title_tokens if t.text == ":" and not quoted[t.i]), None)
        if c0 is not None and 0 < c0 <= 8 and is_capitalized(doc[0]) \
                and _title_speaks(doc, c0, title_tokens, text, lex, parsed, ctx.lang):
            title_colon = c0

    for si, sent in enumerate(sents):
        check("quotes")
        cues = find_cues(doc, sent, lex, quoted, parsed)
        verb_recs_before = len(recs)
        prep_cues = [c for c in cues if c.prep]
        for cue in cues:
            if cue.prep:
                continue
            kind, j, subj, addr = content_after(doc, cue, sent, lex, parsed)
            if addr is not None:
                addr_of[cue.head] = addr
            if kind == "none" and not (subj is not None and j < sent.end and doc[j].text == ","):
                # "told reporters that", "le-a spus jurnaliștilor că": a short object before 'that'
                for k in range(j, min(j + THAT_REACH, sent.end)):
                    if is_punct(doc[k]) or quoted[k] or lex.is_verb(key(doc[k]), "") or (parsed and doc[k].pos_ == "VERB"):
                        break
                    if key(doc[k]) in THAT:
                        kind, j = "that", k + 1
                        break
            zero = False  # a clause without 'that': it ends at the first ", and" or quotation
            # after a comma ("he said, local officials should") only a clause that does not open
            # with a gerund or a speech verb ("said, emphasizing why…" is the speaker's aside)
            right_after = (not any(doc[x].text == "," for x in range(cue.end, min(j, sent.end))) or (
                j < sent.end and not key(doc[j]).endswith("ing") and not lex.is_verb(key(doc[j])))) \
                and doc[cue.head].text[:1].isalpha()  # "six-pointed": not the verb "point"
            if kind == "none" and lex.finite and addr is None and right_after:
                # "Trump says Clinton is lying", "said he would": English drops 'that'; what looked
                # like a subject after the verb opens the reported clause
                k0 = _zero_that(doc, _after_time(doc, subj.start if subj is not None else j, sent.end, in_timex),
                                sent.end, lex, quoted)
                after_quote = cue.start > sent.start and (is_quote_mark(doc[cue.start - 1]) or (
                    cue.start - 1 > sent.start and doc[cue.start - 1].text == "," and is_quote_mark(doc[cue.start - 2])))
                if k0 is not None and not (subj is not None and after_quote):  # '"…," said X': X speaks
                    kind, j, subj, zero = "that", k0, None, True
            elif kind == "none" and lex.finite and addr is not None and right_after:
                k0 = _zero_that(doc, j, sent.end, lex, quoted)  # "told reporters he would"
                if k0 is not None:
                    kind, j, zero = "that", k0, True
            gerund = (parsed and doc[cue.head].morph.get("VerbForm") == ["Ger"]) or (
                not parsed and key(doc[cue.head]).endswith("ing")
            )
            if gerund:
                subj = None  # a gerund has no subject of its own; the phrase after it is its object
                if kind in {"that", "sa"} and j < sent.end and any(
                    r.sent == si and r.content[0] <= doc[min(j + (doc[j].text == ","), sent.end - 1)].idx < r.content[1]
                    for r in recs
                ):
                    continue  # the content was already claimed by the main verb
            if gerund and kind not in {"that", "colon", "sa", "quote"}:
                # "numindu-l pe Yoon „cu adevărat simplu”": a partial quote of the main speaker
                same = [r for r in recs if r.sent == si and r.mention is not None]
                if same and parsed:
                    for k in range(cue.end, min(cue.end + 6, sent.end)):
                        if doc[k].text in {",", ";", "."} and not quoted[k]:
                            break
                        if is_quote_mark(doc[k]) and doc[k].idx in mark_of_open:
                            add_direct(mark_of_open[doc[k].idx], cue, same[-1].mention, cue.head, si)
                            break
                continue
            pre = cue.start > sent.start and doc[cue.start - 1].text in {",", "—", "–"}
            rel = _relative_before(doc, cue.start - 1, sent.start) if pre else None
            if rel is not None:
                # "X, care se ocupă de…, a calificat…": the comma closes a relative clause on the subject.
                pre = False
                subj = subj if kind in {"that", "colon", "sa"} and subj is not None else None
                if subj is None:
                    subj = np_before(doc, rel, sent.start, lex, parsed)
            pre_quote = cue.start > sent.start + 1 and pre and is_quote_mark(doc[cue.start - 2])
            if not pre and cue.start > sent.start and is_quote_mark(doc[cue.start - 1]) and doc[cue.start - 1].idx in mark_of_close:
                pre, pre_quote = True, True
            if pre_quote and subj is None and not parsed:
                subj = _postposed_description(doc, cue.end, sent.end, lex)
            if not pre and subj is not None and cue.start > sent.start:
                t_prev = doc[cue.start - 1]
                glued = t_prev.idx + len(t_prev.text) - 2
                if len(t_prev.text) > 2 and t_prev.text[-1] in "-–—," and glued in mark_of_close:
                    # "…pentru ecosistemul fluviului Odra”- a spus șeful Guvernului": the tokenizer
                    # glued the closing mark and the dash to the last word of the quote
                    add_direct(mark_of_close[glued], cue, subj, cue.head, si)
                    continue
            mention = subj
            if not pre and subj is not None:
                before = np_before(doc, cue.start, sent.start, lex, parsed)
                if before is not None and (kind == "none" or before.end == cue.start):
                    mention = before
            if mention is None and kind != "none" or (mention is None and not pre):
                doc_owner = _document_relative(doc, cue.start, sent.start, lex) if parsed else None
                if doc_owner is not None:
                    mention = doc_owner
                elif cue.start > sent.start and key(doc[cue.start - 1]) in RELATIVES:
                    j0 = cue.start - 1
                    if j0 > sent.start and doc[j0 - 1].text == ",":
                        j0 -= 1
                        mention = _apposed_subject(doc, j0, sent.start, lex, parsed, quoted, prefer_name=True)
                    if mention is None:
                        mention = np_before(doc, j0, sent.start, lex, parsed)
                elif gerund:
                    # "…, adăugând că": the subject of the verb the gerund hangs on
                    mention = parse_subject(doc, doc[cue.head].head.i, sent.start, lex) if parsed else None
                    same = [r for r in recs if r.sent == si and r.mention is not None]
                    if same:
                        mention = same[-1].mention
                    elif not parsed:
                        mention = _gerund_subject(doc, cue.start, sent.start, lex) or _clause_subject(
                            doc, sent.start, cue.start, lex)
                else:
                    mention = np_before(doc, cue.start, sent.start, lex, parsed)
                    if mention is not None and parsed and mention.start > sent.start and doc[mention.start - 1].pos_ == "ADP":
                        # "Unul dintre clienți, pe care l-am întâlnit în fața agenției, spune că":
                        # the phrase right before the verb is an oblique, ask the parser
                        mention = parse_subject(doc, cue.head, sent.start, lex) or mention
                if mention is None and cue.start > sent.start and doc[cue.start - 1].text == "," and kind != "none":
                    mention = _apposed_subject(doc, cue.start - 1, sent.start, lex, parsed, quoted)
                if mention is None and parsed:
                    mention = parse_subject(doc, cue.head, sent.start, lex)
                if mention is None and cue.start > sent.start and key(doc[cue.start - 1]) in {"și", "iar", "and"}:
                    conj_char = doc[cue.start - 1].idx
                    before_conj = [r for r in recs if r.sent == si and r.content[1] <= conj_char and r.mention is not None]
                    if before_conj:
                        mention = before_conj[-1].mention  # "a declarat că A și a insistat că B"
                    else:
                        mention = _coordinated_subject(doc, cue.start - 1, sent.start, lex, parsed, quoted)
                    if mention is None and not parsed:
                        # "Trump called on her to resign and said, …": the clause's subject
                        mention = _clause_subject(doc, sent.start, cue.start - 1, lex)
            if pre and not pre_quote and kind == "none" and subj is None:
                qs = _quote_then_speaker(doc, cue.start - 1, sent.start, mark_of_close)
                if qs is not None:
                    k0, after_q = qs
                    if doc[after_q].text == ",":
                        after_q += 1
                    m2 = np_after(doc, after_q, cue.start, lex, parsed)
                    if m2 is not None and k0 not in used:
                        add_direct(k0, cue, m2, cue.head, si)
                        continue
            parenthetical = subj is not None and subj.end < sent.end and doc[subj.end].text == ","  # ", a spus el,"
            if pre and not pre_quote and parsed and not parenthetical and not any(
                t.pos_ in {"VERB", "AUX"} and not quoted[t.i] for t in doc[sent.start : cue.start - 1]
                if not (kind in {"none", "quote"} and _subject_with_relative(doc, cue, sent.start)
                        and _in_relative(t, sent.start, cue.start))
            ) and not any(quoted[t.i] or is_quote_mark(t) for t in doc[sent.start : cue.start - 1]):
                # "Dmitri Peskov, purtătorul de cuvânt al lui Putin, a comentat…": the part before
                # the comma is the subject with its apposition, not a reported clause.
                pre = False
                if subj is not None and kind == "none":
                    subj = None
                mention = _apposed_subject(doc, cue.start - 1, sent.start, lex, parsed, quoted, prefer_name=True)
            if mention is not None and _data_head(doc, mention.start, mention.end, lex, parsed) and not pre_quote:
                continue  # "…, arată datele BVB", "Calculele arată că…": data, not speech (guidelines)
            if pre and kind in {"none", "quote"} and (subj is not None or kind == "none" or pre_quote):
                # Postposed cue: the content is before it.
                comma = cue.start - 1
                close_tok = comma - 1 if doc[comma].text in {",", "—", "–"} else comma
                if close_tok >= 0 and is_quote_mark(doc[close_tok]) and doc[close_tok].idx in mark_of_close:
                    k = mark_of_close[doc[close_tok].idx]
                    m = marks[k]
                    lead_s = min(sent.start, tok_at.get(m.open, sent.start))
                    outside = [t for t in doc[lead_s:close_tok] if t.idx < m.open and not is_punct(t)]
                    lead_ok = all(match_seq(doc, t.i, lex.connectives) for t in outside) or not outside
                    if lead_ok:
                        add_direct(k, cue, mention, cue.head, si)
                    else:
                        add_indirect(sent.start, comma, cue, mention, si, outer=True)
                elif comma > sent.start:
                    after = subj.end if subj else cue.end
                    if after < sent.end and doc[after].text == "," and sent.end - after > 3 and not (
                        match_seq(doc, after + 1, lex.stops + lex.preps, sent.end) or _is_gerund_cue(doc, after + 1, lex, parsed)
                    ):
                        # parenthetical cue: "Un astfel de model, a spus el, „nu poate fi păstrat…”"
                        add_indirect(sent.start, sent.end, cue, mention, si, outer=True)
                        continue
                    add_indirect(sent.start, comma, cue, mention, si, outer=True)
                # "„A”, a spus X, „B”": the second segment shares cue and mention.
                after = (subj.end if subj else cue.end)
                if after < sent.end and doc[after].text == ",":
                    k2 = quote_after(after + 1, min(sent.end + 2, len(doc)))
                    if k2 is not None:
                        add_direct(k2, cue, mention, cue.head, si)
                continue
            if kind == "that" or kind == "sa":
                if j < sent.end and doc[j].text == ",":
                    j += 1
                end = trim_right(doc, j, sent.end, lex, parsed, head=cue.head)
                if zero:
                    end = _zero_that_end(doc, j, end, lex, mark_of_open)
                if cue.start - 2 >= sent.start and key(doc[cue.start - 1]) in RELATIVES and doc[cue.start - 2].text == ",":
                    # "Barkley, who said he typically votes democratic, was there": the relative
                    # clause, and the statement with it, ends at its closing comma
                    end = next((k for k in range(j + 1, end) if doc[k].text == "," and not quoted[k]), end)
                # colon introduction inside: "a declarat că X: „Y”"
                colon = next((k for k in range(j, min(end + 1, sent.end)) if doc[k].text == ":" and not quoted[k]), None)
                if colon is not None:
                    k2 = quote_after(colon + 1, len(doc))
                    if k2 is not None:
                        add_indirect(j, colon, cue, mention, si)
                        add_direct(k2, cue, mention, cue.head, si)
                        continue
                add_indirect(j, end, cue, mention, si)
            elif kind == "colon":
                if mention is None and not parsed:
                    mention = _clause_subject(doc, sent.start, cue.start, lex)  # "The email goes on to say:"
                k2 = quote_after(j, len(doc))
                if k2 is not None:
                    add_direct(k2, cue, mention, cue.head, si)
                    # following quoted paragraphs with no cue are continuation quotes (handled later)
                else:
                    end = trim_right(doc, j, sent.end, lex, parsed)
                    add_indirect(j, end, cue, mention, si)
            elif kind == "quote":
                if mention is None and not parsed:
                    mention = _clause_subject(doc, sent.start, cue.start, lex)
                k2 = quote_after(j, len(doc))
                if k2 is not None:
                    add_direct(k2, cue, mention, cue.head, si)
                if mention is not None and not parsed:
                    # '"A," Robinson said, "B"': the quote before the speaker shares the cue
                    kq = _closing_before(doc, mention.start, mark_of_close)
                    if kq is not None:
                        add_direct(kq, cue, mention, cue.head, si)
            elif mention is not None and _closing_before(doc, mention.start, mark_of_close) is not None:
                # English order: "„…,” Figueroa said." / "„…,” the senator told reporters."
                kq = _closing_before(doc, mention.start, mark_of_close)
                ot_q, ct_q = tok_at.get(marks[kq].open), tok_at.get(marks[kq].close)
                lead = [t for t in doc[sent.start : ot_q] if not is_punct(t) and not t.is_space] if ot_q is not None else []
                if lead and ct_q is not None and ot_q > sent.start and not all(
                    match_seq(doc, t.i, lex.connectives) for t in lead
                ) and kq not in used and not is_title(text[marks[kq].start : marks[kq].end]):
                    # 'The deal “looks out for Wall Street first,” Sanders wrote.': the quote
                    # completes a clause of the sentence, a mixed quotation (one indirect record)
                    s0 = sent.start
                    while s0 < ot_q and (is_punct(doc[s0]) and not is_quote_mark(doc[s0]) or doc[s0].is_space
                                         or match_seq(doc, s0, lex.connectives)):
                        s0 += match_seq(doc, s0, lex.connectives) or 1
                    used.add(kq)
                    recs.append(_Rec("indirect", (doc[s0].idx, marks[kq].close + 1), tok_span(cue.start, cue.end),
                                     mention, cue.head, sent=si))
                else:
                    add_direct(kq, cue, mention, cue.head, si)
                after = cue.end
                if after < sent.end and doc[after].text == ",":
                    k2 = quote_after(after + 1, min(sent.end + 2, len(doc)))
                    if k2 is not None:
                        add_direct(k2, cue, mention, cue.head, si)
            elif kind == "none" and mention is None and lex.finite and cue.start - 2 > sent.start and \
                    doc[cue.start - 2].text == "," and doc[cue.start - 1].is_lower and doc[cue.start - 1].is_alpha and (
                    comma := _postposed_subject(doc, Mention(cue.start - 1, cue.start), cue, sent, lex, quoted)) is not None:
                add_indirect(sent.start, comma, cue, Mention(cue.start - 1, cue.start), si, outer=True)  # "…, sources said."
            elif kind == "none" and mention is not None and lex.finite and (
                    comma := _postposed_subject(doc, mention, cue, sent, lex, quoted)) is not None:
                add_indirect(sent.start, comma, cue, mention, si, outer=True)  # "…, a source said."
            else:
                # Nominal object: a partial quote right after it is what was said (§3.4).
                for k in range(cue.end, min(cue.end + 10, sent.end)):
                    if doc[k].text in {",", ";", "."} and not quoted[k]:
                        break
                    if is_quote_mark(doc[k]) and doc[k].idx in mark_of_open:
                        kk = mark_of_open[doc[k].idx]
                        if kk not in used and (mention is not None or parsed):
                            if parsed:  # no subject found: the speaker of the previous statement
                                add_direct(kk, cue, mention, cue.head, si)
                            else:
                                # Without a parse the object cannot be told from the quote's
                                # governor: keep the object + fragment as one mixed (indirect) record.
                                ct = tok_at.get(marks[kk].close)
                                if ct is not None:
                                    add_indirect(cue.end, ct + 1, cue, mention, si)
                        break
        has_verb_rec = len(recs) > verb_recs_before
        for cue in prep_cues:
            lead = [t for t in doc[sent.start : cue.start] if not is_punct(t)]
            at_start = cue.start == sent.start or all(
                is_punct(t) or match_seq(doc, t.i, lex.connectives) for t in doc[sent.start : cue.start]
            ) or (len(lead) <= 3 and doc[cue.start - 1].text == ",")
            # the NP after the preposition, up to a comma or the sentence end
            np_end = cue.end
            while np_end < sent.end and doc[np_end].text not in {",", ".", ";", ":", "!", "?"} and not (
                is_quote_mark(doc[np_end]) and doc[np_end].idx in mark_of_open
            ):
                np_end += 1
            if np_end == cue.end:
                continue
            ns = cue.end
            if key(doc[ns]) in {"lui", "to"}:
                ns += 1
            if ns >= np_end:
                continue
            if _data_head(doc, ns, np_end, lex, parsed) or " ".join(key(t) for t in doc[ns : min(ns + 2, np_end)]) in lex.nodata:
                continue
            mention = (_passive_agent(doc, ns, np_end) if parsed else None) or Mention(ns, np_end)
            media = _media_name(doc, mention, lex)
            if has_verb_rec:
                pc = doc[cue.start].idx
                inner = [r for r in recs[verb_recs_before:] if r.cue is not None and r.mention is not None
                         and r.kind == "indirect" and r.content[0] < pc < r.cue[0] and r.content[1] <= r.cue[0]
                         and cue.start > sent.start and doc[cue.start - 1].text == ","]
                if inner:
                    # "[…], potrivit presei de stat ruse, scrie Insider": the source between the
                    # content and the verb is the innermost one; the verb's subject is the channel
                    for r in inner:
                        r.media = r.media or doc[r.mention.start : r.mention.end].text
                        r.mention, r.prep = mention, True
                        r.content = (r.content[0], min(r.content[1], tok_span(cue.start - 2, cue.start - 1)[1]))
                    continue
                if media:
                    for r in recs[verb_recs_before:]:
                        r.media = r.media or media
                continue
            if at_start:
                s = np_end + 1 if np_end < sent.end and doc[np_end].text == "," else np_end
                if s < sent.end:
                    if doc[s].text == ":":
                        s += 1
                    end = trim_right(doc, s, sent.end, lex, parsed)
                    add_indirect(s, end, cue, mention, si, prep=True)
            elif cue.start > sent.start and doc[cue.start - 1].text in {",", "(", "—", "–"}:
                close = cue.start - 2
                qk = mark_of_close.get(doc[close].idx) if close >= 0 and is_quote_mark(doc[close]) else None
                if qk is not None and not any(
                        t.idx < marks[qk].open and not is_punct(t) and not match_seq(doc, t.i, lex.connectives)
                        for t in doc[min(sent.start, tok_at.get(marks[qk].open, sent.start)):close]):
                    # '"…", potrivit prospectului.': a quote that is the whole statement (a fragment
                    # after other words, "Un scenariu ar fi „…”, potrivit UBS", is mixed indirect)
                    add_direct(qk, cue, mention, cue.head, si)
                else:
                    add_indirect(sent.start, cue.start - 1, cue, mention, si, prep=True)

    # Headline without marks: "Vorbitor: enunț" in the title paragraph.
    if title_tokens and title_colon is not None:
        if not any(r.content[0] < title_end for r in recs):
            colon = title_colon
            m = Mention(0, colon)
            q = quote_after(colon + 1, len(title_tokens) + 1)
            if q is not None:
                add_direct(q, None, m, 0, 0)
            elif colon + 2 < len(title_tokens):
                s, e = strip_edges(doc, colon + 1, len(title_tokens), lex)
                if e > s:
                    recs.append(_Rec("indirect", tok_span(s, e), None, m, 0, sent=0))

    # Headline "enunț - Anunțul X": a speech noun after a dash names who made the statement.
    if title_tokens and title_colon is None and not any(r.content[0] < title_end for r in recs):
        for d in range(1, len(title_tokens) - 2):
            t = doc[d]
            if t.text in {"-", "–", "—"} and t.whitespace_ and key(doc[d + 1]) in lex.speech_nouns:
                ns = d + 2
                if key(doc[ns]) == "lui":
                    ns += 1
                m = np_after(doc, ns, len(title_tokens), lex, parsed)
                s0, e0 = strip_edges(doc, 0, d, lex)
                if m is not None and e0 - s0 >= 3 and not any(quoted[x] for x in range(s0, e0)):
                    cue_span = Cue(d + 1, d + 2, d + 1)
                    recs.append(_Rec("indirect", tok_span(s0, e0), tok_span(cue_span.start, cue_span.end), m, d + 1,
                                     prep=True, sent=0))
                break

    # Quotes no cue claimed.
    for k, m in enumerate(marks):
        if k in used or k in titles:
            continue
        if any(r.content[0] <= m.open and m.close < r.content[1] + 1 for r in recs if r.kind == "indirect"):
            continue
        ot = tok_at.get(m.open)
        if ot is None:
            continue
        ntoks = sum(1 for t in doc[ot : tok_at.get(m.close, ot)] if not is_punct(t))
        ct = tok_at.get(m.close)
        nx = ct + 1 if ct is not None else len(doc)
        while nx < len(doc) and doc[nx].is_space and "\n" not in doc[nx].text:
            nx += 1
        tail = text[m.close + 1 : m.close + 4]
        dash = len(tail) - len(tail.lstrip(" \u00a0"))
        if ct is not None and tail[dash : dash + 1] in {"―", "—", "–"} and not (
            nx + 1 < len(doc) and doc[nx].text in {"―", "—", "–", "-"}
        ):
            # "…”― Stephanie Egan": the tokenizer glued the dash to the closing mark
            nx = next((t.i for t in doc[ct : min(len(doc), ct + 4)] if t.idx > m.close + dash), len(doc)) - 1
        if nx + 1 < len(doc) and (doc[nx].text in {"―", "—", "–", "-"} or doc[nx].text.endswith(("―", "—", "–"))):
            # "“…” ― Steve Quinlan": a signed quote
            nm = nx + 1
            while nm < len(doc) and doc[nm].is_space and "\n" not in doc[nm].text:
                nm += 1
            m2 = np_after(doc, nm, min(len(doc), nm + 6), lex, parsed) if nm < len(doc) else None
            if m2 is not None and is_name(doc[m2.start], lex, parsed):
                used.add(k)
                recs.append(_Rec("direct", (m.start, m.end), None, m2, ot, sent=0))
                continue
        sig = _SIGNATURE_LINE.match(text, m.close + 1)
        if sig is not None:
            # "“…”\n\n- Sanders.": a fact-check layout signing the quote on the next line
            st = next((t.i for t in doc[ct or ot : min(len(doc), (ct or ot) + 12)] if t.idx >= sig.start(1)), None)
            m2 = np_after(doc, st, min(len(doc), st + 6), lex, parsed) if st is not None else None
            if m2 is not None and is_name(doc[m2.start], lex, parsed) and doc[m2.end - 1].idx < sig.end(1):
                used.add(k)
                recs.append(_Rec("direct", (m.start, m.end), None, m2, ot, sent=0))
                continue
        prev = doc[ot - 1] if ot > 0 else None
        if not parsed and ot > 1 and prev is not None and (prev.text == ":" or prev.is_space and doc[ot - 2].text == ":"):
            # "Cruz called them on it:\n\n“…”", "Kelly responded, with a smile: “…”",
            # "RED STATES OUTNUMBER BLUE - Jeffrey M. Jones: “…”": the colon's clause introduces it
            colon = ot - 1 if prev.text == ":" else ot - 2
            m2 = _colon_speaker(doc, colon, text, lex)
            if m2 is not None:
                used.add(k)
                recs.append(_Rec("direct", (m.start, m.end), None, m2, colon, sent=0))
                continue
        if prev is not None and prev.text == ":":
            # subhead "Marcel Ciolacu: „…”" (no verb)
            line_start = text.rfind("\n", 0, m.open) + 1
            lt = tok_at.get(line_start, None)
            if lt is not None and lt < ot - 1 and ot - 1 - lt <= 6:
                used.add(k)
                recs.append(_Rec("direct", (m.start, m.end), None, Mention(lt, ot - 1), ot, sent=0))
                continue
        starts_sentence = prev is None or prev.text in {".", "!", "?", "\n", ":"} or "\n" in prev.text or prev.is_space
        if ot > 0 and doc[ot].is_sent_start:
            starts_sentence = True
        if prev is not None and is_quote_mark(prev) and ot > 1 and doc[ot - 2].text in {".", "!", "?"}:
            starts_sentence = True  # after ‘… “Fox and Friends.”’
        content = text[m.start : m.end]
        sentence_like = bool(content) and (content[0].isupper() or content[0] in "(.") and ntoks >= MIN_STANDALONE_TOKENS
        if not sentence_like and starts_sentence and recs and content[:1].isupper() and ntoks >= 2:
            last = max(recs, key=lambda r: r.content[1])
            sentence_like = last.kind == "direct" and 0 <= m.open - last.content[1] <= 40 and "\n" not in text[last.content[1]:m.open]
        if not starts_sentence and ntoks >= MIN_STANDALONE_TOKENS and ot > 0:
            # "De asemenea, „au avut o oarecare influență…”." — only a connective before the quote
            s0 = doc[ot].sent.start
            lead = [t for t in doc[s0:ot] if not is_punct(t) and not t.is_space]
            if lead and match_seq(doc, lead[0].i, lex.connectives) >= len(lead) and recs:
                starts_sentence = sentence_like = True
        if starts_sentence and sentence_like:
            used.add(k)
            recs.append(_Rec("direct", (m.start, m.end), None, None, ot, inherit=True))

    recs.sort(key=lambda r: (r.content[0], r.anchor))
    # No nesting: a cue inside another statement's indirect content belongs to that content.
    nested = [
        r for r in recs
        if r.cue is not None and any(
            o is not r and o.kind == "indirect" and o.cue is not None and o.cue != r.cue
            and o.content[0] <= r.cue[0] < o.content[1] and not (o.content[0] <= o.cue[0] < o.content[1])
            for o in recs
        )
    ]
    for r in nested:
        recs.remove(r)
    for r in recs:
        if r.cue is not None and r.anchor in addr_of:
            r.addressee = addr_of[r.anchor]
    for r in recs:
        if r.mention is not None and all(in_timex[k] for k in range(r.mention.start, r.mention.end)):
            r.mention = None  # "deși în prezent se crede că …": a time word is nobody
    return _attribute(ctx, doc, lex, parsed, recs)


def _in_relative(t: Token, lo: int, hi: int) -> bool:
    """Whether ``t`` lies in a clause that modifies a noun of ``[lo, hi)`` ("compania la care
    statul are 70%, a anunțat…": "are" belongs to the subject, which reports nothing)."""
    while lo <= t.i < hi:
        if t.dep_.startswith("acl"):
            return lo <= t.head.i < hi
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _subject_with_relative(doc: Doc, cue: Cue, lo: int) -> bool:
    """Whether what stands between ``lo`` and the cue is its subject with one short clause on it
    ("compania la care statul are 70%, a anunțat…", "profesorul X, de la Institutul Y, unde au
    fost dezvoltate lentilele, a declarat:"): the parser gives the verb a subject there and the
    part holds one full verb.  Why so narrow: a long report before a postposed cue ("Șoferița,
    care a provocat un accident…, circula cu 148 km/h, arată expertiza") is often parsed as one
    chain of relative clauses, and it is the content."""
    if not any(c.dep_ == "nsubj" and lo <= c.i < cue.start for c in doc[cue.head].children):
        return False
    return sum(1 for t in doc[lo : cue.start] if t.pos_ == "VERB") == 1


RELATIVES = {"who", "which", "care"}  # a relative pronoun right before a cue: the cue is inside a relative clause
CLAUSE_BREAK = {",", ".", ";", ":", "!", "?", "(", ")", "—", "–"}
THAT_REACH = 8  # words between a speech verb and a later "that" ("said during a rally in Michigan that"; 5 -> 8: ro-dev 0.953 -> 0.962)
ZERO_THAT_WINDOW = 12  # words between the clause's first word and its finite verb (dev: 5 -> 0.357, 8 -> 0.368, 12 -> 0.374)


def _zero_that(doc: Doc, j: int, end: int, lex: Lexicon, quoted: list[bool]) -> int | None:
    """Start of a reported clause right after a speech verb that has no 'that' ("says Hillary
    Clinton is lying", "said he would"): an opener (a pronoun, a determiner or a name) and a finite
    auxiliary within the next few words, before any punctuation; a preposition ("said in a
    statement"), an infinitive ("told him to") or a noun object ("said the same thing") is not one.
    Words from ``finite`` / ``opener`` in ``lang/<code>/quotes_cues.txt``: only languages that drop
    their complementizer list them."""
    if j >= end or quoted[j] or is_punct(doc[j]) or is_quote_mark(doc[j]):
        return None
    first = doc[j]
    if key(first) in lex.finite or (lex.past_suffix and key(first).endswith(lex.past_suffix)):
        return None  # "Asked if X had rattled them": a verb, not the start of a clause
    if key(first) in lex.non_openers or not (key(first) in lex.openers or key(first) in lex.pronouns
                                             or is_capitalized(first) or (lex.any_opener and first.is_alpha)):
        return None
    if j + 1 < end and lex.pronouns.get(key(first)) in {"m", "f", "n"} and key(doc[j + 1]).endswith("s") \
            and doc[j + 1].is_alpha and len(doc[j + 1].text) > 3:
        return j  # "she plans to…", "it costs…": a third-person present after a pronoun
    if j + 1 < end and key(first) in lex.subjects and doc[j + 1].is_alpha and doc[j + 1].text.islower() and (
            key(doc[j + 1]) not in lex.non_openers or key(doc[j + 1]) in lex.adverbs) and not (
            lex.is_verb(key(doc[j + 1])) and (j + 2 >= end or is_punct(doc[j + 2]))):  # "believes, he said, that"
        return j  # "said she turned out", "said he met", "say they plan": a subject pronoun, then its verb
    if j + 1 < end and key(first) in lex.openers and first.is_lower and doc[j + 1].text[:1] in {"'", "’"} \
            and len(doc[j + 1].text) <= 3:
        return j  # "says he’s proud", "say it’s the leaders": a pronoun with a contracted verb
    for k in range(j + 1, min(end, j + 1 + ZERO_THAT_WINDOW)):
        t = doc[k]
        if t.text in CLAUSE_BREAK or quoted[k] or is_quote_mark(t) or key(t) in THAT or key(t) in lex.subordinators:
            return None  # "said Dan Golvach when asked about…": the verb is in another clause
        if key(t) in lex.finite or (lex.past_suffix and key(t).endswith(lex.past_suffix) and len(t.text) > 4
                                    and (key(doc[k - 1]) not in lex.openers or key(doc[k - 1]) in lex.subjects)
                                    and t.text.islower()):
            return j  # "the campaign planned": a past tense after the subject ("the injured" is not)
    return None


def _passive_agent(doc: Doc, start: int, end: int) -> Mention | None:
    """"potrivit răspunsurilor transmise la solicitarea ZF de Ministerul Energiei": a document
    passed on by someone speaks for its agent, the name after the participle's "de"."""
    part = next((t.i for t in doc[start:end] if t.morph.get("VerbForm") == ["Part"]), None)
    if part is None or any(key(doc[k]) in {"al", "a", "ale", "ai"} and doc[k + 1].text[:1].isupper()
                           for k in range(start, part)):
        return None  # "un comunicat al Oil Terminal transmis…": the document's owner speaks
    for j in range(part + 1, end - 1):
        prev = doc[j - 1]
        if prev.text[:1].isupper() and not prev.text.isupper():
            continue  # "Bursei de Valori", "Ministerul de Externe": a "de" inside a name
        if key(doc[j]) == "de" and doc[j + 1].text[:1].isupper() and doc[j + 1].pos_ in {"PROPN", "NOUN"}:
            e = j + 2
            while e < end and (doc[e].text[:1].isupper() or key(doc[e]) in {"de", "a", "al", "ale", "și"}
                               and e + 1 < end and doc[e + 1].text[:1].isupper()):
                e += 1
            return Mention(j + 1, e)
    return None


def _after_time(doc: Doc, j: int, end: int, in_timex: list[bool]) -> int:
    """The token after a date adjunct that starts at ``j`` ("on Friday", "Friday", "earlier this
    week"), with a preposition before it and a comma after it; ``j`` when there is none."""
    if j >= end:
        return j
    k = j
    if k + 1 < end and not in_timex[k] and in_timex[k + 1] and doc[k].is_lower and len(doc[k].text) <= 6:
        k += 1  # "on", "in", "during", "since"
    if not in_timex[k]:
        return j
    while k < end and in_timex[k]:
        k += 1
    if k < end and doc[k].text == ",":
        k += 1
    return k


def _zero_that_end(doc: Doc, j: int, end: int, lex: Lexicon, mark_of_open: dict[int, int]) -> int:
    """Where a clause reported without 'that' ends: before ", and…"/", but…" or a quotation opened
    after a comma or colon ("She said fathers would not be eligible, and when pressed, the mother of
    three replied, "It's meant…"": the reply is its own quote)."""
    last_comma = None
    for k in range(j + 1, end):
        if doc[k].text in {",", ":"}:
            if k + 1 < end and match_seq(doc, k + 1, lex.connectives, end):
                return k
            last_comma = k
        elif is_quote_mark(doc[k]) and doc[k].idx in mark_of_open and last_comma is not None:
            return last_comma  # "…, a man yelled “Stay there!”": another voice's quote
    return end


def _postposed_subject(doc: Doc, mention: Mention, cue: Cue, sent: Span, lex: Lexicon,
                       quoted: list[bool]) -> int | None:
    """The comma that ends a reported clause told before its speaker and verb ("…, a source said.",
    "…, officials said on Tuesday."): the subject right after a comma, the verb, then only a short
    adjunct to the end of the sentence.  Returns the comma's token index."""
    comma = mention.start - 1
    if comma <= sent.start + 2 or doc[comma].text != "," or quoted[comma] or mention.end != cue.start:
        return None
    if any(quoted[t.i] for t in doc[sent.start:comma]):
        return None  # a quotation before: the direct-quote rules decide
    rest = [t for t in doc[cue.end:sent.end] if not is_punct(t)]
    if len(rest) > 5 or any(key(t) in THAT or is_quote_mark(t) or key(t) in lex.finite for t in rest):
        return None
    if _zero_that(doc, cue.end, sent.end, lex, quoted) is not None:
        return None
    return comma


def _apposed_subject(doc: Doc, comma: int, start: int, lex: Lexicon, parsed: bool, quoted: list[bool],
                     prefer_name: bool = False) -> Mention | None:
    """"X, <apposition>, a declarat că…": the subject is X (or the name inside the apposition).

    With ``prefer_name`` (antecedent of "care"), walk back over a chain of appositions
    ("Dan, 45 de ani, de profesie inginer, care spune") to the one holding a name."""
    segs: list[Mention] = []
    end = comma
    for k in range(comma - 1, start - 1, -1):
        if quoted[k] or is_quote_mark(doc[k]) or doc[k].text in {";", ":"}:
            break
        if doc[k].text == "," or k == start:
            s0 = k + 1 if doc[k].text == "," else k
            if s0 < end:
                segs.append(Mention(s0, end))
            end = k
            if len(segs) >= 4:
                break
    if not segs:
        return None
    if not prefer_name:
        first = segs[0]
        if all(is_name(t, lex, parsed) or key(t) in {"de", "-"} for t in doc[first.start : first.end]):
            return first
        if len(segs) > 1:
            before = np_before(doc, segs[0].start - 1, start, lex, parsed)
            if before is None and segs[-1].start == start and all(
                    is_name(t, lex, parsed) for t in doc[segs[-1].start : segs[-1].end]):
                return segs[-1]  # "Marley Anderson, 21, a junior from Las Vegas, said": the name opening the sentence
            return before
        return None
    # A segment that is all name wins over a description that merely contains one
    # ("Barclays Capital, a doua cea mai mare bancă din Regatul Unit, a menționat").
    for seg in segs:
        if all(is_name(t, lex, parsed) or key(t) in {"de", "-"} for t in doc[seg.start : seg.end]):
            return seg
    for seg in segs:
        if any(is_name(t, lex, parsed) and not _in_pp(doc, t.i, seg.start) for t in doc[seg.start : seg.end]):
            return name_part(doc, seg, lex, parsed)
    return np_before(doc, comma, start, lex, parsed)


def _in_pp(doc: Doc, i: int, start: int) -> bool:
    """A name inside a prepositional or genitive modifier ("din Regatul Unit", "al Kremlinului")."""
    for k in range(i - 1, start - 1, -1):
        if key(doc[k]) in {"din", "de", "în", "la", "pentru", "cu", "al", "a", "ale", "ai", "of", "from", "at", "in"}:
            return True
        if not doc[k].text[:1].isupper():
            return False
    return False


def _document_relative(doc: Doc, cue: int, start: int, lex: Lexicon) -> Mention | None:
    """"biroul de presă al Ministerului a trimis un comunicat în care precizează că…": a cue in a
    relative clause on a document speaks for whoever issued the document (the governing subject)."""
    if cue - 3 < start or key(doc[cue - 1]) != "care" or key(doc[cue - 2]) not in {"în", "in"}:
        return None
    k = cue - 3
    if doc[k].text == ",":
        k -= 1
    noun = next((doc[x] for x in range(k, max(start, k - 4) - 1, -1)
                 if key(doc[x]) in lex.documents or lemma(doc[x]) in lex.documents), None)
    if noun is None:  # "un comunicat de presă în care": the document noun heads the phrase
        return None
    head = noun.head
    if head.i == noun.i or head.i < start:
        return None
    return parse_subject(doc, head.i, start, lex)


def _postposed_description(doc: Doc, j: int, end: int, lex: Lexicon) -> Mention | None:
    """'"…," said a longtime adviser to Trump, who declined …': right after a quote and its
    verb, a description opened by a determiner is the speaker, prepositional tail included."""
    while j < end and doc[j].is_space:
        j += 1
    if j >= end or key(doc[j]) not in {"the", "a", "an", "one", "another"}:
        return None
    e = j + 1
    while e < min(end, j + 10) and not is_punct(doc[e]) and not is_quote_mark(doc[e]) and key(doc[e]) not in {
        "who", "which", "that", "and", "but", "after", "before", "while", "when", "as"
    } and not lex.is_verb(key(doc[e])):
        e += 1
    return Mention(j, e) if e > j + 1 else None


def _colon_speaker(doc: Doc, colon: int, text: str, lex: Lexicon) -> Mention | None:
    """Unparsed text: who introduces the quote after the colon at ``colon`` — a short name segment
    after a dash in the same line, else the subject of the colon's clause."""
    line_start = text.rfind("\n", 0, doc[colon].idx) + 1
    start = max(doc[colon].sent.start, next((t.i for t in doc[: colon + 1] if t.idx >= line_start), colon))
    if start >= colon:
        return None
    dash = next((x for x in range(colon - 1, start - 1, -1) if doc[x].text in {"-", "–", "—", "―"} and doc[x].whitespace_), None)
    if dash is not None and 0 < colon - dash - 1 <= 6:
        seg = doc[dash + 1 : colon]
        names = [t.i for t in seg if is_name(t, lex, False)]
        if names:
            return Mention(names[0], colon)
    if colon - start <= 4 and all(is_name(t, lex, False) or key(t) in {"and", "-"} for t in doc[start:colon]):
        return Mention(start, colon)  # "Jeffrey M. Jones:"
    return _clause_subject(doc, start, colon, lex)


def _clause_subject(doc: Doc, start: int, end: int, lex: Lexicon) -> Mention | None:
    """Unparsed text: the subject of the clause in ``[start, end)`` — the comma segment that does not
    open with an adverbial or a preposition ("That is, when the moderators yielded, [Cruz] called
    them on it"; "[Kelly] responded pointedly, with a smile"), its pronoun, "the/a + noun" or first name."""
    cuts = [start] + [x + 1 for x in range(start, end) if doc[x].text == ","]
    for s0 in reversed(cuts):
        while s0 < end and (is_punct(doc[s0]) or doc[s0].is_space):
            s0 += 1
        if s0 >= end:
            continue
        if key(doc[s0]) in {"but", "and", "yet", "so", "then"} and s0 + 1 < end:
            s0 += 1  # ", but he gave the Texan a back-handed compliment:"
        first = doc[s0]
        k = key(first)
        if k in lex.pronouns and k != "it":
            return Mention(s0, s0 + 1)
        if k in {"his", "her", "their", "its", "my", "our"} and s0 + 2 < end and doc[s0 + 1].is_alpha and (
            lex.is_verb(key(doc[s0 + 2])) or key(doc[s0 + 2]).endswith("ed")
        ):
            return Mention(s0, s0 + 2)  # "his wife whispered to him:"
        if k in {"the", "a", "an", "one", "another"} and s0 + 1 < end and doc[s0 + 1].is_alpha:
            e = s0 + 2
            while e < end and (is_capitalized(doc[e]) or key(doc[e]) in {"'s", "’s"}):
                e += 1
            return Mention(s0, e)
        if k in LEAD_ADVERBIAL or k in CLAUSE_OPENERS or not is_capitalized(first):
            continue
        for x in range(s0, min(end, s0 + 6)):
            lone = x == s0 and x + 1 < end and key(doc[x]) not in NOT_SUBJECTS and (
                is_capitalized(doc[x + 1]) or lex.is_verb(key(doc[x + 1])) or key(doc[x + 1]).endswith(("ed", "ing"))
            )  # a sentence-initial name: "Kelly responded", "Cruz called", "Protesters marching"
            if is_name(doc[x], lex, False) or (is_capitalized(doc[x]) and lone):
                e = x + 1
                while e < end and (is_capitalized(doc[e]) or key(doc[e]) == "-") and key(doc[e]) not in FUNCTION_CAPS:
                    e += 1
                return Mention(x, e)
            if not doc[x].is_alpha and key(doc[x]) != "-" or lex.is_verb(key(doc[x])):
                break
        return None
    return None


NOT_SUBJECTS = {"that", "this", "these", "those", "there", "here", "it", "what", "then", "so", "but", "and", "now",
                "i", "we", "you", "his", "her", "their", "its", "our", "my"}
CLAUSE_OPENERS = {"with", "without", "for", "to", "of", "from", "by", "if", "that", "what", "who", "which", "because",
                  "although", "though", "so", "than", "like", "unlike", "despite", "amid", "through"}

LEAD_ADVERBIAL = {"here", "there", "now", "today", "yesterday", "even", "thus", "during", "after", "before", "in", "at", "on", "when", "while", "as", "since", "later", "earlier",
                  "but", "and", "then", "still", "yet", "also", "instead", "meanwhile"}


def _gerund_subject(doc: Doc, g: int, start: int, lex: Lexicon) -> Mention | None:
    """Unparsed text: who does the gerund cue's speaking.  "The ad uses footage of Hillary Clinton
    asking, “…”" → the name right before it; "During a speech, Trump attacked Clinton, saying, “…”"
    and "Small groups of protesters marched …, while chanting, “…”" → the sentence's subject."""
    k = g - 1
    if k >= start and key(doc[k]) in {"while", "by", "before", "after", "then", "and"}:
        k -= 1
    if k >= start and doc[k].text != ",":
        m = np_before(doc, k + 1, start, lex, False)
        if m is not None and is_name(doc[m.end - 1], lex, False):
            return m
    j = start
    while j < g and (is_punct(doc[j]) or doc[j].is_space):
        j += 1
    if j < g and key(doc[j]) in LEAD_ADVERBIAL:
        # skip a leading adverbial up to its comma ("During a national security speech …,")
        c = next((x for x in range(j + 1, g) if doc[x].text == ","), None)
        if c is None:
            return None
        j = c + 1
    if j >= g or is_quote_mark(doc[j]):
        return None
    if key(doc[j]) in lex.pronouns:
        return Mention(j, j + 1)
    return np_after(doc, j, g, lex, False)


#: words that open an adverbial, never a speaker (the parser tags "Per" in "Per ansamblu" a noun)
_ADVERBIAL_STARTS = frozenset({"per", "în", "la", "pe", "cu", "pentru", "din", "după", "prin", "printre"})
_GENITIVE = frozenset({"al", "a", "ai", "ale", "lui"})
_DETERMINERS = frozenset({"un", "o", "unui", "unei", "unor", "celor", "noilor", "ultimelor", "ultimele", "cel", "cea", "cei", "cele"})


def _data_head(doc: Doc, start: int, end: int, lex: Lexicon, parsed: bool) -> bool:
    """Whether a source phrase is data or a document, not someone speaking ("datele BVB",
    "ultimelor date disponibile", "un tabel", "cel mai recent raport", "ceea ce arată că"): its
    first word, or its head (the first noun in the parse, else the first non-determiner), is a
    ``nodata`` entry of the cue lexicon."""
    if start >= end:
        return False
    if key(doc[start]) in lex.nodata:
        return True
    toks = doc[start:end]
    if parsed:
        head = next((t for t in toks if t.pos_ in {"NOUN", "PROPN"}), None)
    else:
        head = next((t for t in toks if key(t) not in _DETERMINERS), None)
    if head is None:
        return False
    if key(head) in lex.nodata:
        return True
    if key(head) not in lex.nodoc:
        return False
    # a report speaks through its named owner: "raportul FMI", "un raport al companiei de
    # consultanță Coface", "un raport publicat de Erste Group Research" (not "un raport prezent
    # la Bursă": a place, not an owner)
    j = head.i + 1
    if j < end and key(doc[j]) in _GENITIVE:
        return not any(is_capitalized(t) for t in doc[j + 1 : min(end, j + 7)])
    if j + 2 < end and key(doc[j + 1]) == "de" and (not parsed or "Part" in doc[j].morph.get("VerbForm")):
        j += 2
    return not (j < end and is_capitalized(doc[j]))


def _plausible_speaker(doc: Doc, m: Mention | None, lex: Lexicon, parsed: bool) -> bool:
    """A mention that can speak: a name, a pronoun, a role, an organisation — not "Bombardamentele"."""
    if m is None:
        return False
    if key(doc[m.start]) in lex.generic:
        return True
    for t in doc[m.start : m.end]:
        if is_name(t, lex, parsed) or key(t) in lex.pronouns or is_role(t, lex):
            return True
        if parsed and t.ent_type_ in {"PERSON", "ORG", "GPE", "NAT_REL_POL"}:
            return True
    return not parsed


def _is_gerund_cue(doc: Doc, i: int, lex: Lexicon, parsed: bool) -> bool:
    """", sugerând că…" after a postposed cue: a second speech act, not the rest of the sentence."""
    if i >= len(doc):
        return False
    t = doc[i]
    if not lex.is_verb(key(t), lemma(t) if parsed else ""):
        return False
    return (parsed and t.morph.get("VerbForm") == ["Ger"]) or key(t).endswith(("ând", "ind", "ing"))


def _coordinated_subject(doc: Doc, conj: int, start: int, lex: Lexicon, parsed: bool, quoted: list[bool]) -> Mention | None:
    """"Beijingul a anunțat sancțiuni și a declarat că…": the subject of the first verb."""
    for k in range(conj - 1, start - 1, -1):
        t = doc[k]
        if quoted[k] or is_quote_mark(t) or t.text in {";", ":"}:
            return None
        if (parsed and t.pos_ == "VERB") or (not parsed and lex.is_verb(key(t))):
            from cronicar.analyze.quotes.indirect import cue_group

            g, _ = cue_group(doc, k, start)
            return np_before(doc, g, start, lex, parsed) or (parse_subject(doc, k, start, lex) if parsed else None)
    return None


def _relative_before(doc: Doc, comma: int, start: int) -> int | None:
    """Index of the comma opening ", care …" when the clause before ``comma`` is a relative one."""
    for k in range(comma - 1, start, -1):
        if doc[k].text == "," and k + 1 < comma and key(doc[k + 1]) in {"care", "who", "which"}:
            return k
        if doc[k].text in {",", ";", ":"} or is_quote_mark(doc[k]):
            return None
    return None


def _closing_before(doc: Doc, i: int, mark_of_close: dict[int, int], slack: int = 4) -> int | None:
    """The quote whose closing mark ends right before token ``i`` (a comma may sit in between;
    up to ``slack`` words of the speaker phrase too: "„…,” Tulsa police Chief X said")."""
    j = i - 1
    while j > 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1  # '"…,"  Berkman said': extra spaces
    for _ in range(slack + 1):
        if j < 0:
            return None
        k = j - 1 if doc[j].text == "," else j
        while k > 0 and doc[k].is_space and "\n" not in doc[k].text:
            k -= 1
        if k >= 0 and is_quote_mark(doc[k]) and doc[k].idx in mark_of_close:
            return mark_of_close[doc[k].idx]
        if is_punct(doc[j]):
            return None
        j -= 1
    return None


def _quote_then_speaker(doc: Doc, comma: int, start: int, mark_of_close: dict[int, int]) -> tuple[int, int] | None:
    """„…,” Quina Jones, 25, said: (quote index, first token after the quote) when a closing mark
    is followed by a short speaker phrase with an apposition before the cue."""
    for j in range(comma - 1, max(start, comma - 30) - 1, -1):
        t = doc[j]
        if is_quote_mark(t):
            if t.idx in mark_of_close and j + 1 < comma:
                return mark_of_close[t.idx], j + 1
            return None
    return None


def _units(doc: Doc) -> list[Span]:
    """Sentences, further cut at paragraph breaks (titles often lack a final period)."""
    out: list[Span] = []
    for sent in doc.sents:
        s = sent.start
        for t in sent:
            if "\n" in t.text and t.is_space:
                if t.i > s:
                    out.append(doc[s : t.i])
                s = t.i + 1
        if s < sent.end:
            out.append(doc[s : sent.end])
    return out


def _finite(t: Token) -> bool:
    """A finite verb form (the future's "vor" has a person, not a VerbForm)."""
    return t.pos_ in {"VERB", "AUX"} and ("Fin" in t.morph.get("VerbForm") or bool(t.morph.get("Person")))


def _title_speaks(doc: Doc, colon: int, title_tokens: list[Token], text: str, lex: Lexicon, parsed: bool,
                  lang: str) -> bool:
    """Whether a headline "X: Y" gives X's words.  Not when X holds a finite verb ("Devine
    oficial: …", "Cura financiară nu e bună: …", "Facturile EXPLODEAZĂ: …" — a word in capitals
    is read in lower case, where the tagger knows it), nor when X labels rather than speaks
    (:func:`_headline_label`), nor when Y says nothing — no finite verb — unless a person or a
    role opens X ("Codul lui Hammurabi: Istoria primelor legi", "Alertă meteo: Cod galben …",
    "Cuba: Incendiu …" are headlines; "Daniel Cadariu: Situația …, o provocare" is his statement);
    and X must hold something that can speak: a name, an entity, a role or a pronoun."""
    head = doc[0:colon]

    def verb(t: Token) -> bool:  # before the colon a perfect's auxiliary alone is no verb: "Expertiza FBI a decis: …"
        return t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm")

    if any(lex.is_verb(key(t), "") or (parsed and verb(t) and not t.text.isupper()) for t in head):
        return False
    caps = [t.i - head.start for t in head if t.text.isupper() and len(t.text) > 3 and _known_word(t.text.lower(), lang)]
    if parsed and caps:
        from cronicar.analyze.nlp import get_nlp

        low = get_nlp(lang)(head.text.lower())
        if len(low) == len(head) and any(verb(low[i]) for i in caps):
            return False
    if _headline_label(doc, colon, text, lang):
        return False
    if parsed and len(head) > 1 and not any(
            t.pos_ == "PROPN" or t.ent_type_ or is_role(t, lex) or key(t) in lex.pronouns for t in head):
        # "Performanțe istorice: România a câștigat …": nothing before the colon can speak (one word
        # stays a speaker: "Firea: …" is a surname the tagger may read as a noun)
        return False
    return not parsed or _person_heads(doc[0], lex) or any(_finite(t) for t in title_tokens[colon + 1:])


def _known_word(word: str, lang: str) -> bool:
    """A word of the language's dictionary ("explodează"), not an acronym ("apapr")."""
    import simplemma

    try:
        return simplemma.is_known(word, lang=lang)
    except (ValueError, KeyError):
        return False


def _person_heads(tok: Token, lex: Lexicon) -> bool:
    """Whether a headline opens with a person's name or a role noun ("Daniel Cadariu: …",
    "Ministrul Sănătății Alexandru Rafila: …")."""
    return (tok.pos_ == "PROPN" and tok.ent_type_ in {"PERSON", "PER"}) or is_role(tok, lex)


def _headline_label(doc: Doc, colon: int, text: str, lang: str) -> bool:
    """A headline's part before the colon that labels, not speaks: one opening with an all-caps
    word of the language ("TRAGEDII: …", "BREAKING: …"; acronyms like "BNR", "OCDE" are no
    words), one whose first name follows a preposition ("Bătaie la un mall din Baia Mare: …"), or
    a dateline city ("Cluj: …"; a capital may stand for its government: "Moscova: …")."""
    from cronicar.analyze.entities import government_of
    from cronicar.analyze.places import city_aliases

    head = text[doc[0].idx : doc[colon].idx].strip()
    first = doc[0].text
    if first.isupper() and len(first) >= 5:
        import simplemma

        low = first.lower()
        if any(simplemma.is_known(low, lang=lg) for lg in dict.fromkeys((lang, "en"))):
            return True  # "TRAGEDII în lanț în Bulgaria: …"
    name = next((t.i for t in doc[1:colon] if t.pos_ == "PROPN"), None) if doc[0].pos_ not in {"PROPN"} else None
    if name is not None and doc[name - 1].pos_ == "ADP" and not any(t.pos_ == "PROPN" for t in doc[0:name]):
        return True  # "Bătaie la un mall din Baia Mare: …": the name is where, not who
    return (doc[0].ent_type_ in {"GPE", "LOC"} and head.lower() in city_aliases()
            and government_of(head, lang) is None)


_COORDINATORS = frozenset({"dar", "iar", "și", "însă", "ci"})  # Romanian: the repairs need a parse
_RELATIVES = frozenset({"care"})


def _repair_mentions(doc: Doc, lex: Lexicon, parsed: bool, recs: list[_Rec]) -> None:
    """Mentions the clause-level rules get wrong, put right with what the other records show.

    - An adverbial names no one ("Per ansamblu, se estimează că…"): the previous speaker speaks.
    - A leading connective is no part of the speaker ("Iar specialiștii spun…").
    - A cue coordinated after "dar"/"iar"/"și" without its own subject shares the first cue's
      speaker: "Profesorul a recunoscut că gălăgia l-ar fi enervat, dar susține că…" — a mention
      found inside another record's content ("gălăgia") is that record's speaker's.
    - A relative "care" speaks for the name before it ("ministrului Petre Daea, care a anunțat că").
    - A noun in the dative after the verb is who was told, not who spoke ("MAE a solicitat
      autorităților competente…"): the verb's subject speaks, else the previous speaker.
    """
    if not parsed:
        return
    for r in recs:
        m = r.mention
        if m is None or r.inherit or r.prep:
            continue
        if doc[m.start].pos_ == "ADP" or key(doc[m.start]) in _ADVERBIAL_STARTS:
            # "Per ansamblu, se estimează că…": an adverbial before an impersonal cue names no one;
            # the statement is the previous speaker's, as for a cue without a subject
            r.mention = None
            continue
        n = match_seq(doc, m.start, lex.connectives, m.end)
        if 0 < n < m.end - m.start:
            m = Mention(m.start + n, m.end)
        r.mention = m
        cue = doc.char_span(r.cue[0], r.cue[1], alignment_mode="expand") if r.cue else None
        if cue is None:
            continue
        if cue.start > 0 and key(doc[cue.start - 1]) in _COORDINATORS:
            ms, me = m.span(doc)
            host = next((o for o in recs if o is not r and o.mention is not None and o.cue is not None
                         and o.cue[0] < r.cue[0] and o.content[0] <= ms and me <= o.content[1]), None)
            if host is not None:
                r.mention = host.mention
                continue
        if m.end - m.start == 1 and key(doc[m.start]) in _RELATIVES:
            j = m.start - 1
            while j >= cue.sent.start and not (doc[j].pos_ == "PROPN" and is_name(doc[j], lex, parsed)):
                j -= 1
            if j >= cue.sent.start:
                k = j
                while k - 1 >= cue.sent.start and doc[k - 1].pos_ == "PROPN":
                    k -= 1
                r.mention = Mention(k, j + 1)
            else:
                r.mention = None
            continue
        if m.start >= cue.end:
            head = next((t for t in doc[m.start:m.end] if t.pos_ in {"NOUN", "PROPN"}), None)
            case = head.morph.get("Case") if head is not None else []
            # a common noun (names take no case ending: "i-a spus Choe Son Hui lui Lavrov"), the
            # verb's indirect object (not "comunicatul … al Forțelor"), no addressee found already
            if "Dat" in case and "Nom" not in case and head.dep_ == "iobj" and head.pos_ == "NOUN" \
                    and r.addressee is None:
                subj = next((c for c in doc[cue.end - 1].head.children if c.dep_ == "nsubj" and c.i < cue.start), None) \
                    if doc[cue.end - 1].dep_ != "nsubj" else None
                r.addressee = m
                r.mention = Mention(subj.left_edge.i, subj.i + 1) if subj is not None else None
                if r.mention is None:
                    r.inherit = True


def _attribute(ctx: Context, doc: Doc, lex: Lexicon, parsed: bool, recs: list[_Rec]) -> list[Quote]:
    """Canonical speakers (coreference), inheritance for cue-less quotes, dates."""
    _repair_mentions(doc, lex, parsed, recs)
    places = frozenset((m.start, m.end) for m in ctx.entities if m.label in {"GPE", "LOC"})
    resolver = Resolver(doc, lex, parsed, places=places)
    order = sorted(range(len(recs)), key=lambda i: recs[i].anchor)
    last: _Rec | None = None
    for i in order:
        r = recs[i]
        if r.mention is not None and not r.inherit:
            nm = name_part(doc, r.mention, lex, parsed)
            speaker, person = resolver.resolve(r.mention, nm)
            if speaker and (r.prep or (
                parsed and speaker == doc[nm.start : nm.end].text and "Gen" in "".join(doc[nm.start].morph.get("Case"))
            )):
                speaker = nominative(speaker)  # "potrivit Coreii", "în comunicatul Forțelor Navale"
            r.mention = nm
            r.speaker, r.person = speaker, person
            if speaker is None and r.mention is not None and key(doc[r.mention.start]) in lex.pronouns and last:
                r.speaker, r.person = last.speaker, last.person
            resolver.remember(r.anchor, r.speaker, r.person)
            last = r
        else:
            r.inherit = True
            if last is not None:
                r.mention, r.speaker, r.person = last.mention, last.speaker, last.person
    # Title quotes before any speaker: the closest following statement's speaker.
    for i in reversed(order):
        r = recs[i]
        if r.inherit and r.speaker is None:
            nxt = next((recs[j] for j in order if recs[j].anchor > r.anchor and recs[j].speaker), None)
            if nxt is not None:
                r.mention, r.speaker = nxt.mention, nxt.speaker
    _expand_acronyms(ctx, recs)
    resolve_cited(recs, lex.cited)
    _spell_with_diacritics(ctx, recs)
    out: list[Quote] = []
    seen: set[tuple[str, tuple[int, int], str | None]] = set()
    for r in recs:
        k = (r.kind, r.content, r.speaker)
        if k in seen:
            continue
        if r.cue is None and r.speaker is None and r.mention is None:
            continue  # a quotation nobody in the article can be said to have made
        seen.add(k)
        media = r.media
        out.append(
            Quote(
                kind=r.kind,
                content=r.content,
                cue=r.cue,
                speaker_mention=r.mention.span(doc) if r.mention is not None else None,
                speaker=r.speaker,
                addressee=resolver.fullest(doc[r.addressee.start : r.addressee.end].text) if r.addressee else None,
                media_source=media,
                when=_when(ctx, doc, r),
            )
        )
    return out


def _expand_acronyms(ctx: Context, recs: list[_Rec]) -> None:
    """Speakers written as an acronym take the full name the article (or the gazetteer, when the
    article writes it) gives: one source, not two, for "FMI" and "Fondul Monetar Internațional"."""
    if not any(r.speaker and r.speaker.isupper() for r in recs):
        return
    defined = defined_acronyms(ctx.text)
    for r in recs:
        r.speaker = full_name(r.speaker, ctx.text, ctx.lang, defined)


def _spell_with_diacritics(ctx: Context, recs: list[_Rec]) -> None:
    """"Marius Budai" where the article also writes "Marius Budăi": the spelling with diacritics."""
    if not any(r.speaker and r.speaker.isascii() for r in recs):
        return
    spellings = diacritic_spellings(ctx.text)
    for r in recs:
        if r.speaker and r.speaker.isascii():
            r.speaker = with_diacritics(r.speaker, spellings)


def _present_cue(doc: Doc, cue: tuple[int, int], lang: str) -> bool:
    """Whether the cue's verb (its last word: "will say") is in the simple present."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    return bool(words) and simple_present(words[-1], lang)


def _when(ctx: Context, doc: Doc, r: _Rec) -> dict | None:
    """The date of the statement: a timex in the cue's sentence outside the quoted words (nearest to
    the cue; right next to it when the cue is in the simple present), else the DCT."""
    pos = r.cue[0] if r.cue else r.content[0]
    sent = doc[min(r.anchor, len(doc) - 1)].sent
    s, e = sent.start_char, sent.end_char
    best = None
    present = bool(r.cue) and not r.prep and _present_cue(doc, r.cue, ctx.lang)  # type: ignore[arg-type]
    for t in ctx.timexes or []:
        if present and not adjacent(r.cue, (t.start, t.end)):  # type: ignore[arg-type]
            continue  # only a date right at a present cue is its own ("declară marți", "says Monday")
        if s <= t.start < e and t.interval and t.type in {"DATE", "TIME"} and not (r.content[0] <= t.start < r.content[1]):
            if best is None or abs(t.start - pos) < abs(best.start - pos):
                best = t
    if best is not None:
        return {"value": best.value, "interval": list(best.interval)}
    if ctx.dct is None:
        return None
    return {"value": ctx.dct.iso, "interval": list(map(str, ctx.dct.interval))}
