"""Fixtures of the serve tests: a store of the two seed articles and a client over it, one per
test module (a module that writes gets its own store; one that needs another store defines its
own ``db`` or ``client``, which takes precedence)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cronicar.serve.app import create_app
from test_serve_seed import seed_db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    path = tmp_path_factory.mktemp("seed") / "t.db"
    seed_db(path, examples)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))
