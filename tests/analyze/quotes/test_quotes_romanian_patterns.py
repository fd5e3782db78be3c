"""Romanian attribution patterns of the guidelines, one real-style sentence each."""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.quotes import extract
from cronicar.model import DocDate, Quote


def _run(nlp_ro, text: str) -> tuple[str, list[Quote]]:
    norm = normalize_aligned(text).text
    return norm, extract(Context(doc=nlp_ro(norm), text=norm, dct=DocDate.parse("2024-11-08"), lang="ro"))


# (text, kind, content, speaker)
CASES = [
    ("Guvernul va renunța la majorarea taxelor, a declarat joi premierul Marcel Ciolacu.",
     "indirect", "Guvernul va renunța la majorarea taxelor", "Marcel Ciolacu"),
    ("Potrivit lui Igor Korotchenko, Rusia ar trebui să salute trupele nord-coreene.",
     "indirect", "Rusia ar trebui să salute trupele nord-coreene", "Igor Korotchenko"),
    ("Inflația va scădea până la finalul anului, potrivit BNR.",
     "indirect", "Inflația va scădea până la finalul anului", "BNR"),
    ("Mugur Isărescu a declarat: „Inflația a atins vârful.”",
     "direct", "Inflația a atins vârful.", "Mugur Isărescu"),
    ("„Nu vom accepta acest lucru”, a spus Vasile Dîncu, „indiferent de presiuni”.",
     "direct", "indiferent de presiuni", "Vasile Dîncu"),
    ("Antony Blinken, care a vizitat Kievul, a afirmat că sprijinul va continua.",
     "indirect", "sprijinul va continua", "Antony Blinken"),
    ("Șeful AIEA, Rafael Mariano Grossi, a declarat că situația este gravă.",
     "indirect", "situația este gravă", "Rafael Mariano Grossi"),
    ("Mihai Tudose a precizat că „nu vor exista măsuri de austeritate”.",
     "direct", "nu vor exista măsuri de austeritate", "Mihai Tudose"),
    ("Șoferița din Iași, care a provocat, luna trecută, un accident în urma căruia patru muncitori au murit pe "
     "loc iar alți trei au fost grav răniți circula cu o viteza năucitoare, arată expertiza Poliției.",
     "indirect", "Șoferița din Iași, care a provocat, luna trecută, un accident în urma căruia patru muncitori au "
     "murit pe loc iar alți trei au fost grav răniți circula cu o viteza năucitoare", "expertiza Poliției"),
    ("Kremlinul a anunțat că vizita va avea loc luni, potrivit Reuters.",
     "indirect", "vizita va avea loc luni", "Kremlinul"),
    # a document passed on by someone: its agent speaks, not the newspaper that asked
    ("Prețul a fost de 30 de lei pe acțiune, potrivit răspunsurilor transmise la solicitarea ZF de Ministerul "
     "Energiei, acționar la Petrom.", "indirect", "Prețul a fost de 30 de lei pe acțiune", "Ministerul Energiei"),
    ("Dobânda va rămâne la 7%, potrivit unui comunicat transmis de Banca Națională a României.",
     "indirect", "Dobânda va rămâne la 7%", "Banca Națională a României"),
    # a "de" inside a name is no agent; the document's owner speaks
    ("Pierderile au fost de 2 milioane lei, potrivit unui comunicat al Oil Terminal transmis miercuri Bursei de "
     "Valori București.", "indirect", "Pierderile au fost de 2 milioane lei", "Oil Terminal"),
    # a quote that is the whole statement, then a prepositional cue: direct, whatever it says inside
    ('Prețurile au scăzut. "Conducerea (Electrica - n.r.) consideră că reducerea a adus economii de 20 milioane '
     'de lei", potrivit prospectului.', "direct",
     "Conducerea (Electrica - n.r.) consideră că reducerea a adus economii de 20 milioane de lei", "prospectul"),
    # a fragment after other words stays one mixed indirect record
    ("Un potențial scenariu ar fi „segregarea companiilor din grup”, potrivit UBS.", "indirect",
     "Un potențial scenariu ar fi „segregarea companiilor din grup”", "UBS"),
    # the tokenizer glues the closing mark and a dash to the last word: "…consecințele”- a spus X"
    ("„Vom face totul pentru a limita consecințele”- a spus premierul Ion Popescu.",
     "direct", "Vom face totul pentru a limita consecințele", "Ion Popescu"),
    # a short quoted fragment opening a longer clause is mixed quotation: one indirect record
    ("Guvernatorul Mugur Isărescu a spus că „din păcate” consumul este încurajat și de creditare.",
     "indirect", "„din păcate” consumul este încurajat și de creditare", "Mugur Isărescu"),
    # a verb coordinated with the cue (not with the content) ends the content
    ("Patriarhia consideră că este un gest fără precedent și așteaptă de la organizatori un răspuns oficial.",
     "indirect", "este un gest fără precedent", "Patriarhia"),
    # headline "enunț - Anunțul X": the speech noun after the dash names the source
    ("Pensiile vor crește de la 1 iulie - Anunțul Guvernului\n\nDecizia a fost luată luni.",
     "indirect", "Pensiile vor crește de la 1 iulie", "Guvernul"),
    # asides set off by commas between the verb and its "că"
    ("Ministrul Energiei, Virgil Popescu, a anunțat, marți după-amiază, că prețul gazelor va fi plafonat.",
     "indirect", "prețul gazelor va fi plafonat", "Virgil Popescu"),
    ("Directorul Transgaz, Ion Sterian, a declarat, astfel, la un post de televiziune, că importurile au scăzut.",
     "indirect", "importurile au scăzut", "Ion Sterian"),
    # "…, iar, potrivit X, <clause>": the preposition opens the second clause, its content
    ("Armata a anunțat noi atacuri în regiune, iar, potrivit ministrului Ion Popescu, un ostatic ar fi fost eliberat.",
     "indirect", "un ostatic ar fi fost eliberat", "Ion Popescu"),
    # a complete clause before a postposed cue is the whole statement: what follows the speaker is
    # about the speech event, not the rest of an interrupted sentence
    ("Guvernul va aproba, în septembrie, un nou pachet de măsuri, a declarat miercuri ministrul Marcel Boloș, "
     "într-o conferință de presă.", "indirect", "Guvernul va aproba, în septembrie, un nou pachet de măsuri",
     "Marcel Boloș"),
    # ... but a relative clause before the cue is no complete statement: the cue interrupts it
    ("Acțiunile care au crescut cel mai mult, a spus analistul Ion Pop, sunt cele ale băncilor.",
     "indirect", "Acțiunile care au crescut cel mai mult, a spus analistul Ion Pop, sunt cele ale băncilor", "Ion Pop"),
    # the outlet a statement is made to is no speaker: the previous speaker speaks
    ("Ministrul Virgil Popescu a declarat că prețurile vor crește.\n\n„Iarna va fi grea”, a declarat pentru Agerpres.",
     "direct", "Iarna va fi grea", "Virgil Popescu"),
    # complaints and forecasts are cues with a clause ("s-a plâns că", "preconizează că")
    ("Mai mulți turiști s-au plâns de faptul că tariful este excesiv.",
     "indirect", "tariful este excesiv", "Mai mulți turiști"),
    ("Organizația Națiunilor Unite preconizează că populația Rusiei va scădea.",
     "indirect", "populația Rusiei va scădea", "Organizația Națiunilor Unite"),
]


@pytest.mark.parametrize("text,kind,content,speaker", CASES)
def test_quotes_romanian_patterns(nlp_ro, text: str, kind: str, content: str, speaker: str) -> None:
    norm, quotes = _run(nlp_ro, text)
    hits = [q for q in quotes if norm[q.content[0] : q.content[1]] == normalize_aligned(content).text]
    assert hits, [(q.kind, norm[q.content[0] : q.content[1]]) for q in quotes]
    assert hits[0].kind == kind
    assert hits[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Femeia nu a precizat cauza incendiului.",  # negated, nominal object
        "Beijingul a anunțat sancțiuni împotriva companiilor americane.",  # nominal object only
        "Conform datelor INS, inflația a scăzut la 5%.",  # data, not speech
        "De la începutul anului, acțiunile SIF2 au crescut cu 4%, arată datele BVB.",  # data as a cue's subject
        "Statul a încasat 12 mld. lei din dividende, arată calculele realizate de ZF.",
        "În cazul Petrom, tranzacția este susținută și de faptul că acțiunile SNP sunt subevaluate.",  # a passive
        "Nava-școală „Mircea” a intrat în port.",  # a name in quotes
        # data and documents without a named owner (ZF, 2026-12-02 reading)
        "Activele totale ale băncii cumulau 4,2 mld. lei, potrivit ultimelor date disponibile.",
        "Acționarii au aprobat un dividend de 0,5 lei, potrivit unui raport prezent la Bursă.",
        "Adânc în raportul financiar stă un tabel care arată că programul are un deficit uriaș.",
        "Cele mai recente date legate de acționariat arată că fondul deținea 16,2% din acțiuni.",
        "Acțiunile se tranzacționează la multipli reduși, ceea ce arată că investitorii întârzie să premieze profiturile.",
        "Profitul net a crescut cu 62,8%, potrivit rezultatelor financiare preliminare pentru 2018.",
        # an infinitive after "a" says nothing; the writer's own first person is no reported source
        "Avem toate datele pentru a crede că declarația lui Muraru nu e întâmplătoare.",
        "După refuzul său de a se angaja să accepte rezultatul, bursele au scăzut.",
        "Recunoaștem că simțim jenă, rușine și regret.",
        "Menționăm că reprezentanții ANPC au fost amendați.",
        # a headline with a finite verb before its colon is not "Speaker: words"
        "Devine oficial: Guvernul va suspenda contribuțiile la Pilonul II\n\nProgramul legislativ include proiectul.",
        # nor a headline whose second part says nothing and whose first names no person or role
        # (from an Aleph/Realitatea reading, 2026-12-06)
        "Codul lui Hammurabi: Istoria primelor legi ale omenirii\n\nÎn 1901 a fost descoperit codul.",
        "Avertizare meteo: Cod galben de caniculă în București și 25 de județe - HARTA\n\nCăldura persistă.",
        # a prepositional cue followed by a relative pronoun opens a relative clause, no quote
        "Gheorghe Dincă a oferit un interviu în care a repetat scenariul pe care l-a mai invocat și în trecut, "
        "potrivit căruia ar fi fost forțat de către anchetatori pentru a declara că este autorul faptelor.",
        # nothing before the colon can speak: no name, entity, role or pronoun (Realitatea reading)
        "Performanțe istorice: România a câștigat 3 medalii de aur la Europenele de canotaj\n\nSportivii au concurat.",
        "Scandal în Coaliție: Pe agendă, prețurile la energie și remanierea Guvernului\n\nȘedința a durat.",
        # a verb in capitals before the colon is a verb all the same
        "Facturile EXPLODEAZĂ: românii fac economie la energie și la gaze\n\nConsumul a scăzut.",
        # a subject with a relative clause on it is no report told before its verb (ZF, 2022)
        "Astfel, compania la care statul român prin ministerul Energiei are 70%, a anunțat vineri dimineață "
        "afaceri de 5,9 miliarde de lei.",
        "Ucraina, susținută de aliații occidentali, a cerut o zonă demilitarizată în jurul centralei.",
    ],
)
def test_quotes_romanian_not_statements(nlp_ro, text: str) -> None:
    assert _run(nlp_ro, text)[1] == []


def test_quotes_romanian_media_is_the_channel(nlp_ro) -> None:
    norm, quotes = _run(nlp_ro, "Kremlinul a anunțat că vizita va avea loc luni, potrivit Reuters.")
    assert [(q.speaker, q.media_source) for q in quotes] == [("Kremlinul", "Reuters")]


def test_quotes_romanian_pronoun_and_role(nlp_ro) -> None:
    text = ("Ministrul de externe Choe Son Hui a sosit la Moscova. Ea a subliniat că relațiile sunt excelente. "
            "„Vom rămâne alături de Rusia”, a spus ministrul.")
    norm, quotes = _run(nlp_ro, text)
    assert [q.speaker for q in quotes] == ["Choe Son Hui", "Choe Son Hui"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Prețurile vor crește, scrie presa locală.", "presa locală"),
    ("Prețurile vor crește, susțin sursele citate.", "sursele citate"),
    ("Prețurile vor crește, afirmă oficialii.", "oficialii"),
])
def test_common_nouns_can_speak_after_the_verb(nlp_ro, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    _, quotes = _run(nlp_ro, text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", speaker)]


def test_a_document_about_something_has_no_owner_to_speak(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    text = ("Necesitatea lucrărilor se fundamentează pe existența unor defecte, se arată în nota de aprobare a "
            "investiției la Brădișor.")
    _, quotes = _run(nlp_ro, text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", None)]  # not "investiției"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("În perioada 2011-2015 au intrat în insolvență 3.000 de companii, arată un raport al companiei de "
         "consultanță Coface.", "Coface"),
        ("Necesarul de finanțare s-a redus la 50 de miliarde de lei, potrivit unui raport publicat de Erste Group Research.",
         "Erste Group Research"),
        ("OCDE: Diferența dintre bogați și săraci taie creșterea economică\n\nRaportul a fost publicat ieri.", "OCDE"),
    ],
)
def test_a_report_speaks_through_its_named_owner(nlp_ro, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """A report, study or headline source with a name: the name speaks (a report with no named
    owner is not speech, as data is not: the cases above)."""
    assert [q.speaker for q in _run(nlp_ro, text)[1]] == [speaker]


def test_an_adverbial_before_an_impersonal_cue_is_no_speaker(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """"Per ansamblu, se estimează că…": the adverbial names no one; the statement goes to the
    article's previous speaker, as a cue without a subject does."""
    text = ("Andreas Treichl a declarat că banca va crește. Per ansamblu, se estimează că profitul "
            "operațional va crește în 2018.")
    quotes = _run(nlp_ro, text)[1]
    norm = normalize_aligned(text).text
    last = max(quotes, key=lambda q: q.content[0])
    assert norm[last.content[0]:last.content[1]].startswith("profitul operațional")
    assert last.speaker == "Andreas Treichl"
    assert last.speaker_mention is None or not norm[last.speaker_mention[0]:last.speaker_mention[1]].startswith("Per")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a coordinated cue without its own subject: the first cue's speaker (Realitatea)
        ("Ministrul Ion Marin a recunoscut că gălăgia din clasă l-ar fi enervat, dar susține că nu a lovit "
         "niciun elev.", "nu a lovit niciun elev", "Ion Marin"),
        # a relative "care" speaks for the name before it
        ("Apreciez curajul ministrului Petre Daea, care a recunoscut dezastrul și care a anunțat că vom plăti "
         "mai mult pentru pâine.", "vom plăti mai mult pentru pâine", "Petre Daea"),
        # a dative after the verb is who was told; the speaker is the previous one
        ("Mugur Isărescu a vorbit despre dobânzi. „Le transmit băncilor să fie mai atente la semnalele BNR”, "
         "a afirmat Isărescu.", "Le transmit băncilor să fie mai atente la semnalele BNR", "Mugur Isărescu"),
        # a leading connective is no part of the speaker
        ("Prețurile cresc. Iar specialiștii spun că acum este doar preludiul.", "acum este doar preludiul",
         "specialiștii"),
    ],
)
def test_mentions_repaired_by_the_other_records(nlp_ro, text: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    norm, quotes = _run(nlp_ro, text)
    got = {norm[q.content[0]:q.content[1]]: q.speaker for q in quotes}
    assert got.get(content) == speaker, got


def test_a_cause_is_not_a_speaker(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """"se explică prin faptul că…" explains; nobody speaks."""
    assert _run(nlp_ro, "Prețul mare se explică prin faptul că plătim mult pentru energie.")[1] == []


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ("TRAGEDII în lanț în Bulgaria: 2 români răniți grav într-un accident", None),  # an all-caps label
        ("Bătaie la un mall din Baia Mare: un bărbat a fost înjunghiat", None),  # the name says where
        ("Baia Mare: un bărbat a fost înjunghiat în centrul orașului", None),  # a dateline city
        ("BNR: Inflația va scădea sub 5% până în vară", "BNR"),  # an acronym speaks
        ("UNICEF: Copiii suferă cel mai mult în Gaza", "UNICEF"),
    ],
)
def test_headline_labels_are_not_speakers(nlp_ro, title: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    norm, quotes = _run(nlp_ro, title + "\n\nPolițiștii au fost sesizați prin apel la 112.")
    heads = [q for q in quotes if q.content[0] < len(title)]
    assert [q.speaker for q in heads] == ([speaker] if speaker else []), [(q.speaker, norm[q.content[0]:q.content[1]]) for q in heads]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [("Specialiștii spun că nivelul apei ar putea să mai scadă.", "Specialiștii"),  # "spun": also 3rd plural
     ("Ministrul va declara că nu demisionează.", "Ministrul")],  # future: "va" + infinitive
)
def test_third_person_and_future_cues_stay(nlp_ro, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.speaker for q in _run(nlp_ro, text)[1]] == [speaker]


def test_a_verbless_headline_of_a_person_is_still_their_statement(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """"Daniel Cadariu: Situația …, o provocare": a person opens the headline, so the words after
    the colon are theirs, verb or not."""
    text = ("Daniel Cadariu: Situația resurselor umane din România, o provocare pentru educație\n\n"
            "Piața muncii se schimbă.")
    norm, quotes = _run(nlp_ro, text)
    assert [(q.speaker, norm[q.content[0]:q.content[1]]) for q in quotes] == [
        ("Daniel Cadariu", "Situația resurselor umane din România, o provocare pentru educație")]


def test_a_time_word_is_nobody(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    """"deși în prezent se crede că …": the impersonal cue has no speaker, and the time word before
    it is none (Aleph reading, 2026-12-06)."""
    from cronicar.analyze import timex

    text = "Cercetătorii încă lucrează, deși în prezent se crede că nu există un istoric de expunere comună."
    doc = nlp_ro(text)
    ctx = Context(doc=doc, text=text, dct=DocDate.parse("2022-08-10"), lang="ro",
                  timexes=timex.tag(text, DocDate.parse("2022-08-10"), "ro", doc=doc))
    quotes = extract(ctx)
    assert quotes and all(q.speaker != "prezent" for q in quotes), [(q.speaker) for q in quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a rank or profession before the name is no part of it (2026-12-06 reading)
        ("Contraamiralul Mihai Panait a declarat că nava este pregătită de misiune.", "Mihai Panait"),
        ("Psihologul Radu Leca a confirmat că gestul a venit din dorința de răzbunare.", "Radu Leca"),
        # a name the NER missed after a role is still the speaker, not another holder of the role
        ("„Administrarea de vitamine pe stomacul gol poate deranja tractul gastro-intestinal”, spune medicul "
         "gastroenterolog Christine Lee. „Cel mai bun moment este cu mâncare”, spune medicul Rodolfo Perez-Gallardo.",
         "Christine Lee"),
    ],
)
def test_a_role_before_a_name_leaves_the_name(nlp_ro, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert _run(nlp_ro, text)[1][0].speaker == speaker


def test_a_feminine_pronoun_skips_the_last_man_for_the_woman_just_named(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    # Realitatea, 2022: "ea" was resolved to Biden, the last person named
    text = ("Strategia este concepută în primul rând pentru a promova realizările legislative ale lui Biden înainte de "
            "luna noiembrie. Reprezentanta Carolyn Maloney din New York a declarat în timpul unei dezbateri primare "
            "democrate la începutul acestei luni că nu crede că Biden va căuta să fie reales. Ulterior, ea și-a cerut "
            "scuze și a spus că dorește ca el să candideze din nou.")
    norm, quotes = _run(nlp_ro, text)
    hits = [q for q in quotes if norm[q.content[0]:q.content[1]].startswith("dorește ca el")]
    assert hits and hits[0].speaker == "Carolyn Maloney"


def test_an_indefinite_description_is_not_narrowed_to_the_place_in_it(nlp_ro) -> None:  # type: ignore[no-untyped-def]
    norm, quotes = _run(nlp_ro, "Un reprezentant al administrației orașului Energodar a declarat că centrala a fost "
                                "bombardată din nou.")
    assert quotes and quotes[0].speaker == "Un reprezentant al administrației orașului Energodar"
