"""Speaker and statement kinds of the unseen-quotes set (issue 19, eighth session: 48 quote-rich
articles annotated before cronicar was run on them, eval/fresh_gold/unseen_quotes), each on a sentence
shaped like the article's and checked against the Romanian quote guidelines."""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.quotes import extract


def _quotes(nlp_ro, text: str):  # type: ignore[no-untyped-def]
    norm = normalize_aligned(text).text
    return norm, extract(Context(doc=nlp_ro(norm), text=norm, dct=None, lang="ro"))


def _speaker_of(nlp_ro, text: str, content_start: str) -> str | None:
    norm, quotes = _quotes(nlp_ro, text)
    found = [q for q in quotes if norm[q.content[0] : q.content[1]].startswith(content_start)]
    assert found, [norm[q.content[0] : q.content[1]][:30] for q in quotes]
    return found[0].speaker


# A role naming its office, with no apposition anywhere, in a statement right after statements of
# one person only: that person (an interview's "procurorul general al României" after quotes of
# Gabriela Scutea; "ministrul Afacerilor Interne" after Lucian Bode's post).
LIMITS = "„Există niște limite. Rezultă clar din pozițiile adoptate de ONG-uri”, a menționat procurorul general al României."
SOLE = [
    ("„Dosarul are 121 de volume”, a declarat Gabriela Scutea.\n\n" + LIMITS, "Există niște limite",
     "Gabriela Scutea"),
    ("Lucian Bode a afirmat, într-o postare pe Facebook, că angajaţii MAI vor fi alături de participanţi.\n\n"
     "„În aceste zile suntem partenerii celor care respectă legea. Unii fără alţii nu se poate!”, a mai transmis "
     "ministrul Afacerilor Interne.", "În aceste zile", "Lucian Bode"),
]
# With two people speaking before, or a sentence of the article between, the role stays as written:
# it may be either person's, or a third holder's ("primarul orașului Queenstown", a coref test).
NOT_SOLE = [
    "„Dosarul are 121 de volume”, a declarat Gabriela Scutea. „Nu am fost audiat”, a spus Ion Popescu.\n\n" + LIMITS,
    "„Dosarul are 121 de volume”, a declarat Gabriela Scutea. Ancheta continuă.\n\n" + LIMITS,
]


@pytest.mark.parametrize("text,start,speaker", SOLE, ids=range(len(SOLE)))
def test_role_of_the_sole_earlier_speaker(nlp_ro, text: str, start: str, speaker: str) -> None:
    assert _speaker_of(nlp_ro, text, start) == speaker


@pytest.mark.parametrize("text", NOT_SOLE, ids=range(len(NOT_SOLE)))
def test_role_stays_a_role_after_two_speakers_or_a_gap(nlp_ro, text: str) -> None:
    assert _speaker_of(nlp_ro, text, "Există niște limite") == "procurorul general al României"


# An acronym speaker the article spells out by the initials of a name it writes (no "(MAE)"
# definition, no gazetteer entry needed): the full name, a place after the acronym included.
SPELLED = [
    ("Ministerul Afacerilor Externe a reacționat la declarațiile lui Dmitri Medvedev. MAE spune că reacția lui "
     "Medvedev indică un mare grad de frustrare.", "reacția lui Medvedev", "Ministerul Afacerilor Externe"),
    ("Inspectoratul de Poliţie Judeţean Arad a făcut public cazul joi. „În cauză a fost întocmit un dosar "
     "penal”, a transmis IPJ Arad.", "În cauză a fost", "Inspectoratul de Poliție Județean Arad"),
]


@pytest.mark.parametrize("text,start,speaker", SPELLED, ids=range(len(SPELLED)))
def test_acronym_spelled_out_by_initials(nlp_ro, text: str, start: str, speaker: str) -> None:
    assert _speaker_of(nlp_ro, text, start) == speaker


def test_acronym_with_two_spellings_stays(nlp_ro) -> None:
    text = ("Ministerul Afacerilor Externe și Ministerul Apărării Europene au discutat. MAE spune că reacția a fost "
            "corectă.")
    assert _speaker_of(nlp_ro, text, "reacția a fost") == "MAE"


# Outlets and channels that stood for the one they relay (guidelines §2: the innermost source):
# a social network between the verb and its subject, an outlet quoting someone, an outlet after a
# sentence its opening source already reports.
CHANNELS = [
    ('"Astăzi, pentru prima dată de la invazia rusă, cargoul Fulmar S a sosit în portul Cernomorsk", a declarat pe '
     'Facebook ministrul ucrainean al infrastructurii, Oleksandr Kubrakov. Nava poate încărca 14.415 tone, potrivit '
     'Marinetraffic.com.', "Astăzi, pentru prima", "Oleksandr Kubrakov", None),
    ("Pompierii se străduiau să stăpânească incendiul provocat de artificii, a declarat TASS, citându-l pe șeful "
     "serviciului de salvare al ministerului.", "Pompierii se străduiau", "șeful serviciului de salvare al ministerului",
     "TASS"),
    ("Potrivit unui comunicat transmis de IPJ Arad, agentul este din oraşul Sântana, potrivit Agerpres.",
     "agentul este din", "IPJ Arad", "Agerpres"),
]


@pytest.mark.parametrize("text,start,speaker,media", CHANNELS, ids=range(len(CHANNELS)))
def test_channel_is_not_the_speaker(nlp_ro, text: str, start: str, speaker: str, media: str | None) -> None:
    norm, quotes = _quotes(nlp_ro, text)
    found = [q for q in quotes if norm[q.content[0] : q.content[1]].startswith(start)]
    assert found and found[0].speaker == speaker, [(norm[q.content[0]:q.content[1]][:25], q.speaker) for q in quotes]
    if media:
        assert found[0].media_source == media


# ZF headlines: "Name, affiliation: statement" opening a later sentence of the title (after a
# show's name), or after a name whose apposition makes the speaker part long.
HEADLINES = [
    ("ZF Deschiderea de astăzi. Dragoş Mesaroş, Goldring: În astfel de momente nu mai contează nici măcar "
     "rezultatele financiare\n\nPiețele au scăzut.", "În astfel de momente", "Dragoș Mesaroș"),
    ("ALRO, cel mai mare consumator de energie din România: Bursa de energie nu funcţionează, aşa că traderii au "
     "putut crea o bulă speculativă\n\nALRO a raportat pierderi.", "Bursa de energie", "ALRO"),
    ("Aurel Bernat, CEO al BT AM, despre aşteptările privind promovarea Bursei: un interes mai mare din partea "
     "investitorilor\n\nBursa a fost promovată.", "un interes mai mare", "Aurel Bernat"),
]


@pytest.mark.parametrize("text,start,speaker", HEADLINES, ids=range(len(HEADLINES)))
def test_headline_speaker_in_a_later_title_sentence_or_apposition(nlp_ro, text: str, start: str, speaker: str) -> None:
    assert _speaker_of(nlp_ro, text, start) == speaker


# Articles typed without diacritics (old political news): "ca" is "că" after a speech verb, a
# verb without its marks is a cue after an auxiliary or as a gerund, "dupa ce" ends the clause;
# "asa ca" stays a connective and a recipe's imperative no cue.
PLAIN_INTRO = ("Tot joi a fost audiat si generalul in rezerva Adrian Isac, in calitate de martor la una dintre "
               "discutiile parlamentarului cu afaceristul Marius Locic, de la restaurantul Select din Capitala. ")
PLAIN = [
    (PLAIN_INTRO + "El a declarat la iesirea de la DNA ca discutiile au fost redate partial gresit.",
     "discutiile au fost redate partial gresit"),
    (PLAIN_INTRO + '"Vor fi retehnologizate 10 lifturi din 21", a mai spus Barbu, adaugand ca se va cere in caietul '
     "de sarcini sa fie modernizate treptat.", "se va cere in caietul de sarcini sa fie modernizate treptat"),
    (PLAIN_INTRO + "Deputatul Oana Niculescu-Mizil a anuntat ca demisioneaza din PSD, dupa ce BPN a luat decizia de "
     "inlocuire a sa.", "demisioneaza din PSD"),
]
PLAIN_NOT = [
    PLAIN_INTRO + "Dieta de urgenta nu este atat de drastica pe cat ai crede, asa ca nu te vei infometa deloc.",
    PLAIN_INTRO + "Mic dejun: un iaurt mic, adauga si cateva fructe de padure, o felie de paine integrala.",
]


@pytest.mark.parametrize("text,content", PLAIN, ids=range(len(PLAIN)))
def test_article_without_diacritics_reports(nlp_ro, text: str, content: str) -> None:
    norm, quotes = _quotes(nlp_ro, text)
    assert content in [norm[q.content[0] : q.content[1]] for q in quotes]


@pytest.mark.parametrize("text", PLAIN_NOT, ids=range(len(PLAIN_NOT)))
def test_article_without_diacritics_no_statement(nlp_ro, text: str) -> None:
    norm, quotes = _quotes(nlp_ro, text)
    assert not [q for q in quotes if norm[q.content[0] : q.content[1]].startswith(("nu te vei", "Mic dejun"))]


def test_a_diacritic_anywhere_keeps_ca_as_ca(nlp_ro) -> None:
    norm, quotes = _quotes(nlp_ro, PLAIN_INTRO + "El a declarat la ieșirea de la DNA ca martor în dosar.")
    assert quotes == []


def test_stock_symbol_stands_for_its_company(nlp_ro) -> None:
    """ZF names a listed company with its symbol: "Promateris (simbol bursier PPL)"; a speaker
    found as the symbol is the company."""
    text = ("Promateris (simbol bursier PPL), grup industrial român, a raportat un profit net de 4,9 milioane de lei. "
            "Totodată, compania a anunţat că a încheiat semestrul cu un rezultat EBITDA de 11,8 milioane de lei.")
    assert _speaker_of(nlp_ro, text, "a încheiat semestrul") == "Promateris"


def test_document_named_again_without_owner_keeps_its_owner(nlp_ro) -> None:
    """"se arată în comunicat" after "într-un comunicat al Serviciului de Informații Externe": the
    same document, whose owner the article gave before, not a statement of nobody."""
    text = ('"Autoritățile de la Kiev au început deja să vândă țara", se arată într-un comunicat al Serviciului de '
            'Informații Externe, citat de agenția de stat TASS.\n\n"Informațiile primite de serviciu atestă '
            'implementarea planurilor Varșoviei", se arată în comunicat, citat de TASS.')
    assert _speaker_of(nlp_ro, text, "Informațiile primite") == "Serviciul de Informații Externe"


# People of a named organisation speak for it (the fresh gold's call: a collective voice is its
# organisation); without a name after "de la" they stay as written.
PEOPLE_OF = [
    ("Analiştii de la ING Bank estimează că inflaţia va scădea.", "inflația va scădea", "ING Bank"),
    ("„Creșterea economică s-ar putea accelera în România”, scriu economiştii de la grupul austriac Erste într-un "
     "raport. Potrivit Erste Group, inflaţia scade.", "Creșterea economică", "Erste Group"),
    ("Analiştii de la bănci estimează că inflaţia va scădea.", "inflația va scădea", "Analiștii"),
]


@pytest.mark.parametrize("text,start,speaker", PEOPLE_OF, ids=range(len(PEOPLE_OF)))
def test_people_of_a_named_organisation(nlp_ro, text: str, start: str, speaker: str) -> None:
    assert _speaker_of(nlp_ro, text, start) == speaker


def test_narrative_verb_right_after_a_quote_is_its_cue(nlp_ro) -> None:
    """"”…”, a povestit Nicuşor Dan": a narrative verb right after a quotation names its speaker
    (postverb in lang/ro/quotes_cues.txt); the same verb before "că" adds no statement."""
    text = ("”M-a invitat la un meci de hochei”, a mai spus Mirabela. ”Eu eram matematician care lucra matematică”, "
            "a povestit Nicuşor Dan. Mirabela a povestit că fiica lor preferă caşcaval pane.")
    norm, quotes = _quotes(nlp_ro, text)
    assert _speaker_of(nlp_ro, text, "Eu eram matematician") == "Nicușor Dan"
    assert not [q for q in quotes if norm[q.content[0] : q.content[1]].startswith("fiica lor")]
