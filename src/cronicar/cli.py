"""The ``cronicar`` command: a thin layer over library functions (as datasette does).

Every command reads or writes one SQLite file, ``--db`` (default ``$CRONICAR_DB`` or
``./cronicar.db``).  Bad input is reported one line per problem on stderr, naming the file and
line; the exit code is 0 when everything went in, 2 when some input was rejected, 1 on failure.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cronicar import __version__
from cronicar.model import DocDate, InputError
from cronicar.store.db import OutdatedStore, Store, default_db_path

if TYPE_CHECKING:
    from cronicar.flow import IngestReport

EXIT_OK, EXIT_FAIL, EXIT_BAD_INPUT = 0, 1, 2
SubParsers = Any  # what ArgumentParser.add_subparsers returns (its class is argparse's private one)


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=None,
                   help="SQLite file (default: $CRONICAR_DB or ./cronicar.db)")


def _open(args: argparse.Namespace, readonly: bool = True) -> Store:
    path = args.db or default_db_path()
    return Store(path, readonly=readonly)


def cmd_ingest(args: argparse.Namespace) -> int:
    from cronicar.flow import ingest_paths, stderr_progress
    from cronicar.flow.workers import default_jobs

    def on_error(err: InputError) -> None:
        print(f"error: {err}", file=sys.stderr)

    problem = ("--jobs: at least 1" if args.jobs is not None and args.jobs < 1
               else "give input paths or --annotations DIR, not both" if args.paths and args.annotations
               else "give input paths (files or folders) or --annotations DIR"
               if not args.paths and not args.annotations else None)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    with _open(args, readonly=False) as store:
        if args.annotations:
            report = _ingest_annotations(store, args, on_error)
        else:
            report = ingest_paths(store, args.paths, date=args.date, lang=args.lang,
                                  jobs=args.jobs or default_jobs(), progress=stderr_progress,
                                  on_error=on_error)
        _print_report(store, report)
    return EXIT_BAD_INPUT if report.errors else EXIT_OK


def _print_report(store: Store, report: IngestReport) -> None:
    """What an ingest did, on stderr (warnings) and stdout (one summary line)."""
    from cronicar.export.readable import plural

    if sys.stderr.isatty() and report.added:
        sys.stderr.write("\n")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if report.duplicates:
        print(f"warning: {report.duplicates} records repeat another record's text under another title or URL"
              " (each stored once)", file=sys.stderr)
    if report.furniture_lines:  # bylines, push prompts, "Citește și": said, so a reader can check
        print(f"note: {plural(report.furniture_lines, 'line')} of page furniture removed before analysis",
              file=sys.stderr)
    replaced = f", {len(report.replaced)} earlier versions replaced" if report.replaced else ""
    print(f"{len(report.added)} added{replaced}, {report.skipped} already stored, {len(report.errors)} rejected"
          f" -> {store.path} ({plural(store.count('articles'), 'article')},"
          f" {plural(store.count('stories'), 'story', 'stories')}, {plural(store.count('events'), 'event')})")


def _ingest_annotations(store: Store, args: argparse.Namespace,
                        on_error: Callable[[InputError], None]) -> IngestReport:
    """``ingest --annotations DIR``: link, store and index Spark's annotations without re-analysing."""
    from cronicar.flow import ingest_analyzed, stderr_progress
    from cronicar.flow.records import read_annotations

    return ingest_analyzed(store, read_annotations(args.annotations), progress=stderr_progress,
                           on_error=on_error)


def cmd_timeline(args: argparse.Namespace) -> int:
    from cronicar.export.chronicle import build
    from cronicar.export.formats import render_key_dates, render_timeline

    with _open(args) as store:
        chronicle = build(store, story=args.story, key_dates=args.dates)
    if args.story and not chronicle["stories"]:
        print(f"error: no story {args.story!r} (see `cronicar stories`)", file=sys.stderr)
        return EXIT_FAIL
    if args.key:
        print(render_key_dates(chronicle, story=args.story, lang=args.lang))
    else:
        print(render_timeline(chronicle, story=args.story, lang=args.lang))
    return EXIT_OK


def cmd_stories(args: argparse.Namespace) -> int:
    from cronicar.store.stories import story_list

    with _open(args) as store:
        rows = story_list(store.conn)
    for r in rows:
        print(f"{r['id']}  {r['first_date']} … {r['last_date']}  {r['n_articles']:>3} articles"
              f" {r['n_events']:>3} events  {r['title']}")
    if not rows:
        print("(no stories yet)")
    return EXIT_OK


def cmd_entities(args: argparse.Namespace) -> int:
    from cronicar.export.chronicle import build

    with _open(args) as store:
        chronicle = build(store)
    for e in chronicle["entities"]:
        if args.type and e["type"] != args.type.upper():
            continue
        aliases = ", ".join(e["aliases"][:8])
        print(f"{e['type']:<7} {e['name']:<28} {len(e['articles']):>3} articles"
              + (f"  aka {aliases}" if aliases else ""))
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace) -> int:
    from cronicar.export.chronicle import build

    with _open(args) as store:
        chronicle = build(store, story=args.story)
    wanted = (args.speaker or "").casefold()
    for q in chronicle["quotes"]:
        if wanted and wanted not in (q["speaker"] or "").casefold():
            continue
        when = (q.get("when") or {}).get("value") or "?"
        text = " ".join(q["text"].split())
        print(f"{when:<12} {q['speaker'] or '?':<22} [{q['kind']}] {text}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from cronicar.export import formats
    from cronicar.export.chronicle import build

    with _open(args) as store:
        chronicle = build(store, story=args.story)
        if args.format == "timeml":
            return _export_timeml(store, chronicle, args.output)
    if args.format == "json":
        out = formats.to_json(chronicle)
    elif args.format == "csv":
        out = formats.to_csv(chronicle, table=args.table)
    else:
        out = formats.to_markdown(chronicle)
    if args.output:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return EXIT_OK


def _export_timeml(store: Store, chronicle: dict, output: Path | None) -> int:
    from cronicar.export.formats import to_timeml
    from cronicar.store.articles import texts as article_texts

    texts = article_texts(store.conn)
    docs = []
    for art in chronicle["articles"]:
        tx = [t for t in chronicle["timexes"] if t["article"] == art["id"]]
        docs.append((art["id"], to_timeml(art, texts[art["id"]], tx)))
    if output:
        output.mkdir(parents=True, exist_ok=True)
        for aid, doc in docs:
            (output / f"{aid}.tml").write_text(doc, encoding="utf-8")
        print(f"{len(docs)} TimeML files -> {output}")
    else:
        sys.stdout.write("".join(doc for _, doc in docs))
    return EXIT_OK


def cmd_annotate(args: argparse.Namespace) -> int:
    from cronicar.annotate import annotate_file

    n_ok, errors = annotate_file(args.input, args.output)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    print(f"{n_ok} records annotated -> {args.output}", file=sys.stderr)
    return EXIT_BAD_INPUT if errors else EXIT_OK


def cmd_timex(args: argparse.Namespace) -> int:
    from cronicar.analyze.timex.debug import render

    try:
        dct = DocDate.parse(args.date)
    except ValueError as exc:
        print(f"error: --date: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(render(args.text, dct, args.lang))
    return EXIT_OK


def cmd_spark(args: argparse.Namespace) -> int:
    try:
        from cronicar.flow import spark
    except ImportError as exc:  # pragma: no cover - depends on the install
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAIL
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("error: Spark needs the [spark] extra: pip install 'cronicar[spark]' (and Java 17)", file=sys.stderr)
        return EXIT_FAIL
    if args.spark_command == "ingest":
        return _spark_ingest(args)
    return spark.run(args)


def _spark_ingest(args: argparse.Namespace) -> int:
    """``cronicar spark ingest``: as ``cronicar ingest``, the analysis run as Spark tasks."""
    from cronicar.flow import spark, stderr_progress

    def on_error(err: InputError) -> None:
        print(f"error: {err}", file=sys.stderr)

    with _open(args, readonly=False) as store:
        report = spark.ingest(store, args, progress=stderr_progress, on_error=on_error)
        _print_report(store, report)
    return EXIT_BAD_INPUT if report.errors else EXIT_OK


def _serve_token(args: argparse.Namespace) -> str | None:
    """The write token: --token-file, else --token (with a warning: other users see it in `ps`),
    else $CRONICAR_TOKEN (read by the server).  Raises ValueError for an empty or unreadable file."""
    if args.token_file is not None:
        try:
            token = args.token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"--token-file: cannot read {args.token_file}: {exc}") from None
        if not token:
            raise ValueError(f"--token-file: {args.token_file} is empty")
        return token
    if args.token:
        print("warning: --token is visible to every user of this machine in `ps`; "
              "use $CRONICAR_TOKEN or --token-file", file=sys.stderr)
    return args.token


def cmd_serve(args: argparse.Namespace) -> int:
    from cronicar.serve.app import run

    try:
        token = _serve_token(args)
        run(db=args.db or default_db_path(), host=args.host, port=args.port, token=token, public=args.public)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAIL
    return EXIT_OK


def _add_ingest(sub: SubParsers) -> None:
    p = sub.add_parser("ingest", help="read, analyze, link and store articles (files, folders, JSONL, HTML, RSS)")
    p.add_argument("paths", nargs="*", type=Path)
    p.add_argument("--date", help="date for plain-text files without a ' date' header (YYYY[-MM[-DD]])")
    p.add_argument("--lang", help="force the language (default: detected per article)")
    p.add_argument("--jobs", "-j", type=int, default=None,
                   help="worker processes analysing in parallel (default: the cores available);"
                        " one writer links and stores in date order, same result for any N")
    p.add_argument("--annotations", type=Path, metavar="DIR",
                   help="link, store and index the Parquet annotations written by `cronicar spark"
                        " annotate` (no re-analysis) instead of reading paths")
    _db_arg(p)
    p.set_defaults(func=cmd_ingest)


def _add_timeline(sub: SubParsers) -> None:
    p = sub.add_parser("timeline", help="print a story's events in calendar order with sources and quotes")
    p.add_argument("--story", help="story id (default: every story)")
    p.add_argument("--key", action="store_true",
                   help="print only the key dates: the days most articles and outlets refer to, one line each")
    p.add_argument("--dates", type=int, default=10, metavar="N", help="how many key dates (default 10)")
    p.add_argument("--lang", help="write dates in this language (default: each article's)")
    _db_arg(p)
    p.set_defaults(func=cmd_timeline)


def _add_stories(sub: SubParsers) -> None:
    p = sub.add_parser("stories", help="list stories with their date span and size")
    _db_arg(p)
    p.set_defaults(func=cmd_stories)


def _add_entities(sub: SubParsers) -> None:
    p = sub.add_parser("entities", help="list canonical entities with aliases")
    p.add_argument("--type", help="PERSON, ORG, GPE ...")
    _db_arg(p)
    p.set_defaults(func=cmd_entities)


def _add_quotes(sub: SubParsers) -> None:
    p = sub.add_parser("quotes", help="statements over time, optionally of one speaker")
    p.add_argument("--speaker", help="part of the speaker's name, case-insensitive")
    p.add_argument("--story", help="story id")
    _db_arg(p)
    p.set_defaults(func=cmd_quotes)


def _add_export(sub: SubParsers) -> None:
    p = sub.add_parser("export", help="export the chronicle (json = DESIGN §5 contract)")
    p.add_argument("--format", choices=["json", "csv", "md", "timeml"], default="json")
    p.add_argument("--table", default="events", help="for csv: events, quotes, entities, articles, timexes")
    p.add_argument("--story", help="only this story")
    p.add_argument("--output", "-o", type=Path, help="file (or folder for timeml); default stdout")
    _db_arg(p)
    p.set_defaults(func=cmd_export)


def _add_annotate(sub: SubParsers) -> None:
    p = sub.add_parser("annotate", help="annotate a JSONL file in the interchange format (DESIGN §4)")
    p.add_argument("--input", "-i", type=Path, required=True)
    p.add_argument("--output", "-o", type=Path, required=True)
    p.set_defaults(func=cmd_annotate)


def _add_timex(sub: SubParsers) -> None:
    p = sub.add_parser("timex", help="debug the temporal tagger on a text")
    p.add_argument("text")
    p.add_argument("--date", required=True, help="article date, YYYY[-MM[-DD]]")
    p.add_argument("--lang", default="ro")
    p.set_defaults(func=cmd_timex)


def _add_spark(sub: SubParsers) -> None:
    p = sub.add_parser("spark", help="run the analysis on Apache Spark (see docs/scale.md)")
    spark_sub = p.add_subparsers(dest="spark_command", required=True)
    p = spark_sub.add_parser("annotate", help="annotate JSONL/Parquet articles into Parquet annotations"
                                              " (then `cronicar ingest --annotations DIR`)")
    from cronicar.flow.spark import build_ingest_parser, build_parser as spark_args

    spark_args(p)
    p.set_defaults(func=cmd_spark)
    p = spark_sub.add_parser("ingest", help="ingest articles into --db with the analysis run as Spark tasks"
                                            " (same database as `cronicar ingest`)")
    build_ingest_parser(p)
    _db_arg(p)
    p.set_defaults(func=cmd_spark)


def _add_serve(sub: SubParsers) -> None:
    p = sub.add_parser("serve", help="HTTP JSON API and web timeline pages")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token", help="enables POST /api/articles with this bearer token (visible in `ps`: prefer"
                                   " $CRONICAR_TOKEN or --token-file; read-only without any)")
    p.add_argument("--token-file", type=Path, help="read the write token from this file")
    p.add_argument("--public", action="store_true",
                   help="allow a non-loopback --host without a token (serves the database read-only to the network)")
    _db_arg(p)
    p.set_defaults(func=cmd_serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cronicar", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"cronicar {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    _add_ingest(sub)
    _add_timeline(sub)
    _add_stories(sub)
    _add_entities(sub)
    _add_quotes(sub)
    _add_export(sub)
    _add_annotate(sub)
    _add_timex(sub)
    _add_spark(sub)
    _add_serve(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (FileNotFoundError, OutdatedStore) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except sqlite3.DatabaseError as exc:  # a file that is not a cronicar database (binary, empty)
        print(f"error: {getattr(args, 'db', None) or default_db_path()}: not a cronicar database ({exc})", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("interrupted: everything committed so far is kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
