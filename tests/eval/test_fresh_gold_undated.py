"""The fresh undated gold (issue 19): every record rebuilds from ../shared and its spans hold.

`eval/fresh_gold/undated.jsonl` carries no article text (the source has no stated licence): each
record points into `../shared/data/ro/news-undated/` by path, index and field, with the text's
sha256. These tests rebuild every text, check the hash, the offsets, the span texts, the TIMEX3
values, the split rule and that no article of the dev gold slipped in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "fresh_gold" / "undated.jsonl"
RECORDS = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
IDS = [record["id"] for record in RECORDS]

TIMEX3_VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|\d{2,3}"  # century or decade
    r"|(FY)?[\dX]{4}(-(Q[1-4]|H[12]|SP|SU|FA|WI|W[\dX]{2}(-[1-7X]|-WE)?|[\dX]{2}(-[\dX]{2})?))?"
    r"(T([\dX]{2}:[\dX]{2}|MO|MI|AF|EV|NI))?"
    r"|P(\d+(\.\d+)?|X)[YMWD]|PT(\d+(\.\d+)?|X)[HMS]"
    r"|XXXX-WXX-[1-7])$"
)
TYPES = {"DATE", "TIME", "DURATION", "SET"}
QUOTE_MARKS = ("„", "“", "”", "\"", "«", "»", ",,", "″")
MODS = {None, "START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
# ISO weekday of each Romanian weekday name, to check weekday values against the calendar
WEEKDAYS = {"luni": 1, "marți": 2, "marţi": 2, "miercuri": 3, "joi": 4, "vineri": 5, "sâmbătă": 6, "duminică": 7}


@lru_cache(maxsize=None)
def _source(shared: Path, path: str) -> list[dict]:
    return json.loads((shared / path).read_text(encoding="utf-8"))


def _text(shared: Path, record: dict) -> str:
    locator = record["locator"]
    return _source(shared, locator["path"])[locator["index"]][locator["field"]]


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_fresh_gold_undated_rebuilds_text_by_locator(shared, record):
    text = _text(shared, record)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == record["text_sha256"]
    assert record["id"] == f"{record['source']}_{record['locator']['index']}"
    assert record["locator"]["path"] == f"data/ro/news-undated/news_{record['source']}.json"


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_fresh_gold_undated_timex_spans_and_values(shared, record):
    text = _text(shared, record)
    dct = dt.date.fromisoformat(record["dct"])
    for timex in record["timexes"]:
        assert 0 <= timex["start"] < timex["end"] <= len(text)
        assert text[timex["start"]:timex["end"]] == timex["text"]
        assert timex["type"] in TYPES and timex["mod"] in MODS
        assert TIMEX3_VALUE.match(timex["value"]), timex
        head = timex["text"].split()[0].lower().strip(",")
        if head in WEEKDAYS and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", timex["value"]):
            day = dt.date.fromisoformat(timex["value"][:10])
            assert day.isoweekday() == WEEKDAYS[head], timex
            assert abs((day - dct).days) <= 7, timex
    spans = [(timex["start"], timex["end"]) for timex in record["timexes"]]
    assert spans == sorted(spans)
    assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:])), "overlapping timexes"


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_fresh_gold_undated_quote_spans(shared, record):
    text = _text(shared, record)
    for quote in record["quotes"]:
        assert quote["kind"] in ("direct", "indirect")
        start, end = quote["content"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip(), quote
        if quote["kind"] == "direct":
            # a direct quote sits between marks (one side may be missing in unbalanced text)
            around = text[max(0, start - 3):start] + text[end:end + 3]
            assert any(mark in around for mark in QUOTE_MARKS), quote
        for key in ("cue", "speaker_mention"):
            if quote[key] is not None:
                assert 0 <= quote[key][0] < quote[key][1] <= len(text), quote
        assert (quote["speaker_mention"] is None) == (quote["speaker"] is None), quote
    starts = [quote["content"][0] for quote in record["quotes"]]
    assert starts == sorted(starts)
    # identical spans are allowed only for joint speakers (one record per speaker)
    keys = [(tuple(quote["content"]), quote["speaker"]) for quote in record["quotes"]]
    assert len(keys) == len(set(keys)), "duplicate quote record"


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_fresh_gold_undated_split_and_dct(record):
    even = int(hashlib.sha256(record["id"].encode("utf-8")).hexdigest(), 16) % 2 == 0
    assert record["split"] == ("check" if even else "train")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["dct"]) and record["dct_reason"].strip()
    assert record["lang"] == "ro" and record["source"] in ("realitatea", "aleph")


def test_fresh_gold_undated_drawn_by_seed_and_apart_from_dev(shared):
    sys.path.insert(0, str(ROOT / "eval" / "fresh_gold"))
    from draw_undated import dev_exclusions, draw

    drawn = draw(shared, 100)
    annotated = [(record["source"], record["locator"]["index"]) for record in RECORDS]
    assert annotated == drawn[: len(annotated)], "records must follow the seeded draw order"
    dev_ids, dev_texts = dev_exclusions(shared)
    for record in RECORDS:
        assert record["id"] not in dev_ids
        assert _text(shared, record).strip() not in dev_texts
    assert len(IDS) == len(set(IDS))
