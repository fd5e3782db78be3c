"""Issue 18: each row of a sentence is told by its own line (analyze/events.py, ``_headlines``).

A sentence with two happenings gives two rows; the headline module may fall back to the sentence's
main clause for a trigger in a relative clause, and that main clause is then another row's
happening.  Real sentences: the seeds and Ziarul Financiar's style."""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.events import _own_clause
from cronicar.analyze.nlp import get_nlp
from cronicar.analyze.pipeline import analyze, run_components
from cronicar.model import DocDate

SEED_BLINKEN = ("Secretarul de stat american Antony Blinken a declarat că 8.000 dintre aceștia se află în regiunea "
                "Kursk, unde trupele ucrainene au trecut granița în Rusia în august, și că se așteaptă ca aceștia "
                "să intre în luptă împotriva Ucrainei în zilele următoare.")


@pytest.mark.parametrize("text,dct,trigger,expected", [
    # the incursion of August, told inside Blinken's statement of November: its row says the
    # incursion, not the statement (the seed story showed the statement on both rows)
    (SEED_BLINKEN, "2024-11-05", "trecut", "Trupele ucrainene au trecut granița în Rusia"),
])
def test_events_row_line_tells_its_own_happening(text: str, dct: str, trigger: str, expected: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    rows = [e for e in events if e.part_of is None]
    row = next(e for e in rows if text[e.trigger[0]:e.trigger[1]].startswith(trigger))
    assert row.headline == expected
    others = [e.headline for e in rows if e is not row]
    assert others and row.headline not in others


@pytest.mark.parametrize("text,dct", [
    # one happening told by a verb: the headline module's line stays as it is
    ("Banca Transilvania a cumpărat Bancpost de la grupul Eurobank, iar tranzacția a fost finalizată în aprilie 2018.",
     "2019-03-12"),
    (SEED_BLINKEN, "2024-11-05"),
])
def test_events_every_row_line_names_its_own_trigger_or_its_speaker(text: str, dct: str) -> None:
    """No row's line names another row's trigger while leaving out its own (statements excepted:
    '<speaker>: <what was said>' never names the verb of saying)."""
    events = analyze(text, DocDate.parse(dct), "ro").events
    rows = [e for e in events if e.part_of is None]
    words = {id(e): text[e.trigger[0]:e.trigger[1]].lower() for e in rows}
    for e in rows:
        line = (e.headline or "").lower()
        if e.type == "statement" or words[id(e)] in line:
            continue
        assert not any(words[id(o)] in line for o in rows if o is not e), (e.type, e.headline)


@pytest.mark.parametrize("text,dct,rows", [
    # the second fall is the first one's consequence, told in its relative clause with no time of
    # its own: one happening of 2017, not a fall of the article's day besides
    ("În 2017, un grup de companii listate au pierdit 6 miliarde de dolari într-o serie de scăderi bruște care "
     "au dus în final la scăderi de peste 95%.", "2019-11-21", 1),

])
def test_events_a_happening_told_inside_another_without_a_time_of_its_own_is_that_one(
        text: str, dct: str, rows: int) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    assert len([e for e in events if e.part_of is None]) == rows


def test_events_a_relative_clause_row_names_its_antecedent() -> None:
    """The relative subject "care" is the company the clause describes (``_own_clause``)."""
    text = ("MedLife a anunțat ieri o nouă achiziție, respectiv pachetul majoritar de acțiuni al Pharmachem Distribuție "
            "SRL, companie care în 2019 a închis cu afaceri de 83,4 mil. lei.")
    ctx = Context(doc=get_nlp("ro")(text), text=text, dct=DocDate.parse("2020-12-18"), lang="ro")
    run_components(ctx)
    tok = next(t for t in ctx.doc if t.text == "închis")
    assert (_own_clause(ctx, tok) or "").startswith("Pharmachem Distribuție SRL a închis")


@pytest.mark.parametrize("text,dct,row,background", [
    # a context clause without a date of its own: the row's background (issue 18, fourth round)
    ("Afacerile Lafarge Ciment au scăzut la 685,4 milioane lei anul trecut, în condițiile în care piața "
     "construcțiilor a crescut.", "2019-05-10", "scăzut", "crescut"),
    ("Capitalizarea bursieră a Conpet Ploiești (COTE) este de 864 milioane lei, după ce de la începutul acestui an "
     "acțiunile COTE au crescut cu 26,65%, pe fondul unor tranzacții în valoare de 124,9 milioane lei, în condițiile "
     "în care indicele BET, referința bursei locale, a crescut în aceeași perioadă cu 10%.", "2017-06-20",
     "crescut", "crescut "),
    # its own date, but from the start of the year and its subject the row's own ("aceste titluri")
    ("Creșterea de ieri vine în contextul în care aceste titluri au scăzut cu 14% de la începutul anului, fără a "
     "include însă câștigurile din dividende.", "2013-08-28", "Creșterea", "scăzut"),
    # a subject of its own, no date of its own (ZF, UAMT Oradea); the FP sentence that stood here
    # ("distribuirea unui dividend ... din profitul rămas nerepartizat") has no row to be the
    # background of since the profit a dividend is paid from is no result (below)
    ("Producătorul de piese și accesorii auto UAMT Oradea (UAM) a închis anul 2015 cu un profit net de 4 milioane de "
     "lei, în scădere cu 23% față de anul precedent, în condițiile în care comenzile primite de la fabrica Dacia au "
     "scăzut.", "2016-02-12", "profit", "scăzut"),  # closing a year is no closure: the row is the profit
    # what supports a figure is its part, not a second rise (ZF, a bank's half-year report; the parse
    # hangs the participle on the baseline's date, which used to date the part 31 December 2019)
    ("Depozitele de la clienți au crescut cu 3,1% până la 59.555,9 milioane de lei (12.305,7 milioane de euro) la "
     "data de 30 iunie 2020 de la 57.791,8 milioane de lei (12.082,8 milioane de euro) la data de 31 decembrie 2019, "
     "susținute de creșterea depozitelor în retail (Ă5,1% față de decembrie 2019).", "2020-07-31", "crescut",
     "creșterea"),
    # a superlative's measure: "the steepest daily fall since 2009" compares Friday's fall
    ("Vineri moneda americană scăzuse cu 2,5% față de ședința precedentă, ceea ce marcase cel mai abrupt ritm de "
     "scădere zilnică din 2009 încoace.", "2015-12-07", "scăzuse", "scădere"),
    # the company's 2019 year, told in a clause describing a participant (before the story, the
    # relative "care" no subject of its own): the background of the purchase announced yesterday
    ("MedLife a anunțat ieri o nouă achiziție, respectiv pachetul majoritar de acțiuni al Pharmachem Distribuție "
     "SRL, companie care în 2019 a închis cu afaceri de 83,4 mil. lei.", "2020-12-18", "achiziție", "închis"),
    # a superlative with the time it is compared with: Monday's fall, the largest since 2008, is the
    # background of Tuesday's rise (not a fall of 2008)
    ("Acțiunile marilor companii europene au deschis marți în creștere, recuperând o parte din pierderile "
     "consemnate în urma celei mai mari scăderi după 2008 înregistrate luni, din cauza prăbușirii pieței de "
     "capital chineze.", "2015-08-26", "creștere", "pierderile"),
])
def test_events_a_context_clause_is_the_rows_background(text: str, dct: str, row: str, background: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    # a trailing space marks the word's second occurrence (the COTE sentence's two "crescut")
    at = text.rfind(background.strip()) if background.endswith(" ") else text.find(background)
    main = next(e for e in events if e.trigger[0] == text.find(row))
    told = next(e for e in events if e.trigger[0] == at)
    assert main.part_of is None and told.part_of == main.trigger[0]


@pytest.mark.parametrize("text,dct,lines", [
    # a participant's description with no row naming it up the parse: no row to be the background of
    ("Sphera Group (SFG), administratorul restaurantelor în sistem de franciză KFC, Pizza Hut și Taco Bell, a "
     "anunțat vineri că Georgios Argentopoulos, cel care în aprilie 2019 prelua conducerea companiei după demisia "
     "lui Mark Hilton, va renunța la funcție, decizia fiind una de comun acord.", "2020-04-27",
     {"anunțat": None, "demisia": None}),
    # a superlative without a time to compare with describes the happening itself: its row
    ("Compania a realizat cea mai mare achiziție din istoria sa în 2019.", "2020-01-10", {"achiziție": None}),
    # the whole market's rise of Thursday: a date within the story and a subject of its own, a row
    # of its own told by its own clause (not the sentence's main clause, the other row's)
    ("Revenirea pe creștere a acțiunilor TLV are loc în condițiile în care întreaga bursă a crescut puternic joi, "
     "indicele BET raportând un avans de 2,7%.", "2014-12-19", {"crescut": "Întreaga bursă a crescut puternic"}),
    ("Prăbușirea Wirecard trimite unde de șoc în sectorul bancar german, în contextul în care, de exemplu, "
     "Commerzbank, o bancă germană despre care presa internațională scrie că are o relație de business cu Wirecard, "
     "a scăzut joi cu 7%.", "2020-06-22", {"trimite": None, "scăzut": None}),
])
def test_events_a_context_clause_with_its_own_date_and_subject_keeps_its_row(
        text: str, dct: str, lines: dict[str, str | None]) -> None:
    rows = {text[e.trigger[0]:e.trigger[1]]: e for e in analyze(text, DocDate.parse(dct), "ro").events
            if e.part_of is None and (e.happened or e.scheduled)}
    assert set(lines) <= set(rows)
    for word, line in lines.items():
        if line is not None:
            assert rows[word].headline == line


@pytest.mark.parametrize("text,dct,statement,announced", [
    # the happening is what the statement says: its trigger in the statement's words
    ("Fondul Proprietatea (FP) a anunțat ieri că a finalizat tranzacțiile prin care a fost vândut 3% din OMV "
     "Petrom.", "2021-06-10", "anunțat", "vândut"),
    ("Visual Fan, companie care deține brandul Allview, a înregistrat în primele nouă luni ale anului o cifră de "
     "afaceri de aproape 80 milioane de lei (16 milioane de euro), în creștere cu 36%, în condițiile în care "
     "vânzările diviziei IT&C s-au majorat cu 64%, a anunțat joi compania.", "2021-10-29", "anunțat", "creștere"),
    # what the statement says is another thing: the rise, the fall are not announced
    ("Acțiunile IAR au crescut ieri cu 1,2% și de la începutul anului cu 285%, după ce compania a anunțat că se va "
     "transfera de pe RASDAQ pe piața reglementată a bursei.", "2015-12-23", "anunțat", None),
    ("Valoarea de piață a Transgaz a scăzut ieri cu 94 milioane lei după ce FGSZ a anunțat vineri că gazoductul "
     "BRUA se va opri în Ungaria.", "2017-07-25", "anunțat", None),
])
def test_events_an_announcement_points_to_what_it_announces(text: str, dct: str, statement: str,
                                                            announced: str | None) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    said = next(e for e in events if e.type == "statement" and text[e.trigger[0]:e.trigger[1]] == statement)
    assert said.part_of is None
    assert said.announces == (text.find(announced) if announced else None)


def _kept(events: list) -> set[int]:  # type: ignore[type-arg]
    """Trigger starts of the mentions the store keeps (store/db.py: happenings and dated plans)."""
    return {e.trigger[0] for e in events if e.happened or e.scheduled}


@pytest.mark.parametrize("text,dct,trigger", [
    # Lavrov's statement of Friday is grouped with the negotiations it offers on a condition (a
    # maybe, which the store does not keep): the statement leads the row instead of being lost
    ("Vineri, ministrul rus de externe Serghei Lavrov a declarat că Rusia este pregătită să accepte negocieri "
     "cu Ucraina, dacă armata ucraineană încetează să opună rezistență.", "2022-02-26", "declarat"),
    # the rises already under way, listed after undated forecasts ("vor crește"): a row of their own
    ("9. Prețurile apartamentelor vor crește, dar cererea va scădea: Piața imobiliară se va confrunta cu o "
     "creștere a prețurilor apartamentelor – creșterea prețurilor materialelor de construcții, creșterea "
     "inflației, majorarea plafonului pentru TVA.", "2022-01-03", "creșterea"),
])
def test_events_a_happening_grouped_with_a_maybe_stays_a_row(text: str, dct: str, trigger: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    kept = _kept(events)
    rows = [text[e.trigger[0]:e.trigger[1]] for e in events if e.trigger[0] in kept and e.part_of is None]
    assert rows.count(trigger) == 1
    # no kept mention hangs on one the store drops (linking would leave it without an event)
    assert all(e.part_of in kept for e in events if e.trigger[0] in kept and e.part_of is not None)


@pytest.mark.parametrize("text,dct,trigger", [
    # a verb of saying as a bare participle says where a rate comes from, not that anything was said
    ("Cursul pentru franc anunțat de Banca Națională a României (BNR) a crescut miercuri cu 1,6% și a atins un "
     "nou maxim.", "2015-01-22", "anunțat"),
    ("Pe piețele externe, francul elvețian se tranzacționa în scădere cu 0,3%, foarte aproape de referința "
     "anunțată de BNR la mijlocul zilei.", "2015-02-14", "anunțată"),
    # a degree and a bare quality: states, not a fall, a sale, a closure
    ("BERD anticipează și o creștere a cheltuielilor guvernamentale, pentru o absorbție mai mare de fonduri "
     "europene, care rămâne cea mai scăzută din Uniunea Europeană.", "2015-05-15", "scăzută"),
    ("Pentru întreg pachetul vândut, Belei Corneliu a încasat aproximativ 33.300 de lei (7.400 de euro).",
     "2016-08-26", "vândut"),
    ("FP este o societate de investiții de tip închis creată în scopul despăgubirii persoanelor ale căror "
     "proprietăți au fost confiscate.", "2013-05-29", "închis"),
])
def test_events_a_cue_that_only_describes_a_thing_is_no_row(text: str, dct: str, trigger: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    cue = next(e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger)
    assert cue.trigger[0] not in _kept(events)
    assert all(e.part_of != cue.trigger[0] for e in events)


@pytest.mark.parametrize("text,dct,trigger", [
    # the same participle with a time of its own tells the sale of March
    ("Pentru pachetul vândut în martie, Belei Corneliu a încasat aproximativ 33.300 de lei.", "2016-08-26",
     "vândut"),
    # a verb of saying with what was said is a statement
    ("Cursul pentru franc a crescut miercuri cu 1,6%, a anunțat Banca Națională a României.", "2015-01-22",
     "anunțat"),
])
def test_events_a_participle_with_an_act_of_its_own_stays(text: str, dct: str, trigger: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    cue = next(e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger)
    assert cue.trigger[0] in _kept(events)


# Ziarul Financiar sentences whose cue tells no happening (benchmarks/results/sentence_sharing.md,
# the "no happening" class of the fourth sample): each showed a second row of its sentence
ZF_FP_LOSSES = ("Pierderile nete realizate aferente participațiilor la valoare justă prin profit sau pierdere au fost "
                "generate de vânzarea unei părți din deținerea în OMV Petrom SA și de vânzarea întregii dețineri în "
                "Nuclearelectrica SA.")
ZF_DIGI = ("Acționarii Digi Communications (simbol bursier – DIGI), operator de telecomunicații controlat de omul de "
           "afaceri Zoltan Teszari, au aprobat joi distribuirea unui dividend de 0,65 de lei pe acțiune din profitul pe "
           "2019, ceea ce asigură investitorilor un randament de 1,9%, calculat de ZF pe baza prețului de închidere din "
           "29 aprilie.")
ZF_BNR_NOON = ("În jurul orei 13:00, când BNR anunță cursul de referință, euro era cotat pe piața interbancară la "
               "4,3946 - 4,3955 lei, în urcare cu circa 0,2% față de nivelurile de la închiderea ședinței precedente.")


@pytest.mark.parametrize("text,dct,trigger", [
    # an accounting line ("at fair value through profit or loss"), no result told (lang/ro/events_senses.tsv)
    (ZF_FP_LOSSES, "2021-02-23", "profit"),
    (ZF_FP_LOSSES, "2021-02-23", "pierdere"),
    # a hypothetical gain: "ar fi avut de câștigat" is what one stood to gain, no award
    ("Un investitor care dispunea la începutul anului trecut de suma de 10.000 de lei, dacă ar fi dorit să o "
     "multiplice printr-o investiție pe curs, la bursă, depozit bancar sau mărfuri, ar fi avut cel mai mult de "
     "câștigat cu pariul pe petrol.", "2017-01-19", "câștigat"),
    # the same as its article opens (" \n" before it), where the parse makes the supine an oblique of
    # "avut" (the bet's gain stayed an award row of 2016 beside the agreement of its context clause)
    (" \nUn investitor care dispunea la începutul anului trecut de suma de 10.000 de lei, sau echivalentul în valută, "
     "dacă ar fi dorit să o multiplice printr-o investiție pe curs, la bursă, depozit bancar sau mărfuri, ar fi avut "
     "cel mai mult de câștigat cu pariul pe petrol în condițiile în care prețul barilului s-a apreciat cu 56% pe "
     "parcursul anului, datorită unui acord istoric de reducere a producției.", "2017-01-19", "câștigat"),
    # the profits a tax falls on
    ("Cu 8% au scăzut acțiunile Petrom în ultimele două zile, ca reacție negativă a investitorilor la OUG prin care "
     "Guvernul suprataxează profiturile companiilor din energie.", "2022-12-30", "profiturile"),
    # a state in apposition: the company is in insolvency, it did not enter it that day
    ("Activele Fondului Proprietatea (FP) au revenit la valoarea de peste un leu/acțiune, după ce participația "
     "deținută la Hidroelectrica, companie aflată în insolvență, a revenit în bilanț.", "2013-01-15", "insolvență"),
    # a bonus formula: the profit is an operand of a difference, the target a goal
    ("Administratorii neexecutivi ai transportatorului de țiței Conpet Ploiești vor împărți anul viitor un bonus de "
     "0,415% din diferența între profitul realizat și cel bugetat pentru anul 2015 dacă societatea ajunge să "
     "îndeplinească și să depășească ținte privind profitul operațional.", "2015-09-16", "profitul"),
    # the daily routine of the fixing, in the present of a clause opened by "când"
    (ZF_BNR_NOON, "2014-06-11", "anunță"),
    # the profit a dividend is paid from, no figure of its own: no result told (ZF, issue 18 sixth pass)
    ("Fondul Proprietatea propune acționarilor distribuirea unui dividend de 0,072 lei pe acțiune din profitul rămas "
     "nerepartizat aferent anilor 2016 și 2017, în condițiile în care FP a încheiat 2020 cu o pierdere de 102,9 "
     "milioane lei.", "2021-03-01", "profitul"),
    (ZF_DIGI, "2020-05-01", "profitul"),
    ("Chimcomplex (CRC), grup care deține platformele Borzești și Oltchim, a anunțat pe 28 aprilie, la Bursa de "
     "Valori București, că va distribui dividende în valoare de 60 de milioane de lei din profitul obținut anul "
     "trecut.", "2022-04-28", "profitul"),
    # a reference price: the closing or the purchase that fixed it is no closure, no purchase told
    (ZF_DIGI, "2020-05-01", "închidere"),
    ("Producătorul de echipamente industriale AAGES Târgu-Mureș (AAG) a debutat ieri pe piața principală a bursei și "
     "a închis la 3,83 lei pe acțiune, plus 3% față de prețul la care s-a închis oferta.", "2017-06-20", "închis "),
    ("El a raportat și vânzarea pe bursă a unui pachet de 286.000 de acțiuni Petrom la prețul de 0,4764 lei, cu "
     "13,4% mai mare decât prețul la care a cumpărat acțiunile în cadrul plasamentului BERD, de 0,42 de lei.",
     "2013-11-18", "cumpărat"),
    # an intention (an infinitive completing a noun), a recommendation, a possible moratorium
    ("Victor Gânsac și Paul Rusu, fondatorii companiei Safetech Innovations, au explicat joi motivele pentru care au "
     "vândut pachete de acțiuni în perioada 2-6 iulie, pe piața secundară, motivul fiind intenția conducerii firmei "
     "de a crește free-float-ul companiei, de la 20% (la momentul listării pe AeRO) până la 25%.", "2021-07-09",
     "crește"),
    ("Swiss Capital, intermediar de top 5 la Bursa românească, recomandă „cumpărare“ pentru acțiunile Transport Trade "
     "Services (simbol bursier TTS) și indică un preț țintă de 28,66 lei pe unitate, care implică un randament "
     "potențial de 42% față de ultima închidere, potrivit unui raport de analiză datat 25 august.", "2021-08-28",
     "cumpărare"),
    ("Decizia coaliției de guvernare PNL-PSD-UDMR de a aproba măsura amânării cu până la nouă luni a ratelor la "
     "creditele bancare în cazul clienților cu probleme la plată a luat prin surprindere bancherii, după ce în "
     "aprilie politicienii vorbeau de aplicarea unei astfel de măsuri altă dată, iar bancherii se așteptau la "
     "aprobarea unui eventual moratoriu de amânare a ratelor după o perioadă mai mare de analiză, de câteva luni.",
     "2022-05-25", "amânare"),
    # a target and what it would cost
    ("Reducerea deficitului structural la 1% din PIB în 2015 de la 1,6% din PIB în 2013 înseamnă un efort bugetar "
     "de 5-6 miliarde de lei, a spus luni președintele în timpul întâlnirii cu premierul pe marginea reducerii CAS.",
     "2014-07-17", "Reducerea"),
])
def test_events_a_cue_that_tells_no_happening_is_no_row(text: str, dct: str, trigger: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    # a trailing space marks the word's last occurrence (AAG's "s-a închis oferta", not "a închis la")
    cues = [e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger.strip()
            and (not trigger.endswith(" ") or e.trigger[0] == text.rfind(trigger.strip()))]
    assert all(e.trigger[0] not in _kept(events) for e in cues), [(e.type, e.modality) for e in cues]


@pytest.mark.parametrize("text,dct,trigger", [
    # the same words telling a happening stay a row
    ("Compania a raportat un profit de 10 milioane de lei în primul semestru.", "2015-09-16", "profit"),
    ("Hidroelectrica a intrat în insolvență în iunie 2012.", "2013-01-15", "insolvență"),
    ("BNR a anunțat joi un curs de 4,53 lei pentru un euro.", "2015-12-14", "anunțat"),
    ("Echipa a câștigat premiul pentru cel mai bun film.", "2017-01-19", "câștigat"),
    # the profit a dividend is paid from, with its own figure: a result told (ZF)
    ("Acționarii producătorului de medicamente Zentiva București (SCD), controlat de grupul francez Sanofi, au aprobat "
     "distribuirea de dividende în valoare de 30 de milioane de lei din profitul net de anul trecut, de 40,3 milioane "
     "de lei.", "2014-04-20", "profitul"),
    ("Conducerea OMV Petrom (SNP) va propune în adunarea generală de luna viitoare acordarea către acționari a unor "
     "dividende totale în valoare de 1,74 miliarde de lei din profitul record obținut anul trecut, care s-a cifrat la "
     "4,82 miliarde de lei (1,09 miliarde de euro).", "2014-03-01", "profitul"),
    ("Cei mai mari o sută de manageri de investiții alternative din lume au pierdut 28 miliarde de dolari din avere "
     "anul trecut din cauza profiturilor mediocre pe care le-au raportat și a retragerilor făcute de investitorii "
     "nemulțumiți.", "2013-03-01", "profiturilor"),
    # the day's close beside a reference price, the sale beside an intention (ZF)
    ("Producătorul de echipamente industriale AAGES Târgu-Mureș (AAG) a debutat ieri pe piața principală a bursei și "
     "a închis la 3,83 lei pe acțiune, plus 3% față de prețul la care s-a închis oferta.", "2017-06-20", "închis"),
    ("Victor Gânsac și Paul Rusu, fondatorii companiei Safetech Innovations, au explicat joi motivele pentru care au "
     "vândut pachete de acțiuni în perioada 2-6 iulie, pe piața secundară, motivul fiind intenția conducerii firmei "
     "de a crește free-float-ul companiei, de la 20% (la momentul listării pe AeRO) până la 25%.", "2021-07-09",
     "vândut"),
    ("Reducerea deficitului la 1,6% din PIB în 2013 a însemnat un efort bugetar de 5 miliarde de lei.",
     "2014-07-17", "Reducerea"),
])
def test_events_the_same_cue_telling_a_happening_stays_a_row(text: str, dct: str, trigger: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    cue = next(e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger)
    assert cue.trigger[0] in _kept(events)


@pytest.mark.parametrize("text,dct,trigger", [
    # "the first time when": the report is the news, not a routine (ZF, SIF Oltenia)
    ("Este pentru prima dată când societatea raportează o situație detaliată a veniturilor și profitul net după "
     "primele patru luni din an.", "2013-05-15", "profitul"),
    # "pe când" contrasts two acts of the same session
    ("Indicele BET a crescut ieri cu 1,2%, pe când indicele BET-FI scade cu 0,4%.", "2014-02-04", "scade"),
])
def test_events_a_present_clause_opened_by_when_that_is_no_routine_stays(text: str, dct: str, trigger: str) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    cue = next(e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger)
    assert cue.modality != "generic", cue


def test_events_a_comparison_with_another_day_does_not_date_the_row() -> None:
    """"O scădere mai puternică decât cea de luni ... în august 2011": Monday is what the fall of
    August 2011 is compared with (a ``compare`` cue of lang/ro/events_cues.tsv), so the sentence
    tells one fall, of August 2011, not a second one of Monday (ZF, issue 18 sixth pass)."""
    text = ("O scădere mai puternică decât cea de luni a fost consemnată de indicele BET cel mai recent în august 2011, "
            "când a închis în scădere cu 8,4%, afectat de decizia S&P de a retrograda ratingul SUA.")
    events = analyze(text, DocDate.parse("2015-08-25"), "ro").events
    rows = [e for e in events if e.trigger[0] in _kept(events) and e.part_of is None]
    assert [(e.when or {}).get("value") for e in rows] == ["2011-08"], [(e.type, e.when) for e in rows]
