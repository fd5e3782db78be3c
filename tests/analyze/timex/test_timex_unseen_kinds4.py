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
    ],
)
def test_timex_unseen_kinds4(dct: str, text: str, expected: str) -> None:
    assert _render(text, dct) == expected
