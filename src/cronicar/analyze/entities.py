"""Entity mentions with one canonical name per real-world entity.

Why: stories are linked and events merged through entities, so "Rusia"/"Rusiei"/"rușii"/
"Kremlinul" must all be one key, and "Lavrov" must be the "Serghei Lavrov" of the same article.
Sources, in order: spaCy NER when the language has it (RONEC labels for Romanian), then a gazetteer
of country names from Unicode CLDR (Babel: maintained data, not typed by hand) plus the hand alias
file ``lang/<code>/entities_aliases.tsv`` (capitals, demonyms, spellings, metonyms).

Metonymy decision: "Kremlinul" (and "Kremlin") acting as the government maps to the country
("Rusia"); capitals stay places ("Moscova", "Phenian") so "la Moscova" keeps a place, and the
capital→country link lives in :data:`GOVERNMENT_OF` for linking code that needs it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from cronicar.analyze.context import Context
from cronicar.model import EntityMention

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
KEEP = {"PERSON", "ORG", "GPE", "LOC"}
NER_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NAT_REL_POL": "GPE",
           "FACILITY": "LOC"}
# Capital -> country it stands for when used as a government (metonymy); see module docstring.
GOVERNMENT_OF: dict[str, str] = {"Moscova": "Rusia", "Phenian": "Coreea de Nord", "Kiev": "Ucraina",
                                 "Beijing": "China", "Moscow": "Russia", "Pyongyang": "North Korea"}


@lru_cache(maxsize=None)
def aliases(lang: str) -> dict[str, tuple[str, str]]:
    """alias (lowercase) -> (canonical, label): CLDR territory names plus the hand alias file."""
    table: dict[str, tuple[str, str]] = {}
    try:
        import babel

        for code, name in babel.Locale(lang).territories.items():
            if code.isalpha() and len(code) == 2 and " " not in name or code.isalpha() and len(code) == 2:
                table.setdefault(name.lower(), (name, "GPE"))
    except Exception:  # unknown locale: hand file only
        pass
    path = LANG_DIR / lang / "entities_aliases.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) >= 3:
                table[parts[0].strip().lower()] = (parts[1].strip(), parts[2].strip())
    return table


def _lemma(word: str, lang: str) -> str:
    try:
        import simplemma

        return simplemma.lemmatize(word, lang=lang, greedy=True)
    except Exception:
        return word


def canonicalize(text: str, label: str, lang: str) -> tuple[str, str] | None:
    """(canonical, label) for a surface name, or None when it is not a name we keep."""
    table = aliases(lang)
    clean = re.sub(r"\s+", " ", text.strip(" \"„”'’.,"))
    if not clean:
        return None
    hit = table.get(clean.lower())
    if hit:
        return hit
    words = clean.split(" ")
    # Inflected last word: "Coreei de Nord" is rare; "Rusiei", "Phenianului" are common.
    lem_words = words[:-1] + [_lemma(words[-1], lang)] if label != "PERSON" else words
    lem = " ".join(lem_words)
    hit = table.get(lem.lower())
    if hit:
        return hit
    if label in {"GPE", "LOC"}:
        # Strip the Romanian definite article: "Phenianul" -> "Phenian".
        base = re.sub(r"(ul|ului|le|lui)$", "", lem) if lang == "ro" else lem
        hit = table.get(base.lower())
        if hit:
            return hit
        return (lem[:1].upper() + lem[1:], label)
    if not clean[:1].isupper():
        return None
    return (clean, label)


def extract(ctx: Context) -> list[EntityMention]:
    """Entity mentions of one article (pure): NER + gazetteer, canonical names, short forms resolved."""
    found: list[tuple[int, int, str, str]] = []  # start, end, text, label
    taken: list[tuple[int, int]] = []
    for ent in ctx.doc.ents:
        label = NER_MAP.get(ent.label_)
        if label is None:
            continue
        if label == "PERSON" and ent.root.pos_ != "PROPN":
            continue  # role nouns ("ministrul", "Ea", "președintele")
        found.append((ent.start_char, ent.end_char, ent.text, label))
        taken.append((ent.start_char, ent.end_char))
    # Gazetteer over tokens (English has no NER; Romanian NER misses demonyms sometimes).
    table = aliases(ctx.lang)
    toks = list(ctx.doc)
    i = 0
    while i < len(toks):
        matched = False
        for n in (4, 3, 2, 1):
            if i + n > len(toks):
                continue
            span = ctx.doc[i:i + n]
            key = span.text.lower()
            if key in table or (n == 1 and _lemma(span.text, ctx.lang).lower() in table and span.text[:1].isupper()):
                s, e = span.start_char, span.end_char
                if not any(a < e and s < b for a, b in taken):
                    found.append((s, e, span.text, table.get(key, table.get(_lemma(span.text, ctx.lang).lower(), ("", "GPE")))[1]))
                    taken.append((s, e))
                i += n
                matched = True
                break
        if not matched:
            i += 1
    out: list[EntityMention] = []
    for s, e, text, label in sorted(found):
        c = canonicalize(text, label, ctx.lang)
        if c is None:
            continue
        canon, lab = c
        if lab not in KEEP:
            continue
        out.append(EntityMention(start=s, end=e, text=text, label=lab, canonical=canon))
    # Short forms: "Lavrov" / "Choe" -> the longest PERSON name of the article containing it.
    persons = sorted({m.canonical for m in out if m.label == "PERSON"}, key=len, reverse=True)
    for m in out:
        if m.label == "PERSON":
            words = set(m.canonical.split())
            for full in persons:
                if full != m.canonical and words <= set(full.split()):
                    m.canonical = full
                    m.entity_id = ""
                    m.__post_init__()
                    break
            hit = table.get(m.canonical.lower())
            if hit and hit[1] == "PERSON":
                m.canonical = hit[0]
                from cronicar.model import entity_key
                m.entity_id = entity_key("PERSON", hit[0])
    return out
