"""Attribution: from the records the passes found to :class:`~cronicar.model.Quote` objects.

Mentions the clause rules get wrong are repaired with what the other records show, speakers
become canonical by article-wide coreference (:mod:`.coref`), cue-less quotes inherit the
previous speaker, acronyms and spellings without diacritics take the article's fullest form, and
each statement gets its date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from cronicar.analyze.context import Context
from cronicar.analyze.quotes.acronyms import defined_acronyms, full_name
from cronicar.analyze.quotes.coref import Resolver, nominative
from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.speaker_names import diacritic_spellings, resolve_cited, with_diacritics
from cronicar.analyze.quotes.speakers import Mention, name_part, np_after
from cronicar.analyze.quotes.subjects import outlet_name
from cronicar.analyze.quotes.state import Record
from cronicar.analyze.quotes.tokens import is_name, is_role, key, match_seq, number
from cronicar.analyze.tense import adjacent, simple_present
from cronicar.model import Quote
from cronicar.analyze.quotes.words import W

#: words that open an adverbial, never a speaker (the parser tags "Per" in "Per ansamblu" a noun)
_ADVERBIAL_STARTS = W.adverbial_starts


_COORDINATORS = W.coordinators  # the repairs need a parse


_RELATIVES = W.subject_relatives


def _repair_mentions(doc: Doc, lex: Lexicon, parsed: bool, recs: list[Record]) -> None:
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
        if cue.start > 0 and key(doc[cue.start - 1]) in _COORDINATORS and _share_host_speaker(r, m, doc, recs):
            continue
        if m.end - m.start == 1 and key(doc[m.start]) in _RELATIVES:
            r.mention = _relative_antecedent(doc, m, cue, lex, parsed)
            continue
        if m.start >= cue.end:
            _dative_is_addressee(doc, r, m, cue)
        _quoted_by_outlet(doc, r, lex, parsed)
        _people_of_an_organisation(doc, r, lex, parsed)


def _plural_role(k: str, lex: Lexicon) -> bool:
    """"analiștii", "experții": a plural whose stem, its last consonants restored (ș -> s, ț -> t:
    ``plural_alternations``), is a role of the lexicon."""
    back = {ord(pair[0]): pair[1] for pair in W.plural_alternations}
    for suf in sorted(W.plural_role_endings, key=len, reverse=True):
        stem = k[: -len(suf)] if k.endswith(suf) and len(k) > len(suf) + 2 else ""
        if stem and (stem in lex.roles or stem[:-2] + stem[-2:].translate(back) in lex.roles):
            return True
    return False


def _people_of_an_organisation(doc: Doc, r: Record, lex: Lexicon, parsed: bool) -> None:
    """"Analiştii de la ING Bank estimează", "scriu economiştii de la grupul austriac Erste": a
    plural role whose people work at a named organisation speaks for it (the fresh gold's call: a
    collective voice is its organisation); "Analiştii" alone stays as written."""
    m = r.mention
    if m is None or m.end - m.start > 2 or m.start + 3 >= len(doc):
        return
    head, at = doc[m.start], m.start + 1  # the phrase may already hold the "de" ("Analiştii de")
    if number(head) != "pl" or not (is_role(head, lex) or _plural_role(key(head), lex)):
        return
    if key(doc[at]) not in W.np_links or key(doc[at + 1]) not in W.people_org_preps:
        return
    sent_end = head.sent.end
    e = at + 2
    while e < min(sent_end, at + 7) and (doc[e].is_alpha or key(doc[e]) == "-") and not (
            doc[e].pos_ in {"VERB", "AUX"} and not doc[e].text[:1].isupper()):
        e += 1
    name_end = max((x + 1 for x in range(at + 2, e) if doc[x].text[:1].isupper()), default=None)
    if name_end is not None:
        r.mention = Mention(at + 2, name_end)


def _quoted_by_outlet(doc: Doc, r: Record, lex: Lexicon, parsed: bool) -> None:
    """"…, a declarat TASS, citându-l pe șeful serviciului de salvare al ministerului": an outlet
    that quotes someone is the channel; the one quoted speaks (guidelines §2: the innermost
    source)."""
    m = r.mention
    media = outlet_name(doc, m, lex) if m is not None else None
    if m is None or media is None or m.end + 2 >= len(doc) or doc[m.end].text != ",":
        return
    if key(doc[m.end + 1]) not in W.quoting_gerunds:
        return
    j = m.end + 2
    while j < len(doc) and doc[j].text.startswith("-"):
        j += 1  # the clitic ("citându-l")
    if j >= len(doc) or key(doc[j]) not in W.object_markers:
        return  # "citând un purtător de cuvânt", "citând surse": kept as before (the outlet speaks)
    j += 1
    inner = np_after(doc, j, doc[m.start].sent.end, lex, parsed) if j < len(doc) else None
    if inner is not None and outlet_name(doc, inner, lex) is None:
        r.mention, r.media = inner, r.media or media


def _share_host_speaker(r: Record, m: Mention, doc: Doc, recs: list[Record]) -> bool:
    """A coordinated cue whose mention lies inside an earlier record's content takes that
    record's speaker; whether it did."""
    ms, me = m.span(doc)
    host = next((o for o in recs if o is not r and o.mention is not None and o.cue is not None
                 and o.cue[0] < r.cue[0] and o.content[0] <= ms and me <= o.content[1]), None)  # type: ignore[index]
    if host is None:
        return False
    r.mention = host.mention
    return True


def _relative_antecedent(doc: Doc, m: Mention, cue: Span, lex: Lexicon, parsed: bool) -> Mention | None:
    """The name a relative "care" stands for: the closest proper-name run before it in the
    cue's sentence (none: no mention)."""
    j = m.start - 1
    while j >= cue.sent.start and not (doc[j].pos_ == "PROPN" and is_name(doc[j], lex, parsed)):
        j -= 1
    if j < cue.sent.start:
        return None
    k = j
    while k - 1 >= cue.sent.start and doc[k - 1].pos_ == "PROPN":
        k -= 1
    return Mention(k, j + 1)


def _dative_is_addressee(doc: Doc, r: Record, m: Mention, cue: Span) -> None:
    """A mention after the verb headed by a common noun in the dative, the verb's indirect object
    (not "comunicatul … al Forțelor"; names take no case ending: "i-a spus Choe Son Hui lui
    Lavrov"), is who was told: the verb's subject before it speaks, else the previous speaker."""
    head = next((t for t in doc[m.start:m.end] if t.pos_ in {"NOUN", "PROPN"}), None)
    case = head.morph.get("Case") if head is not None else []
    if not ("Dat" in case and "Nom" not in case and head.dep_ == "iobj" and head.pos_ == "NOUN"  # type: ignore[union-attr]
            and r.addressee is None):
        return
    subj = next((c for c in doc[cue.end - 1].head.children if c.dep_ == "nsubj" and c.i < cue.start), None) \
        if doc[cue.end - 1].dep_ != "nsubj" else None
    r.addressee = m
    r.mention = Mention(subj.left_edge.i, subj.i + 1) if subj is not None else None
    if r.mention is None:
        r.inherit = True


def attribute(ctx: Context, doc: Doc, lex: Lexicon, parsed: bool, recs: list[Record]) -> list[Quote]:
    """Canonical speakers (coreference), inheritance for cue-less quotes, dates."""
    _repair_mentions(doc, lex, parsed, recs)
    places = frozenset((m.start, m.end) for m in ctx.entities if m.label in {"GPE", "LOC"})
    resolver = Resolver(doc, lex, parsed, places=places)
    order = sorted(range(len(recs)), key=lambda i: recs[i].anchor)
    _resolve_in_order(doc, lex, parsed, recs, order, resolver, ctx.text)
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
    return _quotes(ctx, doc, recs, resolver)


def _resolve_in_order(doc: Doc, lex: Lexicon, parsed: bool, recs: list[Record], order: list[int],
                      resolver: Resolver, text: str) -> None:
    """In text order: a record with a mention gets its canonical speaker (a pronoun nobody
    resolves: the previous speaker); one without inherits the previous record's speaker."""
    last: Record | None = None
    for i in order:
        r = recs[i]
        if _hearsay(doc, r, lex) and not _same_paragraph(doc, last, r):
            # "Se spune că…", "se crede că…": what people say or believe, nobody in particular
            # (guidelines §6: null), not an adverbial before the cue nor a statement paragraphs
            # back; right after a statement of its paragraph it goes on reporting that source
            # ("Andreas Treichl a declarat că… Per ansamblu, se estimează că…")
            r.mention, r.speaker, r.person, r.inherit = None, None, False, False
            continue
        if r.mention is not None and not r.inherit:
            nm = name_part(doc, r.mention, lex, parsed)
            resolver.follows_statement = _follows(doc, text, last, r)
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


def _follows(doc: Doc, text: str, prev: Record | None, r: Record) -> bool:
    """Whether ``r`` (its content, cue or mention, whichever comes first) follows the statement
    ``prev`` with nothing but punctuation and spaces between them."""
    if prev is None or r.mention is None:
        return False
    end = max(prev.content[1], prev.cue[1] if prev.cue else 0,
              doc[prev.mention.end - 1].idx + len(doc[prev.mention.end - 1]) if prev.mention else 0)
    start = min(r.content[0], r.cue[0] if r.cue else r.content[0], doc[r.mention.start].idx)
    return end <= start and not any(ch.isalnum() for ch in text[end:start])  # the article's text: doc.text is rebuilt


def _same_paragraph(doc: Doc, prev: Record | None, r: Record) -> bool:
    """Whether the statement ``prev`` ends in the paragraph where ``r``'s cue is."""
    if prev is None or r.cue is None or prev.content[1] > r.cue[0]:
        return False
    return "\n" not in doc.text[prev.content[1] : r.cue[0]]


def _hearsay(doc: Doc, r: Record, lex: Lexicon) -> bool:
    """The cue is an impersonal reflexive of a hearsay verb ("Se spune", "se mai crede",
    "Se estimează": ``hearsay`` lines of ``lang/<code>/quotes_cues.txt``)."""
    if not lex.hearsay or r.cue is None or r.prep:
        return False
    cue = doc.char_span(r.cue[0], r.cue[1], alignment_mode="expand")
    if cue is None or len(cue) < 2 or key(cue[0]) not in W.reflexives:
        return False
    verb = cue[-1]
    return key(verb) in lex.hearsay or verb.lemma_.lower() in lex.hearsay


def _quotes(ctx: Context, doc: Doc, recs: list[Record], resolver: Resolver) -> list[Quote]:
    """One :class:`Quote` per record, without duplicates (same kind, content and speaker) and
    without quotations nobody in the article can be said to have made."""
    out: list[Quote] = []
    seen: set[tuple[str, tuple[int, int], str | None]] = set()
    for r in recs:
        k = (r.kind, r.content, r.speaker)
        if k in seen:
            continue
        if r.cue is None and r.speaker is None and r.mention is None:
            continue
        seen.add(k)
        out.append(
            Quote(
                kind=r.kind,
                content=r.content,
                cue=r.cue,
                speaker_mention=r.mention.span(doc) if r.mention is not None else None,
                speaker=r.speaker,
                addressee=resolver.fullest(doc[r.addressee.start : r.addressee.end].text) if r.addressee else None,
                media_source=r.media,
                when=_when(ctx, doc, r),
            )
        )
    return out


def _expand_acronyms(ctx: Context, recs: list[Record]) -> None:
    """Speakers written as an acronym take the full name the article (or the gazetteer, when the
    article writes it) gives: one source, not two, for "FMI" and "Fondul Monetar Internațional"."""
    if not any(_acronym_led(r.speaker) for r in recs):
        return
    defined = defined_acronyms(ctx.text)
    done: dict[str, str | None] = {}  # one look through the text per speaker, not per record
    for r in recs:
        if _acronym_led(r.speaker):
            if r.speaker not in done:
                full = full_name(r.speaker, ctx.text, ctx.lang, defined)
                done[r.speaker] = nominative(full) if full != r.speaker else full  # "Ministerului Afacerilor Externe"
            r.speaker = done[r.speaker]


def _acronym_led(speaker: str | None) -> bool:
    """Whether a speaker opens on an acronym ("MAE", "IPJ Arad"); a speaker of blanks only (a
    quote mark or a line break taken as a name on a political page) has no first word."""
    words = speaker.split() if speaker else []
    return bool(words) and words[0].isupper()


def _spell_with_diacritics(ctx: Context, recs: list[Record]) -> None:
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


def _when(ctx: Context, doc: Doc, r: Record) -> dict | None:
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
