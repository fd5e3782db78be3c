"""Entity mentions with one canonical name per real-world entity.

Why: stories are linked and events merged through entities, so "Rusia"/"Rusiei"/"rușii"/
"Kremlinul" must all be one key, and "Lavrov" must be the "Serghei Lavrov" of the same article.
Sources, in order: spaCy NER when the language has it (RONEC labels for Romanian), then a gazetteer
of country names from Unicode CLDR (Babel: maintained data, not typed by hand), demonyms derived
from them and cities from GeoNames (:mod:`cronicar.analyze.places`), plus the hand alias file
``lang/<code>/entities_aliases.tsv`` (spellings, metonyms, what the rules miss).

Metonymy decision: "Kremlinul" (and "Kremlin") acting as the government maps to the country
("Rusia"); a capital stays a place after a locative preposition ("la Moscova", "in Moscow") and
otherwise acts for its country ("Moscova, care și-a trimis armata", "Moscow denied": Rusia /
Russia), by :func:`government_of`, from GeoNames and CLDR data.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from cronicar.lang import folder as lang_folder, iso
from cronicar.analyze import places
from cronicar.analyze.budget import check
from cronicar.analyze.context import Context
from cronicar.lang import has_parser
from cronicar.analyze.inflection import nominative, place_bases
from cronicar.analyze.normalize import fold_accents
from cronicar.analyze.spans import SpanSet
from cronicar.model import EntityMention

Span4 = tuple[int, int, str, str]  # start, end, text, label of a name found
Hit = tuple[int, int, int, str]  # tokens, start, end, label of a gazetteer name

KEEP = {"PERSON", "ORG", "GPE", "LOC", "MISC"}  # MISC: a name of unknown kind (languages without NER)
NER_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NAT_REL_POL": "GPE",
           "FACILITY": "LOC"}


@lru_cache(maxsize=4096)
def government_of(name: str, lang: str) -> str | None:
    """The country a capital stands for when it acts ("Phenianul a furnizat soldați" -> "Coreea de
    Nord", "Moscou a démenti" -> "Russie"), named as the language's gazetteer names it; None for a
    name that is not a capital.  From data: the city by GeoNames, its country's capital by
    GeoNames, the country's name by CLDR."""
    city = places.city_aliases().get(name.lower())
    code = places.capitals().get(city) if city else None
    if code is None:
        return None
    try:
        import babel

        return str(babel.Locale(lang).territories[code])
    except Exception:  # a locale or territory Babel does not know
        return None


@lru_cache(maxsize=None)
def aliases(lang: str) -> dict[str, tuple[str, str]]:
    """alias (lowercase) -> (canonical, label): CLDR territory names plus the hand alias file."""
    table: dict[str, tuple[str, str]] = {}
    countries: list[tuple[str, str]] = []
    try:
        import babel
        from babel.core import get_global

        # CLDR also names groupings that no population lives in (its territory-language data has
        # none): the European Union, the United Nations, the eurozone, pseudo-locales.  They are
        # not places ("Uniunea Europeană" is an organisation, RONEC: ORG); the alias file names
        # the organisations.
        peopled = get_global("territory_languages")
        for code, name in babel.Locale(lang).territories.items():
            if code.isalpha() and len(code) == 2 and peopled.get(code):
                countries.append((name, code))
                table.setdefault(name.lower(), (name, "GPE"))
                # Text written without accents or diacritics ("Egypte", "Romania") names the same
                # country as CLDR's "Égypte", "România".
                table.setdefault(fold_accents(name), (name, "GPE"))
    except Exception:  # unknown locale: hand file only
        pass
    # Demonyms derived from the CLDR names by the language's suffix rules ("siriano" -> Siria).
    for word, name in places.demonym_aliases(lang, tuple(sorted(countries))).items():
        table.setdefault(word, (name, "GPE"))
    for alias, canonical, label in hand_aliases(lang):
        table[alias.lower()] = (canonical, label)
    return table


@lru_cache(maxsize=None)
def hand_aliases(lang: str) -> tuple[tuple[str, str, str], ...]:
    """(alias as written, canonical, label) rows of ``lang/<code>/entities_aliases.tsv``."""
    path = lang_folder(lang) / "entities_aliases.tsv"
    if not path.exists():
        return ()
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.strip() and not line.startswith("#") and len(parts) >= 3:
            rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip()))
    return tuple(rows)


@lru_cache(maxsize=None)
def proper_names(lang: str) -> frozenset[str]:
    """Aliases (lowercase, and without accents) that the data writes capitalized: CLDR's country
    names and the capitalized rows of the hand file.  They match only capitalized text: "șerbia"
    (serfdom) is not Serbia.  Derived demonyms ("sirian", "rușii") match in any case."""
    names: set[str] = set()
    try:
        import babel

        names.update(n for c, n in babel.Locale(lang).territories.items() if c.isalpha() and len(c) == 2)
    except Exception:  # unknown locale: hand file only
        pass
    names.update(a for a, _, _ in hand_aliases(lang) if a[:1].isupper())
    return frozenset({n.lower() for n in names} | {fold_accents(n) for n in names})


@lru_cache(maxsize=None)
def exact_case(lang: str) -> frozenset[str]:
    """Aliases the hand file writes in capitals ("US", "UK"): they match only so written, never
    the word "us"."""
    return frozenset(a.lower() for a, _, _ in hand_aliases(lang) if a.replace(".", "").isupper())


@lru_cache(maxsize=None)
def language_names(lang: str) -> frozenset[str]:
    """CLDR's language names in ``lang`` (folded) that are not also a country name: "rusă",
    "italiană", "Russian" -- words a demonym can also be."""
    try:
        import babel

        loc = babel.Locale(lang)
    except Exception:  # unknown locale
        return frozenset()
    countries = {fold_accents(n) for n in loc.territories.values()}
    return frozenset(fold_accents(n) for n in loc.languages.values() if " " not in n) - countries


def names_a_language(span) -> bool:  # type: ignore[no-untyped-def]
    """Whether a one-word demonym is a language here, not a country: it is a language name and
    no adjective of a noun ("vorbitori de rusă", "provine din italiană"; not "Armata rusă", "presa
    rusă, cea chineză"), or the adjective of a word for language (``language`` in
    ``lang/<code>/entities_names.tsv``: "limba rusă", "limbi (albaneză, engleză, rusă)").  Needs
    the parse; a conjunct counts as the first word of its list."""
    from cronicar.analyze import names

    if len(span) != 1 or fold_accents(span.text) not in language_names(span.doc.lang_):
        return False
    tok = span[0]
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    words = names.cues(span.doc.lang_).languages
    return tok.dep_ != "amod" or tok.head.lemma_.lower() in words or tok.head.lower_ in words


# Prepositions after which a place name is where something is, for a language that lists none
# (``locative`` in ``lang/<code>/entities_names.tsv``).
DEFAULT_LOCATIVES = frozenset({"la", "în", "in", "at", "din"})


def after_locative(text: str, start: int, lang: str) -> bool:
    """Whether the word right before ``start`` is a locative preposition of ``lang`` ("la Moscova",
    "in Moscow"): then a place name there is where, not who."""
    from cronicar.analyze import names

    prev = text[max(0, start - 12):start].split()
    return bool(prev) and prev[-1].lower() in (names.cues(lang).locatives or DEFAULT_LOCATIVES)


@lru_cache(maxsize=None)
def _first_words(lang: str) -> frozenset[str]:
    """First words of every alias (lowercase), so most tokens are ruled out with one lookup."""
    return frozenset(k.split(" ")[0] for k in aliases(lang))


@lru_cache(maxsize=1)
def _city_first_words() -> frozenset[str]:
    """First words (lowercase) of the city names of :mod:`cronicar.analyze.places`."""
    return frozenset(k.split(" ")[0] for k in places.city_aliases())


def _city(text: str, lang: str, after_word: bool = True) -> tuple[str, str] | None:
    """(GeoNames name, "GPE") for a capitalized city name ("Damasco", "Le Caire"), else None.

    Cities match only capitalized: GeoNames names are of every language, and "sale" or "homs"
    written lowercase are words.  A name that is also a word of ``lang`` needs ``after_word``
    (it follows a lowercase word): "a Damasco" is the city, a sentence-initial "Damasco" may not be.
    """
    if not text[:1].isupper():
        return None
    name = places.city_aliases().get(text.lower())
    if name is None or (not after_word and places.common_word(text.lower(), lang)):
        return None
    return (name, "GPE")


@lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> str:
    """The lemmatizer's base form; for a place name it leaves declined ("Danemarcii"), the
    language's ``place`` suffix rules, when they give a known place."""
    try:
        import simplemma

        lem = simplemma.lemmatize(word, lang=iso(lang), greedy=True)
    except Exception:
        lem = word
    if lem == word and word[:1].isupper():
        table = aliases(lang)
        for base in place_bases(word, lang):
            if base.lower() in table:
                return base
    return lem


# Romanian endings that mark a declined or articled place name ("Rusiei", "Phenianul", "Franței"):
# only then does the lemmatizer's base form replace the written one.
_INFLECTED_RO = re.compile(r"(?:ul|ului|lui|ei|iei|ii|le|lor)$")
SOFT_HYPHEN = "\u00ad"
_TICKER = re.compile(r"\s*\([A-Z][A-Z0-9]{1,5}\)$")


def canonicalize(text: str, label: str, lang: str) -> tuple[str, str] | None:
    """(canonical, label) for a surface name, or None when it is not a name we keep."""
    table = aliases(lang)
    # A soft hyphen (U+00AD, Ziarul Financiar's line-break hints: "Transil\xadvania") is invisible:
    # the name is the same without it.
    raw, text = text, text.replace(SOFT_HYPHEN, "")
    clean = re.sub(r"\s+", " ", text.strip(" \"„”“«»'‘’.,"))
    # "Banca Transilvania (TLV)": a stock ticker is no part of the name; nor is a bracket the NER
    # took from around it ("… Pensii Private SAFPP SA)")
    clean = _TICKER.sub("", clean)
    if clean.endswith(")") and clean.count(")") > clean.count("("):
        clean = clean[:-1].rstrip()
    if clean.startswith("(") and clean.count("(") > clean.count(")"):
        clean = clean[1:].lstrip()
    if not clean:
        return None
    hit = table.get(clean.lower()) or table.get(text.strip().lower()) or table.get(fold_accents(clean))
    if not hit and not has_parser(lang):
        # Languages without a NER model name cities as GeoNames does, one key across languages;
        # Romanian keeps its own spelling ("București", "Damasc"), as its NER and readers write it.
        hit = _city(clean, lang)
    if hit:
        return hit
    words = clean.split(" ")
    # Inflected last word: "Coreei de Nord" is rare; "Rusiei", "Phenianului" are common.
    lem_words = words[:-1] + [_lemma(words[-1], lang)] if label != "PERSON" else words
    lem = " ".join(lem_words)
    hit = table.get(lem.lower())
    if not hit and len(words) > 1 and label != "PERSON":  # "Coreei de Nord": the first word declines
        hit = table.get(" ".join([_lemma(words[0], lang)] + words[1:]).lower())
    if hit:
        return hit
    if label in {"GPE", "LOC"}:
        if SOFT_HYPHEN in raw and not any(ch.isupper() for ch in clean):
            return None  # a word the NER misread for its soft hyphen ("via\u00adță")
        # Strip the Romanian definite article: "Phenianul" -> "Phenian".
        base = re.sub(r"(ul|ului|le|lui)$", "", lem) if lang == "ro" else lem
        hit = table.get(base.lower())
        if hit:
            return hit
        if label == "LOC" and _city(clean, lang, after_word=False):
            label = "GPE"  # a city is a GPE, as the gazetteer types it ("la București", "Brisbane")
        if lang == "ro" and lem != clean and not _INFLECTED_RO.search(words[-1].lower()):
            lem = clean  # "Nuclearelectrica" is a name in the nominative, not "Nuclearelectric"
        return (lem[:1].upper() + lem[1:], label)
    if not clean[:1].isupper():
        return None
    return (clean, label)


def _ner_found(ctx: Context) -> tuple[list[Span4], list[tuple[int, int]], list[tuple[int, int]]]:
    """The NER's entities kept: (start, end, text, label) each, the spans taken, and the NER's
    PERSON spans as tagged (roles and all)."""
    found: list[Span4] = []
    taken: list[tuple[int, int]] = []
    persons: list[tuple[int, int]] = []
    for ent in ctx.doc.ents:
        check("entities")
        label = NER_MAP.get(ent.label_)
        if label is None:
            continue
        if label == "GPE" and any(t.start <= ent.start_char and ent.end_char <= t.end for t in ctx.timexes):
            continue  # "în T1/2022": a quarter the NER took for a country or city ("1 Mai", a LOC, stays)
        if ent.label_ == "NAT_REL_POL" and not _known(ent.text, ctx.lang):
            continue  # an adjective we cannot tie to a country ("comunist", "ortodox")
        if label == "PERSON":
            persons.append((ent.start_char, ent.end_char))
            ent = _name_core(ent, ctx.lang)
            if ent is None:
                continue  # role nouns ("ministrul", "Ea", "Șefa" at a sentence start)
        elif label == "ORG":
            ent = _org_core(ent, ctx.lang)
        found.append((ent.start_char, ent.end_char, ent.text, label))
        taken.append((ent.start_char, ent.end_char))
    return found, taken, persons


@dataclass
class _Gazetteer:
    """The tables one article's gazetteer pass reads, loaded once per article."""

    text: str
    lang: str
    bounds: list[tuple[int, int]]  # token offsets (slicing the spaCy doc per window costs more)
    person_spans: SpanSet
    table: dict = field(init=False)
    exact: frozenset = field(init=False)
    proper: frozenset = field(init=False)
    starts: frozenset = field(init=False)
    cities_first: frozenset = field(init=False)

    def __post_init__(self) -> None:
        self.table = aliases(self.lang)
        self.exact = exact_case(self.lang)
        self.proper = proper_names(self.lang)
        self.starts = _first_words(self.lang)
        self.cities_first = _city_first_words()

    def word(self, i: int) -> str:
        return self.text[self.bounds[i][0]:self.bounds[i][1]]

    def listed(self, i: int) -> Hit | None:
        """A listed name of up to four words starting at token ``i``."""
        first = self.word(i).replace(SOFT_HYPHEN, "")
        for n in (4, 3, 2, 1):
            if i + n <= len(self.bounds):
                s, e = self.bounds[i][0], self.bounds[i + n - 1][1]
                key = self.text[s:e].lower().replace(SOFT_HYPHEN, "")
                if key in self.table and not (key in self.exact and not self.text[s:e].replace(".", "").isupper()) \
                        and not (key in self.proper and not first[:1].isupper()):
                    return (n, s, e, self.table[key][1])
        return None

    def city(self, i: int) -> Hit | None:
        """A GeoNames city of up to three words at token ``i``, outside the NER's persons."""
        prev = self.word(i - 1) if i else ""
        for n in (3, 2, 1):
            if i + n <= len(self.bounds):
                s, e = self.bounds[i][0], self.bounds[i + n - 1][1]
                if _city(self.text[s:e], self.lang, prev[:1].islower()) and not self.person_spans.overlaps(s, e):
                    # A GeoNames name inside what the NER calls a person is the person's
                    # ("Georgiana", "Ducele de York", "Rip Hamilton"), even when the span
                    # holds no name cronicar keeps; a country there is the NER's mistake.
                    return (n, s, e, "GPE")
        return None

    def hit(self, i: int) -> Hit | None:
        """The gazetteer's name at token ``i``: (tokens, start, end, label), or None."""
        first = self.word(i).replace(SOFT_HYPHEN, "")
        if first.lower() in self.starts:
            hit = self.listed(i)
        elif not first.isascii() and fold_accents(first) in self.table \
                and not (fold_accents(first) in self.proper and not first[:1].isupper()):
            # Derived demonyms are keyed without accents ("égyptiens" -> "egyptiens").
            hit = (1, self.bounds[i][0], self.bounds[i][1], self.table[fold_accents(first)][1])
        else:
            hit = None
        if hit is not None or not first[:1].isupper():
            return hit
        lem = _lemma(first, self.lang).lower()
        if lem in self.starts and lem != first.lower():
            hit = _declined(self.text, self.bounds, i, lem, self.table)
        if hit is not None:
            return hit
        if lem in self.table:
            return (1, self.bounds[i][0], self.bounds[i][1], self.table[lem][1])
        if first.lower() in self.cities_first:
            return self.city(i)
        return None


def _gazetteer_found(ctx: Context, found: list[Span4], taken: list[tuple[int, int]],
                     persons: list[tuple[int, int]]) -> None:
    """Gazetteer names over tokens, added to ``found``/``taken`` where the NER has none (English
    has no NER; the Romanian NER misses demonyms sometimes)."""
    gaz = _Gazetteer(ctx.text, ctx.lang, [(t.idx, t.idx + len(t.text)) for t in ctx.doc], SpanSet(persons))
    ner_spans = SpanSet(taken)
    has_ner = ctx.doc.has_annotation("ENT_IOB")
    i = 0
    while i < len(gaz.bounds):
        hit = gaz.hit(i)
        if hit is None:
            i += 1
            continue
        n, s, e, label = hit
        if has_ner and ctx.text[s:s + 1].isupper() and _inside_name(ctx.doc, i, i + n, ctx.lang):
            i += n  # "Cupa României", "George Enescu": a word of a longer name the NER passed over
            continue
        if not ner_spans.overlaps(s, e):  # gazetteer hits never overlap each other (left to right)
            found.append((s, e, ctx.text[s:e], label))
            taken.append((s, e))
        i += n


def _capitalized_found(ctx: Context, found: list[Span4], taken: list[tuple[int, int]]) -> list[Span4]:
    """Without NER for the language: capitalized names (:func:`cronicar.analyze.names.find`)."""
    from cronicar.analyze import names

    skip = SpanSet(taken + [(t.start, t.end) for t in ctx.timexes])
    for s, e, text, label in names.find(ctx.doc, ctx.lang, aliases(ctx.lang), skip, SpanSet(taken)):
        if label == "ORG":  # an organisation named after a place absorbs it ("Singapore Airlines")
            found = [f for f in found if not (f[0] < e and s < f[1])]
        found.append((s, e, text, label))
        taken.append((s, e))
    return found


def _mention(ctx: Context, s: int, e: int, text: str, label: str, deps: bool) -> EntityMention | None:
    """One found name as a mention with its canonical name, or None when it is not kept."""
    from cronicar.analyze import names

    name = text
    if label == "ORG" and ctx.doc.has_annotation("MORPH"):
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        name = (nominative(span, ctx.lang) if span is not None else None) or text
    if label == "ORG" and name[:1].islower() and any(w[:1].isupper() for w in name.split()[1:]):
        # The NER's organisation is a lowercase noun and a name: an institution ("guvernul
        # Angolei" -> "Guvernul Angolei"), as Romanian also writes it capitalized.
        name = name[:1].upper() + name[1:]
    c = canonicalize(name, label, ctx.lang)
    if c is None:
        return None
    canon, lab = c
    if canon.lower() in names.cues(ctx.lang).terms:
        return None  # "IPO", "AGA", "EBITDA": what a company does or reports, not a company
    if lab not in KEEP:
        return None
    if lab == "GPE" and deps:
        span = ctx.doc.char_span(s, e)
        if span is not None and names_a_language(span):
            return None
    if lab == "GPE" and not (deps and _visited(ctx.doc, s, e, ctx.lang)):
        canon = _acting_capital(ctx.text, s, canon, ctx.lang) or canon
    return EntityMention(start=s, end=e, text=text, label=lab, canonical=canon)


def extract(ctx: Context) -> list[EntityMention]:
    """Entity mentions of one article (pure): NER + gazetteer, canonical names, short forms resolved."""
    found, taken, persons = _ner_found(ctx)
    _gazetteer_found(ctx, found, taken, persons)
    has_ner = ctx.doc.has_annotation("ENT_IOB")
    deps = ctx.doc.has_annotation("DEP")
    if has_ner and deps:
        found = _named_organisations(ctx, found, SpanSet(taken))
    if not has_ner:  # no NER for this language: capitalized names
        found = _capitalized_found(ctx, found, taken)
    out = [m for m in (_mention(ctx, *f, deps) for f in sorted(found)) if m is not None]
    if has_ner:
        _described_organisations(out, ctx.text, ctx.lang)
        _one_kind(out, ctx.text, ctx.lang)
    resolve_declined_names(out, ctx.lang)
    resolve_short_forms(out, ctx.lang)
    resolve_acronyms(out, ctx.text)
    return out


def resolve_declined_names(mentions: list[EntityMention], lang: str) -> None:
    """A person's name declined in the article ("Marinei Le Pen", "Ursulei von der Leyen") becomes
    the full name the article writes elsewhere ("Marine Le Pen"), its mention cut to the name
    ("Susținătorii Marinei Le Pen", tagged a place by the NER, is a mention of the person).  The
    declined first names are the ``given`` rules of ``lang/<code>/entities_nominative.tsv``."""
    from cronicar.analyze.inflection import given_bases
    from cronicar.model import entity_key

    fulls = {m.canonical for m in mentions if m.label == "PERSON" and len(m.canonical.split()) >= 2}
    for full in sorted(fulls, key=len, reverse=True):
        first, rest = full.split(" ", 1)
        for m in mentions:
            if m.canonical == full:
                continue
            at = m.text.find(" " + rest)
            if at <= 0 or not m.text[at + 1 + len(rest):].strip() == "":
                continue
            word_start = m.text.rfind(" ", 0, at) + 1
            word = m.text[word_start:at]
            if first.lower() not in (b.lower() for b in given_bases(word, lang)):
                continue
            m.start += word_start
            m.end = m.start + len(word) + 1 + len(rest)
            m.text = m.text[word_start:word_start + len(word) + 1 + len(rest)]
            m.label, m.canonical, m.entity_id = "PERSON", full, entity_key("PERSON", full)


_ACRONYM = re.compile(r"\s*\(([A-ZĂÂÎȘȚ]{2,8})\)")
_ACRONYM_INSIDE = re.compile(r"\s\(([A-ZĂÂÎȘȚ]{2,8})\)$")


def resolve_acronyms(mentions: list[EntityMention], text: str) -> None:
    """"Autoritatea de Supraveghere Financiară (ASF)": the acronym is the organisation, in the
    whole article ("ASF a decis…" three paragraphs later is the same entity, named in full).
    Only when the acronym is the initials of the name's capitalized words (connectors skipped:
    "Banca Națională a României (BNR)", "Bursa de Valori București (BVB)"), so an unrelated
    parenthesis ("Petrom (SNP)", a ticker) changes nothing."""
    from cronicar.analyze.normalize import fold_accents
    from cronicar.model import entity_key

    full: dict[str, str] = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        hit = _ACRONYM.match(text, m.end) or _ACRONYM_INSIDE.search(m.text)  # the NER may take it in
        if hit is None:
            continue
        initials = "".join(w[0] for w in re.split(r"[\s-]+", m.canonical) if w[:1].isupper())
        if fold_accents(initials) == fold_accents(hit.group(1)) and len(initials) >= 2:
            full.setdefault(hit.group(1), m.canonical)
    if not full:
        return
    for m in mentions:
        name = full.get(m.canonical) or full.get(m.text)
        if name is not None and m.label in {"ORG", "GPE", "PERSON", "MISC"} and m.canonical != name:
            m.canonical, m.label = name, "ORG"
            m.entity_id = entity_key("ORG", name)


def _one_kind(mentions: list[EntityMention], text: str, lang: str) -> None:
    """One name, one kind in an article, where the NER hesitates on a place: a name it tags a
    place and also an organisation or a person is a company ("SIF Moldova" ORG and GPE,
    "Albalact", "Nextebank" PERSON and GPE).  A name the gazetteer knows keeps each mention's type
    (a capital acts or is a place); a person stays a person ("Cionga", "Claudiu Cazacu" are
    tagged ORG now and then, as "Saxo Bank" is tagged PERSON: the NER's kind is no guide)."""
    from cronicar.model import entity_key

    kinds: dict[str, set[str]] = {}
    for m in mentions:
        kinds.setdefault(m.canonical.lower(), set()).add(m.label)
    asked: set[str] = set()
    for m in mentions:  # once per name, and only for a name no gazetteer knows (those never move)
        low = m.canonical.lower()
        if m.label in {"GPE", "LOC"} and low not in asked and not gazetteer_place(m.canonical, lang):
            asked.add(low)
            if _company_cue(text, m, lang):
                kinds[low].add("ORG")
    for m in mentions:
        labels = kinds[m.canonical.lower()]
        if len(labels) < 2 or m.label not in {"GPE", "LOC"} or gazetteer_place(m.canonical, lang):
            continue
        if labels & {"ORG", "PERSON"}:
            m.label = "ORG"
            m.entity_id = entity_key("ORG", m.canonical)


def gazetteer_place(name: str, lang: str) -> bool:
    """Whether a gazetteer knows the name as a place (CLDR countries and derived demonyms, the
    alias file, GeoNames cities): such a name stays a place whatever the NER says."""
    low = name.lower()
    return low in aliases(lang) or bool(places.city_aliases().get(low))


def _company_cue(text: str, m: EntityMention, lang: str) -> bool:
    """Whether a name the NER calls a place reads as a company here: a word of it marks an
    organisation ("Sphera Franchise Group", "Raiffeisen Bank"), or the word before it is one that
    only a company takes ("acțiunile Nuclearelectrica", "compania Conpet", "acționarii Romgaz";
    ``org``, ``org_title`` and ``org_before`` in ``lang/<code>/entities_names.tsv``).  Business
    news name companies most, and the NER often tags them places."""
    from cronicar.analyze import names

    c = names.cues(lang)
    if any(w.lower().strip(".") in c.orgs for w in m.text.split()[1:]):
        return True
    cue_words = c.org_titles | c.org_before
    at, seen = text.find(m.text), 0
    while at != -1 and seen < 20:  # every place the article writes the name, tagged there or not
        prev = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if prev and (prev.group(1).lower() in c.org_before or _lemma(prev.group(1).lower(), lang) in cue_words):
            return True
        at, seen = text.find(m.text, at + len(m.text)), seen + 1
    return False


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def _org_cue(tok, cues: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name's first token is the name of an organisation noun of ``cues``: its
    complement ("compania Meggle", "cotidianului german Bild", "gigantul Microsoft"), or a
    conjunct of one ("brandurile Moschino, Versace, Cavalli și Etro")."""
    while tok.dep_ == "conj" and tok.head != tok and tok.head.i < tok.i:
        tok = tok.head
    head = tok.head
    # Only adjectives between ("compania germană Meggle") or a "such as" ("companii precum
    # Alitalia"); never a genitive article ("trupele lui Putin").
    between = tok.doc[head.i + 1:tok.i] if head.i < tok.i else None
    return (between is not None and tok.dep_ in {"nmod", "appos"} and len(between) <= 2
            and all(t.pos_ == "ADJ" or t.dep_ == "case" and t.head == tok and t.pos_ == "ADV" for t in between)
            and head.pos_ == "NOUN" and (head.lemma_.lower() in cues or head.lower_ in cues))


def _named_organisations(ctx: Context, found: list[tuple[int, int, str, str]],
                         taken: SpanSet) -> list[tuple[int, int, str, str]]:
    """Names an organisation noun introduces are organisations (``org_title`` in
    ``lang/<code>/entities_names.tsv``): a person or a city of the NER there is the company
    ("Compania germană Meggle", "televiziunii Taraf Tv", "clubul Timișoara"), and a capitalized
    name the NER passed over is one too ("gigantul Microsoft").  A country stays a country."""
    from cronicar.analyze import names

    cues = names.cues(ctx.lang).org_titles
    if not cues:
        return found
    doc = ctx.doc
    table = aliases(ctx.lang)
    out = []
    for s, e, text, label in found:
        span = doc.char_span(s, e, alignment_mode="expand")
        if label in {"PERSON", "GPE"} and span is not None and _org_cue(span[0], cues) \
                and not (label == "GPE" and (_known(text, ctx.lang) or text.lower() in table)):
            label = "ORG"
        out.append((s, e, text, label))
    i = 0
    while i < len(doc):
        tok = doc[i]
        if not (_capital(tok) and tok.pos_ == "PROPN" and not tok.is_sent_start
                and not taken.overlaps(tok.idx, tok.idx + len(tok.text)) and _org_cue(tok, cues)):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].dep_ == "flat" and doc[j].head.i == i and _capital(doc[j]):
            j += 1
        s, e = tok.idx, doc[j - 1].idx + len(doc[j - 1].text)
        if not taken.overlaps(s, e):
            out.append((s, e, ctx.text[s:e], "ORG"))
        i = j
    return out


def _inside_name(doc, i: int, j: int, lang: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether tokens ``i:j`` (a gazetteer name) are part of a longer capitalized name: a
    capitalized word right after them, or right before them (through connectors: "Ducele de York",
    "Turul Ciclist al Franței") that does not open its sentence and is no role noun ("a declarat
    Președintele Rusiei" keeps Rusia).  Used where a NER read the text and tagged no entity there:
    "Cupa României", "Aquatim Timișoara", "George Enescu", "Lincoln Memorial" name something else."""
    from cronicar.analyze import names

    c = names.cues(lang)
    k = i - 1
    while k >= 0 and doc[k].lower_ in c.connectors and doc[k].text.islower():
        k -= 1
    if k >= 0 and _capital(doc[k]) and doc[k].is_alpha and not doc[k].is_sent_start \
            and doc[k].lower_ not in c.titles and _lemma(doc[k].lower_, lang) not in c.titles:
        return True
    return j < len(doc) and _capital(doc[j]) and doc[j].is_alpha and not doc[j].is_sent_start


def _declined(text: str, bounds: list[tuple[int, int]], i: int, lem: str,
              table: dict[str, tuple[str, str]]) -> tuple[int, int, int, str] | None:
    """A gazetteer name of several words whose first word declines ("Coreei de Nord" = the
    alias "Coreea de Nord"), as (words, start, end, label)."""
    for n in (4, 3, 2):
        if i + n <= len(bounds):
            key = lem + text[bounds[i][1]:bounds[i + n - 1][1]].lower()
            if key in table:
                return n, bounds[i][0], bounds[i + n - 1][1], table[key][1]
    return None


def _acting_capital(text: str, start: int, canon: str, lang: str) -> str | None:
    """The country a capital stands for when it acts ("Moscova, care și-a trimis armata",
    "Relațiile dintre Phenian și Moscova", "Moscow denied"), as "Kremlinul" does; None after a
    locative preposition ("la Moscova", "in Moscow": the city) or when the language lists no
    locatives (``locative`` in ``lang/<code>/entities_names.tsv``: es, fr, it keep their cities)."""
    from cronicar.analyze import names

    if not names.cues(lang).locatives or after_locative(text, start, lang):
        return None
    return government_of(canon, lang)


#: event types whose direct object is a place, not an actor ("a vizitat Londra", "au atacat Kievul")
_PLACE_OBJECT_EVENTS = frozenset({"visit", "attack", "incursion", "deployment"})


def _visited(doc, s: int, e: int, lang: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the name at ``[s, e)`` is the direct object of a visit or an attack: the city
    itself, not the government a capital otherwise stands for ("a criticat Moscova" is the
    government; "a vizitat Moscova" the city)."""
    from cronicar.analyze.events_lexicon import trigger_key, triggers

    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or span.root.dep_ != "obj" or span.root.head.pos_ != "VERB":
        return False
    head = span.root.head
    return triggers(lang).get(trigger_key(head.text, lang, head.lemma_)) in _PLACE_OBJECT_EVENTS


def _known(text: str, lang: str) -> bool:
    """Whether the alias table knows the word (as written or lemmatized)."""
    table = aliases(lang)
    low = text.strip().lower()
    return low in table or _lemma(low, lang).lower() in table


_ROMAN = re.compile(r"[IVXL]+")


def _name_core(ent, lang: str):  # type: ignore[no-untyped-def]
    """The name inside a PERSON span of the NER, or None when it holds no name.

    Why: the NER's PERSON spans carry roles and appositions around the name ("producătorul R&B
    Arne Frager", "brazilianului Jean Charles de Menezes", "John Kerry, adversarul", "Ecaterina
    Andronescu ministru"): the name is the longest run of capitalized words in it, with the
    connectors of ``lang/<code>/entities_names.tsv`` ("de la", "al") and hyphenated parts
    ("Choi Gee-sung") inside, that :func:`_is_name` accepts."""
    from cronicar.analyze import names

    connectors = names.cues(lang).connectors
    toks = list(ent)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not _capital(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if _capital(toks[j]):
                j += 1
            elif toks[j].text == "-" and not toks[j - 1].whitespace_ and j + 1 < len(toks) and not toks[j].whitespace_:
                j += 2  # "Gee-sung": a hyphenated part keeps its case
            elif toks[j].lower_ in connectors and j + 1 < len(toks) and _capital(toks[j + 1]):
                j += 2  # "Francisco de la Torre" is matched "de" + "la" one at a time
            elif toks[j].lower_ in ("al", "a") and j + 1 < len(toks) and _ROMAN.fullmatch(toks[j + 1].text):
                j += 2  # "Elisabeta a II-a" ("a" is no connector elsewhere: it is the auxiliary)
            elif toks[j].lower_ in ("-lea", "-a") and not toks[j - 1].whitespace_:
                j += 1  # a regnal number's ending: "Filip al IV-lea", "Elisabeta a II-a"
            elif toks[j].is_quote and j + 3 < len(toks) and _capital(toks[j + 1]) \
                    and toks[j + 2].is_quote and _capital(toks[j + 3]):
                j += 3  # a quoted nickname inside the name: 'Richard "Rip" Hamilton'
            else:
                break
        runs.append((i, j))
        if j - i > 1:
            runs.append((i + 1, j))  # without its first word: "Regele Frederic al IX-lea"
        i = j
    for a, b in sorted(runs, key=lambda r: (r[0] - r[1], r[0])):  # longest first
        span = ent[a:b]
        words = span.text.split()
        if _known(span.text, lang) or _known(" ".join([_lemma(words[0], lang)] + words[1:]), lang):
            continue  # "ministrul Coreei de Nord": the country, not a name of the person
        if (a, b) == (0, len(toks)) and b - a == 1 and _articled_noun(toks[0]):
            continue  # the NER's whole span is an articled common noun ("Investitorii")
        if (a, b) == (0, len(toks)) and _is_name(span, lang):
            return span
        if _is_name(span, lang, inner=True):
            return span
    return None


def _org_core(ent, lang: str):  # type: ignore[no-untyped-def]
    """The organisation inside an ORG span of the NER that opens with a lowercase word.

    What follows a connector the span opens with ("de Plăți și Intervenție pentru Agricultură",
    the NER having cut "Agenția"), or the quoted name after a noun ("ziarului „Aurora”"); else
    the span as it is: a lowercase noun with a name is the institution ("guvernul Angolei",
    "colegiului Sfântu Sava": capitalized by the caller), one without ("guvernul") is no name."""
    from cronicar.analyze import names

    words = [t for t in ent if t.is_alpha]
    if not words or words[0].text[:1].isupper():
        return ent
    k = next((t.i - ent.start for t in ent if _capital(t) and t.is_alpha), None)
    if k is None:
        return ent
    if all(t.lower_ in names.cues(lang).connectors for t in ent[:k]):
        return ent[k:]  # "de Plăți și Intervenție pentru Agricultură"
    if ent[k - 1].is_quote:
        return ent[k - 1:]  # 'ziarului "Aurora”': the quoted name
    return ent


def _capital(tok) -> bool:  # type: ignore[no-untyped-def]
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _is_name(ent, lang: str, inner: bool = False) -> bool:  # type: ignore[no-untyped-def]
    """Whether a PERSON span of the NER is a name, not a role noun or a pronoun.

    Why: RONEC's PERSON also covers "ministrul" and "Ea"; the tagger calls a sentence-initial
    "Șefa" a proper noun and a foreign "Choe" (of "Choe Son Hui") a common noun.  A name has a
    proper-noun token, or is several capitalized words; a single word that the quote engine's
    role or pronoun lists (``lang/<code>/quotes_roles.txt``) know is never a name.
    """
    from cronicar.analyze.quotes.lexicon import load
    from cronicar.text import fold_diacritics

    def _key(text: str) -> str:  # the quote lexicon's keys: comma-below diacritics, lowercase
        return fold_diacritics(text).lower()

    words = [t for t in ent if t.is_alpha]
    if not words:
        return False
    lex = load(lang)
    if _articled_noun(words[0]) and (
            len(words) == 1 and (not inner or words[0].is_sent_start)
            or len(words) > 1 and words[1].lower_ not in _connectors(lang)):
        # A common noun with the definite article opens no name: "Investitorii au vândut",
        # "Brokerii spun" (a sentence start the tagger missed), "Premierul Victor Ponta",
        # "Miliardarul Warren Buffett" (the name is the rest of the span).  Kept: a surname
        # inside a longer span ("Gabrielei Firea"), a title of nobility ("Ducele de Sussex").
        return False
    if len(words) == 1:
        tok = words[0]
        if _ROMAN.fullmatch(tok.text):
            return False  # a regnal number alone ("II" of "a II-a") names no one
        forms = {_key(tok.text), _key(tok.lemma_ or tok.text), _key(_lemma(tok.text.lower(), lang))}
        if forms & (lex.roles | set(lex.pronouns)):
            return False
        # Inside a longer span ("Boileau" of "pentru Boileau"), a capitalized word that does not
        # open its sentence is a name whatever the tagger says; an opening one needs PROPN.
        return tok.pos_ == "PROPN" or (inner and not tok.is_sent_start)
    if inner and _key(words[0].text) in lex.roles | set(lex.pronouns):
        return False  # "Președintele Austriei": a role and a country, not a name
    first = words[0]
    if {_key(first.lemma_ or first.text), _key(_lemma(first.lower_, lang))} & lex.roles:
        return False  # "Regina Elisabeta", "Papa Ioan Paul al II-lea": the name is the rest
    return any(t.pos_ == "PROPN" for t in words) and all(
        t.text[:1].isupper() or t.i > 0 and t.doc[t.i - 1].text == "-" or t.lower_ in _connectors(lang)
        or t.lower_ in ("a", "al") and t.i + 1 < len(t.doc) and _ROMAN.fullmatch(t.doc[t.i + 1].text) for t in words)


def _articled_noun(tok) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``tok`` is a common noun with the definite article ("Investitorii", "Premierul";
    Romanian suffixes it): the parser reads it so and the lemmatizer knows a shorter base form
    ("investitor", "premier").  Surnames the tagger also reads so ("Ponta", "Dunga", "Donciul")
    have none; a genitive or dative is left alone, as first names decline so ("Anei", "Oanei
    Ban"); languages whose tagger marks no definiteness never match."""
    if tok.pos_ != "NOUN" or "Def" not in tok.morph.get("Definite") or _oblique_case(tok):
        return False
    low = tok.text.lower()
    return len(_lemma(low, tok.doc.lang_)) < len(low)


def _oblique_case(tok) -> bool:  # type: ignore[no-untyped-def]
    return bool(set(tok.morph.get("Case")) & {"Gen", "Dat"})


def _connectors(lang: str) -> frozenset[str]:
    from cronicar.analyze import names

    return names.cues(lang).connectors


def _described_organisations(mentions: list[EntityMention], text: str, lang: str) -> None:
    """"Compania Nuclearelectrica", "Grupul OMV Petrom" -> the organisation the article also names
    bare, as an entity or in its text ("Nuclearelectrica", "OMV Petrom"): the capitalized
    descriptor opens a sentence, it is no part of the name.  Only then: "Compania Națională de
    Autostrăzi", "Grupul Țiriac" are names."""
    from cronicar.analyze import names
    from cronicar.model import entity_key

    bare = {m.canonical.lower(): m.canonical for m in mentions if m.label == "ORG"}
    titles = names.cues(lang).org_titles
    for m in mentions:
        first, _, rest = m.canonical.partition(" ")
        if m.label != "ORG" or not rest or _lemma(first.lower(), lang) not in titles:
            continue
        if rest.lower() in bare or _named_bare(text, first, rest, lang):
            m.canonical = bare.get(rest.lower(), rest)
            m.entity_id = entity_key("ORG", m.canonical)


def _company_word(word: str, lang: str) -> bool:
    """A word only a company takes ("Acțiunile", "Acționarii"), capitalized or not."""
    from cronicar.analyze import names

    c = names.cues(lang)
    return word.lower() in c.org_before or _lemma(word.lower(), lang) in c.org_before


def _named_bare(text: str, descriptor: str, name: str, lang: str) -> bool:
    """Whether ``text`` writes ``name`` somewhere without ``descriptor`` right before it."""
    at = text.find(name)
    while at != -1:
        prev = _WORD_BEFORE.search(text, max(0, at - 40), at)
        after = text[at + len(name):at + len(name) + 2]
        # a word of its own: not the descriptor before it, nor a longer name around it ("Ion
        # Țiriac" does not make "Grupul Țiriac" a bare "Țiriac")
        word = prev.group(1) if prev else ""
        if (at == 0 or not text[at - 1].isalnum()) and not after[:1].isalnum() \
                and word.lower() != descriptor.lower() and not re.match(r"\s[A-ZĂÂÎȘȚ]", after) \
                and (not word[:1].isupper() or _company_word(word, lang)):
            return True
        at = text.find(name, at + len(name))
    return False


def resolve_short_forms(mentions: list[EntityMention], lang: str) -> None:
    """"Lavrov" / "Choe" -> the longest PERSON name of the article containing all its words (of
    two as long, the first mentioned), then person aliases from the hand file ("Sergei Lavrov" ->
    "Serghei Lavrov")."""
    from cronicar.model import entity_key

    table = aliases(lang)
    # In order of first mention, then a stable sort: a tie ("Mareea" in an article naming both
    # "Mareea Comtur" and "Mareea Hotels") must not depend on set order, which changes with each
    # process's hash seed (the same article gave another entity in a worker process).
    first_seen = dict.fromkeys(m.canonical for m in sorted(mentions, key=lambda m: m.start) if m.label == "PERSON")
    persons = sorted(first_seen, key=len, reverse=True)
    said = Counter(m.canonical for m in mentions if m.label == "PERSON")
    for m in mentions:
        if m.label != "PERSON":
            continue
        words = set(m.canonical.split())
        for full in persons:
            if full != m.canonical and words <= _name_words(full) \
                    and not _overlong(full, m.canonical, persons, said):  # "Assad" ⊂ "Bachar al-Assad"
                m.canonical = full
                m.entity_id = entity_key("PERSON", full)
                break
        hit = table.get(m.canonical.lower())
        if hit and hit[1] == "PERSON":
            m.canonical = hit[0]
            m.entity_id = entity_key("PERSON", hit[0])


def _name_words(name: str) -> set[str]:
    return set(re.split(r"[\s-]+", name))


def _overlong(full: str, short: str, persons: list[str], said: Counter[str]) -> bool:
    """Whether ``full`` is a longer name written fewer times than a two-word name between it and
    ``short``: the NER ran a name into the next capitalized word once ("ajute Victor Ponta
    Belgradul" beside "Victor Ponta" twice), and "Ponta" is "Victor Ponta", not that run."""
    inner = _name_words(short)
    return any(mid != full and len(mid.split()) >= 2 and inner <= _name_words(mid) < _name_words(full)
               and said[mid] > said[full] for mid in persons)


def add_speaker_names(ctx: Context) -> list[EntityMention]:
    """Entity mentions plus the speaker names the quote engine found and NER missed.

    Why: the Romanian NER misses some names ("i-a spus Choe Son Hui lui Lavrov") that the quote
    engine recovers from the parse; a speaker is a participant of the events in its clause, so
    it must be an entity too.  Only names written out in the text are added (never the pronoun
    or the role noun that points to them), so aliases stay names.
    """
    out = list(ctx.entities)
    taken = [(m.start, m.end) for m in out]
    for q in ctx.quotes:
        if not q.speaker or not q.speaker_mention:
            continue
        s, e = q.speaker_mention
        name = q.speaker
        i = ctx.text.find(name, s, e)
        if i < 0:
            continue
        j = i + len(name)
        span = ctx.doc.char_span(i, j, alignment_mode="strict")
        if span is None or not any(t.pos_ == "PROPN" for t in span):
            continue
        if not any(a < j and i < b for a, b in taken):
            out.append(EntityMention(start=i, end=j, text=name, label="PERSON", canonical=name))
            taken.append((i, j))
    out.sort(key=lambda m: m.start)
    resolve_short_forms(out, ctx.lang)
    return out
