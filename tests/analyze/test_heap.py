"""The malloc limits the parser runs under (analyze/heap.py): memory freed by one batch is reused
by the next instead of being returned to the kernel and faulted in again page by page.

Each case runs in a fresh interpreter, because the limits are per process and cannot be unset."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                                reason="malloc limits are glibc's")

# Blocks of 1-13 MB allocated and freed in turn, as the parser's batches do: the minor page faults
# of a second round (after a first one warmed the heap up), against the pages it touches.
CHURN = """
import resource, sys
{setup}
def churn():
    for i in range(60):
        blocks = [bytearray(((i * 7) % 13 + 1) << 20) for _ in range(3)]
        del blocks
churn()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
churn()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""
PAGES_TOUCHED = sum(3 * (((i * 7) % 13 + 1) << 20) for i in range(60)) // 4096


def _faults(setup: str) -> int:
    out = subprocess.run([sys.executable, "-c", CHURN.format(setup=setup)], capture_output=True, text=True,
                         check=True)
    return int(out.stdout.strip())


@pytest.mark.parametrize(("setup", "most", "least"), [
    # glibc's own limits: most blocks are unmapped or trimmed when freed and faulted in again.
    ("", None, 0.25),
    # the limits cronicar sets before loading a spaCy pipeline: the second round reuses the heap.
    ("from cronicar.analyze.heap import keep_freed_memory\nassert keep_freed_memory()", 0.01, None),
    # through the pipeline loader itself, as an ingest does (a blank pipeline loads fast).
    ("from cronicar.analyze.nlp import get_nlp\nget_nlp('xx')", 0.01, None),
])
def test_heap_freed_blocks_are_reused_not_faulted_again(setup: str, most: float | None,
                                                        least: float | None) -> None:
    share = _faults(setup) / PAGES_TOUCHED
    if most is not None:
        assert share <= most, f"{share:.1%} of the pages touched faulted again"
    if least is not None:
        assert share >= least, f"only {share:.1%} faulted: the churn no longer shows glibc's default"


def test_heap_limits_set_once_and_report_in_effect() -> None:
    from cronicar.analyze.heap import keep_freed_memory

    assert keep_freed_memory() is True
    assert keep_freed_memory() is True


# A process that grew with blocks of a few MB and freed them keeps them resident (the limits
# above); released above a limit, it gives them back; under the limit, it keeps them.
RELEASE = """
import resource
from cronicar.analyze.heap import keep_freed_memory, release_above, resident_bytes
keep_freed_memory()
blocks = [bytearray(8 << 20) for _ in range(24)]   # 192 MB in blocks under the mmap threshold
for b in blocks:
    b[::4096] = b"x" * len(b[::4096])
keep = bytearray(1 << 20)  # allocated last: the top of the heap stays in use, only holes below it
del blocks
grown = resident_bytes()
kept = release_above(grown + (64 << 20))
after_kept = resident_bytes()
released = release_above(64 << 20)
print(grown, kept, after_kept, released, resident_bytes())
"""


def test_heap_release_above_gives_holes_back_only_past_the_limit() -> None:
    out = subprocess.run([sys.executable, "-c", RELEASE], capture_output=True, text=True, check=True)
    grown, kept, after_kept, released, after = out.stdout.split()
    assert kept == "False" and int(after_kept) >= int(grown) - (16 << 20)  # under the limit: kept
    assert released == "True" and int(after) < int(grown) - (128 << 20)  # past it: given back
