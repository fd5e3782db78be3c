"""The fresh gold loader (eval/fresh_gold.py, issue 19) rebuilds well-formed gold records.

Every record of ``eval/fresh_gold/*.jsonl`` (ZF by parquet row, Realitatea/Aleph by JSON index) is
rebuilt from ``../shared`` (skipped when absent): offsets inside the text, spans on word edges,
TIMEX3 values, weekday values on the calendar, quotes next to their marks, the split rule and its
balance, and for ZF the seeded draw order with every skipped article accounted for.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))

import fresh_gold  # noqa: E402

TIMEX3_VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF|\d{2,3}"
    r"|(FY)?[\dX]{4}(-(Q[1-4]|H[12]|SP|SU|FA|WI|W[\dX]{2}(-[1-7X]|-WE)?|[\dX]{2}(-[\dX]{2})?))?"
    r"(T([\dX]{2}:[\dX]{2}(:[\dX]{2})?|MO|MI|AF|EV|NI))?"
    r"|P(\d+(\.\d+)?|X)[YMWD]|PT(\d+(\.\d+)?|X)[HMS]|XXXX-WXX-[1-7])$"
)
TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {None, "START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
MARKS = ("„", "“", "”", '"', "«", "»", ",,", "″", "&quot;")
WEEKDAYS = {"luni": 1, "marti": 2, "marţi": 2, "marți": 2, "miercuri": 3, "joi": 4, "vineri": 5,
            "sâmbătă": 6, "sambata": 6, "duminică": 7, "duminica": 7}
RECORD_IDS = [json.loads(line)["id"] for f in sorted(fresh_gold.FOLDER.glob("*.jsonl"))
              for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def docs(shared) -> dict[str, dict]:
    return {d["id"]: d for d in fresh_gold.load(shared=shared)}


def _in_word(c: str) -> bool:
    return c.isalnum() or c == "\u00ad"  # a soft hyphen is part of its word


def _word_edges(text: str, start: int, end: int) -> bool:
    """A span neither starts nor ends inside a word."""
    cuts_start = start > 0 and _in_word(text[start - 1]) and _in_word(text[start])
    cuts_end = end < len(text) and _in_word(text[end - 1]) and _in_word(text[end])
    return not cuts_start and not cuts_end


@pytest.mark.parametrize("doc_id", RECORD_IDS)
def test_fresh_gold_timexes_well_formed(docs, doc_id):
    d = docs[doc_id]
    text, dct = d["text"], dt.date.fromisoformat(d["dct"])
    spans = []
    for t in d["timexes"]:
        assert 0 <= t["start"] < t["end"] <= len(text), t
        assert text[t["start"] : t["end"]] == t["text"] == t["text"].strip(), t
        assert _word_edges(text, t["start"], t["end"]), t
        assert t["type"] in TYPES and t["mod"] in MODS, t
        assert TIMEX3_VALUE.match(t["value"]), t
        head = t["text"].replace("\u00ad", "").split()[0].lower().strip(",")
        if head in WEEKDAYS and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", t["value"]):
            day = dt.date.fromisoformat(t["value"][:10])
            assert day.isoweekday() == WEEKDAYS[head] and abs((day - dct).days) <= 7, t
        spans.append((t["start"], t["end"]))
    assert spans == sorted(spans)
    assert all(e <= s2 for (_, e), (s2, _) in zip(spans, spans[1:])), "overlapping timexes"


@pytest.mark.parametrize("doc_id", RECORD_IDS)
def test_fresh_gold_quotes_well_formed(docs, doc_id):
    d = docs[doc_id]
    text = d["text"]
    for q in d["quotes"]:
        assert q["kind"] in ("direct", "indirect"), q
        s, e = q["content"]
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip(), q
        if q["kind"] == "direct":  # between marks; unbalanced text may lack one side
            around = text[max(0, s - 6) : s] + text[e : e + 6]
            assert any(m in around for m in MARKS), q
        for key in ("cue", "speaker_mention"):
            if q[key] is not None:
                ks, ke = q[key]
                assert 0 <= ks < ke <= len(text) and _word_edges(text, ks, ke), (key, q)
        assert (q["speaker_mention"] is None) == (q["speaker"] is None), q
    starts = [q["content"][0] for q in d["quotes"]]
    assert starts == sorted(starts)
    keys = [(tuple(q["content"]), q["speaker"]) for q in d["quotes"]]
    assert len(keys) == len(set(keys)), "duplicate quote record (same content and speaker)"


def test_fresh_gold_split_rule_and_balance(docs):
    for d in docs.values():
        assert d["split"] == fresh_gold.split_of(d["id"])
    for group in (None, "zf"):
        ds = [d for d in docs.values() if group is None or d["source"] == group]
        n, check = len(ds), sum(d["split"] == "check" for d in ds)
        assert abs(check - n / 2) <= 3 * math.sqrt(n) / 2, (group, check, n)  # within 3 sigma of a fair coin


@pytest.mark.parametrize(("split", "sources"), [("train", None), ("check", None), ("check", {"zf"}), (None, {"aleph"})])
def test_fresh_gold_load_filters_split_and_source(shared, split, sources):
    got = fresh_gold.load(split, sources, shared=shared)
    assert got and all(split is None or d["split"] == split for d in got)
    assert all(sources is None or d["source"] in sources for d in got)


def test_fresh_gold_zf_follows_the_seeded_draw(shared, docs):
    zf = [d for d in docs.values() if d["source"] == "zf"]
    excluded = json.loads((fresh_gold.FOLDER / "zf_excluded.json").read_text(encoding="utf-8"))
    assert all(x["reason"].strip() for x in excluded)
    taken = {d["id"] for d in zf} | {x["id"] for x in excluded}
    drawn = [a["id"] for a in fresh_gold.draw_zf(shared)[: len(taken)]]
    assert set(drawn) == taken and len(taken) == len(zf) + len(excluded), "a drawn article was skipped silently"
    dev = fresh_gold.dev_exclusions(shared)
    rows = {a["id"]: a for a in fresh_gold.draw_zf(shared)[: len(taken)]}
    for d in zf:
        assert d["id"] not in dev and rows[d["id"]]["href"] not in dev
        assert 2013 <= int(d["dct"][:4]) <= 2022


def test_fresh_gold_changed_text_is_a_clear_error(shared, tmp_path):
    line = (fresh_gold.FOLDER / "zf.jsonl").read_text(encoding="utf-8").splitlines()[0]
    rec = json.loads(line)
    rec["text_sha256"] = "0" * 64
    (tmp_path / "zf.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    with pytest.raises(fresh_gold.FreshGoldError, match=r"zf\.jsonl:1: .*sha256 mismatch"):
        fresh_gold.load(shared=shared, folder=tmp_path)


def test_fresh_gold_missing_shared_is_a_clear_error(tmp_path):
    with pytest.raises(fresh_gold.FreshGoldError, match="not in"):
        fresh_gold.load(shared=tmp_path)


@pytest.mark.parametrize("folder", ["unseen", "unseen2", "unseen3", "unseen4", "unseen5"])
def test_fresh_gold_unseen_sets_rebuild_well_formed(shared, folder):
    """The regression sets of the error-kind readings (ZF by parquet row, political news by CSV
    row) rebuild from ``../shared`` with their checksums, and their spans sit on word edges with
    TIMEX3 types and values, in order, none overlapping."""
    docs = fresh_gold.load(shared=shared, folder=fresh_gold.FOLDER / folder)
    assert docs and sum(len(d["timexes"]) for d in docs) > 2 * len(docs)
    for d in docs:
        text, spans = d["text"], []
        for t in d["timexes"]:
            assert text[t["start"] : t["end"]] == t["text"] == t["text"].strip(), (d["id"], t)
            assert _word_edges(text, t["start"], t["end"]), (d["id"], t)
            assert t["type"] in TYPES and t["mod"] in MODS and TIMEX3_VALUE.match(t["value"]), (d["id"], t)
            spans.append((t["start"], t["end"]))
        assert spans == sorted(spans) and all(e <= s2 for (_, e), (s2, _) in zip(spans, spans[1:])), d["id"]


def test_fresh_gold_unseen_quotes_set_rebuilds_well_formed(shared):
    """The eighth session's quote regression set (``unseen_quotes``: 48 quote-rich ZF, Realitatea/Aleph
    and political articles outside every gold) rebuilds with its checksums, and each record obeys
    the same rules as the fresh gold's quotes."""
    docs = fresh_gold.load(shared=shared, folder=fresh_gold.FOLDER / "unseen_quotes")
    assert len(docs) == 48 and sum(len(d["quotes"]) for d in docs) > 200
    ids = {d["id"] for d in docs}
    others = {d["id"] for d in fresh_gold.load(shared=shared)}
    for folder in ("unseen", "unseen2"):
        others |= {d["id"] for d in fresh_gold.load(shared=shared, folder=fresh_gold.FOLDER / folder)}
    assert not ids & others, "an article of another gold set was drawn again"
    for d in docs:
        test_fresh_gold_quotes_well_formed({d["id"]: d}, d["id"])
