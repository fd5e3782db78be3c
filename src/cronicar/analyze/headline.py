"""A short headline for an event: who did what to whom, where, in the article's language.

Why extractive: a headline a reader trusts must say only what the sentence says.  So a headline is
built from the sentence's own words, compressed along the dependency parse, with names made
canonical; only a happening told by a noun between parties whose order does not matter ("în
cadrul discuțiilor de la Moscova cu Serghei Lavrov") is phrased by a pattern of the language
(``lang/<code>/events_headlines.tsv``).  How, in order (docs/events.md, "Headlines"):

1. A statement: "<speaker>: <the reported clause, compressed>" ("Choe Son Hui: Coreea de Nord va
   sprijini Rusia").
2. A trigger that is a verb: the verb with its auxiliaries, reflexive and negation, and its
   arguments (subject, objects, obliques), each cut to its core words (determiners, adjectives,
   numerals, one level of nouns; no relative or adverbial clauses, appositions, time expressions:
   the date is shown beside the headline).  An argument naming a person is that person's
   canonical name with its preposition ("cu ministrul de externe nord-coreean, Choe Son Hui" ->
   "cu Choe Son Hui"); the subject is the canonical name of what it names ("Phenianul" ->
   "Coreea de Nord", the capital acting for its country).  Obliques are dropped from the end
   until the headline has at most ``MAX_WORDS`` words.
3. A noun trigger of a pattern type with two or more parties: the pattern ("Choe Son Hui poartă
   discuții cu Serghei Lavrov la Moscova").
4. Any other noun trigger: its noun phrase ("Invazia rusă din Ucraina").
5. Without a parse (English here): the comma-delimited stretch of the sentence around the
   trigger, at most ``MAX_WORDS`` words ("Qatar Airways ordered 60 Airbus A350 jets").

Faithful first, short second: a headline of steps 2-4 that lies inside an attribution, relative or
comparative clause, names no actor (or no owner, for a noun), or drops the negation, modality or
question of its claim is replaced by the sentence's main clause from its subject, cut at a word
boundary to ``MAX_FALLBACK`` words with "…", never inside a figure or a quotation (the words are
data: ``lang/<code>/headline_cues.tsv``).  A compressed clause that loses what restricts its claim
(an owner, a period, an alternative, a figure, a verb's complement) or reads as a bad parse is
rebuilt within ``MAX_STRETCH`` words or replaced the same way; the clipped sentence is whole up to
``MAX_STRETCH`` words and otherwise ends after a whole phrase (docs/events.md, third pass).

Never a prefix (docs/events.md, fourth pass): the main clause starts at its subject (a fronted
adjunct set off by a comma, a concessive or other adverbial clause left out); a clip that would end
before the main verb is replaced by the main clause built as in step 2 (subject + verb + objects,
the scene-setting and source phrases left out); a clip that tells its main clause whole up to a
comma or a conjunction takes no "…"; the words of another sentence a bad split left at the start
("lei), ...", "million) ...") are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from cronicar import data_lines
from cronicar.analyze import modality
from cronicar.analyze.entities import gazetteer_place
from cronicar.analyze.normalize import fold_diacritics
from cronicar.analyze.quotes.holders import speaker_nouns
from cronicar.analyze.quotes.lexicon import load as quote_lexicon
from cronicar.lang import folder as lang_folder
from cronicar.model import EventMention

MAX_WORDS = 12
# a shortened main clause (the faithful fallback) may run a little longer than a compressed one
MAX_FALLBACK = 14
# a headline may stretch to this many words rather than lose what restricts its claim
MAX_STRETCH = 16
ELLIPSIS = "…"
# modality kinds (lang/<code>/events_modality.tsv) whose words a headline must keep
_RESTRICTING = ("neg", "cond", "subj", "modal", "plan", "purpose", "opinion", "alleged", "if", "without")
# Universal Dependencies relations (language-independent labels, not words).
_VERB_PARTS = {"aux", "aux:pass", "expl:pv", "expl:pass", "expl:impers", "expl", "cop", "fixed", "compound:prt"}
_ARGS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "obl:arg", "xcomp"}
_SUBJ = {"nsubj", "nsubj:pass"}
_NP_KEEP = {"case", "det", "amod", "nummod", "compound", "flat", "fixed", "nmod", "det:poss", "nmod:poss",
            "flat:name", "goeswith", "mark"}
_NAME_LABELS = {"PERSON", "GPE", "ORG", "LOC"}
# a clause that completes its verb (Universal Dependencies): the trigger's clause under a modal
_COMPLEMENTS = {"ccomp", "csubj", "xcomp"}
# punctuation that opens an aside (not words: marks)
_ASIDE = {"-", "–", "—", "(", "♦", "•", "■"}
_QUOTE_MARKS = {"„", "”", "“", "\"", "«", "»"}
# parts of speech a headline must not end on (a preposition without its noun ...)
_FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX"}


@lru_cache(maxsize=None)
def patterns(lang: str) -> dict[str, str]:
    """``lang/<lang>/events_headlines.tsv``: event type -> pattern, plus ``join`` and ``place``."""
    path = lang_folder(lang) / "events_headlines.tsv"
    out: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("\t")
            if key.strip() and not line.startswith("#") and value.strip():
                out[key.strip()] = value.strip()
    return out


@lru_cache(maxsize=None)
def cues(lang: str) -> dict[str, frozenset[str]]:
    """kind -> words, from ``lang/<lang>/headline_cues.tsv`` (attribution, comparative, start,
    condition, owner, figure, open, close; empty for a language without one)."""
    out: dict[str, set[str]] = {}
    for line in data_lines(lang, "headline_cues.tsv"):
        kind, _, word = line.partition("\t")
        out.setdefault(kind.strip(), set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


def _words(text: str) -> int:
    return len(text.split())


def _tidy(text: str) -> str:
    """One line, no space before punctuation, no dangling comma, first letter capital."""
    text = re.sub(r"\s+([,.;:!?)”\"])", r"\1", " ".join(text.split())).strip(" ,;:-–.")
    text = re.sub(r"\b(\w{1,3}-) (?=\w)", r"\1", text)  # a clitic glued back: "ne- a" -> "ne-a"
    return text[:1].upper() + text[1:]


def _mentions_in(ctx, lo: int, hi: int) -> list:  # type: ignore[no-untyped-def]
    return [m for m in ctx.entities if lo <= m.start and m.end <= hi and m.label in _NAME_LABELS]


def _subtree_span(tok) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _in_timex(ctx, tok) -> bool:  # type: ignore[no-untyped-def]
    """Whether the token starts inside a time expression of the article (the tokens are found
    once per article and list of time expressions, kept in ``doc.user_data``)."""
    doc = tok.doc
    key = (id(ctx.timexes), len(ctx.timexes))
    cached = doc.user_data.get("headline_timex_tokens")
    if cached is None or cached[0] != key:
        inside: set[int] = set()
        for t in ctx.timexes:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            inside |= {x.i for x in span or () if t.start <= x.idx < t.end}
        cached = (key, frozenset(inside))
        doc.user_data["headline_timex_tokens"] = cached
    return tok.i in cached[1]


def _np(ctx, head, depth: int = 0, levels: int = 1) -> list:  # type: ignore[no-untyped-def]
    """The core tokens of a noun phrase: the head and its close modifiers, ``levels`` levels of
    nouns (0: the head noun with its determiners and adjectives only)."""
    keep = [head]
    # a time that qualifies a noun stays ("în intervalul ianuarie-iunie": without it "în intervalul"
    # says nothing); a time of the verb is the date's
    dated = head.pos_ == "NOUN" and depth > 0 and not _in_timex(ctx, head)
    for ch in head.children:
        if ch.dep_ == "nmod" and _figure_tok(head) and _period(ctx, ch) and not any(
                c.dep_ == "case" and c.lower_ in cues(ctx.lang).get("against", frozenset()) for c in ch.children):
            keep += list(ch.subtree)  # "cu 35% | în primul trimestru": the period the figure covers
            continue
        if (ch.dep_ not in _NP_KEEP and not _short_adverb(ctx, ch)) or ch.pos_ == "PUNCT" \
                or (_in_timex(ctx, ch) and not (dated and ch.i == head.i + 1)):
            continue
        if ch.pos_ == "PRON" and any(c.dep_.startswith("acl") for c in ch.children):
            continue  # "către cei | care vor vinde": a pronoun that only points to its clause, cut
        if ch.dep_ == "nmod" and depth >= levels and not (dated and ch.i == head.i + 1 and _in_timex(ctx, ch)) and not (
                ch.pos_ == "PROPN" and not any(c.dep_ == "case" for c in ch.children)) and not (
                levels and depth <= levels and _restricting_modifier(ctx, ch)):
            continue  # deeper nouns go, but not a name that owns ("10% din acțiunile Petrom")
        keep += _np(ctx, ch, depth + (ch.dep_ == "nmod"), levels)
    return keep


def _restricting_modifier(ctx, ch) -> bool:  # type: ignore[no-untyped-def]
    """Whether a noun modifier one level deeper restricts what its phrase names, so that a
    compressed argument keeps it: a name ("compania națională de petrol din Abu Dhabi",
    "Departamentul de Justiție din SUA": without it the phrase reads as Romanian) or a genitive
    ("creșterea prețului petrolului", "portofoliul ... al fondului").  A time is the date's."""
    if _in_timex(ctx, ch) or ch.pos_ not in {"PROPN", "NOUN"}:
        return False
    if ch.pos_ == "PROPN" or _mentions_in(ctx, ch.idx, ch.idx + len(ch.text)):
        return True
    owners = cues(ctx.lang).get("owner", frozenset())
    if any(c.dep_ in {"det", "case"} and c.lower_ in owners for c in ch.children):
        return True
    return "Gen" in ch.morph.get("Case") and not any(c.dep_ == "case" for c in ch.children)


def _near(arg, tok) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``tok`` names the argument itself: its head, or a name hung on it by apposition,
    coordination or a name modifier ("Președintele rus Vladimir Putin", "ministrul ..., Choe Son
    Hui"), not a word deeper inside ("trupele ucrainene" is not Ukraine)."""
    for _ in range(3):
        if tok.i == arg.i:
            return True
        if tok.dep_ not in {"nmod", "appos", "conj", "flat", "fixed", "flat:name"}:
            return False
        if tok.dep_ == "nmod" and any(c.dep_ == "case" for c in tok.children):
            return False  # "contractul cu Energy Holding", "entitatea cu sediul în Regatul Unit"
        if tok.dep_ == "nmod" and (any(c.dep_ == "det" and c.i < tok.i for c in tok.children)
                                   or "Plur" in tok.head.morph.get("Number")):
            return False  # a genitive: "victoria lui Trump" is not Trump; "acționarii Prodplast" are many
        tok = tok.head
    return False


def _canonical_fits(m, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """The canonical name to write for a subject mention: the country a capital acts for
    ("Phenianul" -> "Coreea de Nord"), or the canonical name when the mention is a form of it
    ("Rusia", "Coreea de Nord"); None for a demonym ("Rușii": the Russians, not Russia)."""
    from cronicar.analyze.entities import canonicalize, government_of

    city = canonicalize(m.text, m.label, lang)
    gov = government_of(city[0], lang) if city else None
    if gov:
        return gov
    # a form of the same name, word for word ("Rusiei" -> "Rusia"), never a longer name the
    # linker guessed ("Bursa" of Shanghai is not "Bursa de Valori București")
    same = m.text.lower()[:4] == m.canonical.lower()[:4] and len(m.text.split()) == len(m.canonical.split())
    return m.canonical if same else None


def _names(ctx, arg) -> list:  # type: ignore[no-untyped-def]
    """The name mentions that name the argument itself (:func:`_near`)."""
    lo, hi = _subtree_span(arg)
    doc = arg.doc
    return [m for m in _mentions_in(ctx, lo, hi)
            if any(_near(arg, t) for t in doc.char_span(m.start, m.end, alignment_mode="expand") or [])]


def _names_itself(arg, m) -> bool:  # type: ignore[no-untyped-def]
    """Whether a (non-person) name is the argument itself, not a genitive hung on it: "Rusia",
    "compania Hidroelectrica", but not "acționarii Prodplast Imobiliare" (the shareholders act, not
    the company).  The name holds the argument's head word, or hangs on it by apposition or as a
    name of a name."""
    if m.start <= arg.idx < m.end:
        return True
    return any(m.start <= ch.idx < m.end for ch in arg.children if ch.dep_ in {"appos", "flat", "flat:name"})


def _argument(ctx, arg, subject: bool, levels: int = 1) -> str:  # type: ignore[no-untyped-def]
    """One argument of the verb, compressed (``levels``: see :func:`_np`); a person it names is
    named canonically."""
    if arg.is_space or arg.is_punct:  # a paragraph break the parser made the head ("\n\n | ROBOR-ul, indicele ...")
        # ... gives way to a bare noun it governs as a subject would; not to a conjunct, an object
        # or a prepositional phrase (then what it hangs on is lost: "Și Amazon, YouTube sau Hulu")
        arg = next((c for c in arg.children if c.dep_ in {"dep", "appos"} | _SUBJ and c.pos_ in {"NOUN", "PROPN"}
                    and not any(k.dep_ == "case" for k in c.children)), arg)
    antecedent = subject and "Rel" in arg.morph.get("PronType") and arg.head.dep_.startswith("acl")
    if antecedent:
        arg = arg.head.head  # "Moscova, care și-a trimis armata": the antecedent acts
    names = _names(ctx, arg)
    persons = [m for m in names if m.label == "PERSON"]
    case = " ".join(c.text for c in arg.children if c.dep_ == "case")
    fixed = [f.text for c in arg.children if c.dep_ == "case" for f in c.children if f.dep_ == "fixed"]
    case = " ".join([case] + fixed).strip()
    # "BT, BRD și BCR": all, as written; a conjunct without "și"/"sau" is an apposition ("..., firma")
    conjuncts = [c for c in arg.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and c.i < arg.head.i]
    coordinated = any(k.dep_ == "cc" for c in conjuncts for k in c.children)
    if persons and not (coordinated and (len({m.canonical for m in persons}) > 1
                                         or not any(m.start <= arg.idx < m.end for m in persons))):
        # ... and two actors coordinated are both named ("fost premier ... și Ionuț Popescu" is not Popescu)
        return f"{case} {_without_byline(ctx, persons[0].canonical)}".strip()
    own = [m for m in names if _names_itself(arg, m)]
    if subject and own and len({m.canonical for m in names}) == 1 and not coordinated:  # "NEPI și Rockcastle"
        name = _canonical_fits(own[0], ctx.lang)
        if name:  # a place after the name stays: "Departamentul de Justiție din SUA"
            where = [c for c in arg.children if c.dep_ == "nmod" and c.idx >= own[0].end
                     and _mentions_in(ctx, c.idx, c.idx + len(c.text))]
            return " ".join([name] + [_render(sorted(_np(ctx, c, levels=0), key=lambda t: t.i)) for c in where])
    toks = _np(ctx, arg, levels=levels)
    if subject and not names and not antecedent and arg.i in _placeholders(ctx):
        # "Grupul" -> "Grupul Digi Communications": whom the article means by it (:func:`_render`)
        return _render(sorted(toks, key=lambda t: t.i))
    if subject and coordinated:  # every actor of a coordinated subject acts: none is dropped
        for c in conjuncts:
            toks += _np(ctx, c, levels=0) + [k for k in c.children if k.dep_ == "cc" or k.text == ","]
    if subject and levels and len(toks) <= 2:
        toks = list({t.i: t for t in toks + _defining_participle(arg)}.values())
    toks = sorted(toks, key=lambda t: t.i)
    if subject:
        toks = _before_aside(arg, toks)
    if antecedent:  # its own preposition is not the subject's ("către cei care vor vinde")
        toks = [t for t in toks if not (t.head.i == arg.i and t.dep_ == "case")]
    return _render(toks)


def _defining_participle(arg) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The participle phrase right after a bare subject noun that says which it is ("Sumele |
    economisite de români în lei", "Scăderea | înregistrată recent de prețul petrolului"): without
    it "Sumele aveau o creștere" names nothing.  At most six words, no comma."""
    part = next((c for c in arg.children if c.i == arg.i + 1 and (
        (c.dep_.startswith("acl") and "Part" in c.morph.get("VerbForm"))
        or (c.dep_ == "amod" and any(o.dep_.startswith("obl") for o in c.children)))), None)
    if part is None:
        return []
    toks = list(part.subtree)
    return toks if len(toks) <= 6 and not any(t.is_punct for t in toks) else []


@lru_cache(maxsize=None)
def _org_nouns(lang: str) -> frozenset[str]:
    """Nouns (diacritics folded) an organisation is called by: the quote code's speaker nouns and
    roles, and the ``organisation`` words of ``headline_cues.tsv``."""
    words = speaker_nouns(lang).org_nouns | quote_lexicon(lang).org_roles | cues(lang).get("organisation", frozenset())
    return frozenset(fold_diacritics(w.lower()) for w in words)


def _named_organisation(ctx, arg) -> str | None:  # type: ignore[no-untyped-def]
    """The organisation a generic subject ("Compania", "Grupul", "Societatea") stands for: the
    last organisation the same sentence names before it as the subject of a clause, else the
    subject of the sentence before when that is an organisation's name.  None when the noun is not an
    organisation noun (``quotes_speaker_nouns.txt``), is plural or indefinite, has a modifier of its
    own ("Societatea de brokeraj"), or nothing fits."""
    if arg.pos_ != "NOUN" or "Def" not in arg.morph.get("Definite") or "Plur" in arg.morph.get("Number"):
        return None
    if not ({fold_diacritics(arg.lower_), fold_diacritics(arg.lemma_.lower())} & _org_nouns(ctx.lang)):
        return None
    if any(c.dep_ in {"nmod", "amod"} and c.i > arg.i for c in arg.children):
        # "Societatea de brokeraj": the noun names a kind the organisation told before need not be
        # (a blind read found "Societatea Dividend Aristocrats de brokeraj"); and a name put after
        # the head noun would split it from its own modifier
        return None
    sent = arg.sent
    names = [n for n in _organisations(ctx, sent) if n[0] < arg.i and n[1]]  # a subject: who acts
    if not names and sent.start > 0:
        names = [n for n in _organisations(ctx, arg.doc[sent.start - 1].sent) if n[1]]
        names = [n for n in names if n[2].head.dep_ == "ROOT" or n[2].head.head.i == n[2].head.i]
    # ... else the organisation the article introduced with such a noun, when only one fits
    return names[-1][3] if names else _known_organisation(ctx, arg)


def _owner_of_subject(tok) -> bool:  # type: ignore[no-untyped-def]
    """Whether a genitive owns a subject, directly or through nouns ("Cifra de afaceri a companiei")."""
    node = tok.head
    for _ in range(3):
        if node.dep_ in _SUBJ:
            return True
        if node.dep_ != "nmod" or node.head.i == node.i:
            return False
        node = node.head
    return False


def _placeholders(ctx) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """Token index -> the organisation a generic noun of the article stands for ("Compania",
    "acțiunile companiei", "Banca"; :func:`_named_organisation`), for :func:`_render` to write
    after it ("Compania Lafarge a anunțat", "Acțiunile companiei Lafarge au crescut"): without the
    name the line says nothing a reader can place.  A noun a name already follows is left alone.
    Found once per article (``doc.user_data``)."""
    doc = ctx.doc
    key = (id(ctx.entities), len(ctx.entities))
    cached = doc.user_data.get("headline_named_key")
    if cached == key:
        return doc.user_data["headline_named"]  # type: ignore[no-any-return]
    inside: set[int] = set()
    for m in ctx.entities:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        inside |= {t.i for t in span or ()}
    quoted = [q.content for q in ctx.quotes]  # what someone said is not rewritten
    out: dict[int, str] = {}
    for t in doc:
        # who acts: a subject, or the owner of a subject ("Acțiunile companiei"); an object's name
        # would cost the words of what follows it ("acuză compania | că a majorat prețul")
        if t.pos_ != "NOUN" or t.i in inside or t.i + 1 in inside \
                or not (t.dep_ in _SUBJ or (t.dep_ == "nmod" and _owner_of_subject(t))) \
                or not _is_org_noun(ctx, t) or any(c.dep_ in {"appos", "flat", "flat:name"} for c in t.children) \
                or any(a <= t.idx < b for a, b in quoted) or (t.i > 1 and doc[t.i - 1].text == "," and t.i - 2 in inside):
            continue  # ... nor a description after the name ("SAFI Invest, societatea care ...")
        # the sentence's own subjects tell whom a subject means; another role only the article's
        # introduced organisation ("potențialul emitentului" is not the sentence's other subject)
        name = _named_organisation(ctx, t) if t.dep_ in _SUBJ else _known_organisation_of(ctx, t)
        words = name.split() if name else []
        if words and fold_diacritics(words[0].lower()).startswith(fold_diacritics(t.lemma_.lower())[:4]):
            words = words[1:]  # "grupului | TeraPlast", not "grupului Grupul TeraPlast"
        if words:
            out[t.i] = " ".join(words)
    doc.user_data["headline_named_key"] = key
    doc.user_data["headline_named"] = out
    return out


def _is_org_noun(ctx, tok) -> bool:  # type: ignore[no-untyped-def]
    return bool({fold_diacritics(tok.lower_), fold_diacritics(tok.lemma_.lower())} & _org_nouns(ctx.lang))


def _introduced(ctx) -> tuple[list[tuple[int, str, str]], list[tuple[int, str]]]:  # type: ignore[no-untyped-def]
    """The organisations the article introduces with a noun, in order, as (first token index, the
    noun's lemma folded, canonical name): a name hung on an organisation noun ("producătorul de
    ciment Lafarge", "compania Romgaz"), holding one ("Banca Transilvania", "Grupul Digi") or
    described by one after a comma ("Elefant Online SA, compania care ..."); and every mention of a
    name that is no person nor a place a gazetteer knows, as (first token index, canonical name).
    Found once per article (``doc.user_data``)."""
    doc = ctx.doc
    key = (id(ctx.entities), len(ctx.entities))
    cached = doc.user_data.get("headline_introduced")
    if cached is not None and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    out, named = [], []
    media = _media(ctx.lang) | cues(ctx.lang).get("byline", frozenset())
    for m in ctx.entities:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or gazetteer_place(m.canonical, ctx.lang):
            continue
        root = span.root
        described = [c for c in root.children if c.dep_ == "appos" and c.i > span.end and c.pos_ == "NOUN"
                     and _is_org_noun(ctx, c)]
        noun = None
        if len(span) > 1 and span[0].pos_ in {"NOUN", "PROPN"} and _is_org_noun(ctx, span[0]):
            noun = span[0]  # the name holds its noun
        elif root.dep_ in {"appos", "flat", "flat:name", "nmod", "amod"} and root.head.i < span.start \
                and span.start - root.head.i <= 6 and root.head.pos_ == "NOUN" and _is_org_noun(ctx, root.head):
            noun = root.head  # "producătorul de ciment | Lafarge"
        elif described:
            noun = described[0]  # "Elefant Online SA, | compania care administrează ..."
        if noun is not None:
            out.append((span.start, fold_diacritics(noun.lemma_.lower()), m.canonical))
        ticker = span.start > 1 and doc[span.start - 1].text == "(" and named and named[-1][0] >= span.start - 8
        if (m.label not in {"PERSON", "GPE", "LOC"} or noun is not None) and not ticker \
                and m.canonical.lower() not in media:  # "... (RCHI)": one; the outlet that reports ("ZF") no actor
            named.append((span.start, m.canonical))
    result = (out, named)
    doc.user_data["headline_introduced"] = (key, result)
    return result


def _known_organisation_of(ctx, arg) -> str | None:  # type: ignore[no-untyped-def]
    """:func:`_known_organisation` for a definite singular noun without a modifier of its own
    (the conditions :func:`_named_organisation` sets for a subject)."""
    if "Def" not in arg.morph.get("Definite") or "Plur" in arg.morph.get("Number") \
            or any(c.dep_ in {"nmod", "amod"} and c.i > arg.i for c in arg.children):
        return None
    return _known_organisation(ctx, arg)


def _known_organisation(ctx, arg) -> str | None:  # type: ignore[no-untyped-def]
    """The organisation the article already introduced for a generic noun ("Compania", "Banca",
    "acțiunile companiei"): the organisation the article has named most often before the noun's
    sentence, when it introduced it with the same noun ("banca ... Banca Transilvania") or, for a
    noun any organisation is called by (``generic`` in ``headline_cues.tsv``: "compania",
    "societatea"), with any organisation noun.  None when another name is as frequent, or the most
    frequent was never introduced so or is not the last one named before the sentence (the reader
    must not get a guess: "compania Magic Invest", named once, is not the company an article about
    INAR Brașov calls "compania"; in an article of several funds "fondul" is the one just named).
    A ``generic`` noun also stands for the only organisation the article has named before it (at
    least twice), however introduced ("Nuclearelectrica ... Compania a împărțit 80% din profit")."""
    lemma = fold_diacritics(arg.lemma_.lower())
    generic = {fold_diacritics(w) for w in cues(ctx.lang).get("generic", frozenset())}
    any_noun = bool({lemma, fold_diacritics(arg.lower_)} & generic)
    start = arg.sent.start
    introduced, named = _introduced(ctx)
    counts: dict[str, int] = {}
    for at, name in named:
        if at < start:
            counts[_name_key(name)] = counts.get(_name_key(name), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    last = [name for at, name in named if at < start][-1:]
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]) or _name_key(last[0]) != ranked[0][0]:
        return None  # ... and the last one named: an article of several funds names each before "fondul"
    top = ranked[0][0]
    if any_noun and len(ranked) == 1 and ranked[0][1] > 1:  # the only organisation the article has named
        return last[0]  # ... more than once (named once, it may be the outlet that reports: "potrivit CNBC")
    return next((name for at, noun, name in introduced
                 if _name_key(name) == top and at < start and (any_noun or noun == lemma)), None)


def _name_key(name: str) -> str:
    """A name as counted: "Elefant Online SA" and "Elefant Online S.A." are one organisation."""
    key = re.sub(r"[^a-z0-9 ]", "", fold_diacritics(name.lower())).split()
    return " ".join(key[:-1] if len(key) > 1 and key[-1] in {"sa", "srl"} else key)


@lru_cache(maxsize=None)
def _gerund_rules(lang: str) -> tuple[tuple[tuple[str, str, str], ...], dict[str, str]]:
    """``lang/<lang>/headline_gerunds.tsv``: (lemma ending, gerund ending, participle ending) rules
    and the past tense's auxiliary by number."""
    endings, aux = [], {}
    for line in data_lines(lang, "headline_gerunds.tsv"):
        cols = [c.strip() for c in line.split("\t")]
        if cols[0] == "ending" and len(cols) == 4:
            endings.append((cols[1], cols[2], cols[3]))
        elif cols[0] == "aux" and len(cols) == 3:
            aux[cols[1]] = cols[2]
    return tuple(endings), aux


def past_of(lang: str, lemma: str, gerund: str, number: str) -> str | None:
    """The past tense ("a sprijinit") of a verb written as a gerund ("sprijinind", lemma
    "sprijini"), for a subject of ``number`` (``Sing``/``Plur``); None when no rule of
    ``headline_gerunds.tsv`` covers the lemma (an irregular participle is never guessed)."""
    endings, aux = _gerund_rules(lang)
    for lem_end, ger_end, part_end in endings:
        stem = lemma[: len(lemma) - len(lem_end)]
        if lemma.endswith(lem_end) and stem and gerund.lower() == stem + ger_end and number in aux:
            return f"{aux[number]} {stem}{part_end}"
    return None


def finite_gerund(lang: str, verb) -> str | None:  # type: ignore[no-untyped-def]
    """The past tense to write for a gerund with a subject of its own ("Coreea de Nord | sprijinind
    efortul ..." under "Relațiile ... s-au consolidat") when the verb it hangs on tells a past (a
    participle with its auxiliary, or a past tense): the gerund's time is that verb's.  None
    otherwise (a present or future main verb, no subject, a clitic glued to the gerund)."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ and c.i < verb.i), None)
    if subj is None or "Ger" not in verb.morph.get("VerbForm") or "-" in verb.text:
        return None
    head = verb.head
    past = "Part" in head.morph.get("VerbForm") and any(c.dep_ == "aux" for c in head.children) \
        or bool({"Past", "Imp", "Pqp"} & set(head.morph.get("Tense")))
    number = "Plur" if "Plur" in subj.morph.get("Number") or any(c.dep_ == "conj" for c in subj.children) else "Sing"
    return past_of(lang, verb.lemma_.lower(), verb.text, number) if past and head.i != verb.i else None


def _without_byline(ctx, name: str) -> str:
    """A person's name without the outlet the parser glued before it ("ZF Claudiu Cercel" of "a
    declarat pentru ZF Claudiu Cercel": the outlet he spoke to is no part of his name; ``byline``
    in ``headline_cues.tsv``)."""
    words = name.split()
    if len(words) >= 3 and words[0].lower() in cues(ctx.lang).get("byline", frozenset()) \
            and all(w[:1].isupper() for w in words[1:]):
        return " ".join(words[1:])
    return name


def _speaker(ctx, q) -> str:  # type: ignore[no-untyped-def]
    """The name a line gives a quote's speaker: the organisation a generic noun stands for
    ("Compania: va investi" -> "Lafarge: va investi"; :func:`_placeholders`), a person's name without
    an outlet's byline glued before it (:func:`_without_byline`)."""
    if q.speaker_mention:
        span = ctx.doc.char_span(*q.speaker_mention, alignment_mode="expand")
        name = _placeholders(ctx).get(span.root.i) if span is not None else None
        if name:
            return name
    return _without_byline(ctx, str(q.speaker))


def _named_person(ctx, pron) -> str | None:  # type: ignore[no-untyped-def]
    """The person a singular personal pronoun subject ("El prognozează", "Ea a spus") stands for:
    the person the sentence before names as its main subject, and only then (a name from anywhere
    else would be an invented actor).  None otherwise."""
    if pron.pos_ != "PRON" or "Prs" not in pron.morph.get("PronType") or "Sing" not in pron.morph.get("Number") \
            or "3" not in pron.morph.get("Person"):
        return None
    at = pron.sent.start - 1
    while at >= 0 and pron.doc[at].is_space:
        at -= 1
    if at < 0:
        return None
    before = pron.doc[at].sent
    subj = next((c for c in before.root.children if c.dep_ in _SUBJ), None)
    persons = [m for m in _names(ctx, subj) if m.label == "PERSON"] if subj is not None else []
    if not persons:  # a quote's sentence: who says it is its subject ("„...”, spune Dan Rusu")
        said = [q.speaker_mention for q in ctx.quotes if q.speaker_mention and q.cue
                and before.start_char <= q.cue[0] < before.end_char
                and before.start_char <= q.speaker_mention[0] < before.end_char]
        persons = [m for a, b in said for m in _mentions_in(ctx, a, b) if m.label == "PERSON"]
    return persons[0].canonical if len({m.canonical for m in persons}) == 1 else None


def _organisations(ctx, sent) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The organisations a sentence names, in order, as (first token index, is a subject, the
    head token, name): the analysis's organisations, a name the NER took for a place that no
    gazetteer knows ("Globalworth"), and a proper-noun subject the NER missed ("Romgaz reușea")."""
    doc, out, seen = sent.doc, [], set()
    for m in ctx.entities:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if not (sent.start_char <= m.start < sent.end_char) or span is None:
            continue
        seen |= {t.i for t in span}
        if m.label == "PERSON" or (m.label != "ORG" and gazetteer_place(m.canonical, ctx.lang)):
            continue
        out.append((span.start, span.root.dep_ in _SUBJ, span.root, m.canonical))
    for t in sent:
        if t.pos_ == "PROPN" and t.dep_ in _SUBJ and t.i not in seen:
            name = [t] + [c for c in t.children if c.dep_ in {"flat", "flat:name"}]
            out.append((t.i, True, t, _render(sorted(name, key=lambda x: x.i))))
    return sorted(out, key=lambda n: n[0])


def _before_aside(arg, toks: list) -> list:  # type: ignore[no-untyped-def,type-arg]
    """A subject's words before what it sets apart with a comma or a parenthesis ("Banca Comercială
    Română (BCR), cea mai mare bancă din România după active, a raportat"): the description would
    eat the word budget before the verb and its object; coordinated subjects stay ("A, B și C").
    A subject after its verb keeps its words: what follows its comma restricts it ("o scădere
    drastică, de la 151% în 1997 la sub 50%")."""
    mark = next((t.i for t in arg.subtree if t.i > arg.i and t.text in {",", "("}), None)
    if mark is None or arg.i > arg.head.i:
        return toks
    coordinated = {t.i for c in arg.children if c.dep_ == "conj" for t in c.subtree}
    return [t for t in toks if t.i < mark or t.i in coordinated]


def _render(toks: list) -> str:  # type: ignore[type-arg]
    """Tokens in text order, glued as in the text where they were adjacent ("s-a", "și-a"); none
    before the start of the event's sentence (the parse may hang the site's boilerplate glued before
    it on its words: :func:`_without_boilerplate`)."""
    start = toks[0].doc.user_data.get("headline_from", 0) if toks else 0
    if start and toks[0].idx < start:
        toks = [t for t in toks if t.idx >= start]
    named = toks[0].doc.user_data.get("headline_named", {}) if toks else {}
    out = ""
    for k, t in enumerate(toks):
        out += t.text
        if t.i in named and not (k + 1 < len(toks) and toks[k + 1].i == t.i + 1 and toks[k + 1].pos_ == "PROPN"):
            out += " " + named[t.i]  # "Compania | Lafarge": whom the article means (:func:`_placeholders`)
        if k + 1 < len(toks):
            out += t.whitespace_ if toks[k + 1].i == t.i + 1 else " "
    return out


def _attribution(ctx, arg) -> bool:  # type: ignore[no-untyped-def]
    """Whether the argument is who reports it ("potrivit Coreii de Sud"): a quote's cue or speaker."""
    return any(a <= arg.idx < b for q in ctx.quotes for a, b in (x for x in (q.cue, q.speaker_mention) if x))


def _short_adverb(ctx, tok) -> bool:  # type: ignore[no-untyped-def]
    """A one-word adverb of the predicate ("nu reprezintă doar", "a mai pierdut"): it can turn the
    meaning, so it stays (a time adverb is the date's, shown apart)."""
    if tok.dep_ == "advmod" and tok.n_lefts + tok.n_rights == 0 and tok.pos_ == "ADP" and (
            tok.head.pos_ == "NUM" or _figure_tok(tok.head)):
        return True  # the degree of a figure ("cu peste 110 milioane"): without it a bound reads as the amount
    return tok.dep_ == "advmod" and not tok.is_space and tok.n_lefts + tok.n_rights == 0 and tok.pos_ in {"ADV", "PART"} \
        and not _in_timex(ctx, tok) and not set(tok.morph.get("PronType")) & {"Rel", "Int"}  # not "unde"


def _negated(tok) -> list:  # type: ignore[no-untyped-def]
    return [c for c in tok.children if "Neg" in c.morph.get("Polarity")]


def _clause(ctx, verb, keep: int | None = None, budget: int = MAX_WORDS,  # type: ignore[no-untyped-def]
            skip: frozenset[int] = frozenset()) -> str:
    """The verb's clause compressed to its predicate and arguments (see the module doc, step 2),
    at most ``budget`` words; the argument or complement clause holding token ``keep`` (the
    trigger) is never dropped."""
    negation = _negated(verb)  # read once: the verb's children are walked below for each argument
    glue = [verb] + [ch for ch in verb.children if ch.dep_ in _VERB_PARTS or ch in negation
                     or _short_adverb(ctx, ch)]
    glue += [c for g in list(glue) if g.i != verb.i for c in g.children
             if c in _negated(g) or _short_adverb(ctx, c)]  # "Nu sunt de acord": on the copula
    if verb.pos_ not in {"VERB", "AUX"}:  # a nominal predicate: "este de competența Rusiei"
        glue += [t for t in _np(ctx, verb) if t.i != verb.i]
    glue.sort(key=lambda t: t.i)
    parts: list[tuple[int, str, str]] = [(glue[0].i, _render(glue), "verb")]
    shorter: dict[int, str] = {}  # argument -> its head noun phrase without nouns hung on it
    kept_marks = cues(ctx.lang).get("condition", frozenset()) | cues(ctx.lang).get("purpose", frozenset())
    for ch in verb.children:
        if ch.dep_ in _VERB_PARTS or ch in negation or ch in glue or ch.i in skip or _short_adverb(ctx, ch) \
                or _aside(verb, ch):  # a nominal predicate's own words are said once
            continue
        elif ch.dep_ == "mark" and not _kept_mark(verb, ch, kept_marks):
            continue  # "în timp ce", "după ce": a clause opener whose main clause never comes
        elif _kept_mark(verb, ch, kept_marks):  # in its place: "Dacă un investitor cumpără", "să furnizeze"
            parts.append((ch.i, _render(sorted([ch] + [f for f in ch.children if f.dep_ == "fixed"],
                                                key=lambda t: t.i)), "mark"))
        elif keep is not None and ch.dep_ in _COMPLEMENTS and ch.pos_ in {"VERB", "AUX"} \
                and any(t.i == keep for t in ch.subtree):
            # the trigger's own clause under a modal or a helping verb: "trebuie să distribuie",
            # "a ajutat investitori să furnizeze"; the governing verb keeps the modality
            # its subject written before the governing verb stays there ("fondul trebuie să ...")
            lifted = [c for c in ch.children if c.dep_ in _SUBJ and c.i < verb.i]
            parts += [(c.i, _argument(ctx, c, True), c.dep_) for c in lifted]
            inner = budget
            if any(c.dep_ == "mark" and c.pos_ != "PART" for c in ch.children):
                # "X se așteaptă ca ... să crească": the words before it share the budget, so that
                # the clause drops its own obliques rather than be cut inside a figure
                inner = max(4, budget - _words(parts[0][1]) - sum(
                    _words(_argument(ctx, c, True)) for c in verb.children if c.dep_ in _SUBJ))
            parts.append((ch.i, _clause(ctx, ch, keep, inner, frozenset(c.i for c in lifted)), "keep"))
        elif ch.dep_ in _COMPLEMENTS and ch.pos_ in {"VERB", "AUX"} and not any(
                c.dep_ == "mark" and (c.pos_ != "PART" or any(o.dep_ == "obj" for o in verb.children))
                for c in ch.children):
            # a bare infinitive is the predicate's own ("am putea asista la variații"): never dropped;
            # so is a "să" clause that is all a verb without an object says ("vrea să concureze")
            parts.append((ch.i, _clause(ctx, ch, keep, budget), "complement"))
        elif _period(ctx, ch):  # "în perioada 2010-2012": kept while it fits, only with a figure
            parts.append((ch.i, _render(list(ch.subtree)), "time"))
        elif _beyond_clause(verb, ch) or (_afterthought(ctx, verb, ch) and not (keep is not None and any(
                t.i == keep for t in ch.subtree))):
            continue  # "au crescut cu 5,29% ..., capitalizarea ... este de 20 milioane": another clause's
        elif (ch.dep_ in _ARGS or _figure(ch)) and not _in_timex(ctx, ch) and not (_timed(ctx, ch) and not _says(ctx, verb)) and not (ch.dep_.startswith("obl") and (
                _attribution(ctx, ch) or (any(g.dep_.startswith("acl") for g in ch.children)
                                          and not _names(ctx, ch) and len(_np(ctx, ch)) <= 2))):
            # an oblique that only carries a clause ("în condițiile în care ...") says nothing cut
            if ch.dep_ == "xcomp" and ch.pos_ in {"VERB", "AUX"}:
                parts.append((ch.i, _clause(ctx, ch), "xcomp"))
            elif not (ch.dep_ == "obj" and any(k == "obj" for _, _, k in parts)):
                # one direct object: a second one is the parser's mistake ("a furnizat soldați
                # ... să respingă trupele": the troops are the other verb's object)
                dep = "obl" if _figure(ch) else ch.dep_
                kind = "keep" if keep is not None and any(t.i == keep for t in ch.subtree) else dep
                if dep in _SUBJ and any(c.dep_ in _SUBJ and not _in_timex(ctx, c) for c in verb.children
                                        if c.i < ch.i):
                    dep = "obj"  # one subject: a second one is what the verb says of it ("reprezintă o reducere")
                    kind = kind if kind == "keep" else dep
                parts.append((ch.i, _argument(ctx, ch, dep in _SUBJ), kind))
                if not dep.startswith("obl"):  # a cut oblique hangs ("în perioada"): dropped whole
                    shorter[ch.i] = _argument(ctx, ch, dep in _SUBJ, levels=0)
    parts.sort()
    if not any(any(c.isdigit() for c in text) for _, text, kind in parts if kind != "time"):
        parts = [p for p in parts if p[2] != "time"]  # a period restricts a figure; else it is the date's
    if not any(kind in _SUBJ for _, _, kind in parts) and not any(c.dep_ in _SUBJ for c in verb.children):
        who = _sole_actor(ctx, verb) or _shared_subject(ctx, verb)
        if who:
            parts.insert(0, (-1, who, "nsubj"))
    _fit(parts, shorter, budget)
    words = " ".join(t for _, t, _ in parts).split()
    c = cues(ctx.lang)
    return " ".join(_cut(words, budget, verb.doc, c.get("figure", frozenset()), c.get("range", frozenset())))


def _fit(parts: list[tuple[int, str, str]], shorter: dict[int, str], budget: int) -> None:
    """Shorten ``parts`` in place until they fit ``budget`` words, least needed first."""
    # obliques go first when too long, from the last one; then any argument but the subject
    # then the objects and the subject cut to their head noun phrase ("acțiuni de aproape 100 de
    # milioane de dolari" -> "acțiuni"), then the objects dropped
    for drop in ({"time"}, {"obl", "obl:agent", "obl:arg"}, {"xcomp", "iobj", "obj", "nsubj", "nsubj:pass"}):
        for k in range(len(parts) - 1, -1, -1):
            long_subject = parts[k][2] not in _SUBJ or 2 * _words(parts[k][1]) > budget  # else it stays whole
            if sum(_words(t) for _, t, _ in parts) > budget and parts[k][2] in drop and parts[k][0] in shorter \
                    and long_subject:
                parts[k] = (parts[k][0], shorter.pop(parts[k][0]), parts[k][2])
        while sum(_words(t) for _, t, _ in parts) > budget:
            idx = next((k for k in range(len(parts) - 1, -1, -1) if parts[k][2] in drop - _SUBJ), None)
            if idx is None:
                break
            parts.pop(idx)


def _timed(ctx, ch) -> bool:  # type: ignore[no-untyped-def]
    """Whether an oblique is a time told by its modifier ("La nivel | săptămânal,", "în ritm |
    anual"): without the time word, which goes to the date, the phrase reads garbled ("La nivel
    bursa românească a înregistrat")."""
    return ch.dep_.startswith("obl") and ch.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.i == ch.i + 1 and _in_timex(ctx, c) for c in ch.children)


def _afterthought(ctx, verb, ch) -> bool:  # type: ignore[no-untyped-def]
    """Whether a bare noun phrase after the verb follows a comma that closes what the verb already
    said ("a scăzut cu 5,3% ieri, | cea mai mare scădere zilnică din ultimii patru ani"): it comments
    on the claim, and glued to it without the comma it reads as the verb's object ("a scăzut cu 5,3%
    cea mai mare scădere").  Not after a comma right behind the verb ("a raportat, în T1, un
    profit": the object after an aside)."""
    # a noun the parser made the verb's predicative complement (", echivalentul unei tranzacții de
    # 0,355 milioane lei") is as much an afterthought
    if ch.i < verb.i or ch.dep_ not in {"obj", "obl", "nmod", "appos"} and not (ch.dep_ == "xcomp" and ch.pos_ == "NOUN") \
            or any(c.dep_ == "case" for c in ch.children) or not _after_comma(ch):
        return False
    comma = _first_word(ch).i - 1
    between = [t for t in verb.doc[verb.i + 1:comma] if not t.is_punct and not _in_timex(ctx, t)
               and not (t.dep_ == "case" and _in_timex(ctx, t.head))]
    return bool(between) and verb.doc[verb.i + 1].text != ","  # ... nor after a time ("de luni, 5 decembrie,")


def _beyond_clause(verb, ch) -> bool:  # type: ignore[no-untyped-def]
    """Whether an argument the parser hung on the verb is a clause of its own, with its own subject
    or copula (a comma splice: "au crescut cu 5,29% ..., capitalizarea ... este de 20 milioane"):
    its words would splice two claims into one."""
    return ch.dep_ in _ARGS - _SUBJ and ch.i > verb.i and any(c.dep_ in _SUBJ | {"cop"} for c in ch.children)


def _period(ctx, ch) -> bool:  # type: ignore[no-untyped-def]
    """A time oblique of a few words with its preposition that tells the period a figure covers:
    a duration or a range ("în ultimii opt ani", "în perioada 2010-2012"), a month or longer ("în
    primul trimestru"), or one introduced by a ``period`` word of ``headline_cues.tsv`` ("de la
    începutul anului", "până la finalul anului").  A day ("la sfârșitul săptămânii trecute", "în
    ședința de luni") is the date's, shown beside the headline."""
    toks = list(ch.subtree)
    if not (ch.dep_.startswith("obl") or ch.dep_ == "nmod") or len(toks) > 6 or any(t.is_punct and t.text != "-" for t in toks):
        return False
    case = [c.lower_ for c in ch.children if c.dep_ == "case"]
    lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    times = [t for t in ctx.timexes if lo <= t.start < hi]
    if not case or not times:
        return False
    if not _in_timex(ctx, ch) and not any(_in_timex(ctx, c) for c in ch.children if c.i == ch.i + 1):
        return False  # a time inside another phrase ("asupra profitului băncilor în acest an")
    if len(times) > 1 or any(t.type == "DURATION" for t in times) or set(case) & cues(ctx.lang).get("period", frozenset()):
        return True
    return any(t.interval and _days(t.interval) >= 28 for t in times)


def _days(interval: tuple[str, str]) -> int:
    """How many days an ISO interval covers (0 when its ends are not days)."""
    try:
        return (date.fromisoformat(interval[1][:10]) - date.fromisoformat(interval[0][:10])).days + 1
    except ValueError:
        return 0


def _figure(ch) -> bool:  # type: ignore[no-untyped-def]
    """A figure the parser hung on the verb as a number ("au scăzut cu 2,8%": "2,8%" nummod): an
    oblique of the verb, kept in its place so another figure cannot take its role."""
    return ch.dep_ == "nummod" and any(c.dep_ == "case" for c in ch.children)


def _aside(verb, ch) -> bool:  # type: ignore[no-untyped-def]
    """An argument the sentence sets apart: after a dash or a parenthesis ("- cea mai puternică
    pierdere fiind ..."), or a second subject between commas before the verb (an apposition the
    parser made a subject: "Două fonduri ..., administratorul Fondului Proprietatea, au vândut")."""
    first = next(iter(ch.subtree))
    before = verb.doc[first.i - 1] if first.i > 0 else None
    if first.text in _ASIDE or (before is not None and before.text in _ASIDE):
        return True
    if ch.dep_ == "obl" and not any(c.dep_ == "case" for c in ch.children):
        return True  # a bare noun oblique tells a time ("anul listării fondului"), the date's
    return ch.dep_ in _SUBJ and ch.i < verb.i and before is not None and before.text == "," and any(
        c.dep_ in _SUBJ and c.i != ch.i and c.i < verb.i for c in verb.children)


def _cut(words: list[str], budget: int, doc,  # type: ignore[no-untyped-def]
         figure: frozenset[str] = frozenset(), ranges: frozenset[str] = frozenset()) -> list[str]:
    """At most ``budget`` words, not ending on a word that needs what was cut ("o pierdere de",
    "cu"): the function words of the sentence's own parse, so no word list.  A figure is never
    cut from its unit ("1,2 | miliarde de lei" would change the amount): it runs on to
    ``MAX_FALLBACK`` words to end whole, and so does a range ("de la 20 milioane | la 5 milioane");
    one too long is dropped whole rather than halved."""
    if len(words) <= budget:
        return words

    def fig(w: str) -> bool:
        return any(ch.isdigit() for ch in w) or w.lower().strip(",.;") in figure

    def joined(end: int) -> bool:  # a cut before words[end] splits a figure or a range
        nxt, last = words[end].lower(), words[end - 1].lower()
        return (fig(last) or (last in ranges and fig(nxt))) and (fig(nxt) or (nxt in ranges and end + 1 < len(words)
                                                     and any(ch.isdigit() for ch in words[end + 1])))

    end = budget
    while end < min(len(words), MAX_FALLBACK) and joined(end):
        end += 1
    inside = end < len(words) and joined(end)
    if inside:
        end = budget
    function = _function_words(doc)
    words = words[:end]
    while len(words) > 1 and (words[-1].lower() in function
                              or (inside and (fig(words[-1]) or words[-1].lower() in ranges))):
        words.pop()
    return words


def _function_words(doc) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The article's words its parse tags as function words (lowercase), read once per article
    (kept in ``doc.user_data``: a headline is cut several times per article)."""
    words = doc.user_data.get("headline_function_words")
    if words is None:
        words = frozenset(t.lower_ for t in doc if t.pos_ in _FUNCTION_POS)
        doc.user_data["headline_function_words"] = words
    return words  # type: ignore[no-any-return]


def _kept_mark(verb, ch, condition: frozenset[str] = frozenset()) -> bool:  # type: ignore[no-untyped-def]
    """A subordinator the headline keeps: the particle of a complement clause ("să", "a") and the
    conjunction of a condition or purpose ("dacă", "pentru"): without it a hypothetical reads as
    a fact ("Dacă un investitor cumpără acțiuni").  Another one ("în timp ce", "după ce") would
    open the headline with a clause that never comes: it goes, what it introduces is a fact."""
    if ch.dep_ != "mark":
        return False
    if ch.pos_ == "PART" or (verb.dep_ == "ccomp" and any(c.dep_ == "mark" and c.pos_ == "PART" for c in verb.children)):
        return True  # ... and the conjunction that opens the particle's clause ("se așteaptă ca ... să crească")
    words = " ".join([ch.lower_] + [f.lower_ for f in ch.children if f.dep_ == "fixed"])
    return verb.dep_ == "advcl" and (not condition or words in condition or ch.lower_ in condition)


def _governing_verb(ctx, verb):  # type: ignore[no-untyped-def]
    """The verb whose clause tells the trigger's verb: up from a complement introduced by a
    particle ("Fondul trebuie să distribuie", "Lending Club a ajutat ... să furnizeze") or by
    nothing ("nu au putut achiziționa decât"), at most twice, so the modality, the negation and the
    actor of the governing verb stay in the headline; never up to a verb of saying (what was said
    is its own headline).  A complement introduced by a conjunction ("a anunțat că") stays; one
    whose conjunction opens a subjunctive with the particle ("se așteaptă ca vânzările să crească")
    goes up: alone, "Vânzările să crească cu 10%" loses whose expectation it is."""
    for _ in range(2):
        marks = [c for c in verb.children if c.dep_ == "mark"]
        if not (verb.dep_ in _COMPLEMENTS and verb.head.pos_ in {"VERB", "AUX"} and verb.head.i != verb.i
                and (all(c.pos_ == "PART" for c in marks) or any(c.pos_ == "PART" for c in marks) and verb.dep_ == "ccomp")
                and not _says(ctx, verb.head)):
            break
        verb = verb.head
    return verb


def _says(ctx, tok) -> bool:  # type: ignore[no-untyped-def]
    return any(q.cue and q.cue[0] <= tok.idx < q.cue[1] for q in ctx.quotes)


def _shared_subject(ctx, verb) -> str | None:  # type: ignore[no-untyped-def]
    """The subject a coordinated verb shares with the first one ("Gorman a pariat ... și a
    cumpărat")."""
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ == "mark" or set(c.morph.get("PronType")) & {"Rel", "Int"} for c in verb.children):
        return None  # "ZF i-a solicitat ... și când au avut loc vânzările": a question, not ZF's act
    subj = next((c for c in verb.head.children if c.dep_ in _SUBJ), None)
    return _argument(ctx, subj, True, levels=0) if subj is not None else None


def _sole_actor(ctx, verb) -> str | None:  # type: ignore[no-untyped-def]
    """A subject the text leaves out ("a declarat că"): the speaker of a quote cued by the verb."""
    for q in ctx.quotes:
        if q.cue and q.cue[0] <= verb.idx < q.cue[1] and q.speaker:
            return str(q.speaker)
    return None


def _statement(ctx, tok, ev: EventMention) -> str | None:  # type: ignore[no-untyped-def]
    """"<speaker>: <reported clause>" for a statement whose quote the analysis found."""
    for q in ctx.quotes:
        if q.cue and q.cue[0] <= tok.idx < q.cue[1] and q.speaker:
            lo, hi = q.content
            if ev.sentence:  # what was said within the event's own sentence (a quote may run on)
                lo, hi = max(lo, ev.sentence[0]), min(hi, ev.sentence[1])
            if hi <= lo:
                return None
            span = ctx.doc.char_span(lo, hi, alignment_mode="expand")
            if span is None or len(span) == 0:
                return None
            # what was said, from its start, shortened where a phrase may end (never compressed:
            # a quote cut inside, "un exemplu extraordinar pentru modul", changes what was said)
            toks = [t for t in span if not (t.is_punct and t.text not in _QUOTE_MARKS)]
            while toks and toks[-1].is_punct:
                toks.pop()
            while toks and toks[0].is_punct:
                toks.pop(0)
            if not toks:
                return None
            named = _names_speaker(ctx, q, ev)
            speaker = _speaker(ctx, q)
            budget = max(4, MAX_FALLBACK - _words(speaker)) if named else MAX_FALLBACK
            toks = list(span[toks[0].i - span.start:toks[-1].i - span.start + 1])
            kept = _cut_faithfully(ctx, toks, budget)
            if not _has_predicate(ctx, ev, _render(kept)):  # a description ate the budget before the verb
                bare = _without_asides(toks)
                kept = _cut_faithfully(ctx, bare, budget) if bare is not toks else kept
                toks = bare if bare is not toks else toks
            said = _strip_connectives(ctx, _render(kept) + (ELLIPSIS if kept[-1].i < toks[-1].i else ""))
            # a speaker the sentence does not name (an outlet, another person of the article)
            # would put words in the wrong mouth: then what was said stands alone
            return f"{speaker}: {said}" if named else said
    return None


def _pattern(ctx, ev: EventMention) -> str | None:  # type: ignore[no-untyped-def]
    """A pattern of the language for a noun-told happening between parties (step 3)."""
    table = patterns(ctx.lang)
    if ev.type not in table:
        return None
    persons = {m.canonical for m in ctx.entities if m.label == "PERSON"}
    parties = [p for p in ev.participants if p in persons and " " in p]
    if len(parties) < 2:  # two named people ("Choe Son Hui", "Serghei Lavrov"), else the noun phrase
        return None
    join = f" {table.get('join', 'and')} "
    others = parties[1:]
    b = others[0] if len(others) == 1 else ", ".join(others[:-1]) + join + others[-1]
    text = table[ev.type].format(a=parties[0], b=b)
    if ev.place and "place" in table:
        text += " " + table["place"].format(place=ev.place)
    return text


def _segment(text: str, sent: tuple[int, int], trig: tuple[int, int], anchor: int | None = None,
             lang: str = "") -> str:
    """Without a parse: the comma-delimited stretch of the sentence around the trigger.  With one,
    ``anchor`` is where the trigger's own phrase begins: a stretch too long starts there ("pentru a
    achiziționa un portofoliu"), never inside another phrase ("de dolari pentru a ...")."""
    s, e = sent
    lo = max(text.rfind(", ", s, trig[0]), text.rfind("; ", s, trig[0]), s - 1) + 1
    hi_c = [i for i in (text.find(", ", trig[1], e), text.find("; ", trig[1], e)) if i >= 0]
    hi = min(hi_c) if hi_c else e  # ", " and "; ": a comma inside a number ("30,000") is no break
    words = text[lo:hi].split()
    if len(words) <= MAX_STRETCH:  # whole rather than cut inside it ("from its own cash or from")
        return " ".join(words)
    at = len(text[lo:trig[0]].split())  # the trigger's word index: keep it in the window
    # from the stretch's start when the trigger fits (the subject and a negation stay: "Aproape
    # nimeni nu a scăpat de scăderea"), else from a few words before the trigger
    first = 0 if at < MAX_WORDS - 2 else at - MAX_WORDS // 3
    if first and anchor is not None and lo <= anchor <= trig[0]:
        first = len(text[lo:anchor].split())
    kept = words[first:first + MAX_WORDS]
    ending = cues(lang).get("ending", frozenset()) if lang else frozenset()
    while len(kept) > 3 and kept[-1].lower().strip(",;:") in ending:
        kept.pop()  # no parse says which words need what follows: the language's list does
    return " ".join(kept)


def headline(ctx, tok, ev: EventMention) -> str:  # type: ignore[no-untyped-def]
    """The headline of the event whose primary trigger is ``tok`` (see the module doc)."""
    if not ctx.parsed:
        stretch = _segment(ctx.text, ev.sentence or (0, len(ctx.text)), ev.trigger, lang=ctx.lang)
        return _tidy(_closed_brackets(_strip_connectives(ctx, _without_fragment(ctx, ev, stretch))))
    _placeholders(ctx)  # the organisations generic nouns stand for, written by _render
    trimmed = _without_boilerplate(ctx, ev)
    ctx.doc.user_data["headline_from"] = trimmed.sentence[0] if trimmed is not ev and trimmed.sentence else 0
    # the split's tail keeps its own sentence for the words to drop from a headline's start
    tail = _without_leading_space(ctx, trimmed)
    ev = _rejoined(ctx, tail)
    if ev.type == "statement":
        said = _statement(ctx, tok, ev)
        if said and not _hides_restriction(ctx, tok, ev, said) and _has_predicate(ctx, ev, said.partition(": ")[2] or said):
            return _tidy(_without_fragment(ctx, tail, said))
    copular = any(c.dep_ == "cop" for c in tok.children)  # "Nu sunt de acord": a nominal predicate
    if tok.pos_ not in {"VERB", "AUX"} and not copular:
        pattern = _pattern(ctx, ev)  # parties whose order does not matter: their pattern first
        if pattern:
            return _tidy(pattern)
    # a noun trigger that is its verb's argument takes the verb's clause ("a raportat un profit",
    # "a afișat o scădere de 0,66%", "s-a diminuat ... din cauza scăderii valorii"): alone it hides
    # what it happened to, or reads inflected ("Scăderii drastice a valorii")
    verb = tok if tok.pos_ in {"VERB", "AUX"} or copular else (
        tok.head if tok.dep_ in _ARGS - {"xcomp"} and tok.head.i != tok.i and (
            tok.head.pos_ in {"VERB", "AUX"} or (tok.dep_ in _SUBJ and any(c.dep_ == "cop" for c in tok.head.children)
                                                 and _figure_tok(tok.head)))
        else None)  # "Creșterea activelor ... a fost de 12%": the subject of a figure predicate
    if verb is not None:
        verb = _governing_verb(ctx, verb)
    if ev is not tail and not (verb is not None and _own_subject(verb, tail)):
        joined = _rejoined_clause(ctx, ev)
        if joined is not None:
            joined = _with_dropped_subject(ctx, ev, _strip_connectives(ctx, joined))
            return _tidy(_closed_brackets(_reported_by(ctx, tok, ev, joined)))
    text = _candidate(ctx, tok, ev, verb)
    if text is not None and _unfaithful_compression(ctx, ev, tok, verb, text):
        # what restricts the claim may fit a longer headline; else the sentence's own words
        text = _candidate(ctx, tok, ev, verb, MAX_STRETCH) if verb is not None else None
        if text is not None and _unfaithful_compression(ctx, ev, tok, verb, text):
            text = None
    if text is not None:
        text = _reported_by(ctx, tok, ev, _strip_connectives(ctx, text))
    if text is None:
        # no full clause with an actor, or one that would change or hide the claim: the
        # sentence's own main clause, shortened (faithful first, short second)
        text = _reported_by(ctx, tok, ev, _strip_connectives(ctx, _main_clause(ctx, ev)))
    if not _has_predicate(ctx, ev, text):
        text = _predicate_clause(ctx, tok, ev) or text
    text = _said_before(ctx, tok, ev, text) or _with_dropped_subject(ctx, ev, text)
    return _tidy(_closed_brackets(_without_fragment(ctx, tail, _without_fragment(ctx, ev, text))))


def _said_before(ctx, tok, ev: EventMention, text: str) -> str | None:  # type: ignore[no-untyped-def]
    """A statement whose headline is only its verb and speaker ("A declarat Radu Hanga") while the
    sentence says before them what was said (the end of a quotation the split cut from its
    opening mark: "... povești antreprenoriale de succes” a declarat Radu Hanga"): "<speaker>: <what
    was said, shortened>".  None otherwise."""
    if ev.type != "statement" or tok.pos_ not in {"VERB", "AUX"} or not ev.sentence:
        return None
    subj = next((c for c in tok.children if c.dep_ in _SUBJ and c.i > tok.i), None)
    group = [c for c in tok.children if c.dep_ in _VERB_PARTS and c.i < tok.i] + [tok]
    first = min(group, key=lambda t: t.i)
    if subj is None or text.split()[0].lower() != first.lower_:
        return None
    span = ctx.doc.char_span(*ev.sentence, alignment_mode="expand")
    said = [t for t in span if t.i < first.i and not t.is_space] if span is not None else []
    while said and (said[-1].is_punct or said[-1].text in _QUOTE_MARKS):
        said.pop()
    while said and (said[0].is_punct or said[0].text in _QUOTE_MARKS):
        said.pop(0)
    if len(said) < 4 or any(t.text in _QUOTE_MARKS for t in said):
        return None  # a quotation opened inside: the quote engine's, not a tail's
    speaker = _argument(ctx, subj, True, levels=0)
    # the speaker's words count: the whole line stays within the stretched budget
    kept = _cut_faithfully(ctx, said, MAX_FALLBACK - _words(speaker))
    return f"{speaker}: " + _render(kept) + (ELLIPSIS if len(kept) < len(said) else "")


def _with_dropped_subject(ctx, ev: EventMention, text: str) -> str:  # type: ignore[no-untyped-def]
    """A headline that opens on its verb while the words of the sentence just before that verb
    name who acts: those words lead ("Digi a trecut pe profit", not "A trecut pe profit";
    "Dobânzile Robor ... au coborât", not "Au coborât").  The parser hung that subject on another
    word (a time, a name), so the clause rules left it out; a headline without it hides the actor
    (:func:`_actor_before_verb`).  A headline that opens inside its subject's phrase names the wrong
    actor ("Robor a creat premise" of "Scăderea Robor"; "Antoine Frérot ar fi urmat să crească" of
    his pay): the subject's head leads, unless the name is in apposition to it.  The headline is then
    the sentence from the subject (its determiners kept) and from the verb, shortened."""
    words = text.split()
    if not words or ": " in text or not ev.sentence:
        return text
    span = ctx.doc.char_span(*ev.sentence, alignment_mode="expand")
    if span is None:
        return text
    first, second = words[0].lower(), (words[1].lower().strip(",;:…") if len(words) > 1 else "")

    def opens(t) -> bool:  # type: ignore[no-untyped-def]  # the headline's first two words start here
        nxt = next((x for x in t.doc[t.i + 1:span.end] if not x.is_space), None)
        return t.lower_ == first and (not second or (nxt is not None and nxt.lower_ == second))
    start = next((t for t in span if opens(t)), None)
    if start is None:
        return text
    if start.pos_ in {"AUX", "VERB"}:
        actor, main = _actor_before_verb(ctx, span, start)
    elif start.dep_ in _VERB_PARTS and start.head.i > start.i:  # "Se plasează", "Îi forțează"
        # ... only the verb's own subject, never a noun of a phrase before it ("Printre băncile care au
        # anunțat majorări ... se numără Raiffeisen": the banks are what is counted)
        actor, main = _actor_before_verb(ctx, span, start)
        if actor is not None and not _governed_by(actor, main):
            actor = None
    else:  # a headline that opens inside its subject's phrase ("Nesubscrise vor fi vândute", "Al celor
        # mai lichide zece acțiuni, era în creștere"): the subject's head and what follows it lead
        actor = next((a for a in start.ancestors if a.dep_ in _SUBJ and span.start <= a.i < start.i
                      and a.pos_ in {"NOUN", "PROPN"}), None)
        main = actor.head if actor is not None else None
        path = [start, *[a for a in start.ancestors if actor is not None and a.i > actor.i]]
        # ... but a name in apposition is the subject itself ("Ministrul ..., Mario Centeno, a declarat")
        if actor is not None and (start.i - actor.i > 8 or main.i < start.i
                                  or any(t.dep_ == "appos" and t.head.i == actor.i for t in path)):
            actor = None
    if actor is None or main is None:
        return text
    # ... from its determiners and adjectives ("marile piețe", "a treia încercare"), the scene left out
    lead = min([actor.i] + [t.i for c in actor.lefts if c.dep_ in {"det", "amod", "nummod", "advmod"}
                            for t in c.subtree if t.i >= span.start])
    if lead > 0 and ctx.doc[lead - 1].pos_ == "ADP":
        return text  # "În toată această discuție | se pune": a phrase of the scene, not who acts
    toks = [t for t in ctx.doc[lead:start.i] if not t.is_space] + [t for t in span if t.i >= start.i and not t.is_space]
    kept = _cut_faithfully(ctx, toks, MAX_FALLBACK, keep=main.i)
    if not any(t.i == main.i for t in kept) or len(kept) < 3:
        return text
    return _strip_connectives(ctx, _render(kept) + (ELLIPSIS if len(kept) < len(toks) else ""))


def _without_boilerplate(ctx, ev: EventMention) -> EventMention:  # type: ignore[no-untyped-def]
    """The event with its sentence starting after the site's boilerplate the sentence split left
    glued to its start ("Cursul valutar BNR. Vedeţi aici evoluţia principalelor valute ...",
    "WikiZF: Profilul companiei Romgaz", "Acţiunea zilei de ieri"): such a line stands on its own
    line of the text, so the sentence starts at the next line (``boilerplate`` in
    ``headline_cues.tsv``; diacritics folded).  The event unchanged when there is none."""
    lo, hi = ev.sentence or (0, len(ctx.text))
    phrases = sorted((fold_diacritics(p) for p in cues(ctx.lang).get("boilerplate", frozenset())), key=len, reverse=True)
    start = lo
    for _ in range(4):  # "WikiZF: ... OMV Petrom / WikiZF: ... Romgaz / <the sentence>"
        skip = len(ctx.text[start:hi]) - len(ctx.text[start:hi].lstrip())
        head = fold_diacritics(ctx.text[start + skip:start + skip + 80].lower())
        hit = next((p for p in phrases if head.startswith(p)), None)
        if hit is None:
            break
        eol = ctx.text.find("\n", start + skip + len(hit), hi)
        if eol < 0:  # the line runs on to the sentence's end: nothing but the phrase is skipped
            eol = start + skip + len(hit)
        for _ in range(40):  # the table the line heads ("Cursul BNR de joi:" / "Euro" / "4,4830" / ...)
            nxt = ctx.text.find("\n", eol + 1, hi)
            if nxt < 0 or _words(ctx.text[eol:nxt]) >= 4:
                break
            eol = nxt
        start = eol
    if start == lo or not ctx.text[start:hi].strip():
        return ev
    return replace(ev, sentence=(start + len(ctx.text[start:hi]) - len(ctx.text[start:hi].lstrip()), hi))


def _without_leading_space(ctx, ev: EventMention) -> EventMention:  # type: ignore[no-untyped-def]
    """The event with its sentence starting at its first word: a sentence that starts with a line
    break is a parse whose root is the line break, with no main clause to find."""
    if not ev.sentence:
        return ev
    lo, hi = ev.sentence
    gap = len(ctx.text[lo:hi]) - len(ctx.text[lo:hi].lstrip())
    return replace(ev, sentence=(lo + gap, hi)) if gap and lo + gap < hi else ev


def _rejoined(ctx, ev: EventMention) -> EventMention:  # type: ignore[no-untyped-def]
    """The event with its sentence rejoined to the sentence before when the split cut one sentence
    after an abbreviation ("... venituri de 120 mil. | lei, în creștere cu 26%"): a sentence never
    starts with a lowercase word, and the tail alone names neither the actor nor
    the figure ("Lei, în creștere cu 26%" says nothing).  The parse still has two sentences: the
    headline is built on the first one's root, from its subject, as for any long sentence."""
    if not ev.sentence or not ctx.parsed:
        return ev
    lo, hi = ev.sentence
    for _ in range(3):  # "... 1,2 mil. | lei (0,3 mil. | euro), ...": a tail may follow a tail
        head = ctx.text[lo:lo + 1]
        before = ctx.text[max(0, lo - 12):lo].rstrip()
        quoted = head in _QUOTE_MARKS and ctx.text[lo + 1:lo + 3].strip()[:1].islower()  # "” a declarat"
        if not (head.islower() or quoted) or not before.endswith(".") or lo == 0:
            break
        first = ctx.doc.char_span(lo, hi, alignment_mode="expand")
        if first is None or first.start == 0:
            break
        start = ctx.doc[first.start - 1].sent.start_char
        if start >= lo:
            break
        lo = start + len(ctx.text[start:lo]) - len(ctx.text[start:lo].lstrip())
    return ev if lo == ev.sentence[0] else replace(ev, sentence=(lo, hi))


def _actor_before_verb(ctx, span, verb) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    """For a headline that opens on its verb: the first noun or name among the words before the verb
    back to the last comma that could be its subject (no preposition, no genitive, no time), and the
    verb the auxiliary serves ("bursa ... a mai fost lovită": "lovită" must stay); (None, None)
    when there is none or the words are a source ("Potrivit ...")."""
    if verb.pos_ == "VERB" and "Fin" not in verb.morph.get("VerbForm"):
        return None, None
    main = verb.head if verb.dep_ in _VERB_PARTS and verb.head.i > verb.i else verb
    attribution = cues(ctx.lang).get("attribution", frozenset())
    k = verb.i - 1
    for hop in range(2):  # "Indicele BET, al celor mai lichide zece acțiuni, | a încheiat": past one aside
        stretch: list = []  # type: ignore[type-arg]
        while k >= span.start:  # a name's bracket stays inside ("SIF Banat-Crișana (SIF1) se plasează")
            t = ctx.doc[k]
            if t.is_space or t.text in {",", ";", ":"} or t.text in _QUOTE_MARKS:
                break
            stretch.insert(0, t)
            k -= 1
        if not stretch or stretch[0].lower_ in attribution:
            return None, None
        actor = next((t for t in stretch if t.pos_ in {"NOUN", "PROPN"} and not any(c.dep_ == "case" for c in t.children)
                      and not {"Gen", "Dat"} & set(t.morph.get("Case")) and not _in_timex(ctx, t)), None)
        if actor is not None:
            return actor, main
        # ... an aside is a genitive or a description opening with a determiner ("al", "cel mai mare")
        if hop or k < span.start or ctx.doc[k].text != "," or stretch[0].pos_ not in {"DET", "ADJ"}:
            break
        k -= 1
    return None, main


def _governed_by(tok, verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``tok`` hangs on ``verb`` through words none of which has a preposition."""
    node = tok
    for _ in range(8):
        if node.i == verb.i:
            return True
        if any(c.dep_ == "case" for c in node.children) or node.head.i == node.i:
            return False
        node = node.head
    return False


def _own_subject(verb, tail: EventMention) -> bool:  # type: ignore[no-untyped-def]
    """Whether a verb of a split's tail has a subject of its own there, after the tail's first word
    ("lei, în timp ce profitul net urcă"; the tail's first word is the unit of the figure before it,
    never a subject: "lei, a înregistrat")."""
    lo = (tail.sentence or (0, 0))[0]
    return any(c.dep_ in _SUBJ and c.idx > lo for c in verb.children)


def _rejoined_clause(ctx, ev: EventMention) -> str | None:  # type: ignore[no-untyped-def]
    """The headline of an event told in a split's tail, from the sentence's first part: its main
    clause when that part has a predicate ("Transgaz a raportat un profit net de 172,5 mil. lei…"
    for "lei, în scădere cu 13,4%"), else its first phrase joined to the first later stretch that
    opens with a verb ("SIF Banat-Crișana (SIF1), ..., cu peste 1 mld. | lei, a înregistrat" ->
    "SIF Banat-Crișana (SIF1) a înregistrat ... un profit net…"); None when neither has a predicate."""
    lo, hi = ev.sentence or (0, len(ctx.text))
    span = ctx.doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    first = span[0].sent
    root = first.root
    if root.pos_ in {"VERB", "AUX"} or any(c.dep_ == "cop" for c in root.children):
        text = _main_clause(ctx, ev, root)
    else:
        text = _noun_then_verb(ctx, ev, span)
    return text if text is not None and _has_predicate(ctx, ev, text) else None


def _has_predicate(ctx, ev: EventMention, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a headline says something: it keeps a verb of its sentence that is a predicate (not a
    participle or gerund describing a noun: "Compania ... controlată de vehiculul ..." says nothing),
    or the copula of a nominal predicate."""
    lo, hi = ev.sentence or (0, len(ctx.text))
    span = ctx.doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return True
    words = set(_pieces(text))
    return any(t.pos_ in {"VERB", "AUX"} and _kept(t, words) and len(t.text) > 1
               and (t.dep_ == "cop" or (not t.dep_.startswith(("acl", "amod", "aux"))
                                         and not _bare_infinitive(t))) and not _gerund(t)
               for t in span)


def _gerund(verb) -> bool:  # type: ignore[no-untyped-def]
    """A gerund ("coborând", "fiind"): the verb of an absolute or adverbial clause, never a
    sentence's predicate, so its clause alone reads as a fragment ("Vânzările coborând cu 3,6%")."""
    return "Ger" in verb.morph.get("VerbForm") or any(
        c.dep_ in {"aux", "aux:pass", "cop"} and "Ger" in c.morph.get("VerbForm") for c in verb.children)


def _bare_infinitive(verb) -> bool:  # type: ignore[no-untyped-def]
    """An infinitive with its particle and no auxiliary ("pentru a câștiga validare"): no
    predicate; "va întâlni", "am putea asista" are."""
    return "Inf" in verb.morph.get("VerbForm") and any(c.dep_ == "mark" for c in verb.children) \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _predicate_clause(ctx, tok, ev: EventMention) -> str | None:  # type: ignore[no-untyped-def]
    """A headline with a predicate for an event whose headline had none: the main clause built
    from the sentence's root, else the clause of the nearest verb above the trigger with its
    arguments (the trigger's own phrase kept), else the trigger's clause clipped; None when the
    sentence has no verb at all."""
    lo, hi = ev.sentence or (0, len(ctx.text))
    span = ctx.doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    built = _built_main_clause(ctx, ev, span.root) or _subject_then_verb(ctx, ev, span) or _noun_then_verb(ctx, ev, span)
    if built is not None:
        return built
    verb = next((a for a in [tok, *tok.ancestors] if a.pos_ in {"VERB", "AUX"} and not a.dep_.startswith(("acl", "amod"))
                 and not _gerund(a) and lo <= a.idx < hi), None)
    if verb is None:
        return None
    text = _clause(ctx, verb, tok.i, MAX_STRETCH)
    if _words(text) >= 3 and _has_predicate(ctx, ev, text) and not _unfaithful_compression(ctx, ev, tok, verb, text):
        return text
    toks = [t for t in verb.subtree if lo <= t.idx < hi]
    toks = _without_asides(toks) if len(toks) > MAX_FALLBACK else toks
    kept = _cut_faithfully(ctx, toks, MAX_STRETCH, keep=verb.i)
    return _render(kept) + (ELLIPSIS if len(kept) < len(toks) else "")


def _subject_then_verb(ctx, ev: EventMention, span) -> str | None:  # type: ignore[no-untyped-def]
    """The main clause with what the sentence sets between commas before its verb left out: the
    comma-delimited stretch that holds the subject, then the one that holds the verb ("Unirea
    Shopping Center, companie controlată de ..., care controlează ..., a raportat ..." -> "Unirea
    Shopping Center a raportat ..."; "În cele două luni de insolvență, potrivit ..., firma Euro
    Insol, controlată de Remus Borza, a ..." -> "Firma Euro Insol a ...").  None when the subject and the
    verb share a stretch (nothing to leave out) or the result has no predicate."""
    root = span.root
    subj = next((c for c in root.children if c.dep_ in _SUBJ and c.i < root.i), None) or next(
        (s for c in root.lefts if c.dep_ == "advcl" for s in [_mis_hung_subject(root, c)] if s is not None), None)
    if subj is None or root.pos_ not in {"VERB", "AUX"} and not any(c.dep_ == "cop" for c in root.children) or _gerund(root):
        return None
    first_of_verb = min([root.i] + [c.i for c in root.children if c.dep_ in _VERB_PARTS | {"advmod"} and c.i > subj.i])
    commas = [t.i for t in span if t.text == "," and t.i < first_of_verb]
    if not commas or commas[-1] < subj.i:
        return None
    lo_subj = max([c for c in commas if c < subj.i], default=span.start - 1)
    hi_subj = min(c for c in commas if c > subj.i)
    toks = [t for t in span if (lo_subj < t.i < hi_subj and t.i >= next(iter(subj.subtree)).i) or t.i > commas[-1]]
    if len(toks) < 3:
        return None
    kept = _cut_faithfully(ctx, toks, MAX_FALLBACK, keep=root.i)
    text = _render(kept) + (ELLIPSIS if len(kept) < len(toks) else "")
    return text if _has_predicate(ctx, ev, text) and _kept(root, set(_pieces(text))) else None


def _noun_then_verb(ctx, ev: EventMention, span) -> str | None:  # type: ignore[no-untyped-def]
    """When the parse has no usable root: the sentence's first comma-delimited stretch, a noun
    phrase, joined to the first later stretch that opens with a verb or an auxiliary ("Veniturile
    din cloud ale Microsoft, care includ ..., au fost de 9,6 miliarde de dolari" -> "Veniturile din
    cloud ale Microsoft au fost de 9,6 miliarde de dolari…"); None when the first stretch is not a
    noun phrase or no stretch opens with a verb."""
    stretches: list[list] = [[]]  # type: ignore[type-arg]
    for t in span:
        if t.text == ",":
            stretches.append([])
        elif not t.is_space:
            stretches[-1].append(t)
    head = stretches[0]
    if len(stretches) < 3 or not head or head[0].pos_ not in {"NOUN", "PROPN", "DET", "ADJ", "NUM"} \
            or any(t.pos_ in {"VERB", "AUX"} and not t.dep_.startswith(("acl", "amod")) for t in head):
        return None
    at = next((k for k, st in enumerate(stretches[2:], 2) if st and st[0].pos_ in {"AUX", "VERB"}
               and not set(st[0].morph.get("VerbForm")) & {"Ger", "Part", "Inf"}
               and not (st[0].pos_ == "VERB" and st[0].dep_.startswith(("acl", "amod")))), None)
    if at is None:
        return None
    rest = [t for t in span if t.i >= stretches[at][0].i]
    toks = head + rest
    kept = _cut_faithfully(ctx, toks, MAX_FALLBACK, keep=stretches[at][0].i)
    text = _render(kept) + (ELLIPSIS if len(kept) < len(toks) else "")
    return text if _has_predicate(ctx, ev, text) else None


def _closed_brackets(text: str) -> str:
    """A headline never ends inside a bracket it opened ("Titlurile fondului STK Emergent (STK"):
    the open bracket and what follows it go."""
    at = text.rfind("(")
    if at > 0 and ")" not in text[at:]:
        rest = text[:at].rstrip(" ,;:-–")
        return rest + (ELLIPSIS if not rest.endswith(ELLIPSIS) and text.endswith(ELLIPSIS) else "") if _words(rest) >= 2 else text
    return text


_CLOSING = re.compile(r"[)\]}»”,;:]")


def _without_fragment(ctx, ev: EventMention, text: str) -> str:  # type: ignore[no-untyped-def]
    """The headline without the tail of another sentence it starts with: a sentence that starts
    with a lowercase word or a closing mark was split inside another one ("lei), în scădere cu
    39%", "euro) ..."), so its words up to the first closing mark or comma are no part of it."""
    lo, hi = ev.sentence or (0, len(ctx.text))
    sent = ctx.text[lo:hi].lstrip()
    if not sent or not (sent[0].islower() or _CLOSING.match(sent[0])):
        return text
    # the tail: a few words closed by a bracket or a comma ("lei),", "lei capitalizare,")
    head = sent.split()[:3]
    end = next((k for k, w in enumerate(head) if _CLOSING.search(w)), None)
    if end is None or not head[0][:1].isalpha():
        return text  # "a vândut 354.000 de acțiuni": a clause that lost its subject, no tail
    tail = [w.strip(",;:)]}").lower() for w in head[:end + 1]]
    speaker, _, said = text.partition(": ")  # "lei capitalizare: fondul ...": no speaker at all
    if said and speaker.lower().split() == [w for w in tail if w] and _words(said) >= 3:
        return said
    words = text.split()
    if [w.strip(",;:)]}").lower() for w in words[:end + 1]] != tail:
        return text
    rest = " ".join(words[end + 1:]).lstrip(",;:)]} ")
    return rest if _words(rest) >= 3 else text


@lru_cache(maxsize=None)
def _media(lang: str) -> frozenset[str]:
    """The outlets and agencies of ``lang/<lang>/quotes_media.txt``, lowercase."""
    return frozenset(line.strip().lower() for line in data_lines(lang, "quotes_media.txt"))


def _names_speaker(ctx, q, ev: EventMention) -> bool:  # type: ignore[no-untyped-def]
    """Whether the event's sentence itself names the quote's speaker: its mention lies in the
    sentence and is written with the speaker's name or an alias of it (not a pronoun the analysis
    resolved elsewhere); an outlet (``quotes_media.txt``) only as the subject of its own verb of
    saying ("Bloomberg scrie"), never when it merely reports ("potrivit Bloomberg") what a
    company or person of the sentence said."""
    lo, hi = ev.sentence or (0, len(ctx.text))
    at = q.speaker_mention
    if not q.speaker or at is None or not (lo <= at[0] and at[1] <= hi):
        return False
    label = fold_diacritics(str(q.speaker).lower()) + ":"
    if any(fold_diacritics(p) == label for p in cues(ctx.lang).get("boilerplate", frozenset())):
        return False  # "Alte declarații: ...": the site's label before what someone said, no speaker
    written = ctx.text[at[0]:at[1]].lower()
    speaker = str(q.speaker)
    initials = "".join(w[0] for w in speaker.split() if w[:1].isupper()).lower()
    named = any(w in written for w in speaker.lower().split() if len(w) > 1) or any(
        m.canonical == speaker for m in ctx.entities if at[0] <= m.start < at[1]) or (
        len(initials) > 1 and initials in written.replace(".", "").split())  # "FP": Fondul Proprietatea
    if not named:
        return False
    if speaker.lower() in _media(ctx.lang) or speaker == q.media_source:
        span = ctx.doc.char_span(at[0], at[1], alignment_mode="expand")
        others = [o for o in ctx.quotes if o is not q and o.speaker and o.speaker_mention
                  and lo <= o.speaker_mention[0] < hi and str(o.speaker).lower() not in _media(ctx.lang)]
        return span is not None and span.root.dep_ in _SUBJ and not others
    return True


def _strip_connectives(ctx, text: str) -> str:  # type: ignore[no-untyped-def]
    """The headline without the linking words left at its start ("Astfel,", "Și", "Pentru că", "A
    declarat că"): they tie the sentence to the one before it, which the reader does not see."""
    phrases = sorted(cues(ctx.lang).get("connective", frozenset()), key=len, reverse=True)
    text = text.strip()
    for _ in range(4):
        low = text.lower()
        hit = next((p for p in phrases if low.startswith(p) and len(low) > len(p)
                    and not low[len(p)].isalnum()), None)
        rest = text[len(hit):].lstrip(" ,") if hit else ""
        if hit is None or _words(rest) < 3:
            break
        text = rest
    return text


def _reported_by(ctx, tok, ev: EventMention, text: str) -> str:  # type: ignore[no-untyped-def]
    """What someone said is theirs: "<speaker>: <clause>" when the trigger lies in a quote whose
    speaker the analysis found ("oficialii KazMunayGas spun că ... este semnat doar un memorandum"),
    else the clause alone."""
    for q in ctx.quotes:
        lo, hi = q.content
        cue = ctx.doc.char_span(*q.cue, alignment_mode="expand") if q.cue else None
        said_by_verb = cue is not None and any(t.pos_ in {"VERB", "AUX"} for t in cue)  # not "potrivit X"
        written = ctx.text[q.speaker_mention[0]:q.speaker_mention[1]] if q.speaker_mention else ""
        if q.speaker and said_by_verb and lo <= tok.idx < hi and str(q.speaker) not in text \
                and not (written and written in text):  # "FP a mai anunțat că ...": named already
            if not _names_speaker(ctx, q, ev):
                return text  # no speaker the sentence names: no prefix
            # the holder stays even when the clause must be clipped for it: an opinion without
            # its holder reads as a general fact ("..., consideră Dan Popovici")
            speaker = _speaker(ctx, q)
            room = MAX_STRETCH - _words(speaker)
            if _words(text) > room:
                c = cues(ctx.lang)
                text = " ".join(_cut(text.split(), room, ctx.doc, c.get("figure", frozenset()),
                                     c.get("range", frozenset()))).rstrip(" ,;:") + ELLIPSIS
            return f"{speaker}: {text}"
    return text


def _candidate(ctx, tok, ev: EventMention, verb, budget: int = MAX_WORDS) -> str | None:  # type: ignore[no-untyped-def]
    """The compressed clause (or pattern, or owned noun phrase) of the trigger, or None when it is
    not a faithful headline: it lies inside an attribution, relative or comparative clause, has no
    actor, loses the claim's negation, modality or question, or is a bare noun without an owner."""
    if _inside_dependent(ctx, verb if verb is not None else tok):
        return None
    if verb is not None:
        if not _has_actor(ctx, verb) or _pointing_subject(ctx, verb) or _appositive_subject(verb, (ev.sentence or (0, 0))[0]):
            return None
        if _gerund(verb):
            return None  # "vânzările coborând cu 3,6%": an absolute clause beside the claim, no predicate
        text = _clause(ctx, verb, tok.i, budget)
    else:
        text = _pattern(ctx, ev)
        if text is None:
            if not _owned(ctx, tok) or any(a.pos_ in {"VERB", "AUX"} for a in tok.ancestors):
                # a noun under a predicate is what the claim is about, not the claim ("Dacă ...,
                # oferta ... este de așteptat să contribuie la creșterea veniturilor BVB")
                return None  # "Creștere cu doar 2,4%": true, but of what?
            text = _noun_phrase(ctx, tok)
    words = text.split()
    if len(words) < 3 or (verb is not None and _headless(verb)):
        return None
    if words[0].lower().strip(",„\"") in cues(ctx.lang).get("start", frozenset()):
        return None
    return None if _hides_restriction(ctx, tok, ev, text) else text


def _appositive_subject(verb, start: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the verb's subject is a description set off after a name the parser cut from it
    ("OMV Petrom, principala companie de energie ..., a câștigat": the company is OMV Petrom, the
    main clause names it)."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ and c.i < verb.i), None)
    if subj is None:
        return False
    first = next(iter(subj.subtree))
    if first.i < 2 or first.doc[first.i - 2].idx < start - 40:  # the parser may end the sentence at the name
        return False
    name = first.doc[first.i - 2]
    return first.doc[first.i - 1].text == "," and first.is_lower and name.pos_ in {"PROPN", "NOUN"} and not name.is_lower


def _inside_dependent(ctx, tok) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``tok`` (the trigger's verb, or the noun trigger) sits inside a clause that is not
    the sentence's claim: under an attribution ("Potrivit unor surse ...", "Conform datelor
    furnizate de BVB"), a comparison ("decât ..."), or a relative or adnominal clause ("în
    condițiile în care ...", "cei care vor vinde")."""
    c = cues(ctx.lang)
    banned = c.get("attribution", frozenset()) | c.get("comparative", frozenset())
    node = tok
    for _ in range(12):
        if any(ch.dep_ in {"case", "mark"} and ch.lower_ in banned for ch in node.children):
            return True
        if node.dep_.startswith("acl") and node.pos_ in {"VERB", "AUX"}:
            return True  # its antecedent is often a pronoun or the parser's guess ("cei care vor vinde")
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _has_actor(ctx, verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether the verb's clause names who acts: its subject, a subject its complement lifts, a
    quote's speaker, the subject a coordinated verb shares, or an auxiliary that carries the person
    (Romanian drops subjects: "a anunțat" still reads as a clause).  A verb-less copula or a
    participle alone does not."""
    if any(c.dep_ in _SUBJ for c in verb.children):
        return True
    if any(c.dep_ in _SUBJ for ch in verb.children if ch.dep_ in _COMPLEMENTS for c in ch.children):
        return True
    return bool(_sole_actor(ctx, verb) or _shared_subject(ctx, verb))


def _pointing_subject(ctx, verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether the verb's subject only points back ("aceasta", "el", "acest lucru"): its referent
    is in another sentence, so the compressed clause says nothing alone."""
    vague = cues(ctx.lang).get("vague", frozenset())
    for c in verb.children:
        if c.dep_ not in _SUBJ:
            continue
        if c.pos_ == "PRON" and set(c.morph.get("PronType")) & {"Dem", "Prs"}:
            return True
        if c.lower_ in vague and any("Dem" in d.morph.get("PronType") for d in c.children):
            return True
    return False


def _owned(ctx, tok) -> bool:  # type: ignore[no-untyped-def]
    """Whether a noun trigger's phrase says whose it is: a genitive ("creșterea activelor
    fondului"), a possessive, or a name in it."""
    owners = cues(ctx.lang).get("owner", frozenset())
    for ch in tok.children:
        if ch.dep_ in {"nmod:poss", "det:poss"} or (ch.dep_ == "amod" and ch.ent_type_):
            return True
        if ch.dep_ == "nmod" and not _in_timex(ctx, ch) and all(
                c.lower_ in owners for c in ch.children if c.dep_ == "case"):
            return True
    return False


def _restricting(ctx, tok) -> list:  # type: ignore[no-untyped-def]
    """The words that restrict the trigger's claim: negation, conditional, subjunctive particle,
    modal or intention verb on the way from the trigger up to its sentence's root, or hung on it."""
    c = modality.cues(ctx.lang)
    words = frozenset().union(*(c.get(k, frozenset()) for k in _RESTRICTING))
    out, node = [], tok
    for _ in range(12):
        out += [t for t in [node, *node.children] if t.lower_ in words or t.lemma_.lower() in words]
        if node.head.i == node.i:
            break
        node = node.head
    return out


def _hides_restriction(ctx, tok, ev: EventMention, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a headline reads as a fact what the sentence does not assert: the event is not
    asserted and none of the words that restrict it is in the headline, or the sentence asks."""
    low = {w.strip(",.:;!?„”\"").lower() for w in text.split()}
    if ev.modality in {"negated", "hypothetical"}:
        cue_words = {t.lower_ for t in _restricting(ctx, tok)}
        if cue_words and not cue_words & low:
            return True
    lo, hi = ev.sentence or (0, len(ctx.text))
    return ctx.text[lo:hi].rstrip().endswith("?") and "?" not in text


def _main_clause(ctx, ev: EventMention, root=None) -> str:  # type: ignore[no-untyped-def]
    """The sentence's main clause from its subject (a leading attribution, time or place phrase
    left out, a condition kept), shortened at a word boundary to ``MAX_FALLBACK`` words, ending
    with "…" when cut, never between two words of a figure nor inside a quotation; a question keeps
    its mark.  Without a root: the sentence itself, clipped the same way."""
    lo, hi = ev.sentence or (0, len(ctx.text))
    span = ctx.doc.char_span(lo, hi, alignment_mode="expand")
    toks = list(span) if span is not None else []
    if toks:
        root = root if root is not None else span.root  # a rejoined sentence: its first part's
        start = _clause_start(ctx, root)
        if _gerund(root):  # a parse rooted in an absolute clause ("..., linia fiind urmată"): the
            lead = next((t.i for t in toks if not (t.is_space or t.is_punct or t.dep_ in {"cc", "advmod"})), toks[0].i)
            toks = [t for t in toks if t.i >= lead]  # claim lies before it, from the sentence's start
            comma = next((k for k, t in enumerate(toks) if t.text == ","), None)  # ... after its source
            if comma is not None and toks[0].lower_ in cues(ctx.lang).get("attribution", frozenset()):
                toks = toks[comma + 1:] or toks
        else:
            toks = _fronted_name(ctx, toks, start) or [t for t in toks if t.i >= start.i]
        trig = ctx.doc.char_span(*ev.trigger, alignment_mode="expand") if ev.trigger else None
        said = _said_by_named(ctx, ev) if trig is not None and _in_relative(trig.root) is None else None
        if said is not None:  # "..., consideră Dan Popovici": the holder leads ("Dan Popovici: ..."), once
            toks = [t for t in toks if said[0] <= t.idx < said[1]] or toks
    while toks and toks[-1].is_punct and toks[-1].text not in _QUOTE_MARKS and not (
            toks[-1].text == ")" and sum(t.text == "(" for t in toks) >= sum(t.text == ")" for t in toks)):
        toks.pop()  # a parenthesis the sentence closes stays closed ("Electrica (80%)")
    if not toks:
        return ctx.text[lo:hi]
    if len(toks) > MAX_FALLBACK:
        toks = _without_asides(toks)
    trigger = ctx.doc.char_span(*ev.trigger, alignment_mode="expand") if ev.trigger else None
    # the event's word is kept when the main clause tells it; one in a relative or attributed
    # clause is another happening's (its row gets its own clause: analyze/events.py)
    relative = _in_relative(trigger.root) if trigger is not None else None
    has_root, full = any(t.i == root.i for t in toks) and not _gerund(root), toks
    if relative is not None and len(toks) > MAX_STRETCH and not _defines_predicate(relative):
        # ... and the line stops before it rather than half-tell it
        first = min(t.i for t in relative.subtree)
        # ... nor on the phrase the clause hangs on (", în condițiile | în care ..."): it says nothing alone
        ante = relative.head
        lead = min(t.i for t in ante.subtree)
        if ante.i != root.i and ante.i < first and lead > root.i and lead > 0 and ctx.doc[lead - 1].text == ",":
            first = lead
        toks = [t for t in toks if t.i < first] if any(t.i < first for t in toks[3:]) else toks
        comma = max((k for k, t in enumerate(toks) if t.text == ","), default=None)
        if comma is not None and comma > 3 and len(toks) - comma <= 3 and not any(
                t.pos_ in {"VERB", "AUX", "NUM"} for t in toks[comma:]):
            toks = toks[:comma]  # ", în condițiile | în care ...": a phrase that only carries the clause
        while toks and toks[-1].is_punct:
            toks.pop()
    kept = _cut_faithfully(ctx, toks, keep=trigger.root.i if trigger is not None and relative is None else None)
    if has_root and not any(t.i == root.i for t in kept):
        # the clip ends before the main verb ("Ofertele publice inițiale lansate pe piețele din
        # Europa în primul trimestru…"): a prefix that says nothing; the clause built from its
        # verb and arguments instead ("Ofertele publice inițiale au strâns finanțări de ...")
        built = _built_main_clause(ctx, ev, root)
        if built is not None:
            return built + ("?" if ctx.text[lo:hi].rstrip().endswith("?") else "")
        toks = full  # else the clip runs on to the main verb when it is within reach
        kept = _cut_faithfully(ctx, toks, keep=root.i)
    text = _render(kept)
    first = kept[0]
    if first.dep_ in _SUBJ and first.head.i == root.i and not _mentions_in(ctx, first.idx, first.idx + len(first.text)):
        # "Grupul" -> "Grupul Digi Communications" is written by _render (:func:`_placeholders`)
        person = None if first.i in _placeholders(ctx) else _named_person(ctx, first)  # "El" -> "Dan Popovici"
        if person:
            text = f"{person}{first.whitespace_}{text[len(first.text):].lstrip()}"
    if len(kept) < len(toks) and not _whole_clause(root, kept, toks[len(kept)]):
        text = text.rstrip(" ,;:-–") + ELLIPSIS
    if ctx.text[lo:hi].rstrip().endswith("?"):
        text += "?"
    return text


def _built_main_clause(ctx, ev: EventMention, root) -> str | None:  # type: ignore[no-untyped-def]
    """The main clause as subject + verb + objects (step 2 on the sentence's root), when the
    root is a predicate with an actor and the result passes the checks a compressed clause passes
    (:func:`_unfaithful_compression`); else None."""
    if root.pos_ not in {"VERB", "AUX"} and not any(c.dep_ == "cop" for c in root.children):
        return None
    if not _has_actor(ctx, root) or _pointing_subject(ctx, root) or _headless(root) or _gerund(root):
        return None
    attribution = cues(ctx.lang).get("attribution", frozenset())
    # what only sets the scene or tells the source ("Prin intermediul BT Capital Partners,",
    # "potrivit datelor ...") is no part of what happened
    # ... nor an oblique the sentence adds after a comma (", cu 172% peste aceeași perioadă"):
    # compressed it loses what it is measured against
    skip = frozenset(c.i for c in root.children if c.dep_ not in _SUBJ and (
        next(iter(c.subtree)).lower_ in attribution or (c.i < root.i and _set_off(c) and not _restricts_claim(ctx, c))
        or (c.i > root.i and (c.dep_.startswith("obl") or _figure(c)) and _after_comma(c))))
    text = _clause(ctx, root, None, MAX_STRETCH, skip)
    words = text.split()
    said = ctx.text[root.sent.start_char:root.sent.end_char].lower()
    verb_at = next((k for k, w in enumerate(words) if w == root.text), len(words))
    # "..., potrivit datelor" or "..., cu 172% peste ..." the parser hung on a noun: an
    # afterthought of the sentence, not of the clause
    cut = next((k for k, w in enumerate(words) if k > 2 and (w.lower() in attribution or k > verb_at)
                and f", {w.lower()} " in said), None)
    words = words[:cut] if cut is not None else words
    text = " ".join(words)
    pieces = set(_pieces(text))
    if len(words) < 3 or not _kept(root, pieces) or not any(c.dep_ in _SUBJ and _kept(c, pieces) for c in root.children) \
            or words[0].lower().strip(",„\"") in cues(ctx.lang).get("start", frozenset()) or _open_end(ctx, root, pieces, text):
        return None
    return None if _unfaithful_compression(ctx, ev, root, root, text) else text


def _open_end(ctx, root, words: set[str], text: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a built clause ends on a word whose completion it left out: a verb of the clause
    without its object ("poate investi", "folosind"), or a noun whose relative clause was cut
    ("vine într-un moment | în care ...")."""
    last = _pieces(text)[-1:]
    ends = [t for t in root.subtree if _pieces(t.text)[-1:] == last]
    return any((t.pos_ in {"VERB", "AUX"} and _hanging_verb(ctx, t, words, text))
               or (t.pos_ == "NOUN" and any(c.dep_.startswith("acl") and not _kept(c, words) for c in t.children))
               for t in ends)


def _whole_clause(root, kept: list, nxt) -> bool:  # type: ignore[no-untyped-def,type-arg]
    """Whether a clip tells its main clause whole: it holds the main verb, every subject and
    completing argument of it and every figure of its phrases, and stops where a comma, a semicolon or a
    conjunction opens what follows ("Compania a pierdut 344 de miliarde de dolari din valoarea de
    piață | , cea mai mare scădere ..."): a headline, not a prefix, so no "…"."""
    ids = {t.i for t in kept}
    if root.i not in ids or not (nxt.text in {",", ";"} or nxt.dep_ == "cc"):
        return False
    # a figure cut off its clause restricts it ("o scădere a profitului | , de la 20 milioane ...",
    # "... la 685,4 milioane lei | , în creștere cu 12%"); another clause's figures do not
    if any(c.i not in ids and c.dep_ not in {"punct", "cc"} and not (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
           and any(_figure_tok(x) for x in list(c.subtree)[:5]) for t in kept for c in t.children):
        return False
    if any(c.i not in ids and c.dep_ in _SUBJ | _COMPLETERS - {"obl"} for c in root.children):
        return False
    # nor a list halved ("de OMV Petrom (2,71%), Romgaz (2,11%) | și Sphera ..."): a left-out
    # conjunct of a kept word is another clause, never another member of the same phrase
    return not any(c.i not in ids and c.dep_ == "conj" and c.pos_ in _NOMINAL
                   and not any(d.dep_ in _SUBJ | {"cop"} for d in c.children)
                   for t in kept for c in t.children)


def _said_by_named(ctx, ev: EventMention) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """What a speaker the sentence names said, when the event lies in it and a verb of saying cues
    it (the span :func:`_reported_by` prefixes with the speaker's name); else None."""
    for q in ctx.quotes:
        lo, hi = q.content
        cue = ctx.doc.char_span(*q.cue, alignment_mode="expand") if q.cue else None
        if cue is None or not any(t.pos_ in {"VERB", "AUX"} for t in cue):
            continue
        hi = min(hi, q.cue[0]) if q.cue[0] > lo else hi  # a content the analysis ran on past its cue
        if q.speaker and lo <= ev.trigger[0] < hi and _names_speaker(ctx, q, ev):
            return lo, hi
    return None


def _in_relative(tok):  # type: ignore[no-untyped-def]
    """The verb of the relative clause the token lies in ("regiunea Kursk, unde trupele ... au
    trecut", "cei care vor vinde": a clause under a word it describes, introduced by a relative
    word), or None."""
    node = tok
    for _ in range(12):
        if node.head.i == node.i:
            return None
        if node.pos_ in {"VERB", "AUX"} and (node.dep_.startswith("acl") or any(
                "Rel" in c.morph.get("PronType") for c in node.children if c.i < node.i)):
            return node
        node = node.head
    return None


def _without_asides(toks: list) -> list:  # type: ignore[type-arg]
    """The tokens without what the subject sets apart between commas or parentheses ("Banca X, cel
    mai mare creditor din ..., a încheiat"): a description that would eat the word budget before
    the verb and its object are reached."""
    ids = {t.i for t in toks}
    subjects = [t for t in toks if t.dep_ in _SUBJ and t.head.i in ids and t.head.i > t.i]
    drop: set[int] = set()
    for subj in subjects[:1]:
        doc = subj.doc
        for ch in (c for t in subj.subtree for c in t.rights if c.i not in drop):
            sub = [t for t in ch.subtree if not (t.is_punct and t.text not in {",", "(", ")"})]
            coordinated = ch.dep_ == "conj" and any(c.dep_ == "cc" for k in ch.head.children if k.dep_ == "conj"
                                                    for c in k.children)  # "A, B și C": a list
            if not sub or coordinated or ch.dep_ in {"punct", "cc", "case", "det"}:
                continue  # a "conj" without "și"/"sau" is the parser's name for an apposition
            first, last = sub[0], list(ch.subtree)[-1]
            before = doc[first.i - 1] if first.i > 0 else None
            opened = first.text in {",", "("} or (before is not None and before.text in {",", "("})
            after = doc[last.i + 1] if last.i + 1 < len(doc) else None
            closed = last.text in {",", ")"} or (after is not None and after.text in {",", ")"})
            if not (opened and closed) or after is None or after.i > subj.head.i or (
                    after.i == subj.head.i and last.text != ","):  # its closing comma may be its own
                continue
            drop |= {t.i for t in ch.subtree}
            if before is not None and before.text in {",", "("}:
                drop.add(before.i)
            parenthesis = first.text == "(" or (before is not None and before.text == "(")
            if after.text == ")" or (after.text == "," and not parenthesis):
                drop.add(after.i)  # "(BCR), cea mai mare bancă": the comma opens the next aside
        drop |= _between_commas(subj, drop)
    kept = [t for t in toks if t.i not in drop]
    return kept if len(kept) >= 3 else toks


def _between_commas(subj, drop: set[int]) -> set[int]:  # type: ignore[no-untyped-def]
    """A description the parser hung on the verb, between the subject and its verb and set off by
    commas with no verb inside ("Oltchim (OLT), cel mai mare combinat chimic din România, se află")."""
    verb = subj.head
    first_of_verb = min([verb.i] + [c.i for c in verb.children if c.i > subj.i and c.dep_ in _VERB_PARTS])
    stretch = [t for t in subj.doc[subj.i + 1:first_of_verb] if t.i not in drop
               and not any(t.i == s.i for s in subj.subtree if s.text not in {",", "(", ")"})]
    # opened by its own comma, or by the one closing the aside before it ("Adrian Tănase, 42 de ani,
    # director ..., | cel mai mare administrator ..., este"): that comma is dropped with that aside
    opened = bool(stretch) and (stretch[0].text == "," or subj.doc[stretch[0].i - 1].text == ",")
    if len(stretch) < 3 or not opened or stretch[-1].text != "," \
            or any(t.pos_ in {"VERB", "AUX"} for t in stretch):
        return set()
    return {t.i for t in stretch}


def _clause_start(ctx, root):  # type: ignore[no-untyped-def]
    """The first token of the root's clause once the phrases before its subject that are not the
    claim are left out: punctuation, conjunctions, adverbs, time or place obliques, an attribution
    ("Potrivit unor surse din piață,"); a condition ("Dacă ...") stays."""
    c = cues(ctx.lang)
    attribution, condition = c.get("attribution", frozenset()), c.get("condition", frozenset())
    for ch in root.lefts:
        first = next(iter(ch.subtree))
        if first.lower_ in attribution or ch.dep_ in {"punct", "cc", "obl:tmod", "nmod:tmod", "discourse", "parataxis"} \
                or (ch.dep_ == "obl" and not _restricts_claim(ctx, ch)):
            continue
        if ch.dep_ == "advmod" and (_in_timex(ctx, ch) or ch.is_punct):
            continue  # a time adverb is the date's; "aproape", "nu", "doar" restrict the claim
        subject_after = any(s.dep_ in _SUBJ and s.i > ch.i for s in root.children)
        if ch.dep_ == "advcl" and not any(m.dep_ == "mark" and m.lower_ in condition for m in ch.children) \
                and (subject_after or first.pos_ not in {"NOUN", "PROPN", "DET"}):
            lost = _mis_hung_subject(root, ch)
            if lost is not None:  # the line starts at the subject the parser hung under the clause
                return next(t for t in lost.subtree if not t.is_punct)
            continue  # ... but not a participle the parser hung the subject under ("companiile incluse ...")
        if ch.dep_ not in _SUBJ | _VERB_PARTS | {"advcl", "mark"} and subject_after and _set_off(ch) \
                and not _restricts_claim(ctx, ch):
            continue  # a fronted adjunct set off by a comma ("Pe de altă parte,", "În urma fuziunii,")
        commas = [t for t in ch.subtree if t.i < ch.i and t.text == ","] if ch.dep_ in _SUBJ else []
        # a fronted phrase the parser hung under the subject ("Raportat la ..., dividendul")
        return root.doc[commas[-1].i + 1] if commas else first
    return root


def _mis_hung_subject(root, clause):  # type: ignore[no-untyped-def]
    """The subject the parser hung under a clause before a root that has none ("Mai mult, indicele
    STOXX ..., format din 68 de bănci și din componența căruia face parte ..., a crescut":
    "indicele" made the subject of "face"), or None: skipping that clause would start the line at
    the verb, with no actor.  Not a clause its own conjunction opens ("când Digi ...")."""
    if root.i == clause.i or any(c.dep_ in _SUBJ for c in root.children) \
            or any(c.dep_ == "mark" for c in clause.children):
        return None
    subj = next((c for c in clause.children if c.dep_ in _SUBJ and c.i < clause.i
                 and c.pos_ in {"NOUN", "PROPN"} and not any(k.dep_ == "case" for k in c.children)), None)
    # the sentence opens with it, after at most a linking adverb ("Mai mult,"): a clause that
    # opens with a phrase of its own ("În contextul în care ...", "pentru un pachet ...") is none
    if subj is None or any(not (t.is_punct or t.is_space or t.pos_ in {"ADV", "CCONJ"})
                           for t in clause.subtree if t.i < next(iter(subj.subtree)).i):
        return None
    return subj


def _restricts_claim(ctx, ch) -> bool:  # type: ignore[no-untyped-def]
    """Whether a short phrase before the subject restricts the claim, so that a headline keeps it
    ("Pe bursă am crezut că vor veni ...", "În declin semnificativ au închis titlurile ...", "Pe
    segmentul investitorilor nerezidenți, aversiunea la risc ...", "În Europa,"): without it the
    claim reads as general.  Not a time (the date is shown beside the headline), a source, a
    linking phrase, a cause or circumstance (``scene`` in ``headline_cues.tsv``: "În urma
    fuziunii,"), a clause, nor a phrase of more than five words (scene-setting that would eat the
    line: the claim's subject and verb come first)."""
    toks = [t for t in ch.subtree if not t.is_punct]
    if not toks or len(toks) > 5 or not any(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in toks) \
            or not any(c.dep_ == "case" for c in ch.children):
        return False  # ... a prepositional phrase ("Elefant Online SA, compania ...": a name cut off is no phrase)
    c = cues(ctx.lang)
    said = " ".join(t.lower_ for t in toks)
    if any(said == p or said.startswith(p + " ") for p in c.get("connective", frozenset())):
        return False
    scene = c.get("scene", frozenset()) | c.get("attribution", frozenset())
    return not any(_in_timex(ctx, t) or t.lower_ in scene or t.pos_ in {"VERB", "AUX", "SCONJ"} for t in toks)


def _after_comma(ch) -> bool:  # type: ignore[no-untyped-def]
    """Whether a phrase after its verb follows a comma (an afterthought of the sentence).  The
    parser often hangs that comma on the phrase itself (", un salt record"): it counts the same."""
    first = _first_word(ch)
    return first.i > 0 and ch.doc[first.i - 1].text == ","


def _first_word(ch):  # type: ignore[no-untyped-def]
    """The first token of ``ch``'s phrase that is no punctuation the parser hung on it."""
    return next((t for t in ch.subtree if not t.is_punct), ch)


def _fronted_name(ctx, toks: list, start) -> list | None:  # type: ignore[no-untyped-def,type-arg]
    """The clause from a name the parser cut off as a sentence of its own before a subject that
    describes it ("OMV Petrom, principala companie de energie ..., a câștigat"): the name, then the
    clause after the description ("OMV Petrom a câștigat licitația ..."); else None."""
    doc = start.doc
    if start.i < 2 or doc[start.i - 1].text != ",":
        return None
    # the words before the comma back to the sentence's start (the parser may have made them one)
    k, before = start.i - 2, []
    while k >= 0 and len(before) < 5 and not doc[k].is_punct and not doc[k].is_space:
        before.insert(0, doc[k])
        k -= 1
    # a name (capitalised, no time: "Luni, compania, ..." is no name) before a description
    # ("principala companie"), not before another name ("Marți, BVB, operatorul bursei")
    if not (0 < len(before) <= 4 and all(t.text[:1].isupper() and not _in_timex(ctx, t) for t in before)) \
            or not start.text[:1].islower() \
            or (k >= 0 and not (doc[k].is_space or doc[k].text in {".", "!", "?", ":"})):
        return None
    subj = next((a for a in [start, *start.ancestors] if a.dep_ in _SUBJ), None)
    if subj is None or (before[0].head.i == subj.head.i and before[0].dep_ in _SUBJ | {"conj", "obl", "obj"}):
        return None  # the name is the clause's own (a second subject, a list): not cut off
    end = max(t.i for t in subj.subtree if not t.is_punct)
    if end + 1 >= len(start.doc) or start.doc[end + 1].text != ",":
        return None
    return before + [t for t in toks if t.i > end + 1]


def _set_off(ch) -> bool:  # type: ignore[no-untyped-def]
    """Whether a phrase before its verb of two or more words ends where a comma follows it."""
    toks = list(ch.subtree)
    after = ch.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(ch.doc) else None
    return len(toks) > 1 and after is not None and after.text == ","


def _cut_faithfully(ctx, toks: list, budget: int = MAX_FALLBACK,  # type: ignore[no-untyped-def,type-arg]
                    keep: int | None = None) -> list:
    """The longest prefix of ``toks`` of at most ``budget`` words that ends on a content word,
    not between two words of a figure ("685,4 | milioane lei"), nor inside a quotation or a
    parenthesis; a quotation that closes within a few more words is taken whole rather than cut
    mid-phrase.  It may run on to ``MAX_STRETCH`` words rather than end on a verb before its
    complement ("a ieșit | din insolvență") or inside a coordination ("din profit | sau din
    rezerve"): such a cut hides the point or turns one of two into the only one."""
    c = cues(ctx.lang)
    figure, opens, closes = c.get("figure", frozenset()), c.get("open", frozenset()), c.get("close", frozenset())
    ranges = c.get("range", frozenset())

    def fig(t) -> bool:  # type: ignore[no-untyped-def]
        return t.like_num or any(ch.isdigit() for ch in t.text) or t.lower_ in figure

    counts, inside = _word_counts(toks, opens, closes)
    if counts[-1] <= budget + MAX_STRETCH - MAX_FALLBACK:
        return toks  # a sentence of 15 or 16 words is kept whole rather than cut before its end
    ids = {t.i: k for k, t in enumerate(toks)}

    def allowed(k: int) -> bool:  # a cut right after toks[k]
        last, nxt = toks[k], toks[k + 1]
        if last.pos_ in _FUNCTION_POS or (last.is_punct and last.text not in closes and last.text not in {'"', ")"}):
            return False
        if last.lower_ in openers:
            return False  # "mai bine decât…", "..., care…": a clause that never comes
        if not last.whitespace_ and not nxt.is_punct:
            return False  # "ne-|a ajutat": one written word
        ranged = nxt.lower_ in ranges and k + 2 < len(toks) and toks[k + 2].like_num  # "de la 20 | la 5"
        if fig(nxt) and (nxt.like_num or any(ch.isdigit() for ch in nxt.text)) and last.head.i == nxt.i:
            return False  # "cu peste | 1.200": the degree of a figure without it
        return not (fig(last) and (fig(nxt) or ranged)) and not inside[k] and not any(a <= k < b for a, b in spans)

    openers = c.get("comparative", frozenset()) | c.get("start", frozenset())
    spans = _range_spans(toks, ranges)
    alternatives = c.get("alternative", frozenset())
    condition = c.get("condition", frozenset())

    waiting = _waiting(toks, ids, condition, alternatives)

    def whole(k: int) -> bool:  # no verb left before its complement, no alternative halved
        last = toks[k]
        pred = last.head if last.dep_ in {"advmod", "expl:pv", "expl"} and last.head.i < last.i else last
        if pred.pos_ in {"VERB", "AUX"} and any(
                ch.dep_ in _COMPLETERS and ch.i > last.i and ch.i in ids for ch in pred.children):
            return False
        return not waiting[k] and not _hollow(last, k, ids)

    cuts = [k for k in range(len(toks) - 1) if counts[k] <= budget + 6 and allowed(k)]
    stretch = budget + MAX_STRETCH - MAX_FALLBACK
    # a cut after a whole phrase first ("... a crescut în ultimele zile cu 15%", not "..., aducând
    # un plus…" nor "..., după ce…"): the longest within the budget, else within the stretch
    plain = max((counts[k] for k in cuts if counts[k] <= budget), default=0)
    # ... but not one so short it drops what the sentence is about ("Este o perioadă…")
    # ... nor one without the event's own word ("SIF Moldova a încheiat semestrul" without "cu un profit")
    need = ids.get(keep, -1) if keep is not None else -1
    need = need if counts[need] <= stretch else -1  # beyond reach: the main clause alone, whole
    closed = [k for k in cuts if counts[k] >= max(7, plain // 2) and k >= need and whole(k) and _closed(toks, k, ids)]
    best = max((k for k in closed if counts[k] <= budget), default=None)
    best = best if best is not None else max((k for k in closed if counts[k] <= stretch), default=None)
    if best is None:
        # else never back off (a shorter cut ends before the verb, on "care", "se"): only run on,
        # within the stretch, to a cut that leaves neither a verb before its complement nor an
        # alternative halved
        best = max((k for k in cuts if counts[k] <= budget), default=None)
        if best is not None and not whole(best):
            best = max((k for k in cuts if k > best and counts[k] <= stretch and whole(k)), default=best)
    if best is None or counts[best] < 4:  # inside a quotation from early on: take it whole if short
        closing = [k for k in cuts if k > 0 and inside[k - 1]]
        best = closing[0] if closing else best
    if best is not None:
        return toks[:best + 1]
    out = [t for k, t in enumerate(toks) if counts[k] <= budget]
    while len(out) > 1 and (out[-1].pos_ in _FUNCTION_POS or out[-1].is_punct):
        out.pop()
    return out


def _word_counts(toks: list, opens: frozenset[str], closes: frozenset[str]) -> tuple[list[int], list[bool]]:  # type: ignore[type-arg]
    """Per token: the words up to it (a word glued to the one before, "ne-a", counts once), and
    whether a quotation or a parenthesis is open after it."""
    counts: list[int] = []
    inside: list[bool] = []
    depth = paren = 0
    for k, t in enumerate(toks):
        counts.append((counts[-1] if counts else 0) + (0 if k and not toks[k - 1].whitespace_ else 1))
        if t.text == '"':
            depth = 0 if depth else 1
        else:
            depth = max(0, depth + (t.text in opens) - (t.text in closes))
        paren = max(0, paren + (t.text == "(") - (t.text == ")"))
        inside.append(depth > 0 or paren > 0)
    return counts, inside


def _closed(toks: list, k: int, ids: dict[int, int]) -> bool:  # type: ignore[type-arg]
    """Whether a cut after ``toks[k]`` ends on a whole phrase: every kept word's head is kept (or
    lies outside ``toks``), the predicate among them, so nothing kept waits for a word that was cut
    ("după ce…", "în ultimul…" hang; "... cu 15%" does not), and the last word keeps its figure
    ("în creștere" without "cu 12%" hides how much).  At least four words."""
    if k < 3:
        return False
    kept = toks[:k + 1]
    root = any(t.head.i == t.i or t.head.i not in ids for t in kept if t.pos_ in {"VERB", "AUX"}
               or any(c.dep_ in {"cop", "aux", "aux:pass"} for c in t.children))
    last = toks[k]
    if any(ids.get(ch.i, -1) > k and any(_figure_tok(x) for x in ch.subtree) for ch in last.children
           if ch.dep_ in {"obl", "nmod", "nummod", "obj"}):
        return False  # "în creștere" without "cu 12%"
    return root and all(t.head.i == t.i or t.head.i not in ids or ids[t.head.i] <= k for t in kept)


def _waiting(toks: list, ids: dict[int, int], condition: frozenset[str],  # type: ignore[type-arg]
             alternatives: frozenset[str]) -> list[bool]:
    """Per position k: whether a cut right after ``toks[k]`` leaves a kept word waiting for what it
    drops: a verb whose object or complement clause all lies beyond the cut ("LVMH a anunțat joi"
    without what it announced), a verb whose condition is cut ("va fi concesionat" without "numai
    dacă ..."), or one of two alternatives ("din profit | sau din rezerve").  Each word's
    dependents are read once: the ranges of cuts it forbids."""
    out = [False] * len(toks)
    for j, t in enumerate(toks):
        children = list(t.children)
        needs = [ids.get(ch.i) for ch in children if ch.dep_ in {"obj", "ccomp", "xcomp", "csubj"}]
        ends = [min(needs)] if t.pos_ in {"VERB", "AUX"} and needs and None not in needs else []  # type: ignore[type-var]
        ends += [ids[ch.i] for ch in children if ch.i in ids and ch.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in condition for m in ch.children)]
        ends += [ids[ch.i] for ch in children if ch.i in ids and ch.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ in alternatives for c in ch.children)]
        for end in ends:
            for k in range(j, end):
                out[k] = True
    return out


def _hollow(t, k: int, ids: dict[int, int]) -> bool:  # type: ignore[no-untyped-def]
    """Whether the last kept word is a noun that only carries its clause, the clause cut ("în
    condițiile" without "în care ...", "faptul" without "că ...")."""
    if t.pos_ != "NOUN":
        return False
    children = [ch for ch in t.children if not ch.is_punct]
    kept = [ch for ch in children if not (ch.i in ids and ids[ch.i] > k)]
    return any(ch.dep_.startswith("acl") and ch.i in ids and ids[ch.i] > k for ch in children) \
        and (not kept or any(ch.dep_ == "case" for ch in kept)) and not any(ch.dep_ in {"amod", "nmod", "nummod"} for ch in kept)


def _range_spans(toks: list, ranges: frozenset[str]) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    """Positions (in ``toks``) from a range's "de la" to its second figure ("de la 766,7 milioane de
    lei anul trecut la 873 milioane"): a cut inside one keeps a start without its end."""
    out = []
    for k in range(len(toks) - 2):
        if toks[k].lower_ != "de" or toks[k + 1].lower_ not in ranges:
            continue
        first = next((j for j in range(k + 2, min(len(toks), k + 6)) if any(ch.isdigit() for ch in toks[j].text)), None)
        if first is None:
            continue
        second = next((j + 1 for j in range(first + 1, min(len(toks) - 1, first + 9))
                       if toks[j].lower_ in ranges and any(ch.isdigit() for ch in toks[j + 1].text)), None)
        if second is not None:
            out.append((k, second))
    return out


def _headless(verb) -> bool:  # type: ignore[no-untyped-def]
    """A verb with no subject of its own: non-finite, or finite without a subject or auxiliary
    (Romanian drops subjects, so a finite verb with its auxiliary still reads as a headline)."""
    if any(c.dep_ in _SUBJ for c in verb.children):
        return False
    forms = verb.morph.get("VerbForm")
    return bool(set(forms) & {"Inf", "Part", "Ger"}) and not any(c.dep_.startswith("aux") for c in verb.children)


def _noun_phrase(ctx, tok) -> str:  # type: ignore[no-untyped-def]
    """A noun trigger's own phrase, without the words that tie it to its sentence ("în temeiul
    unui tratat semnat de liderii lor" -> "Tratat semnat de liderii lor")."""
    toks = [t for t in _np(ctx, tok) if not (t.head.i == tok.i and t.dep_ in {"case", "det", "mark"})
            and not (t.i < tok.i and t.dep_ == "fixed")]
    toks = sorted(toks, key=lambda t: t.i)
    while toks and toks[-1].i != tok.i and (toks[-1].dep_ in {"case", "mark", "cc", "fixed"}
                                            or toks[-1].pos_ in {"ADP", "CCONJ", "ADV"}):
        toks.pop()  # a preposition whose noun was cut ("Scădere cu 21% comparativ")
    text = _render(toks)
    for ch in tok.children:  # a participle telling who did it: "tratat semnat de liderii lor"
        if ch.dep_.startswith("acl") and ch.pos_ in {"VERB", "AUX"} and "Part" in ch.morph.get("VerbForm") \
                and not any(c.dep_ in {"aux", "aux:pass", "nsubj", "nsubj:pass"} for c in ch.children):
            text += " " + _clause(ctx, ch)
            break
    return " ".join(text.split()[:MAX_WORDS])


# ---- faithful compression: what a compressed clause may not lose (third blind read, 2026-12-07)

_WORD = re.compile(r"\w+")
# dependents that complete a verb: a headline ending on the verb without any of them cut its point
_COMPLETERS = {"obj", "iobj", "obl", "obl:arg", "obl:agent", "xcomp", "ccomp", "csubj"}
# parts of speech of a nominal conjunct ("din profit sau din rezerve"): coordinated verbs are clauses
_NOMINAL = {"NOUN", "PROPN", "NUM", "ADJ", "PRON", "DET"}


@lru_cache(maxsize=65536)
def _pieces(text: str) -> tuple[str, ...]:
    """The lowercase word pieces of a text ("ne-a" -> "ne", "a"); cached: headlines ask for the
    same tokens' pieces many times."""
    return tuple(w.lower() for w in _WORD.findall(text))


def _kept(tok, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a token's word is in the headline (its word pieces all are)."""
    return bool(_pieces(tok.text)) and all(p in words for p in _pieces(tok.text))


def _figure_tok(tok) -> bool:  # type: ignore[no-untyped-def]
    return tok.like_num or any(ch.isdigit() for ch in tok.text)


def _out_of_order(sent, text: str) -> bool:  # type: ignore[no-untyped-def]
    """A headline whose words the sentence has, but in another order or more often ("Ținta nu nu
    este profitul din creditare este"): a bad parse spliced it.  Words the sentence lacks (a
    canonical name) are not compared."""
    seq = [p for t in sent for p in _pieces(t.text)]
    have = set(seq)
    pos = 0
    for w in (w for w in _pieces(text) if w in have):
        try:
            pos = seq.index(w, pos) + 1
        except ValueError:
            return True
    return False


def _without_new_names(ctx, lo: int, hi: int, text: str) -> str:  # type: ignore[no-untyped-def]
    """The headline without the names it writes that its sentence does not ("Coreea de Nord" for
    "Phenianul", "Choe Son Hui" for "ministrul ..."): their words are not the sentence's to order."""
    said = ctx.text[lo:hi]
    for m in _mentions_in(ctx, lo, hi):
        for name in {m.canonical, _canonical_fits(m, ctx.lang) or m.canonical}:
            if name and name not in said:
                text = text.replace(name, " ")
    return text


def _without_organisations(ctx, sent, text: str) -> str:  # type: ignore[no-untyped-def]
    """The headline without the organisation names it gave generic subjects ("Compania Romgaz"):
    the name is the article's, written where the sentence has only "compania"."""
    for name in {n[3] for n in _organisations(ctx, sent)}:
        text = re.sub(rf"(?<=\w) {re.escape(name)}\b", " ", text, count=1)
    return text


def _implausible_subject(verb, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """A subject no reader would accept: an adverb, a preposition or a conjunction ("Încoace va
    ajunge"), or one separated from its verb by another clause's verb ("ZF i-a solicitat ... când au
    avut loc vânzările" read as "ZF au avut loc vânzările")."""
    for subj in (c for c in verb.children if c.dep_ in _SUBJ and _kept(c, words)):
        if subj.pos_ in {"ADV", "ADP", "SCONJ", "CCONJ", "PART"}:
            return True
        if subj.i < verb.i and any(c.dep_ == "cc" and subj.i < c.i < verb.i for c in verb.children):
            return True  # "lei ..., iar depozitele au scăzut": the verb's clause starts after the subject
        if subj.i < verb.i:
            inside = {t.i for t in subj.subtree}
            glue = {c.i for c in verb.children if c.dep_ in _VERB_PARTS}
            if any(t.pos_ in {"VERB", "AUX"} and t.i not in inside and t.i not in glue and t.head.i != verb.i
                   and ("Fin" in t.morph.get("VerbForm") or any(c.dep_ == "aux" for c in t.children))
                   for t in subj.doc[subj.i + 1:verb.i]):
                return True
    return False


def _lost_restriction(ctx, root, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a kept word lost what restricts it: an alternative or another member of its
    coordination ("din profitul net sau din rezervele disponibile"), its owner ("veniturile ...
    ale BCR", "acțiunile Albalact"), the degree of its figure ("de cel puțin 20%"), or the other
    end of its range ("de la 766,7 milioane | la 873 milioane")."""
    owners = cues(ctx.lang).get("owner", frozenset())
    joins = cues(ctx.lang).get("alternative", frozenset()) | cues(ctx.lang).get("coordination", frozenset())
    for t in root.subtree:
        if not _kept(t, words) or t.is_punct:
            continue
        for ch in t.children:
            if _kept(ch, words) or _in_timex(ctx, ch) or ch.is_punct:
                continue
            if ch.dep_ == "conj" and t.pos_ in _NOMINAL and ch.pos_ in _NOMINAL \
                    and any(c.dep_ == "cc" and c.lower_ in joins for k in [ch, *(x for x in t.children if x.dep_ == "conj")]
                            for c in k.children):
                return True  # a member of "A, B și C" / "X sau Y" is dropped
            if ch.dep_ == "dep" and ch.pos_ in _NOMINAL and any(
                    k.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in joins for c in k.children)
                    for k in ch.children):
                return True  # the same list the parser left unattached ("de OMV Petrom (2,71%), Romgaz ... și ...")
            if ch.dep_ == "nmod" and t.pos_ in {"NOUN", "PROPN"} and not _aside(t, ch) and (
                    ch.pos_ == "PROPN" or any(c.dep_ in {"det", "case"} and c.lower_ in owners for c in ch.children)):
                return True  # "ale BCR", "acțiunile Albalact": whose it is; "din Abu Dhabi": where
            if ch.dep_ in {"advmod", "fixed"} and _figure_tok(t) and ch.i < t.i:
                return True  # "cel puțin 20%", "peste 50%"
    return False


def _halved_range(ctx, sent, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """"de la X ... la Y" with X kept and Y dropped."""
    ranges = cues(ctx.lang).get("range", frozenset())
    toks = list(sent)
    for k in range(len(toks) - 2):
        if not (toks[k].lower_ == "de" and toks[k + 1].lower_ in ranges):
            continue
        first = next((t for t in toks[k + 2:k + 6] if _figure_tok(t)), None)
        if first is None or not _kept(first, words):
            continue
        # the other end may carry a word before its number ("de la minus 0,16% ... la minus 2,92%")
        second = next((x for j in range(first.i - sent.start + 1, min(len(toks) - 1, first.i - sent.start + 24))
                       if toks[j].lower_ in ranges for x in toks[j + 1:j + 3] if _figure_tok(x)), None)
        if second is not None and not _kept(second, words):
            return True
    return False


def _lost_figure(ctx, verb, tok, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether the predicate lost all its figures ("vor scădea în medie" without "cu 3%", "estimează
    un profit net" without "de 201,6 mil."): the figure is what the event says."""
    figures = []
    for head in {verb, tok}:
        for ch in head.children:
            if ch.dep_ in _SUBJ or (head.i == verb.i and _aside(verb, ch)):
                continue  # a figure the parser hung on a time ("cu 20% anul viitor") still counts
            nums = [ch] if _figure_tok(ch) else [c for c in ch.children if c.dep_ == "nummod" and _figure_tok(c)]
            figures += [n for n in nums if not _in_timex(ctx, n)]
    # one of them is enough ("un profit net de 1,9 miliarde de lei" without "în creștere cu 20%"),
    # but not one of another phrase without the verb's first: it then reads as the verb's measure
    # ("au ajuns | la o medie de 1,3%, | în creștere față de 0,8%", "a crescut | cu 52% ... | pe un
    # rulaj de 1,1 mil."); the trigger's own phrase may stand for it ("profituri în creștere cu 20%")
    after = sorted((t for ch in verb.children if ch.i > verb.i and ch.dep_ not in _SUBJ and not _aside(verb, ch)
                    for t in ch.subtree if t.pos_ == "NUM" and any(c.isdigit() for c in t.text)
                    and not _in_timex(ctx, t)), key=lambda t: t.i)
    own = {t.i for t in tok.subtree}
    if after and after[0].i not in own and not _kept(after[0], words) \
            and any(_kept(t, words) and t.i not in own for t in after[1:]):
        return True
    # ... nor the trigger's figure kept when the phrase the verb's first figure measures is gone
    # whole ("One United Properties a înregistrat | venituri de 675,9 milioane de lei, | în creștere
    # cu 56%": what grew is lost); "profituri | de 1,2 miliarde | în creștere cu 20%" keeps its noun
    holder = next((ch for ch in verb.children if after and any(t.i == after[0].i for t in ch.subtree)), None)
    if holder is not None and after[0].i not in own and not _kept(holder, words) \
            and any(_kept(t, words) for t in after[1:]):
        return True
    return bool(figures) and not any(_kept(n, words) for n in figures) and not any(
        ch.isdigit() for w in words for ch in w)


def _hanging_verb(ctx, verb, words: set[str], text: str) -> bool:  # type: ignore[no-untyped-def]
    """A headline ending on its verb whose completing words were all cut ("a ieșit" before "din
    insolvență", "Elliot a vândut", "China a lansat"); a time is no completion, it is the date
    shown beside the headline ("s-au redus | în ultimul trimestru")."""
    last = _pieces(text)[-1:] if text else []
    if not last or _pieces(verb.text)[-1:] != last:
        return False
    completers = [c for c in verb.children if c.dep_ in _COMPLETERS and c.i > verb.i and not _in_timex(ctx, c)]
    return bool(completers) and not any(_kept(c, words) for c in completers)


def _unfaithful_compression(ctx, ev: EventMention, tok, verb, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a compressed clause says less than, or other than, its sentence (see the helpers)."""
    lo, hi = ev.sentence or (0, len(ctx.text))
    sent = ctx.doc.char_span(lo, hi, alignment_mode="expand")
    if sent is None:
        return False
    words = set(_pieces(text))
    bare = _without_new_names(ctx, lo, hi, text)
    if (_out_of_order(sent, bare) and _out_of_order(sent, _without_organisations(ctx, sent, bare))) \
            or _halved_range(ctx, sent, words) \
            or _lost_restriction(ctx, verb if verb is not None else tok, words):
        return True
    if verb is None:
        return _lost_figure(ctx, tok, tok, words)
    return _implausible_subject(verb, words) or _lost_figure(ctx, verb, tok, words) or _hanging_verb(ctx, verb, words, text) \
        or _hollow_end(sent, words, text) or _lost_definition(verb, words) or _skipped_object(ctx, verb, words) \
        or _lost_restrictive_relative(verb, words)


def _defines_predicate(relative) -> bool:  # type: ignore[no-untyped-def]
    """Whether a relative clause defines a nominal predicate ("este compania | a cărei valoare a
    crescut", "a devenit prima țară din zona euro | care lansează"): the claim is in it."""
    node = relative.head
    for _ in range(4):
        if node.dep_ not in {"nmod", "amod", "nummod", "flat"} or node.head.i == node.i:
            break
        node = node.head
    return node.dep_ == "xcomp" or any(c.dep_ == "cop" for c in node.children)


def _lost_definition(verb, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a nominal predicate lost the relative clause that defines it ("Portugalia a devenit
    prima țară din zona euro | care lansează obligațiuni în yuani", "Oil Terminal este compania | a
    cărei valoare a crescut cel mai mult"): without it the claim is another, and false."""
    preds = [verb] if any(c.dep_ == "cop" for c in verb.children) else []
    preds += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"}]
    return any(_kept(p, words) and any(
        d.dep_.startswith("acl") and d.pos_ in {"VERB", "AUX"} and not _kept(d, words)
        and any(set(c.morph.get("PronType")) & {"Rel"} for x in d.children for c in [x, *x.children])
        for d in p.subtree) for p in preds)


def _lost_restrictive_relative(verb, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether an argument kept in a compressed clause lost the relative clause that says which of
    its kind is meant, one not set off by a comma ("îi iartă pe rușii | care își declară activele",
    "45% dintre românii | care și-au achiziționat pachetele"): without it the claim is about all of
    them, and false.  A relative after a comma only describes ("Hidroelectrica, care ...")."""
    for arg in verb.children:
        if arg.dep_ not in _ARGS:
            continue
        for n in arg.subtree:
            if n.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"} or not _kept(n, words):
                continue
            for d in n.children:
                if not d.dep_.startswith("acl") or d.pos_ not in {"VERB", "AUX"} or _kept(d, words):
                    continue
                first = next(iter(d.subtree))
                if "Rel" in first.morph.get("PronType") and first.i > n.i and first.doc[first.i - 1].text != ",":
                    return True
    return False


def _skipped_object(ctx, verb, words: set[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether the verb lost its direct object but kept what follows it ("Romcab are | o capitalizare
    de 72 milioane de lei | ..., în creștere cu 48%" -> "Romcab are în creștere cu 48%"): the words
    left say something the sentence does not."""
    objs = [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i and not _in_timex(ctx, c)]
    return any(not _kept(o, words) and any(c.i > o.i and c.dep_ not in {"punct", "cc", "conj"} and _kept(c, words)
                                           for c in verb.children) for o in objs)


def _hollow_end(sent, words: set[str], text: str) -> bool:  # type: ignore[no-untyped-def]
    """A headline ending on a noun that only announces its clause, the clause cut ("indică faptul"
    without "că banii ... încep să se reducă")."""
    last = _pieces(text)[-1:] if text else []
    ends = [t for t in sent if last and _pieces(t.text)[-1:] == last and t.pos_ == "NOUN"]
    return any(any(c.dep_.startswith("acl") and any(m.dep_ == "mark" for m in c.children) and not _kept(c, words)
                   for c in t.children)
               and not any(c.dep_ in {"amod", "nmod", "nummod"} and _kept(c, words) for c in t.children)
               for t in ends)
