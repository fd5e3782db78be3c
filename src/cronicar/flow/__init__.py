"""The one write path: read -> analyze -> write -> link -> index, for every caller.

``ingest(store, articles)`` is what ``cronicar ingest``, ``POST /api/articles`` and the batch
runners (``--jobs N``, ``--annotations`` from Spark) call; :func:`write` is the single place an
analyzed article enters the store.  Each article is written, linked and indexed for search in one
transaction (the search index is kept by triggers of the schema, see ``store/schema.sql``), so an
interrupted run keeps everything committed before the interruption, and re-running the same input
changes nothing (ids are content hashes; stored articles are skipped before analysis).

Streaming: articles are taken from the input in windows of ``window`` articles, each window is
sorted by (date, id) and analyzed in sub-batches of :data:`BATCH`, one process or ``jobs`` worker
processes (:mod:`cronicar.flow.workers`), and written in that order by this process.  Memory is
bounded by the window, not the input.  Ordering guarantee: linking sees the articles of a window
in date order, and the windows in input order; an input already in date order (an archive export,
Spark's annotations) is linked in full date order.  ``--jobs 1`` and ``--jobs N`` cut the same
windows and sub-batches, so they store the same database.

Layering: this package may import ingest/, analyze/, link/ and store/; nothing below imports it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from cronicar.analyze.budget import TooComplex, article_budget
from cronicar.ingest.readers import read_paths, too_long
from cronicar.model import Analysis, Article, InputError
from cronicar.store.db import Store

Progress = Callable[[int, int | None], None]
ErrorSink = Callable[[InputError], None]

# Articles sorted together before linking.  Larger: more of an unsorted input is linked in date
# order, at ~25 KB per held article; 512 articles are ~13 MB and a few seconds of reading.
WINDOW = 512
# Articles per spaCy batch and per task sent to a worker (spaCy's own batch size).
BATCH = 16


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: int = 0  # already stored or repeated in the batch
    replaced: list[str] = field(default_factory=list)  # earlier versions removed by a correction
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. one text under two titles, stored once
    duplicates: int = 0  # records whose text another record of the window carries under another title/URL
    furniture_lines: int = 0  # bylines, push prompts, photo credits... removed before analysis

    @property
    def ok(self) -> bool:
        return not self.errors


def write(store: Store, article: Article, analysis: Analysis) -> list[str] | None:
    """Store, link and index one analyzed article in one transaction.

    Returns the ids of the earlier versions it replaced (a correction: same external id from the
    same source, or same URL, other text or date), or None when the article is already stored.
    """
    from cronicar.link import link_article

    with store.transaction() as conn:
        # Checked under the write lock (BEGIN IMMEDIATE): another writer may have stored it since
        # the window was cut.
        if store.has_article(article.id):
            return None
        replaced = store.replace_earlier(conn, article)
        store.write_article(conn, article, analysis)  # the schema's triggers index it for search
        link_article(conn, article.id)  # also merges "Kim" into the story's "Kim Jong Un"
    return replaced


def ingest(store: Store, articles: Iterable[Article | InputError], jobs: int = 1, window: int = WINDOW,
           progress: Progress | None = None, on_error: ErrorSink | None = None,
           clean: bool = True, executor: Executor | None = None) -> IngestReport:
    """Analyze and store the ``articles`` not yet in ``store``; return what happened.

    With ``clean`` (the default) page furniture is taken out of each text first
    (``ingest/clean.py``, per window of ``window`` records: a line repeated at the edges of many
    texts of one site is furniture): the stored text is the cleaned one, so annotation offsets
    index what is stored; a text that is only furniture is an input error with the reason, and one
    text under two titles or URLs is a warning (``report.warnings``, ``report.duplicates``).

    Input errors (``InputError`` items, too-long texts) are reported through ``on_error`` as they
    are met and collected in the report; the rest of the input still goes in.  The store's writer
    lock is held throughout, so a second ingest into the same file waits, then skips what this one
    stored.  A stored article read again with a new title, url or id keeps the new values.

    ``executor`` runs the analysis of the sub-batches elsewhere (Spark's executors: ``cronicar
    spark ingest``), ``jobs`` of them at once; everything else (reading, cleaning, windows, the
    order of writing) is this function's, so the database is the same as with ``--jobs 1``.
    """
    from cronicar.flow.workers import analyzed

    report = IngestReport()
    repeats: dict[str, list[Article]] = {}  # later copies of a window's article, by id
    warming: list[threading.Thread] = []
    with store.writer(on_wait=_wait_note(store)):
        if clean:
            articles = _cleaned(articles, window, report)
        windows = _windows(store, articles, window, report, on_error, repeats)
        if jobs > 1 or executor is not None:  # the analysis runs elsewhere: this process waits for it
            windows = _warming(windows, warming)
        for article, analysis in analyzed(windows, jobs, BATCH, executor):
            while warming:  # loaded before the first article is linked (never loaded twice at once)
                warming.pop().join()
            if isinstance(analysis, TooComplex):  # over its budget while analyzed
                repeats.pop(article.id, None)
                _reject(InputError(article.source, article.line, str(analysis)), report, on_error)
                continue
            _commit(store, article, analysis, report, progress, on_error)
            for again in repeats.pop(article.id, ()):
                store.update_metadata(again)  # the later copy's title/url win, as across windows
    return report


def _warming(windows: Iterator[list[Article]], started: list[threading.Thread]) -> Iterator[list[Article]]:
    """The windows, unchanged; once the second is read (or the input ended before), a thread loads
    what linking reads on its first article (``link.warm``, ~1 CPU-s) for the languages read.
    Why then: the analysis runs in workers, and this process has nothing to do until the first
    sub-batch comes back (the workers' process loads the parser meanwhile); earlier, the thread
    would slow the reading that comes before the first task is sent."""
    langs: set[str] = set()
    number = -1
    for number, win in enumerate(windows):
        langs |= {a.lang for a in win if a.lang}
        if number == 1:
            started.append(_start_warm(langs))
        yield win
    if number == 0:  # a single window
        started.append(_start_warm(langs))


def _start_warm(langs: set[str]) -> threading.Thread:
    def run() -> None:
        from cronicar.link import warm

        try:
            warm(sorted(langs))
        except Exception:  # noqa: BLE001  (only caches: the first article loads them again and reports the error)
            pass

    thread = threading.Thread(target=run, name="cronicar-warm-link", daemon=True)
    thread.start()
    return thread


def ingest_analyzed(store: Store, pairs: Iterable[tuple[Article, Analysis] | InputError],
                    window: int = WINDOW, progress: Progress | None = None,
                    on_error: ErrorSink | None = None) -> IngestReport:
    """Store, link and index articles analyzed elsewhere (Spark annotations), without re-analysing,
    in date order within each window (Spark writes them sorted: then in full date order)."""
    report = IngestReport()
    with store.writer(on_wait=_wait_note(store)):
        _ingest_pairs(store, pairs, window, report, progress, on_error)
    return report


def _ingest_pairs(store: Store, pairs: Iterable[tuple[Article, Analysis] | InputError], window: int,
                  report: IngestReport, progress: Progress | None, on_error: ErrorSink | None) -> None:
    held: list[tuple[Article, Analysis]] = []

    def flush() -> Iterator[tuple[Article, Analysis]]:
        held.sort(key=lambda p: (p[0].date.anchor, p[0].id))
        yield from held
        held.clear()

    for item in pairs:
        if isinstance(item, InputError):
            _reject(item, report, on_error)
            continue
        held.append(item)
        if len(held) >= window:
            for article, analysis in flush():
                _commit(store, article, analysis, report, progress, on_error)
    for article, analysis in flush():
        _commit(store, article, analysis, report, progress, on_error)


def ingest_paths(store: Store, paths: Iterable[str | Path], date: str | None = None,
                 lang: str | None = None, jobs: int = 1, window: int = WINDOW,
                 progress: Progress | None = None, on_error: ErrorSink | None = None) -> IngestReport:
    """Read ``paths`` (files or folders) and ingest every readable article."""
    return ingest(store, read_paths(paths, date=date, lang=lang), jobs=jobs, window=window,
                  progress=progress, on_error=on_error)


def _commit(store: Store, article: Article, analysis: Analysis, report: IngestReport,
            progress: Progress | None, on_error: ErrorSink | None = None) -> None:
    # Storing and linking have their own budget (docs/limits.md): over it, the transaction is
    # rolled back and the article refused as a bad record; the batch goes on.
    try:
        with article_budget():
            replaced = write(store, article, analysis)
    except TooComplex as exc:
        _reject(InputError(article.source, article.line, str(exc)), report, on_error)
        return
    if replaced is None:  # repeated in an earlier window while this one was being analyzed
        # Its title/url/id win, as when the earlier copy was stored before this window was read
        # (always so with --jobs 1; with workers it depends on how far the reader ran ahead).
        store.update_metadata(article)
        report.skipped += 1
        return
    report.added.append(article.id)
    report.replaced += replaced
    if progress:
        progress(len(report.added), None)


def _wait_note(store: Store) -> Callable[[], None]:
    return lambda: print(f"waiting for another ingest into {store.path} to finish", file=sys.stderr, flush=True)


def _cleaned(items: Iterable[Article | InputError], size: int, report: IngestReport) -> Iterator[Article | InputError]:
    """The input with page furniture taken out, ``size`` records at a time (bounded memory); an
    article left with no text comes out as an :class:`InputError` saying why."""
    from cronicar.ingest.clean import clean_batch

    held: list[Article] = []
    errors: list[InputError] = []

    def flush() -> Iterator[Article | InputError]:
        kept, rejected, lines = clean_batch(held)
        report.furniture_lines += lines
        yield from errors
        yield from rejected
        yield from kept
        held.clear()
        errors.clear()

    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
        else:
            held.append(item)
        if len(held) >= size:
            yield from flush()
    yield from flush()


def _reject(error: InputError, report: IngestReport, on_error: ErrorSink | None) -> None:
    report.errors.append(error)
    if on_error:
        on_error(error)


def _windows(store: Store, items: Iterable[Article | InputError], size: int, report: IngestReport,
             on_error: ErrorSink | None, repeats: dict[str, list[Article]] | None = None) -> Iterator[list[Article]]:
    """The new articles of the input, ``size`` at a time, each window in (date, id) order.

    Read lazily: the next window is cut when the writer asks for it, so what is stored meanwhile
    is already skipped.  A repeat across windows is caught again at write time (:func:`write`).
    Of two versions of one article in a window (same external id and source, or same URL), the
    later in the input is kept; a later window's version replaces a stored one when written.
    One text read twice in a window (same id, e.g. under two titles) is analysed once; the later
    copy goes into ``repeats`` and the writer applies its title/url after storing the first, as
    when the two fall in different windows: the later copy in the input wins wherever the window
    edges fall (so ``ingest --annotations``, which has no windows, stores the same).
    """
    todo: dict[str, Article] = {}
    version_of: dict[tuple[str | None, ...], str] = {}
    for item in items:
        error = item if isinstance(item, InputError) else too_long(item)
        if error is not None:
            _reject(error, report, on_error)
            continue
        if item.id in todo:
            _warn_duplicate(todo[item.id], item, report)
            if repeats is not None:
                repeats.setdefault(item.id, []).append(item)
        if item.id in todo or store.has_article(item.id):
            store.update_metadata(item)
            report.skipped += 1
            continue
        _supersede(todo, version_of, item, report)
        if len(todo) >= size:
            yield _by_date(list(todo.values()))
            todo, version_of = {}, {}
    if todo:
        yield _by_date(list(todo.values()))


def _warn_duplicate(first: Article, again: Article, report: IngestReport) -> None:
    """One text under two titles or URLs: stored once, but said (and counted)."""
    from cronicar.ingest.clean import duplicate_warning

    warning = duplicate_warning(first, again)
    if warning:
        report.warnings.append(warning)
        report.duplicates += 1


def _supersede(todo: dict[str, Article], version_of: dict[tuple[str | None, ...], str], art: Article,
               report: IngestReport) -> None:
    """Add ``art`` to the window, dropping an earlier version of it from the window."""
    keys = ([("x", art.source, art.external_id)] if art.external_id else []) + ([("u", art.url)] if art.url else [])
    for key in keys:
        earlier = version_of.get(key)
        if earlier is not None and earlier in todo:
            del todo[earlier]  # superseded within the window
            report.skipped += 1
        version_of[key] = art.id
    todo[art.id] = art


def _by_date(articles: list[Article]) -> list[Article]:
    # Chronological order makes linking see a story unfold as it did.
    return sorted(articles, key=lambda a: (a.date.anchor, a.id))


def stderr_progress(done: int, total: int | None = None) -> None:
    """A one-line progress count on stderr (only on a terminal)."""
    if not sys.stderr.isatty():
        return
    if total:
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
    else:
        sys.stderr.write(f"\r{done} articles stored")
    sys.stderr.flush()
