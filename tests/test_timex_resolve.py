"""Anchoring decisions of the temporal engine, on real sentences: tense, month-only dates,
intervals, and the things that must never be dates."""

from __future__ import annotations

import pytest

from cronicar.analyze.timex import tag
from cronicar.analyze.timex.debug import render
from cronicar.analyze.timex.resolve import interval
from cronicar.model import DocDate

DCT = DocDate.parse("2025-10-29")  # a Wednesday


def _values(text: str, dct: DocDate = DCT, lang: str = "ro") -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct, lang)}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Ministrul a declarat luni că taxele cresc.", "luni", "2025-10-27"),
        ("Guvernul se va întâlni luni cu sindicatele.", "luni", "2025-11-03"),
        ("Consiliul urmează să decidă vineri.", "vineri", "2025-10-31"),
        ("Bursa a scăzut ieri după-amiază.", "ieri după-amiază", "2025-10-28TAF"),
        ("Contractul a fost semnat pe 2 septembrie 2012.", "2 septembrie 2012", "2012-09-02"),
        ("Inflația a crescut din decembrie încoace.", "decembrie", "2024-12"),
        ("Profitul a crescut în a doua jumătate a anului trecut.", "a doua jumătate a anului trecut", "2024-H2"),
        ("Prețurile au crescut în ultimele trei luni.", "ultimele trei luni", "P3M"),
        ("Firma are douăzeci și cinci de ani de activitate.", "douăzeci și cinci de ani", "P25Y"),
        ("Acțiunile au urcat acum două săptămâni.", "acum două săptămâni", "2025-W42"),
        ("Dividendul se plătește lunar.", "lunar", "P1M"),
        ("În prezent, firma are 200 de angajați.", "prezent", "PRESENT_REF"),
    ],
)
def test_romanian_values(text: str, span: str, value: str) -> None:
    assert _values(text).get(span) == value


@pytest.mark.parametrize(
    "text",
    [
        "Sunt tot mai mulți investitori, iar mai puțini cumpărători.",  # mai = more
        "Banca a vândut 8.000 de acțiuni, cu 12% mai mult.",  # numbers, percentages
        "Conform OUG 114/2018, taxa bancară a fost introdusă.",  # law number
        "Un bărbat în vârstă de 45 de ani a fost reținut.",  # age
        "Directorul general, Serghei Bulgac, 40 de ani, este suspect în dosar.",  # age in apposition
        "Firma este deținută de Ioana Lambru (32 de ani).",  # age in brackets
        "Acțiunile au scăzut chiar a doua zi de după listare.",  # ordinal day anchored on an event
    ],
)
def test_never_dates(text: str) -> None:
    assert tag(text, DCT, "ro") == []


def test_luni_with_numeral_is_months() -> None:
    (t,) = tag("Dobânda Robor la 3 luni a scăzut.", DCT, "ro")
    assert (t.text, t.type, t.value) == ("3 luni", "DURATION", "P3M")


def test_month_only_dct_keeps_granularity() -> None:
    dct = DocDate.parse("2024-11")
    (t,) = tag("Ministrul a declarat vineri că bugetul e gata.", dct, "ro")
    assert t.value == "2024-11"
    assert t.interval == ("2024-11-01", "2024-11-29")  # the Fridays of November 2024


def test_ranges_are_two_expressions() -> None:
    found = tag("între sfârșitul anului 2024 și primăvara anului 2025", DCT, "ro")
    assert [(t.value, t.mod) for t in found] == [("2024", "END"), ("2025-SP", None)]


@pytest.mark.parametrize(
    ("value", "typ", "mod", "expected"),
    [
        ("2024-11-05", "DATE", None, ("2024-11-05", "2024-11-05")),
        ("2024-Q3", "DATE", None, ("2024-07-01", "2024-09-30")),
        ("2014-WI", "DATE", None, ("2013-12-01", "2014-02-28")),
        ("2024", "DATE", "START", ("2024-01-01", "2024-05-01")),
        ("2025-W02", "DATE", None, ("2025-01-06", "2025-01-12")),
        ("P3M", "DURATION", None, None),
        ("PRESENT_REF", "DATE", None, None),
    ],
)
def test_intervals(value: str, typ: str, mod: str | None, expected: tuple[str, str] | None) -> None:
    assert interval(value, typ, mod) == expected


def test_offsets_index_the_text_with_soft_hyphens() -> None:
    text = "Prețul a scăzut în ulti\u00admele zile."
    (t,) = tag(text, DCT, "ro")
    assert text[t.start : t.end] == t.text == "ulti\u00admele zile"


def test_english_and_spanish() -> None:
    dct = DocDate.parse("1998-02-06")
    assert _values("The company said Tuesday that profit rose last year.", dct, "en") == {"Tuesday": "1998-02-03", "last year": "1997"}
    assert _values("El gobierno informó ayer que el año pasado creció.", dct, "es") == {"ayer": "1998-02-05", "el año pasado": "1997"}


def test_unknown_language_gives_nothing() -> None:
    assert tag("Lundi, le 3 mars.", DCT, "xx") == []


def test_debug_render_lists_rule() -> None:
    out = render("A scăzut ieri.", DCT, "ro")
    assert "2025-10-28" in out and "deictic_pod" in out


def test_spacy_doc_path_uses_tense(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    text = "Guvernul se va întâlni luni. Ministrul a declarat luni că taxele cresc."
    doc = nlp_ro(text)
    vals = [t.value for t in tag(text, DCT, "ro", doc=doc)]
    assert vals == ["2025-11-03", "2025-10-27"]


def test_sentence_starts_agree_with_sentence_span() -> None:
    """The incremental sentence starts (used for every expression) equal the plain search, at
    every position of the two bundled articles, asked in text order as tag() does."""
    from pathlib import Path

    from cronicar.analyze.timex.tense import SentenceStarts, sentence_span

    for path in sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = text + "\n" + text.replace(". ", ".\n")  # newlines as boundaries too
        starts = SentenceStarts(text)
        got = [starts.at(p) for p in range(0, len(text), 7)]
        assert got == [sentence_span(text, p)[0] for p in range(0, len(text), 7)], path.name


@pytest.mark.parametrize(
    ("text", "dct", "lang", "span", "value"),
    [
        # a comparison point is not the new anchor: both "a year earlier" are 1988's quarter
        ("Net rose in the third quarter. A year earlier it fell. Sales were flat a year earlier.", "1989-10-26", "en", None, ["1989-Q3", "1988-Q3", "1988-Q3"]),
        # "last Monday" on a Monday is the previous week's
        ("Shares fell last Monday.", "1989-10-30", "en", "last Monday", "1989-10-23"),
        # Thanksgiving in the past tense: the most recent one
        ("Protesters marched on Thanksgiving Day.", "2000-01-07", "en", "Thanksgiving Day", "1999-11-25"),
        ("El avión despegó el pasado lunes.", "2000-06-07", "es", "el pasado lunes", "2000-06-05"),
        # a month without a year: the nearest one, but not one months ahead in a past-tense sentence
        ("He stepped down as chairman in March for health reasons.", "1989-11-02", "en", "March", "1989-03"),
        ("The deal should be completed by Dec. 15.", "1989-10-31", "en", "Dec. 15", "1989-12-15"),
        ("The merger closes in January.", "1989-11-02", "en", "January", "1990-01"),
        ("The unit will open in June.", "1989-10-26", "en", "June", "1990-06"),
        # "as early as" / "as soon as" / "coming" point ahead like a future auxiliary
        ("His father could come to the U.S. as early as Tuesday.", "2000-04-03", "en", "Tuesday", "2000-04-04"),
        ("Women's Day is this coming Sunday.", "1998-03-05", "en", "Sunday", "1998-03-08"),
        # compound number words, fractions in the next smaller unit, trading days, halves, decades
        ("Prices fell in the last twenty four hours.", "1998-01-08", "en", "the last twenty four hours", "PT24H"),
        ("It took about 5 1/2 hours.", "1998-08-17", "en", "about 5 1/2 hours", "PT5H30M"),
        ("The count lasted a minute and a half.", "1998-01-14", "en", "a minute and a half", "PT1M30S"),
        ("Eight trading days after the crash, it rose.", "1989-10-30", "en", "Eight trading days", "P8D"),
        ("Sales should rise in the last half of 1989.", "1989-10-26", "en", "the last half of 1989", "1989-H2"),
        ("Sales were flat in the last half of the '80s.", "1989-10-26", "en", "the '80s", "198"),
        ("Prices soared in the mid-1990s.", "1998-10-25", "en", "the mid-1990s", "199"),
        # year ranges, "the year 2000", halves of a named year, "from now", an apostrophe decade
        ("Prices rose in 2008-2009.", "2013-03-21", "en", "2008", "2008"),
        ("Nothing happened in the year 2000.", "2013-03-21", "en", "the year 2000", "2000"),
        ("Growth slowed in the second half of the year.", "2013-03-21", "en", "the second half of the year", "2013-H2"),
        ("The plant will open five years from now.", "2013-03-21", "en", "five years from now", "2018"),
        ("Rock ruled the 1980s and '90s.", "2013-03-21", "en", "'90s", "199"),
        # "last March" in a March article is the year before's; "the 1800s" is a century
        ("Prices peaked last March.", "2013-03-21", "en", "last March", "2012-03"),
        ("The house was built in the 1800s.", "2013-03-21", "en", "the 1800s", "18"),
        # a pluperfect "had been due to" is past; "by" before a month or weekday is a deadline ahead
        ("The bid had been due to expire Friday evening.", "1989-10-30", "en", "Friday evening", "1989-10-27TEV"),
        ("KKR plans to pay down the loan by February.", "1989-10-30", "en", "February", "1990-02"),
        # "through" is a future cue only before a date; a possessive weekday is a past event
        ("The bullet tore through his kitchen window Friday night.", "1998-10-25", "en", "Friday night", "1998-10-23TNI"),
        ("The relatives would appeal Wednesday's ruling.", "2000-01-07", "en", "Wednesday", "2000-01-05"),
        # "United States" is no past participle; "until"/"by" point ahead unless a pluperfect is near
        ("He announced that the father would be traveling to the United States Thursday.", "2000-04-05", "en", "Thursday", "2000-04-06"),
        ("Until Thursday, they had not called Kopp a suspect.", "1999-05-07", "en", "Thursday", "1999-05-06"),
        ("Thirty-two members had filed compliance reports by Wednesday.", "1990-08-16", "en", "Wednesday", "1990-08-15"),
        ("The sale, which had been expected, is part of a program to pay down the loan by February.", "1989-10-30", "en", "February", "1990-02"),
        # a participle after "be" or a determiner is no past tense ("will be named", "an unspecified
        # date"); a month more than 75 days off goes the way of the tense
        ("Collins will be named commander for a mission in December.", "1998-03-04", "en", "December", "1998-12"),
        ("The split would be paid on a still unspecified date in January.", "1989-10-26", "en", "January", "1990-01"),
        ("In January, the company brought in a new chief executive.", "1989-10-27", "en", "January", "1989-01"),
        # a scheduled present ("meet Monday") is the coming day; "had been due to expire" is past
        ("He and Arafat meet separately Monday with Albright.", "1998-05-01", "en", "Monday", "1998-05-04"),
        ("The offer had been scheduled to expire at midnight Friday.", "1989-10-30", "en", "midnight Friday", "1989-10-27T24:00"),
        # "since" points back; an abbreviation's period ("Oct. 23") ends no sentence
        ("Investigators have been searching for Kopp since shortly after the Oct. 23 slaying.", "1999-05-06", "en", "Oct. 23", "1998-10-23"),
        # quarters are a duration unit of their own in English; "for the first time in years"
        ("Sales fell in the past two quarters.", "1989-10-27", "en", "the past two quarters", "P2Q"),
        ("The board declares a dividend every quarter.", "1989-10-30", "en", "every quarter", "P1Q"),
        ("Sales grew for the first time in years.", "1989-10-26", "en", "years", "PXY"),
        # a quarter not begun yet, in a past-tense sentence, is last year's
        ("AT&T announced a drop in profits for the fourth quarter.", "1998-01-26", "en", "the fourth quarter", "1997-Q4"),
        ("Sales will rise in the fourth quarter.", "1998-01-26", "en", "the fourth quarter", "1998-Q4"),
        ("The company said it sees growth in the second quarter.", "2013-02-10", "en", "the second quarter", "2013-Q2"),
        ("Creditele acordate în ultimii doi ani și jumătate au dobânzi variabile.", "2013-03-13", "ro", "ultimii doi ani și jumătate", "P2.5Y"),
        # the tense of the expression's own clause wins over a nearer reporting clause after a comma
        ("Datele vor fi publicate în luna martie, a spus el.", "2022-02-24", "ro", "luna martie", "2022-03"),
        ("The figures will be published in March, he said.", "2022-02-24", "en", "March", "2022-03"),
        # a past tense after a comma still dates the month (March lies 85 days ahead: last March)
        ("În martie, compania a raportat pierderi.", "2021-12-20", "ro", "martie", "2021-03"),
        # months without a year: the nearest occurrence unless it lies more than 75 days against
        # the tense (issue 19: "luna martie" on 24 February 2022 is March 2022, not 2021)
        ("Vânzările au fost bune, iar livrările s-au reluat în luna martie.", "2022-02-24", "ro", "luna martie", "2022-03"),
        ("Cardurile primite în lunile iunie - iulie le vor putea folosi din august.", "2022-08-05", "ro", "iunie", "2022-06"),
        ("Inflația a crescut din decembrie încoace.", "2025-10-29", "ro", "decembrie", "2024-12"),
        ("El sábado, cuando los líderes estén reunidos, las prostitutas se apoderarán de las calles.", "2000-06-01", "es", "El sábado", "2000-06-03"),
    ],
)
def test_narrative_and_direction(text: str, dct: str, lang: str, span: str | None, value: object) -> None:
    found = tag(text, DocDate.parse(dct), lang)
    if span is None:
        assert [t.value for t in found] == value
    else:
        assert {t.text: t.value for t in found}.get(span) == value


def test_comparatives_measure_from_the_article_day() -> None:
    """"later this year" is the rest of the year after the DCT, not its last third; "late" is."""
    dct = DocDate.parse("2006-10-05")
    got = {t.text: (t.value, t.mod, t.interval) for t in tag(
        "The delivery, due later this year, slipped. Earlier this month it was on time. "
        "Late last year it fell.", dct, "en")}
    assert got["later this year"] == ("2006", "END", ("2006-10-05", "2006-12-31"))
    assert got["Earlier this month"] == ("2006-10", "START", ("2006-10-01", "2006-10-05"))
    assert got["Late last year"] == ("2005", "END", ("2005-09-01", "2005-12-31"))  # a third, as before


def test_a_duration_is_still_a_duration_next_to_an_age() -> None:
    got = {(t.text, t.value) for t in tag("Ioana Lambru, 32 de ani, conduce firma de trei ani.", DCT, "ro")}
    assert got == {("trei ani", "P3Y")}


def test_weekday_with_its_date_in_apposition_takes_the_date() -> None:
    # DCT Monday 2017-04-24: a bare "vineri" would be 2017-04-21; the apposed date says which Friday
    got = _values("Rulajele au însumat 18 mil. lei, ba chiar vineri, pe 14 aprilie, a fost atins minimul.",
                  DocDate.parse("2017-04-24"))
    assert got == {"vineri, pe 14 aprilie": "2017-04-14"}


@pytest.mark.parametrize(("text", "lang", "dct", "expected"), [
    ("Compania a avut pierderi de 12 milioane lei în ianuarie-septembrie 2017.", "ro", "2018-12-14",
     {"ianuarie": "2017-01", "septembrie 2017": "2017-09"}),
    ("Consumul a scăzut în decembrie-februarie 2017.", "ro", "2018-12-14",
     {"decembrie": "2016-12", "februarie 2017": "2017-02"}),
    ("Sales fell between June 3 and July 14, 2015.", "en", "2018-12-14",
     {"June 3": "2015-06-03", "July 14, 2015": "2015-07-14"}),
])
def test_a_range_lends_its_year_to_its_first_end(text: str, lang: str, dct: str, expected: dict[str, str]) -> None:
    assert _values(text, DocDate.parse(dct), lang) == expected


def test_a_year_named_earlier_in_the_sentence_holds_after_blank_lines(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    # the parse starts the sentence at the blank lines before it, the text after them: both must
    # agree that "2018" and "26 septembrie" are in one sentence
    text = ("Pierderile s-au diminuat.  \n \nTemele vor fi abordate la ZF Pharma Summit 2018, a șaptea ediție a "
            "evenimentului organizat de ZF în 25 și 26 septembrie.")
    got = {t.text: t.value for t in tag(text, DocDate.parse("2018-08-30"), "ro", doc=nlp_ro(text))}
    assert got["26 septembrie"] == "2018-09-26"


def test_a_since_year_does_not_become_the_sentence_year() -> None:
    text = ("Indicele BET a urcat marți la cea mai ridicată valoare din 2008 încoace, în cea mai bună ședință "
            "din luna august încoace.")
    assert _values(text, DocDate.parse("2019-11-26"))["luna august"] == "2019-08"  # not 2008-08


@pytest.mark.parametrize(
    ("text", "lang", "dct", "expected"),
    [
        # a year named earlier in the sentence, but the weekday says which year the date is in
        ("Indicele, folosit la creditele contractate înainte de luna mai 2019, a fost cotat vineri 1 aprilie la "
         "4,6%, ca joi în 31 martie.", "ro", "2022-04-04",
         {"vineri 1 aprilie": "2022-04-01", "joi în 31 martie": "2022-03-31"}),
        # TimeBank-es: a Monday 31 December in a January 2002 article is 2001's
        ("La medida entrará en vigor el lunes, 31 de diciembre.", "es", "2002-01-04", {"el lunes, 31 de diciembre": "2001-12-31"}),
        # a written year wins over the weekday, even when they disagree
        ("Ședința a avut loc vineri, 1 aprilie 2019.", "ro", "2022-04-04", {"vineri, 1 aprilie 2019": "2019-04-01"}),
    ],
)
def test_a_weekday_picks_the_year_of_its_date(text: str, lang: str, dct: str, expected: dict[str, str]) -> None:
    got = _values(text, DocDate.parse(dct), lang)
    for span, value in expected.items():
        assert got.get(span) == value, got


def test_no_expression_runs_across_a_paragraph_break() -> None:
    """ZF agendas: "Summit'21" at a line's end and "Ziua II" two lines down are not "21 zile"."""
    got = _values("ZF Bankers Summit'21  \n \n Ziua II, 7 iulie 2021", DocDate.parse("2021-07-06"))
    assert got == {"7 iulie 2021": "2021-07-07"}


def test_starting_today_is_the_day_not_the_present() -> None:
    """"începând de astăzi" is the article's day; "investitorii de astăzi" stays PRESENT_REF."""
    dct = DocDate.parse("2022-09-29")
    assert _values("Ea intră în consiliu începând de astăzi, 29 septembrie.", dct)["astăzi"] == "2022-09-29"
    assert _values("Investitorii de astăzi sunt mai prudenți.", dct)["astăzi"] == "PRESENT_REF"


@pytest.mark.parametrize(
    ("text", "lang", "dct", "span", "expected"),
    [
        ("Relațiile au beneficiat în ultimele trei luni de un impuls.", "ro", "2025-10-27",
         "ultimele trei luni", ("2025-07-27", "2025-10-27")),
        ("Creditele acordate în ultimii doi ani și jumătate au dobânzi variabile.", "ro", "2025-10-27",
         "ultimii doi ani și jumătate", ("2023-04-27", "2025-10-27")),
        ("Piața va crește în următorii doi ani.", "ro", "2024-02-29", "următorii doi ani", ("2024-02-29", "2026-02-28")),
        # a month-only article: the stretch runs from or to the whole month
        ("Exporturile au scăzut în ultimele trei luni.", "ro", "2024-11", "ultimele trei luni", ("2024-08-01", "2024-11-30")),
        ("Sales rose over the past three months.", "en", "2024-03-31", "the past three months", ("2023-12-31", "2024-03-31")),
        ("Prices will stay high for the next 10 days.", "en", "2024-03-25", "the next 10 days", ("2024-03-25", "2024-04-04")),
        ("Las ventas cayeron en los últimos tres meses.", "es", "2025-10-27", "los últimos tres meses", ("2025-07-27", "2025-10-27")),
        # not anchored: a bare length, the first months of something unnamed, a vague stretch
        ("Firma are trei luni de activitate.", "ro", "2025-10-27", "trei luni", None),
        ("Vânzările din primele trei luni au crescut.", "ro", "2025-10-27", "primele trei luni", None),
        ("Acțiunile au scăzut în ultimele zile.", "ro", "2025-10-27", "ultimele zile", None),
    ],
)
def test_an_anchored_duration_has_the_days_it_covers(text: str, lang: str, dct: str, span: str,
                                                      expected: tuple[str, str] | None) -> None:
    got = {t.text: t for t in tag(text, DocDate.parse(dct), lang)}
    assert got[span].type == "DURATION"
    assert got[span].interval == expected


def test_the_last_day_of_something_is_no_duration() -> None:
    """"În ultima zi a ofertei" is a day of the offer, not a stretch of one day up to the article
    (a ZF reading, 2026-12-06); "în ultimul an" is still the year up to it."""
    got = {t.text: t for t in tag("Investitorii au subscris în ultima zi a ofertei. Prețurile au crescut în "
                                  "ultimul an.", DocDate.parse("2022-12-19"), "ro")}
    assert "ultima zi" not in got
    assert got["ultimul an"].value == "P1Y" and got["ultimul an"].interval == ("2021-12-19", "2022-12-19")


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        # the infinitive's "a" ("pentru a aproba") is no past auxiliary (a ZF reading, 2026-12-06)
        ("Acționarii se vor reuni în septembrie pentru a aproba fuziunea.", "2014-08-17", "septembrie", "2014-09"),
        ("Compania convoacă acționarii pe 26 martie pentru a aproba repartizarea profitului.", "2020-02-24",
         "26 martie", "2020-03-26"),
        # the perfect's "a" still is
        ("Firma a decis în decembrie să vândă.", "2014-08-17", "decembrie", "2013-12"),
    ],
)
def test_an_infinitive_is_no_past_tense(text: str, dct: str, span: str, value: str) -> None:
    assert _values(text, DocDate.parse(dct)).get(span) == value


def test_a_day_with_de_before_its_month() -> None:
    """"23 de septembrie" (numbers from 20 take "de") is a date; "10 de mai multe ori" is no May."""
    got = _values("A ratat plata încă de pe 23 de septembrie, iar pe 21 de decembrie 2020 a plătit. "
                  "Sunt 10 de mai multe ori.", DocDate.parse("2021-10-22"))
    assert got.get("23 de septembrie") == "2021-09-23" and got.get("21 de decembrie 2020") == "2020-12-21"
    assert not any("mai" in k for k in got)


@pytest.mark.parametrize(
    ("dct", "text", "expected"),
    [
        # a season without a year: the one the date falls in, else by tense the last begun (past),
        # the next not over (future), or the nearer (present)
        ("2025-10-06", "Lucrările trebuie terminate până la venirea iernii.", "2026-WI"),
        ("2025-10-06", "Iarna aceasta va fi grea pentru consumatori.", "2026-WI"),
        ("2025-10-06", "Iarna a fost grea pentru consumatori.", "2025-WI"),
        ("2025-10-06", "Iarna trecută a fost blândă.", "2025-WI"),
        ("2025-01-15", "Iarna trecută a fost blândă.", "2024-WI"),
        ("2014-04-06", "Iarna blândă a redus consumul de gaze.", "2014-WI"),
        ("2016-08-29", "Vara aceasta a fost secetoasă.", "2016-SU"),
        ("2016-08-29", "Vara trecută a fost secetoasă.", "2015-SU"),
        ("2025-02-10", "Vara a fost secetoasă, iar recolta mică.", "2024-SU"),
        ("2025-02-10", "Vara va aduce noi scumpiri.", "2025-SU"),
    ],
)
def test_season_year_follows_date_and_tense(dct: str, text: str, expected: str) -> None:
    (t,) = tag(text, DocDate.parse(dct), "ro")
    assert t.value == expected


def test_live_blog_update_times_are_the_articles_day() -> None:
    """"UPDATE 21:40" in a live blog is the article's own day, not the last weekday named."""
    text = ("Guvernul s-a reunit luni într-o ședință extraordinară.\n\nUPDATE 21:40 - Premierul a anunțat "
            "noi măsuri.\n\nUPDATE ora 22.15 Ministrul a demisionat. Marți, la 10:00, va fi o nouă ședință.")
    found = [(t.text, t.value) for t in tag(text, DocDate.parse("2025-03-06"), "ro")]
    assert found == [("luni", "2025-03-03"), ("21:40", "2025-03-06T21:40"), ("ora 22.15", "2025-03-06T22:15"),
                     ("Marți", "2025-03-11"), ("10:00", "2025-03-11T10:00")]


def test_ago_with_a_range_of_counts_is_the_farther_end_approximately() -> None:
    found = [(t.text, t.value, t.mod) for t in tag("Firma a fost înființată acum 2-3 ani, iar fabrica acum "
                                                     "aproximativ doi ani.", DocDate.parse("2025-10-06"), "ro")]
    assert found == [("acum 2-3 ani", "2022", "APPROX"), ("acum aproximativ doi ani", "2023", "APPROX")]


@pytest.mark.parametrize(("text", "tagged"), [
    ("Administrația a anunțat recent o ofertă.", True),
    ("Condițiile anunțate recent sunt bune.", True),
    ("Claudiu Târziu, recent suspendat din funcție, a răspuns.", True),
    ("Au fost probleme. Recent, procurorii au făcut o descindere.", True),
    ("Un studiu recent arată asta.", False),  # an adjective of a masculine noun
    ("Cel mai recent raport al BNR a apărut.", False),
    ("Un rezultat recent a surprins piața.", False),
])
def test_adverbial_recent_is_past_ref(text: str, tagged: bool) -> None:
    found = [t for t in tag(text, DocDate.parse("2020-09-02"), "ro") if t.text.lower() == "recent"]
    assert [t.value for t in found] == (["PAST_REF"] if tagged else [])
