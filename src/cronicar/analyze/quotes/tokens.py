"""A thin, language-neutral view of tokens, so one engine serves parsed and unparsed text.

Romanian docs carry POS, lemmas, morphology and NER; English docs (blank tokenizer) only have
text.  The predicates here fall back to spelling when the annotation is missing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from cronicar.analyze.normalize import fold_diacritics
from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.words import W

QUOTE_CHARS = set("„“”\"«»‚‘’")
FUNCTION_CAPS = W.function_caps
NAME_LABELS = {"PERSON", "ORG", "ORGANIZATION", "GPE", "LOC", "FACILITY", "NAT_REL_POL", "NORP", "FAC"}


def key(tok: Token) -> str:
    return fold_diacritics(tok.text).lower()


#: an article shorter than this many tokens tells too little to call it typed without diacritics
PLAIN_MIN_TOKENS = 40


def plain_text(doc: Doc, text: str | None = None) -> bool:
    """Whether a Romanian article was typed without diacritics (none of ``marked_letters`` in a text
    of some length): there "ca" stands for "că" and speech verbs lose their marks ("adaugand").
    Worked out once per article (``text``: the article's text, else rebuilt from the doc)."""
    if "quotes_plain" not in doc.user_data:
        marked = {pair[0] for pair in W.marked_letters}
        doc.user_data["quotes_plain"] = doc.lang_ == "ro" and len(doc) >= PLAIN_MIN_TOKENS and not (
            marked & set((doc.text if text is None else text).lower()))
    return bool(doc.user_data["quotes_plain"])


def unmark(text: str) -> str:
    """``text`` with its diacritics replaced by the plain letters typed for them."""
    return text.translate({ord(pair[0]): pair[1] for pair in W.marked_letters})


def is_that(tok: Token) -> bool:
    """The complementizer of a reported clause: "că", or "ca" in an article without diacritics."""
    k = key(tok)
    if k in W.that:
        return True
    # "asa ca" is "așa că" (so), "pentru ca" "pentru că" (because): connectives, not a complementizer
    return k in W.plain_that and plain_text(tok.doc) and not (tok.i > 0 and key(tok.doc[tok.i - 1]) in W.plain_that_blockers)


def lemma(tok: Token) -> str:
    return fold_diacritics(tok.lemma_).lower() if tok.lemma_ else ""


def is_punct(tok: Token) -> bool:
    return all(not ch.isalnum() for ch in tok.text)


def is_quote_mark(tok: Token) -> bool:
    return tok.text in QUOTE_CHARS or tok.text == ",,"


def is_capitalized(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(ch.isalpha() for ch in t)


ROLE_SUFFIXES = ("",) + W.role_suffixes  # the bare word, then its endings


def is_role(tok: Token, lex: Lexicon) -> bool:
    """A role noun in any inflection: "ministrul", "Șefa", "președintelui" (lemma or stripped suffix)."""
    k = key(tok)
    if lemma(tok) in lex.roles:
        return True
    return any(k.endswith(suf) and k[: len(k) - len(suf)] in lex.roles for suf in ROLE_SUFFIXES if len(k) > len(suf) + 2)


def is_genitive(tok: Token) -> bool:
    """A name in the genitive/dative ("Coreei", "Kremlinului"): a modifier, not the speaker."""
    k = key(tok)
    if tok.i > 0 and key(tok.doc[tok.i - 1]) in W.genitive_articles:
        return True
    if not k.endswith(W.genitive_endings):
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return "Gen" in "".join(tok.morph.get("Case")) or (
        prev is not None and prev.is_alpha and (prev.text.islower() or prev.pos_ == "NOUN"
                                                or (k.endswith(W.genitive_name_ending) and prev.pos_ == "PROPN"))
    )


def is_name(tok: Token, lex: Lexicon, parsed: bool) -> bool:
    """A token that can be part of a proper name (not a role noun or pronoun the NER mislabels)."""
    if not is_capitalized(tok):
        return False
    k = key(tok)
    if k in lex.pronouns or k in FUNCTION_CAPS or is_role(tok, lex):
        return False
    if k in lex.verb_forms or k in lex.speech_nouns:
        return False  # "Anunțul Băncii Naționale": the NER's span starts with the speech noun
    if not parsed:
        if tok.i > 0 and is_quote_mark(tok.doc[tok.i - 1]) and not tok.doc[tok.i - 1].whitespace_:
            return False  # first word of a quotation, capitalized as a sentence start
        if tok.is_sent_start:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            return nxt is not None and is_capitalized(nxt) and key(nxt) not in lex.verb_forms
        return True
    if tok.pos_ == "PROPN":
        return True
    if "Yes" in tok.morph.get("Abbr") and tok.text.isupper() and len(tok.text) >= 2:
        return True  # acronyms the tagger calls nouns: "UDMR", "ASF"
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and not tok.is_sent_start and tok.pos_ in {"NOUN", "ADJ", "X"} and prev.pos_ == "PROPN" and (
        is_capitalized(prev)
    ):
        return True  # surname the tagger missed: "Dorel Săndesc"
    return bool(tok.ent_type_) and tok.ent_type_ in NAME_LABELS and tok.pos_ in {"NOUN", "X", "ADJ"}


def gender(tok: Token) -> str | None:
    g = tok.morph.get("Gender")
    if not g:
        return None
    return "f" if g[0] == "Fem" else "m"


def number(tok: Token) -> str | None:
    n = tok.morph.get("Number")
    if not n:
        return None
    return "pl" if n[0] == "Plur" else "sg"


def match_seq(doc: Doc, i: int, seqs: list[list[str]], end: int | None = None) -> int:
    """Length of the longest word sequence in ``seqs`` that starts at token ``i`` (0 if none)."""
    end = len(doc) if end is None else end
    if i >= end or not seqs:
        return 0
    first = key(doc[i])  # computed once: this runs for every token of every sentence
    for seq in seqs:
        if seq[0] == first and i + len(seq) <= end and all(key(doc[i + k]) == seq[k] for k in range(1, len(seq))):
            return len(seq)
    plain = doc.user_data.get("quotes_plain")  # set once per article by plain_text (no call per token)
    if plain is None:
        plain = plain_text(doc)
    if plain:  # typed without diacritics: "dupa ce" is the lexicon's "după ce"
        for seq in seqs:
            if unmark(seq[0]) == first and i + len(seq) <= end and all(
                    key(doc[i + k]) == unmark(seq[k]) for k in range(1, len(seq))):
                return len(seq)
    return 0


def entity_break(tok: Token) -> bool:
    """A new named entity starts at ``tok`` (NER boundary between different types), except a
    place right after an organisation, which names its local branch: "UDMR Satu Mare"."""
    if tok.i == 0 or tok.ent_iob_ != "B":
        return False
    prev = tok.doc[tok.i - 1].ent_type_
    if prev == tok.ent_type_:
        return False
    return not (prev in {"ORG", ""} and tok.ent_type_ in {"GPE", "LOC"})
