"""Articles without a title are named after their first sentence, cut at a word boundary."""

from __future__ import annotations

from cronicar.model import Article, DocDate, lead_title

LEAD = ("Coreea de Nord va sprijini Rusia până când aceasta va obține victoria în războiul din Ucraina, "
        "a declarat vineri ministrul de externe Choe Son Hui în cadrul discuțiilor de la Moscova.\n\n"
        "„Relațiile noastre tradiționale se ridică la un nou nivel”, i-a spus Choe Son Hui lui Lavrov.")


def test_long_first_sentence_is_cut_at_a_word_with_an_ellipsis() -> None:
    t = lead_title(LEAD)
    assert t.endswith("…") and len(t) <= 111
    assert LEAD.startswith(t[:-1]) and LEAD[len(t) - 1] == " "


def test_short_first_sentence_is_the_title() -> None:
    assert lead_title("Lavrov a vizitat Phenianul. Apoi a plecat.") == "Lavrov a vizitat Phenianul"


def test_given_title_wins_and_missing_title_is_derived() -> None:
    d = DocDate.parse("2024-11")
    assert Article(text=LEAD, date=d, title="Choe la Moscova").title == "Choe la Moscova"
    assert Article(text=LEAD, date=d).title == lead_title(LEAD)
    assert Article(text=LEAD, date=d, title="  ").title == lead_title(LEAD)


def test_titles_are_normalized_like_the_text() -> None:
    d = DocDate.parse("2022-07-01")
    art = Article(text="Text.", date=d, title="\u200bNumărul poliţelor RCA\n a crescut")
    assert art.title == "Numărul polițelor RCA a crescut"
    assert Article(text="Preşedintele a vorbit. Apoi.", date=d).title == "Președintele a vorbit"
