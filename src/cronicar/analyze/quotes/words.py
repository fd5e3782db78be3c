"""The quote engine's function words, as data: ``lang/<code>/quotes_words.tsv``.

Articles, prepositions, conjunctions, clitics and word endings the quote rules match, one class
per line.  Why one union per class: the rules were written with one list per class for every
article (Romanian and English words together), and the union keeps that behaviour exactly; a
language adds its words to a class by listing them in its own file.  The classes are the fields
of :class:`QuoteWords`: a class in a file that is no field is an error naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from cronicar.lang import languages, search_dirs

FILE = "quotes_words.tsv"
_EXAMPLE_RE = re.compile(r"^#\s*example:\s*(.*?)\s*=>\s*(.*)$")


@dataclass(frozen=True)
class QuoteWords:
    """Each class of function words (see the comments in the data files)."""

    function_caps: frozenset[str]
    role_suffixes: tuple[str, ...]
    genitive_articles: frozenset[str]
    possessive_articles: frozenset[str]
    genitive_endings: tuple[str, ...]
    genitive_name_ending: tuple[str, ...]
    np_links: frozenset[str]
    name_links: frozenset[str]
    np_dets: frozenset[str]
    np_stops: frozenset[str]
    phrase_breaks: frozenset[str]
    prepositions: frozenset[str]
    function_name_breaks: frozenset[str]
    quantifier_openers: frozenset[str]
    articles: frozenset[str]
    description_openers: frozenset[str]
    description_dets: frozenset[str]
    description_ends: frozenset[str]
    possessive_clitics: frozenset[str]
    name_article: frozenset[str]
    prep_cue_links: frozenset[str]
    noun_modifier_preps: frozenset[str]
    role_preps: frozenset[str]
    indefinites: frozenset[str]
    name_preps: frozenset[str]
    subject_conjunctions: frozenset[str]
    verb_group: frozenset[str]
    that: frozenset[str]
    whether: frozenset[str]
    negations: frozenset[str]
    verb_coordinators: frozenset[str]
    cue_coordinators: frozenset[str]
    ambiguous_stop_starts: frozenset[str]
    in_preps: frozenset[str]
    agent_name_links: frozenset[str]
    name_joiners: frozenset[str]
    modifier_preps: frozenset[str]
    name_list_links: frozenset[str]
    clause_conjunctions: frozenset[str]
    possessives: frozenset[str]
    verb_suffixes: tuple[str, ...]
    past_suffixes: tuple[str, ...]
    present_suffixes: tuple[str, ...]
    unparsed_gerund_suffixes: tuple[str, ...]
    gerund_suffixes: tuple[str, ...]
    not_subjects: frozenset[str]
    clause_openers: frozenset[str]
    lead_adverbials: frozenset[str]
    gerund_links: frozenset[str]
    data_determiners: frozenset[str]
    relative_pronouns: frozenset[str]
    subject_relatives: frozenset[str]
    adverbial_starts: frozenset[str]
    coordinators: frozenset[str]
    title_small_words: frozenset[str]
    subject_pronouns: frozenset[str]
    ambiguous_links: frozenset[str]
    passive_auxiliaries: frozenset[str]
    reflexives: frozenset[str]
    cause_preps: frozenset[str]
    infinitive_particles: frozenset[str]
    second_cue_blockers: frozenset[str]
    agent_preps: frozenset[str]
    impersonal_pronouns: frozenset[str]
    plural_suffixes: tuple[str, ...]
    first_person_forms: frozenset[str]
    first_person_endings: tuple[str, ...]
    author_links: frozenset[str]
    channel_preps: frozenset[str]
    quoting_gerunds: frozenset[str]
    object_markers: frozenset[str]
    marked_letters: frozenset[str]
    plain_that: frozenset[str]
    plain_that_blockers: frozenset[str]
    ticker_labels: frozenset[str]
    people_org_preps: frozenset[str]
    plural_alternations: frozenset[str]
    plural_role_endings: tuple[str, ...]
    outlet_domains: tuple[str, ...]
    interviewer_labels: frozenset[str]
    answer_labels: frozenset[str]


class WordsError(ValueError):
    """A line of a words file that names no class."""


def words() -> QuoteWords:
    """The classes, each the union over the languages that have quotes (cached per search path)."""
    return _words(tuple(search_dirs()))


def own_words(code: str) -> QuoteWords:
    """The classes of one language alone, for the rules that hold for that language only (its
    first-person verb forms)."""
    return _own_words(code, tuple(search_dirs()))


@lru_cache(maxsize=4)
def _words(dirs: tuple) -> QuoteWords:
    found: dict[str, set[str]] = {f.name: set() for f in fields(QuoteWords)}
    for code, lang in languages().items():
        if "quotes" in lang.has:
            for name, entries in _read(code).items():
                found[name].update(entries)
    return _typed(found)


@lru_cache(maxsize=None)
def _own_words(code: str, dirs: tuple) -> QuoteWords:
    found: dict[str, set[str]] = {f.name: set() for f in fields(QuoteWords)}
    for name, entries in _read(code).items():
        found[name].update(entries)
    return _typed(found)


def _read(code: str) -> dict[str, set[str]]:
    """The classes of ``lang/<code>/quotes_words.tsv`` (none when there is no such file)."""
    lang = languages().get(code)
    path = lang.path(FILE) if lang is not None else None
    out: dict[str, set[str]] = {}
    if path is None or not path.exists():
        return out
    known = {f.name for f in fields(QuoteWords)}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, entries = line.partition("\t")
        if name.strip() not in known:
            raise WordsError(f"{path}:{n}: unknown class {name.strip()!r}")
        out.setdefault(name.strip(), set()).update(entries.split())
    return out


def _typed(found: dict[str, set[str]]) -> QuoteWords:
    """Sets as frozensets, suffix classes as tuples (what ``str.endswith`` takes)."""
    kinds = {f.name: str(f.type) for f in fields(QuoteWords)}
    return QuoteWords(**{name: frozenset(ws) if kinds[name].startswith("frozenset") else tuple(sorted(ws))
                         for name, ws in found.items()})


def examples(code: str) -> list[tuple[str, str, str]]:
    """The ``# example: text => expected`` lines of a language's words file."""
    lang = languages().get(code)
    path = lang.path(FILE) if lang is not None else None
    if path is None or not path.exists():
        return []
    return [(FILE, m.group(1), m.group(2)) for line in path.read_text(encoding="utf-8").splitlines()
            if (m := _EXAMPLE_RE.match(line.strip()))]


#: the classes the quote modules use (read once, at import)
W = words()
