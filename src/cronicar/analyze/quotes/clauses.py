"""What was said: where a reported clause starts and ends, and which quotation sits next to a cue.

Stateless helpers of the quote passes: English clauses reported without 'that' ("said he
would"), postposed subjects ("…, a source said."), quotes closing right before a speaker, and the
sentence units the passes walk.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from cronicar.analyze.quotes.indirect import Cue
from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.speakers import Mention
from cronicar.analyze.quotes.tokens import is_capitalized, is_punct, is_quote_mark, is_that, key, lemma, match_seq
from cronicar.analyze.quotes.words import W


RELATIVES = W.relative_pronouns  # a relative pronoun right before a cue: the cue is inside a relative clause


CLAUSE_BREAK = {",", ".", ";", ":", "!", "?", "(", ")", "—", "–"}


# Words between a speech verb and a later "that" ("said during a rally in Michigan that"); 8, not
# 5, measured on ro-dev and PolNeAR dev (docs/quotes.md, Evaluation).
THAT_REACH = 8


# Words between the clause's first word and its finite verb (the window measured on PolNeAR dev:
# docs/quotes.md, Evaluation).
ZERO_THAT_WINDOW = 12


def zero_that(doc: Doc, j: int, end: int, lex: Lexicon, quoted: list[bool]) -> int | None:
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
    if j + 1 < end and lex.pronouns.get(key(first)) in {"m", "f", "n"} and key(doc[j + 1]).endswith(W.present_suffixes) \
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
        if t.text in CLAUSE_BREAK or quoted[k] or is_quote_mark(t) or is_that(t) or key(t) in lex.subordinators:
            return None  # "said Dan Golvach when asked about…": the verb is in another clause
        if key(t) in lex.finite or (lex.past_suffix and key(t).endswith(lex.past_suffix) and len(t.text) > 4
                                    and (key(doc[k - 1]) not in lex.openers or key(doc[k - 1]) in lex.subjects)
                                    and t.text.islower()):
            return j  # "the campaign planned": a past tense after the subject ("the injured" is not)
    return None


def after_time(doc: Doc, j: int, end: int, in_timex: list[bool]) -> int:
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


def zero_that_end(doc: Doc, j: int, end: int, lex: Lexicon, mark_of_open: dict[int, int]) -> int:
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


def postposed_subject(doc: Doc, mention: Mention, cue: Cue, sent: Span, lex: Lexicon,
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
    if len(rest) > 5 or any(is_that(t) or is_quote_mark(t) or key(t) in lex.finite for t in rest):
        return None
    if zero_that(doc, cue.end, sent.end, lex, quoted) is not None:
        return None
    return comma


def is_gerund_cue(doc: Doc, i: int, lex: Lexicon, parsed: bool) -> bool:
    """", sugerând că…" after a postposed cue: a second speech act, not the rest of the sentence."""
    if i >= len(doc):
        return False
    t = doc[i]
    if not lex.is_verb(key(t), lemma(t) if parsed else ""):
        return False
    return (parsed and t.morph.get("VerbForm") == ["Ger"]) or key(t).endswith(W.gerund_suffixes)


def closing_before(doc: Doc, i: int, mark_of_close: dict[int, int], slack: int = 4) -> int | None:
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


def quote_then_speaker(doc: Doc, comma: int, start: int, mark_of_close: dict[int, int]) -> tuple[int, int] | None:
    """„…,” Quina Jones, 25, said: (quote index, first token after the quote) when a closing mark
    is followed by a short speaker phrase with an apposition before the cue."""
    for j in range(comma - 1, max(start, comma - 30) - 1, -1):
        t = doc[j]
        if is_quote_mark(t):
            if t.idx in mark_of_close and j + 1 < comma:
                return mark_of_close[t.idx], j + 1
            return None
    return None


def sentence_units(doc: Doc) -> list[Span]:
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
