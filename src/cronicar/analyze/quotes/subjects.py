"""Who speaks: the rules that find a statement's speaker phrase around its cue.

Each function reads the parse (or, for text without a parser, the words alone) around one cue
and returns a :class:`Mention` of the speaker, or tells whether a phrase can speak at all.  They
hold no state: the passes of :mod:`cronicar.analyze.quotes` call them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from cronicar.analyze.quotes.indirect import Cue
from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.speakers import Mention, name_part, np_after, np_before, parse_subject
from cronicar.analyze.quotes.tokens import (
    FUNCTION_CAPS,
    is_capitalized,
    is_name,
    is_punct,
    is_quote_mark,
    is_role,
    key,
    lemma,
    match_seq,
)
from cronicar.analyze.quotes.words import W


def in_relative(t: Token, lo: int, hi: int) -> bool:
    """Whether ``t`` lies in a clause that modifies a noun of ``[lo, hi)`` ("compania la care
    statul are 70%, a anunțat…": "are" belongs to the subject, which reports nothing)."""
    while lo <= t.i < hi:
        if t.dep_.startswith("acl"):
            return lo <= t.head.i < hi
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def subject_with_relative(doc: Doc, cue: Cue, lo: int) -> bool:
    """Whether what stands between ``lo`` and the cue is its subject with one short clause on it
    ("compania la care statul are 70%, a anunțat…", "profesorul X, de la Institutul Y, unde au
    fost dezvoltate lentilele, a declarat:"): the parser gives the verb a subject there and the
    part holds one full verb.  Why so narrow: a long report before a postposed cue ("Șoferița,
    care a provocat un accident…, circula cu 148 km/h, arată expertiza") is often parsed as one
    chain of relative clauses, and it is the content."""
    if not any(c.dep_ == "nsubj" and lo <= c.i < cue.start for c in doc[cue.head].children):
        return False
    return sum(1 for t in doc[lo : cue.start] if t.pos_ == "VERB") == 1


def passive_agent(doc: Doc, start: int, end: int) -> Mention | None:
    """"potrivit răspunsurilor transmise la solicitarea ZF de Ministerul Energiei": a document
    passed on by someone speaks for its agent, the name after the participle's "de"."""
    part = next((t.i for t in doc[start:end] if t.morph.get("VerbForm") == ["Part"]), None)
    if part is None or any(key(doc[k]) in W.possessive_articles and doc[k + 1].text[:1].isupper()
                           for k in range(start, part)):
        return None  # "un comunicat al Oil Terminal transmis…": the document's owner speaks
    for j in range(part + 1, end - 1):
        prev = doc[j - 1]
        if prev.text[:1].isupper() and not prev.text.isupper():
            continue  # "Bursei de Valori", "Ministerul de Externe": a "de" inside a name
        if key(doc[j]) in W.agent_preps and doc[j + 1].text[:1].isupper() and doc[j + 1].pos_ in {"PROPN", "NOUN"}:
            e = j + 2
            while e < end and (doc[e].text[:1].isupper() or key(doc[e]) in W.agent_name_links
                               and e + 1 < end and doc[e + 1].text[:1].isupper()):
                e += 1
            return Mention(j + 1, e)
    return None


def apposed_subject(doc: Doc, comma: int, start: int, lex: Lexicon, parsed: bool, quoted: list[bool],
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
        if all(is_name(t, lex, parsed) or key(t) in W.name_joiners for t in doc[first.start : first.end]):
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
        if all(is_name(t, lex, parsed) or key(t) in W.name_joiners for t in doc[seg.start : seg.end]):
            return seg
    for seg in segs:
        if any(is_name(t, lex, parsed) and not _in_pp(doc, t.i, seg.start) for t in doc[seg.start : seg.end]):
            return name_part(doc, seg, lex, parsed)
    return np_before(doc, comma, start, lex, parsed)


def _in_pp(doc: Doc, i: int, start: int) -> bool:
    """A name inside a prepositional or genitive modifier ("din Regatul Unit", "al Kremlinului")."""
    for k in range(i - 1, start - 1, -1):
        if key(doc[k]) in W.modifier_preps:
            return True
        if not doc[k].text[:1].isupper():
            return False
    return False


def document_relative(doc: Doc, cue: int, start: int, lex: Lexicon) -> Mention | None:
    """"biroul de presă al Ministerului a trimis un comunicat în care precizează că…": a cue in a
    relative clause on a document speaks for whoever issued the document (the governing subject)."""
    if cue - 3 < start or key(doc[cue - 1]) not in W.subject_relatives or key(doc[cue - 2]) not in W.in_preps:
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


def postposed_description(doc: Doc, j: int, end: int, lex: Lexicon) -> Mention | None:
    """'"…," said a longtime adviser to Trump, who declined …': right after a quote and its
    verb, a description opened by a determiner is the speaker, prepositional tail included."""
    while j < end and doc[j].is_space:
        j += 1
    if j >= end or key(doc[j]) not in W.description_dets:
        return None
    e = j + 1
    while e < min(end, j + 10) and not is_punct(doc[e]) and not is_quote_mark(doc[e]) and key(doc[e]) not in W.description_ends and not lex.is_verb(key(doc[e])):
        e += 1
    return Mention(j, e) if e > j + 1 else None


def colon_speaker(doc: Doc, colon: int, text: str, lex: Lexicon) -> Mention | None:
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
    if colon - start <= 4 and all(is_name(t, lex, False) or key(t) in W.name_list_links for t in doc[start:colon]):
        return Mention(start, colon)  # "Jeffrey M. Jones:"
    return clause_subject(doc, start, colon, lex)


def clause_subject(doc: Doc, start: int, end: int, lex: Lexicon) -> Mention | None:
    """Unparsed text: the subject of the clause in ``[start, end)`` — the comma segment that does not
    open with an adverbial or a preposition ("That is, when the moderators yielded, [Cruz] called
    them on it"; "[Kelly] responded pointedly, with a smile"), its pronoun, "the/a + noun" or first name."""
    cuts = [start] + [x + 1 for x in range(start, end) if doc[x].text == ","]
    for s0 in reversed(cuts):
        while s0 < end and (is_punct(doc[s0]) or doc[s0].is_space):
            s0 += 1
        if s0 >= end:
            continue
        if key(doc[s0]) in W.clause_conjunctions and s0 + 1 < end:
            s0 += 1  # ", but he gave the Texan a back-handed compliment:"
        first = doc[s0]
        k = key(first)
        if k in lex.pronouns and k not in W.impersonal_pronouns:
            return Mention(s0, s0 + 1)
        if k in W.possessives and s0 + 2 < end and doc[s0 + 1].is_alpha and (
            lex.is_verb(key(doc[s0 + 2])) or key(doc[s0 + 2]).endswith(W.past_suffixes)
        ):
            return Mention(s0, s0 + 2)  # "his wife whispered to him:"
        if k in W.description_dets and s0 + 1 < end and doc[s0 + 1].is_alpha:
            e = s0 + 2
            while e < end and (is_capitalized(doc[e]) or key(doc[e]) in W.possessive_clitics):
                e += 1
            return Mention(s0, e)
        if k in LEAD_ADVERBIAL or k in CLAUSE_OPENERS or not is_capitalized(first):
            continue
        for x in range(s0, min(end, s0 + 6)):
            lone = x == s0 and x + 1 < end and key(doc[x]) not in NOT_SUBJECTS and (
                is_capitalized(doc[x + 1]) or lex.is_verb(key(doc[x + 1])) or key(doc[x + 1]).endswith(W.verb_suffixes)
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


NOT_SUBJECTS = W.not_subjects


CLAUSE_OPENERS = W.clause_openers


LEAD_ADVERBIAL = W.lead_adverbials


def gerund_subject(doc: Doc, g: int, start: int, lex: Lexicon) -> Mention | None:
    """Unparsed text: who does the gerund cue's speaking.  "The ad uses footage of Hillary Clinton
    asking, “…”" → the name right before it; "During a speech, Trump attacked Clinton, saying, “…”"
    and "Small groups of protesters marched …, while chanting, “…”" → the sentence's subject."""
    k = g - 1
    if k >= start and key(doc[k]) in W.gerund_links:
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


_GENITIVE = W.genitive_articles


_DETERMINERS = W.data_determiners


def data_head(doc: Doc, start: int, end: int, lex: Lexicon, parsed: bool) -> bool:
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
    if j + 2 < end and key(doc[j + 1]) in W.agent_preps and (not parsed or "Part" in doc[j].morph.get("VerbForm")):
        j += 2
    return not (j < end and is_capitalized(doc[j]))


def plausible_speaker(doc: Doc, m: Mention | None, lex: Lexicon, parsed: bool) -> bool:
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


def coordinated_subject(doc: Doc, conj: int, start: int, lex: Lexicon, parsed: bool, quoted: list[bool]) -> Mention | None:
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


def relative_before(doc: Doc, comma: int, start: int) -> int | None:
    """Index of the comma opening ", care …" when the clause before ``comma`` is a relative one."""
    for k in range(comma - 1, start, -1):
        if doc[k].text == "," and k + 1 < comma and key(doc[k + 1]) in W.relative_pronouns:
            return k
        if doc[k].text in {",", ";", ":"} or is_quote_mark(doc[k]):
            return None
    return None


def media_name(doc: Doc, m: Mention, lex: Lexicon) -> str | None:
    i = m.start
    if key(doc[i]) in W.name_article:
        i += 1
    n = match_seq(doc, i, lex.media, m.end)
    if n and i + n >= m.end - 0:
        return doc[i : i + n].text
    return None


def outlet_name(doc: Doc, m: Mention | None, lex: Lexicon) -> str | None:
    """The mention is a news outlet: one of ``quotes_media.txt`` or a web address
    ("G4Media.ro", "realitateadeconstanta.net"); its text, else None."""
    if m is None:
        return None
    named = media_name(doc, m, lex)
    if named is not None:
        return named
    last = doc[m.end - 1]
    if m.end - m.start <= 2 and key(last).endswith(W.outlet_domains) and len(last.text) > 4:
        return doc[m.start : m.end].text
    return None
