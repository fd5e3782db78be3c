"""Romanian background in the pluperfect is not news of the article's day (real parse)."""

from __future__ import annotations

from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate


def test_pluperfect_without_a_date_is_not_dated_to_the_article_day(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    text = ("Phenianul a trimis mii de soldați pentru a ajuta Rusia să respingă în primăvara anului 2025 "
            "trupele ucrainene care ocupaseră o parte a regiunii Kursk.")
    events = analyze(text, DocDate.parse("2025-10-27"), "ro").events
    attacks = [(text[e.trigger[0]:e.trigger[1]], e.when["value"]) for e in events if e.type == "attack"]
    assert attacks == [("respingă", "2025-SP")]  # "ocupaseră": background, left out


def test_pluperfect_with_its_own_date_keeps_it(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    text = "Trupele ucrainene ocupaseră în august 2024 o parte a regiunii Kursk."
    events = analyze(text, DocDate.parse("2025-10-27"), "ro").events
    assert [(e.type, e.when["value"]) for e in events] == [("attack", "2024-08")]
