"""Acronym speakers read as the full name the article gives ("FMI" -> "Fondul Monetar Internațional").

A speaker written as an acronym ("a anunțat FMI") is the same speaker as the full name a reader
finds elsewhere in the article; the chronicle should not show two sources for one institution.
Two ways to know the full name, in this order:

1. the article defines it: "Fondul Proprietatea (FP)" or "FP (Fondul Proprietatea)";
2. the gazetteer (``lang/<code>/entities_aliases.tsv``) knows it *and* the article writes that
   full name, or another nominative form the gazetteer lists for it ("Bursa de la București" for
   "BVB"), somewhere (otherwise the acronym is all the article says, and it stays);
3. the article writes one name whose capitalized words begin with the acronym's letters, in
   order ("Ministerul Afacerilor Externe" for "MAE", "Inspectoratul de Poliție Județean Arad"
   for "IPJ Arad": a place after the acronym follows the spelled-out name too).

Example: in "Fondul Proprietatea (FP) a câștigat. FP a anunțat că ..." the speaker "FP" becomes
"Fondul Proprietatea".
"""

from __future__ import annotations

import re
from functools import lru_cache

from cronicar.analyze.normalize import fold_accents
from cronicar.analyze.quotes.words import W

_UP = "A-ZĂÂÎȘȚŞŢÉÖÜ"
#: an acronym: 2-7 capitals (digits and "&" allowed after the first)
_ACRONYM = re.compile(rf"[{_UP}][{_UP}0-9&]{{1,6}}")
#: a capitalized name of two or more words, short lowercase joiners allowed ("Bursa de Valori")
_NAME = rf"[{_UP}][\w'’-]*(?:\s+(?:(?:de|a|al|ale|din|pentru|și|la|of|the|for|and)\s+)?[{_UP}][\w'’-]*)+"
_DEFINED = re.compile(rf"({_NAME})\s*\(\s*([{_UP}][{_UP}0-9&]{{1,6}})\s*\)|([{_UP}][{_UP}0-9&]{{1,6}})\s*\(\s*({_NAME})\s*\)")


def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.fullmatch(name))


def _initials_fit(acronym: str, full: str) -> bool:
    """The full name starts with the acronym's letter and has no fewer capitalized words than
    the acronym has letters minus one ("Bursa de Valori București" / "BVB")."""
    caps = [w for w in full.split() if w[:1].isupper()]
    return fold_accents(full[:1]) == fold_accents(acronym[:1]) and len(caps) >= min(2, len(acronym))


def _from_initial(full: str, acronym: str) -> str | None:
    """``full`` from its first word that begins with the acronym's letter ("Astăzi Fondul
    Proprietatea (FP)" -> "Fondul Proprietatea"): the pattern reaches back over a capitalized
    sentence opener."""
    words = full.split()
    for i, w in enumerate(words):
        if fold_accents(w[:1]) == fold_accents(acronym[:1]):
            return " ".join(words[i:])
    return None


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym -> full name, for every "Full Name (ACR)" / "ACR (Full Name)" of ``text``, and every
    stock symbol "Name (simbol bursier SYM)" (a company's ticker need not spell its name)."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        full, acr = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        full = _from_initial(full, acr)
        if full and _initials_fit(acr, full):
            out.setdefault(acr, full)
    labels = "|".join(re.escape(w) for w in sorted(W.ticker_labels, key=len, reverse=True))
    if labels:
        ticker = re.compile(rf"([{_UP}][\w'’.&-]*(?:\s+[{_UP}][\w'’.&-]*){{0,3}})\s*\(\s*(?:(?:{labels})\s+)+"
                            rf"([{_UP}][{_UP}0-9]{{1,6}})\s*\)")
        for m in ticker.finditer(text):
            name, sym = m.group(1), m.group(2)
            if sym.isupper() and name[:1].isupper() and name != sym:
                out.setdefault(sym, name)
    return out


@lru_cache(maxsize=None)
def _gazetteer(lang: str) -> dict[str, str]:
    from cronicar.analyze.entities import hand_aliases  # late: entities imports the quotes layer's neighbours

    return {a: c for a, c, _ in hand_aliases(lang) if is_acronym(a) and " " in c}


def spelled_out(speaker: str, text: str) -> str | None:
    """The one name of ``text`` that spells out an acronym speaker by its capitals' initials
    ("MAE" -> "Ministerul Afacerilor Externe"; "IPJ Arad" -> "Inspectoratul de Poliție Județean
    Arad"), as written; None when the article writes none, or two different ones."""
    acronym, _, rest = speaker.partition(" ")
    if not is_acronym(acronym) or len(acronym) < 3 or not rest.replace(" ", "").isalpha() and rest:
        return None
    letters = [fold_accents(c) for c in acronym]
    tail = rest.split()
    found: set[str] = set()
    for m in re.finditer(_NAME, text):
        words = m.group(0).split()
        for i, w in enumerate(words):
            if fold_accents(w[:1]) != letters[0]:
                continue
            caps = [j for j in range(i, len(words)) if words[j][:1].isupper()]
            if len(caps) < len(letters) or [fold_accents(words[j][:1]) for j in caps[: len(letters)]] != letters:
                continue
            end = caps[len(letters) - 1] + 1
            if any(w2.isupper() and len(w2) > 1 for w2 in words[i:end]):
                continue  # another acronym, not the spelled-out name
            if words[end : end + len(tail)] == tail:
                found.add(" ".join(words[i : end + len(tail)]))
    return found.pop() if len(found) == 1 else None


def full_name(acronym: str | None, text: str, lang: str, defined: dict[str, str]) -> str | None:
    """The full name for a speaker written as an acronym, else the speaker unchanged."""
    if acronym and not is_acronym(acronym):
        return spelled_out(acronym, text) or acronym  # "IPJ Arad"
    if not acronym:
        return acronym
    if acronym in defined:
        return defined[acronym]
    full = _gazetteer(lang).get(acronym)
    if not full:
        return spelled_out(acronym, text) or acronym
    folded = fold_accents(text)
    if fold_accents(full) in folded:
        return full
    # the article may write another full form of the same name ("BVB" / "Bursa de la București",
    # the gazetteer's "Bursa de Valori București"): its nominative, the longest the article writes
    written = [a for a in _full_forms(lang).get(full, ()) if fold_accents(a) in folded]
    return max(written, key=len) if written else acronym


@lru_cache(maxsize=None)
def _full_forms(lang: str) -> dict[str, tuple[str, ...]]:
    """Canonical name -> its other written forms of several words in the nominative (the first
    word as in the canonical name: "Bursa de la București", not "Bursei de la București")."""
    from cronicar.analyze.entities import hand_aliases

    out: dict[str, list[str]] = {}
    for a, c, _ in hand_aliases(lang):
        if a != c and " " in a and not is_acronym(a) and a.split()[0] == c.split()[0]:
            out.setdefault(c, []).append(a)
    return {c: tuple(v) for c, v in out.items()}
