"""A person or organisation named in a large share of the articles tells no story apart."""

from __future__ import annotations

import sqlite3

import pytest

from cronicar.link import index
from cronicar.store.db import Store


def _conn() -> sqlite3.Connection:
    conn = Store(":memory:").conn  # the schema's tables, nothing linked yet
    index.ensure(conn)
    return conn


def test_common_names_weigh_less_rare_ones_and_places_keep_their_weight() -> None:
    conn = _conn()
    for i in range(200):
        keys = ["cc:RO", "org:bursa-de-valori-bucuresti"] if i % 2 == 0 else ["cc:RO"]
        if i % 4 == 1:
            keys.append("org:romgaz")  # a quarter of the articles
        if i < 6:
            keys.append("person:ion-popescu")  # 3%: a name that tells a story apart
        index.count_names(conn, keys)
    w = index.name_weights(conn, ["cc:RO", "org:bursa-de-valori-bucuresti", "org:romgaz", "person:ion-popescu"])
    assert "cc:RO" not in w and "person:ion-popescu" not in w  # weight 1: a country, a rare name
    assert w["org:bursa-de-valori-bucuresti"] == pytest.approx(0.231, abs=0.01)  # in half the articles
    assert w["org:romgaz"] == pytest.approx(0.463, abs=0.01)  # in a quarter
    assert w["org:bursa-de-valori-bucuresti"] < w["org:romgaz"]


def test_no_weighting_before_enough_articles() -> None:
    conn = _conn()
    for _ in range(index.COMMON_NAME_MIN_DOCS - 1):
        index.count_names(conn, ["org:bursa-de-valori-bucuresti"])
    assert index.name_weights(conn, ["org:bursa-de-valori-bucuresti"]) == {}


def test_the_press_s_own_country_is_a_common_name_other_countries_are_not() -> None:
    conn = _conn()
    index.count_terms(conn, ["ro:bursa"], "ro")  # a Romanian article linked: România is home
    for i in range(200):
        index.count_names(conn, ["cc:RO", "cc:UA"] if i % 2 == 0 else ["cc:UA"])
    w = index.name_weights(conn, ["cc:RO", "cc:UA"])
    assert index.home_key("ro") == "cc:RO" and index.home_key("it") == "cc:IT"
    assert w["cc:RO"] == pytest.approx(0.231, abs=0.01)
    assert "cc:UA" not in w  # in every article, and still the story's country
