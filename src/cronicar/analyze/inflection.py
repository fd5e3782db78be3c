"""Names back in the nominative, from the parser's lemma and morphology and suffix rules as data
(``lang/<code>/entities_nominative.tsv``).

Why: Romanian inflects the first words of an organisation's name ("Băncii Naționale a României",
"Ministerului Apărării"), and one organisation must be one entity however the sentence declines
it.  Only the head noun and the adjectives agreeing with it change; a genitive complement after
them ("Apărării Naționale", "a României") is part of the name as written.  Languages without the
file, or a text without a parse, keep names as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only a type here: the linker imports this module without spaCy
    from spacy.tokens import Span

from cronicar import data_lines
from cronicar.lang import folder as lang_folder, iso


Rule = tuple[str, str, str, str, str]  # part, gender, number, ending, replacement


@lru_cache(maxsize=None)
def rules(lang: str) -> tuple[Rule, ...]:
    """The suffix rules of ``lang``, longest ending first (empty when the language has none)."""
    out = []
    for raw in data_lines(lang, "entities_nominative.tsv"):
        cols = (raw.split("\t") + [""] * 5)[:5]
        part, gender, number, ending, repl = (c.strip() for c in cols)
        out.append((part, gender, number, "" if ending == "-" else ending, repl))
    return tuple(sorted(out, key=lambda r: -len(r[3])))


@lru_cache(maxsize=None)
def examples(lang: str) -> tuple[tuple[str, str], ...]:
    """(text, expected canonical) pairs from the file's ``# Example:`` lines (tests run them)."""
    path = lang_folder(lang) / "entities_nominative.tsv"
    if not path.exists():
        return ()
    found = re.findall(r"^# Example: (.*?) => (.*)$", path.read_text(encoding="utf-8"), flags=re.M)
    return tuple((a.strip(), b.strip()) for a, b in found)


def _apply(word: str, part: str, gender: str, number: str, table: tuple[Rule, ...]) -> str | None:
    for p, g, n, ending, repl in table:
        if p == part and g in (gender, "-") and n == number and word.endswith(ending):
            return word[: len(word) - len(ending)] + repl
    return None


def place_bases(word: str, lang: str) -> list[str]:
    """Nominatives a declined place name may have, by the ``place`` rules ("Danemarcii" ->
    "Danemarca"): candidates only, for the caller to look up among known places."""
    return [word[: len(word) - len(ending)] + repl for part, _, _, ending, repl in rules(lang)
            if part == "place" and ending and word.endswith(ending)]


def given_bases(word: str, lang: str) -> list[str]:
    """Nominatives a declined first name may have, by the ``given`` rules ("Marinei" -> "Marine",
    "Marina"; "Ursulei" -> "Ursula"): candidates, for the caller to match against a full name."""
    return [word[: len(word) - len(ending)] + repl for part, _, _, ending, repl in rules(lang)
            if part == "given" and ending and word.endswith(ending)]


def _cased(new: str, like: str) -> str:
    return new[:1].upper() + new[1:] if like[:1].isupper() else new


def _feats(tok) -> tuple[str, str, set[str]]:  # type: ignore[no-untyped-def]
    m = tok.morph
    gender = "Fem" if "Fem" in m.get("Gender") else "Masc"
    number = "Plur" if "Plur" in m.get("Number") else "Sing"
    return gender, number, set(m.get("Case"))


def _oblique(tok) -> bool:  # type: ignore[no-untyped-def]
    return bool(set(tok.morph.get("Case")) & {"Gen", "Dat"})


def nominative(span: Span, lang: str) -> str | None:
    """The name of ``span`` with its head noun and agreeing adjectives in the nominative, or None
    when there is nothing to change (not oblique, not a noun, no rule, an unreliable lemma)."""
    table = rules(lang)
    if not table or len(span) == 0:
        return None
    head = span[0]
    if head.pos_ != "NOUN" or not _oblique(head) or "Def" not in head.morph.get("Definite"):
        return None
    gender, number, _ = _feats(head)
    words = [t.text for t in span]
    if number == "Plur":
        new = _apply(head.text.lower(), "plural", gender, number, table)
    elif (base := _base(head, lang)) is not None:
        new = _apply(base, "head", gender, number, table)
    else:
        return None  # the lemmatizer did not know the word: leave it as written
    if new is None:
        return None
    words[0] = _cased(new, head.text)
    for i, tok in enumerate(span[1:], start=1):
        if tok.pos_ != "ADJ" or not _oblique(tok) or _feats(tok)[:2] != (gender, number):
            break  # "Ministerului Apărării Naționale": "Naționale" agrees with "Apărării"
        if number == "Plur":
            continue  # plural adjectives are alike in the nominative and the genitive
        lemma = tok.lemma_.lower() if tok.lemma_ and tok.lemma_.lower() != tok.text.lower() else None
        adj = _apply(tok.text.lower(), "adjform", gender, number, table)
        if adj is None:
            adj = _apply(lemma, "adj", gender, number, table) if lemma else _surface_adj(tok.text.lower(), gender)
        if adj is None:
            break
        words[i] = _cased(adj, tok.text)
    return "".join(w + tok.whitespace_ for tok, w in zip(span, words)).strip()


def _base(head, lang: str) -> str | None:  # type: ignore[no-untyped-def]
    """The head noun's base form (lowercase), or None when no lemmatizer knows one.  The parser's
    lemma first, even capitalized ("Ziarului" -> "Ziar": it copies the case of a name's word);
    when it returns the word itself ("Fondului", "Băncii", "Rezervei"), the dictionary
    lemmatizer's, if shorter ("fond", "bancă", "rezervă")."""
    low = head.text.lower()
    if head.lemma_ and head.lemma_.lower() != low:
        return head.lemma_[:1].lower() + head.lemma_[1:]
    try:
        import simplemma

        base = simplemma.lemmatize(low, lang=iso(lang))
    except Exception:  # a language simplemma does not know
        return None
    return base if base and len(base) < len(low) else None


def _surface_adj(word: str, gender: str) -> str | None:
    """A feminine genitive adjective the lemmatizer left as written ("Populare", "Coreene"):
    "-ene" -> "-eană", "-e" -> "-ă"."""
    if gender != "Fem" or not word.endswith("e") or len(word) < 4:
        return None
    return word[:-3] + "eană" if word.endswith("ene") else word[:-1] + "ă"
