"""Shared fixtures: the real Romanian pipeline (loaded once) and the ../shared data folder.

Tests that need ``../shared`` skip cleanly when it is absent (a clone without the data).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path to ../shared; skips the test when the folder is not beside the project."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture(scope="session")
def examples() -> Path:
    """The bundled demo articles (copies of the two seeds)."""
    return EXAMPLES


@pytest.fixture(scope="session")
def nlp_ro():
    """The ro-legal-fl pipeline, loaded once for the whole session."""
    from cronicar.analyze.nlp import get_nlp

    return get_nlp("ro")


@pytest.fixture(scope="session")
def seed_analyses(examples):
    """Both demo articles analyzed once (the expensive part of many tests)."""
    from cronicar.analyze.pipeline import analyze_batch
    from cronicar.ingest import read_paths

    articles = [a for a in read_paths([examples]) if not isinstance(a, Exception)]
    articles.sort(key=lambda a: a.date)
    return list(zip(articles, analyze_batch((a.text, a.date, a.lang) for a in articles)))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test of tests/test_eval_*.py ``eval``: the score floors, minutes on the gold sets.

    CI runs them all (the README's test command selects no marker); a local loop can skip them
    with ``pytest -m "not eval"``.
    """
    for item in items:
        if item.path.name.startswith("test_eval_"):
            item.add_marker(pytest.mark.eval)
