"""``cronicar annotate``: the annotation interchange format (DESIGN §4), JSONL in, JSONL out.

Each input object comes back unchanged with ``timexes``, ``quotes``, ``entities`` and ``events``
added; offsets index the ``text`` exactly as given (normalization is mapped back).  A broken line
is reported with its line number and skipped; the other lines are still annotated.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.pipeline import analyze_batch
from cronicar.ingest.readers import decoded_lines, json_lines
from cronicar.ingest.schema import checked_article, normalize_lang, record_fields
from cronicar.model import Analysis, DocDate, InputError


def _load(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[InputError]]:
    records: list[tuple[int, dict[str, Any]]] = []
    errors: list[InputError] = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [InputError(str(path), None, f"cannot read: {exc.strerror or exc}")]
    for item in json_lines(decoded_lines(raw, str(path)), str(path)):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        lineno, rec = item
        problem = _problem(rec)
        if problem:
            errors.append(InputError(str(path), lineno, problem))
            continue
        records.append((lineno, rec))
    return records, errors


def _problem(rec: Any) -> str | None:
    """Why a record cannot be annotated (the reader boundary's checks; the date is optional here)."""
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        return "expected an object with a 'text' string"
    fields = record_fields(rec) or {}
    fields.setdefault("date", "2000")  # a record without a date is annotated without one
    if not fields["text"].strip():
        fields["text"] = "-"  # an empty text is annotated as empty
    checked = checked_article(fields, "", None)
    return checked.message if isinstance(checked, InputError) else None


def _dct(rec: dict[str, Any]) -> DocDate | None:
    raw = rec.get("dct") or rec.get("date")
    return DocDate.parse(str(raw)) if raw else None


def annotate_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Annotate records in memory (the library form of the command)."""
    items = [(r["text"], _dct(r), normalize_lang(r.get("lang"))) for r in records]
    return [merge(rec, analysis) for rec, analysis in zip(records, analyze_batch(items))]


def merge(rec: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """Add the §4 fields to ``rec``, mapping offsets back onto ``rec['text']``."""
    aligned = normalize_aligned(rec["text"])
    fields = analysis.to_contract()
    if aligned.text != rec["text"] and len(aligned.text) != len(rec["text"]):
        _remap(fields, aligned.to_original, rec["text"])
    out = dict(rec)
    out.update(fields)
    return out


def _remap(fields: dict[str, Any], to_orig: Any, text: str) -> None:
    for t in fields["timexes"] + fields["entities"]:
        t["start"], t["end"] = to_orig(t["start"], t["end"])
        t["text"] = text[t["start"]:t["end"]]
    for q in fields["quotes"]:
        for key in ("content", "cue", "speaker_mention"):
            if q.get(key):
                q[key] = list(to_orig(*q[key]))
    for e in fields["events"]:
        e["trigger"] = list(to_orig(*e["trigger"]))


def annotate_file(src: Path, dst: Path, batch: int = 64) -> tuple[int, list[InputError]]:
    """Annotate ``src`` into ``dst``; returns (records written, errors)."""
    records, errors = _load(src)
    good: list[dict[str, Any]] = []
    for lineno, rec in records:
        try:
            _dct(rec)
        except ValueError as exc:
            errors.append(InputError(str(src), lineno, f"bad dct: {exc}"))
            continue
        good.append(rec)
    dst.parent.mkdir(parents=True, exist_ok=True)
    with dst.open("w", encoding="utf-8") as fh:
        for i in range(0, len(good), batch):
            for out in annotate_records(good[i:i + batch]):
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    errors.sort(key=lambda e: e.line or 0)
    return len(good), errors
