"""Who stands behind a speaker phrase that is not a name (guidelines §5-6 of the quote gold).

Three kinds of noun, listed per language in ``lang/<code>/quotes_speaker_nouns.txt``:

* a statement's *vehicle* ("prognoza publicată de ANM", "un raport al BT Capital Partners"): its
  author speaks, named in the phrase's genitive or by an agent "de X" right after it; with no
  author named the document stays as written (guidelines §6: the most informative description);
* an organisation *description* ("societatea de brokeraj", "ziarul local", "banca"): the
  organisation the article gave that noun to, by an apposition either way round ("ziarul
  Corriere", "Tradeville, cea mai activă societate de brokeraj"), else the organisation named
  closest before it;
* a *never* word the parser may leave as a subject ("cel", "majoritatea", "asemenea"): it names
  no one, so the statement is the previous speaker's, as for a cue without a subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from spacy.tokens import Doc

from cronicar.analyze.normalize import fold_diacritics
from cronicar.analyze.quotes.lexicon import Lexicon, data_lines
from cronicar.analyze.quotes.tokens import is_genitive, key
from cronicar.analyze.quotes.words import W
from cronicar.lang import folder as lang_folder

#: words that introduce a vehicle's author: "publicată de X", "un raport al X", "a report by X"
_AUTHOR_LINKS = W.author_links
#: where the search for an author or an apposed description stops
_POSSESSIVE = W.possessive_articles
_STOPS = frozenset({".", ";", ":", "!", "?", "„", "“", "”", "\"", "«", "»"})


@dataclass(frozen=True)
class SpeakerNouns:
    """The three noun kinds of one language (folded keys)."""

    vehicles: frozenset[str]
    org_nouns: frozenset[str]
    never: frozenset[str]
    media_nouns: frozenset[str]  # organisation nouns that name a publication ("ziarul", "publicația")
    nominatives: dict[str, str]  # genitive determiner -> its nominative ("unui" -> "un")
    endings: tuple[tuple[str, str], ...]  # genitive noun ending -> nominative ("ilor" -> "ile"), longest first
    examples: tuple[tuple[str, str, str], ...]  # (file, text, expected) as in lexicon.Lexicon


@lru_cache(maxsize=None)
def speaker_nouns(lang: str) -> SpeakerNouns:
    """Read ``lang/<lang>/quotes_speaker_nouns.txt`` (empty when the language has none)."""
    sink = Lexicon(lang)  # collects the file's "# example:" lines
    kinds: dict[str, set[str]] = {"vehicle": set(), "orgnoun": set(), "never": set(), "medianoun": set()}
    nominatives: dict[str, str] = {}
    endings: list[tuple[str, str]] = []
    for line in data_lines(lang_folder(lang) / "quotes_speaker_nouns.txt", sink):
        kind, _, word = line.partition("\t")
        if kind.strip() in kinds:
            kinds[kind.strip()].add(fold_diacritics(word.strip()).lower())
        elif kind.strip() == "nominative":
            form, _, nom = word.strip().partition("\t")
            nominatives[fold_diacritics(form).lower()] = nom.strip()
        elif kind.strip() == "ending":
            gen, _, nom = word.strip().partition("\t")
            endings.append((gen, nom.strip()))
    return SpeakerNouns(frozenset(kinds["vehicle"]), frozenset(kinds["orgnoun"]),
                        frozenset(kinds["never"]), frozenset(kinds["medianoun"]), nominatives, tuple(endings), tuple(sink.examples))


def vehicle_author(doc: Doc, head: int, end: int, name_at: dict[int, str], reach: int = 8) -> str | None:
    """The name that authored the vehicle whose head noun is token ``head`` (its phrase ends at
    ``end``): a name right after the head ("datele Rosstat"), or one a genitive or an author
    link ("de", "al", "by") attaches to it, before another preposition or the clause ends and
    within ``reach`` tokens after the phrase ("prognoza publicată marţi de Administraţia
    Naţională de Meteorologie" → the administration; "infectării cu COVID-19" names no author)."""
    for x in range(head + 1, min(len(doc), end + reach)):
        t = doc[x]
        if t.text in _STOPS or "\n" in t.text or (x >= end and t.text == ","):
            return None
        if x in name_at and (x == head + 1 or key(doc[x - 1]) in _AUTHOR_LINKS or is_genitive(t)):
            return name_at[x]
        if t.pos_ == "ADP" and key(t) not in _AUTHOR_LINKS:
            return None
    return None


def described_author(doc: Doc, head: int, end: int, nouns: SpeakerNouns) -> str | None:
    """A vehicle whose author is a description in its genitive, put back in the nominative:
    "anunțul unui reprezentant al autorităților făcut sâmbătă" → "un reprezentant al
    autorităților" (up to a participle or a comma), "un anunț al autorităților sanitare" →
    "autoritățile sanitare"."""
    first = head + 1
    if first < end and key(doc[first]) in _POSSESSIVE:
        first += 1
        if first >= end or key(doc[first]) in nouns.nominatives:
            return None
        words = [_nominative_noun(doc[first].text, nouns.endings)]
    elif first + 1 < end and key(doc[first]) in nouns.nominatives:
        words = [nouns.nominatives[key(doc[first])]]
    else:
        return None
    stop = next((x for x in range(first + 1, end) if doc[x].text == "," or _verbal(doc[x])), end)
    return " ".join(words + [t.text for t in doc[first + 1 : stop]])


def _verbal(tok) -> bool:  # type: ignore[no-untyped-def]
    return tok.pos_ in {"VERB", "AUX"} or "Part" in tok.morph.get("VerbForm")


def _nominative_noun(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    """"autorităților" → "autoritățile": the first genitive ending that fits, replaced."""
    for gen, nom in endings:
        if word.endswith(gen) and len(word) > len(gen) + 2:
            return word[: len(word) - len(gen)] + nom
    return word


def apposed_description(doc: Doc, end: int, org_key: Callable[[object], str | None], reach: int = 6) -> str | None:
    """"Tradeville, cea mai activă societate de brokeraj": the organisation noun a description
    apposed right after a name (ending at token ``end``) gives it, or None."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    for x in range(end + 1, min(len(doc), end + 1 + reach)):
        t = doc[x]
        if t.text in _STOPS or t.text == "," or t.pos_ in {"VERB", "AUX"}:
            return None
        found = org_key(t)
        if found is not None:
            return found
    return None
