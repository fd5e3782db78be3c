"""Load a language's temporal knowledge (lexicon + rules, both DATA) and compile it once.

Why one combined regex: the temporal stage must run thousands of articles per second, so all
rules of a language are compiled into ONE alternation ``(?P<r0>...)|(?P<r1>...)|...`` scanned
once per text; rule order in ``timex_rules.tsv`` is priority order (the first alternative that
matches at the leftmost position wins, so specific rules come before general ones).

Files, in ``src/cronicar/lang/<code>/``:
- ``timex_lexicon.json``: word tables (months, weekdays, number words, units, seasons, parts of
  day, modifiers, ordinals, relative words, deictic days).  Its ``_meta`` key documents it.
- ``timex_rules.tsv``: ``name  handler  params  pattern  example_dct  example  expected``; a
  pattern may use ``{MACRO}`` names expanded from the lexicon (see :data:`MACROS`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).resolve().parents[2] / "lang"

#: macro name -> lexicon table whose keys become an alternation
MACROS = {
    "MONTH": "months",
    "MONTHABBR": "month_abbr",
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
    regex: re.Pattern[str]
    group_names: list[str] = field(default_factory=list)  # per rule: its outer group name
    lookup: dict[str, dict[str, Any]] = field(default_factory=dict)  # lowercased tables


def _alt(keys: list[str]) -> str:
    """Longest-first alternation; spaces in keys match any whitespace."""
    parts = sorted({k for k in keys if k}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in parts) + ")"


def _read_rules(path: Path, macros: dict[str, str] | None = None) -> list[Rule]:
    """Rules in file order; ``@NAME<TAB>pattern`` lines define pattern macros (``@NAME`` in patterns)."""
    rules: list[Rule] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
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
            return rf"(?:\d+(?:[.,]\d+)?|{words}(?:\s+(?:și|and|y)\s+{words})?)"
        if name == "YEAR":
            return r"(?:1[89]\d\d|20\d\d)"
        table = MACROS.get(name)
        if table is None:
            return m.group(0)
        return _alt(list(lex.get(table, {})))

    return re.sub(r"\{([A-Z]+)\}", sub, pattern)


def _rename_groups(pattern: str, prefix: str) -> str:
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{prefix}_{m.group(1)}>", pattern)


@lru_cache(maxsize=None)
def load(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (cached: loaded once per process)."""
    folder = LANG_DIR / lang
    lex = json.loads((folder / "timex_lexicon.json").read_text(encoding="utf-8"))
    lex.pop("_meta", None)
    pmacros: dict[str, str] = {}
    rules = _read_rules(folder / "timex_rules.tsv", pmacros)
    alts = []
    names = []
    for i, r in enumerate(rules):
        gname = f"r{i}"
        pat = r.pattern
        for mname in sorted(pmacros, key=len, reverse=True):
            pat = pat.replace(mname, pmacros[mname])
        body = _rename_groups(expand(pat, lex), gname)
        # validate each rule alone so a broken pattern names itself
        try:
            re.compile(body)
        except re.error as exc:  # pragma: no cover - data error
            raise ValueError(f"{lang}/timex_rules.tsv rule {r.name}: {exc}") from exc
        alts.append(f"(?P<{gname}>{body})")
        names.append(gname)
    big = r"(?<![\w/])(?:" + "|".join(alts) + r")(?![\w])"
    regex = re.compile(big, re.IGNORECASE)
    lookup = {k: {str(w).lower(): v for w, v in t.items()} for k, t in lex.items() if isinstance(t, dict)}
    return Grammar(lang, lex, rules, regex, names, lookup)


def languages() -> list[str]:
    """Languages that ship temporal rules (a language is a folder)."""
    return sorted(p.parent.name for p in LANG_DIR.glob("*/timex_rules.tsv"))
