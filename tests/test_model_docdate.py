"""DocDate keeps the granularity of the article date (a month stays a month)."""

from datetime import date

import pytest

from cronicar.model import DocDate, article_id


@pytest.mark.parametrize(
    ("raw", "iso", "granularity", "interval"),
    [
        ("2025-10-27", "2025-10-27", "day", (date(2025, 10, 27), date(2025, 10, 27))),
        ("2024-11", "2024-11", "month", (date(2024, 11, 1), date(2024, 11, 30))),
        ("2024-02", "2024-02", "month", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2022", "2022", "year", (date(2022, 1, 1), date(2022, 12, 31))),
        ("2025-09-03T09:30:00+03:00", "2025-09-03", "day", (date(2025, 9, 3), date(2025, 9, 3))),
        ("2024-1-5", "2024-01-05", "day", (date(2024, 1, 5), date(2024, 1, 5))),
    ],
)
def test_model_docdate_parse_keeps_granularity(raw, iso, granularity, interval):
    d = DocDate.parse(raw)
    assert d.iso == iso
    assert d.granularity == granularity
    assert d.interval == interval


@pytest.mark.parametrize("raw", ["", "ieri", "2024-13", "2023-02-29", "27.10.2025", None])
def test_model_docdate_rejects_bad_dates(raw):
    with pytest.raises(ValueError):
        DocDate.parse(raw)


def test_model_article_id_ignores_whitespace_and_diacritic_variants():
    d = DocDate.parse("2024-11")
    a = article_id("Preşedintele  rus\nVladimir Putin", d)
    b = article_id("Președintele rus Vladimir Putin ", d)
    assert a == b
    assert a != article_id("Președintele rus Vladimir Putin", DocDate.parse("2024-12"))
