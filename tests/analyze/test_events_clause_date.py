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


def test_a_time_of_a_neighbouring_clause_does_not_date_the_trigger(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """A time expression dates the act of the clause the parse hangs it in: 25 April is when the
    by-election is held, not when the member resigned (in the "după ce" clause beside it), and the
    years of a presidency are not when a man died "shortly before" asking for his coffin's place;
    a clause of simultaneity ("în timp ce") shares its main clause's time."""
    evs = _events(nlp_ro, "Alegerile parțiale se organizează pe 25 aprilie după ce Daniela Popa a demisionat din "
                          "funcție.")
    assert [e.when for e in evs if e.type == "resignation"] == [None]
    evs = _events(nlp_ro, "Cu puțin timp înainte de a muri, Ion Diaconescu a cerut ca sicriul să nu fie depus la "
                          "Camera Deputaților, al cărei președinte a fost între 1996 și 2000.")
    assert [e.when for e in evs if e.type == "death"] == [None]
    evs = _events(nlp_ro, "Profitul Conpet a crescut cu 13% în primul semestru din 2015, în timp ce cifra de afaceri "
                          "a crescut cu numai 1,2%, la 188,4 milioane de lei.")
    assert {e.when["value"] for e in evs if e.type == "rise" and e.when} == {"2015-H1"}


def test_what_led_to_a_dated_act_is_undated_and_a_coordinated_clause_shares_its_time(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """What led to an act the sentence dates ("ieri") happened before it: not news of the
    article's day, but undated; a coordinated clause shares the time of its sentence ("în 2014, el
    era implicat ..., iar reprezentanții l-au informat că nivelul apelor era în creștere")."""
    evs = _events(nlp_ro, "Acțiunile IAR au scăzut ieri cu 1,2%, după ce compania a raportat o creștere a datoriilor.")
    assert [e.when for e in evs if e.type == "rise"] == [None]
    evs = _events(nlp_ro, "Dragnea a amintit că, în 2014, el era implicat în Comitet, iar reprezentanții de la Apele "
                          "Române l-au informat că nivelul apelor era în creștere.")
    assert [e.when["value"] for e in evs if e.type == "rise" and e.when] == ["2014"]


def test_a_time_of_the_clause_or_a_shared_subject_predicate_still_dates(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """Two predicates sharing one subject are one clause ("a ajuns luni ... și s-a întâlnit"), and a
    statement's day still dates the resignation it announces."""
    evs = _events(nlp_ro, "Donald Trump a ajuns luni la Riad și s-a întâlnit cu prințul moștenitor.")
    assert [e.when["value"] for e in evs if e.type == "meeting" and e.when] == ["2025-10-27"]
    from cronicar.analyze.pipeline import analyze  # the quotes stage gives the statement its day

    evs = analyze("Karl Nehammer a declarat sâmbătă că își dă demisia.", DocDate(2025, 10, 27), "ro").events
    assert [e.when["value"] for e in evs if e.type == "resignation" and e.when] == ["2025-10-25"]
