"""The one state the quote passes share: the article's quotation marks, token lookups and the
records found so far.

Every pass of :func:`cronicar.analyze.quotes.extract` reads and extends one :class:`QuoteState`;
nothing else is shared between them.  The ``add_*`` methods hold the rules that decide, when a
cue has found its content, whether that content is one quotation (a direct record) or a clause
(an indirect record), because every pass needs the same decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from cronicar.analyze.context import Context
from cronicar.analyze.quotes.direct import Marked, find_marked, is_title
from cronicar.analyze.quotes.indirect import Cue, strip_edges
from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.speakers import Mention
from cronicar.analyze.quotes.subjects import outlet_name, plausible_speaker
from cronicar.analyze.quotes.tokens import is_quote_mark, plain_text


@dataclass
class Record:
    """One statement found by a pass, before its speaker is made canonical."""

    kind: str  # direct | indirect
    content: tuple[int, int]  # chars
    cue: tuple[int, int] | None  # chars
    mention: Mention | None
    anchor: int  # token used for ordering/recency
    prep: bool = False  # introduced by a preposition ("potrivit X"), not a verb
    media: str | None = None
    inherit: bool = False  # speaker taken from the previous statement
    speaker: str | None = None
    person: bool = False
    sent: int = 0
    addressee: Mention | None = None


@dataclass
class QuoteState:
    """What the passes know about one article; built once by :func:`new_state`."""

    ctx: Context
    doc: Doc
    text: str
    lex: Lexicon
    parsed: bool
    marks: list[Marked]
    titles: set[int]  # marks that name a work ("filmul „…”"), never something said
    quoted: list[bool]  # per token: inside a quotation
    in_timex: list[bool]  # per token: part of a DATE or TIME expression
    mark_of_open: dict[int, int]  # char of an opening mark -> mark index
    mark_of_close: dict[int, int]  # char of a closing mark -> mark index
    tok_at: dict[int, int]  # char where a token starts -> token index
    sents: list[Span]
    used: set[int] = field(default_factory=set)  # marks a record claimed
    recs: list[Record] = field(default_factory=list)
    addr_of: dict[int, Mention] = field(default_factory=dict)  # cue head -> addressee ("i-a spus X lui [Y]")
    title_end: int = -1  # char of the first paragraph break
    title_tokens: list[Token] = field(default_factory=list)  # the headline's tokens (a short first paragraph)
    title_colon: int | None = None  # token of the colon in a headline "Vorbitor: enunț"
    title_speaker: int = 0  # first token of that headline's speaker part (a later title sentence's)

    def tok_span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens ``[a, b)``."""
        doc = self.doc
        return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])

    def marks_between(self, a_char: int, b_char: int) -> list[int]:
        """Marks wholly inside ``[a_char, b_char)``."""
        return [k for k, m in enumerate(self.marks) if a_char <= m.open and m.close < b_char]

    def overlaps(self, cs: int, ce: int) -> bool:
        return any(r.content[0] < ce and cs < r.content[1] for r in self.recs)

    def quote_after(self, i: int, limit: int) -> int | None:
        """Index of the quote whose opening mark is at token i (or i+1 after a comma/colon)."""
        doc = self.doc
        for j in (i, i + 1):
            if j < limit and j < len(doc) and is_quote_mark(doc[j]) and doc[j].idx in self.mark_of_open:
                return self.mark_of_open[doc[j].idx]
        return None

    def add_direct(self, k: int, cue: Cue | None, mention: Mention | None, anchor: int, si: int,
                   inherit: bool = False) -> None:
        """Mark ``k`` as a direct quote, unless a record has it already or it names a work."""
        if k in self.used or k in self.titles:
            return
        self.used.add(k)
        m = self.marks[k]
        self.recs.append(Record("direct", (m.start, m.end), self.tok_span(cue.start, cue.end) if cue else None,
                                mention, anchor, inherit=inherit or mention is None, sent=si))

    def add_indirect(self, s: int, e: int, cue: Cue, mention: Mention | None, si: int, prep: bool = False,
                     outer: bool = False) -> None:
        """Tokens ``[s, e)`` as what ``cue`` reports; a content that is one quotation becomes a
        direct record instead.  ``outer``: the cue comes after its content, so a record already
        inside it (an inner source) may win."""
        s, e = strip_edges(self.doc, s, e, self.lex)
        if self.title_colon is not None and s <= self.title_colon < e:
            s, e = strip_edges(self.doc, self.title_colon + 1, e, self.lex)
        if e <= s:
            return
        cs, ce = self.tok_span(s, e)
        if outer and overlaps_lose(self, cs, ce, si, mention):
            return
        if self._whole_quote(s, cs, ce, cue, mention, prep, si):
            return
        self.used.update(self.marks_between(cs, ce + 1))
        if e - s < 2:
            return
        self.recs.append(Record("indirect", (cs, ce), self.tok_span(cue.start, cue.end), mention, cue.head, prep,
                                sent=si))

    def _whole_quote(self, s: int, cs: int, ce: int, cue: Cue, mention: Mention | None, prep: bool,
                     si: int) -> bool:
        """Add a direct record when content ``[cs, ce)`` is one quotation (only connectives outside);
        a short opening fragment ("„din păcate” consumul este încurajat…") stays mixed (indirect)."""
        marks = self.marks
        starting = [k for k, m in enumerate(marks) if cs - 1 <= m.open <= cs and m.close >= ce - 2]
        # a quote that closes well before the content ends is a fragment of mixed quotation
        if starting and not marks[starting[0]].close < ce - 2:
            k = starting[0]  # the content opens with a quote that runs to (or past) its end
        else:
            inner = self.marks_between(cs, ce + 1)
            if not (inner and marks[inner[0]].open <= cs + 1
                    and (len(inner) == 1 or marks[inner[-1]].close >= ce - 2)
                    and (marks[inner[0]].close >= ce - 2 or len(inner) == 1 and is_quote_mark(self.doc[s])
                         and 2 * (marks[inner[0]].close - marks[inner[0]].open) >= ce - cs)):
                return False
            k = inner[0]
        m = marks[k]
        self.used.add(k)
        self.recs.append(Record("direct", (m.start, m.end), self.tok_span(cue.start, cue.end), mention, cue.head,
                                prep, sent=si))
        return True


def overlaps_lose(st: QuoteState, cs: int, ce: int, si: int, outer: Mention | None = None) -> bool:
    """A postposed cue's content ``[cs, ce)`` that overlaps records already found: the inner
    source wins ("Experții spun că…, a raportat CFR": True, nothing added) unless it cannot speak
    ("Bombardamentele arată „…”, a declarat Grossi": the inner records are dropped, False).
    An outlet as the outer cue's subject ("…, a declarat una dintre surse, relatează G4Media.ro")
    only relays: the inner source always wins and the outlet is its ``media``."""
    if not st.overlaps(cs, ce):
        return False
    clash = [r for r in st.recs if r.content[0] < ce and cs < r.content[1]]
    outlet = outlet_name(st.doc, outer, st.lex)
    if outlet is not None and all(r.sent == si and r.mention is not None for r in clash):
        for r in clash:
            r.media = r.media or outlet
        return True
    if any(r.sent != si or plausible_speaker(st.doc, r.mention, st.lex, st.parsed) for r in clash):
        return True
    for r in clash:
        st.recs.remove(r)
        if r.kind == "direct":
            st.used.difference_update(k for k, m in enumerate(st.marks) if (m.start, m.end) == r.content)
    return False


def new_state(ctx: Context, doc: Doc, lex: Lexicon, sents: list[Span]) -> QuoteState:
    """The marks of the article and the per-token lookups every pass uses."""
    text = ctx.text
    marks = find_marked(text)
    st = QuoteState(
        ctx=ctx, doc=doc, text=text, lex=lex, parsed=ctx.parsed, marks=marks,
        titles={k for k, m in enumerate(marks) if is_title(text[m.start : m.end])},  # named, not said
        quoted=_quoted_tokens(doc, marks), in_timex=_timex_tokens(ctx, doc),
        mark_of_open={m.open: k for k, m in enumerate(marks)},
        mark_of_close={m.close: k for k, m in enumerate(marks)},
        tok_at={t.idx: t.i for t in doc}, sents=sents,
    )
    plain_text(doc, text)  # once per article, from the text at hand
    return st


def _quoted_tokens(doc: Doc, marks: list[Marked]) -> list[bool]:
    """Per token: strictly between a quote's opening and closing marks (marks are sorted)."""
    quoted = [False] * len(doc)
    mi = 0
    for t in doc:
        while mi < len(marks) and marks[mi].close < t.idx:
            mi += 1
        if mi < len(marks) and marks[mi].open < t.idx < marks[mi].close:
            quoted[t.i] = True
    return quoted


def _timex_tokens(ctx: Context, doc: Doc) -> list[bool]:
    """Tokens of a date or time ("said Friday he met", "said on Tuesday they would"): an adjunct
    of the speech verb, skipped before a clause reported without 'that'; a mention made of them
    is nobody."""
    in_timex = [False] * len(doc)
    for tx in ctx.timexes:
        if tx.type in {"DATE", "TIME"}:
            for t in doc.char_span(tx.start, tx.end, alignment_mode="expand") or []:
                in_timex[t.i] = True
    return in_timex
