"""``cronicar spark annotate`` / ``cronicar spark ingest``: the per-article analysis on Apache Spark.

Two ways.  ``spark annotate`` writes the annotations as Parquet (analyse a large archive on a
cluster, link it later with ``cronicar ingest --annotations DIR``).  ``spark ingest`` stores into a
database in one run: the driver reads, cleans, windows and writes exactly as ``cronicar ingest``
does (:func:`cronicar.flow.ingest`), and each sub-batch's analysis is a Spark task
(:class:`SparkTasks`), several in flight while the driver links and stores the ones back, so
linking overlaps the analysis as with ``--jobs N`` and the database is the one ``--jobs 1`` makes.

The analysis is a pure function of (text, date, language), so it runs unchanged in Spark's
``mapPartitions``: each executor's Python workers are forked from a daemon that has loaded the spaCy
pipeline once (:mod:`cronicar.flow.spark_daemon`, shared copy-on-write) and analyze their
partition in spaCy batches.  The output (one row per article, columns of
:mod:`cronicar.flow.records`) is sorted by (date, id) within each part file, and ``cronicar ingest
--annotations DIR`` merges the part files in that order, so it links the whole archive in date
order.

Linking stays sequential and out of Spark (see docs/scale.md): it needs each story as it stood
before the article.  Spark writes atomically (the files appear with ``_SUCCESS`` only when the job
commits); a killed job leaves no ``_SUCCESS``, which ``ingest --annotations`` refuses, and a re-run
overwrites.  Run through the CLI (``--master local[2]``) or ``spark-submit`` (the master, memory
and cluster settings then come from spark-submit):

    spark-submit --master yarn "$(python -c 'import cronicar.flow.spark as m; print(m.__file__)')" \
        --input s3a://bucket/news/ --output s3a://bucket/ann/

(cronicar[spark] installed on every executor, or shipped with ``--py-files``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from cronicar.flow.records import COLUMNS, error_record, to_record

if TYPE_CHECKING:
    from cronicar.flow import IngestReport
    from cronicar.model import Article, InputError
    from cronicar.store.db import Store

BATCH = 16  # articles per spaCy batch, as in the local ingest
WINDOW = 512  # articles cleaned together (furniture repeated across them), as in the local ingest


def parsed_partition(rows: Iterable[Any], source: str, lang: str | None = None) -> Iterator[Any]:
    """Input rows (dicts) -> articles, or an error row (a tuple in :data:`COLUMNS` order) for a
    record that is not one.  Spark has no line numbers: a rejected record is named by its id."""
    from cronicar.ingest.readers import article_from_record
    from cronicar.model import InputError

    for row in rows:
        rec = row.asDict(recursive=True) if hasattr(row, "asDict") else dict(row)
        rec.pop("_corrupt_record", None)
        item = article_from_record(rec, source, None, lang=lang)
        if isinstance(item, InputError):
            yield _row(error_record(InputError(_where(source, rec), None, item.message)))
        else:
            yield item


def _where(source: str, rec: dict[str, Any]) -> str:
    return f"{source} (id {rec['id']})" if rec.get("id") is not None else source


def cleaned_window(numbered: Iterable[tuple[int, Any]]) -> Iterator[Any]:
    """One cleaning window, (input position, article) pairs: the articles with page furniture
    taken out (``ingest/clean.py``), in input order, as ``cronicar ingest`` cleans the same
    :data:`WINDOW` articles; an article left with no text, or too long, is an error row."""
    from dataclasses import replace

    from cronicar.ingest.clean import clean_batch
    from cronicar.ingest.readers import too_long
    from cronicar.model import InputError

    # The position rides in ``line`` (Spark has no line numbers) through the cleaning, which may
    # replace an article (new text, new id): it becomes the row's ``position``, so that of one
    # text read twice the later copy's title wins in ``ingest --annotations`` as in a direct ingest.
    kept, rejected, _ = clean_batch([replace(article, line=position)
                                     for position, article in sorted(numbered, key=lambda p: p[0])])
    for error in rejected:
        yield _row(error_record(error))
    for article in kept:
        error = too_long(article)  # checked after cleaning, as the local ingest does
        yield article if error is None else _row(error_record(InputError(article.source, None, error.message)))


def analyzed_partition(items: Iterable[Any]) -> Iterator[tuple]:
    """Articles -> annotation rows, analysed in spaCy batches of :data:`BATCH`; error rows pass."""
    from cronicar.flow.workers import analyze_articles

    held: list[Any] = []
    for item in items:
        if isinstance(item, tuple):
            yield item
            continue
        held.append(item)
        if len(held) == BATCH:
            yield from _analyzed_rows(held, analyze_articles)
            held = []
    if held:
        yield from _analyzed_rows(held, analyze_articles)


def _analyzed_rows(articles: list[Any], analyze: Any) -> Iterator[tuple]:
    from cronicar.model import InputError

    analyses = analyze([(a.text, a.date, a.lang) for a in articles], BATCH)
    for article, analysis in zip(articles, analyses):
        if isinstance(analysis, Exception):  # over its budget ("article too complex: ...")
            yield _row(error_record(InputError(article.source, None, str(analysis))))
        else:
            yield _row(to_record(article, analysis, position=article.line))


def _row(record: dict[str, Any]) -> tuple:
    return tuple(record[c] for c in COLUMNS)


def annotate(spark: Any, input_path: str, output: str, fmt: str | None = None,
             lang: str | None = None) -> tuple[int, list[str]]:
    """Annotate every article under ``input_path`` into Parquet at ``output``; returns
    (articles annotated, one-line errors of the rejected records).

    Page furniture is taken out over the windows ``cronicar ingest`` cleans together (the
    :data:`WINDOW` consecutive articles of the input: a line repeated at the edges of many texts
    of one site counts within its window), so the articles, their ids and their annotations are
    the ones a local ingest makes: the articles are numbered in input order (``zipWithIndex``),
    grouped by window, cleaned, then spread over every core for the analysis.  Each part file is
    sorted by (date, id) within itself, and ``ingest --annotations`` merges the part files in that
    order (a k-way merge); a global sort here would cost a sampling job and another shuffle.
    """
    from pyspark import StorageLevel
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    from cronicar.model import Article

    fmt = fmt or ("parquet" if input_path.rstrip("/").endswith(".parquet") else "json")
    frame = spark.read.parquet(input_path) if fmt == "parquet" else spark.read.json(input_path)
    parallelism = spark.sparkContext.defaultParallelism
    parsed = frame.rdd.mapPartitions(lambda part: parsed_partition(part, input_path, lang))
    parsed = parsed.persist(StorageLevel.MEMORY_AND_DISK)  # read twice: numbered, then the errors
    numbered = parsed.filter(lambda item: isinstance(item, Article)).zipWithIndex()
    windows = (numbered.map(lambda pair: (pair[1] // WINDOW, (pair[1], pair[0])))
               .groupByKey(numPartitions=parallelism).flatMap(lambda window: cleaned_window(window[1])))
    # A small input is one window: spread its articles so every executor core analyses.
    rows = (windows.repartition(parallelism * 4).mapPartitions(analyzed_partition)
            .union(parsed.filter(lambda item: isinstance(item, tuple))))
    schema = StructType([StructField(c, LongType() if c == "position" else StringType()) for c in COLUMNS])
    annotated = spark.createDataFrame(rows, schema)
    # Row groups of 16 MB: the merge on the ingest side holds one per part file.
    (annotated.sortWithinPartitions("date_start", "id", "position").write.mode("overwrite")
     .option("parquet.block.size", 16 * 2**20).parquet(output))
    parsed.unpersist()
    written = spark.read.parquet(output).select("error")  # one column read back, no re-analysis
    errors = [r["error"] for r in written.where("error IS NOT NULL").collect()]
    return written.count() - len(errors), errors


def session(master: str | None = None, app: str = "cronicar-annotate") -> Any:
    """A SparkSession whose Python workers run this interpreter (so they import this cronicar),
    forked from a daemon that has loaded the analysis once (:mod:`cronicar.flow.spark_daemon`)."""
    import os

    from pyspark.sql import SparkSession

    # Local mode starts its Python workers with $PYSPARK_PYTHON (default: python3 on PATH, which
    # may lack spaCy); spark-submit on a cluster sets it from its own configuration.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (SparkSession.builder.appName(app)
               .config("spark.python.daemon.module", "cronicar.flow.spark_daemon")
               .config("spark.ui.showConsoleProgress", "false"))  # stderr keeps cronicar's own lines
    if master:
        builder = builder.master(master)
    if _launches_local_jvm(master):
        for key, value in LOCAL_JVM_SETTINGS.items():
            builder = builder.config(key, value)
    return builder.getOrCreate()


# A local run's JVM (driver and executors in one) mostly schedules tasks and moves bytes: the C2
# JIT compiler's work never pays back in a run of minutes.  C1 only (TieredStopAtLevel=1) cut the
# JVM's CPU to start and run the first task from 7.7-8.5 to 3.6-4.4 CPU-s and each later one-task
# job from 0.35-0.40 to 0.15-0.25 CPU-s (sequential probe, 64 ZF articles a task, 2026-12-07);
# the web UI (a Jetty server and its listeners) is not looked at by a CLI run.
LOCAL_JVM_SETTINGS = {"spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1", "spark.ui.enabled": "false"}


def _launches_local_jvm(master: str | None) -> bool:
    """True when this process is about to start its own local-mode JVM: not under spark-submit
    (which started the JVM with its own settings), no Spark context yet, and a local master."""
    import os

    from pyspark import SparkContext

    if "PYSPARK_GATEWAY_PORT" in os.environ or SparkContext._active_spark_context is not None:
        return False
    return (master or "local[*]").startswith("local")


class SparkTasks(Executor):
    """An executor whose every call is one Spark job of one task, submitted from a driver thread.

    ``submit(fn, *args)`` ships ``args`` as the task's one record and runs ``fn`` in a Python
    worker of an executor (there the analysis is loaded once per executor:
    :mod:`cronicar.flow.spark_daemon`); the result comes back to the driver.  ``submit`` returns
    once Spark has registered the job, so the jobs' ids follow the calls and Spark's FIFO scheduler
    runs their tasks in that order: the writer's next batch is the one analysed first (threads
    left to race would start them in any order, and the writer would wait for the last one).
    With a few jobs per task slot in flight every slot stays busy while the driver writes.  ``fn``
    must be importable on the executors (a module function): Spark pickles it by reference."""

    # Sub-batches of 16 articles per task (cronicar.flow.workers).  A one-task Spark job costs
    # ~0.3 CPU-s over the process tree (measured on 50 trivial jobs: JVM 150 ms, Python worker
    # 125, driver 25), so a task takes up to 128 articles (~15 CPU-s of analysis: ~2% on top);
    # the first tasks are smaller and the last ones shared evenly (workers._task_groups), so
    # neither the first commit nor the end waits for a large task.
    sub_batches_per_task = 8
    # Tasks per task slot ahead of the writer: one running, one queued, so a slot never waits
    # for the driver to submit; more would only hold more articles' analyses in the driver.
    tasks_ahead = 2

    def __init__(self, context: Any, slots: int) -> None:
        self._context = context
        self._threads = ThreadPoolExecutor(max_workers=max(1, self.tasks_ahead * slots),
                                           thread_name_prefix="spark-task")
        self._calls = itertools.count()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        group = f"cronicar-task-{next(self._calls)}"
        future = self._threads.submit(self._run, group, fn, args, kwargs)
        tracker = self._context.statusTracker()
        pause = 0.001
        # Registered within milliseconds of collect(); each look is a round trip to the JVM.
        while not future.done() and not tracker.getJobIdsForGroup(group):
            time.sleep(pause)
            pause = min(0.02, pause * 2)
        return future

    def _run(self, group: str, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        self._context.setJobGroup(group, "cronicar analysis")  # a thread-local property (pinned threads)
        records = self._context.parallelize([(args, kwargs)], 1)
        (result,) = records.map(lambda call: fn(*call[0], **call[1])).collect()
        return result

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if cancel_futures:
            self._context.cancelAllJobs()
        self._threads.shutdown(wait=wait, cancel_futures=cancel_futures)


def input_articles(spark: Any, path: str, fmt: str | None = None, lang: str | None = None,
                   date: str | None = None) -> Iterator[Article | InputError]:
    """The articles of ``path`` in input order: a local file or folder is read as ``cronicar
    ingest`` reads it (same readers, line numbers in errors); any other path Spark reads (HDFS,
    S3, ``file://``) is read by Spark and streamed to the driver a partition at a time."""
    from cronicar.ingest.readers import article_from_record, read_paths

    if "://" not in path:
        yield from read_paths([path], date=date, lang=lang)
        return
    fmt = fmt or ("parquet" if path.rstrip("/").endswith(".parquet") else "json")
    frame = spark.read.parquet(path) if fmt == "parquet" else spark.read.json(path)
    for index, row in enumerate(frame.toLocalIterator(prefetchPartitions=True), start=1):
        rec = row.asDict(recursive=True)
        rec.pop("_corrupt_record", None)
        yield article_from_record({k: v for k, v in rec.items() if v is not None}, path, None, lang=lang, index=index)


def ingest(store: Store, args: argparse.Namespace, progress: Callable[[int, int | None], None] | None = None,
           on_error: Callable[[InputError], None] | None = None) -> IngestReport:
    """``cronicar spark ingest``: read ``args.input``, analyse on Spark, link and store into ``store``
    in the order ``cronicar ingest`` uses.  Each article is committed on its own, so a killed run
    keeps what it stored and a re-run skips it."""
    from cronicar.flow import ingest as ingest_articles

    spark = session(args.master, app="cronicar-ingest")
    slots = spark.sparkContext.defaultParallelism
    tasks = SparkTasks(spark.sparkContext, slots)
    finished = False
    try:
        articles = input_articles(spark, args.input, args.format, args.lang, args.date)
        report = ingest_articles(store, articles, jobs=slots, progress=progress, on_error=on_error,
                                 executor=tasks)
        finished = True
    finally:
        tasks.shutdown(wait=finished, cancel_futures=not finished)
        spark.stop()
    return report


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    p = parser or argparse.ArgumentParser(prog="cronicar-spark-annotate", description=__doc__.split("\n")[0])
    p.add_argument("--input", "-i", required=True, help="JSON Lines or Parquet articles (DESIGN §3 fields), any path Spark reads")
    p.add_argument("--output", "-o", required=True, help="folder for the Parquet annotations (overwritten)")
    _common_args(p)
    return p


def build_ingest_parser(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--input", "-i", required=True,
                   help="articles: a local file or folder (read as `cronicar ingest` reads it), or a JSON Lines"
                        " or Parquet path Spark reads (hdfs://, s3a://, file://)")
    p.add_argument("--date", help="date for plain-text files without a ' date' header (local input)")
    _common_args(p)
    return p


def _common_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["json", "parquet"], help="input format (default: from the name; json)")
    p.add_argument("--lang", help="force the language (default: detected per article)")
    p.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's, else local[*])")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``spark-submit .../cronicar/flow/spark.py`` (``cronicar spark annotate`` calls :func:`run`)."""
    args = build_parser().parse_args(argv)
    return run(args)


def run(args: argparse.Namespace) -> int:
    spark = session(args.master)
    try:
        done, errors = annotate(spark, args.input, args.output, args.format, args.lang)
    finally:
        spark.stop()
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    print(f"{done} articles annotated -> {args.output}", file=sys.stderr)
    return 2 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
