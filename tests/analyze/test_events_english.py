"""English events without a parser: lemmas, phrases, name parts, and coreference without persons
(real analysis over a real store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cronicar.analyze.pipeline import analyze
from cronicar.link.events import link_events
from cronicar.model import Article, DocDate
from cronicar.store.db import Store


def events_of(text: str, dct: str) -> list:
    return analyze(text, DocDate.parse(dct), "en").events


@pytest.mark.parametrize("text,etype,word", [
    ("The two ministers met in Geneva.", "meeting", "met"),
    ("The president meets his counterpart today.", "meeting", "meets"),
    ("Shares of the carmaker fell sharply.", "fall", "fell"),
    ("The Dow Jones index rose by 2 percent.", "rise", "rose"),
    ("Ryanair bought five more jets.", "purchase", "bought"),
    ("The plant closes next month.", "closure", "closes"),
])
def test_inflected_english_triggers_match_their_lemma(text: str, etype: str, word: str) -> None:
    ev = events_of(text, "2009-06-01")
    assert [(text[e.trigger[0]:e.trigger[1]], e.type) for e in ev] == [(word, etype)]


def test_a_phrase_is_one_trigger_dated_by_its_clause() -> None:
    text = "General Motors filed for bankruptcy on Monday."
    ev = events_of(text, "2009-06-03")
    assert [(text[e.trigger[0]:e.trigger[1]], e.type, e.when["value"]) for e in ev] == \
        [("filed for bankruptcy", "bankruptcy", "2009-06-01")]


def test_words_inside_a_name_are_not_triggers() -> None:
    text = "The United States Air Force said the tanker deal was fair."
    words = [text[e.trigger[0]:e.trigger[1]] for e in events_of(text, "2008-03-01")]
    assert words == ["said", "deal"]  # not "States" (lemma "state", a statement trigger)


def test_same_type_triggers_far_apart_are_two_events() -> None:
    text = "The Dow fell 2 percent on Monday, and the Nasdaq composite index dropped 3 percent."
    falls = [text[e.trigger[0]:e.trigger[1]] for e in events_of(text, "2008-10-07") if e.type == "fall"]
    assert falls == ["fell", "dropped"]


def test_verb_and_its_noun_close_together_are_one_event() -> None:
    text = "Boeing signed a deal with the airline."
    assert [e.type for e in events_of(text, "2008-10-07")] == ["agreement"]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "ev.db")


def ingest(store: Store, text: str, dct: str, story: str = "s:test") -> str:
    date = DocDate.parse(dct)
    art = Article(text=text, date=date, lang="en", source="test")
    with store.transaction() as conn:
        store.write_article(conn, art, analyze(text, date, "en"))
        link_events(conn, art.id, story)
    return art.id


def events_by_type(store: Store, etype: str) -> dict[str, list[str]]:
    """event id -> trigger words of its mentions."""
    out: dict[str, list[str]] = {}
    for eid, word in store.query(
            "SELECT m.event_id, substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start) "
            "FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.type=? "
            "ORDER BY a.date, m.trigger_start", (etype,)):
        out.setdefault(eid, []).append(word)
    return out


def test_same_word_family_same_day_and_names_is_one_event(store: Store) -> None:
    ingest(store, "Airbus has won an order from Qatar Airways for 60 jets.", "2005-06-13")
    ingest(store, "Qatar Airways ordered 60 Airbus A350 jets, the airline said.", "2005-06-13")
    orders = events_by_type(store, "purchase")
    assert [sorted(words) for words in orders.values()] == [["order", "ordered"]]


def test_other_names_on_the_same_day_are_another_event(store: Store) -> None:
    ingest(store, "Airbus has won an order from Qatar Airways for 60 jets.", "2005-06-13")
    ingest(store, "Boeing received an order from Ryanair for five jets.", "2005-06-13")
    assert len(events_by_type(store, "purchase")) == 2


def test_the_same_report_on_another_day_is_another_event(store: Store) -> None:
    ingest(store, "Qatar Airways ordered 60 Airbus jets.", "2005-06-13")
    ingest(store, "Qatar Airways ordered 60 Airbus jets.", "2006-06-13")
    assert len(events_by_type(store, "purchase")) == 2


def test_statements_without_a_named_person_stay_apart(store: Store) -> None:
    ingest(store, "The company said sales were down. Analysts said the fall was expected.", "2009-02-03")
    said = events_by_type(store, "statement")
    assert len(said) == 2


def test_the_event_takes_the_most_precise_compatible_date(store: Store) -> None:
    ingest(store, "GM sold its stake in Suzuki in 2008.", "2009-01-10")
    ingest(store, "GM sold the Suzuki stake in November 2008.", "2009-01-12")
    sales = store.query("SELECT when_value FROM events WHERE type='sale'")
    assert [r[0] for r in sales] == ["2008-11"]
    assert store.query("SELECT count(DISTINCT event_id) FROM event_mentions WHERE type='sale'")[0][0] == 1


def test_according_to_is_not_an_agreement() -> None:
    """"according to the poll" shares its lemma with "accord" (an agreement): the written form
    is blocked in the lexicon (type "-"), the real agreement is still found."""
    from cronicar.analyze.pipeline import analyze
    from cronicar.model import DocDate

    text = "Clinton leads Trump by four points, according to the poll. The two firms signed an accord."
    evs = analyze(text, DocDate.parse("2016-09-20"), "en").events
    words = [(e.type, text[e.trigger[0]:e.trigger[1]]) for e in evs]
    assert ("agreement", "according") not in words
    second = text.index("The two firms")
    assert [e for e in evs if e.type == "agreement" and e.trigger[0] >= second], words  # "signed an accord"
