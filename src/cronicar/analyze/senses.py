"""Trigger senses: whether a trigger word is, here, the event its lexicon line names.

Why: "câștiga" is an award in "a câștigat premiul", a gain in "a câștigat 3 milioane de lei";
"desfășura" a deployment in "a desfășurat trupe", a job in "își desfășoară activitatea"; "ocupa"
an attack in "a ocupat orașul", a trade in "cu ce se ocupă".  The frames that refuse a sense are
language data (``lang/<code>/events_senses.tsv``), read on the parse (the word's object, whether
it is reflexive, its part of speech); a language without a parse or without the file refuses
nothing.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from cronicar import data_lines
from cronicar.analyze.events_lexicon import trigger_key
from cronicar.analyze.modality import is_person

REFLEXIVE_DEPS = {"expl:pv", "expl:poss", "expl"}
OBJECT_DEPS = {"obj", "iobj"}
# Entity types of the parser's NER that name a time, never what an act acts on.
TIME_ENTITIES = {"DATETIME", "PERIOD", "DATE", "TIME"}


@lru_cache(maxsize=None)
def frames(lang: str) -> dict[tuple[str, str], list[tuple[str, frozenset[str]]]]:
    """(lemma, event type) -> [(test, values)] from ``lang/<lang>/events_senses.tsv``."""
    out: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
    for line in data_lines(lang, "events_senses.tsv"):
        lemma, etype, test, value = (c.strip() for c in line.split("\t")[:4])
        out.setdefault((lemma, etype), []).append((test, frozenset(value.split("|"))))
    return out


def _objects(tok: Token) -> list[Token]:
    """A verb's objects; a noun's genitive is its object ("preluarea conducerii")."""
    deps = OBJECT_DEPS | ({"nmod"} if tok.pos_ == "NOUN" else set())
    return [c for c in tok.children if c.dep_ in deps and not (c.dep_ == "nmod" and c.pos_ == "PROPN")]


def _arguments(tok: Token, counted: bool = True) -> list[Token]:
    """What a verb acts on: its objects, its passive subject ("trupele au fost trimise", "a fost
    atacată la CCR legea"), the noun a participle describes ("corespondența trimisă",
    "activitățile desfășurate"), and with ``counted`` the noun a quantity counts ("mii de
    soldați")."""
    args = _objects(tok) + [c for c in tok.children if c.dep_ == "nsubj:pass"]
    if tok.dep_ in {"acl", "amod"} and tok.head != tok and tok.pos_ in {"VERB", "ADJ"}:
        args.append(tok.head)
    if not counted:
        return args
    return args + [c for a in args for c in a.children if c.dep_ == "nmod" and a.pos_ in {"NUM", "NOUN"}]


def _refuses(tok: Token, test: str, values: frozenset[str]) -> bool:
    if test == "needs":  # "a trimis adrese", "a respins comentariile": only forces make a deployment
        # without any argument the parse hung them elsewhere ("să respingă, între ..., trupele"):
        # nothing to judge by, the lexicon's sense stands
        # a time the parser took for an argument ("ar putea fi semnată luna viitoare") is none
        args = [a for a in _arguments(tok) if a.ent_type_ not in TIME_ENTITIES]
        return bool(args) and not any(a.lemma_.lower() in values or a.lower_ in values
                                      or trigger_key(a.lower_, tok.doc.lang_) in values for a in args)
    if test == "reflexive":
        return any(c.dep_ in REFLEXIVE_DEPS or (c.pos_ == "PRON" and "Yes" in c.morph.get("Reflex")
                                                 and c.dep_ != "nsubj") for c in tok.children)
    if test == "object":
        return any(o.lemma_.lower() in values or o.lower_ in values for o in _arguments(tok, counted=False))
    if test == "number":
        return any(o.pos_ == "NUM" or any(c.dep_ == "nummod" for c in o.subtree) for o in _objects(tok))
    if test == "pos":
        return tok.pos_ in values
    if test == "oblique":  # "trimisă în judecată", "închis la Penitenciarul Rahova"
        # the parse may fold the noun into the preposition ("în judecată de DNA": fixed)
        return any(w.lemma_.lower() in values or w.lower_ in values
                   for c in tok.children if c.dep_.startswith("obl")
                   for w in [c, *(x for x in c.subtree if x.dep_ in {"case", "fixed"})])
    if test == "head":  # "impozitul pe profit": the word names what is taxed, no result
        return tok.head != tok and (tok.head.lemma_.lower() in values or tok.head.lower_ in values
                                        or trigger_key(tok.head.lower_, tok.doc.lang_) in values)  # "ușilor": "ușu"
    if test == "bare":  # "poza în discuție": a fixed phrase, no talks; "discuțiile de la Moscova" are
        # a second conjunct shares the first one's preposition: "prin profit sau pierdere"
        held = tok.head if tok.dep_ == "conj" and not any(c.dep_ == "case" for c in tok.children) else tok
        return "Def" not in tok.morph.get("Definite") and not any(c.dep_ == "det" for c in tok.children) \
            and any(c.dep_ == "case" and c.lower_ in values and not any(x.dep_ == "fixed" for x in c.children)
                    for c in held.children)
    if test == "classifier":  # "linie de atac", "contract de vânzare": a bare noun after "de" names a kind of
        # the noun it hangs on, no happening; a plural ("runda de negocieri") or a quantity's ("1.000 de
        # concedieri") still tells one
        return tok.pos_ == "NOUN" and tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" \
            and "Sing" in tok.morph.get("Number") and "Def" not in tok.morph.get("Definite") \
            and not any(c.dep_ in {"det", "nummod"} for c in tok.children) \
            and any(c.dep_ == "case" and c.lower_ in values and not any(x.dep_ == "fixed" for x in c.children)
                    for c in tok.children)
    if test == "modifier":  # "atacul său tarifar"; "trimis special" (an envoy)
        return any(c.dep_ in {"amod", "advmod"} and (c.lemma_.lower() in values or c.lower_ in values) for c in tok.children)
    if test == "object of":  # "firma a avut un profit de 1,2 milioane": a state held, no result told
        # a supine the parse hangs as an oblique counts ("ar fi avut cel mai mult de câștigat")
        supine = tok.dep_ == "obl" and "Part" in tok.morph.get("VerbForm")
        return (tok.dep_ == "obj" or supine) and (tok.head.lemma_.lower() in values or tok.head.lower_ in values)
    if test == "copula":  # "profitul companiei a fost de 7 milioane": a figure, a state, no event
        return tok.dep_.startswith("nsubj") and any(
            c.dep_ == "cop" and c.lemma_.lower() in values for c in tok.head.children)
    if test == "subject":  # "Bursa a închis ieri în creștere": a market's close, no closure told
        return any(c.dep_.startswith("nsubj") and (c.lemma_.lower() in values or c.lower_ in values
                                                   or trigger_key(c.lower_, tok.doc.lang_) in values)
                   for c in tok.children)
    if test == "person":  # "l-a atacat dur pe Ciolacu", "Geoană a atacat modul de conducere": words
        return _verbal(tok, values)
    if test == "from":  # "dividende din profitul pe 2019": where money is paid from, no result told
        # a compound preposition is another one ("din cauza profiturilor mediocre": because of)
        return any(c.dep_ == "case" and c.lower_ in values and not any(x.dep_ == "fixed" for x in c.children)
                   for c in tok.children) and not _tells_figure(tok)
    if test == "superlative":  # "cel mai scăzut nivel": a degree, no fall
        words = {c.lower_ for c in tok.children if c.dep_ in {"det", "advmod"}}
        return set().union(*(v.split() for v in values)) <= words
    return False


def _verbal(tok: Token, places: frozenset[str]) -> bool:
    """Whether an act aimed at someone is told as words, not force: its object is a person (a
    PERSON name or a personal pronoun: "l-a atacat pe Ciolacu"), or a person does it to no place
    (an argument of an entity type in ``places`` would make it a strike: "Putin a atacat Ucraina")."""
    args = [c for c in tok.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubj:pass"]
    if any(a.ent_type_ == "PERSON" or (a.pos_ == "PRON" and "Prs" in a.morph.get("PronType")
                                        and "Yes" not in a.morph.get("Reflex")) for a in args):
        return True
    # a noun of people as the object ("îl atacă pe primarul Bucureștiului": the parse may make the
    # "pe" object an oblique): words aimed at a person, not force
    if any(c.dep_.split(":")[0] in {"obj", "obl"} and is_person(c, tok.doc.lang_) for c in tok.children):
        return True
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    where = [c for c in tok.children if c.dep_ in OBJECT_DEPS or c.dep_.startswith("obl")]
    return any(c.ent_type_ == "PERSON" for c in subj) and not any(
        w.ent_type_ in places for a in where for w in a.subtree)


def _amount(t: Token) -> bool:
    """A number that is no year ("2019") and no percentage ("un randament de 1,9%")."""
    return t.pos_ == "NUM" and not (t.text.isdigit() and len(t.text) == 4) and not t.text.endswith("%")


def _tells_figure(tok: Token) -> bool:
    """Whether a noun gives an amount of its own ("din profitul net de 10 milioane de lei"): a number
    in its phrase, or after it before another clause's verb (the parse often hangs "din profitul
    record de 370 milioane de lei", "din profitul net de anul trecut, de 40,3 milioane de lei" or
    "care s-a cifrat la 4,82 miliarde" elsewhere); "din profitul pe 2019, ceea ce asigură ... un
    randament de 1,9%" gives none."""
    sub = {t.i for t in tok.subtree}
    if any(t.pos_ == "NUM" and not (t.text.isdigit() and len(t.text) == 4) for t in tok.subtree if t.i != tok.i):
        return True
    for t in tok.doc[tok.i + 1:tok.i + 13]:
        if t.is_sent_start:
            return False
        v = t.head if t.pos_ == "AUX" else t  # "s-a cifrat": the auxiliary's verb decides
        own_clause = v.i in sub or "Part" in v.morph.get("VerbForm") and not any(
            c.dep_.startswith("aux") for c in v.children) or any("Rel" in c.morph.get("PronType") for c in v.children)
        if t.pos_ in {"VERB", "AUX"} and not own_clause:
            return False  # another clause: "ceea ce asigură investitorilor un randament de 1,9%"
        if _amount(t):
            return True
    return False


def fits(tok: Token, etype: str, lang: str) -> bool:
    """Whether trigger ``tok`` has the sense of event ``etype`` here (see the module doc)."""
    table = frames(lang)
    if not table or not tok.doc.has_annotation("DEP"):
        return True
    lemmas = {tok.lemma_.lower(), trigger_key(tok.lower_, lang)}  # the parser leaves "Ocupă" unlemmatized
    tests = [t for lemma in lemmas for t in table.get((lemma, etype), [])] + table.get(("*", "*"), [])
    return not any(_refuses(tok, t, v) for t, v in tests)
