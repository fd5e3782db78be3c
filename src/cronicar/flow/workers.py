"""Analysis in this process or in ``jobs`` worker processes, results in input order.

The analysis is a pure function of (text, date, language), so it can run anywhere; each worker
process loads the spaCy pipeline once (``analyze.nlp.get_nlp`` caches it per process) and
analyzes one sub-batch of :data:`cronicar.flow.BATCH` articles per task.  Both paths cut the same
sub-batches (spaCy batches the same texts together), so ``--jobs 1`` and ``--jobs N`` give the
same analyses.

Workers are forked from a forkserver, a fresh interpreter that has loaded the pipeline once
(:mod:`cronicar.flow.zygote`), so the model's pages are shared copy-on-write by all workers instead
of loaded N times.  They are not forked from this process: the writer holds an open SQLite
connection and threads, which a fork would copy.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from itertools import chain, islice
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext

from cronicar.analyze.budget import TooComplex, article_budget
from cronicar.model import Analysis, Article, DocDate

Item = tuple[str, DocDate | None, str | None]

# Tasks queued per worker ahead of the writer: enough to keep every worker busy while the writer
# links, few enough that memory stays bounded (a task holds BATCH articles and their analyses).
AHEAD = 3
# An input smaller than this (the demo's two articles, one POST) is analyzed in the process: not
# worth N spaCy loads.  The result is the same either way.
SMALL = 48


def worker_context() -> BaseContext:
    """Forkserver whose server process preloads the analysis (:mod:`cronicar.flow.zygote`); where
    there is no forkserver (not POSIX), spawned workers that each load it."""
    if "forkserver" not in get_all_start_methods():
        return get_context("spawn")
    ctx = get_context("forkserver")
    ctx.set_forkserver_preload(["cronicar.flow.zygote"])
    return ctx


def _start_forkserver() -> None:
    """Start the forkserver now (it preloads the analysis): a pool starts it only at its first
    task, and waits for its loading there."""
    ctx = worker_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def default_jobs() -> int:
    """The cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_articles(items: list[Item], batch_size: int) -> list[Analysis | TooComplex]:
    """One task: analyze a sub-batch of (text, date, lang), in order (runs in a worker), each
    article under its time and memory budget: one over it comes back as its TooComplex."""
    # Imported here, not at the top: the writer of ``--jobs N`` imports this module but never
    # parses, and spaCy's import is ~0.5 CPU-s and ~100 MB it would pay before reading a line.
    from cronicar.analyze.pipeline import analyze_batch

    results = analyze_batch(items, batch_size=batch_size)
    out: list[Analysis | TooComplex] = []
    for _ in items:
        with article_budget():
            out.append(next(results))
    return out


def _items(articles: list[Article]) -> list[Item]:
    return [(a.text, a.date, a.lang) for a in articles]


def _sub_batches(windows: Iterable[list[Article]], size: int) -> Iterator[list[Article]]:
    for window in windows:
        for i in range(0, len(window), size):
            yield window[i:i + size]


def analyzed(windows: Iterable[list[Article]], jobs: int, batch: int,
             executor: Executor | None = None) -> Iterator[tuple[Article, Analysis | TooComplex]]:
    """(article, analysis) for every article of every window, in order.

    ``executor``: where the sub-batches run instead of ``jobs`` local worker processes (Spark's
    executors, :class:`cronicar.flow.spark.SparkTasks`); ``jobs`` is then how many of them work at
    once.  It is always used, even for a small input: whoever passes one asked for it."""
    windows = iter(windows)
    if jobs > 1 and executor is None:
        first = next(windows, [])
        if len(first) >= SMALL:
            # The workers' process loads spaCy (~1.5 s) while this one reads the next window.
            _start_forkserver()
        second = next(windows, None)
        if second is None and len(first) < SMALL:
            jobs = 1
        windows = chain([first], [] if second is None else [second], windows)
    if executor is not None:
        yield from _pipelined(executor, windows, max(1, jobs), batch)
    elif jobs <= 1:
        for sub in _sub_batches(windows, batch):
            yield from zip(sub, analyze_articles(_items(sub), batch))
    else:
        with ProcessPoolExecutor(jobs, mp_context=worker_context()) as pool:
            yield from _pipelined(pool, windows, jobs, batch)


def analyze_sub_batches(subs: list[list[Item]], batch_size: int) -> list[list[Analysis | TooComplex]]:
    """One task of several sub-batches, each analyzed as :func:`analyze_articles` does alone (in a
    worker process: a local one or a Spark executor's)."""
    from cronicar.analyze.heap import release_above

    out = [analyze_articles(items, batch_size) for items in subs]
    # A worker that grew past its usual size gives the holes back (analyze/heap.py); the process
    # of ``--jobs 1`` never comes here, its writer's memory would count against the limit.
    release_above()
    return out


def _pipelined(executor: Executor, windows: Iterable[list[Article]], jobs: int,
               batch: int) -> Iterator[tuple[Article, Analysis | TooComplex]]:
    """Sub-batches submitted to ``executor``, at most :data:`AHEAD` tasks per worker ahead of the
    consumer (the writer), results yielded in submission order.  An executor whose tasks cost more
    to start (a Spark job) says how many sub-batches one task takes at most
    (``sub_batches_per_task``) and how many tasks per worker to keep ahead (``tasks_ahead``)."""
    per_task = max(1, getattr(executor, "sub_batches_per_task", 1))
    ahead = max(1, getattr(executor, "tasks_ahead", AHEAD))
    pending: deque[tuple[list[list[Article]], Future[list[list[Analysis | TooComplex]]]]] = deque()

    def done_first() -> Iterator[tuple[Article, Analysis | TooComplex]]:
        subs, future = pending.popleft()
        for sub, analyses in zip(subs, future.result()):
            yield from zip(sub, analyses)

    groups = _task_groups(_sub_batches(windows, batch), per_task, jobs)
    for group in groups:
        pending.append((group, executor.submit(analyze_sub_batches, [_items(s) for s in group], batch)))
        while len(pending) > ahead * jobs:
            yield from done_first()
    while pending:
        yield from done_first()


def _task_groups(subs: Iterator[list[Article]], per_task: int, jobs: int) -> Iterator[list[list[Article]]]:
    """The sub-batches grouped into tasks of at most ``per_task``, in order.

    One sub-batch per task when ``per_task`` is 1 (local workers: read no further ahead).  Larger
    tasks (a Spark job each) start small and double (1, 2, 4... sub-batches), so the writer has
    work within one sub-batch's analysis; and the input's last sub-batches are shared evenly among
    the ``jobs`` workers (a look-ahead of one round of tasks), so no worker is left alone with a
    full-size last task while the others wait."""
    if per_task == 1:
        for sub in subs:
            yield [sub]
        return
    held: deque[list[Article]] = deque()
    size, exhausted = 1, False
    while True:
        if not exhausted:
            want = per_task * (jobs + 1) - len(held)
            got = list(islice(subs, want))
            held.extend(got)
            exhausted = len(got) < want
        if not held:
            return
        take = size if not exhausted else max(1, min(size, -(-len(held) // jobs)))
        yield [held.popleft() for _ in range(min(take, len(held)))]
        size = min(per_task, size * 2)
