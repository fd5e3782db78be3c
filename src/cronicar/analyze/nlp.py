"""The spaCy pipelines, loaded once per process.

Romanian uses ro-legal-fl (tokenizer, tagger, morphology, parser, lemmas, RONEC NER).  Languages
without an installed pipeline get a blank tokenizer with a rule-based sentencizer, so English and
Spanish text pass through every stage (time expressions and quotes work on text; parse-dependent
parts degrade gracefully).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import spacy
from spacy.language import Language

MODELS: dict[str, str] = {"ro": "ro_legal_fl"}

# The model's attribute_ruler has an empty matcher and warns on every doc; the warning says
# nothing actionable to our users.
warnings.filterwarnings("ignore", message=r".*\[W036\].*")


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    """Return the pipeline for ``lang`` (cached: loading costs about a second)."""
    name = MODELS.get(lang)
    if name is not None:
        nlp = spacy.load(name)
        return nlp
    try:
        nlp = spacy.blank(lang)
    except Exception:  # unknown language code: multi-language tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def has_parser(lang: str) -> bool:
    """Whether ``lang`` gets a dependency parse and morphology (quotes/events use it if so)."""
    return lang in MODELS
