"""Who speaks: the speaker mention of a cue, before or after it, and the addressee.

The ro_legal_fl parser often labels a post-verbal subject as an object ("a declarat vineri
ministrul…" → obj), so the mention is found by position first (the noun phrase right after the
cue group, skipping time words; else the one right before it, or the parser's ``nsubj``), and the
parse only confirms.  Inside a phrase that contains the speaker's proper name, only the name is
the mention ("premierul [Mihai Tudose]").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.tokens import (
    entity_break,
    is_capitalized,
    is_genitive,
    is_name,
    is_punct,
    is_quote_mark,
    is_role,
    key,
    match_seq,
)
from cronicar.analyze.quotes.words import W

NP_LINKS = W.np_links
EN_BREAK = W.phrase_breaks
NAME_LINKS = W.name_links
NP_DETS = W.np_dets
STOP_WORDS = W.np_stops
EN_PREPOSITIONS = W.prepositions
FUNCTION_NAME_BREAK = W.function_name_breaks
NOUNISH = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON", "X"}


@dataclass
class Mention:
    """A speaker mention: token range ``[start, end)`` and the tokens the canonical name uses."""

    start: int
    end: int

    def span(self, doc: Doc) -> tuple[int, int]:
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1])


def _np_token(tok: Token, lex: Lexicon, parsed: bool, first: bool) -> bool:
    k = key(tok)
    if k in lex.time_nouns:
        return False  # "Săptămâna trecută a declarat…": a time phrase, not the speaker
    if is_punct(tok) and k != "-":
        return False
    if k in STOP_WORDS and not (first and False):
        return False
    if k in NP_LINKS or k in NP_DETS:
        return True
    if k in lex.pronouns:
        return first
    if lex.is_verb(k):
        return False
    if parsed and tok.pos_ == "PRON" and "Weak" in tok.morph.get("Strength"):
        return False  # clitics ("ne", "le", "i-") are never a speaker phrase
    if parsed:
        return tok.pos_ in NOUNISH or is_capitalized(tok)
    return is_capitalized(tok) or k in lex.roles or (not first and k.isalpha() and k.islower() and False)


def np_after(doc: Doc, i: int, end: int, lex: Lexicon, parsed: bool) -> Mention | None:
    """The noun phrase starting at or right after token ``i`` (skipping time words), before ``end``."""
    j = i
    channel = -1  # where the phrase after "pentru" starts: "a declarat pentru Agerpres"
    while j < end:
        n = match_seq(doc, j, lex.skip, end)
        if n:
            channel = j + n if n == 1 and key(doc[j]) in W.channel_preps else channel
            j += n
            continue
        if parsed and doc[j].pos_ == "ADV" and key(doc[j]) not in lex.pronouns:
            j += 1
            continue
        if doc[j].text == "," and j + 1 < end and (match_seq(doc, j + 1, lex.skip, end) or (
                parsed and doc[j + 1].pos_ == "ADV")):
            j += 1  # "au transmis, sâmbătă, reprezentanții Poliției": a time word set off by commas
            continue
        if doc[j].text == "," and j > i and doc[j - 1].text != ",":
            j += 1  # ... and the comma that closes it
            continue
        break
    if j >= end:
        return None
    first = doc[j]
    k = key(first)
    if k in lex.pronouns:
        return Mention(j, j + 1)
    if not parsed and k in W.quantifier_openers and j + 1 < end and doc[j + 1].is_alpha:
        # "said one former senior agency official", "tweeted another."
        e = j + 1
        while e < min(end, j + 6) and doc[e].is_alpha and key(doc[e]) not in STOP_WORDS | EN_BREAK and not lex.is_verb(key(doc[e])):
            e += 1
        return Mention(j, e)
    if not parsed and not (is_capitalized(first) or k in NP_DETS or k in lex.roles):
        # "said 9/11 widow Terry Strada": a few lower-case modifiers before the name
        e = j
        while e < min(end, j + 4) and not is_capitalized(doc[e]) and doc[e].text.replace("/", "").isalnum() and (
            key(doc[e]) not in STOP_WORDS | EN_BREAK and not lex.is_verb(key(doc[e]))
        ):
            e += 1
        if e == j or e >= end or not is_capitalized(doc[e]) or key(doc[e]) in lex.pronouns:
            return None
        n = e
        while n < end and (is_capitalized(doc[n]) or key(doc[n]) == "-") and key(doc[n]) not in FUNCTION_NAME_BREAK:
            n += 1
        return Mention(j, n)
    if not _np_token(first, lex, parsed, True) or k in NP_LINKS - W.ambiguous_links:
        return None
    if parsed and first.pos_ in {"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PART"} and k not in NP_DETS:
        return None
    e = j + 1
    while e < end and e - j < 12 and _np_token(doc[e], lex, parsed, False) and key(doc[e]) not in W.name_article:
        e += 1
    if not parsed and k in W.articles and e == j + 1:
        # "said the 46-year-old", "says a source involved in …": a lower-case description
        e2 = e
        while e2 < min(end, j + 6) and (doc[e2].text.isalnum() or key(doc[e2]) in {"-"} | W.possessive_clitics) and (
            key(doc[e2]) not in STOP_WORDS | EN_BREAK and not lex.is_verb(key(doc[e2]))
        ):
            e2 += 1
        if e2 > e and (e2 >= len(doc) or doc[e2].text in {".", ",", ";", "!", "?"}):
            e = e2  # only a phrase that closes the clause: "said the same of Trump" is an object
    while e > j + 1 and key(doc[e - 1]) in NP_LINKS | NP_DETS:
        e -= 1
    # apposition: "purtătoarea de cuvânt a Ministerului, Maria Zaharova, într-un comunicat"
    if e + 1 < end and doc[e].text == "," and is_name(doc[e + 1], lex, parsed):
        a = e + 1
        while a < end and (is_name(doc[a], lex, parsed) or key(doc[a]) == "-"):
            a += 1
        if a >= end or doc[a].text in {",", ".", ";"} or not parsed or doc[a].pos_ in {"ADP", "PUNCT"}:
            e = a
    if key(doc[j]) in W.name_article and e > j + 1:
        j += 1
    if all(key(t) in NP_DETS | NP_LINKS for t in doc[j:e]):
        return None  # a bare determiner ("said the day…" after dropping the time noun)
    if channel == j and (e >= end or is_punct(doc[e])) and j + match_seq(doc, j, lex.media, e) == e:
        return None  # "…, a declarat pentru Agerpres.": the outlet spoken to; no subject follows
    return Mention(j, e)


def np_before(doc: Doc, i: int, start: int, lex: Lexicon, parsed: bool) -> Mention | None:
    """The noun phrase ending right before token ``i`` (not before ``start``)."""
    if i - 2 > start and doc[i - 1].text == ")":
        # "Rep. Gwen Moore (D-Wis.) said": the party/state tag belongs to the name before it
        for p in range(i - 2, max(start, i - 8), -1):
            if doc[p].text == "(":
                return np_before(doc, p, start, lex, parsed)
            if doc[p].text in {")", ",", ".", ";", ":"} or is_quote_mark(doc[p]):
                break
    e = i
    while e > start:
        # skip a parenthetical/time adverb right before the verb ("Ea a subliniat", "X a mai spus")
        if parsed and doc[e - 1].pos_ == "ADV" and key(doc[e - 1]) not in lex.pronouns:
            e -= 1
            continue
        if not parsed and e - 1 > start and [key(doc[e - 1])] in lex.skip:
            e -= 1  # "it further wrote", "he also said"
            continue
        break
    if e <= start:
        return None
    last = doc[e - 1]
    if parsed and "Yes" in last.morph.get("Poss") and e - 2 >= start and doc[e - 2].pos_ in {"NOUN", "PROPN"}:
        # "un reprezentant al apropiaților ei a confirmat", "Mama ei a spus": the possessive
        # closes the phrase of who speaks, it is not the speaker
        inner = np_before(doc, e - 1, start, lex, parsed)
        return Mention(inner.start, e) if inner is not None else None
    if key(last) in lex.pronouns or key(last) in lex.generic:
        return Mention(e - 1, e)
    if not parsed and not is_capitalized(last) and key(last) not in lex.roles and last.is_alpha:
        # English description without a parse: "the 34-year-old mother of three said"
        if key(last) in EN_BREAK | STOP_WORDS:
            return None  # "called on her to resign from her post and said": a coordinated verb
        for j in range(e - 2, max(start, e - 12) - 1, -1):
            t = doc[j]
            if key(t) in W.description_openers:
                if j > start and key(doc[j - 1]) in EN_PREPOSITIONS:
                    r = _role_for(doc, j - 1, start, lex)
                    # "A spokesman for the campaign said": the role speaks; "Protesters marching
                    # through the streets chanted": the phrase is an object, no speaker here
                    return Mention(r, e) if r is not None else None
                return Mention(j, e)
            if key(t) in W.possessive_clitics and j - 1 >= start and is_capitalized(doc[j - 1]):
                # "Obama's former campaign strategist said": the possessor opens the phrase
                s0 = j - 1
                while s0 - 1 >= start and is_capitalized(doc[s0 - 1]) and not doc[s0 - 1].is_sent_start:
                    s0 -= 1
                return Mention(s0, e)
            if is_punct(t) and t.text not in {"-"} or is_quote_mark(t) or lex.is_verb(key(t)) or key(t) in EN_BREAK:
                break
    if not _np_token(last, lex, parsed, False) or key(last) in NP_LINKS | NP_DETS:
        return None
    s = e - 1
    while s > start and e - s < 12:
        prev = doc[s - 1]
        if key(prev) in NP_DETS or _np_token(prev, lex, parsed, False):
            s -= 1
            continue
        if parsed and key(prev) in W.noun_modifier_preps and s - 2 >= start and doc[s - 2].pos_ in {"NOUN", "PROPN"}:
            s -= 1  # "Experții în apărare", "Operatorul centralei din Zaporojia"
            continue
        if parsed and key(prev) == "la" and s - 3 >= start and key(doc[s - 2]) == "de" and (
                is_role(doc[s - 3], lex) or (s - 5 >= start and is_role(doc[s - 5], lex))):
            s -= 2  # "purtătorul de cuvânt de la Kremlin": the place completes a person's role
            continue
        break
    while s < e - 1 and key(doc[s]) in NP_LINKS - W.ambiguous_links:
        s += 1
    if not parsed:
        # English: keep the capitalized run / role phrase next to the verb.
        while s < e - 1 and not (is_capitalized(doc[s]) or key(doc[s]) in NP_DETS or key(doc[s]) in lex.roles):
            s += 1
        if s - 1 > start and key(doc[s - 1]) in ROLE_PREPS:
            r = _role_for(doc, s - 1, start, lex)
            if r is not None:
                return Mention(r, e)  # "Aides to Clinton say": the aides speak, not Clinton
    return Mention(s, e)


ROLE_PREPS = W.role_preps  # "a spokesman for X", "aides to X": a role held for someone else


def _role_for(doc: Doc, p: int, start: int, lex: Lexicon) -> int | None:
    """Start of a role phrase ending right before the preposition at ``p`` ("a spokesman [for]",
    "Aides [to]", "a senior adviser [to]"), or None when the word before it is no role noun."""
    if p - 1 < start or key(doc[p]) not in ROLE_PREPS:
        return None
    head = key(doc[p - 1])
    if head not in lex.roles and not (head.endswith(W.plural_suffixes) and head[:-1] in lex.roles):
        return None
    r = p - 1
    while r - 1 >= start and p - r < 4:
        prev = doc[r - 1]
        k = key(prev)
        if k in W.description_openers:
            return r - 1
        if not prev.is_alpha or k in EN_BREAK | STOP_WORDS or lex.is_verb(k) or not prev.is_lower:
            break
        r -= 1  # "senior", "longtime"
    return r


#: indefinite articles and quantifiers: what opens a description, not a name
INDEF = W.indefinites


def unmarked_person(doc: Doc, s: int, e: int, end: int) -> bool:
    """Whether the run ``[s, e)`` closing a role mention is a person's name the NER missed
    ("medicul gastroenterolog Christine Lee"): two words or more, none an acronym, none of an
    organisation or a place the NER found ("guvernatorul BNR", "Șeful AIEA" are organisations)."""
    return e == end and e - s >= 2 and not any(
        t.text.isupper() or t.ent_type_ in {"ORG", "GPE", "LOC", "FACILITY", "NAT_REL_POL"} for t in doc[s:e])


def name_part(doc: Doc, m: Mention, lex: Lexicon, parsed: bool) -> Mention:
    """Inside a mention, the longest run of proper-name tokens if there is one, else the mention."""
    best: tuple[int, int] | None = None
    best_key: tuple[bool, int] = (False, 0)
    s = m.start
    # the role after an indefinite article: "Un reprezentant al administrației orașului Energodar"
    head = m.start + 1 if m.end - m.start > 1 and key(doc[m.start]) in INDEF else m.start
    while s < m.end:
        in_pp = s > m.start and key(doc[s - 1]) in W.name_preps
        possessor = s + 1 < len(doc) and key(doc[s + 1]) in W.possessive_clitics
        if is_name(doc[s], lex, parsed) and key(doc[s]) not in lex.honorifics and not possessor and not (
            s > m.start and (is_genitive(doc[s]) or in_pp)
        ):
            e = s + 1
            while e < m.end and not (parsed and entity_break(doc[e])) and (
                is_name(doc[e], lex, parsed)
                or (key(doc[e]) in NAME_LINKS and e + 1 < m.end and is_name(doc[e + 1], lex, parsed))
            ):
                e += 1
            k = match_seq(doc, s, lex.media, e)
            if k and s + k < e:
                s += k  # "a spus pentru ZF Mihai Marin": the outlet he spoke to is no part of his name
            person = parsed and any(t.ent_type_ == "PERSON" for t in doc[s:e])
            if parsed and not person and s > head and is_role(doc[head], lex) and not unmarked_person(doc, s, e, m.end):
                s = e
                continue  # "guvernatorul BNR", "Șeful AIEA": the organisation modifies a person role
            if best is None or (person, e - s) > best_key:
                best_key = (person, e - s)
                best = (s, e)
            s = e
        else:
            s += 1
    if best is None:
        return m
    return Mention(*best)


def parse_subject(doc: Doc, v: int, start: int, lex: Lexicon) -> Mention | None:
    """The parser's subject of the verb at ``v`` (or of the verb it is coordinated with), before it."""
    verb = doc[v]
    for cand in (verb, verb.head if verb.dep_ in {"conj", "xcomp"} else None):
        if cand is None:
            continue
        for ch in cand.children:
            if ch.dep_.startswith("nsubj") and start <= ch.i < v and key(ch) not in lex.time_nouns:
                s = ch.left_edge.i
                while s < ch.i and (is_punct(doc[s]) or key(doc[s]) in W.subject_conjunctions):
                    s += 1
                e = ch.i + 1
                while e < v and doc[e] in set(ch.subtree) and not is_punct(doc[e]) and key(doc[e]) not in STOP_WORDS:
                    e += 1
                return Mention(max(s, start), e)
    return None
