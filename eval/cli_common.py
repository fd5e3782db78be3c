"""What every scorer's command line does after scoring: ``--check`` prints the figures under their
pinned floors (exit 1 when there are any), ``--json`` prints the results; otherwise the scorer
prints its own table."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def check_or_json(results: Any, check: Callable[[], list[str]] | None, as_json: bool) -> int | None:
    """Exit code for ``--check`` / ``--json``; None when the caller should print its table."""
    if check is not None:
        low = check()
        print("\n".join(low) or "all floors met")
        return 1 if low else 0
    if as_json:
        print(json.dumps(results, indent=1))
        return 0
    return None
