"""Event dates come from the trigger's own sentence/clause; a past act with none is undated (Timex objects built here)."""

from __future__ import annotations

from cronicar.analyze import entities, events
from cronicar.analyze.context import Context
from cronicar.model import DocDate, Timex

TEXT = ("Vladimir Putin s-a întâlnit cu Kim Jong Un în iunie 2024, la Phenian. "
        "Serghei Lavrov a discutat cu Choe Son Hui la Moscova.")


def test_date_from_same_sentence_else_undated(nlp_ro) -> None:  # type: ignore[no-untyped-def]
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
    # told in the past with no time of its own, even in the lead: no day (its article's is the day reported)
    assert talks and talks[0].happened and talks[0].when is None
    assert talks[0].place == "Moscova"


def _events(nlp_ro, text: str):  # type: ignore[no-untyped-def]
    from cronicar.analyze.timex import tag

    dct = DocDate(2025, 10, 27)
    ctx = Context(doc=nlp_ro(text), text=text, dct=dct, lang="ro", timexes=tag(text, dct, "ro"))
    ctx.entities = entities.extract(ctx)
    return events.extract(ctx)


def test_a_date_on_another_events_noun_stays_with_it(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """"De la invazia rusă din Ucraina în 2022": 2022 dates the invasion, not the support told in
    the gerund clause beside it (which is news of the article's day)."""
    evs = _events(nlp_ro, "Relațiile dintre Phenian și Moscova s-au consolidat considerabil de la invazia rusă "
                          "din Ucraina în 2022, Coreea de Nord sprijinind efortul de război al aliatului său.")
    by_type = {e.type: e for e in evs}
    assert by_type["attack"].when and by_type["attack"].when["value"] == "2022"
    assert by_type["supply"].when and by_type["supply"].when["value"] == "2025-10-27"


def test_a_date_on_a_noun_the_clause_governs_still_dates_it(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """The meeting's June dates the agreements concluded during it, and a range the parser hangs
    on the main verb still dates the infinitive clause's act."""
    evs = _events(nlp_ro, 'Lavrov a afirmat că relațiile au beneficiat de un impuls pentru "dezvoltarea acordurilor '
                          'de principiu" încheiate în timpul întâlnirii din iunie 2024, la Phenian, dintre Vladimir '
                          'Putin și Kim Jong Un.')
    assert {e.type: e.when["value"] for e in evs if e.when}.get("agreement") == "2024-06"
    evs = _events(nlp_ro, "Phenianul a furnizat mii de soldați Rusiei pentru a o ajuta să respingă, între sfârșitul "
                          "anului 2024 și primăvara anului 2025, trupele ucrainene.")
    assert {e.type: e.when["value"] for e in evs if e.when}.get("attack") == "2024-END/2025-SP"


def test_a_statement_is_not_dated_by_what_it_announced(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """"APAPR a anunțat recent un randament … în perioada mai 2008 - septembrie 2017": the period is
    what was announced; the announcement, told with no time of its own, is of no day the sentence
    gives (nor said "recent").  A date right after the verb dates it ("a anunțat vineri", "astăzi")."""
    evs = _events(nlp_ro, "Asociația fondurilor de pensii a anunțat un randament mediu de 9,1% în perioada "
                          "mai 2008 - septembrie 2017.")
    assert [e.when for e in evs if e.type == "statement"] == [None]
    evs = _events(nlp_ro, "Asociația fondurilor de pensii a anunțat astăzi un randament mediu de 9,1% în perioada "
                          "mai 2008 - septembrie 2017.")
    assert [e.when["value"] for e in evs if e.type == "statement"] == ["2025-10-27"]
    evs = _events(nlp_ro, "Asociația fondurilor de pensii a anunțat recent un randament mediu de 9,1% în perioada "
                          "mai 2008 - septembrie 2017.")
    assert [e.when for e in evs if e.type == "statement"] == [None]
    evs = _events(nlp_ro, "Asociația fondurilor de pensii a anunțat vineri un randament mediu de 9,1%.")
    assert [e.when["value"] for e in evs if e.type == "statement"] == ["2025-10-24"]
