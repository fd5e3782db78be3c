"""Cues and the content they govern: speech verbs with their clause, prepositional cues.

A cue is found in the tokens (a speech verb from ``lang/<code>/quotes_verbs.txt``, or a
preposition such as "potrivit"/"according to"); its content is then located by the shape of the
sentence, which works the same with or without a parse:

* ``X a declarat că [A]`` / ``X said that [A]`` — the clause after ``că``/``that`` (``să`` kept);
* ``X a declarat: „A”`` — the quote after the colon (direct);
* ``[A], a declarat X`` / ``„A”, a spus X, „B”`` — the clause or quote(s) around a postposed cue;
* ``Potrivit lui X, [A]`` / ``[A], potrivit X`` — a prepositional cue (its sentence only).

The right edge drops material about the speech event itself (", adăugând…", ", potrivit Reuters").
"""

from __future__ import annotations


from dataclasses import dataclass

from spacy.tokens import Doc, Span

from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.speakers import Mention, np_after
from cronicar.analyze.quotes.tokens import is_punct, is_quote_mark, is_that, key, lemma, match_seq, plain_text, unmark
from cronicar.analyze.quotes.words import W, own_words

AUX_CLITICS = W.verb_group
THAT = W.that
SA = W.whether
NEG = W.negations
CLAUSE_END = {".", "!", "?", ";"}


@dataclass
class Cue:
    """A cue occurrence: token range of the cue group, its kind, and the head token."""

    start: int
    end: int
    head: int
    prep: bool = False


def cue_group(doc: Doc, v: int, floor: int) -> tuple[int, bool]:
    """Start of the verb group (auxiliaries, clitics, 'mai') and whether it is negated."""
    g = v
    neg = False
    while g > floor:
        k = key(doc[g - 1])
        if k in AUX_CLITICS or (k.endswith("-") and len(k) <= 4) or (doc[g - 1].pos_ == "AUX"):
            if k in NEG:
                neg = True
            g -= 1
            continue
        break
    if g > floor and key(doc[g - 1]) in NEG:
        neg = True
    return g, neg


def _after_quote(doc: Doc, i: int, start: int, quoted: list[bool]) -> bool:
    """A closing quotation mark ends within the few words before token ``i`` (same clause)."""
    for k in range(i - 1, max(start - 1, i - 9), -1):
        t = doc[k]
        if is_quote_mark(t) and k > 0 and quoted[k - 1]:
            return True
        if t.text in {".", ";", ":", "!", "?"} or (t.text == "," and not (k > 0 and is_quote_mark(doc[k - 1]))):
            return False
    return False


def _ends_known_name(doc: Doc, i: int, lang: str) -> bool:
    """Whether token ``i`` ends a name of the entity gazetteer ("United States"; "Obama Says" is no
    name, so a headline keeps its verb)."""
    from cronicar.analyze.entities import aliases

    table = aliases(lang)
    return any(doc[k:i + 1].text.lower() in table for k in range(max(0, i - 3), i))


def _plain_cue(doc: Doc, i: int, end: int) -> bool:
    """A speech verb typed without its diacritics ("a anuntat", "adaugand ca", "sustine ca") is a
    cue after an auxiliary, as a gerund, or with a "ca" close after it; not alone ("Mic dejun: un
    iaurt, adauga si fructe": the imperative of a recipe)."""
    k = key(doc[i])
    if i > 0 and key(doc[i - 1]) in {unmark(w) for w in W.verb_group}:
        return True
    if k.endswith(tuple(unmark(x) for x in W.gerund_suffixes)):
        return True
    return any(is_that(t) for t in doc[i + 1 : min(end, i + 4)])


def find_cues(doc: Doc, sent: Span, lex: Lexicon, quoted: list[bool], parsed: bool) -> list[Cue]:
    """Verb and preposition cues of a sentence that are not inside quotation marks."""
    out: list[Cue] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if quoted[i]:
            i += 1
            continue
        n = match_seq(doc, i, lex.preps, sent.end)
        if n and not (i + n < sent.end and key(doc[i + n]) in lex.relatives):
            # ("prevederea potrivit căreia …", "the rule according to which …": a relative clause)
            out.append(Cue(i, i + n, i, prep=True))
            i += n
            continue
        k = key(tok)
        if k in lex.post_verbs and _after_quote(doc, i, sent.start, quoted):
            out.append(Cue(i, i + 1, i))  # '“…,” a welcome message on the website reads.'
            i += 1
            continue
        plain_verb = k in lex.plain_verb_forms and plain_text(doc) and _plain_cue(doc, i, sent.end)
        if lex.is_verb(k, lemma(tok) if parsed else "") or plain_verb:
            if not parsed and len(tok.text) > 1 and tok.text.isupper():
                i += 1
                continue  # "RED STATES OUTNUMBER BLUE": a word of an all-caps headline
            if not parsed and tok.text[:1].isupper() and i > sent.start and _ends_known_name(doc, i, lex.lang):
                i += 1
                continue  # "the United States": the end of a name the gazetteer knows, not a verb
            if parsed and tok.pos_ not in {"VERB", "AUX"} and k not in lex.verb_forms and not plain_verb:
                i += 1
                continue
            if parsed and tok.pos_ in {"NOUN", "ADJ", "ADP", "PROPN"}:
                i += 1
                continue
            g, neg = cue_group(doc, i, sent.start)
            if parsed and g == i and tok.morph.get("VerbForm") == ["Part"]:
                i += 1
                continue  # "slujba, transmisă fără sunet": an adjectival participle, not a speech act
            if parsed and tok.morph.get("VerbForm") == ["Part"] and any(t.lemma_ in W.passive_auxiliaries for t in doc[g:i]):
                i += 1
                continue  # "tranzacția este susținută de faptul că": a passive, nobody speaks
            if parsed and tok.morph.get("VerbForm") == ["Inf"] and _after_infinitive_particle(doc, i, sent.start):
                i += 1
                continue  # "pentru a crede că", "refuzul de a se angaja să": an infinitive, nothing said
            if parsed and any(
                    t.pos_ in {"VERB", "AUX"} and t.morph.get("Person") == ["1"] and _first_person(t.text, lex.lang)
                    for t in doc[g : i + 1]):
                i += 1
                continue  # "recunoaștem că", "am crezut că": the writer's own voice, no reported source
            if i + 1 < sent.end and key(doc[i + 1]) in W.cause_preps and any(key(t) in W.reflexives for t in doc[g:i]):
                i += 1
                continue  # "se explică prin faptul că": is explained by — a cause, not a speech act
            if not neg:
                out.append(Cue(g, i + 1, i))
        i += 1
    return out


def _after_infinitive_particle(doc: Doc, i: int, start: int) -> bool:
    """Whether the verb at ``i`` follows the infinitive's particle "a", a reflexive pronoun
    allowed between ("a crede", "a se angaja"); the future's "va declara" has none."""
    j = i - 1
    if j > start and doc[j].pos_ == "PRON":
        j -= 1
    return j >= start and key(doc[j]) in W.infinitive_particles and doc[j].pos_ == "PART"


def _first_person(text: str, lang: str) -> bool:
    """An unambiguous first-person form of the language: the Romanian perfect's "am" and plural
    present ("credem", "menționăm", "asigurăm": an ending after at least two letters); "spun",
    "cred" are also third-person plurals ("Specialiștii spun").  The language's own words only:
    these forms are another language's ordinary words."""
    own = own_words(lang)
    low = text.lower()
    if low in own.first_person_forms:
        return True
    return any(low.endswith(e) and len(low) - len(e) >= 2
               and all(ch.isalnum() and not ch.isdecimal() for ch in low[: -len(e)])  # letters, as [^\W\d_]
               for e in own.first_person_endings)


def trim_right(doc: Doc, start: int, end: int, lex: Lexicon, parsed: bool, head: int | None = None) -> int:
    """End token of an indirect content that runs to ``end``: stop before speech-event material.

    With the cue verb's ``head`` index (parsed text), a verb coordinated with the cue itself ends
    the content too: "consideră că este un gest fără precedent [și așteaptă …]" — the speaker
    waits, the statement does not."""
    j = start
    while j < end:
        t = doc[j]
        if t.text in CLAUSE_END and j > start:
            return j
        if len(t.text) > 2 and t.text.endswith(".") and j + 1 < end and doc[j + 1].text[:1].isupper() \
                and key(doc[j + 1]) in lex.openers:
            return j + 1  # "after the polls close at 7 p.m. He says…": the abbreviation ended the sentence
        if head is not None and parsed and j > start + 1 and key(t) in W.verb_coordinators:
            v = next((x for x in doc[j + 1 : min(end, j + 5)] if x.pos_ == "VERB"), None)
            if v is not None and v.dep_ == "conj" and v.head.i == head:
                return j
        if j > start + 1 and key(t) in W.cue_coordinators and _starts_cue(doc, j + 1, end, lex, parsed) and (
            j + 1 < end and key(doc[j + 1]) not in W.second_cue_blockers
        ):
            return j  # "că A și a insistat că B": the second speech act is its own record
        if j > start + 1 and match_seq(doc, j, [s for s in lex.stops if len(s) >= 2 and s[0] not in W.ambiguous_stop_starts], end):
            return j  # "… după ce acesta a reiterat…": a frame of the statement
        if t.text in {",", "—", "–", "("} and j > start:
            nxt = j + 1
            if nxt < end and (match_seq(doc, nxt, lex.stops, end) or _starts_cue(doc, nxt, end, lex, parsed)):
                return j
            if nxt < end and _new_speech_act(doc, nxt, end, lex, parsed):
                return j  # ", dar Kim a declarat că…": another statement begins
        j += 1
    return end


def _new_speech_act(doc: Doc, i: int, end: int, lex: Lexicon, parsed: bool) -> bool:
    """A connective, a short subject, then a speech verb followed by 'că'/'that'."""
    n = match_seq(doc, i, lex.connectives, end)
    if not n:
        return False
    j = i + n
    for k in range(j, min(j + 6, end)):
        t = doc[k]
        if is_punct(t):
            return False
        if lex.is_verb(key(t), lemma(t) if parsed else "") and (not parsed or t.pos_ in {"VERB", "AUX"}):
            return k + 1 < end and is_that(doc[k + 1])
    return False


def _starts_cue(doc: Doc, i: int, end: int, lex: Lexicon, parsed: bool) -> bool:
    j = i
    while j < end and j - i < 4 and (key(doc[j]) in AUX_CLITICS or key(doc[j]).endswith("-")):
        j += 1
    if j >= end:
        return False
    t = doc[j]
    if not lex.is_verb(key(t), lemma(t) if parsed else ""):
        return False
    if parsed and t.pos_ not in {"VERB", "AUX"}:
        return False
    # "…, a declarat X" / "…, said X" / "…, adăugând": the verb is a cue only if it is not followed
    # by its own 'că' right away (then it is a coordinated clause of the content).
    return j > i or (t.morph.get("VerbForm") == ["Ger"]) or not parsed


def strip_edges(doc: Doc, s: int, e: int, lex: Lexicon) -> tuple[int, int]:
    """Drop leading connectives/commas and trailing punctuation (not closing quote marks)."""
    changed = True
    while changed and s < e:
        changed = False
        while s < e and doc[s].is_space:
            s += 1
        n = match_seq(doc, s, lex.connectives, e)
        if n and s + n < e and (doc[s + n].text == "," or n >= 1) and doc[s].is_sent_start or (
            n and doc[s + n].text == ","
        ):
            s += n
            changed = True
        while s < e and doc[s].text in {",", ":", "-", "—", "–"}:
            s += 1
            changed = True
    while e > s and is_punct(doc[e - 1]) and not is_quote_mark(doc[e - 1]) and doc[e - 1].text not in {")", "…"}:
        e -= 1
    return s, e


def _document_owner(doc: Doc, j: int, end: int, lex: Lexicon, parsed: bool) -> Mention | None:
    """"se mai arată în comunicatul de presă al Forțelor Navale": the owner of the document the
    impersonal cue points to ("Forțelor Navale"), or None."""
    if j + 2 >= end or key(doc[j]) not in W.in_preps or key(doc[j + 1]) not in lex.documents:
        return None
    own = _owner_after(doc, j + 2, end, lex, parsed)
    if own is None and j + 2 < end and doc[j + 2].text in {".", ";", ","}:
        # "se arată în comunicat." with nobody named: the document whose owner the article gave
        # before ("într-un comunicat al Serviciului de Informații Externe, citat de TASS")
        own = next((o for x in range(j, 0, -1) if key(doc[x]) in lex.documents
                    for o in (_owner_after(doc, x + 1, doc[x].sent.end, lex, parsed),) if o is not None), None)
    return own


def _owner_after(doc: Doc, k0: int, end: int, lex: Lexicon, parsed: bool) -> Mention | None:
    """The owner named right after a document noun ending at token ``k0``."""
    if k0 >= end:
        return None
    direct = _genitive_owner(doc, k0, end, lex, parsed)
    if direct is not None:
        return direct
    for k in range(k0, min(end, k0 + 4)):
        if key(doc[k]) in W.possessive_articles:
            owner = np_after(doc, k + 1, end, lex, parsed)
            # "nota de aprobare a investiției": a genitive of the document's topic owns nothing
            if owner is not None and any(t.text[:1].isupper() for t in doc[owner.start:owner.end]):
                return owner
            return None
        if doc[k].text in {",", ".", ";", ":"}:
            return None
    return None


def _genitive_owner(doc: Doc, k: int, end: int, lex: Lexicon, parsed: bool) -> Mention | None:
    """The owner right after the document, with no article: a name ("în raportul Fondului
    Monetar Internaţional", "scrie în raportul BT Capital Partners") or, parsed, a common noun in
    the genitive that stands for an organisation ("în raportul companiei", which the resolver
    gives the organisation meant)."""
    t = doc[k]
    if t.text[:1].isupper() and t.is_alpha:
        owner = np_after(doc, k, end, lex, parsed)
        return owner if owner is not None and owner.start == k else None
    if parsed and t.pos_ == "NOUN" and "Gen" in t.morph.get("Case") and "Nom" not in t.morph.get("Case"):
        return Mention(k, k + 1)
    return None


ASIDE_REACH = 8  # words of an aside between a speech verb and its 'că' ("a anunțat, joi după-amiază, că")


def _skip_asides(doc: Doc, j: int, end: int, lex: Lexicon, parsed: bool) -> int:
    """Past the asides set off by commas between a speech verb and its 'că': "a subliniat, de
    asemenea, că", "a mai declarat, răspunzând unei întrebări, că", "a anunțat, joi după-amiază,
    că", "a declarat, astfel, la un post TV, că".  An aside is a few words with no finite verb, no
    quotation mark and no speech verb (", iar Y susține că" is another statement); it is skipped
    only when a 'că' follows its closing comma."""
    while j < end and doc[j].text == ",":
        j += 1
        n = match_seq(doc, j, lex.skip + lex.connectives, end)
        if n and j + n < end and doc[j + n].text == ",":
            j += n
            continue
        gerund = parsed and doc[j].morph.get("VerbForm") == ["Ger"] if j < end else False
        k = j + 1 if gerund else j
        while k < min(end, j + ASIDE_REACH) and doc[k].text != ",":
            t = doc[k]
            if is_that(t) or is_quote_mark(t) or is_punct(t) or lex.is_verb(key(t), lemma(t) if parsed else "") or (
                    parsed and t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm") == ["Fin"]):
                break
            k += 1
        if k > j and k + 1 < end and doc[k].text == "," and is_that(doc[k + 1]):
            j = k
    return j


def content_after(doc: Doc, cue: Cue, sent: Span, lex: Lexicon, parsed: bool) -> tuple[str, int, Mention | None, Mention | None]:
    """What follows a verb cue: ('that'|'colon'|'quote'|'none', token, subject, addressee)."""
    j = cue.end
    subj = np_after(doc, j, sent.end, lex, parsed)
    addr: Mention | None = None
    if subj is not None and key(doc[cue.head]) in lex.addressee_verbs:
        addr, subj = subj, None  # "told The Huffington Post": the addressee
        j = addr.end
    if subj is not None:
        j = subj.end
        if j < sent.end and key(doc[j]) in W.name_article:
            a = np_after(doc, j + 1, sent.end, lex, parsed)
            if a is not None:
                addr = a
                j = a.end
    elif addr is None:
        # skip time words / adverbs between the verb and 'că'
        k = j
        while k < sent.end and k - j < 4:
            n = match_seq(doc, k, lex.skip, sent.end)
            if n:
                k += n
            elif parsed and doc[k].pos_ == "ADV":
                k += 1
            else:
                break
        j = k
    if subj is None and addr is None and lex.documents:
        owner = _document_owner(doc, j, sent.end, lex, parsed)
        if owner is not None:
            subj = owner
            j = owner.end
    j = _skip_asides(doc, j, sent.end, lex, parsed)
    if j >= sent.end:
        return "none", j, subj, addr
    k = key(doc[j])
    if is_that(doc[j]):
        return "that", j + 1, subj, addr
    if k in SA:
        return "sa", j, subj, addr
    if k == ":":
        return "colon", j + 1, subj, addr
    for c in range(j, min(sent.end, j + 5)):
        # "whispered to him:", "told reporters:": a short addressee before the colon
        t = doc[c]
        if t.text == ":":
            return "colon", c + 1, subj, addr
        if is_punct(t) or is_quote_mark(t) or lex.is_verb(key(t)) or is_that(t):
            break
    if is_quote_mark(doc[j]):
        return "quote", j, subj, addr
    return "none", j, subj, addr
