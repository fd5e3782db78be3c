"""Keep the memory the parser frees for the next batch instead of giving it back to the kernel.

Why: spaCy allocates and frees arrays of a few MB for every batch it parses.  glibc's malloc
returns such blocks to the kernel (``munmap``, or trimming the top of the heap) and takes fresh
pages for the next batch, and each fresh page costs a page fault (kernel time, zeroing 4 KB).
With batches bounded at :data:`~cronicar.analyze.nlp.BATCH_TOKENS` tokens, 300 Ziarul Financiar
articles took 783,000 minor page faults and 3.8 CPU-s of kernel time; with the limits below,
137,000 and 1.6 CPU-s, the same peak resident set (760 MB) and the same output
(benchmarks/results/ingest_speed.md).  The cost: a process keeps up to :data:`TRIM_BYTES` of freed
heap resident after its peak instead of shrinking, which does not raise the peak itself.

A process that analyzes many articles (a ``--jobs N`` worker) also keeps the holes its largest
batches left inside the heap: its resident set ratchets up to the worst batch it met and stays
there, so over a long ingest every worker sits near its own worst case at once.
:func:`release_above` gives the free pages back, but only when the process has grown past a
limit above what ordinary batches need, so the page faults the limits above save are not paid
again after every batch.

glibc only (Linux); elsewhere nothing changes.
"""

from __future__ import annotations

import ctypes
import os
import platform
import sys

# mallopt(3) parameter numbers, from glibc's <malloc.h>.
_M_TRIM_THRESHOLD = -1
_M_TOP_PAD = -2
_M_MMAP_THRESHOLD = -3

#: Blocks up to this size come from the heap and are reused; larger ones are mapped and unmapped
#: each time.  32 MB is glibc's own ceiling for the threshold it adapts by itself; setting any
#: limit stops that adaptation, so all three are set together.
MMAP_BYTES = 32 << 20
#: Free memory at the top of the heap is given back only beyond this.
TRIM_BYTES = 256 << 20
#: How much more the heap grows by than asked, so growing again is rare.
TOP_PAD_BYTES = 64 << 20

#: A worker's resident set beyond which its free heap pages are given back after a task: above
#: the ~720 MB that a process holding the Romanian pipeline reaches on ordinary Ziarul Financiar
#: batches (the model ~340 MB, parse arrays and lazily loaded data the rest).
RELEASE_ABOVE_BYTES = 800 << 20

_done: list[bool] = []


def keep_freed_memory() -> bool:
    """Set the process's malloc limits (once); return whether they are in effect."""
    if not _done:
        _done.append(_set_limits())
    return _done[0]


def _set_limits() -> bool:
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    # The threshold first: with it set, glibc no longer raises the trim limit by itself.
    return all(mallopt(param, value) == 1 for param, value in (
        (_M_MMAP_THRESHOLD, MMAP_BYTES), (_M_TRIM_THRESHOLD, TRIM_BYTES), (_M_TOP_PAD, TOP_PAD_BYTES)))


def resident_bytes() -> int:
    """This process's resident set (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def release_above(limit: int = RELEASE_ABOVE_BYTES) -> bool:
    """Give the heap's free pages back to the kernel (``malloc_trim``) when the resident set is
    above ``limit``; return whether it did.  glibc only."""
    if not keep_freed_memory() or resident_bytes() <= limit:
        return False
    ctypes.CDLL(None).malloc_trim(0)
    return True
