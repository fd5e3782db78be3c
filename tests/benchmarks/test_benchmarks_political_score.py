"""benchmarks/political_news.py score: pair precision and recall of stories against a reader's groups."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.political_news import score_pairs  # noqa: E402

# A strict group of three reports of one election day inside a loose group of the campaign, and a
# strict pair of two reactions to one claim: 3 + 1 strict pairs, 3 + 3 + 1 pairs in any group.
GROUPS = [
    {"kind": "strict", "articles": [{"url": "vot"}, {"url": "cutremur"}, {"url": "rezultat"}]},
    {"kind": "loose", "articles": [{"url": "vot"}, {"url": "cutremur"}, {"url": "rezultat"}, {"url": "profil"}]},
    {"kind": "strict", "articles": [{"url": "ciolacu"}, {"url": "dragnea"}]},
]


def test_benchmarks_political_score_counts_strict_loose_and_not_pairs() -> None:
    # one story holds the election day and the profile (3 strict, 3 loose pairs), another joins a
    # reaction to an unrelated report (1 not); the second reaction is alone (its pair missed)
    stories = {"vot": "a", "cutremur": "a", "rezultat": "a", "profil": "a", "ciolacu": "b", "altceva": "b",
               "dragnea": "c"}
    r = score_pairs(stories, GROUPS)
    assert (r["pairs"], r["strict"], r["loose"], r["not"]) == (7, 3, 3, 1)
    assert r["precision_strict"] == pytest.approx(3 / 7)
    assert r["precision_loose"] == pytest.approx(6 / 7)
    assert r["recall_strict"] == pytest.approx(3 / 4)
    assert r["missing"] == 0


def test_benchmarks_political_score_missing_article_stays_a_miss() -> None:
    # "rezultat" was not stored (rejected, or stored as another's duplicate): its two strict pairs
    # cannot be made and still count as missed ("profil", of the loose group only, is missing too)
    stories = {"vot": "a", "cutremur": "a", "ciolacu": "b", "dragnea": "b"}
    r = score_pairs(stories, GROUPS)
    assert (r["strict"], r["not"], r["missing"]) == (2, 0, 2)
    assert r["recall_strict"] == pytest.approx(2 / 4)
    assert r["precision_strict"] == 1.0


def test_benchmarks_political_score_no_pairs_made() -> None:
    r = score_pairs({"vot": "a", "cutremur": "b"}, GROUPS)
    assert (r["pairs"], r["precision_strict"], r["recall_strict"]) == (0, 0.0, 0.0)
