"""A bare "Kim" is the "Kim Jong Un" of its story, whichever came first; other stories keep theirs."""

from __future__ import annotations

from pathlib import Path

from cronicar.flow import ingest as ingest_articles
from cronicar.model import Article, DocDate
from cronicar.store.db import Store

# Two reports of one happening (the treaty), so that they form one story: a story needs more than
# a shared name (link/evidence.py); what is tested here is the short name inside the story.
SHORT = ("Vladimir Putin a declarat la Moscova că Rusia va respecta tratatul de parteneriat strategic cu "
         "Kim, care include o clauză de apărare reciprocă. Coreea de Nord și Rusia au semnat tratatul, "
         "a precizat Putin.")
FULL = ("Liderul nord-coreean Kim Jong Un și președintele rus Vladimir Putin au semnat un tratat de "
        "parteneriat strategic, cu o clauză de apărare reciprocă. Coreea de Nord și Rusia își "
        "consolidează relațiile, a declarat Putin.")


def persons(store: Store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in store.query("SELECT e.name, m.text FROM mentions m JOIN entities e ON e.id=m.entity_id "
                           "WHERE e.type='PERSON'"):
        out.setdefault(row[0], set()).add(row[1])
    return out


def ingest(tmp_path: Path, *texts_dates: tuple[str, str]) -> Store:
    store = Store(tmp_path / "c.db")
    ingest_articles(store, [Article(text=t, date=DocDate.parse(d)) for t, d in texts_dates])
    return store


def test_short_name_first_then_full_name_merges(tmp_path: Path) -> None:
    store = ingest(tmp_path, (SHORT, "2024-06-20"), (FULL, "2024-06-21"))
    assert len({r[0] for r in store.query("SELECT story_id FROM articles")}) == 1
    p = persons(store)
    assert "Kim" not in p and {"Kim", "Kim Jong Un"} <= p["Kim Jong Un"]
    parts = " ".join(r[0] for r in store.query("SELECT participants FROM events"))
    assert '"Kim"' not in parts and "Kim Jong Un" in parts


def test_full_name_first_then_short_name_merges(tmp_path: Path) -> None:
    store = ingest(tmp_path, (FULL, "2024-06-20"), (SHORT, "2024-06-21"))
    assert {"Kim", "Kim Jong Un"} <= persons(store)["Kim Jong Un"]


def test_ambiguous_short_name_stays_apart(tmp_path: Path) -> None:
    other = ("Sora liderului, Kim Yo Jong, a declarat la Moscova că Rusia și Coreea de Nord vor semna "
             "tratatul de parteneriat strategic, cu o clauză de apărare reciprocă. Vladimir Putin a salutat "
             "declarația.")
    store = ingest(tmp_path, (FULL, "2024-11-04"), (other, "2024-11-05"), (SHORT, "2024-11-06"))
    p = persons(store)
    assert {"Kim Jong Un", "Kim Yo Jong"} <= set(p)
    stories = {r[0] for r in store.query("SELECT story_id FROM articles")}
    assert len(stories) == 1, "precondition: one story with both full names"
    assert p["Kim"] == {"Kim"}  # two full names contain "Kim": it cannot be told apart


def test_idempotent_reingest(tmp_path: Path) -> None:
    store = ingest(tmp_path, (SHORT, "2024-06-20"), (FULL, "2024-06-21"))
    before = persons(store)
    ingest_articles(store, [Article(text=SHORT, date=DocDate.parse("2024-06-20"))])
    assert persons(store) == before
