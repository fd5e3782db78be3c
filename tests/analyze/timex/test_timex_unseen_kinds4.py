"""Error kinds read on the eighth session's unseen regression set (``eval/fresh_gold/unseen3``,
annotated before the tagger ran on it) and on ZF / political articles outside every fresh gold set.
Each sentence is real text (some cut at a clause end), each expected value checked against the
Romanian guidelines (shared/gold/ro/timex/GUIDELINES.md).  A row is the whole output for the
sentence, ``span=value[/mod]`` joined by "; "."""

from __future__ import annotations

import pytest

from cronicar.analyze.timex import tag
from cronicar.model import DocDate


def _render(text: str, dct: str) -> str:
    return "; ".join(f"{t.text}={t.value}{'/' + t.mod if t.mod else ''}" for t in tag(text, DocDate.parse(dct), "ro"))


@pytest.mark.parametrize(
    ("dct", "text", "expected"),
    [
        # a year that bounds a stretch ("înainte de", "începând din") lends no year to the sentence
        ('2021-08-30', 'Indicele ROBOR, folosit pentru creditele în lei acordate înainte de luna mai 2019, a staţionat '
                       'vineri la 1,60%, valoare la care urcase în 23 august.',
         'luna mai 2019=2019-05; vineri=2021-08-27; 23 august=2021-08-23'),
        ('2020-06-04', 'Indicele folosit la creditele în lei contractate înainte de luna mai 2019, a început luna mai în '
                       'scădere puternică.', 'luna mai 2019=2019-05; luna mai=2020-05'),
        # ...while a year in focus still does (§3.5)
        ('2020-06-04', 'În 2019, indicele a început luna mai în scădere.', '2019=2019; luna mai=2019-05'),
        # "până la" a date or weekday is a deadline ahead ...
        ('2017-04-24', 'Persoanele care n-au ajuns la vârsta de pensionare vor putea să-şi plătească retroactiv '
                       'contribuţia pentru perioadele de timp în care nu au avut calitatea de asigurat în sistemul '
                       'public de pensii sau într-un sistem neintegrat acestuia, până la 31 decembrie.',
         '31 decembrie=2017-12-31'),
        ('2025-01-29', 'Oferta include atât salariul, cât și beneficiile pentru lucrători până la 30 septembrie.',
         '30 septembrie=2025-09-30'),
        ('2022-08-13', 'Avertizarea este valabilă de duminică, la ora 12.00, până luni, la ora 22.00.',
         'duminică=2022-08-14; ora 12.00=2022-08-14T12:00; luni=2022-08-15; ora 22.00=2022-08-15T22:00'),
        # ... unless a past participle or an imperfect is near: then it ended before the article
        ('2017-04-22', 'Preţul carburanţilor a scăzut în medie cu 9% de la sfârşitul anului trecut până în 10 aprilie.',
         'sfârşitul anului trecut=2016/END; 10 aprilie=2017-04-10'),
        ('2022-08-13', 'Vânzările au fost înregistrate până la 31 martie.', '31 martie=2022-03-31'),
        # ... and a cue after the expression governs only the first end of a range
        ('2025-01-29', 'Un judecător a suspendat ordinul – care trebuia inițial să intre în vigoare marți după-amiaza – '
                       'până luni.', 'marți după-amiaza=2025-01-28TAF; luni=2025-02-03'),
        # "de astăzi" after a meeting or a trading session is the article's day, not "nowadays" (§3.1)
        ('2017-04-24', 'Guvernul a prelungit printr-o ordonanţă de urgenţă, adoptată în şedinţa de astăzi, termenul.',
         'astăzi=2017-04-24'),
        ('2022-09-22', 'FP pune la bătaie circa 6,5 mld. lei la preţurile de tranzacţionare de astăzi, sumă care este '
                       'însă la jumătate.', 'astăzi=2022-09-22'),
        ('2022-10-26', 'Investitorii de astăzi sunt mai prudenți.', 'astăzi=PRESENT_REF'),
        # event-anchored days are not annotated (§1: "a patra zi de creştere"), the last day counted back is
        ('2013-10-29', 'Data de 28 octombrie a fost ultima zi de tranzacţionare a drepturilor de alocare.',
         '28 octombrie=2013-10-28'),
        ('2018-09-27', 'Indicele a stagnat ieri, pentru a doua zi, la nivelul de 3,38%.', 'ieri=2018-09-26'),
        ('2022-08-17', 'Au fost raportate în ultima zi 1.200 de cazuri noi.', 'ultima zi=P1D'),
        # a year in the name of a ZF conference (§1: years inside names)
        ('2019-05-24', 'a spus Matei Păun în cadrul conferinţei ZF IMM 2019.', ''),
        ('2017-06-28', 'ZF Bankers Summit 2017, 4-5 iulie: Cât de lichide sunt pieţele', '4=2017-07-04; 5 iulie=2017-07-05'),
        # hourly rates are sets (§5: frequency adjectives), an hour's interval is not
        ('2021-06-01', 'La nivel de economie, câştigul orar este de 5,12 euro.', 'orar=PT1H'),
        ('2022-08-16', 'Un loc de parcare costă, există un tarif orar, 10 lei în zona 0.', 'orar=PT1H'),
        ('2014-02-03', 'Consumul înregistrat în acel interval orar era cu 20% mai mare.', ''),
        # a predicate "o zi" of the day named (§3.7), with an intensifier
        ('2022-08-14', 'Pentru mine astăzi a fost o zi foarte încărcată.', 'astăzi=2022-08-14; o zi=2022-08-14'),
        # a body without diacritics under a footer with them (antena1.ro) is read as such
        ('2012-05-29', 'Fostul deputat PSD de Vrancea George Baesu a fost numit de catre Victor Ponta presedinte al '
                       'Autoritatii Nationale pentru Restituirea Proprietatilor.\nDecizia premierului ii confera acestuia '
                       'si rangul de secretar de stat, dupa ce fosta sefa a ANRP, Dorina Danielescu, a fost inlaturata '
                       'din functie saptamana trecuta.\nSeful Autoritatii castiga 10.000 de lei pe luna, adica un salariu '
                       'de doua ori mai mare decat cel al presedintelui.\nPuteți urmări știrile '
                       'Antena 1 și pe Google News.\nSunt de acord cu Politica de confidențialitate și cu Termenii și '
                       'condițiile', 'saptamana trecuta=2012-W21; pe luna=P1M'),
        # a scheduled present points ahead (the coming October), a past one back
        ('2024-02-22', 'Mandatul actualului șef al NATO, Jens Stoltenberg, se încheie în octombrie.', 'octombrie=2024-10'),
        ('2024-02-22', 'Summitul a avut loc în octombrie.', 'octombrie=2023-10'),
        # the imperfect of a reporting verb is a past tense ("amenința", "anunța"), not after "va"/"a"
        ('2023-12-15', 'Inclusiv joi dimineață, premierul maghiar Viktor Orban amenința că va bloca deciziile.',
         'joi dimineață=2023-12-14TMO'),
        ('2022-06-01', 'Rovana Plumb anunța în septembrie că programul continuă.', 'septembrie=2021-09'),
        ('2022-08-12', 'Ministrul va declara luni că programul continuă.', 'luni=2022-08-15'),
        # second-draw kinds (unseen4): "a lui 2016" after a half, "cel de-al patrulea trimestru" (§2: one
        # timex), a death age (§1), the approximators "vreo", "maximum" (§6)
        ('2017-02-16', 'Una dintre probleme este încetinirea creşterii în a doua jumătate a lui 2016.',
         'a doua jumătate a lui 2016=2016-H2'),
        ('2019-02-27', 'În cel de-al patrulea trimestru din 2018, Fondul a cumpărat acţiuni.',
         'cel de-al patrulea trimestru din 2018=2018-Q4'),
        ('2022-08-08', 'Actrița Robyn Griggs a murit la 49 de ani.', ''),
        ('2019-01-18', 'Primăria Galați, fără primar de vreo 100 de ani.', 'vreo 100 de ani=P100Y/APPROX'),
        ('2017-04-24', 'Plata se face pentru o perioadă de maximum cinci ani retroactiv.', 'maximum cinci ani=P5Y/EQUAL_OR_LESS'),
        # an anaphoric "această perioadă" after an imperfect ("facea"), in a text without diacritics
        ('2022-08-19', 'Scenariul se refera la perioada 15-18 august, deci pana ieri. Un scenariu teoretic, care facea '
                       'referire la aceasta perioada.', '15=2022-08-15; 18 august=2022-08-18; ieri=2022-08-18'),
        # a future auxiliary right before a month long over points to the next one; a conditional
        # perfect ("ar putea să fi urcat") and a day just past (a slip of tense) do not
        ('2024-02-21', 'Alegerile parlamentare se vor desfășura la termen, în decembrie.', 'decembrie=2024-12'),
        ('2019-04-08', 'Rata inflaţiei s-ar putea să fi urcat la 3,9% în martie.', 'martie=2019-03'),
        ('2016-04-22', 'Autorităţile din SUA au spus că vor investiga Daimler pe 15 aprilie.', '15 aprilie=2016-04-15'),
        # a stretch up to now opened after a comma ("în ianuarie, până în prezent") began in the past
        ('2017-10-20', 'Cine investea în Turbomecanica în ianuarie, până în prezent îşi tripla banii.',
         'ianuarie=2017-01; prezent=PRESENT_REF'),
        # the ends of a year range and a count of bonds lend no year to a later date of the sentence
        ('2014-12-16', 'Sunt dosare din perioada 2006-2011 (cazuri speciale), potrivit datelor la 12 noiembrie publicate de ANRP.',
         '2006=2006; 2011=2011; 12 noiembrie=2014-11-12'),
        ('2021-05-31', 'Emisiunea cuprinde 2000 de obligaţiuni şi a fost procesată în sistemul BVB in data de 19 mai.',
         '19 mai=2021-05-19'),
        ('2019-10-25', 'Piaţa M&A din România a fost marcată în 2019 de tranzacţii importante.', '2019=2019'),
    ],
)
def test_timex_unseen_kinds4(dct: str, text: str, expected: str) -> None:
    assert _render(text, dct) == expected
