"""The rules of the house (docs/ARCHITECTURE.md), read from the source with ``ast``: what each
layer may import, no private name imported across modules, small functions."""

from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "cronicar"


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(tree: ast.AST) -> list[tuple[str, list[str]]]:
    """(module, names) of every absolute import in ``tree``, function-level ones included."""
    out: list[tuple[str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
    return out


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "cronicar"


# What each layer may import from the project, besides itself.  The flow is ingest (readers) ->
# analyze (pure, per article) -> link -> store (all SQL) -> serve/export; model.py, text.py and
# the language loader (lang/) sit below all of them.
BASE = {"model", "text", "lang", "cronicar"}
ALLOWED = {
    "model": {"text"},
    "text": set(),
    "lang": BASE,
    "analyze": BASE,
    "ingest": BASE,
    "store": BASE,
    "link": BASE | {"analyze", "store"},
    "export": BASE | {"link", "store"},
    "flow": BASE | {"analyze", "ingest", "link", "store"},
    "serve": BASE | {"export", "flow", "ingest", "link", "store"},
}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_house_layer_imports_only_what_is_below(layer: str) -> None:
    wrong = sorted({f"{mod} imports {target}" for mod, tree in MODULES.items() if _layer(mod) == layer
                    for target, _ in _imports(tree)
                    if target.startswith("cronicar.") and _layer(target) not in ALLOWED[layer] | {layer}})
    assert not wrong, "\n".join(wrong)


def test_house_no_private_name_imported_across_modules() -> None:
    """``from cronicar.x import _name`` in another module: a private name is the module's own."""
    wrong = [f"{mod}: from {target} import {name}" for mod, tree in MODULES.items()
             for target, names in _imports(tree) if target.startswith("cronicar") and target != mod
             for name in names if name.startswith("_") and not name.startswith("__")]
    assert not wrong, "\n".join(wrong)


MAX_LINES = 80
# Functions over MAX_LINES that are allowed anyway: none (the last ones, the quote coreference
# and the time-expression tagger, resolver and rules, were split).  Never add to it.
LONG_ALLOWED: tuple[str, ...] = ()


def _functions(tree: ast.AST, prefix: str = "") -> list[tuple[str, int]]:
    """(qualified name, lines) of every function and method, nested ones included."""
    out = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out.append((prefix + node.name, node.end_lineno - node.lineno + 1))
            out += _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            out += _functions(node, f"{prefix}{node.name}.")
    return out


@pytest.mark.parametrize("layer", ["analyze", "link", "store"])
def test_house_functions_are_short(layer: str) -> None:
    long = [f"{mod}:{name} ({n} lines)" for mod, tree in MODULES.items() if _layer(mod) == layer
            for name, n in _functions(tree) if n > MAX_LINES
            and not any(fnmatch(f"{mod}:{name}", pattern) for pattern in LONG_ALLOWED)]
    assert not long, f"over {MAX_LINES} lines (split them into named steps):\n" + "\n".join(long)


# spaCy builds a new Token object on every access (``tok.head``, ``doc[i]``), so ``tok.head is
# tok`` is never true and ``is not`` always is: a check that cannot fail.  Tokens compare by ``==``.
TOKEN_ATTRIBUTES = {"head", "left_edge", "right_edge", "root"}


def _token_identity_checks(tree: ast.AST) -> list[int]:
    """Lines comparing a token attribute by identity (``x.head is y``, ``y is not x.head``)."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Compare)
            and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops)
            and any(isinstance(side, ast.Attribute) and side.attr in TOKEN_ATTRIBUTES
                    for side in [node.left, *node.comparators])
            and not any(isinstance(side, ast.Constant) and side.value is None
                        for side in [node.left, *node.comparators])]


def test_house_tokens_compare_by_value() -> None:
    found = [f"{mod}:{line}" for mod, tree in MODULES.items() for line in _token_identity_checks(tree)]
    assert not found, "spaCy tokens compared with 'is' (never true; use ==):\n" + "\n".join(found)


def test_house_rules_catch_what_they_forbid() -> None:
    """The checks above find a violation when one is there (a parsed snippet, not the tree)."""
    bad = ast.parse("from cronicar.analyze.quotes.lexicon import _key\nfrom cronicar.serve import app\n"
                    "def f():\n" + "    x = 1\n" * (MAX_LINES + 1))
    assert ("cronicar.analyze.quotes.lexicon", ["_key"]) in _imports(bad)
    assert _layer("cronicar.serve") not in ALLOWED["store"]
    assert _functions(bad) == [("f", MAX_LINES + 2)]
    assert _token_identity_checks(ast.parse("if t.head is t or u is not v.root:\n    pass\nok = t.head is None")) == [1, 1]
