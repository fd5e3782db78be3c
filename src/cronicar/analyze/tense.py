"""Whether a verb is in the simple present, with a parse (morphology) or without one (English forms).

Why: a speech or intention verb in the simple present ("Ford says", "experts say", "it plans",
"ministrul susține") is an act of the article's own day, whatever date stands elsewhere in the
sentence ("For the final quarter of 2009, Ford says it made profits" dates the profits, not the
saying).  Quotes date their statements with it, events their statements and plans.
"""

from __future__ import annotations

from spacy.tokens import Token

# Words before a verb that make it other than a simple present ("will say", "did not say", "to say").
NOT_SIMPLE_PRESENT = {"will", "would", "to", "did", "didn't", "could", "may", "might", "should", "shall",
                      "can", "must", "not", "has", "have", "had"}
# How close (characters) a time expression must stand to a present-tense verb to be its own date
# ("declară marți", "says Monday").
ADJACENT = 2


def simple_present(verb: Token, lang: str) -> bool:
    """Whether ``verb`` is a finite simple present (Romanian: morphology; English: its form)."""
    doc = verb.doc
    if doc.has_annotation("MORPH"):
        return ("Pres" in verb.morph.get("Tense") and "Fin" in verb.morph.get("VerbForm")
                and not any(t.dep_ == "aux" for t in verb.children))
    if verb.i > 0 and doc[verb.i - 1].lower_ in NOT_SIMPLE_PRESENT:
        return False
    word = verb.lower_
    if not word.isalpha() or word.endswith("ed"):
        return False
    from cronicar.analyze.events_lexicon import trigger_key

    base = trigger_key(word, lang)
    return word in {base, base + "s", base + "es"} or (base.endswith("y") and word == base[:-1] + "ies")


def adjacent(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two character spans stand next to each other (at most :data:`ADJACENT` apart)."""
    return 0 <= b[0] - a[1] <= ADJACENT or 0 <= a[0] - b[1] <= ADJACENT
