"""Event language data: trigger lexicons (``lang/<code>/events_triggers.tsv``) and dating cues
(``lang/<code>/events_cues.tsv``), and the keys words are looked up with.

Why separate from the extractor: coreference (:mod:`cronicar.link.events`) needs the same keys and
word families as detection, on stored text, without a parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from cronicar.lang import folder as lang_folder, iso


@dataclass(frozen=True)
class Lexicon:
    """One language's triggers: single keys, word families, and phrases of several words."""

    types: dict[str, str] = field(default_factory=dict)  # key -> event type
    roots: dict[str, str] = field(default_factory=dict)  # key -> word family, when not the key
    phrases: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # words -> (type, root)
    by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word -> its phrases
    blocked: set[str] = field(default_factory=set)  # written forms never a trigger (type "-")


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """Read ``lang/<lang>/events_triggers.tsv`` (key, type, optional root; ``#`` comments; type
    ``-`` blocks a written form whose lemma is a trigger, or, for a phrase, its first word when the
    rest follows: "ocupa funcție" is holding a post, not an occupation)."""
    lex = Lexicon()
    path = lang_folder(lang) / "events_triggers.tsv"
    if not path.exists():
        return lex
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2:
            continue
        key, etype = parts[0].lower(), parts[1]
        root = parts[2].lower() if len(parts) > 2 and parts[2] else key
        if etype == "-" and " " not in key:
            lex.blocked.add(key)  # "according" (to) is no agreement, whatever its lemma
        elif " " in key:  # a phrase of type "-" blocks its first word there ("ocupa funcția")
            words = tuple(key.split())
            lex.phrases[words] = (etype, root)
            lex.by_first.setdefault(words[0], []).append(words)
        else:
            lex.types[key] = etype
            if root != key:
                lex.roots[key] = root
    return lex


def triggers(lang: str) -> dict[str, str]:
    """lemma/form (lowercase) -> event type (single-word keys)."""
    return lexicon(lang).types


def trigger_key(word: str, lang: str, lemma: str = "") -> str:
    """The lexicon key of a word: the parser's lemma when there is one, else simplemma's.

    Why: English has no spaCy model here, so a blank token has no lemma; simplemma maps "met",
    "meets" to "meet" so one lexicon line covers the inflections (irregular forms it misses, like
    "rose", are listed in the lexicon as forms)."""
    if lemma:
        return lemma.lower()
    return _simple_lemma(word.lower(), lang)


@lru_cache(maxsize=65536)
def word_entry(lower: str, lemma: str, lang: str) -> tuple[bool, tuple[tuple[str, ...], ...], str | None]:
    """What the lexicon says of one written word (lowercase) with the parser's ``lemma`` ("" for
    none): whether it is blocked, the phrases that may open with it (by lemma or form, in the order
    they are tried) and its single-word event type.  Cached because the extractor asks for every
    token of every sentence and the answer depends on these two strings only (~1 ms per article)."""
    lex = lexicon(lang)
    if lower in lex.blocked:
        return True, (), None
    key = trigger_key(lower, lang, lemma)
    if lemma and key not in lex.types and lower not in lex.types:
        key = trigger_key(lower, lang)  # the parser's lemmatizer misses some ("vândut")
    phrases = lex.by_first.get(key, []) + (lex.by_first.get(lower, []) if lower != key else [])
    return False, tuple(phrases), lex.types.get(key) or lex.types.get(lower)


@lru_cache(maxsize=65536)
def _simple_lemma(low: str, lang: str) -> str:
    try:
        import simplemma

        return str(simplemma.lemmatize(low, lang=iso(lang))).lower()
    except (ImportError, ValueError):  # a language simplemma does not know
        return low


def trigger_root(word: str, lang: str, lemma: str = "") -> str:
    """The word family of a trigger ("delivered", "deliveries" -> deliver; "won" -> win): what
    coreference compares when no named person can decide.  A phrase's root is its lexicon root."""
    lex = lexicon(lang)
    words = tuple(w.lower() for w in word.split())
    if len(words) > 1:
        keys = tuple(trigger_key(w, lang) for w in words)
        for cand in (keys, words):
            if cand in lex.phrases:
                return lex.phrases[cand][1]
    key = trigger_key(word, lang, lemma)
    return lex.roots.get(key) or lex.roots.get(word.lower()) or (key if key in lex.types else word.lower())


@dataclass(frozen=True)
class Cues:
    """Words that date events beyond a single time expression (``lang/<code>/events_cues.tsv``)."""

    range_open: tuple[str, ...] = ()
    range_join: frozenset[str] = frozenset()
    anaphor: frozenset[str] = frozenset()
    compare: tuple[str, ...] = ()  # what opens a comparison's baseline ("față de", "comparativ cu")
    # whether a happening told in a dated statement, with no date of its own, takes the
    # statement's day ("a declarat sâmbătă că își dă demisia"); per language because it was
    # measured on Romanian news only and moved English MEANTIME coreference below its floors
    told_day: bool = False
    # what opens a context clause ("în condițiile în care", "pe fondul"): its happenings are the
    # background of the sentence's row, not rows of their own (analyze/events.background_of)
    context: tuple[str, ...] = ()
    # what opens an adverbial clause told as before or after its main clause's act ("după ce",
    # "înainte de"): a time of the main clause does not date the act of such a clause
    sequence: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def cues(lang: str) -> Cues:
    path = lang_folder(lang) / "events_cues.tsv"
    table: dict[str, list[str]] = {"range_open": [], "range_join": [], "anaphor": [], "compare": [],
                                   "told_day": [], "context": [], "sequence": []}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            kind, _, word = line.partition("\t")
            if not line.startswith("#") and kind.strip() in table and word.strip():
                table[kind.strip()].append(word.strip().lower())
    return Cues(tuple(table["range_open"]), frozenset(table["range_join"]), frozenset(table["anaphor"]),
                tuple(table["compare"]), table["told_day"] == ["yes"], tuple(table["context"]),
                frozenset(table["sequence"]))
