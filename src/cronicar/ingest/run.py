"""Ingest: read, skip what is stored, analyze in batches, store + link one article per transaction.

Each article is committed with its annotations and its linking in a single transaction, so an
interrupted run keeps everything committed before the interruption, and re-running the same
input changes nothing (ids are content hashes; stored articles are skipped before analysis).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cronicar.analyze.pipeline import analyze_batch
from cronicar.ingest.readers import read_paths, too_long
from cronicar.model import Article, InputError
from cronicar.store.db import Store

Progress = Callable[[int, int], None]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: int = 0  # already stored or repeated in the batch
    replaced: list[str] = field(default_factory=list)  # earlier versions removed by a correction
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _link(store: Store, article_id: str) -> None:
    from cronicar.link import link_article

    link_article(store.conn, article_id)  # also merges "Kim" into the story's "Kim Jong Un"


def _wait_note(store: Store) -> Callable[[], None]:
    return lambda: print(f"waiting for another ingest into {store.path} to finish", file=sys.stderr, flush=True)


def ingest_articles(store: Store, articles: Iterable[Article], batch_size: int = 16,
                    progress: Progress | None = None) -> IngestReport:
    """Analyze and store ``articles`` not yet in ``store``; return what happened.

    The store's writer lock is held throughout, so a second ingest into the same file waits and
    then skips what this one stored.  A corrected or re-dated article (same external id from the
    same source, or same URL, other text or date) replaces its earlier version; the same article
    read again with a new title, url or id keeps the new values."""
    with store.writer(on_wait=_wait_note(store)):
        return _ingest_locked(store, articles, batch_size, progress)


def _new_articles(store: Store, articles: Iterable[Article], report: IngestReport) -> list[Article]:
    """The articles to analyze: not stored yet, not too long; of two versions of one article in
    the batch (same external id and source, or same URL), the later in the input."""
    todo: dict[str, Article] = {}
    version_of: dict[tuple[str, ...], str] = {}
    for art in articles:
        error = too_long(art)
        if error is not None:
            report.errors.append(error)
            continue
        if art.id in todo or store.has_article(art.id):
            store.update_metadata(art)
            report.skipped += 1
            continue
        keys = ([("x", art.source, art.external_id)] if art.external_id else []) + ([("u", art.url)] if art.url else [])
        for key in keys:
            earlier = version_of.get(key)
            if earlier is not None and earlier in todo:
                del todo[earlier]  # superseded within the batch
                report.skipped += 1
            version_of[key] = art.id
        todo[art.id] = art
    return list(todo.values())


def _ingest_locked(store: Store, articles: Iterable[Article], batch_size: int,
                   progress: Progress | None) -> IngestReport:
    report = IngestReport()
    todo = _new_articles(store, articles, report)
    # Chronological order makes linking see a story unfold as it did.
    todo.sort(key=lambda a: (a.date.anchor, a.id))
    total = len(todo)
    analyses = analyze_batch(((a.text, a.date, a.lang) for a in todo), batch_size=batch_size)
    for done, (art, analysis) in enumerate(zip(todo, analyses), 1):
        with store.transaction() as conn:
            report.replaced += store.replace_earlier(conn, art)
            store.write_article(conn, art, analysis)
            _link(store, art.id)
        report.added.append(art.id)
        if progress:
            progress(done, total)
    return report


def ingest_paths(store: Store, paths: Iterable[str | Path], date: str | None = None,
                 lang: str | None = None, progress: Progress | None = None,
                 on_error: Callable[[InputError], None] | None = None) -> IngestReport:
    """Read ``paths`` (files or folders) and ingest every readable article.

    Bad records are reported through ``on_error`` as they are met (and collected in the report);
    the rest of the batch still goes in.
    """
    errors: list[InputError] = []

    def good() -> Iterator[Article]:
        for item in read_paths(paths, date=date, lang=lang):
            if isinstance(item, InputError):
                errors.append(item)
                if on_error:
                    on_error(item)
            else:
                yield item

    report = ingest_articles(store, list(good()), progress=progress)
    report.errors = errors + report.errors
    return report


def stderr_progress(done: int, total: int) -> None:
    """A one-line progress bar on stderr (only for batches long enough to need one)."""
    if total < 5 or not sys.stderr.isatty():
        return
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
