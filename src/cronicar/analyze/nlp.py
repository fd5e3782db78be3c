"""The spaCy pipelines, loaded once per process.

Which pipeline a language uses is data: ``spacy_model`` in its ``lang/<code>/meta.toml``
(:mod:`cronicar.lang`).  Romanian uses ro-legal-fl (tokenizer, tagger, morphology, parser,
lemmas, RONEC NER).  Languages without an installed pipeline get a blank tokenizer (of the
folder's ``iso`` code) with a rule-based sentencizer, so English and Spanish text pass through
every stage (time expressions and quotes work on text; parse-dependent parts degrade gracefully).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from cronicar.analyze.budget import check
from cronicar.analyze.heap import keep_freed_memory
from cronicar.analyze.word_vectors import cache_static_vectors
from cronicar.lang import has_parser, language  # noqa: F401  (has_parser: kept importable from here)

# The model's attribute_ruler has an empty matcher and warns on every doc; the warning says
# nothing actionable to our users.
warnings.filterwarnings("ignore", message=r".*\[W036\].*")


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    """Return the pipeline for ``lang`` (cached: loading costs about a second)."""
    keep_freed_memory()  # the parser's batches reuse freed memory (fewer page faults: analyze/heap.py)
    meta = language(lang)
    name = meta.spacy_model if meta is not None else None
    if name is not None:
        nlp = spacy.load(name)
        nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
        cache_static_vectors(nlp)  # each word's vector computed once, not per batch (analyze/word_vectors.py)
        return nlp
    try:
        nlp = spacy.blank(meta.iso if meta is not None else lang)
    except Exception:  # unknown language code: multi-language tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    return nlp


# spaCy's tokenizer strips prefixes and suffixes from a whitespace-free string one at a time,
# searching the whole remaining string each time: a run of 20,000 quote marks cost 87 CPU-s
# (quadratic), and its 20,000 one-mark tokens cost the parser seconds more.  The longest
# whitespace-free string in 25,491 Ziarul Financiar articles is 217 characters (a URL), so a
# longer one is not a word: it becomes tokens of RUN_PIECE characters, without the tokenizer's
# rules.  Text without such runs goes through the tokenizer untouched.
LONG_RUN = 256
RUN_PIECE = 64
_LONG_RUN_RE = re.compile(r"\S{%d,}" % (LONG_RUN + 1))


class RunSafeTokenizer:
    """spaCy's tokenizer, linear on long whitespace-free runs (same output on text without them)."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab  # type: ignore[attr-defined]

    def __call__(self, text: str) -> Doc:
        if _LONG_RUN_RE.search(text) is None:
            return self.tokenizer(text)
        docs = [Doc(self.vocab, words=[piece], spaces=[False]) if run else self.tokenizer(piece)
                for piece, run in _pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.tokenizer, name)  # rules, pipe(), to_disk(): the wrapped tokenizer's


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` cut before and after each long run, and each long run into RUN_PIECE pieces
    (``True``: a piece of a run, one token); the pieces concatenate back to ``text``."""
    at = 0
    for m in _LONG_RUN_RE.finditer(text):
        if m.start() > at:
            yield text[at:m.start()], False
        for i in range(m.start(), m.end(), RUN_PIECE):
            yield text[i:min(i + RUN_PIECE, m.end())], True
        at = m.end()
    if at < len(text):
        yield text[at:], False


# A text longer than the longest news article (46,707 characters in Ziarul Financiar), or with
# more token-like pieces than one ("\" \" \" …" is a token every two characters), is parsed alone,
# in chunks of about PARSE_CHUNK characters cut at paragraph (else line, else space) breaks, with
# the budget checked between chunks: spaCy's parser needs memory in proportion to a document, and
# one call on a 400,000-character page cannot be stopped.  Other texts are parsed whole, in batches.
LONG_TEXT = 50_000
# spaCy's peak memory grows by about 72 KB per token parsed at once (measured: +720 MB for one
# 10,000-token text, and the same for ten 1,000-token texts in one batch), so both a text parsed
# whole and a batch are bounded in tokens: a text over LONG_TOKENS is parsed in chunks, and a
# batch holds at most BATCH_TOKENS.  5 of 25,491 ZF articles have more than 6,000 (token_estimate;
# the longest 8,326), so ordinary news is parsed whole, as before.  The parse of a doc does not
# depend on the docs batched with it (200 ZF articles: the same analyses with batches of 10,000,
# 2,500 and 1,000 tokens), and batches of 2,500 tokens cost the same CPU as 10,000 (28.7 vs 28.5
# CPU-s) for a peak of 740 MB instead of 1,240 MB per process: the memory of `--jobs N`.
LONG_TOKENS = 6_000
BATCH_TOKENS = 2_500
PARSE_CHUNK = 5_000  # characters: ~900 tokens of news, at most ~2,500 (". . . ")
_TOKENISH_RE = re.compile(r"\w+|[^\w\s]")


def token_estimate(text: str, cap: int = LONG_TOKENS + 1) -> int:
    """About how many tokens spaCy makes of ``text`` (words and punctuation marks), up to ``cap``."""
    if len(text) > LONG_TEXT:
        return cap
    n = 0
    for _ in _TOKENISH_RE.finditer(text):
        n += 1
        if n >= cap:
            break
    return n


def is_long(text: str, tokens: int | None = None) -> bool:
    """Whether ``text`` is parsed alone in chunks (see :data:`LONG_TEXT`)."""
    if len(text) > LONG_TEXT:
        return True
    return (token_estimate(text) if tokens is None else tokens) > LONG_TOKENS


def parse_long(nlp: Language, text: str) -> Doc:
    """Parse ``text`` in bounded chunks and join them into one Doc over the same text."""
    docs = []
    for chunk in _chunks(text):
        check("parsing")
        docs.append(nlp(chunk))
    check("parsing")
    return Doc.from_docs(docs, ensure_whitespace=False)


def _chunks(text: str) -> Iterator[str]:
    """Consecutive pieces of ``text`` of at most PARSE_CHUNK characters, each ending after the
    last paragraph break (else line break, sentence end, space) of its second half."""
    at, n = 0, len(text)
    while at < n:
        end = min(n, at + PARSE_CHUNK)
        if end < n:
            window = text[at + PARSE_CHUNK // 2:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut >= 0:
                    end = at + PARSE_CHUNK // 2 + cut + len(sep)
                    break
        yield text[at:end]
        at = end
