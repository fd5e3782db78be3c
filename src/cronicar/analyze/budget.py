"""Per-article time and memory budgets: the last resort against inputs that cost hours.

The analysis and the linking are built to be near-linear in an article's length (bounded
look-ahead in the quote finder, long punctuation runs cut before spaCy's tokenizer, names indexed
by word instead of compared pairwise, bounded candidates in linking).  A budget still guards every
article, because an adversarial text can find a path nobody measured: code in long loops calls
:func:`check`, which raises :class:`TooComplex` once the article has used more CPU time or memory
than allowed.  The caller turns it into a per-record error ("article too complex: ...") and the
rest of the batch goes on.

CPU time is the thread's (``time.thread_time``), so a shared machine's load does not refuse an
article, and concurrent server requests do not count against each other.  Memory is the growth
of the process's resident set since the article began (read from /proc, where available).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

CPU_SECONDS = 4.0  # per article, analysis and linking together (an ordinary article takes ~0.1 s)
MEMORY_MB = 1024  # resident growth per article (an ordinary article adds a few MB)


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class TooComplex(Exception):
    """An article exceeded its budget; ``str()`` is the one-line reason."""


class AnalysisFailed(TooComplex):
    """An analysis step raised on one article (a bug the text revealed): the article is refused
    like one over its budget, with a one-line reason naming the step, so one record never aborts
    a batch; the original exception is the ``__cause__``."""


def rss_mb() -> float:
    """The process's current resident set in MB (0.0 where /proc is unavailable)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * _PAGE / 2**20


@dataclass
class Budget:
    cpu_seconds: float = CPU_SECONDS
    memory_mb: float = MEMORY_MB
    started: float = field(default_factory=time.thread_time)
    rss_start: float = field(default_factory=rss_mb)
    calls: int = 0

    def check(self, where: str) -> None:
        """Raise :class:`TooComplex` if over budget.  Memory is read every 16th call (a /proc read
        costs ~20 µs; a CPU clock read ~1 µs)."""
        spent = time.thread_time() - self.started
        if spent > self.cpu_seconds:
            raise TooComplex(f"article too complex: more than {self.cpu_seconds:g} CPU-seconds "
                             f"(stopped in {where})")
        self.calls += 1
        if self.calls % 16 == 1:
            grown = rss_mb() - self.rss_start
            if grown > self.memory_mb:
                raise TooComplex(f"article too complex: more than {self.memory_mb:,.0f} MB of memory "
                                 f"(stopped in {where})")


_current: ContextVar[Budget | None] = ContextVar("cronicar_budget", default=None)


@contextmanager
def article_budget(cpu_seconds: float | None = None, memory_mb: float | None = None) -> Iterator[Budget]:
    """Run the block under a fresh per-article budget (nested blocks get their own); the
    defaults are :data:`CPU_SECONDS` and :data:`MEMORY_MB` as set when the block starts."""
    budget = Budget(CPU_SECONDS if cpu_seconds is None else cpu_seconds,
                    MEMORY_MB if memory_mb is None else memory_mb)
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def discount(seconds: float) -> None:
    """Do not count ``seconds`` just spent against the current article (work done for others)."""
    budget = _current.get()
    if budget is not None:
        budget.started += seconds


def check(where: str) -> None:
    """Raise :class:`TooComplex` if the current article is over budget (no budget: no-op)."""
    budget = _current.get()
    if budget is not None:
        budget.check(where)
