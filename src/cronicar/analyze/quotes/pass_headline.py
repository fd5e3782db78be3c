"""The headline passes: a title "Vorbitor: enunț" (with or without quotation marks) and a title
"enunț - Anunțul X" (a speech noun after a dash names who made the statement).

:func:`find_title_colon` runs before the cue passes, because a clause found by a cue must not
swallow the speaker part of such a title; :func:`headline_quotes` runs after them and adds the
title's statement when no cue reported anything in the title.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from cronicar.analyze.quotes.indirect import Cue, strip_edges
from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.speakers import Mention, np_after
from cronicar.analyze.quotes.state import QuoteState, Record
from cronicar.analyze.quotes.tokens import is_capitalized, is_role, key
from cronicar.analyze.quotes.words import W
from cronicar.lang import iso

#: the colon of a speaking headline is within its first words ("Ministrul Sănătății Alexandru Rafila:")
MAX_TITLE_SPEAKER_TOKENS = 8
#: a first paragraph longer than this is a lead, not a headline
MAX_TITLE_CHARS = 300


def find_title_colon(st: QuoteState) -> None:
    """Set the headline's tokens and, for "Vorbitor: enunț", the colon ending the speaker part."""
    doc, text = st.doc, st.text
    st.title_end = text.find("\n\n")
    st.title_tokens = [t for t in doc if t.idx < st.title_end] if 0 < st.title_end < MAX_TITLE_CHARS else []
    if not st.title_tokens:
        return
    for start in _title_sentence_starts(st):
        c0 = next((t.i for t in st.title_tokens[start:] if t.text in {":", "."} and not st.quoted[t.i]), None)
        if c0 is None or doc[c0].text != ":":
            continue
        if 0 < c0 - start <= _speaker_reach(doc, start) and is_capitalized(doc[start]) \
                and title_speaks(doc, c0, st.title_tokens, text, st.lex, st.parsed, st.ctx.lang, start):
            st.title_colon, st.title_speaker = c0, start
            return


def _title_sentence_starts(st: QuoteState) -> list[int]:
    """Where the speaker part of a headline may open: the title's start, and with a parse the
    start of a later sentence that opens with a person's name ("ZF Deschiderea de astăzi. Dragoş
    Mesaroş, Goldring: În astfel de momente…": the show's name, then the guest's words)."""
    doc = st.doc
    later = [t.i for t in st.title_tokens[1:] if doc[t.i - 1].text == "." and st.parsed and not st.quoted[t.i]
             and t.pos_ == "PROPN" and (_person_heads(t, st.lex) or _name_run(doc, t.i) - t.i >= 2)]
    return [0] + later


def _name_run(doc: Doc, start: int) -> int:
    """The end of the proper names opening at ``start`` when a comma follows them ("Dragoş
    Mesaroş, Goldring:"), else ``start``."""
    k = start
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    return k if k < len(doc) and doc[k].text == "," else start


def _speaker_reach(doc: Doc, start: int) -> int:
    """How far the colon may be: a few words, or more after a name set off by a comma, whose
    apposition describes the speaker ("ALRO, cel mai mare consumator de energie din România: …")."""
    return 2 * MAX_TITLE_SPEAKER_TOKENS if _name_run(doc, start) > start else MAX_TITLE_SPEAKER_TOKENS


def headline_quotes(st: QuoteState) -> None:
    """The title's statement, when no cue reported anything before the first paragraph break."""
    if not st.title_tokens or any(r.content[0] < st.title_end for r in st.recs):
        return
    if st.title_colon is not None:
        _speaker_colon(st, st.title_colon, st.title_speaker)
    else:
        _speech_noun_after_dash(st)


def _speaker_colon(st: QuoteState, colon: int, start: int = 0) -> None:
    """"Vorbitor: „enunț”" (direct) or "Vorbitor: enunț" (indirect)."""
    run = _name_run(st.doc, start) if st.parsed else start
    # "Aurel Bernat, CEO al BT AM, despre aşteptările …:": the name speaks, not what follows its comma
    m = Mention(start, run if start < run < colon else colon)
    q = st.quote_after(colon + 1, len(st.title_tokens) + 1)
    if q is not None:
        st.add_direct(q, None, m, 0, 0)
    elif colon + 2 < len(st.title_tokens):
        end = len(st.title_tokens)
        second = _second_speaker(st, colon + 1, end)
        s, e = strip_edges(st.doc, colon + 1, second[0] if second else end, st.lex)
        if e > s:
            st.recs.append(Record("indirect", st.tok_span(s, e), None, m, 0, sent=0))
        if second is not None:
            # "EY: Amnistia … în viitor. Alex Milcev, partener EY: Prima parte …": a second
            # speaker's statement in the same headline is a record of its own
            s, e = strip_edges(st.doc, second[1] + 1, end, st.lex)
            if e > s:
                st.recs.append(Record("indirect", st.tok_span(s, e), None, Mention(second[0], second[1]), second[0], sent=0))


def _second_speaker(st: QuoteState, start: int, end: int) -> tuple[int, int] | None:
    """In a headline's statement, a later sentence "Nume[, rol]: …" (a capitalized name right
    after a full stop, an unquoted colon within a few words, no verb between): (its first token,
    the colon), else None."""
    doc = st.doc
    for i in range(start + 1, end - 2):
        if doc[i - 1].text != "." or st.quoted[i] or not (doc[i].pos_ == "PROPN" and doc[i].ent_type_ in {"PERSON", "PER"}):
            continue
        for c in range(i + 1, min(end - 1, i + MAX_TITLE_SPEAKER_TOKENS)):
            t = doc[c]
            if t.text == ":" and not st.quoted[c]:
                return i, c
            if t.pos_ in {"VERB", "AUX"} or t.text in {".", "!", "?", "„", "\""}:
                break
    return None


def _speech_noun_after_dash(st: QuoteState) -> None:
    """"enunț - Anunțul X": the first dash followed by a speech noun; the name after it speaks."""
    doc, title_tokens = st.doc, st.title_tokens
    for d in range(1, len(title_tokens) - 2):
        t = doc[d]
        if t.text in {"-", "–", "—"} and t.whitespace_ and key(doc[d + 1]) in st.lex.speech_nouns:
            ns = d + 2
            if key(doc[ns]) in W.name_article:
                ns += 1
            m = np_after(doc, ns, len(title_tokens), st.lex, st.parsed)
            s0, e0 = strip_edges(doc, 0, d, st.lex)
            if m is not None and e0 - s0 >= 3 and not any(st.quoted[x] for x in range(s0, e0)):
                cue_span = Cue(d + 1, d + 2, d + 1)
                st.recs.append(Record("indirect", st.tok_span(s0, e0), st.tok_span(cue_span.start, cue_span.end), m,
                                      d + 1, prep=True, sent=0))
            break


def _finite(t: Token) -> bool:
    """A finite verb form (the future's "vor" has a person, not a VerbForm)."""
    return t.pos_ in {"VERB", "AUX"} and ("Fin" in t.morph.get("VerbForm") or bool(t.morph.get("Person")))


def title_speaks(doc: Doc, colon: int, title_tokens: list[Token], text: str, lex: Lexicon, parsed: bool,
                  lang: str, start: int = 0) -> bool:
    """Whether a headline "X: Y" gives X's words.  Not when X holds a finite verb ("Devine
    oficial: …", "Cura financiară nu e bună: …", "Facturile EXPLODEAZĂ: …" — a word in capitals
    is read in lower case, where the tagger knows it), nor when X labels rather than speaks
    (:func:`_headline_label`), nor when Y says nothing — no finite verb — unless a person or a
    role opens X ("Codul lui Hammurabi: Istoria primelor legi", "Alertă meteo: Cod galben …",
    "Cuba: Incendiu …" are headlines; "Daniel Cadariu: Situația …, o provocare" is his statement);
    and X must hold something that can speak: a name, an entity, a role or a pronoun."""
    head = doc[start:colon]

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
    if _headline_label(doc, colon, text, lang, start):
        return False
    if parsed and len(head) > 1 and not any(
            t.pos_ == "PROPN" or t.ent_type_ or is_role(t, lex) or key(t) in lex.pronouns for t in head):
        # "Performanțe istorice: România a câștigat …": nothing before the colon can speak (one word
        # stays a speaker: "Firea: …" is a surname the tagger may read as a noun)
        return False
    return not parsed or _person_heads(doc[start], lex) or any(_finite(t) for t in title_tokens[colon + 1:])


def _known_word(word: str, lang: str) -> bool:
    """A word of the language's dictionary ("explodează"), not an acronym ("apapr")."""
    import simplemma

    try:
        return simplemma.is_known(word, lang=iso(lang))
    except (ValueError, KeyError):
        return False


def _person_heads(tok: Token, lex: Lexicon) -> bool:
    """Whether a headline opens with a person's name or a role noun ("Daniel Cadariu: …",
    "Ministrul Sănătății Alexandru Rafila: …")."""
    return (tok.pos_ == "PROPN" and tok.ent_type_ in {"PERSON", "PER"}) or is_role(tok, lex)


def _headline_label(doc: Doc, colon: int, text: str, lang: str, start: int = 0) -> bool:
    """A headline's part before the colon that labels, not speaks: one opening with an all-caps
    word of the language ("TRAGEDII: …", "BREAKING: …"; acronyms like "BNR", "OCDE" are no
    words), one whose first name follows a preposition ("Bătaie la un mall din Baia Mare: …"), or
    a dateline city ("Cluj: …"; a capital may stand for its government: "Moscova: …")."""
    from cronicar.analyze.entities import government_of
    from cronicar.analyze.places import city_aliases

    head = text[doc[start].idx : doc[colon].idx].strip()
    first = doc[start].text
    if first.isupper() and len(first) >= 5:
        import simplemma

        low = first.lower()
        if any(simplemma.is_known(low, lang=lg) for lg in dict.fromkeys((iso(lang), "en"))):
            return True  # "TRAGEDII în lanț în Bulgaria: …"
    name = next((t.i for t in doc[start + 1:colon] if t.pos_ == "PROPN"), None) if doc[start].pos_ not in {"PROPN"} else None
    if name is not None and doc[name - 1].pos_ == "ADP" and not any(t.pos_ == "PROPN" for t in doc[start:name]):
        return True  # "Bătaie la un mall din Baia Mare: …": the name is where, not who
    return (doc[start].ent_type_ in {"GPE", "LOC"} and head.lower() in city_aliases()
            and government_of(head, lang) is None)
