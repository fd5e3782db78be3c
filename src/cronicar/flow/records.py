"""Analyzed articles as flat records: the rows Spark writes as Parquet and ``ingest --annotations`` reads.

One row per article: the article's fields (``id``, ``source``, ``external_id``, ``title``,
``url``, ``date``, ``date_start``, ``lang``, ``text`` = the normalized text every offset indexes),
the annotation interchange fields of DESIGN §4 (``timexes``, ``quotes``, ``entities``,
``events``, each a JSON array as ``cronicar annotate`` writes it), ``analysis`` (the whole
analysis as JSON, lossless: sentences, timex rules, event sentences and summaries, what the store
and the linker need), ``error`` (the one-line input error of a rejected record, else null;
the other columns are then null) and ``position`` (the record's place among the input's valid
records: of one text read twice, the later copy's title and url are kept).  JSON strings rather than nested Parquet types keep the schema
stable while annotations gain fields; Spark SQL reads them with ``from_json``.
"""

from __future__ import annotations

import dataclasses
import functools
import heapq
import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cronicar.model import Analysis, Article, DocDate, EntityMention, EventMention, InputError, Quote, Timex

COLUMNS = ["id", "source", "external_id", "title", "url", "date", "date_start", "lang", "text",
           "timexes", "quotes", "entities", "events", "analysis", "error", "position"]
_UnionType = type(int | None)
_PARTS = {"timexes": Timex, "quotes": Quote, "entities": EntityMention, "events": EventMention}


def to_record(article: Article, analysis: Analysis, position: int | None = None) -> dict[str, Any]:
    """One analyzed article as a flat row of :data:`COLUMNS`; ``position``: its place in the input."""
    contract = analysis.to_contract()
    return {
        "id": article.id, "source": article.source, "external_id": article.external_id,
        "title": article.title, "url": article.url, "date": article.date.iso,
        "date_start": article.date.anchor.isoformat(), "lang": analysis.lang, "text": analysis.text,
        **{name: json.dumps(contract[name], ensure_ascii=False) for name in _PARTS},
        "analysis": json.dumps(analysis_to_json(analysis), ensure_ascii=False), "error": None,
        "position": position,
    }


def error_record(error: InputError) -> dict[str, Any]:
    return {**dict.fromkeys(COLUMNS), "source": error.source, "error": str(error)}


def from_record(row: dict[str, Any], where: str) -> tuple[Article, Analysis] | InputError:
    """A row back into (article, analysis); a rejected record comes back as its input error."""
    if row.get("error"):
        return InputError(where, None, f"rejected upstream: {row['error']}")
    try:
        analysis = analysis_from_json(json.loads(row["analysis"]))
        article = Article(text=analysis.text, date=DocDate.parse(row["date"]), title=row["title"],
                          lang=row["lang"], source=row["source"] or "", url=row["url"],
                          external_id=row["external_id"], id=row["id"])
    except (KeyError, TypeError, ValueError) as exc:
        return InputError(where, None, f"not an annotation record ({exc})")
    return article, analysis


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    out = dataclasses.asdict(analysis)
    out["dct"] = analysis.dct.iso if analysis.dct else None
    return out


def analysis_from_json(data: dict[str, Any]) -> Analysis:
    """Inverse of :func:`analysis_to_json`: spans come back as tuples, as the analysis makes them."""
    parts = {name: [_build(cls, item) for item in data.get(name) or []] for name, cls in _PARTS.items()}
    return Analysis(text=data["text"], dct=DocDate.parse(data["dct"]) if data.get("dct") else None,
                    lang=data["lang"], sentences=[tuple(s) for s in data.get("sentences") or []], **parts)


def _build(cls: type, item: dict[str, Any]) -> Any:
    """A dataclass from its asdict() form; fields typed as spans/tuples get tuples back (JSON has
    only lists).  Generic over the fields, so a field added to the model needs no change here."""
    hints = _type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in item:
            values[f.name] = _tupled(hints[f.name], item[f.name])
    return cls(**values)


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    # Resolved once per class: get_type_hints evaluates every annotation string on each call,
    # which was 2.3 of the 2.6 CPU-ms it took to decode one ZF article's analysis.
    return typing.get_type_hints(cls)


def _tupled(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    options = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, _UnionType) else (hint,)
    for option in options:
        origin = typing.get_origin(option)
        if origin is tuple:
            return tuple(value)
        if origin is list and typing.get_origin(typing.get_args(option)[0]) is tuple:
            return [tuple(v) for v in value]
    return value


def read_annotations(folder: Path) -> Iterator[tuple[Article, Analysis] | InputError]:
    """Every row of the Parquet files of ``folder`` (Spark's output) in (date, id) order: each part
    file is sorted so, and they are merged (a k-way merge holding a few rows of each file).  A
    folder Spark did not finish (no ``_SUCCESS``) is refused: its files may be partial.  Rejected
    records (no date, no id) come first."""
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such annotations folder")
    files = sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith((".", "_")))
    if not (folder / "_SUCCESS").exists():
        yield InputError(str(folder), None, "no complete Spark output here (no _SUCCESS): re-run the job")
        return
    merged = heapq.merge(*(_file_rows(file) for file in files), key=_order)
    for where, row in merged:
        yield from_record(row, where)


def _order(item: tuple[str, dict[str, Any]]) -> tuple[str, str, int]:
    # One text read twice has two rows of one (date, id): the earlier in the input is stored
    # first, the later's title/url then win (as in a direct ingest).  Older folders: no position.
    row = item[1]
    return (row.get("date_start") or "", row.get("id") or "", row.get("position") or 0)


def _file_rows(file: Path, batch_size: int = 64) -> Iterator[tuple[str, dict[str, Any]]]:
    """(``file:row``, row) of one Parquet file, a few rows decoded at a time."""
    import pyarrow.parquet as pq  # the [spark] / [bench] extra

    row_no = 0
    for batch in pq.ParquetFile(file).iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            row_no += 1
            yield f"{file}:{row_no}", row
