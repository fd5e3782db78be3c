"""Score floors only go up: no floor in eval/floors_*.json is lower than in the commit before.

The working tree is compared with HEAD, and HEAD with its parent, so a lowered floor fails both
before it is committed and in the commit that lowered it.  A floor that disappears counts as
lowered.  Skips where there is no git history (an exported tarball, a shallow clone).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOOR_FILES = sorted((ROOT / "eval").glob("floors_*.json"))


def _git_json(rev: str, rel: str) -> dict | None:
    """The floors file ``rel`` as it was at ``rev``; None where git or the revision lacks it."""
    try:
        out = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, capture_output=True,
                             text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return json.loads(out.stdout) if out.returncode == 0 else None


def _leaves(floors: dict, prefix: str = "") -> Iterator[tuple[str, float]]:
    """Every numeric floor as (dotted path, value); comments and text are not floors."""
    for key, value in floors.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _leaves(value, path + ".")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            yield path, float(value)


def lowered(before: dict, after: dict) -> list[str]:
    """The floors of ``before`` that ``after`` lowers or drops, as readable lines."""
    now = dict(_leaves(after))
    return [f"{path}: {value} -> {now.get(path, 'removed')}"
            for path, value in _leaves(before) if now.get(path, float("-inf")) < value]


def test_lowered_detects_a_lower_and_a_removed_floor() -> None:
    before = {"_comment": "x", "ro-dev": {"speaker_f1": 0.935, "detection_f1": 0.955}}
    after = {"_comment": "y", "ro-dev": {"speaker_f1": 0.934}}
    assert lowered(before, after) == ["ro-dev.speaker_f1: 0.935 -> 0.934", "ro-dev.detection_f1: 0.955 -> removed"]
    assert lowered(before, {"ro-dev": {"speaker_f1": 0.94, "detection_f1": 0.955, "new": 0.5}}) == []


@pytest.mark.parametrize("path", FLOOR_FILES, ids=lambda p: p.name)
def test_no_floor_is_lower_than_in_the_commit_before(path: Path) -> None:
    rel = path.relative_to(ROOT).as_posix()
    head, parent = _git_json("HEAD", rel), _git_json("HEAD~1", rel)
    if head is None and parent is None:
        pytest.skip(f"no git history for {rel}")
    current = json.loads(path.read_text(encoding="utf-8"))
    problems = (lowered(head, current) if head else []) + (lowered(parent, head) if parent and head else [])
    assert problems == [], f"{rel}: floors only go up: {problems}"
