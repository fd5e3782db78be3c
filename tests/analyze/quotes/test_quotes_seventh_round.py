"""Speaker and statement kinds of the fresh train half (issue 19, seventh session): interview
transcripts, organisation descriptions and collective voices, laws, the outlet spoken to."""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.quotes import extract

# a decree is a law, not a source (guidelines: laws are no speech)
NOT_SPEECH = ["Conform decretului emis luni, o plată unică de un milion de ruble va fi acordată mamelor."]


def _quotes(nlp_ro, text: str):  # type: ignore[no-untyped-def]
    norm = normalize_aligned(text).text
    return norm, extract(Context(doc=nlp_ro(norm), text=norm, dct=None, lang="ro"))


@pytest.mark.parametrize("text", NOT_SPEECH, ids=range(len(NOT_SPEECH)))
def test_laws_are_no_statement(nlp_ro, text: str) -> None:
    _, quotes = _quotes(nlp_ro, text)
    assert quotes == []


# Interview transcripts (train half: a TV report's vox pop): "Label: answer" after "Reporter: question"
TRANSCRIPT = (
    "Rata inflației a depășit pragul de 15 procente, iar traiul zilnic devine tot mai scump.\n\n"
    "Pensionar: Bani deoparte, sub nicio formă... Întreținere, cheltuielile, gazele, alimentele care sunt foarte "
    "scumpe.\n\nReporter: V-ați permite să le plătiți?\n\n"
    "Pensionar: Trebuie să fac sacrificii, mă strâng din altă parte, de la alimente.\n\n"
    "Reporter: Ce sumă ați luat?\n\nPensionar: 5000 de lei.\n\nAlimentele s-au scumpit într-un an cu 15,5%."
)
# the same labels without an interviewer are a list or a menu, not speech
MENU = ("Vei avea un meniu pentru următoarele 5 zile.\n\nMic dejun: o salată de crudități cu 100 de grame de "
        "brânză.\n\nPrânz: o supă cremă de legume.\n\nCina: o salată de fructe.")


def test_transcript_answers_are_statements_of_their_label(nlp_ro) -> None:
    norm, quotes = _quotes(nlp_ro, TRANSCRIPT)
    got = [(norm[q.content[0] : q.content[1]], q.speaker) for q in quotes]
    assert [g[0][:20] for g in got] == ["Bani deoparte, sub n", "Trebuie să fac sacri", "5000 de lei"], got
    assert {g[1] for g in got} == {"Pensionar"}
    assert all("?" not in g[0] for g in got)  # the interviewer's questions are no statements


def test_labels_without_an_interviewer_are_no_transcript(nlp_ro) -> None:
    assert _quotes(nlp_ro, MENU)[1] == []


# An outlet that relayed a statement is no antecedent of a company noun (train half, ZF markets
# report): the company the article named just before is, as the name the article calls "grupul"
DESCRIBED = [
    ("Nivelul cheltuielilor a urcat cu 0,4% în luna august, potrivit estimărilor Bloomberg. De asemenea, titlurile "
     "grupului Air France-KLM au urcat cu 2,1%. Reprezentanţii companiei au declarat că vor încerca să reia toate "
     "zborurile.", "vor încerca să reia", "Air France-KLM"),
    # an organisation noun heading a name over lowercase modifiers makes it an organisation, which
    # the same noun then refers to (train half: the NER took the group for a person)
    ("Grupul de conservare marină Sea Shepherd France, care a fost implicat în operațiunea de salvare, a declarat "
     "că lăsarea balenei în Sena ar fi condamnat-o la moarte sigură. Beluga nu poate supraviețui în apa dulce.\n\n"
     "„(Operațiunea) a fost riscantă, dar esențială pentru a da o șansă unui animal altfel condamnat”, a adăugat "
     "grupul.", "(Operațiunea) a fost riscantă", "Sea Shepherd France"),
    # a collective voice of a common noun speaks for the organisation named before with that noun,
    # also when the NER left the name out (train half)
    # ... but not the bare noun opening a sentence, nor a generic organisation noun
    ("Poliția a demarat o investigație. Reprezentanții poliției au declarat că prioritatea lor este identificarea "
     "victimei.", "prioritatea lor", "Reprezentanții poliției"),
    ("Poliția neozeelandeză a demarat o investigație după ce o familie a găsit rămășițe umane în valize.\n\n"
     "Reprezentanții poliției au declarat că prioritatea lor principală este identificarea persoanei decedate.",
     "prioritatea lor principală", "Poliția neozeelandeză"),
    # a person's representatives are not that person (an organisation's are the organisation)
    ("Donald Trump a fost perchezitionat luni de FBI. Reprezentanții lui Trump au susținut că acesta a avut "
     "autoritatea, în calitate de președinte, de a declasifica documentele.", "acesta a avut autoritatea",
     "Reprezentanții lui Trump"),
    # a publication noun still takes the outlet
    ("Guvernul pregătește noi taxe, potrivit Reuters. Agenția scrie că măsurile vor intra în vigoare "
     "din ianuarie.", "măsurile vor intra", "Reuters"),
]


@pytest.mark.parametrize("text,words,speaker", DESCRIBED, ids=[c[2] for c in DESCRIBED])
def test_descriptions_resolve_to_the_organisation_the_article_names(nlp_ro, text: str, words: str, speaker: str) -> None:
    norm, quotes = _quotes(nlp_ro, text)
    q = next((q for q in quotes if norm[q.content[0] : q.content[1]].startswith(words)), None)
    assert q is not None, [norm[a:b] for a, b in (x.content for x in quotes)]
    assert q.speaker == speaker


# The outlet a person spoke to is no part of his name ("a spus pentru Agerpres X")
TO_OUTLET = [
    ("„Societatea a continuat să-şi dezvolte activitatea”, a spus pentru Mediafax Mihai Marin, director general al "
     "Iproeb SA.", "Mihai Marin"),
    ("„Avem planuri mari”, a spus pentru Agerpres Ion Popescu.", "Ion Popescu"),
]


@pytest.mark.parametrize("text,speaker", TO_OUTLET, ids=[c[1] for c in TO_OUTLET])
def test_the_outlet_spoken_to_is_no_part_of_the_name(nlp_ro, text: str, speaker: str) -> None:
    _, quotes = _quotes(nlp_ro, text)
    assert [q.speaker for q in quotes] == [speaker]
