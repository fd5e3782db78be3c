"""A story needs more than a famous name: two reports of one happening join, a report that shares
only the name stays apart (link/evidence.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cronicar.flow import ingest as ingest_articles
from cronicar.link import evidence
from cronicar.model import Article, DocDate
from cronicar.store.db import Store

TARIFFS = ("Taxele vamale suplimentare aplicate produselor chinezești de către Statele Unite au ajuns la "
           "145%, conform unui decret al Casei Albe publicat joi, în care se precizează condițiile aplicării "
           "noii ofensive împotriva Beijingului anunțată miercuri de Donald Trump. Decretul confirmă pauza "
           "tarifelor impuse celorlalte țări, iar bursele au reacționat cu scăderi puternice.")
TARIFFS_AGAIN = ("Donald Trump a mărit taxele vamale pentru produsele chinezești la 145%, potrivit decretului "
                 "publicat de Casa Albă. Beijingul a promis că va răspunde ofensivei, iar pauza tarifelor pentru "
                 "celelalte țări rămâne în vigoare, au scris agențiile; bursele au reacționat cu scăderi.")
GREENLAND = ("Donald Trump vrea să plătească 10.000 de dolari fiecărui locuitor al Groenlandei pentru a-i "
             "convinge să accepte anexarea insulei, dezvăluie cotidianul The New York Times. Plata ar înlocui o "
             "subvenție anuală alocată de Danemarca, iar oficialii de la Copenhaga au respins ideea.")


@pytest.mark.parametrize("gap,need", [(0, evidence.SUBJECT_MIN), (3, evidence.SUBJECT_MIN),
                                      (3 + evidence.DRIFT_DAYS, evidence.SUBJECT_MIN + 1),
                                      (3650, evidence.SUBJECT_CAP)])
def test_link_evidence_needs_more_subject_as_time_passes(gap: int, need: int) -> None:
    assert evidence.needed(gap) == need


def test_link_evidence_one_name_is_not_a_story(tmp_path: Path) -> None:
    arts = [Article(text=TARIFFS, date=DocDate.parse("2025-04-10"), title="Trump: taxe de 145% pentru China", lang="ro"),
            Article(text=TARIFFS_AGAIN, date=DocDate.parse("2025-04-11"), title="Taxe de 145% pentru China", lang="ro"),
            Article(text=GREENLAND, date=DocDate.parse("2025-04-12"), title="Trump și Groenlanda", lang="ro")]
    with Store(tmp_path / "c.db", readonly=False) as store:
        ingest_articles(store, arts)
        story = {t: s for t, s in store.conn.execute("SELECT title, story_id FROM articles")}
    assert story["Trump: taxe de 145% pentru China"] == story["Taxe de 145% pentru China"]
    assert story["Trump și Groenlanda"] != story["Taxe de 145% pentru China"]


@pytest.mark.parametrize("mentions,shares,docs,want", [
    # a small corpus holds no beats yet: every name can make a cast (the seeds, a year apart)
    ({"person:choe-son-hui": 1, "person:serghei-lavrov": 3}, {}, 10, {"person:choe-son-hui", "person:serghei-lavrov"}),
    # a ballot list names each candidate once: no cast; a case's accused named again and again is
    ({"person:elena-lasconi": 1, "person:marius-locic": 3}, {}, 300, {"person:marius-locic"}),
    # a candidate in every election report is a beat's name, however often this article names it
    ({"person:marcel-ciolacu": 5, "person:costel-casuneanu": 2},
     {"person:marcel-ciolacu": 0.1, "person:costel-casuneanu": 0.006}, 300, {"person:costel-casuneanu"}),
])
def test_link_evidence_cast_names_are_repeated_and_rare(mentions: dict, shares: dict, docs: int, want: set) -> None:
    assert evidence.cast_names(mentions, shares, docs) == want


def test_link_evidence_function_words_are_no_subject() -> None:
    """Pronouns rare early in a corpus are not a subject; content words are."""
    counts = {"ro:acestia": 2, "ro:inunda": 2, "ro:baraj": 1}
    idf = {t: -1.0 for t in counts}  # never seen: the rarest of all
    got = evidence.article_subject(counts, idf, 100, set(), "ro")
    assert "ro:acestia" not in got and {"ro:inunda", "ro:baraj"} <= set(got)


def test_link_evidence_function_words_are_spacys_stop_words_without_importing_spacy() -> None:
    """The writer of ``ingest --jobs N`` and ``--annotations`` links but never parses: the stop
    words it skips are spaCy's, read without importing spaCy (a fresh interpreter, as the writer)."""
    import subprocess
    import sys
    from importlib import import_module

    from cronicar.lang import languages
    from cronicar.link.signals import fold

    code = ("import sys; from cronicar.link import evidence; "
            "counts = {'ro:acestia': 2, 'ro:inunda': 2}; "
            "got = evidence.article_subject(counts, {t: -1.0 for t in counts}, 100, set(), 'ro'); "
            "print(got, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["['ro:inunda']", "False"]
    for lang in languages():
        spacys = frozenset(fold(w) for w in import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
        assert evidence.function_words(lang) == spacys, lang
    assert evidence.function_words("xx") == frozenset()  # spaCy has the language, not its stop words


@pytest.mark.parametrize("ties,compared,want", [
    (1, 1, True), (1, 2, True),  # a story of two: tied to either is enough
    (1, 3, False), (2, 3, True),  # one tie to a story of three is a chain link, not a share
    (2, 6, False), (3, 6, True),
    (0, 0, False),  # nothing to compare with
])
def test_link_evidence_an_article_must_tie_to_half_the_latest(ties: int, compared: int, want: bool) -> None:
    assert evidence.holds(ties, compared) is want


MEETING = ("agreement", {"Donald Trump", "Vladimir Putin"}, "2025-02-13")


@pytest.mark.parametrize("mine,theirs,want", [
    # the same happening told twice: one type, two shared participants, four days apart
    ([MEETING], [("agreement", {"Donald Trump", "Vladimir Putin", "Arabia Saudită"}, "2025-02-17")], True),
    # one shared participant is a hub name, not a happening
    ([MEETING], [("agreement", {"Donald Trump", "Emmanuel Macron"}, "2025-02-14")], False),
    # the same pair of actors two months later: another happening
    ([MEETING], [("agreement", {"Donald Trump", "Vladimir Putin"}, "2025-04-13")], False),
    # another type of event
    ([MEETING], [("visit", {"Donald Trump", "Vladimir Putin"}, "2025-02-13")], False),
])
def test_link_evidence_a_happening_needs_type_cast_and_days(mine: list, theirs: list, want: bool) -> None:
    assert evidence.share_a_happening(mine, theirs) is want


@pytest.mark.parametrize("hubs,want", [
    (set(), True),
    ({"Donald Trump"}, True),  # Putin is not a hub here: the meeting is still shared
    ({"Donald Trump", "Vladimir Putin"}, False),  # two hub names take part in everything
])
def test_link_evidence_a_happening_of_hubs_only_is_not_shared(hubs: set, want: bool) -> None:
    theirs = [("agreement", {"Donald Trump", "Vladimir Putin"}, "2025-02-14")]
    assert evidence.share_a_happening([MEETING], theirs, hubs) is want


def _report(day: str, title: str, subject: set[str], names: list[str], rare: set[str] | None) -> evidence.Report:
    """A report as the linker builds it: ``names`` with the main one first (evidence.main_first)."""
    return evidence.Report(day, subject, set(names), rare, main=names[0] if names else None, title=title)


# Reports of the Romanian political news (dev half, held-in part): titles as published, subject
# terms and names as the linker stored them (a few of each).
DEATH = _report("2011-10-11", "A murit Ion Diaconescu, fostul presedinte al PNTCD",
                {"ro:muri", "ro:cardiac", "ro:comunist", "ro:liderul"},
                ["person:ion-diaconescu", "org:pntcd", "gpe:bucuresti"], None)
FUNERAL = ("2011-10-12", "Ultima dorinta a lui Ion Diaconescu, indeplinita: Trupul politicianului va fi depus "
           "la sediul PNTCD", {"ro:muri", "ro:trupul", "ro:sicriu", "ro:slujba"},
           ["person:ion-diaconescu", "gpe:biserica-sf-spiridon", "gpe:cimitirul-bellu"])
BALLOT = _report("2024-11-21", "Program de vot la alegerile prezidențiale 2024. La ce oră se deschid secțiile de "
                 "votare în România și străinătate", {"ro:votare", "ro:sectie", "ro:exercita"},
                 ["person:elena-lasconi", "org:partidul-noua-românie", "person:george-simion"], None)
OUTFIT = ("2024-11-24", "Cum s-a îmbrăcat Elena Lasconi în ziua alegerilor prezidențiale 2024. A fost jignită "
          "de un alegător în timp ce vota", {"ro:sectie", "ro:exercita", "ro:rochie", "ro:esarfa"},
          ["person:elena-lasconi", "org:partidul-noua-românie", "person:george-simion"])
LEADERS = _report("2024-08-12", "PNL a schimbat șefii câtorva filiale județene. Robert Sighiartău va prelua "
                  "conducerea PNL Dolj", {"ro:sefie", "ro:strategie", "ro:coordona", "ro:interimar"},
                  ["org:partidul-național-liberal", "gpe:galați", "org:biroul-politic-național",
                   "person:nicoleta-pauliuc", "person:robert-sighiartău"], None)
GALATI = ("2024-08-12", "Nicoleta Pauliuc este coordonatorul PNL Galați", {"ro:sefie", "ro:strategie", "ro:coordonator"},
          ["person:nicoleta-pauliuc", "gpe:galați", "org:biroul-politic-național", "gpe:tecuci"])


@pytest.mark.parametrize("theirs,day,title,subject,names,rare,want", [
    # one man's death and, the next day, his funeral: one subject word, the same rare protagonist
    (DEATH, *FUNERAL, {"person:ion-diaconescu", "gpe:cimitirul-bellu"}, True),
    # ... but not when he is a hub of the corpus (a famous person's profile beside his news)
    (DEATH, *FUNERAL, {"gpe:cimitirul-bellu"}, False),
    # ... nor three weeks later: another happening of his
    (DEATH, "2011-11-02", *FUNERAL[1:], {"person:ion-diaconescu"}, False),
    # a ballot list names the candidate twice but is not about her: she is not in its title
    (BALLOT, *OUTFIT, {"person:elena-lasconi"}, False),
    # a party's county leaders replaced in one meeting, reported county by county the same day
    (LEADERS, *GALATI, {"person:nicoleta-pauliuc", "gpe:galați"}, True),
    # ... with the same names a week later: no longer the same day's happening
    (LEADERS, "2024-08-19", *GALATI[1:], {"person:nicoleta-pauliuc", "gpe:galați"}, False),
    # ... and names that are all common in the corpus are a beat's cast, not the day's
    (LEADERS, *GALATI, set(), False),
])
def test_link_evidence_fresh_ties_tell_one_happening(theirs: evidence.Report, day: str, title: str, subject: set,
                                                    names: list, rare: set, want: bool) -> None:
    mine = _report(day, title, subject, names, rare)
    assert evidence.tied(mine, theirs) is want
    assert evidence.tied(mine, theirs, close=True) is want  # under the probability threshold too


def test_link_evidence_a_stored_report_has_no_fresh_protagonist() -> None:
    """Two stored reports (a merge of two stories) do not know which names are rare: the same main
    person is no tie there."""
    stored = _report(*FUNERAL, None)
    assert not evidence.tied(stored, DEATH, close=True)


@pytest.mark.parametrize("counts,names,want", [
    ({"person:ion-diaconescu": 4, "org:pntcd": 2}, ["org:pntcd", "person:ion-diaconescu"],
     ["person:ion-diaconescu", "org:pntcd"]),
    ({"person:a": 1, "person:b": 1}, ["person:a", "person:b"], ["person:b", "person:a"]),  # a tie: by key
    ({}, [], []),
])
def test_link_evidence_main_name_is_stored_first(counts: dict, names: list, want: list) -> None:
    assert evidence.main_first(counts, names) == want


def _profile_examples() -> list[tuple[str, bool]]:
    """The runnable examples of ``lang/ro/stories_profile.tsv``: a title => profile or news."""
    path = Path(evidence.__file__).parents[1] / "lang" / "ro" / "stories_profile.tsv"
    rows = [line[len("# Example:"):].rsplit("=>", 1) for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# Example:")]
    return [(title.strip(), kind.strip() == "profile") for title, kind in rows]


@pytest.mark.parametrize("title,want", _profile_examples() + [
    # Ziarul Financiar: the market's look and a company's listing are news, not a person's profile
    ("Cum arată astăzi prețul mărfurilor pe bursa de la Chicago: soia e mai scumpă cu 68% decât ieri", False),
    ("Cine este Roca Industry, holdingul care se listează joi la Bursa de la București", False),
    ("PNL a schimbat șefii câtorva filiale județene", False),  # "schimbat" is no ski slope
    ("Ce avere are Donald Trump și din ce face bani", True),
])
def test_link_evidence_profile_titles(title: str, want: bool) -> None:
    assert evidence.is_profile(title, "ro") is want


# Held-in reports (titles as published; subject terms and names as the linker stored them, a few)
PETITION = _report("2023-12-05", "Petiția lui George Stângă șeful PNL a strâns doar 90 de semnături.",
                   {"ro:catara", "ro:nemultumire", "ro:nesimtit", "ro:pusculita", "ro:semnatura", "ro:subiect",
                    "ro:subiectul", "ro:petitia", "ro:penibil"}, ["org:apă-canal", "org:pnl-galați"], None)
CONFERENCE = ("2023-12-07", "VIDEO / Amnezia politică a lui George Stângă, salvată de clopoțel",
              {"ro:catara", "ro:nemultumire", "ro:nesimtit", "ro:pusculita", "ro:semnatura", "ro:subiect",
               "ro:subiectul", "ro:clopotel", "ro:amnezia"}, ["org:apă-canal", "gpe:galați"])
HUSBAND = ("2024-11-26", "Cine este și cum arată primul soț al Elenei Lasconi. S-a căsătorit la 18 ani și a "
           "divorțat după patru ani", {"ro:sot", "ro:divorta", "ro:imbraca"}, ["person:elena-lasconi", "org:cancan"])
ELECTION_DAY = _report(OUTFIT[0], "Elena Lasconi a votat la Câmpulung", OUTFIT[2], OUTFIT[3], None)
ARREST = _report("2010-04-08", "Dosarul \"Voicu\": Omul de afaceri Marius Locic a fost retinut 24 de ore",
                 {"ro:audia", "ro:retinere"}, ["person:marius-locic", "person:catalin-voicu", "person:costel-casuneanu",
                                                "person:florin-costiniu", "org:direcția-națională-anticorupție"], None)
MONEY_BACK = ("2010-03-25", "Cazul Voicu: Casuneanu isi vrea banii inapoi", {"ro:audia", "ro:citatie"},
              ["org:direcția-națională-anticorupție", "person:catalin-voicu", "person:costel-casuneanu",
               "person:florin-costiniu", "person:marius-locic"])
ELEVEN = {f"ro:t{i}" for i in range(11)}  # a text republished: most of its subject again


@pytest.mark.parametrize("theirs,day,title,subject,names,rare,want", [
    # two happenings of one saga two days apart (a petition, then a press conference on the same
    # prices): seven shared words and a name were a close tie; beyond the next day they are not
    (PETITION, *CONFERENCE, {"org:apă-canal"}, False),
    # ... the same report republished two days later still is (a retelling)
    (replace(PETITION, subject=PETITION.subject | ELEVEN), CONFERENCE[0], CONFERENCE[1], PETITION.subject | ELEVEN,
     CONFERENCE[3], set(), True),
    # ... but not a month later: the same words then are a template (a monthly report)
    (replace(PETITION, subject=PETITION.subject | ELEVEN), "2024-01-05", CONFERENCE[1], PETITION.subject | ELEVEN,
     CONFERENCE[3], set(), False),
    # a profile (her first husband) beside her election-day report: the same rare protagonist named
    # in both titles, within three days, no shared happening
    (ELECTION_DAY, *HUSBAND, {"person:elena-lasconi"}, False),
    # one case's arrest two weeks after a witness's statement: the same rare cast of four people
    (ARREST, *MONEY_BACK, set(MONEY_BACK[3]), True),
])
def test_link_evidence_profiles_and_sagas_need_a_happening(theirs: evidence.Report, day: str, title: str,
                                                          subject: set, names: list, rare: set, want: bool) -> None:
    mine = replace(_report(day, title, subject, names, rare), profile=evidence.is_profile(title, "ro"))
    theirs = replace(theirs, profile=evidence.is_profile(theirs.title, "ro"))
    assert evidence.tied(mine, theirs) is want


def test_link_evidence_a_profile_shares_a_happening() -> None:
    """A profile is tied to a report that tells one of its happenings (same type, participants, days)."""
    mine = _report(*HUSBAND, {"person:elena-lasconi"})
    mine.profile = True
    vote = ("vote", {"Elena Lasconi", "Câmpulung"}, "2024-11-24")
    mine.happenings = [vote]
    theirs = _report(OUTFIT[0], OUTFIT[1], OUTFIT[2], OUTFIT[3], None)
    theirs.happenings = [vote]
    assert evidence.tied(mine, theirs)
    theirs.happenings = []
    assert not evidence.tied(mine, theirs)


def _occasion_examples() -> list[tuple[str, str]]:
    """The runnable examples of ``lang/ro/stories_occasions.tsv``: a title => its occasion and
    qualifiers, or none."""
    path = Path(evidence.__file__).parents[1] / "lang" / "ro" / "stories_occasions.tsv"
    rows = [line[len("# Example:"):].rsplit("=>", 1) for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# Example:")]
    return [(title.strip(), want.strip()) for title, want in rows]


@pytest.mark.parametrize("title,want", _occasion_examples())
def test_link_evidence_occasion_titles(title: str, want: str) -> None:
    found = evidence.occasion(title, "ro")
    assert (" ".join([found[0], *sorted(found[1])]) if found else "none") == want


# Reports of the first round of Romania's presidential election (24 November 2024), held-in part:
# titles as published; they share no name and no subject word with each other.
QUAKE = _report("2024-11-24", "Cutremur de intensitate medie, înregistrat imediat după ce s-au deschis secțiile de "
                "votare", {"ro:magnitudine", "ro:cutremur", "ro:votare"}, ["gpe:vrancea", "gpe:buzău"], None)
RESULT = ("2024-11-26", "BBC: România a fost uimită de victoria lui Călin Georgescu, un candidat independent cu "
          "trecut naționalist, în primul tur al alegerilor prezidențiale.", {"ro:nationalist", "ro:uimit"},
          ["person:călin-georgescu", "org:tiktok"])
SPENDING = ("2024-11-26", "Câți bani a cheltuit Marcel Ciolacu ca să… piardă alegerile prezidențiale",
            {"ro:cheltui", "ro:campanie"}, ["org:aep"])


QUITS = ("2024-11-25", "Mircea Geoană vrea să renunțe la cariera politică după rezultatul la alegeri",
         {"ro:cariera", "ro:renunta"}, ["person:mircea-geoană"])


@pytest.mark.parametrize("theirs,day,title,want", [
    # the result's echo and a loser quitting after it: one occasion's day, nothing else shared
    (_report(*RESULT, None), *QUITS[:2], True),
    # the day's earthquake "right after the polling stations opened": the stations say when, the
    # earthquake is what happened (a blind reader: not the same story as the result)
    (QUAKE, *RESULT[:2], False),
    (QUAKE, *QUITS[:2], False),
    # an outfit at the polls is the day's colour (a profile, and "în ziua alegerilor" says when)
    (_report(*OUTFIT, None), *QUITS[:2], False),
    # not a week later: the parliamentary election's day is another occasion
    (_report(*QUITS, None), "2024-12-01", "Numărătoarea paralelă în județul Galați: PSD conduce detașat",
     False),
    # ... nor, the same day, a title naming another kind or another round
    (_report(*RESULT, None), "2024-11-25", "Prezența la vot la alegerile parlamentare", False),
    (_report(*RESULT, None), "2024-11-26", "Rezultatele parțiale din turul 2 al alegerilor", False),
    # a campaign's spending names the election, not its day
    (_report(*QUITS, None), *SPENDING[:2], False),
])
def test_link_evidence_one_occasion_s_day(theirs: evidence.Report, day: str, title: str, want: bool) -> None:
    mine = _report(day, title, {"ro:altceva"}, ["person:cineva"], set())
    mine.lang = "ro"
    mine.profile = evidence.is_profile(title, "ro")
    theirs = replace(theirs, profile=evidence.is_profile(theirs.title, "ro"))
    assert evidence.tied(mine, theirs) is want
    assert evidence.tied(mine, theirs, close=True) is want  # whatever the probability says


def test_link_evidence_one_occasion_s_day_is_one_story(tmp_path: Path) -> None:
    """Two reports of an election's result that share no name join one story; an earthquake as the
    polling stations opened and a report of the campaign's spending the same days do not."""
    quake = ("Un cutremur cu magnitudinea 4,1 s-a produs duminică dimineață în zona Vrancea, la scurt timp după "
             "deschiderea secțiilor de votare. Seismul a fost resimțit la Buzău și Focșani, anunță institutul.")
    quits = ("Mircea Geoană a anunțat luni că se gândește să se retragă din viața publică, după ce a obținut "
             "un scor modest. Fostul secretar general adjunct al NATO le-a mulțumit susținătorilor.")
    result = ("Presa britanică scrie că alegătorii au fost surprinși de scorul candidatului independent Călin "
              "Georgescu, care a condus numărătoarea voturilor cu o campanie făcută pe TikTok.")
    spending = ("Partidul Social Democrat a raportat la Autoritatea Electorală Permanentă cheltuieli de 40 de milioane "
                "de lei pentru campania lui Marcel Ciolacu, cea mai scumpă dintre toate.")
    arts = [Article(text=quake, date=DocDate.parse("2024-11-24"), lang="ro", title=QUAKE.title),
            Article(text=quits, date=DocDate.parse("2024-11-25"), lang="ro", title=QUITS[1]),
            Article(text=result, date=DocDate.parse("2024-11-26"), lang="ro", title=RESULT[1]),
            Article(text=spending, date=DocDate.parse("2024-11-25"), lang="ro", title=SPENDING[1])]
    with Store(tmp_path / "c.db", readonly=False) as store:
        ingest_articles(store, arts)
        story = {t: s for t, s in store.conn.execute("SELECT title, story_id FROM articles")}
    assert story[QUITS[1]] == story[RESULT[1]]
    assert story[QUAKE.title] != story[RESULT[1]]
    assert story[SPENDING[1]] != story[RESULT[1]]


# A claim and the reply to it: the man named in both titles, the NER's kind aside (a place in one)
CLAIM = _report("2012-03-29", "George Maior, directorul SRI: Declaratiile lui Sorin Frunzaverde privind "
                "interceptarile telefonice sunt de natura politica", {"ro:interceptare", "ro:telefonic"},
                ["person:sorin-frunzaverde", "person:george-maior", "org:sri"], None)
RESIGNS = ("2012-04-01", "Sorin Frunzaverde si-a dat demisia din PDL", {"ro:demisie", "ro:pedelist"},
           ["gpe:frunzaverde", "org:pdl", "gpe:resita"])


@pytest.mark.parametrize("theirs,day,title,subject,names,rare,want", [
    # three days later, named in both titles, rare in the corpus: one story
    (CLAIM, *RESIGNS, {"gpe:frunzaverde"}, True),
    # ... not when he is a hub of the corpus (every report of a campaign names its candidate)
    (CLAIM, *RESIGNS, set(), False),
    # ... nor a week later: another happening of his
    (CLAIM, "2012-04-05", *RESIGNS[1:], {"gpe:frunzaverde"}, False),
    # ... nor when the other title names someone else
    (replace(CLAIM, title="George Maior: interceptarile sunt legale"), *RESIGNS, {"gpe:frunzaverde"}, False),
])
def test_link_evidence_a_person_named_in_both_titles(theirs: evidence.Report, day: str, title: str, subject: set,
                                                    names: list, rare: set, want: bool) -> None:
    assert evidence.tied(replace(_report(day, title, subject, names, rare), few=rare), theirs) is want


VERDICT = ("2012-06-01", "Senatorul Catalin Voicu, condamnat la 5 ani de inchisoare", {"ro:condamna", "ro:pedeapsa"},
           ["person:catalin-voicu", "person:costel-casuneanu", "person:florin-costiniu", "person:marius-locic"])


@pytest.mark.parametrize("title,few,want", [
    # a case's verdict two years after an arrest: its four accused, each named once, few reports'
    # names, one of them in both titles
    (VERDICT[1], set(VERDICT[3]), True),
    # ... not when no title names one of them (a county's politicians listed in two results pieces)
    ("Patru condamnari definitive la Inalta Curte", set(VERDICT[3]), False),
    # ... nor when they are common names of the corpus
    (VERDICT[1], set(), False),
])
def test_link_evidence_a_case_s_cast_named_once(title: str, few: set, want: bool) -> None:
    mine = replace(_report(VERDICT[0], title, VERDICT[2], VERDICT[3], set()), few=few)
    assert evidence.tied(mine, ARREST) is want


TALKS = _report("2024-12-22", "Negocieri pentru formarea Guvernului",
                {"ro:coalitie", "ro:discutie", "ro:consens", "ro:protocol", "ro:ministere"},
                ["person:crin-antonescu", "org:udmr"], None)
CANDIDATE = ("2024-12-23", "Crin Antonescu este candidatul comun propus de PSD, PNL, UDMR și grupul minorităților",
             ["person:crin-antonescu", "org:udmr", "person:ilie-bolojan"])


@pytest.mark.parametrize("subject,want", [
    # the coalition's talks and, the next day, the common candidate they agreed on: four rare words
    # ("coaliție", "discuție", "consens", "protocol") and a name, under the probability threshold
    ({"ro:coalitie", "ro:discutie", "ro:consens", "ro:protocol", "ro:comun"}, True),
    # ... three are a beat's words, not one happening's
    ({"ro:coalitie", "ro:discutie", "ro:consens", "ro:comun"}, False),
])
def test_link_evidence_close_tie_of_four_words(subject: set, want: bool) -> None:
    mine = _report(CANDIDATE[0], CANDIDATE[1], subject, CANDIDATE[2], set())
    assert evidence.tied(mine, TALKS, close=True) is want


def _reply_examples() -> list[tuple[str, bool]]:
    """The runnable examples of ``lang/ro/stories_replies.tsv``: a title => reply or news."""
    path = Path(evidence.__file__).parents[1] / "lang" / "ro" / "stories_replies.tsv"
    rows = [line[len("# Example:"):].rsplit("=>", 1) for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# Example:")]
    return [(title.strip(), kind.strip() == "reply") for title, kind in rows]


@pytest.mark.parametrize("title,want", _reply_examples())
def test_link_evidence_reply_titles(title: str, want: bool) -> None:
    assert evidence.is_reply(title, "ro") is want


# A man named US emissary, and three days later a reply asking about his words: the reply names
# him once, as an organisation, spelled with "î" where his report wrote "â" (held-in titles)
EMISSARY = _report("2025-04-04", "Dragoș Sprînceană, emisarul lui Ciolacu în SUA", {"ro:emisar", "ro:lago"},
                   ["org:partidul-republican", "person:dragoș-sprânceană", "gpe:constanța"], None)
REPLY = ("2025-04-07", "Elena Lasconi îi cere lui Ciolacu să ofere de urgență clarificări privind declarațiile "
         "făcute de Dragoș Sprînceană, trimisul său special în SUA", {"ro:clarificare", "ro:urgenta"},
         ["person:elena-lasconi", "org:dragoș-sprînceană"])


@pytest.mark.parametrize("theirs,day,title,few,want", [
    (EMISSARY, *REPLY[:2], {"org:dragoș-sprînceană"}, True),
    # ... not when many reports name him (a hub's every critic is no reply to one report)
    (EMISSARY, *REPLY[:2], set(), False),
    # ... nor beyond a few days
    (EMISSARY, "2025-04-12", REPLY[1], {"org:dragoș-sprînceană"}, False),
    # ... nor when the title is no reply: a later report that names him is his next step, not an answer
    (EMISSARY, REPLY[0], "Dragoș Sprînceană a fost la Mar-a-Lago", {"org:dragoș-sprînceană"}, False),
])
def test_link_evidence_a_reply_names_the_man_it_answers(theirs: evidence.Report, day: str, title: str,
                                                       few: set, want: bool) -> None:
    mine = _report(day, title, REPLY[2], REPLY[3], set())
    mine.lang, mine.few = "ro", few
    assert evidence.titled_person(mine, theirs, evidence._days(day, theirs.day) or 0) is want


# A visit announced for "next week" and made four days later (held-in leads), and a deputy's
# share sale whose report recalls, further down, the CEO's sale of the week before (ZF 2022)
ANNOUNCED = ("visit", {"Emmanuel Macron"}, "2025-02-24", "2025-03-02", True, True)
MADE = ("meeting", {"Emmanuel Macron", "Donald Trump"}, "2025-02-24", "2025-02-24", True, True)
CEO_SALE = ("sale", {"Omer Tetik", "Banca Transilvania"}, "2022-03-23", "2022-03-23", True, True)
RECALLED = ("sale", {"Omer Tetik", "Banca Transilvania"}, "2022-03-21", "2022-03-27", False, True)
DEPUTY_SALE = ("sale", {"Mihaela-Simona Nădășan", "Banca Transilvania"}, "2022-03-28", "2022-03-28", True, True)


@pytest.mark.parametrize("mine,theirs,want", [
    ([MADE], [ANNOUNCED], True),
    ([MADE], [("visit", {"Emmanuel Macron"}, "2025-03-10", "2025-03-16", True, True)], False),  # another week
    # ... unless a report does not date it (its own day says when it was told): then two participants
    ([MADE], [("visit", {"Emmanuel Macron"}, "2025-02-20", "2025-02-20", True, False)], False),
    ([MADE], [("visit", {"Emmanuel Macron", "Donald Trump"}, "2025-02-20", "2025-02-20", True, False)], True),
    ([MADE], [("visit", {"Donald Trump"}, "2025-02-24", "2025-03-02", True, True)], False),  # a hub alone
    ([DEPUTY_SALE, RECALLED], [CEO_SALE], False),  # recalled beyond the lead: another happening
    ([DEPUTY_SALE], [CEO_SALE], False),  # the same bank, two days: two sales
])
def test_link_evidence_one_happening_of_both_leads(mine: list, theirs: list, want: bool) -> None:
    assert evidence.one_happening(mine, theirs, {"Donald Trump", "Statele Unite ale Americii"}) is want
    # the tie between two reports four days apart rests on it
    a = _report("2025-02-24", "a", {"ro:x"}, ["person:a"], set())
    b = _report("2025-02-20", "b", {"ro:y"}, ["person:b"], None)
    a.happenings, b.happenings, a.hubs = mine, theirs, {"Donald Trump"}
    assert evidence.tied(a, b) is want


def _session_examples() -> list[tuple[str, bool]]:
    """The runnable examples of ``lang/ro/stories_sessions.tsv``: a title => session or news."""
    path = Path(evidence.__file__).parents[1] / "lang" / "ro" / "stories_sessions.tsv"
    rows = [line[len("# Example:"):].rsplit("=>", 1) for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# Example:")]
    return [(title.strip(), kind.strip() == "session") for title, kind in rows]


@pytest.mark.parametrize("title,want", _session_examples())
def test_link_evidence_session_titles(title: str, want: bool) -> None:
    assert evidence.is_session(title, "ro") is want


# Three round-ups of the US tech falls (ZF, May 2022): Tuesday's opening, the next morning's
# edition telling of Tuesday ("marți", "ieri"), and Wednesday's opening: the first two share one
# session, the third is another, though it shares every word with the second
TUESDAY = ("2022-05-24", "Business internațional. După seria de creșteri consistente de luni, acțiunile americane "
           "încep din nou să scadă, trase în jos de dinamica Snap")
NEXT_MORNING = ("2022-05-25", "Cele mai recente scăderi ale acțiunilor tech din SUA distrug speranțele conform cărora "
                "selloff-ul a ajuns la final: Nasdaq, cu 30% sub maximul atins")
WEDNESDAY = ("2022-05-26", "Cele mai recente evoluții de pe Wall Street arată că investitorii care vând acțiuni tech "
             "nu și-au pierdut din avânt")
TECH = {"ro:selloff", "ro:snap", "ro:alphabet", "ro:tech", "ro:speranta", "ro:epuizare"}


@pytest.mark.parametrize("a,a_session,b,b_session,want", [
    (NEXT_MORNING, "2022-05-24", WEDNESDAY, "2022-05-25", False),
    (TUESDAY, "2022-05-24", NEXT_MORNING, "2022-05-24", True),
    # ... a report that is no round-up (no session) is compared as before
    (NEXT_MORNING, None, WEDNESDAY, "2022-05-25", True),
])
def test_link_evidence_a_session_is_its_own_happening(a: tuple, a_session: str | None, b: tuple,
                                                     b_session: str | None, want: bool) -> None:
    mine = _report(b[0], b[1], TECH, ["org:nasdaq", "org:alphabet"], None)
    theirs = _report(a[0], a[1], TECH, ["org:nasdaq", "org:alphabet"], None)
    mine.session, theirs.session = b_session, a_session
    assert evidence.tied(mine, theirs) is want
