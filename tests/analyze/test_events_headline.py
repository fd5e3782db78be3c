"""Issue 18: one event per happening within a sentence, and a short headline built from the parse.

Real sentences: the seeds, Romanian business news in Ziarul Financiar's style, English wire copy
(MEANTIME's genre).  Each case pins the article date, the primary trigger and its headline."""

from __future__ import annotations

import pytest

from cronicar import LANG_DIR

from cronicar.analyze.headline import MAX_STRETCH, MAX_WORDS
from cronicar.analyze.pipeline import analyze
from cronicar.model import DocDate

SEED_PUTIN = ("Președintele rus Vladimir Putin se va întâlni luni, la Moscova, cu ministrul de externe "
              "nord-coreean, Choe Son Hui, în cadrul vizitei sale în Rusia, țară cu care Phenianul are "
              "legături tot mai strânse, a anunțat Kremlinul, potrivit Reuters.")
SEED_TALKS = ("Coreea de Nord va sprijini Rusia până când aceasta va obține victoria în războiul din Ucraina, "
              "a declarat vineri ministrul de externe Choe Son Hui în cadrul discuțiilor de la Moscova cu "
              "ministrul rus de externe Serghei Lavrov.")
SEED_TROOPS = ("Phenianul a furnizat mii de soldați Rusiei pentru a o ajuta să respingă, între sfârșitul "
               "anului 2024 și primăvara anului 2025, trupele ucrainene care ocupaseră o mică parte a "
               "regiunii ruse Kursk.")

# (lang, article date, text, primary trigger, its types, headline)
CASES = [
    ("ro", "2025-10-27", SEED_PUTIN, "întâlni", ["meeting", "visit", "statement"],
     "Kremlinul: Vladimir Putin se va întâlni la Moscova cu Choe Son Hui"),
    ("ro", "2024-11", SEED_TALKS, "discuțiilor", ["talks", "supply", "statement"],
     "Choe Son Hui poartă discuții cu Serghei Lavrov la Moscova"),
    ("ro", "2025-10-27", SEED_TROOPS, "furnizat", ["supply", "attack"],
     "Coreea de Nord a furnizat mii de soldați Rusiei"),
    ("ro", "2019-03-12", "Banca Transilvania a cumpărat Bancpost de la grupul Eurobank, iar tranzacția a fost "
     "finalizată în aprilie 2018.", "cumpărat", ["purchase"], "Banca Transilvania a cumpărat Bancpost de la grupul Eurobank"),
    ("ro", "2019-03-12", "Guvernul nu a aprobat ordonanța privind taxa pe lăcomie, a declarat ministrul Finanțelor, "
     "Eugen Teodorovici.", "declarat", ["statement"], "Eugen Teodorovici: Guvernul nu a aprobat ordonanța privind taxa pe lăcomie"),
    # a noun object takes its verb's clause; the oblique that only carries a clause is dropped
    ("ro", "2014-08-14", "Indicele BET-FI a afișat la sfârșitul săptămânii trecute o scădere de 0,66%, în condițiile "
     "în care indicele BET a căzut cu 1,74%.", "scădere", ["fall"], "Indicele BET-FI a afișat o scădere de 0,66%"),
    # the noun the verb governs is kept whole, the subject's prepositional modifier is no name of it
    ("ro", "2014-08-14", "Potrivit Hidroelectrica, contractul cu Energy Holding a generat în perioada 2006 - 31 mai "
     "2012 o pierdere de peste 1,4 miliarde lei pentru producătorul de energie.", "pierdere", ["fall"],
     "Contractul cu Energy Holding a generat o pierdere de peste 1,4 miliarde lei"),
    # a bare noun says too little: the words around it, subject and negation kept
    ("ro", "2014-08-14", "Aproape nimeni nu a scăpat de scăderea puternică care a cuprins bursa românească.",
     "scăderea", ["fall"], "Aproape nimeni nu a scăpat de scăderea puternică care a cuprins bursa românească"),
    # ("Nu sunt de acord" was a case here: "a fi de acord" is an opinion, no agreement event since
    # the sense frame of lang/ro/events_senses.tsv; its example there tests that no event is found)
    # a one-word adverb can turn the meaning: "nu ... doar" stays
    ("ro", "2015-06-10", "Cea mai importantă măsură, reducerea TVA, nu reprezintă doar o reducere de 5%, ci un semnal "
     "pozitiv pentru încurajarea consumului.", "reducerea", ["cut"], "Reducerea TVA nu reprezintă doar o reducere de 5%"),
    # the shareholders act, not the company named in their genitive
    ("ro", "2020-08-20", "Pe 13 august, în adunare generală extraordinară, acționarii Prodplast Imobiliare, firma prin "
     "care omul de afaceri Florin Pogonaru dezvoltă un centru comercial lângă Obor, au aprobat lansarea unei emisiuni "
     "de obligațiuni de până la 10 milioane euro.", "lansarea", ["launch"],
     "În adunare generală extraordinară acționarii Prodplast Imobiliare au aprobat lansarea unei emisiuni"),
    # a modal keeps its modality, and the clause keeps its conjunction
    ("ro", "2020-05-10", "Proprietatea va încasa 1 miliard de lei din distribuția de dividende, pentru că fondul "
     "trebuie să distribuie integral profitul obținut din dividende.", "profitul", ["results"],
     "Fondul trebuie să distribuie integral profitul"),
    # a condition stays a condition
    ("ro", "2020-05-10", "De exemplu, dacă un investitor cumpără acum acțiuni FP la un preț de 0,78 lei, pentru a "
     "marca un profit el va trebui să găsească un cumpărător dispus să plătească peste acest preț.", "cumpără",
     ["purchase", "results"], "Dacă un investitor cumpără acțiuni FP la un preț de 0,78 lei"),
    # the trigger's verb under a helping verb: the helper and its subject lead
    ("ro", "2015-03-10", "Lending Club a ajutat investitori terți să furnizeze prin platforma sa împrumuturi de peste "
     "șase miliarde de dolari.", "furnizeze", ["supply"],
     # the object stays: Lending Club helped investors provide the loans (it did not provide them)
     "Lending Club a ajutat investitori terți să furnizeze prin platforma sa împrumuturi…"),
    # a bare complement takes its governing verb's clause: the negation stays ("nu ... decât": only)
    ("ro", "2015-07-01", "Totuși din cauza nivelului mare de suprasubscriere aceștia nu au putut achiziționat decât "
     "a 14-a parte din titlurile vizate.", "achiziționat", ["purchase"],
     "Aceștia nu au putut achiziționat decât a 14-a parte din titlurile vizate"),
    # a coordinated verb shares the first verb's subject
    ("ro", "2016-12-10", "Și Gorman a pariat pe acțiunile Morgan Stanley și a cumpărat acțiuni de 2 milioane de dolari "
     "în 2011, când valoarea acțiunilor era la jumătate față de cea din prezent.", "cumpărat", ["purchase"],
     "Gorman a cumpărat acțiuni de 2 milioane de dolari"),
    # what was said, from its start: never compressed inside (a quote cut mid-phrase changes it)
    ("ro", "2015-07-01", "Guvernatorul BNR Mugur Isărescu a declarat că în perioada următoare am putea asista la "
     "variații mai mari ale cursului și nu sunt excluse variații de 5% în momente de oscilații puternice ale "
     "capitalurilor străine, cum au fost cele legate de criza din Grecia.", "declarat", ["statement"],
     "Mugur Isărescu: în perioada următoare am putea asista la variații mai mari ale cursului"),
    # a fixed expression is the verb's ("a avut loc")
    ("ro", "2014-02-10", "Cea mai recentă creștere de capital a avut loc în decembrie 2013 și s-a ridicat la 18,7 "
     "milioane lei.", "creștere", ["rise"], "Cea mai recentă creștere de capital a avut loc"),
    # faithful first (the blind reader's kinds): a clause under an attribution is not the claim,
    # the main clause is, from its subject
    ("ro", "2019-05-10", "Conform datelor furnizate de BVB, acțiunile Sphera au scăzut cu 5,3% de la începutul "
     "anului.", "scăzut", ["fall", "supply"], "Acțiunile Sphera au scăzut cu 5,3% de la începutul anului"),
    # a quote is shortened from its start at a phrase's end, marked "…", never compressed inside
    ("ro", "2019-05-10", "„Este un exemplu extraordinar pentru modul în care companiile românești pot crește pe "
     "piețele externe”, a declarat directorul general al companiei, Ion Popescu.", "declarat", ["statement"],
     "Ion Popescu: Este un exemplu extraordinar pentru modul în care companiile românești pot crește pe piețele…"),
    # modality stays: a modal, an intention, a question
    ("ro", "2019-05-10", "Potrivit unor surse din piață, tranzacția ar putea fi semnată luna viitoare.", "semnată",
     ["agreement"], "Tranzacția ar putea fi semnată"),
    ("ro", "2019-05-10", "Noile reglementări pot avea impact asupra profitului băncilor în acest an.", "profitului",
     ["results"], "Noile reglementări pot avea impact asupra profitului băncilor"),
    ("ro", "2019-05-10", "Să ne așteptăm la o nouă creștere a dobânzilor în acest an?", "creștere", ["rise"],
     "Să ne așteptăm la o nouă creștere a dobânzilor în acest an?"),
    ("ro", "2019-05-10", "Compania își propune să vândă 9.000 de carduri până la finalul anului.", "vândă", ["sale"],
     "Compania își propune să vândă 9.000 de carduri până la finalul anului"),
    # a noun without whose it is says nothing: the sentence's main clause, whole when it fits
    ("ro", "2019-05-10", "Creștere cu doar 2,4% pentru vânzările de autoturisme noi în primul trimestru.", "Creștere",
     ["rise", "sale"], "Creștere cu doar 2,4% pentru vânzările de autoturisme noi în primul trimestru"),
    # a relative clause's verb is not the claim ("cei care vor vinde")
    ("ro", "2015-10-01", "Alocarea banilor către cei care vor vinde în cadrul ofertei se va face pro-rata.", "vinde",
     ["sale"], "Alocarea banilor către cei care vor vinde în cadrul ofertei se va face pro-rata"),
    # a long main clause is cut at a word boundary, never inside a figure, and marked
    ("ro", "2019-05-10", "Potrivit datelor companiei, afacerile grupului de retail au ajuns anul trecut la aproximativ "
     "685,4 milioane lei, în creștere cu 12% față de anul anterior.", "creștere", ["rise"],
     "Afacerile grupului de retail au ajuns anul trecut la aproximativ 685,4 milioane lei…"),
    # the subject is the name as written when the linker's name is longer ("Bursa" of Shanghai)
    ("ro", "2015-08-25", "Bursa chineză din Shanghai a închis marți în scădere cu 7,6%, înregistrând cel mai grav "
     # a market's close is no closure (lang/ro/events_senses.tsv): the row is the fall it closed with
     "declin după 1996.", "scădere", ["fall"], "Bursa chineză din Shanghai a închis în scădere cu 7,6%"),
    # a figure the parser hangs on the verb stays in its place; a later figure cannot take its role
    ("ro", "2015-08-25", "Titlurile Electrica au scăzut cu 2,8% în ședința de luni, față de un minus de 6,3% raportat "
     "de indicele BET.", "scăzut", ["fall"], "Titlurile Electrica au scăzut cu 2,8% în ședința"),
    # an apposition between commas, or an aside after a dash, is not an argument
    ("ro", "2015-08-25", "Două fonduri de investiții administrate de Franklin Templeton, administratorul Fondului "
     "Proprietatea, au vândut un pachet de 73.587 de acțiuni la Bursa de Valori București (BVB).", "vândut", ["sale"],
     "Două fonduri de investiții au vândut un pachet de 73.587 de acțiuni"),
    # what someone says is theirs: the speaker of a verb of saying leads
    ("ro", "2016-03-01", "Reuters dă ca sigură tranzacția, oficialii KazMunayGas spun că deocamdată este semnat doar "
     "un memorandum.", "semnat", ["agreement"], "KazMunayGas: este semnat doar un memorandum"),
    # a speaker leads only when the sentence names it: "acesta" points to a man of another sentence
    ("ro", "2021-05-10", "Ion Popescu este directorul general al companiei. Compania a cumpărat 10% din acțiunile "
     "Petrom, a spus acesta.", "cumpărat", ["purchase"], "Compania a cumpărat 10% din acțiunile Petrom"),
    # an outlet does not lead when the sentence names who it quotes; it does as the only sayer
    ("ro", "2021-05-10", "Tesla va concedia 10% dintre angajați, a scris Bloomberg, citând un purtător de cuvânt al "
     "companiei.", "concedia", ["cut"], "Tesla va concedia 10% dintre angajați"),
    ("ro", "2021-05-10", "Grupul a raportat un profit de 2 miliarde de lei, a declarat Bloomberg.", "profit",
     ["results", "statement"], "Bloomberg: Grupul a raportat un profit de 2 miliarde de lei"),
    # a linking word to the sentence before is not the headline's ("Totuși,", "Astfel,")
    ("ro", "2021-05-10", "Totuși, revenirea din a doua jumătate a anului ne-a ajutat să închidem anul cu peste 1.200 "
     "de clienți, a declarat Daniel Mateescu.", "declarat", ["statement"],
     "Daniel Mateescu: revenirea din a doua jumătate a anului ne-a ajutat să închidem anul…"),
    # the subject's description between commas goes before the cut: the verb and its figure stay
    ("ro", "2022-11-29", "Astfel, Fondul Proprietatea, care la începutul anului a realizat o vânzare accelerată din OMV "
     "Petrom către mari investitori, și-a diminuat deținerea la OMV Petrom de la 2,98% la 2,9%.", "vânzare", ["sale"],
     "Fondul Proprietatea și-a diminuat deținerea la OMV Petrom de la 2,98% la 2,9%"),
    ("ro", "2021-03-01", "Banca Comercială Română (BCR), cea mai mare bancă din România după active și a doua după "
     "numărul de clienți, a raportat anul trecut un profit net de 1,2 miliarde de lei.", "profit", ["results"],
     "Banca Comercială Română a raportat un profit net de 1,2 miliarde de lei"),
    ("ro", "2021-03-01", "Banca Transilvania, cel mai mare grup financiar din România după active, a încheiat anul "
     "trecut cu un profit net de 1,9 miliarde de lei, în creștere cu 20%.", "profit", ["results", "rise"],
     "Banca Transilvania a încheiat cu un profit net de 1,9 miliarde de lei"),
    # an acronym of the speaker names it ("FP": Fondul Proprietatea)
    ("ro", "2022-11-04", "Vineri, FP a mai anunțat că a cerut ASF acordul pentru prelungirea perioadei de derulare a "
     "ofertei cu o săptămână până pe 15 noiembrie.", "anunțat", ["statement"],
     "FP: a cerut ASF acordul pentru prelungirea perioadei de derulare a ofertei…"),
    # a subject after its verb keeps what follows its comma: the range restricts the fall
    ("ro", "2000-01-01", "Iar inflației, încă din anul 1998, i s-a pregătit o scădere drastică, de la 151% în 1997 la "
     "sub 50%.", "scădere", ["fall"], "I s-a pregătit o scădere drastică de la 151% la sub 50%"),
    # a description the parser made a second conjunct (no "și") is an aside too
    ("ro", "2021-05-10", "Oltchim Râmnicu Vâlcea (OLT), cel mai mare combinat chimic din România, se află într-o "
     "situație dificilă după ce a raportat o pierdere de 200 milioane de lei.", "pierdere", ["fall"],
     "Oltchim Râmnicu Vâlcea se află într-o situație dificilă după ce a raportat o pierdere…"),
    # every actor of a coordinated subject stays ("Guvernul au semnat" dropped one)
    ("ro", "2021-05-10", "Guvernul și Banca Națională au semnat un acord de cooperare.", "semnat", ["agreement"],
     "Guvernul și Banca Națională au semnat un acord de cooperare"),
    ("ro", "2021-03-01", "Banca Transilvania, BRD, BCR și ING Bank au raportat anul trecut profituri cumulate de peste 5 "
     "miliarde de lei, în creștere cu 20% față de 2019.", "profituri", ["results", "rise"],
     "Banca Transilvania, BRD, BCR și ING Bank au raportat profituri în creștere cu 20%"),
    # a range too long to keep whole is dropped, never halved ("de la 20 milioane de lei" alone misleads)
    ("ro", "2021-05-10", "Anul trecut s-a înregistrat o scădere a profitului, de la 20 milioane de lei la 5 milioane "
     "de lei.", "scădere", ["fall", "results"], "Anul trecut s-a înregistrat o scădere a profitului…"),
    # a subject that only points back: the sentence itself, clipped, not a clause about "Aceasta"
    ("ro", "2021-05-10", "Aceasta a cumpărat 20% din acțiunile Petrom în aprilie 2021.", "cumpărat", ["purchase"],
     "Aceasta a cumpărat 20% din acțiunile Petrom în aprilie 2021"),
    # a figure keeps its restricting words ("cu provizioanele") and its owner ("ale băncii"): the
    # whole sentence when the compressed clause would lose one
    ("ro", "2021-05-10", "Cheltuielile cu provizioanele ale băncii au crescut cu 35% în primul trimestru.", "crescut",
     ["rise"], "Cheltuielile cu provizioanele ale băncii au crescut cu 35% în primul trimestru"),
    ("en", "2005-06-13", "Qatar Airways ordered 60 Airbus A350 jets, the airline said.", "ordered", ["purchase"],
     "Qatar Airways ordered 60 Airbus A350 jets"),
    ("en", "2005-06-13", "Shares of General Motors fell 5% on Tuesday after the company announced it would cut "
     "30,000 jobs.", "cut", ["cut"], "Company announced it would cut 30,000 jobs"),
]


@pytest.mark.parametrize("lang,dct,text,trigger,types,expected", CASES, ids=[c[3] for c in CASES])
def test_headline_from_the_parse(lang: str, dct: str, text: str, trigger: str, types: list[str],
                                 expected: str) -> None:
    events = analyze(text, DocDate.parse(dct), lang).events
    primary = [e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger]
    assert primary and primary[0].part_of is None
    assert primary[0].types == types
    assert primary[0].headline == expected
    assert len(expected.split()) <= MAX_STRETCH


# Third blind read (2026-12-07): five kinds of failure, each with real sentences (Ziarul Financiar
# records 1,600-1,760 of the ingest_speed shuffle, or written in its style): (lang, text, trigger,
# headline).  All but two (kept as guards: the alternative kept whole, "a ieșit din insolvență")
# failed before the rule its comment names.
KINDS = [
    # 1. a fragment that says nothing: the predicate keeps its figure and what restricts it (the
    #    period, the owner), a clipped sentence ends after a whole phrase, not on "aducând un plus…"
    ("ro", "Prețul acțiunilor Albalact a crescut în ultimele zile cu 15%, aducând un plus de 27,7 milioane de "
     "lei capitalizării bursiere.", "crescut", "Prețul acțiunilor Albalact a crescut în ultimele zile cu 15%"),
    ("ro", "Pierderile companiei au totalizat 3,6 miliarde de lei în perioada 2010-2012, potrivit rapoartelor "
     "anuale.", "Pierderile", "Pierderile companiei au totalizat 3,6 miliarde de lei în perioada 2010-2012"),
    ("ro", "Creșterea activelor în intervalul ianuarie-iunie a fost de 12%, până la 4,5 miliarde de lei.",
     "Creșterea", "Creșterea activelor în intervalul ianuarie-iunie a fost de 12% până la 4,5 miliarde de lei"),
    ("ro", "Fondul american de investiții Elliot, cel mai mare acționar al Fondului Proprietatea, a vândut prin "
     "intermediul Manchester Securities Corp aproximativ 425 de milioane de acțiuni la fond de la începutul "
     "acestui an, adică 4,2% din capitalul social, potrivit calculelor ZF.", "vândut",
     "Fondul american de investiții Elliot a vândut aproximativ 425 de milioane de acțiuni la fond"),
    # 2. an alternative or a coordinated member is never dropped: the sentence whole, or clipped after it
    # (the purchase financed, not the profit paid from: a profit a payment comes from is no event
    # since lang/ro/events_senses.tsv's "from din")
    ("ro", "Compania poate finanța achiziția din profitul net al anului trecut sau din rezervele disponibile.",
     "achiziția", "Compania poate finanța achiziția din profitul net al anului trecut sau din rezervele disponibile"),
    ("ro", "Frații Dragoș și Adrian Pavăl au ajuns să controleze 59% din producătorul de cărămizi Cemacon Cluj, "
     "prin intermediul firmelor PIF Industrial și Dedeman, potrivit unui anunț publicat la BVB.", "anunț",
     "Frații Dragoș și Adrian Pavăl au ajuns să controleze 59% din producătorul de cărămizi…"),
    ("en", "The company may finance the purchase from its own cash or from a new bond issue, analysts said.",
     "purchase", "The company may finance the purchase from its own cash or from a new bond issue"),
    # 3. a bad parse's word salad ("Ținta nu nu este ... este") is not compressed: the sentence, clipped;
    #    a clause opener whose main clause never comes ("În timp ce s-a detașat") is left out
    ("ro", "Ținta nu este profitul din creditare Diferența dintre PayPal și creditori alternativi precum Lending "
     "Club este că aceasta nu caută să facă bani din creditarea propriu-zisă.", "profitul",
     "Ținta nu este profitul din creditare Diferența dintre PayPal și creditori alternativi precum Lending…"),
    ("ro", "Pierderile au scăzut în 2015, în timp ce anul 2014 s-a detașat cu pierderi record de 4,4 miliarde "
     "de lei.", "pierderi", "S-a detașat cu pierderi record de 4,4 miliarde de lei"),
    # 4. an unnamed actor is named when the article names it: the subject organisation of the sentence
    #    or of the one before ("Compania", "Fondul", "Grupul"); an opinion keeps its holder
    ("ro", "Globalworth a anunțat o nouă investiție. Fondul a preluat activele controlate de Papalekas, "
     "finalizate, în construcție sau în curs de renovare.", "preluat", "Fondul Globalworth a preluat activele"),
    ("ro", "De exemplu, dacă în 2007 Romgaz reușea să vândă 6,3 miliarde de metri cubi de gaze, anul trecut "
     "compania a mai vândut 5 miliarde de metri cubi.", "vândut", "Compania Romgaz a mai vândut 5 miliarde de metri cubi"),
    ("ro", "Digi Communications a publicat rezultatele anuale. Grupul a raportat venituri de 1,5 miliarde de euro, "
     "în creștere cu 9%.", "creștere", "Grupul Digi Communications a raportat venituri în creștere cu 9%"),
    # ... but not a noun with a modifier of its own: "Societatea de brokeraj" names a kind the
    # organisation told before need not be (fifth blind read: "Societatea Dividend Aristocrats de brokeraj")
    ("ro", "Tradeville a publicat un raport despre companiile listate. Societatea de brokeraj adaugă că valoarea "
     "mediană a multiplului P/E (price/earnings) este cea mai mică în sectorul de energie care, simultan, a avut "
     "cea mai bună evoluție de la începutul anului până în prezent, datorită creșterii cotațiilor petroliere.",
     "creșterii",
     "Societatea de brokeraj adaugă că valoarea mediană a multiplului P/E (price/earnings) este cea mai mică…"),
    ("ro", "Prețul acțiunilor ar putea crește cu încă 10% până la finalul anului, consideră Dan Popovici, analist "
     "la Prime Transaction.", "crește",
     "Dan Popovici: Prețul acțiunilor ar putea crește cu încă 10% până la finalul anului"),
    # 5. no cut before the key word: not after a verb before its complement, not before a condition
    ("ro", "Constructorul Hidroconstrucția a ieșit din insolvență după trei ani de reorganizare judiciară, în "
     "urma votului creditorilor, potrivit administratorului judiciar al companiei.", "insolvență",
     "Constructorul Hidroconstrucția a ieșit din insolvență"),
    ("ro", "Perimetrul va fi concesionat oficial numai dacă negocierea unui contract de partajare a producției va "
     "fi finalizată cu succes.", "negocierea",
     "Perimetrul va fi concesionat oficial numai dacă negocierea unui contract de partajare a producției…"),
    ("ro", "Cea mai drastică scădere a acțiunilor Erste, de aproape 15%, a avut loc pe 4 iulie, după ce austriecii "
     "au anunțat că grupul va închide anul cu un rezultat negativ record de 1,6 miliarde de euro.", "scădere",
     "Cea mai drastică scădere a acțiunilor Erste de aproape 15% a avut loc pe 4 iulie"),
]


# Fourth blind read (2026-12-07): 14 of 20 headlines ended in "…", 5 were cut before the main verb.
# (lang, text, trigger, headline); ZF records 1,600-1,760 of the ingest_speed shuffle, and English.
PREFIXES = [
    # 1. a clip that ends before the main verb says nothing: the main clause is built from its verb
    #    and arguments (subject + verb + object), what only sets the scene or tells the source left out
    ("ro", "Ofertele publice inițiale (IPO) lansate pe piețele din Europa în primul trimestru din 2018 au strâns din "
     "piață finanțări de 12,5 miliarde de euro, cu 172% peste aceeași perioadă din 2017, potrivit PwC România.",
     "lansate", "Ofertele publice inițiale au strâns din piață finanțări de 12,5 miliarde de euro"),
    ("ro", "Un număr de 26 de fonduri închise de investiții, denumite și fonduri private, sunt active pe piața locală, "
     "potrivit datelor Asociației Administratorilor de Fonduri.", "închise",
     "Un număr de 26 de fonduri sunt active pe piața locală"),
    ("ro", "Alocarea banilor către cei care vor vinde în cadrul ofertei se va face „pro-rata“, adică dacă există un "
     "nivel de suprasubscriere de 10 ori față de suma oferită, pentru un ordin de vânzare de 100 de acțiuni "
     "investitorul va primi bani doar pentru 10 acțiuni.", "vinde", "Alocarea banilor se va face pro-rata"),
    # 2. a fronted adjunct or a concessive clause is not the headline: it starts at the clause's
    #    subject; an event told inside the concessive clause gets that clause
    ("ro", "Pe de altă parte, lipsa evenimentelor festive din această perioadă ca urmare a măsurilor de distanțare "
     "socială luate în lupta împotriva pandemiei au afectat vânzările de șampanie, în care sunt incluse brandurile "
     "Dom Perignon și Moët & Chandon.", "vânzările", "Lipsa evenimentelor festive au afectat vânzările de șampanie"),
    ("ro", "Deși vânzările de gaze ale Petrom s-au redus în ultimul trimestru al anului trecut, prețurile la gaze s-au "
     "majorat în ultimele trimestre, fapt ce ar putea compensa cererea mai mică de gaze.", "vânzările",
     "Vânzările de gaze ale Petrom s-au redus"),
    ("ro", "Raportat la distribuția de anul trecut, dividendul propus în acest an este de trei ori mai mare, în "
     "condițiile în care profitul companiei a avansat anul trecut cu doar 77%.", "profitul",
     "Dividendul propus în acest an este de trei ori mai mare"),
    # ... and an apposition is not the subject: the name it describes is ("OMV Petrom, principala
    #    companie ..., a câștigat" -> "OMV Petrom a câștigat")
    ("ro", "OMV Petrom, principala companie de energie din Europa de Sud-Est, a câștigat licitația pentru un perimetru "
     "de explorare țiței și gaze de 5.282 de kilometri pătrați, din Marea Neagră, în zona offshore a Georgiei.",
     "câștigat", "OMV Petrom a câștigat licitația pentru un perimetru de explorare țiței…"),
    ("en", "While sales fell 7 percent in Europe, LVMH said demand recovered in China.", "fell",
     "Sales fell 7 percent in Europe"),
    # 3. a sentence split inside another one ("lei capitalizare, ...", "million) ...") gives no words
    #    of the other sentence, nor a unit as the speaker
    ("ro", "lei capitalizare, a anunțat vineri la bursa de la București că fondul Romanian Strategy Fund, administrat "
     "de Accuro Fund Solutions din Liechtenstein, are 5,14% din capitalul social.", "anunțat",
     "Fondul Romanian Strategy Fund, administrat de Accuro Fund Solutions din Liechtenstein, are 5,14%…"),
    ("en", "million) Rolls-Royce will cut 4,000 jobs in Britain, the company said.", "cut",
     "Rolls-Royce will cut 4,000 jobs in Britain"),
    # 4. the verb's own arguments, not another clause's: a comma-spliced clause the parser hung on the
    #    verb is not spliced in ("... cu 5,29% de 20 milioane de lei"); half a range is not the range
    ("ro", "Acțiunile Comnord au crescut cu 5,29% de la începutul acestui an, capitalizarea bursieră a companiei este de "
     "20 milioane de lei, titlurile COSC se tranzacționându-se cu 0,5140 lei per unitate.", "crescut",
     "Acțiunile Comnord au crescut cu 5,29% de la începutul acestui an"),
    ("ro", "De altfel, toți indicii bursieri locali au înregistrat scăderi, de la minus 0,16% pentru indicele BET-FI, care "
     "urmărește evoluția celor cinci SIF-uri și a Fondului Proprietatea, la minus 2,92% în cazul indicelui BET-NG.",
     "scăderi", "Toți indicii bursieri locali au înregistrat scăderi, de la minus 0,16%…"),
    # 5. a main clause told whole up to a comma is a headline, not a prefix: no "…"; one whose
    #    figure or list member was cut keeps it
    ("ro", "Astfel, compania a pierdut 344 de miliarde de dolari din valoarea de piață, cea mai mare scădere de acest "
     "fel la nivel global, conform datelor agregate de Bloomberg.", "scădere",
     "Compania a pierdut 344 de miliarde de dolari din valoarea de piață"),
    ("ro", "SIF Moldova a încheiat primul semestru al anului cu un profit de 182,1 milioane de lei, marcat în principal "
     "de vânzarea de acțiuni din portofoliu.", "profit",
     "SIF Moldova a încheiat primul semestru al anului cu un profit de 182,1 milioane de lei"),
    ("ro", "Cele mai mari creșteri au fost înregistrate de OMV Petrom (2,71%), Romgaz (2,11%) și Sphera Franchise Group "
     "(1,9%), iar cele mai mari scăderi au fost înregistrate de Electrica și Transelectrica.", "creșteri",
     "Cele mai mari creșteri au fost înregistrate de OMV Petrom (2,71%), Romgaz (2,11%)…"),
]


# Fifth pass (blind read of records 6,000-6,149: 14/20 faithful).  Sentences of ZF records 1,600-1,760
# and 8,000-8,199 of the ingest_speed shuffle (diacritics as the analysis folds them), and English.
SAYS_SOMETHING = [
    # 1. the site's boilerplate glued before a sentence is skipped, a table under it too
    ("ro", "WikiZF: Profilul companiei OMV Petrom   \n \nVolumul vânzărilor de gaze ale OMV Petrom a coborât de la "
     "14,44 TWh la 13,56 TWh în perioada analizată.", "vânzărilor",
     "Volumul vânzărilor de gaze ale OMV Petrom a coborât de la 14,44 TWh la 13,56 TWh…"),
    ("ro", "Cursul BNR de joi:    \n \n   Euro    \n \n  4,4830   \n \n-0,0139 \n \n   Dolar american    \n \n  3,3638   "
     "\n \n Moneda națională a scăzut joi cu 0,3% față de euro, la 4,4830 lei.", "scăzut",
     "Moneda națională a scăzut joi cu 0,3% față de euro, la 4,4830 lei"),
    # 2. a headline has a predicate: not the subject and its description cut before the verb
    ("ro", "Compania britanică de canabis medicinal controlată de vehiculul de investiții din care face parte "
     "rapper-ul Snoop Dogg vrea să concureze împotriva Big Pharma și caută finanțare pentru a câștiga validare la "
     "nivel european cu privire la noua industrie care prinde contur la nivel global, în special în Canada și SUA, "
     "potrivit Bloomberg.", "câștiga", "Compania britanică de canabis medicinal vrea să concureze împotriva Big Pharma"),
    ("ro", "Circa 35.000 de clienți persoane fizice ai BCR, reprezentând 1,2% din portofoliul pe acest segment, au "
     "formulat anul trecut sesizări către bancă, dintre care cele mai multe reclamă transparența și limbajul utilizat "
     "în documente, a declarat Dan Popescu, director customer experience în cadrul BCR.", "declarat",
     "Dan Popescu: Circa 35.000 de clienți persoane fizice ai BCR au formulat anul trecut sesizări…"),
    ("ro", "\n \nPierderea suferită de cel mai mare fond suveran al lumii, prima de la primul trimestru al anului 2016, "
     "vine în condițiile în care acesta și-a crescut expunerea față de acțiuni.", "Pierderea",
     "Pierderea suferită de cel mai mare fond suveran al lumii vine în condițiile în care acesta…"),
    ("ro", "Veniturile din „cloud-ul comercial” ale Microsoft, care includ utilizarea Azure, Office 365 și LinkedIn, au "
     "fost de 9,6 miliarde de dolari în acest trimestru, în creștere cu 41% față de anul precedent, dar ușor în "
     "scădere față de rata de creștere de 48%, înregistrată în trimestrul anterior.", "creștere",
     "Veniturile din „cloud-ul comercial” ale Microsoft au fost de 9,6 miliarde de dolari…"),
    # ... and never ends inside a bracket it opened
    ("en", "Sales at the unit of Unilever Plc (ULVR.L, which makes Dove soap and Lipton tea) fell 3 percent in the "
     "quarter.", "Sales", "Sales at the unit of Unilever Plc"),
    # 3. what restricts the subject or the object stays: a place, a name, a genitive
    ("ro", "Departamentul de Justiție din SUA a deschis negocierile după ce a cerut 14 miliarde de dolari pentru a pune "
     "capăt unei dispute legale legate de creditele ipotecare.", "negocierile",
     "Departamentul de Justiție din SUA a deschis negocierile"),
    ("ro", "\n \nRomcab are o capitalizare de 72 milioane de lei după ultimele tranzacții pe RASDAQ, în creștere cu 48% în "
     "ultimele 12 luni.", "creștere", "Romcab are o capitalizare de 72 milioane de lei după ultimele tranzacții pe RASDAQ…"),
    ("ro", "Portugalia a devenit prima țară din zona euro care lansează obligațiuni denominate în yuanul chinezesc, "
     "potrivit CNBC.", "lansează",
     "Portugalia a devenit prima țară din zona euro care lansează obligațiuni denominate în yuanul…"),
    ("ro", "Având în vedere că statele ECE sunt importatoare nete de energie, scăderea înregistrată recent de prețul "
     "petrolului reprezintă un factor pozitiv de creștere pentru acestea.", "scăderea",
     "Scăderea înregistrată recent de prețul petrolului reprezintă un factor pozitiv de creștere"),
    ("ro", "Ulterior, odată cu creșterea prețului petrolului, acțiunile Exxon au revenit pe creștere.", "creșterea",
     "Odată cu creșterea prețului petrolului acțiunile Exxon au revenit pe creștere"),
    ("ro", "Cheltuielile cu provizioanele ale băncii au crescut cu 35% în primul trimestru.", "crescut",
     "Cheltuielile cu provizioanele ale băncii au crescut cu 35% în primul trimestru"),
    # 4. a pronoun subject is the person the sentence before names as its subject (here its speaker) ...
    # ("a crește", not "a închide anul": closing a year is no closure, lang/ro/events_senses.tsv)
    ("ro", "„Anticipăm că bursele europene își vor relua creșterile în următoarele săptămâni“, spune Dan Rusu, șeful "
     "departamentului de analiză din cadrul BT Securities. El prognozează că indicele BET ar putea crește anul acesta "
     "cu peste 5% de la nivelul actual și crede că indicele BET-FI va urca cu peste 8% până la finalul anului.",
     "crește", "Dan Rusu prognozează că indicele BET ar putea crește anul…"),
    # ... and nobody else: a sentence before without a person leaves the pronoun
    ("ro", "Bursa de la București a închis anul cu o creștere de 9%. El prognozează că indicele BET ar putea crește "
     "anul acesta cu peste 5% de la nivelul actual și crede că indicele BET-FI va urca cu peste 8% până la "
     "finalul anului.", "crește", "El prognozează că indicele BET ar putea crește anul…"),
]


def _assert_primary_headline(lang: str, text: str, trigger: str, expected: str) -> None:
    """The headline of the event ``trigger`` leads (not a mention grouped under another), within
    the stretched word budget."""
    events = analyze(text, DocDate.parse("2021-05-10"), lang).events
    primary = [e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger and e.part_of is None]
    assert primary and primary[0].headline == expected
    assert len(expected.rstrip("…").split()) <= MAX_STRETCH


@pytest.mark.parametrize("lang,text,trigger,expected", PREFIXES, ids=[c[2] for c in PREFIXES])
def test_events_headline_tells_the_clause_not_a_prefix(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


@pytest.mark.parametrize("lang,text,trigger,expected", SAYS_SOMETHING, ids=[c[2] for c in SAYS_SOMETHING])
def test_events_headline_says_something_with_its_restrictions(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


@pytest.mark.parametrize("lang,text,trigger,expected", KINDS, ids=[c[2] for c in KINDS])
def test_events_headline_keeps_what_restricts_the_claim(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


# Sentences the split cut after an abbreviation ("mil. | lei, în creștere cu 26%"): the event told
# in the tail gets its headline from the sentence's start, which names the actor (ZF records of
# the 8,000 offset of benchmarks.sentence_sharing); alone the tail said nothing ("Lei, în creștere
# cu 26%", "A înregistrat ... un profit net" without who).
SPLIT_TAILS = [
    ("ro", "Transgaz a raportat pentru primul trimestru un profit net de 172,5 mil. lei, în scădere cu 13,4% față "
     "de aceeași perioadă din 2015, evoluție determinată de creșterea cheltuielilor.", "scădere",
     "Transgaz a raportat pentru primul trimestru un profit net de 172,5 mil. lei…"),
    ("ro", "SIF Banat-Crișana (SIF1), cea mai mare societate după capitalizare, cu peste 1 mld. lei, a înregistrat în "
     "primul trimestru al anului un profit net de 5,39 mil. lei, în creștere cu 26% față de perioada similară a "
     "anului trecut.", "profit",
     "SIF Banat-Crișana (SIF1) a înregistrat în primul trimestru al anului un profit net de 5,39 mil"),
    ("ro", "SIF Banat-Crișana (SIF1), cea mai mare societate după capitalizare, cu peste 1 mld. lei, a înregistrat în "
     "primul trimestru al anului un profit net de 5,39 mil. lei, în creștere cu 26% față de perioada similară a "
     "anului trecut.", "creștere",
     "SIF Banat-Crișana (SIF1) a înregistrat în primul trimestru al anului un profit net…"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", SPLIT_TAILS, ids=[c[2] for c in SPLIT_TAILS])
def test_events_headline_of_a_split_tail_names_its_actor(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


# A gerund clause ("vânzările coborând cu 3,6%", "linia fiind urmată de ...") is never a headline: it
# has no predicate and only stands beside the sentence's claim, which is told instead, from its
# subject; a parse rooted in the gerund gives the sentence from its start, its source left out
# (ZF records of the 8,000 offset of benchmarks.sentence_sharing).
GERUNDS = [
    ("ro", "Totodată, declinul afacerilor producătorului de componente auto s-a temperat în ultimele trei luni ale "
     "anului trecut, vânzările coborând cu 3,6%, față de un declin de 10,8% în precedentele nouă luni din 2013.",
     "vânzările", "Declinul afacerilor producătorului de componente auto s-a temperat în ultimele trei luni…"),
    ("ro", "La închiderea pieței principale de la București, marile piețe europene erau în creștere cu cel mult 1,2%, "
     "linia fiind urmată și de majoritatea burselor din Europa Centrală și de Est, care avansau cu până la 0,7%.",
     "creștere", "La închiderea pieței principale de la București, marile piețe europene erau în creștere…"),
    ("ro", "Conform datelor furnizate de către Bursa de Valori București, acționarul majoritar al Turism Băile Felix "
     "este SIF Transilvania, cu o deținere de 63,2%, urmat de către SIF Oltenia cu 16,97%, restul acțiunilor fiind "
     "deținute de către alți investitori de pe piața de capital locală.", "furnizate",
     "Acționarul majoritar al Turism Băile Felix este SIF Transilvania, cu o deținere de 63,2%…"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", GERUNDS, ids=[c[2] for c in GERUNDS])
def test_events_headline_is_no_gerund_clause(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


# A subject the parser hung on a fronted time or a second "subject" ("În T4/2019 Digi", "Anul trecut,
# Romgaz") was left out of the clause: a headline that opens on its verb gets the noun or name
# before the verb back ("A trecut pe profit" said nothing of who; ZF records of the 8,000 offset).
DROPPED_SUBJECT = [
    ("ro", "În T4/2019 Digi a trecut pe profit de 17 mil. euro față de pierderea de 2,9 mil. euro din T4/2018.",
     "profit", "Digi a trecut pe profit de 17 mil"),
    ("ro", "În T4/2019 Digi a trecut pe profit de 17 mil. euro față de pierderea de 2,9 mil. euro din T4/2018.",
     "pierderea", "Digi a trecut pe profit de 17 mil. euro față de pierderea de 2,9 mil"),
    ("ro", "Înainte de efectuarea unei vânzări în lipsă clienții trebuie să încheie un contract și să deschidă un cont "
     "de marjă cu firma de brokeraj, cont în care se înregistrează toate operațiunile aferente cumpărărilor sau "
     "împrumuturilor.", "vânzări", "Clienții trebuie să încheie un contract și să deschidă un cont de marjă…"),
    ("ro", "În schimb, dobânzile Robor pentru perioada mai lungi de o lună au coborât doar marginal, ceea ce arată că "
     "majorarea inflației și estimările privind creșterea dobânzii de politică monetară de BNR mențin jucătorii din "
     "piață într-o stare de expectativă.", "creșterea",
     "Dobânzile Robor pentru perioada mai lungi de o lună au coborât doar marginal…"),
    # descriptions between the subject and its verb all go, the one the parser made a second subject
    # too: kept, it read as the subject's own description ("Adrian Tănase cel mai mare administrator
    # de pensii ..., este"), which the sentence says of NN Pensii
    ("ro", "Adrian Tănase, 42 de ani, director de investiții al NN Pensii, cel mai mare administrator de pensii Pilon 2 "
     "din România, este noul director general al Bursei de Valori București, după demisia polonezului Ludwik "
     "Sobolewski la finele lunii octombrie, potrivit unor surse de pe piața de capital.", "demisia",
     "Adrian Tănase este noul director general al Bursei de Valori București, după demisia polonezului Ludwik…"),
    # a headline that opens on a name inside its subject's phrase names the wrong actor: the
    # subject's head leads ("Robor a creat premise" of "Scăderea Robor"; "Antoine Frérot ar fi urmat
    # să crească cu 13%" of his pay), but a name in apposition to the subject is the subject
    ("ro", "Scăderea Robor a creat premise pentru ieftinirea creditelor, însă inversarea trendului ar putea duce la "
     "scumpirea împrumuturilor și implicit a ratelor plătite la bănci.", "Scăderea",
     "Scăderea Robor a creat premise pentru ieftinirea creditelor, însă inversarea trendului ar putea duce…"),
    ("ro", "Salariul fix al directorului a fost de 950.000 de euro, în timp ce remunerația directorului general al "
     "Veolia Environnement, Antoine Frérot, ar fi urmat să crească cu 13%, la 1,79 mil. euro.", "crească",
     "Remunerația directorului general al Veolia Environnement, Antoine Frérot, ar fi urmat să crească cu 13%…"),
    ("ro", "Și creșterea fondurilor de pensii, în special Pilon II, nu se oprește aici.", "creșterea",
     "Creșterea fondurilor de pensii, în special Pilon II, nu se oprește aici"),
    ("ro", "Ministrul de finanțe portughez, Mario Centeno, a declarat pentru CNBC că emisiunea aceasta este „un pas "
     "pozitiv în modul în care Portugalia își gestionează datoria externă pe termen mediu”.", "declarat",
     "Mario Centeno a declarat pentru CNBC"),
    # the subject is looked for past a name's bracket and past one aside after it, and never in a
    # phrase before a clitic's verb that is not its own ("Printre băncile ... se numără")
    ("ro", "Vineri, SIF Banat-Crișana (SIF1) a cumpărat un pachet de 6.700 de acțiuni, reprezentând 0,7% din capital.",
     "cumpărat", "SIF Banat-Crișana (SIF1) a cumpărat un pachet de 6.700 de acțiuni, reprezentând 0,7% din capital"),
    ("ro", "Printre băncile mari care au mai anunțat majorări de dobândă la economiile populației se numără Raiffeisen "
     "și UniCredit, plasate în top cinci al celor mai mari bănci locale.", "anunțat",
     "Se numără Raiffeisen și UniCredit, plasate în top cinci al celor mai mari bănci locale"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", DROPPED_SUBJECT, ids=[c[2] for c in DROPPED_SUBJECT])
def test_events_headline_keeps_a_subject_the_parser_hung_elsewhere(lang: str, text: str, trigger: str,
                                                                   expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


def test_events_headline_keeps_the_degree_of_a_figure() -> None:
    """"cu peste 110 milioane": the bound stays with its figure, else a lower bound reads as the amount
    (a ZF sentence of the 8,000 offset; the parser hangs "peste" on the number as an adverb)."""
    _assert_primary_headline("ro", "Față de începutul anului, suma disponibilă în conturi a scăzut cu peste 110 "
                             "milioane de lei.", "scăzut", "Suma disponibilă în conturi a scăzut cu peste 110 milioane de lei")


# A figure of another phrase kept without the verb's first one reads as the verb's own measure:
# the compressed clause is refused ("Grupul BCR a înregistrat în creștere cu 43,2% față de rezultatul",
# "Neolife ... a încheiat în creștere un profit net de 2,1 milioane lei"; ZF records of the 8,000 offset).
FIRST_FIGURE = [
    ("ro", "Grupul BCR a înregistrat în primul semestru al anului un profit net atribuibil acționarului majoritar, "
     "Erste, de 116,7 milioane euro, în creștere cu 43,2% față de rezultatul obținut în perioada similară a anului "
     "trecut, potrivit raportului financiar al grupului austriac.", "creștere",
     "Grupul BCR a înregistrat în primul semestru al anului un profit net atribuibil acționarului…"),
    ("ro", "Schimbul s-a efectuat la prețul de 2,68 de lei pe unitate, în scădere cu 1,47% față de ședința anterioară "
     "(16 iunie), astfel că tranzacția a fost în valoare de 1 milion de lei.", "scădere",
     "Schimbul s-a efectuat la prețul de 2,68 de lei pe unitate, în scădere cu 1,47%…"),
    ("ro", "Neolife Medical Center România, cu un total de 250 de angajați și colaboratori, a încheiat anul 2020 cu o "
     "cifră de afaceri de 92 milioane lei, în creștere cu peste 30% față de anul 2019, și un profit net de 2,1 "
     "milioane lei.", "creștere", "Neolife Medical Center România a încheiat anul 2020…"),
    # the phrase the verb's first figure measures is gone whole: the trigger's figure then measures
    # nothing ("One United Properties a înregistrat în creștere cu 56%"; "Aro-Palace a încheiat de la o
    # pierdere de 1,1 milioane de lei" turns a recovery into a loss; ZF records of the 8,300 offset)
    ("ro", "One United Properties a înregistrat în S1/2022 venituri consolidate de 675,9 milioane de lei, în creștere "
     "cu 56% față de aceeași perioadă a anului 2021.", "creștere",
     "One United Properties a înregistrat în S1/2022 venituri consolidate de 675,9 milioane de lei…"),
    ("ro", "Aro-Palace (simbol bursier ARO), care deține unul dintre cele mai mari hoteluri de cinci stele din afara "
     "Bucureștiului, a încheiat primele nouă luni ale anului cu un rezultat net de circa 350.000 de lei, de la o "
     "pierdere de 1,1 milioane de lei în aceeași perioadă din 2021, conform raportului financiar.", "pierdere",
     "Aro-Palace a încheiat primele nouă luni ale anului cu un rezultat net…"),
    ("ro", "Leul a câștigat teren și în raport cu francul elvețian, cursul de schimb fiind de 3,5733 lei/frans, în "
     "scădere de la 3,5728 lei/franc.", "scădere", "Leul a câștigat teren și în raport cu francul elvețian"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", FIRST_FIGURE, ids=[c[2] for c in FIRST_FIGURE])
def test_events_headline_keeps_the_verbs_first_figure(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


# A statement told after what was said (the end of a quotation the split cut from its opening mark,
# or a long reported clause) is the speaker's: "<speaker>: <what was said>", not "A declarat Radu
# Hanga" (ZF records of the 8,000-8,899 offsets).
SAID_BEFORE = [
    ("ro", "Cu fiecare nouă ediție în care cunoaștem semifinaliștii și apoi finaliștii proiectului Made in Romania "
     "descoperim povești antreprenoriale românești de succes cu care ne mândrim” a declarat Radu Hanga, președintele "
     "Bursei de Valori București.", "declarat",
     "Radu Hanga: Cu fiecare nouă ediție în care cunoaștem semifinaliștii și apoi finaliștii proiectului…"),
    ("ro", "În cazul unui accident rutier cu victime, în care se solicită daune morale, suma acordată de instanță ca "
     "recompensă poate varia în funcție de trei criterii neoficiale: geografic, juridic și emoțional, a declarat "
     "Cosmin Vasile, Partener ZRP.", "declarat",
     "Cosmin Vasile: În cazul unui accident rutier cu victime, în care se solicită daune…"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", SAID_BEFORE, ids=[c[2] for c in SAID_BEFORE])
def test_events_headline_of_a_statement_told_after_what_was_said(lang: str, text: str, trigger: str,
                                                                 expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


@pytest.mark.parametrize("text,dct,rows", [
    # statement, talks and support of one Friday in Moscow: one happening
    (SEED_TALKS, "2024-11", 1),
    # the meeting, the visit it is part of, and the Kremlin's announcement: one happening
    (SEED_PUTIN, "2025-10-27", 1),
    # the invasion of 2022 and the support of the article's day: two dates, two happenings
    ("Relațiile dintre Phenian și Moscova s-au consolidat considerabil de la invazia rusă din Ucraina în 2022, "
     "Coreea de Nord sprijinind efortul de război al aliatului său.", "2025-10-27", 2),
    # the fall compared with last year and the losses of the half-year: one report (the
    # comparison's baseline, "anului trecut", dates nothing)
    ("Producătorul de confecții Siretul Pașcani a încheiat primul semestru cu o cifră de afaceri de 4,1 milioane de "
     "lei, în scădere cu 21% comparativ cu perioada similară a anului trecut, și a trecut pe pierderi de 5,5 mil. lei.",
     "2014-08-14", 1),
    # a treaty of June told in November: the statement and the signing are two
    ("Choe a declarat că cele două țări trebuie să continue să-și aprofundeze legăturile în temeiul unui tratat "
     "semnat de liderii lor în iunie, care include o clauză de apărare reciprocă.", "2024-11", 2),
])
def test_events_one_per_happening_in_a_sentence(text: str, dct: str, rows: int) -> None:
    events = analyze(text, DocDate.parse(dct), "ro").events
    primaries = [e for e in events if e.part_of is None]
    assert len(primaries) == rows
    for e in events:  # every other cue points to a primary of the same sentence and date (or is undated)
        if e.part_of is not None:
            p = next(x for x in primaries if x.trigger[0] == e.part_of)
            assert e.type in p.types and p.when is not None
            assert e.when is None or p.when["value"] == e.when["value"]


def test_events_without_a_parse_stay_one_per_trigger() -> None:
    """English has no parser here: which words share a clause is unknown, so "said" and "ordered"
    stay two mentions (MEANTIME annotates them as two events)."""
    events = analyze("Qatar Airways ordered 60 Airbus A350 jets, the airline said.", DocDate.parse("2005-06-13"), "en").events
    assert [e.type for e in events] == ["purchase", "statement"] and all(e.part_of is None for e in events)


def _cue_examples() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(LANG_DIR.glob("*/headline_cues.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# example:"):
                text, _, want = line.removeprefix("# example:").partition("=>")
                out.append((path.parent.name, text.strip(), want.strip()))
    return out


@pytest.mark.parametrize("lang,text,want", _cue_examples(), ids=lambda v: str(v)[:30])
def test_events_headline_cue_file_examples(lang: str, text: str, want: str) -> None:
    """Each example of lang/<code>/headline_cues.tsv: the headline of one of the sentence's events."""
    events = analyze(text, DocDate.parse("2019-05-10"), lang).events
    assert want in [e.headline for e in events if e.part_of is None]


def test_events_headline_cue_files_have_their_header_and_an_example() -> None:
    paths = sorted(LANG_DIR.glob("*/headline_cues.tsv"))
    assert paths and len(_cue_examples()) >= len(paths)
    for path in paths:
        head = path.read_text(encoding="utf-8").splitlines()[:6]
        assert any("source:" in line for line in head) and any("license" in line for line in head)


# Eighth session (issue 18 point 2): a generic noun ("Compania", "acțiunile companiei") is written
# with the organisation the article introduced by such a noun, when it is both the one the article
# names most often and the last one named before the sentence; otherwise the sentence's own words
# stay (a guess would be a wrong actor).  A byline glued to a speaker ("pentru ZF Adrian Volintiru")
# is no part of the name.  ZF records from offset 12,000 of benchmarks.sentence_sharing's shuffle.
PROSPECTIUNI = ("Firma de prospectare geologică Prospecțiuni S.A. (PRSN), controlată de omul de afaceri Ovidiu "
                "Tender, a raportat o dublare a pierderii în primul trimestru al anului comparativ cu aceeași "
                "perioadă a anului anterior, până la nivelul de 5,2 mil. lei (1,16 mil. euro), potrivit unui raport "
                "publicat de companie la bursă. ")
PLACEHOLDERS = [
    ("ro", PROSPECTIUNI + "În primul trimestru din 2013, compania a raportat o pierdere de 2,54 milioane de lei.",
     "pierdere", "Compania Prospecțiuni S.A. a raportat o pierdere de 2,54 milioane de lei"),
    ("ro", PROSPECTIUNI + "Reprezentanții companiei atribuie majorarea pierderilor „gradului de accesibilitate "
     "scăzut al terenului în această perioadă“.", "pierderilor",
     "Reprezentanții companiei Prospecțiuni S.A. atribuie majorarea pierderilor „gradului de accesibilitate "
     "scăzut al terenului în această perioadă“"),
    # two funds named, the one just named is not the one named most: "fondul" stays as written
    ("ro", "Fondul STK Emergent a raportat anul trecut un profit de 3 milioane de lei. STK Emergent are active de "
     "60 milioane de lei. Anul 2013 a fost dificil pentru iFond Gold, cu investiții în companii din sectorul aurifer. "
     "Anul trecut, fondul a raportat o pierdere de 1,26 milioane de lei.", "pierdere",
     "Fondul a raportat o pierdere de 1,26 milioane de lei"),
    # the company named once is not the one the article calls "compania"
    ("ro", "SIF Transilvania a vândut un pachet de acțiuni INAR Brașov reprezentând 38,98% din capitalul companiei. "
     "De asemenea, compania Magic Invest a cumpărat pachetul deținut anterior de SIF Transilvania. Capitalizarea "
     "INAR Brașov este de 0,842 mil. lei. În 2015, compania a raportat venituri în scădere cu 65%.", "scădere",
     "Compania a raportat venituri în scădere cu 65%"),
    ("ro", "Avem de asemenea în vedere constituirea unei echipe de lucru din care să facă parte și mediul de afaceri "
     "și să gândim împreună o soluție similară și pentru gazele naturale“, a declarat pentru ZF Adrian Volintiru.",
     "declarat", "Adrian Volintiru: Avem de asemenea în vedere constituirea unei echipe de lucru…"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", PLACEHOLDERS, ids=[c[3][:30] for c in PLACEHOLDERS])
def test_events_headline_names_the_organisation_a_generic_noun_stands_for(lang: str, text: str, trigger: str,
                                                                          expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


# A short phrase before the subject that restricts the claim stays (where, in what state, among
# which): without it the claim reads as general ("Au închis și titlurile ..." for "În declin
# semnificativ au închis ..."); a time, a source, a linking word or a cause still goes (ZF records
# from offset 12,000 of benchmarks.sentence_sharing's shuffle).
FRONTED = [
    ("ro", "În declin semnificativ au închis și titlurile Fondul Proprietatea, cu 6,7%, Banca Transilvania, cu 6,5%, "
     "și Romgaz (SNG), cu 6,85%.", "închis",
     "În declin semnificativ au închis și titlurile Fondul Proprietatea, cu 6,7%, Banca Transilvania…"),
    ("ro", "Pe piața principală s-au mai transferat circa 21.600 de acțiuni BRD la un preț în scădere cu 0,6%, de "
     "9,05 lei/unitate.", "scădere",
     "Pe piața principală s-au mai transferat circa 21.600 de acțiuni BRD la un preț…"),
    ("ro", "Dintre aceste trei societăți, doar producătorul de pâine Boromir a raportat câștig net în urcare, însă "
     "avansul a fost susținut de trecerea pe profit financiar, în timp ce profitul operațional a fost în stagnare.",
     "profit", "Dintre aceste trei societăți, doar producătorul de pâine Boromir a raportat câștig net…"),
    ("ro", "În Europa, principalele acțiuni au închis luni cu cea mai puternică scădere începând din 2008, din cauza "
     "temerilor că economia Chinei încetinește mai puternic decât se anticipa anterior.", "scădere",
     "În Europa, principalele acțiuni au închis luni cu cea mai puternică scădere…"),
    # a cause goes, and so does a linking phrase
    ("ro", "Din cauza investiției, Prospecțiuni a raportat o pierdere de 3 milioane de lei.", "pierdere",
     "Prospecțiuni a raportat o pierdere de 3 milioane de lei"),
    ("ro", "Totodată, acționarii au aprobat și reducerea capitalului social de la 98,94 milioane lei la 98,12 milioane "
     "lei, respectiv cu suma de 826.612 lei, ca urmare a anulării unui număr de 8,26 milioane actiuni proprii "
     "dobandite de catre societate.", "reducerea", "Acționarii au aprobat reducerea capitalului social"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", FRONTED, ids=[c[3][:30] for c in FRONTED])
def test_events_headline_keeps_a_restricting_phrase_before_the_subject(lang: str, text: str, trigger: str,
                                                                       expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


# A compressed clause may not drop the relative clause that says which of a kind is meant (no comma
# before "care"): "45% dintre românii | au efectuat plățile" claims it of all Romanians (ZF records
# from offset 12,000 of benchmarks.sentence_sharing's shuffle).
RESTRICTIVE = [
    ("ro", "Aproximativ 45% dintre românii care și-au achiziționat pachetele turistice pentru vacanța din iulie au "
     "efectuat plățile încă din lunile de primăvară, cea mai căutată destinație fiind Creta, cu 30% din totalul "
     "vânzărilor, arată datele furnizate de agenția de turism online Paravion.", "achiziționat",
     "Aproximativ 45% dintre românii care și-au achiziționat pachetele turistice pentru vacanța din iulie au "
     "efectuat plățile…"),
    ("ro", "Antreprenorii români care au branduri și companii bune vor încerca să le vândă cât mai repede:", "vândă",
     "Antreprenorii români care au branduri și companii bune vor încerca să le vândă cât mai repede"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", RESTRICTIVE, ids=[c[2] for c in RESTRICTIVE])
def test_events_headline_keeps_a_restrictive_relative_clause(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


def test_events_headline_a_gerund_with_its_own_subject_reads_as_a_past() -> None:
    """The seed's support ("..., Coreea de Nord sprijinind efortul de război al aliatului său") is a
    row of its own: its line is a clause with a predicate, its time the main verb's past."""
    text = ("Relațiile dintre Phenian și Moscova s-au consolidat considerabil de la invazia rusă din Ucraina în "
            "2022, Coreea de Nord sprijinind efortul de război al aliatului său.")
    events = analyze(text, DocDate.parse("2025-10-27"), "ro").events
    support = [e for e in events if text[e.trigger[0]:e.trigger[1]] == "sprijinind" and e.part_of is None]
    assert support and support[0].headline == "Coreea de Nord a sprijinit efortul de război al aliatului său"


def _gerund_examples() -> list[tuple[str, str, str, str, str]]:
    out = []
    for path in sorted(LANG_DIR.glob("*/headline_gerunds.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# example:"):
                given, _, want = line.removeprefix("# example:").partition("=>")
                gerund, lemma, number = given.split()
                out.append((path.parent.name, gerund, lemma, number, want.strip()))
    return out


@pytest.mark.parametrize("lang,gerund,lemma,number,want", _gerund_examples(), ids=lambda v: str(v))
def test_events_headline_gerund_file_examples(lang: str, gerund: str, lemma: str, number: str, want: str) -> None:
    """Each example of lang/<code>/headline_gerunds.tsv; "-": no rule covers the verb."""
    from cronicar.analyze.headline import past_of

    assert (past_of(lang, lemma, gerund, number) or "-") == want


# A bare noun phrase after a comma that closes what the verb said comments on the claim; glued to
# the compressed clause it read as the verb's object ("a scăzut cu 5,3% cea mai mare scădere") or
# as another actor ("a scăzut cu 5% Alphabet").  ZF records from offset 12,000.
AFTERTHOUGHTS = [
    ("ro", "Indicele Shanghai Composite al bursei chineze a scăzut cu 5,3% ieri, cea mai mare scădere zilnică din "
     "ultimii patru ani.", "scăzut", "Indicele Shanghai Composite al bursei chineze a scăzut cu 5,3%"),
    # the object after an aside stays
    ("ro", "Romgaz a raportat, în primul trimestru, un profit net de 5 milioane de lei, cu 10% mai mult decât anul "
     "trecut.", "profit", "Romgaz a raportat un profit net de 5 milioane de lei"),
    # ... also when the parser hangs the comma on the afterthought itself (ZF records from offset 13,000):
    # it read "a crescut cu 22 de puncte de bază un salt record"
    ("ro", "Yieldul datoriilor cu scadența la 10 ani a crescut ieri cu 22 de puncte de bază (la obligațiuni "
     "yieldurile evoluează în direcția opusă prețurilor), un salt record, în condițiile în care yenul în cădere și "
     "înăsprirea politicii monetare în SUA au lovit așteptările.", "crescut",
     "Yieldul datoriilor a crescut cu 22 de puncte de bază"),
    ("ro", "Astfel, Ethreum înregistra miercuri la ora 14.30 o scădere de 11,5%, tranzacționându-se la 170 de doalri "
     "per monedă digitală, la o capitalizare de piață de 17,4 mld de dolari, un nivel nemaiîntâlnit din perioada "
     "aprilie-mai 2017.", "scădere", "Ethreum înregistra o scădere de 11,5%"),
    # ... and when it made the noun a predicative complement: "a cumpărat un pachet echivalentul"
    ("ro", "Mirela-Ionica Pavel a cumpărat în data de 16 noiembrie un pachet de peste un milion de acțiuni Remedia "
     "Deva (RMAH), la un preț mediu per unitate de 0,335 lei, echivalentul unei tranzacții totale de 0,355 "
     "milioane lei.", "cumpărat", "Mirela-Ionica Pavel a cumpărat un pachet"),
]


# A subject the parser hung under a clause before a verb that then has none is still the line's
# subject: skipping that clause started the line at the verb ("A crescut cu sub 1% ...").
MIS_HUNG_SUBJECT = [
    ("ro", "Mai mult, indicele STOXX All Europe 800 Banks, format din 68 de bănci europene și din componența căruia "
     "face parte și Banca Transilvania (TLV), a crescut cu sub 1% în ultimii trei ani.", "crescut",
     "Indicele STOXX All Europe 800 Banks a crescut cu sub 1% în ultimii trei ani"),
    # ... or under the paragraph break before it (the break was the subject, the line "A scăzut ...")
    ("ro", "Asta apropos de obligaţia BNR de stabilitate a preţurilor. \n \nROBOR-ul, indicele de referinţă pentru "
     "dobânzile la lei pe piaţa interbancară, a scăzut de la 6-7% la sub 1% în 2016-2017, pentru a ajunge la 3% în "
     "acest moment.", "scăzut", "ROBOR-ul a scăzut de la 6-7% la sub 1%"),
]


# A subjunctive complement opened by "ca ... să" is told with the verb above it: alone, "Vânzările pe
# piețele externe să crească cu 10%" lost whose expectation it is (ZF records from offset 13,000).
EXPECTED = [
    ("ro", "Electromagnetica București (ELMA), companie cu activități în producția de echipamente pentru industria "
     "energetică, se așteaptă ca vânzările pe piețele externe să crească cu 10% în acest an, la circa 4,5 milioane "
     "de euro.", "crească",
     "Electromagnetica București se așteaptă ca vânzările pe piețele externe să crească cu 10%"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", EXPECTED, ids=[c[2] for c in EXPECTED])
def test_events_headline_keeps_the_verb_above_a_subjunctive(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


@pytest.mark.parametrize("lang,text,trigger,expected", MIS_HUNG_SUBJECT, ids=[c[2] for c in MIS_HUNG_SUBJECT])
def test_events_headline_keeps_a_subject_the_parser_hung_elsewhere(lang: str, text: str, trigger: str,
                                                                   expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


@pytest.mark.parametrize("lang,text,trigger,expected", AFTERTHOUGHTS, ids=[c[2] for c in AFTERTHOUGHTS])
def test_events_headline_leaves_out_an_afterthought(lang: str, text: str, trigger: str, expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)


def test_events_headline_a_generic_noun_names_the_only_organisation_of_the_article() -> None:
    """"Compania" after an article that named one organisation, twice, is that organisation (ZF
    record 8,629 of benchmarks.sentence_sharing's shuffle, shortened)."""
    text = ("Deși economia pare a fi pe val, executivul spune că OMV Petrom va avea în continuare o politică prudentă "
            "de investiții, evoluția inflației și a situației sanitare fiind urmărită îndeaproape. „Gazul este cheie "
            "pentru tranziția energetică a României, dar este crucială clarificarea legii offshore anul acesta“, a "
            "declarat directorul executiv al OMV Petrom. Compania a terminat prima jumătate a anului cu venituri de 10 "
            "miliarde de lei, la fel ca în perioada similară a anului trecut, și cu un profit net de 980 de milioane de "
            "lei, cu 13% mai mare față de primele șase luni din 2020.")
    events = analyze(text, DocDate.parse("2021-08-10"), "ro").events
    rows = [e.headline for e in events if e.part_of is None]
    assert "Compania OMV Petrom a terminat prima jumătate a anului cu venituri de 10 miliarde de lei" in rows


# An oblique that is a time told by its adjective ("La nivel săptämânal,") goes with its time word:
# without it the line read "La nivel bursa românească a înregistrat ..." (ZF records from offset 12,000).
TIMED = [
    ("ro", "La nivel săptămânal, bursa românească a înregistrat o scădere de 0,83% după ce timp de două săptămâni "
     "consecutive a înregistrat creșteri semnificative.", "scădere", "Bursa românească a înregistrat o scădere de 0,83%"),
]


@pytest.mark.parametrize("lang,text,trigger,expected", TIMED, ids=[c[2] for c in TIMED])
def test_events_headline_leaves_out_a_phrase_that_only_tells_the_time(lang: str, text: str, trigger: str,
                                                                     expected: str) -> None:
    _assert_primary_headline(lang, text, trigger, expected)
