"""Per-language quote lexicons loaded from ``lang/<code>/quotes_*.txt`` data files.

Language knowledge is data (DESIGN §2): speech verbs, cue prepositions, role nouns, pronouns and
media outlets live in plain files with a header, so adding a language means adding a folder.
A language without files gets an empty lexicon: direct quotes are still found from the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cronicar import LANG_DIR  # noqa: F401  (the package's own folders: tests list their files)
from cronicar.lang import folder as lang_folder
from cronicar.analyze.normalize import fold_diacritics

_EXAMPLE_RE = re.compile(r"^#\s*example:\s*(.*?)\s*=>\s*(.*)$")


def _key(text: str) -> str:
    return fold_diacritics(text).lower()


@dataclass
class Lexicon:
    """Everything the quote engine knows about one language."""

    lang: str
    verb_lemmas: set[str] = field(default_factory=set)
    verb_forms: set[str] = field(default_factory=set)
    plain_verb_forms: set[str] = field(default_factory=set)  # the forms typed without diacritics
    preps: list[list[str]] = field(default_factory=list)  # token sequences, longest first
    speech_nouns: set[str] = field(default_factory=set)
    nodata: set[str] = field(default_factory=set)
    nodoc: set[str] = field(default_factory=set)  # "raportul": not speech unless a named owner follows
    connectives: list[list[str]] = field(default_factory=list)
    stops: list[list[str]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    pronouns: dict[str, str] = field(default_factory=dict)  # word -> m | f | pl
    skip: list[list[str]] = field(default_factory=list)
    time_nouns: set[str] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)
    post_verbs: set[str] = field(default_factory=set)  # "reads": a cue only right after a quote
    documents: set[str] = field(default_factory=set)  # "comunicatul": "se arată în comunicatul X" → X speaks
    honorifics: set[str] = field(default_factory=set)  # "ÎPS", "dl": titles that are not part of the name
    honorific_gender: dict[str, str] = field(default_factory=dict)  # "mrs." -> f, "dl" -> m
    org_roles: set[str] = field(default_factory=set)  # "operatorul", "formațiunea": nouns that describe an organisation
    collective: list[list[str]] = field(default_factory=list)  # "reprezentanții", "biroul de presă": the body speaks
    addressee_verbs: set[str] = field(default_factory=set)  # "told X": X is the addressee  # "cei care spun că…": a speaker nobody can name
    media: list[list[str]] = field(default_factory=list)
    cited: set[str] = field(default_factory=set)  # "sursa citată": the source the article cited before
    hearsay: set[str] = field(default_factory=set)  # "se spune că": impersonal hearsay, nobody speaks
    finite: set[str] = field(default_factory=set)  # "is", "would": a clause begins (no 'that' needed)
    openers: set[str] = field(default_factory=set)  # "the", "he": words that can open that clause
    non_openers: set[str] = field(default_factory=set)  # "in", "to": a phrase, not a clause, begins
    subordinators: set[str] = field(default_factory=set)  # "when", "who": a finite verb after them is not the clause's
    subjects: set[str] = field(default_factory=set)  # "he", "they": a clause opens with them, any verb may follow
    adverbs: set[str] = field(default_factory=set)  # "also", "never": may stand between a subject and its verb
    relatives: set[str] = field(default_factory=set)  # "căruia": "potrivit căruia" is a relative clause, no cue
    any_opener: bool = False  # any other word may open the clause ("said local officials should")
    past_suffix: str = ""  # "ed": a regular past tense, finite too ("the campaign planned")
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # (file, text, expected)

    def is_verb(self, lower: str, lemma: str = "") -> bool:
        return lower in self.verb_forms or (bool(lemma) and lemma in self.verb_lemmas)


def data_lines(path: Path, lex: Lexicon) -> list[str]:
    out = []
    if not path.exists():
        return out
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = _EXAMPLE_RE.match(raw.strip())
        if m:
            lex.examples.append((path.name, m.group(1), m.group(2)))
            continue
        line = raw.split("#", 1)[0].rstrip() if raw.lstrip().startswith("#") else raw.rstrip()
        if line.strip():
            out.append(line)
    return out


def _words(phrase: str) -> list[str]:
    return _key(phrase).split()


# quotes_cues.txt kinds -> the Lexicon field they fill: word sequences, one key per line, or a
# line of single words
_PHRASE_LISTS = {"prep": "preps", "connective": "connectives", "stop": "stops"}
_KEY_SETS = {"noun": "speech_nouns", "nodata": "nodata", "nodoc": "nodoc", "addressee": "addressee_verbs",
             "postverb": "post_verbs", "document": "documents", "cited": "cited",
             "hearsay": "hearsay"}
_WORD_SETS = {"finite": "finite", "opener": "openers", "nonopener": "non_openers",
              "subordinator": "subordinators", "subject": "subjects",
              "adverb": "adverbs", "relative": "relatives"}


@lru_cache(maxsize=None)
def load(lang: str) -> Lexicon:
    """Read the quote data files of ``lang`` (cached; empty lexicon when the folder has none)."""
    lex = Lexicon(lang)
    folder = lang_folder(lang)
    for line in data_lines(folder / "quotes_verbs.txt", lex):
        lemma, _, forms = line.partition("\t")
        lex.verb_lemmas.add(_key(lemma.strip()))
        lex.verb_forms.update(_key(f) for f in forms.split())
    from cronicar.analyze.quotes.words import W  # late: words reads the language folders too

    plain = {ord(pair[0]): pair[1] for pair in W.marked_letters}
    lex.plain_verb_forms = {f.translate(plain) for f in lex.verb_forms} - lex.verb_forms
    for line in data_lines(folder / "quotes_cues.txt", lex):
        kind, _, phrase = line.partition("\t")
        kind, phrase = kind.strip(), phrase.strip()
        if kind in _PHRASE_LISTS:
            getattr(lex, _PHRASE_LISTS[kind]).append(_words(phrase))
        elif kind in _KEY_SETS:
            getattr(lex, _KEY_SETS[kind]).add(_key(phrase))
        elif kind in _WORD_SETS:  # several words on one line
            getattr(lex, _WORD_SETS[kind]).update(_key(w) for w in phrase.split())
            lex.any_opener = lex.any_opener or kind == "nonopener"
        elif kind == "pastsuffix":
            lex.past_suffix = phrase
    for line in data_lines(folder / "quotes_roles.txt", lex):
        kind, _, word = line.partition("\t")
        kind, word = kind.strip(), _key(word.strip())
        if kind == "role":
            lex.roles.add(word)
        elif kind.startswith("pron_"):
            lex.pronouns[word] = kind[5:]
        elif kind == "skip":
            lex.skip.append(word.split())
        elif kind == "generic":
            lex.generic.add(word)
        elif kind == "time":
            lex.time_nouns.add(word)
        elif kind.startswith("honorific"):
            lex.honorifics.add(word)
            if kind in ("honorific_m", "honorific_f"):
                lex.honorific_gender[word] = kind[-1]
        elif kind == "orgrole":
            lex.org_roles.add(word)
        elif kind == "collective":
            lex.collective.append(word.split())
    for line in data_lines(folder / "quotes_media.txt", lex):
        lex.media.append(_words(line.strip()))
    for seqs in (lex.preps, lex.connectives, lex.stops, lex.skip, lex.media, lex.collective):
        seqs.sort(key=len, reverse=True)
    return lex
