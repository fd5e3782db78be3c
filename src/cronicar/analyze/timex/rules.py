"""Load a language's temporal knowledge (lexicon + rules, both DATA) and compile it once.

How rules are matched: rule order in ``timex_rules.tsv`` is priority order (at the leftmost
position, the first rule that matches wins, so specific rules come before general ones). Each rule
is compiled once, alone, with its groups renamed ``r<i>_<name>``; a trigger regex finds the word
starts where some rule may start, and there only the rules whose first characters fit are tried,
in priority order (the result one alternation ``(?P<r0>...)|(?P<r1>...)|...`` would give).

Files, in ``src/cronicar/lang/<code>/``:
- ``timex_lexicon.json``: word tables (months, weekdays, number words, units, seasons, parts of
  day, modifiers, ordinals, relative words, deictic days).  Its ``_meta`` key documents it.
- ``timex_rules.tsv``: ``name  handler  params  pattern  example_dct  example  expected``; a
  pattern may use ``{MACRO}`` names expanded from the lexicon (see :data:`MACROS`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from re import _constants as _C  # the regex parser's tree (stdlib, Python 3.11+)
from re import _parser as _sre_parser

from cronicar import LANG_DIR  # noqa: F401  (the package's own folders: tests list their files)
from cronicar.lang import folder as lang_folder, languages as all_languages
from cronicar.analyze import diacritics


#: macro name -> lexicon table whose keys become an alternation
MACROS = {
    "MONTH": "months",
    "MONTHABBR": "month_abbr",
    "MONTHEN": "months_en",
    "WEEKDAY": "weekdays",
    "NUMWORD": "numbers",
    "UNIT": "units",
    "SEASON": "seasons",
    "POD": "parts_of_day",
    "MODW": "mods",
    "ORD": "ordinals",
    "REL": "relative",
    "DEICTIC": "deictic",
    "VAGUE": "vague",
    "APPROX": "approx",
    "APPROXDE": "approx_after_de",
    "HOLIDAY": "holidays",
    "DECADEW": "decades",
    "AGEHOLDER": "age_holders",
    "EVAL": "evaluative",
}


@dataclass(frozen=True)
class Rule:
    name: str
    handler: str
    params: dict[str, str]
    pattern: str
    example_dct: str
    example: str
    expected: str


@dataclass
class Grammar:
    lang: str
    lex: dict[str, dict[str, Any]]
    rules: list[Rule]
    #: all rules as one alternation (priority order), compiled only when asked for: see :attr:`regex`
    alternation: str
    group_names: list[str] = field(default_factory=list)  # per rule: its outer group name
    lookup: dict[str, dict[str, Any]] = field(default_factory=dict)  # lowercased tables
    #: per rule, ``(?P<r<i>>body)`` with its groups renamed ``r<i>_<name>``, for anchored ``match``
    compiled: list[re.Pattern[str]] = field(default_factory=list)
    #: first-K-characters (lowercase) -> indices of the rules that can start so, in priority order
    dispatch: dict[str, list[int]] = field(default_factory=dict)
    #: rules whose start could not be enumerated: tried at every word start
    always: list[int] = field(default_factory=list)
    #: regex over ``" " + text.lower()`` whose match starts are the word starts where some rule
    #: may start (a trie of :func:`trigger_keys`); see :meth:`candidates`
    trigger: re.Pattern[str] | None = None
    #: the keys that trie was built from (the grammar without diacritics derives its own from them)
    trigger_keys: frozenset[str] = frozenset()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Every rule in one regex (the first alternative that matches wins), for whole-grammar
        searches such as the rule-example tests; tagging matches rule by rule (:meth:`candidates`)."""
        return re.compile(self.alternation, re.IGNORECASE)

    def candidates(self, cands: tuple[int, ...]) -> tuple[re.Pattern[str], ...]:
        """The compiled rules ``cands``, to be tried in this order at one position.

        Why rule by rule rather than one alternation per candidate set: an alternation tries its
        alternatives in the same order with the same backtracking, so the first match is the same,
        but each new candidate set had to be compiled when first seen; on unseen text new sets
        kept appearing for thousands of articles, and their compilation cost more than the
        matching itself. Per-rule patterns are compiled once, at load."""
        return tuple(self.compiled[i] for i in cands)


def _alt(keys: list[str]) -> str:
    """Longest-first alternation; spaces in keys match any whitespace."""
    parts = sorted({k for k in keys if k}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in parts) + ")"


def _read_rules(path: Path, macros: dict[str, str] | None = None,
                transform: Callable[[str], str] | None = None) -> list[Rule]:
    """Rules in file order; ``@NAME<TAB>pattern`` lines define pattern macros (``@NAME`` in patterns)."""
    rules: list[Rule] = []
    text = path.read_text(encoding="utf-8")
    for raw in (transform(text) if transform else text).splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if cols[0].startswith("@") and macros is not None:
            macros[cols[0].strip()] = cols[1].strip()
            continue
        if cols[0] == "name":
            continue
        cols += [""] * (7 - len(cols))
        name, handler, params, pattern, dct, example, expected = (c.strip() for c in cols[:7])
        pd: dict[str, str] = {}
        if params and params != "-":
            for kv in params.split(";"):
                k, _, v = kv.partition("=")
                pd[k.strip()] = v.strip()
        rules.append(Rule(name, handler, pd, pattern, dct, example, expected))
    return rules


def expand(pattern: str, lex: dict[str, dict[str, Any]]) -> str:
    """Replace ``{MACRO}`` by the lexicon alternation (``{NUM}``: digits or number words)."""
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "NUM":
            words = _alt(list(lex["numbers"]))
            # "twenty-four", "twenty four": a tens word and a unit word (the lexicon's optional
            # ``number_compounds`` table: {"tens": [...], "ones": [...]}), tried before single words
            comp = lex.get("number_compounds") or {}
            pre = ""
            if comp.get("tens") and comp.get("ones"):
                pre = rf"{_alt(list(comp['tens']))}[\s-]{_alt(list(comp['ones']))}(?![\w-])|"
            return rf"(?:\d+(?:[.,]\d+)?|{pre}{words}(?:\s+(?:și|and|y)\s+{words})?)"
        if name == "YEAR":
            return r"(?:1[89]\d\d|20\d\d)"
        table = MACROS.get(name)
        if table is None:
            return m.group(0)
        return _alt(list(lex.get(table, {})))

    return re.sub(r"\{([A-Z]+)\}", sub, pattern)


def _rename_groups(pattern: str, prefix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{prefix}_{m.group(1)}>", pattern)


#: suffix of a language's grammar for text written without diacritics (``plain("ro")``)
PLAIN = "+plain"


def plain(lang: str) -> Grammar | None:
    """The grammar of ``lang`` for text written without diacritics ("In urma cu doi ani"): its
    lexicon and rules with every mark taken off (ș→s, ă→a: ``analyze/diacritics.py``), so its
    tables look up the words as written; None when the language's grammar has no marks to take off."""
    return load(lang + PLAIN) if _has_marks(lang) else None


@lru_cache(maxsize=None)
def _has_marks(lang: str) -> bool:
    folder = lang_folder(lang)
    return any(set(diacritics.MARKS).intersection((folder / f).read_text(encoding="utf-8"))
               for f in ("timex_lexicon.json", "timex_rules.tsv"))


def source(lang: str) -> tuple[dict[str, dict[str, Any]], list[Rule], dict[str, str]]:
    """The lexicon, the rules and the pattern macros of ``lang`` as read from its files
    (``<lang>+plain``: with every diacritic taken off)."""
    base = lang.removesuffix(PLAIN)
    folder = lang_folder(base)
    as_written = (lambda t: t) if base == lang else diacritics.strip
    lex = json.loads(as_written((folder / "timex_lexicon.json").read_text(encoding="utf-8")))
    lex.pop("_meta", None)
    pmacros: dict[str, str] = {}
    rules = _read_rules(folder / "timex_rules.tsv", pmacros, as_written)
    return lex, rules, pmacros


@lru_cache(maxsize=None)
def load(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (cached: loaded once per process); ``<lang>+plain`` is the
    same grammar without diacritics (see :func:`plain`)."""
    base = lang.removesuffix(PLAIN)
    lex, rules, pmacros = source(lang)
    alts = []
    names = []
    compiled = []
    for i, r in enumerate(rules):
        gname = f"r{i}"
        pat = r.pattern
        for mname in sorted(pmacros, key=len, reverse=True):
            pat = pat.replace(mname, pmacros[mname])
        alt = f"(?P<{gname}>{_rename_groups(expand(pat, lex), gname)})"
        try:  # each rule compiled alone, so a broken pattern names itself
            compiled.append(re.compile(r"(?<![\w/])(?:" + alt + r")(?![\w])", re.IGNORECASE))
        except re.error as exc:  # pragma: no cover - data error
            raise ValueError(f"{lang}/timex_rules.tsv rule {r.name}: {exc}") from exc
        alts.append(alt)
        names.append(gname)
    alternation = r"(?<![\w/])(?:" + "|".join(alts) + r")(?![\w])"
    lookup = {k: {str(w).lower(): v for w, v in t.items()} for k, t in lex.items() if isinstance(t, dict)}
    if base == lang:
        dispatch, always, keys = _index(rules, pmacros, lex)
    else:
        dispatch, always, keys = _stripped_index(load(base))
    if always:
        # a word start, or an apostrophe starting one ("the 1980s and '90s")
        trigger = re.compile(r"[^\w/](?=[\w'])")
    else:
        # Why a consumed separator on padded lowercase text rather than ``(?<![\w/])(?=trie)`` with
        # IGNORECASE: the same matches, at about 40 % of the cost (no case folding per character).
        trigger = re.compile(r"[^\w/](?=" + _trie(sorted(keys)) + ")")
    return Grammar(lang, lex, rules, alternation, names, lookup, compiled, dispatch, always, trigger,
                   frozenset(keys))


def _index(rules: list[Rule], pmacros: dict[str, str], lex: dict[str, dict[str, Any]]
           ) -> tuple[dict[str, list[int]], list[int], set[str]]:
    """Where each rule can start: the dispatch table (first characters -> rules, in priority
    order), the rules tried at every word start, and the trigger keys (the costly part of a load:
    both walk every rule's parsed pattern)."""
    dispatch: dict[str, list[int]] = {}
    always: list[int] = []
    keys: set[str] = set()
    for i, r in enumerate(rules):
        pat = r.pattern
        for mname in sorted(pmacros, key=len, reverse=True):
            pat = pat.replace(mname, pmacros[mname])
        one = r"(?<![\w/])(?:" + expand(pat, lex) + r")(?![\w])"
        starts = start_prefixes(one)
        if starts is None:
            always.append(i)
        else:
            for pre in starts:
                dispatch.setdefault(pre, []).append(i)
            # the trigger is more selective than the dispatch key: up to TRIGGER_DEPTH characters
            longer = trigger_keys(one)
            keys.update(longer if longer is not None else starts)
    return dispatch, always, keys


def _stripped_index(g: Grammar) -> tuple[dict[str, list[int]], list[int], set[str]]:
    """:func:`_index` of the grammar without diacritics, derived from that of ``g`` (the grammar
    with them): its rules are ``g``'s, in the same order, with every mark taken off one character
    for one, so a rule can start with a stripped string exactly when ``g``'s rule can start with
    one that strips to it.  Walking the stripped patterns again gave the same tables (a test
    compares the two) and cost more than half of that grammar's load."""
    merged: dict[str, set[int]] = {}
    for pre, idx in g.dispatch.items():
        merged.setdefault(diacritics.strip(pre), set()).update(idx)
    dispatch = {pre: sorted(idx) for pre, idx in merged.items()}
    return dispatch, list(g.always), {diacritics.strip(k) for k in g.trigger_keys}


def _trie(keys: list[str]) -> str:
    """A regex matching any of ``keys`` as a prefix, shaped as a trie so the engine branches by
    character instead of trying thousands of alternatives."""
    tree: dict[str, Any] = {}
    for key in keys:
        node = tree
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def esc(ch: str) -> str:
        if ch == _TOK_DIGITS:
            return r"\d+"
        return r"\d" if ch == _TOK_DIGIT else r"\s" if ch == _TOK_SPACE else re.escape(ch)

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a shorter key already matches: any continuation is fine
        parts = [esc(ch) + emit(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(tree)


# --------------------------------------------------------------------------- start prefixes

K = 3  # dispatch key length
#: trigger keys look this many characters (tokens) ahead, the deepest that stays under the cap
TRIGGER_DEPTHS = (8,)
_TOK_DIGIT = "\x01"  # trigger-key token: any digit
_TOK_SPACE = "\x02"  # trigger-key token: any whitespace
_TOK_DIGITS = "\x03"  # trigger-key token: a run of digits (``\d+``)
_TRIGGER_CAP = 3000
_DIGITS = set("0123456789")
_SPACES = set(" \t\n\r\f\v\u00a0")
_CAP = 8000


def start_prefixes(pattern: str, k: int = K) -> set[str] | None:
    """Every lowercase string of length <= k a match of ``pattern`` can start with, or None when
    that set is unbounded (``.``, ``\\w`` in first position).  Why: the temporal stage tries
    only the rules that can start with the next word's first characters, which makes it an
    order of magnitude faster than one big alternation tried at every word."""
    got = _prefix_seq(_parsed(pattern), k)
    if got is None:
        return None
    return {p[:k] for p in got}


@lru_cache(maxsize=4)
def _parsed(pattern: str) -> list[Any]:
    """The regex parser's tree of ``pattern`` (IGNORECASE), read by both walkers: :func:`load`
    asks :func:`start_prefixes` and then :func:`trigger_keys` about each rule, which parsed it
    twice (a fifth of the load).  The walkers only read the tree."""
    return list(_sre_parser.parse(pattern, re.IGNORECASE))


def _prefix_seq(items: Any, need: int) -> set[str] | None:
    """Prefixes (up to ``need`` characters) of a sequence of parsed regex items."""
    cur = {""}
    for it in items:
        done = {p for p in cur if len(p) >= need}
        todo = {p for p in cur if len(p) < need}
        if not todo:
            return cur
        nxt = set(done)
        by_need: dict[int, set[str] | None] = {}  # the item's prefixes depend only on the need left
        for p in todo:
            left = need - len(p)
            if left not in by_need:
                by_need[left] = _prefix_item(it, left)
            sub = by_need[left]
            if sub is None:
                return None
            for s_ in sub:
                nxt.add(p + s_)
        if len(nxt) > _CAP:
            return None
        cur = nxt
    return cur


def _prefix_item(it: Any, need: int) -> set[str] | None:
    """Prefixes of one parsed regex item; None when unbounded."""
    op, av = it
    if op is _C.LITERAL:
        return {chr(av).lower()}
    if op is _C.IN:
        return _prefix_class(av)
    if op is _C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            sub = _prefix_seq(alt, need)
            if sub is None:
                return None
            out |= sub
        return out
    if op is _C.SUBPATTERN:
        return _prefix_seq(av[3], need)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        return _prefix_repeat(av, need)
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {""}
    return None


def _prefix_class(av: Any) -> set[str] | None:
    """The characters of a class ``[...]``; None for a wide range or a category but digits/spaces."""
    chars: set[str] = set()
    for sop, sav in av:
        if sop is _C.LITERAL:
            chars.add(chr(sav).lower())
        elif sop is _C.RANGE:
            if sav[1] - sav[0] > 40:
                return None
            chars.update(chr(c).lower() for c in range(sav[0], sav[1] + 1))
        elif sop is _C.CATEGORY and sav is _C.CATEGORY_DIGIT:
            chars |= _DIGITS
        elif sop is _C.CATEGORY and sav is _C.CATEGORY_SPACE:
            chars |= _SPACES
        else:
            return None
    return chars


def _prefix_repeat(av: Any, need: int) -> set[str] | None:
    """Prefixes of ``body{lo,hi}``: every count from ``lo`` up to what fills ``need`` characters."""
    lo, hi, body = av
    out = {""} if lo == 0 else set()
    cur: set[str] | None = {""}
    for n in range(1, min(hi, need) + 1):
        cur = _prefix_seq(list(body) * 1, need) if n == 1 else {a + b for a in cur for b in (_prefix_seq(body, need) or set())}  # type: ignore[union-attr]
        if cur is None:
            return None
        if n >= lo:
            out |= cur
    if lo > need:
        out |= cur  # type: ignore[arg-type]
    return {p[:need] for p in out}


def _tok(ch: str) -> str:
    if ch in "0123456789":
        return _TOK_DIGIT
    if ch in _SPACES:
        return _TOK_SPACE
    return ch.lower()


def trigger_keys(pattern: str, depth: int | None = None) -> set[str] | None:
    """:func:`trigger_keys_at` at the deepest of :data:`TRIGGER_DEPTHS` whose key set stays under
    the cap (each rule gets its own depth: short fixed words go deep, number patterns stop early)."""
    if depth is not None:
        return trigger_keys_at(pattern, depth)[0]
    best: set[str] | None = None
    for d in TRIGGER_DEPTHS:
        keys, cut = trigger_keys_at(pattern, d)
        if not cut or d == TRIGGER_DEPTHS[-1]:
            return keys
        best = best or keys
    return best


def trigger_keys_at(pattern: str, depth: int) -> tuple[set[str] | None, bool]:
    """Keys (lowercase characters and the digit/space tokens) that every match of ``pattern``
    starts with; a key shorter than ``depth`` means "anything may follow".  None when the first
    character is unbounded (``\\w``, ``.``).  The flag says whether the cap cut some branch short.

    Why: most word starts that a 3-character dispatch key lets through fail (``în ``, numbers,
    ``mai``); looking up to 8 characters ahead in one C-level trie regex leaves the Python loop a
    third of the candidates.  Unlike :func:`start_prefixes`, a class that would make the set explode
    (a digit run, a large range, a sub-pattern past the cap) only stops that branch: digits and
    whitespace are single tokens, and a branch cut short keeps its prefix as a key.
    """
    walk = _KeyWalk()
    got = walk.seq(_parsed(pattern), depth)
    if any(p == "" for p, _ in got):
        return None, walk.cut
    return {p for p, _ in got}, walk.cut


_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_Pre = set[tuple[str, bool]]  # (prefix, closed: nothing more is known about what follows)


class _KeyWalk:
    """The walk of :func:`trigger_keys_at` over a parsed pattern; ``cut`` records whether the cap
    stopped some branch early."""

    def __init__(self) -> None:
        self.cut = False
        #: (id of a parsed item or sequence, need, kind) -> (that object, its keys).  Why: the keys
        #: of a part depend only on the part and on how many characters are still needed, and
        #: ``extend`` asks for the same part once per open prefix (after "{NUM}", hundreds of
        #: prefixes of each length): remembering them made loading the Romanian grammar about
        #: twice as fast, with the same keys.  The object is kept so its id is not reused.
        self.memo: dict[tuple[int, int, bool], tuple[Any, _Pre]] = {}

    @staticmethod
    def done(cur: _Pre, need: int) -> bool:
        return all(c or len(p) >= need for p, c in cur)

    def extend(self, cur: _Pre, it: Any, need: int, body: bool) -> _Pre:
        """Every open prefix of ``cur`` continued by ``it`` (a sequence when ``body``)."""
        nxt: _Pre = set()
        for p, c in cur:
            if c or len(p) >= need:
                nxt.add((p, c))
                continue
            sub = self.keys_of(it, need - len(p), body)
            for s_, c2 in sub:
                nxt.add((p + s_, c2))
        return nxt

    def keys_of(self, it: Any, need: int, body: bool) -> _Pre:
        """:meth:`seq` (``body``) or :meth:`item` of ``it``, each computed once per ``need``
        (callers only read the set returned)."""
        key = (id(it), need, body)
        got = self.memo.get(key)
        if got is None:
            got = self.memo[key] = (it, self.seq(it, need) if body else self.item(it, need))
        return got[1]

    def seq(self, items: Any, need: int) -> _Pre:
        cur: _Pre = {("", False)}
        items = list(items)
        for i, it in enumerate(items):
            if self.done(cur, need):
                break
            if it[0] is _C.ASSERT and it[1][0] == 1 and all(o in _ZERO_WIDTH for o, _ in items[i + 1:]):
                # a trailing lookahead ("7(?=-24 februarie)", only zero-width items after it): what
                # follows must match it, so its keys narrow the trigger; closed, since a lookahead
                # consumes nothing and what comes after this sequence would start at the same place
                return {(p, True) for p, _ in self.extend(cur, it[1][1], need, True)}
            nxt = self.extend(cur, it, need, False)
            if len(nxt) > _TRIGGER_CAP:
                self.cut = True
                return {(p, True) for p, _ in cur}
            cur = nxt
        return cur

    def item(self, it: Any, need: int) -> _Pre:
        op, av = it
        if op is _C.LITERAL:
            return {(_tok(chr(av)), False)}
        if op is _C.IN:
            return _key_class(av)
        if op is _C.BRANCH:
            out: _Pre = set()
            for alt in av[1]:
                out |= self.seq(alt, need)
            return out
        if op is _C.SUBPATTERN:
            return self.seq(av[3], need)
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            return self.repeat(av, need)
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            return {("", False)}  # zero-width: ignoring it keeps a superset
        return {("", True)}

    def repeat(self, av: Any, need: int) -> _Pre:
        """Keys of ``body{lo,hi}``, unrolled until the keys are deep enough or stop changing."""
        lo, hi, body = av
        out: _Pre = {("", False)} if lo == 0 else set()
        if lo >= 1 and hi > 1 and self.item(body[0], 1) == {(_TOK_DIGIT, False)} and len(body) == 1:
            # a digit run is one token, so the keys see what follows the number ("3 ani")
            return {(_TOK_DIGITS, False)}
        cur: _Pre = {("", False)}
        n = 0
        while n < hi:
            n += 1
            nxt = self.extend(cur, body, need, True)
            if len(nxt) > _TRIGGER_CAP:
                self.cut = True
                return out | {(p, True) for p, _ in cur}
            same = nxt == cur
            cur = nxt
            if n >= lo or same or self.done(cur, need):
                out |= cur
            if same or self.done(cur, need):
                break
        return out


def _key_class(av: Any) -> _Pre:
    """Tokens of a class ``[...]`` (digits as one token); an open key for a wide one."""
    toks: set[str] = set()
    for sop, sav in av:
        if sop is _C.LITERAL:
            toks.add(_tok(chr(sav)))
        elif sop is _C.RANGE:
            lo, hi = sav
            if 48 <= lo and hi <= 57:
                toks.add(_TOK_DIGIT)
            elif hi - lo > 40:
                return {("", True)}
            else:
                toks.update(_tok(chr(c)) for c in range(lo, hi + 1))
        elif sop is _C.CATEGORY and sav is _C.CATEGORY_DIGIT:
            toks.add(_TOK_DIGIT)
        elif sop is _C.CATEGORY and sav is _C.CATEGORY_SPACE:
            toks.add(_TOK_SPACE)
        else:
            return {("", True)}
    return {(t, False) for t in toks}


def languages() -> list[str]:
    """Languages that ship temporal rules (a language is a folder)."""
    return sorted(code for code, meta in all_languages().items() if (meta.folder / "timex_rules.tsv").exists())
