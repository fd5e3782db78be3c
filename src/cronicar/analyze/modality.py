"""Whether an event trigger tells a happening: negation, future, hypothesis, an anchorless "recent".

Why: "nu a declarat" is no statement, "ar putea semna un acord" no agreement, "va face o vizită"
no visit yet, and none of them happened on the article's day; "la un recent eveniment" happened,
but not on that day either.  Read on the parse (no word lists in code: the cues are language data
in ``lang/<code>/events_modality.tsv``): the trigger's verb (itself, or the verb a noun trigger
depends on), its auxiliaries and particles, and the verb above it when the trigger is its
complement ("ar putea semna": *semna* under *putea*).

Statuses: ``asserted`` (told as done or being done), ``negated``, ``hypothetical`` (conditional,
subjunctive, under a modal or intention verb), ``future`` (future auxiliary, or under a plan verb
such as "urmează să").  Tense: ``past``, ``present``, ``future`` or None when the parse does not say.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from cronicar import data_lines
from cronicar.analyze.events_lexicon import trigger_key

VERBAL = {"VERB", "AUX"}
CLIMB = 3  # a noun trigger's verb is at most this many heads up ("a avut loc întâlnirea")
COMPLEMENT = {"xcomp", "ccomp", "csubj"}
BACKGROUND_NOUN_DEPS = {"nmod", "obl"}
ARGUMENT = {"obj", "nsubj", "fixed", "flat", "compound", "nummod", "amod"}  # a noun trigger's link to its verb


@dataclass(frozen=True)
class Modality:
    status: str = "asserted"
    tense: str | None = None
    recent: bool = False  # "recent", "recently": happened, on no day the text gives
    #: named in passing, not told: a noun hanging off another word ("în legătură cu invazia
    #: Rusiei"), a participle of a noun ("alegerile câștigate cu o marjă mare"): a known event,
    #: of no day the sentence gives
    background: bool = False
    #: an imperfect: a habit or a state of the past ("încasa bani pentru că semna condica"), of no
    #: day the sentence gives; a statement in the imperfect is still of its day ("Isărescu declara")
    habitual: bool = False
    #: a present in a relative clause: a statement as a habit ("comunicate de presă în care
    #: declară"), not the day's (other events keep the day: "Samarkand, unde participă la un summit")
    generic: bool = False
    #: a past act told with no time of its own ("a vândut un teren", "a declarat pentru BBC"): the
    #: article's day only bounds it from above, so it is undated (its source keeps the article date)
    dayless: bool = False
    #: a statement given to an outlet ("a declarat pentru BBC", "într-un interviu"): said on some
    #: day before the article that reports it, unlike a statement told as news ("a declarat că")
    interview: bool = False
    #: any one of a kind, no single happening: "ca la orice lansare de candidat"
    generic_kind: bool = False
    #: told as of a time named before ("declara el atunci"): not the article's day, statements too
    then: bool = False
    #: a verb addressing the reader or an interlocutor ("Ați discutat cu premierul?", "l-ai
    #: trimis la colț"): a question or a generic "you", no happening told
    addressed: bool = False
    #: told with an adverb of duration or repetition ("l-au acuzat de mult timp", "a declarat în
    #: repetate rânduri"): a habit or a long state, no single happening
    habit: bool = False
    #: in a clause the data marks as earlier than the sentence's own act ("după ce Ponta a
    #: declarat"): recalled as what led to the news, of no day the sentence gives
    earlier: bool = False
    #: a state told in the present passive ("este acuzat că ar fi comis"): a standing accusation,
    #: not an act of the article's day
    state: bool = False
    #: a plural event noun ("a avut întâlniri cu ambasadorii"): several happenings, none of them
    #: on a day the sentence gives (the data lists the nouns whose plural is one event: "alegerile")
    iterative: bool = False
    #: counted in units of time ("după săptămâni de negocieri"): a process over a span, of no one
    #: day, even when its clause names one (that day is another act's: "vor prezenta miercuri")
    span: bool = False


@lru_cache(maxsize=None)
def cues(lang: str) -> dict[str, frozenset[str]]:
    """kind -> words, from ``lang/<lang>/events_modality.tsv`` (empty for a language without one)."""
    out: dict[str, set[str]] = {}
    for line in data_lines(lang, "events_modality.tsv"):
        kind, _, word = line.partition("\t")
        out.setdefault(kind.strip(), set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


def verb_of(tok: Token, c: dict[str, frozenset[str]] | None = None) -> Token | None:
    """The trigger itself when verbal, else the verb a noun trigger is an argument of ("va face o
    vizită", "nu a avut loc întâlnirea").  A definite noun names a known event ("să pună în
    aplicare tratatul": the treaty exists), and a noun in a prepositional phrase is not what the
    verb tells ("în temeiul unui tratat semnat"): neither takes the verb's modality, unless the
    definite noun is the subject of its own taking place ("Întâlnirea va avea loc": ``occur``)."""
    if tok.pos_ in VERBAL:
        return tok
    if "Def" in tok.morph.get("Definite"):
        return _occurs_by(tok, c or {})
    if any(ch.dep_ == "cop" for ch in tok.children):
        return tok  # a nominal predicate carries its copula's mood: "ar fi o discuție complexă"
    t = tok
    for _ in range(CLIMB):
        if t.dep_.split(":")[0] not in ARGUMENT or t.head == t:
            return None
        t = t.head
        if t.pos_ in VERBAL:
            return t
    return None


def _occurs_by(tok: Token, c: dict[str, frozenset[str]]) -> Token | None:
    """The verb a definite noun is the subject of when the data names it as the event's own
    taking place (``occur``: "Întâlnirea va avea loc vineri", "discuțiile vor începe"): the event is
    as real as that verb, unlike a known event a verb does something with ("tratatul ... să pună în
    aplicare")."""
    occur = c.get("occur", frozenset())
    verb = tok.head
    if not occur or not tok.dep_.startswith("nsubj") or verb == tok or verb.pos_ not in VERBAL:
        return None
    words = " ".join([verb.lemma_.lower(), *(ch.lower_ for ch in verb.children if ch.dep_ == "fixed")])
    return verb if words in occur or verb.lemma_.lower() in occur else None


def _marked(head: Token, c: dict[str, frozenset[str]], kind: str) -> bool:
    """Whether the clause of ``head`` (a verb, or a noun predicate: "dacă e un atac") is opened by
    a conjunction of ``kind`` in the data: ``if`` ("dacă", "de parcă"), ``without`` ("fără să",
    "fără ca"; the word may stand just before the clause's first mark when the parse hangs it
    elsewhere, and a phrase starts at that mark)."""
    words = c.get(kind, frozenset())
    marks = [ch for ch in head.children if ch.dep_ == "mark"]
    if not words or not marks:
        return False
    doc, first = head.doc, marks[0].i
    before = doc[first - 1] if first > 0 else None
    phrases = (" ".join(t.lower_ for t in doc[first:first + k]) for k in (2, 3))  # "de parcă", "ca și cum"
    return any(m.lower_ in words for m in marks) or (before is not None and before.lower_ in words) \
        or any(p in words for p in phrases)


def _told_by_dayless(tok: Token, c: dict[str, frozenset[str]]) -> bool:
    """Whether a known event (a definite noun: "Demisiile colegilor au scos în evidență ...") is
    the subject or object of a plain verb in a ``dayless`` tense: told in the past with no time
    of its own, it is of no day the sentence gives, like a past act (see :class:`Modality`); so is
    an event named in such a verb's prepositional phrase ("după alegeri a uitat să-și plătească
    angajații", "Moscova a negat că s-a amestecat în alegeri": a bare noun after a preposition names
    a known event; "a salutat ..., în cadrul unei întâlniri cu Lavrov" tells a new one, of its verb's
    occasion)."""
    if tok.pos_ != "NOUN" or tok.dep_.split(":")[0] not in {"nsubj", "obj", "obl"} or tok.head.i == tok.i:
        return False
    if tok.dep_.startswith("obl") and any(ch.dep_ in {"det", "nummod"} for ch in tok.children):
        return False
    verb = tok.head
    if verb.pos_ not in VERBAL or _aux_status(verb, c) is not None or _neg(verb, c):
        return False
    tense = _tense(verb, None)
    return tense is not None and tense in c.get("dayless", frozenset())


def _lemma_in(tok: Token, words: frozenset[str]) -> bool:
    """Whether the parser's lemma of ``tok``, or simplemma's of its form when the parser's misses
    ("plănuiește" -> "plănuii"), is one of ``words``."""
    return tok.lemma_.lower() in words or (bool(words) and trigger_key(tok.lower_, tok.doc.lang_) in words)


def _neg(verb: Token, c: dict[str, frozenset[str]]) -> bool:
    return any(ch.dep_.startswith(("advmod", "neg")) and (ch.lower_ in c.get("neg", ())
               or "Neg" in ch.morph.get("Polarity")) and ch.pos_ in {"PART", "ADV"}
               for ch in verb.children)


def _aux_status(verb: Token, c: dict[str, frozenset[str]]) -> str | None:
    """Future or conditional from the verb's auxiliaries; ``subj`` for a bare subjunctive (a
    maybe, unless the verb above makes it a plan: "urmează să fie semnat")."""
    auxes = [ch for ch in verb.children if ch.dep_.startswith("aux") or ch.dep_ == "mark"]
    words = {ch.lower_ for ch in auxes}
    infinitive = "Inf" in verb.morph.get("VerbForm") or any("Inf" in ch.morph.get("VerbForm") for ch in auxes)
    if words & c.get("future", frozenset()) - {"o"} or ("o" in words and words & c.get("subj", frozenset())):
        return "future"
    cond = c.get("cond", frozenset())
    if any(w in cond for w in words) and (infinitive or words & {"ar", "aș", "would", "could", "might",
                                                                    "may", "should"}):
        return "hypothetical"
    if words & c.get("subj", frozenset()) or "Sub" in verb.morph.get("Mood"):
        return "subj"
    return None


def _window_status(tok: Token, c: dict[str, frozenset[str]]) -> str | None:
    """Without a dependency parse (English here): the cue words just before the trigger."""
    before = {t.lower_ for t in tok.doc[max(0, tok.i - 3):tok.i]}
    if before & c.get("neg", frozenset()):
        return "negated"
    if before & c.get("future", frozenset()):
        return "future"
    if before & c.get("cond", frozenset()):
        return "hypothetical"
    return None


def _tense(verb: Token, status: str | None) -> str | None:
    if status == "future":
        return "future"
    if status is not None:
        return None  # a conditional or a subjunctive has no tense of its own
    if "Part" in verb.morph.get("VerbForm") and any(ch.dep_ == "aux" for ch in verb.children):
        return "past"  # perfect compus: "a declarat"
    tense = verb.morph.get("Tense")
    if tense:
        return "past" if tense[0] in {"Past", "Imp", "Pqp"} else "present" if tense[0] == "Pres" else None
    return None


def tense_of(verb: Token) -> str | None:
    """``past``, ``present`` or None: the tense of a plain (indicative) verb."""
    return _tense(verb, None)


def _recent(tok: Token, verb: Token | None, c: dict[str, frozenset[str]]) -> bool:
    """"recent" on the trigger, its verb, or a noun of the verb ("la un recent eveniment")."""
    words = c.get("recent", frozenset())
    near = [tok] + ([verb] if verb is not None else [])
    near += [ch for t in list(near) for ch in t.children if ch.pos_ in {"NOUN", "PROPN"}]
    return any(ch.lower_ in words for t in near for ch in t.children)


def of(tok: Token, lang: str) -> Modality:
    """The modality of the event told by trigger ``tok`` (see the module doc)."""
    c = cues(lang)
    if not c:
        return Modality()
    if not tok.doc.has_annotation("DEP"):
        words = c.get("recent", frozenset())
        recent = any(t.lower_ in words for t in tok.doc[max(0, tok.i - 3):tok.i + 2])
        return Modality(_window_status(tok, c) or "asserted", None, recent)
    # "orice lansare": a kind, not a happening; so is a noun of a phrase it heads ("orice direcție de negociere")
    held = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" else [])
    if (tok.pos_ == "NOUN" and any(ch.dep_ == "det" and ch.lower_ in c.get("any", ()) for h in held for ch in h.children)) \
            or _defined(tok) or _amounts_to(tok, c):
        return Modality(generic_kind=True)  # also "demisia este un act unilateral": what a kind is
    verb = verb_of(tok, c)
    if (host := _conjunct_host(verb)) is not None:  # "a fost cercetat penal și acuzat de furt": as its first conjunct
        return of(host, lang)
    recent = _recent(tok, verb, c)
    background = _background(tok)
    if tok.pos_ not in VERBAL:
        own = _nominal_reading(tok, verb, c, recent)
        if own is not None:
            return own
        # "ultima vizită în SUA": a past one, of no day the sentence gives
        background = background or _modified(tok, c, "former")
    if _marked(tok if verb is None else verb, c, "if") or (
            verb is None and tok.dep_ in {"appos", "conj"} and _marked(tok.head, c, "if")):
        # "dacă e un atac", "dacă acea campanie e una de dezinformare, un atac hibrid"
        return Modality("hypothetical", None, recent)  # "dacă discutăm de o agenție", "dacă e un atac"
    iterative = _iterative(tok, c)
    if tok.pos_ == "NOUN" and tok.dep_ == "nmod" and "Plur" in tok.head.morph.get("Number") \
            and _lemma_in(tok.head, c.get("duration", frozenset())):
        return Modality(recent=recent, span=True)  # "după săptămâni de negocieri"
    if verb is None:
        told = _subject_status(tok, c)  # "alegerile vor fi cel mai probabil în septembrie"
        if told is not None:
            return Modality(told, "future" if told == "future" else None, recent, background)
        inherited = _inherited(tok, lang)
        return Modality(inherited or "asserted", "future" if inherited == "future" else None, recent, background,
                        dayless=not inherited and _told_by_dayless(tok, c), iterative=iterative,
                        habit=_habit_above(tok, c) or _habit_in_phrase(tok, c))
    if _statistic(verb, c):
        return Modality(generic_kind=True)  # "30% dintre respondenți declarând că": a survey's figure
    if _aim_infinitive(verb, c):
        return Modality("hypothetical", None, recent)
    status = _aux_status(verb, c)
    tense = _tense(verb, status)
    gerund_habit = False
    if status is None and tense is None and "Ger" in verb.morph.get("VerbForm") and verb.head != verb \
            and verb.head.pos_ in VERBAL and _aux_status(verb.head, c) is None \
            and not any(ch.dep_.startswith("nsubj") for ch in verb.children):
        # "a intervenit la televiziuni, acuzând ...": a gerund sharing its verb's subject is told
        # in that verb's tense (one with a subject of its own is not: "Coreea de Nord sprijinind"),
        # and as its habit ("își petrec cei patru ani de mandat discutând proiecte")
        tense = _tense(verb.head, None)
        gerund_habit = _habit(verb.head, c)
    if _neg(verb, c) or _marked(verb, c, "without"):
        status = "negated"  # "nu a declarat", "fără ca acest lucru să fie discutat"
    elif status in {None, "subj"} and verb.dep_ in COMPLEMENT and verb.head != verb:
        above = verb.head  # "ar putea semna", "urmează să semneze", "a propus să aibă loc"
        if _lemma_in(above, c.get("plan", frozenset())):
            status = "future"
        elif _lemma_in(above, c.get("modal", frozenset()) | c.get("opinion", frozenset())) \
                or _aux_status(above, c) == "hypothetical":
            status = "hypothetical"
        elif _neg(above, c):
            status = "negated"
    if status is None and _maybe(verb, c):
        status = "hypothetical"  # "cel mai probabil, atacul a fost pregătit"
    if status == "subj":
        status = "hypothetical"
    plain = status is None
    tenses = verb.morph.get("Tense")
    background = background or (plain and "Pqp" in tenses)  # "anunțase": before the told events
    return Modality(status or "asserted", tense, recent, background, plain and "Imp" in tenses,
                    plain and "Pres" in tenses and verb.dep_ == "acl:relcl",
                    plain and tense is not None and tense in c.get("dayless", frozenset()),
                    _interview(verb, c), then=any(ch.lower_ in c.get("then", ()) for ch in verb.children),
                    addressed=_addressed(verb, c), habit=_habit(verb, c) or gerund_habit, earlier=_earlier(verb, c),
                    state=plain and _present_passive(verb), iterative=iterative)


def _conjunct_host(verb: Token | None) -> Token | None:
    """The verb a bare participle is coordinated with ("a fost cercetat penal și acuzat de furt":
    "acuzat" has no auxiliary of its own and shares the first conjunct's, the parse may hang it on
    a word of that conjunct), or None."""
    if verb is None or verb.dep_ != "conj" or "Part" not in verb.morph.get("VerbForm") \
            or any(ch.dep_.startswith(("aux", "cop", "nsubj")) for ch in verb.children):
        return None
    up = verb.head
    for _ in range(CLIMB):
        if up.pos_ in VERBAL and "Part" in up.morph.get("VerbForm") and any(
                ch.dep_.startswith("aux") for ch in up.children):
            return up
        if up.head.i == up.i:
            return None
        up = up.head
    return None


def _nominal_reading(tok: Token, verb: Token | None, c: dict[str, frozenset[str]], recent: bool) -> Modality | None:
    """What the words around a trigger that is no verb say of it, when they settle it: a maybe, a
    future, a negation or a generic "you"; None when they do not."""
    if tok.dep_ == "obj" and _lemma_in(tok.head, c.get("modal", frozenset())):
        return Modality("hypothetical", None, recent)  # "îi cereau demisia", "a propus reducerea"
    if _aimed(tok, c):
        return Modality("hypothetical", None, recent)  # "o lege pentru închiderea agenției"
    if tok.pos_ != "NOUN" and verb is None and _addressed_above(tok, c):
        return Modality(recent=recent, addressed=True)  # "dacă pariezi ... și câștigi" (câștigi read as ADJ)
    if _modified(tok, c, "coming"):
        return Modality("future", "future", recent)  # "la viitoarele alegeri"
    if _modified(tok, c, "alleged") or (tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and "Ind" in
                                        tok.morph.get("Definite") and _modified(tok.head, c, "alleged")):
        # "presupusa întâlnire"; "un eventual moratoriu de amânare a ratelor": the kind of act the
        # possible moratorium names (a definite noun is a thing of its own: "o posibilă explicație
        # pentru creșterea lentă a salariilor" does not make the rise a maybe)
        return Modality("hypothetical", None, recent)
    if tok.dep_ == "obl" and tok.head.pos_ in VERBAL and _neg(tok.head, c):
        return Modality("negated", None, recent)  # "nu a participat la această întâlnire"
    return None


def _aim_infinitive(verb: Token, c: dict[str, frozenset[str]]) -> bool:
    """An infinitive of aim: "pentru a prelua partidul", "pentru a purta discuții" (``purpose``),
    or one a noun of ``aim`` governs ("o șansă bună de a ajunge la un acord")."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return False
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # an infinitive completing a noun names what the noun is about, never a told act
        # ("intenția conducerii de a crește free-float-ul", "capacitatea de a declara")
        return True
    return any(ch.dep_ == "mark" and ch.lower_ in c.get("purpose", frozenset()) for ch in verb.children) \
        or (verb.head.i != verb.i and _lemma_in(verb.head, c.get("aim", frozenset())))


def _addressed(verb: Token, c: dict[str, frozenset[str]]) -> bool:
    """Whether the verb, its auxiliary or a pronoun it governs is in a person the data names as
    addressing someone (``addressee``: the second): "ați discutat?", and the writer's "vă anunțăm
    că ..." to the reader."""
    persons = c.get("addressee", frozenset())
    words = [verb, *(ch for ch in verb.children if ch.dep_ == "aux" or (ch.pos_ == "PRON" and ch.dep_ != "nsubj"))]
    return bool(persons) and any(p in persons for t in words for p in t.morph.get("Person"))


def _habit(verb: Token, c: dict[str, frozenset[str]], before: bool = False) -> bool:
    """Whether an adverbial of the verb opens with a ``habit`` phrase of the data ("de mult timp",
    "în repetate rânduri", "mereu"): the act is a habit or a long state, not one happening.  A
    second conjunct without a subject of its own shares the adverbials that open the first one
    ("De-a lungul timpului, a fost cercetat penal și a fost acuzat de furt"; ``before``: only
    those before that verb)."""
    if _whenever(verb, c):
        return True
    if verb.dep_ == "conj" and verb.head.pos_ in VERBAL and not before \
            and not any(ch.dep_.startswith("nsubj") for ch in verb.children) and _habit(verb.head, c, True):
        return True
    phrases = c.get("habit", frozenset())
    for ch in verb.children:
        if before and ch.i > verb.i:
            break
        if phrases and ch.dep_.split(":")[0] in {"advmod", "obl", "nmod"}:  # nmod: a noun trigger's own
            sub = list(ch.subtree)
            # the tokens joined, and as written: the tokenizer splits "De-a lungul" into "De-" "a"
            # and an adverb alone (the parse may hang the subject on it: "Colegii ... îl tot acuză")
            for words in {" ".join(t.lower_ for t in sub), ch.doc[sub[0].i:sub[-1].i + 1].text.lower(),
                          ch.lower_ if ch.pos_ == "ADV" else ""}:
                if any(words == p or words.startswith(p + " ") for p in phrases):
                    return True
        bare = ch.dep_ == "obj" or (ch.dep_.split(":")[0] == "obl" and not any(g.dep_ == "case" for g in ch.children))
        # counted ("cei patru ani"), not a weekday read as months ("a avut luni o întâlnire") nor ago ("acum doi ani")
        counted = any(g.dep_ in {"nummod", "det"} for g in ch.children) and not any(g.pos_ == "ADV" for g in ch.children)
        if bare and counted and "Plur" in ch.morph.get("Number") and _lemma_in(ch, c.get("duration", frozenset())):
            return True  # "își petrec cei patru ani de mandat discutând": a span spent, no one act
    return False


def _whenever(verb: Token, c: dict[str, frozenset[str]]) -> bool:
    """An adverbial clause opened by a ``whenever`` word of the data, in the plain present
    indicative, inside a clause told in the past ("euro era cotat în jurul orei 13:00, când BNR
    anunță cursul"): a routine, what happens each day.  Not "pe când" (a contrast: "X crește, pe
    când Y scade"), nor under a present ("este prima dată când societatea raportează")."""
    words = c.get("whenever", frozenset())
    return bool(words) and verb.dep_ == "advcl" and "Pres" in verb.morph.get("Tense") \
        and "Ind" in verb.morph.get("Mood") and not any(ch.dep_.startswith("aux") for ch in verb.children) \
        and (tense_of(verb.head) == "past"  # "era cotat": a passive's auxiliary carries the tense
             or any(ch.dep_.startswith("aux") and {"Imp", "Past", "Pqp"} & set(ch.morph.get("Tense"))
                    for ch in verb.head.children)) \
        and any(ch.dep_ in {"advmod", "mark"} and ch.i < verb.i and ch.lower_ in words
                and not any(g.dep_ == "case" for g in ch.children) for ch in verb.children)


def _habit_in_phrase(tok: Token, c: dict[str, frozenset[str]]) -> bool:
    """A noun trigger whose own phrase (through nouns only) carries a ``habit`` adverbial: a
    trend told as background ("scăderea locurilor de muncă din ultimii ani")."""
    for t in tok.subtree:
        if t.pos_ != "NOUN":
            continue
        up = t
        while up.i != tok.i and up.head.i != up.i and up.head.pos_ == "NOUN":
            up = up.head
        if up.i == tok.i and _habit(t, c):
            return True
    return False


def _aimed(tok: Token, c: dict[str, frozenset[str]]) -> bool:
    """Whether a noun trigger is what a verb or a noun of ``aim`` in the data is for, or tries to
    stop: the object of "să blocheze închiderea agenției", or the complement of "o lege pentru
    închiderea agenției", "planul de reducere" (through nouns, up to the first verb): not done."""
    words = c.get("aim", frozenset())
    up = tok
    for _ in range(CLIMB):
        if not words or up.head.i == up.i or up.dep_.split(":")[0] not in {"obj", "nmod", "obl", "nsubj"}:
            return False
        if up.dep_.startswith("nsubj") and up.dep_ != "nsubj:pass":
            return False  # "închiderea a blocat ...": its own act, not an aim
        by_obl, by_obj = up.dep_.startswith("obl") and up.pos_ == "NOUN", up.dep_ == "obj"
        up = up.head
        if _lemma_in(up, words):
            return True
        if up.pos_ in VERBAL:
            # the parse hangs the aim's complement on the verb: "a primit aprobarea pentru o creștere";
            # an aim's content told in the present: "Propunerea AUR include scăderea personalului"
            return (by_obl and any(ch.dep_ == "obj" and ch.i < tok.i and _lemma_in(ch, words) for ch in up.children)) \
                or (by_obj and tense_of(up) == "present" and any(
                    ch.dep_ == "nsubj" and _lemma_in(ch, words) for ch in up.children))
    return False


def _addressed_above(tok: Token, c: dict[str, frozenset[str]]) -> bool:
    """A trigger the tagger read as no verb nor noun ("câștigi" as an adjective) under a verb in the
    person that addresses someone: the generic "you" of "dacă pariezi ... și câștigi"."""
    up = tok
    for _ in range(CLIMB):
        if up.head.i == up.i:
            return False
        up = up.head
        if up.pos_ in VERBAL:
            return _addressed(up, c)
    return False


def _defined(tok: Token) -> bool:
    """A noun trigger that is the subject of a present copula with an indefinite noun ("demisia este
    un act unilateral", "o întâlnire e o ocazie"): it says what such an event is, telling none."""
    pred = tok.head
    if tok.pos_ != "NOUN" or not tok.dep_.startswith("nsubj") or pred == tok or pred.pos_ != "NOUN":
        return False
    cop = next((ch for ch in pred.children if ch.dep_ == "cop"), None)
    return cop is not None and "Pres" in cop.morph.get("Tense") and "Fin" in cop.morph.get("VerbForm") \
        and any(ch.dep_ == "det" and "Ind" in ch.morph.get("PronType") for ch in pred.children)


def _amounts_to(tok: Token, c: dict[str, frozenset[str]]) -> bool:
    """A noun trigger that is the subject of a present verb of the data's ``means`` whose
    complement is an indefinite noun ("reducerea deficitului la 1% din PIB în 2015 înseamnă un efort
    bugetar de 5-6 miliarde"): it says what such an event would cost or be, telling none."""
    pred = tok.head
    if tok.pos_ != "NOUN" or not tok.dep_.startswith("nsubj") or pred == tok:
        return False
    if not _lemma_in(pred, c.get("means", frozenset())):
        return False
    return "Pres" in pred.morph.get("Tense") and any(
        ch.dep_ in {"obj", "xcomp"} and ch.pos_ == "NOUN" and any(
            g.dep_ == "det" and "Ind" in g.morph.get("PronType") for g in ch.children) for ch in pred.children)


def _habit_above(tok: Token, c: dict[str, frozenset[str]]) -> bool:
    """A noun trigger in a clause told as a habit: the first verb above it carries a ``habit``
    adverbial ("De regulă, delegațiile veneau la întâlniri cu premierul")."""
    up = tok
    for _ in range(CLIMB):
        if up.head == up:
            return False
        up = up.head
        if up.pos_ in VERBAL:
            return _habit(up, c)
    return False


def _maybe(pred: Token, c: dict[str, frozenset[str]]) -> bool:
    """Whether a predicate is told as a likelihood: it is itself a ``maybe`` word of the data
    ("alegerile vor fi cel mai probabil în septembrie": the parse heads the clause with
    "probabil"), or an adverbial of it starts with one ("cel mai probabil, atacul a fost
    pregătit")."""
    phrases = c.get("maybe", frozenset())
    if not phrases:
        return False
    if pred.lemma_.lower() in phrases or pred.lower_ in phrases:
        return True
    for ch in pred.children:
        if ch.dep_.split(":")[0] == "advmod":
            words = " ".join(t.lower_ for t in ch.subtree if not t.is_punct)
            if any(words == p or words.startswith(p + " ") for p in phrases):
                return True
    return False


def _subject_status(tok: Token, c: dict[str, frozenset[str]]) -> str | None:
    """A noun trigger that is the subject of a predicate told as future or a maybe takes that
    status (a forecast, not a happening): a verb or a nominal predicate with its copula
    ("întâlnirea va fi în iunie", "negocierile ar putea fi reluate în martie", "alegerile vor fi
    cel mai probabil în septembrie").  Its plain assertion is not taken: "Tratatul a fost semnat"
    keeps the noun's own reading."""
    pred = tok.head
    if not tok.dep_.startswith("nsubj") or pred == tok:
        return None
    if pred.pos_ not in VERBAL and not any(ch.dep_ == "cop" for ch in pred.children):
        return None
    status = _aux_status(pred, c)
    if status is None and (_maybe(pred, c) or (pred.head != pred and pred.dep_ in COMPLEMENT
                                                and _lemma_in(pred.head, c.get("modal", frozenset())))):
        status = "hypothetical"
    return {"subj": "hypothetical"}.get(status or "", status)


def _present_passive(verb: Token) -> bool:
    """A participle with a passive auxiliary in the present and no perfect auxiliary ("este
    acuzat", "sunt acuzați"): a state that holds, not an act done on the article's day ("a fost
    acuzat" is the act)."""
    if "Part" not in verb.morph.get("VerbForm"):
        return False
    auxes = [ch for ch in verb.children if ch.dep_.startswith("aux")]
    return any(ch.dep_ == "aux:pass" and "Pres" in ch.morph.get("Tense") and "Fin" in ch.morph.get("VerbForm")
               for ch in auxes) and not any(ch.dep_ == "aux" for ch in auxes)


def _iterative(tok: Token, c: dict[str, frozenset[str]]) -> bool:
    """A plural event noun not listed as one event in the plural (``one_plural``: "alegerile",
    "discuțiile"): "a avut întâlniri cu ambasadorii" tells several meetings."""
    return tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number") and not _lemma_in(
        tok, c.get("one_plural", frozenset())) and tok.lower_ not in c.get("one_plural", frozenset())


def describes_person(tok: Token, lang: str) -> bool:
    """Whether a bare participle describes a person ("un candidat acuzat de fascism", "Udrea,
    condamnată pentru corupție"): it hangs on a PERSON name or on a noun of people (``person`` in
    the data), with no auxiliary; what it names is who the person is, not a happening told."""
    words = cues(lang).get("person", frozenset())
    if not words or tok.dep_ not in {"acl", "amod"} or "Part" not in tok.morph.get("VerbForm") or tok.head == tok \
            or any(ch.dep_.startswith(("aux", "cop")) for ch in tok.children):
        return False
    return is_person(tok.head, lang)


def is_person(tok: Token, lang: str) -> bool:
    """Whether ``tok`` names a person: a PERSON name, or a noun of people (``person`` in the data; a
    language without the list has none)."""
    words = cues(lang).get("person", frozenset())
    return bool(words) and (tok.ent_type_ == "PERSON" or _lemma_in(tok, words))


def counted(tok: Token, lang: str) -> bool:
    """Whether a plural event noun is counted ("trei atacuri", "mai multe întâlniri": a number, or a
    ``several`` word of the data on it): a summary of several happenings, whatever its date."""
    words = cues(lang).get("several", frozenset())
    return tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number") and any(
        ch.dep_ == "nummod" or (ch.dep_ in {"det", "amod"} and _lemma_in(ch, words)) for ch in tok.children)


def _statistic(verb: Token, c: dict[str, frozenset[str]]) -> bool:
    """Whether the verb's subject is a survey's share: it names respondents (``survey`` word starts:
    "43% dintre respondenți au spus"), or it is a bare percentage in a sentence about a survey
    ("30% declarând că nu știu": a gerund without a subject of its own takes its verb's)."""
    words = c.get("survey", frozenset())
    if not words:
        return False
    subj = next((ch for ch in verb.children if ch.dep_.startswith("nsubj")), None)
    if subj is None and "Ger" in verb.morph.get("VerbForm") and verb.head != verb:
        subj = next((ch for ch in verb.head.children if ch.dep_.startswith("nsubj")), None)
    if subj is None:
        return False
    starts = tuple(words)  # word starts: the parser's lemma of "respondenților" is "respondenț"
    if any(t.lower_.startswith(starts) for t in subj.subtree):
        return True
    return subj.pos_ == "NUM" and subj.text.endswith("%") and any(t.lower_.startswith(starts) for t in verb.sent)


def _earlier(verb: Token, c: dict[str, frozenset[str]]) -> bool:
    """Whether the verb, or a verb it hangs on, heads an adverbial clause opened by an ``earlier``
    mark of the data ("după ce Ponta a declarat"): what led to the news, not the news."""
    marks = c.get("earlier", frozenset())
    t = verb
    for _ in range(CLIMB):
        if marks and t.dep_.startswith("advcl") and any(
                ch.dep_ == "mark" and ch.lower_ in marks for ch in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _interview(verb: Token, c: dict[str, frozenset[str]]) -> bool:
    """Whether the verb's statement was given to an outlet: a name after an ``outlet`` preposition
    ("a declarat pentru PEOPLE") or an ``interview`` noun among its dependents ("a declarat într-un
    interviu")."""
    for ch in verb.children:
        if ch.lemma_.lower() in c.get("interview", frozenset()):
            return True
        if ch.dep_.startswith("obl") and ch.text[:1].isupper() and any(
                g.dep_ == "case" and g.lower_ in c.get("outlet", frozenset()) for g in ch.children):
            return True
    return False


def _inherited(tok: Token, lang: str) -> str | None:
    """An indefinite noun trigger not an argument of a verb ("va elimina Cuba de pe listă într-un
    acord", "urmează să se reunească pentru o reuniune") is as real as the verb above it: it takes
    that verb's future, maybe or negation (never its plain assertion: "în temeiul unui tratat
    semnat" names a treaty that exists)."""
    if tok.pos_ != "NOUN" or "Def" in tok.morph.get("Definite"):
        return None
    up = tok.head
    for _ in range(CLIMB):
        if up.pos_ in VERBAL:
            status = of(up, lang).status
            return status if status != "asserted" else None
        if up.head == up:
            return None
        up = up.head
    return None


def _modified(tok: Token, c: dict[str, frozenset[str]], kind: str) -> bool:
    """Whether a modifier of noun ``tok`` starts with a cue word of ``kind`` ("viitoarele",
    "ultima", "presupusa")."""
    starts = tuple(c.get(kind, ()))
    return bool(starts) and any(ch.dep_ in {"amod", "nummod", "det"} and ch.lower_.startswith(starts)
                                for ch in tok.children)


def _background(tok: Token) -> bool:
    """A definite noun attached to another noun or by a preposition, a participle modifying a
    noun, or a noun in a clause with no verb (a subheading or a list item: "Reducerea
    personalului", "Reducerea numărului de elevi la clasă, la un maximum de 20"): the event is
    named, not told."""
    if tok.pos_ == "NOUN":
        if not any(t.pos_ in VERBAL for t in tok.sent):
            return True
        # "după demisia lui Popescu" is hung as obl:tmod: a subtype of obl, named in passing as well
        if tok.dep_.split(":")[0] not in BACKGROUND_NOUN_DEPS:
            return False
        # a bare noun after a preposition is definite in meaning ("adversara lui din alegeri", "Legat
        # de demisie, ..."); as a verb's own oblique it may tell the act ("a închis în creștere")
        bare = any(ch.dep_ == "case" for ch in tok.children) and not any(
            ch.dep_ in {"det", "nummod"} for ch in tok.children) and tok.head.pos_ not in VERBAL
        return "Def" in tok.morph.get("Definite") or bare
    return tok.dep_ in {"acl", "amod"} and "Part" in tok.morph.get("VerbForm")


def anchored(when: dict | None, dct_when: dict | None, mod: Modality, statement: bool = False) -> dict | None:
    """The event's date once its modality is known: the article's day only for a happening told
    as of the day; a future, a maybe, a negated or a "recent" event without a date of its own in
    the text is undated (None), not the article's day; so is a habit, and a past act in a language
    whose data says its past tense carries no day ("a semnat un acord": see :class:`Modality`).  A
    statement "made recently" ("a anunțat recent") is undated too: "recent" says it was not that day."""
    recent = mod.recent
    habit = mod.generic if statement else mod.habitual
    if mod.span:
        return None  # "după săptămâni de negocieri": a span, whatever day its clause names
    if when is not dct_when or (mod.status == "asserted" and not recent and not mod.background and not habit
                                and not mod.dayless and not mod.then and not mod.state and not mod.iterative):
        return when
    return None
