"""The README documents every CLI command and option (datasette's docs-cover-everything test)."""

from pathlib import Path

from cronicar.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices


def test_docs_cover_every_command():
    missing = [name for name in _subcommands() if f"cronicar {name}" not in README]
    assert not missing, f"README does not mention: {missing}"


def test_docs_cover_every_option():
    missing = []
    for name, sub in _subcommands().items():
        for act in sub._actions:
            for opt in act.option_strings:
                if opt.startswith("--") and opt not in {"--help"} and opt not in README:
                    missing.append(f"{name} {opt}")
    assert not missing, f"README does not mention: {missing}"


def test_docs_readme_commands_match_ci():
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    test_cmd = 'python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest'
    assert test_cmd in README and test_cmd in ci
