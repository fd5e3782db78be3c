"""The per-article analysis is a pure function: the same in every process, whatever Python's
hash seed (worker processes and Spark executors each have their own)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"

# From a Ziarul Financiar article: two full names as long as each other, then the short form.
PROBE = """
from cronicar.analyze.entities import resolve_short_forms
from cronicar.model import EntityMention
ms = [EntityMention(18, 31, "Mareea Comtur", "PERSON", "Mareea Comtur"),
      EntityMention(2377, 2390, "Mareea Hotels", "PERSON", "Mareea Hotels"),
      EntityMention(4043, 4049, "Mareea", "PERSON", "Mareea")]
resolve_short_forms(ms, "ro")
print(ms[2].canonical)
"""


@pytest.mark.parametrize("seed", ["0", "1", "2", "3", "4", "5"])
def test_entities_short_form_tie_is_the_first_mentioned_whatever_the_hash_seed(seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(SRC)}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Mareea Comtur"
