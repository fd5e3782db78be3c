"""Event dates come from the trigger's own sentence/clause, else the article date (Timex objects built here)."""

from __future__ import annotations

from cronicar.analyze import entities, events
from cronicar.analyze.context import Context
from cronicar.model import DocDate, Timex

TEXT = ("Vladimir Putin s-a întâlnit cu Kim Jong Un în iunie 2024, la Phenian. "
        "Serghei Lavrov a discutat cu Choe Son Hui la Moscova.")


def test_date_from_same_sentence_else_article_date(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    i = TEXT.index("iunie 2024")
    tx = Timex(i, i + len("iunie 2024"), "iunie 2024", "DATE", "2024-06", interval=("2024-06-01", "2024-06-30"))
    ctx = Context(doc=nlp_ro(TEXT), text=TEXT, dct=DocDate(2025, 10, 27), lang="ro", timexes=[tx])
    ctx.entities = entities.extract(ctx)
    evs = events.extract(ctx)
    meeting = [e for e in evs if e.type == "meeting"]
    talks = [e for e in evs if e.type == "talks"]
    assert meeting and meeting[0].when and meeting[0].when["value"] == "2024-06"
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(meeting[0].participants)
    assert meeting[0].place == "Phenian"
    assert talks and talks[0].when and talks[0].when["value"] == "2025-10-27"
    assert talks[0].place == "Moscova"
