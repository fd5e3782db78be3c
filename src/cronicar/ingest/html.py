"""HTML pages: main text and metadata (title, date) with trafilatura.

trafilatura is the reference extractor for news boilerplate removal; its metadata step reads the
publication date from meta tags, JSON-LD and the URL, which is what a news page gives us.
"""

from __future__ import annotations

from collections.abc import Iterator

from cronicar.ingest.schema import checked_article, normalize_lang
from cronicar.model import Article, DocDate, InputError


def read_html(html: str, source: str, fallback: DocDate | None = None, lang: str | None = None) -> Iterator[Article | InputError]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        yield InputError(source, None, "no article text found in the HTML page")
        return
    meta = trafilatura.extract_metadata(html)
    raw_date = meta.date if meta is not None else None
    dct: DocDate | None = None
    if raw_date:
        try:
            dct = DocDate.parse(raw_date)
        except ValueError:
            dct = None
    dct = dct or fallback
    if dct is None:
        yield InputError(source, None, "no publication date in the page metadata (pass --date)")
        return
    title = meta.title if meta is not None else None
    body = text.strip()
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    page_lang = meta.language if meta is not None else None
    try:  # a page's language we have no data for is detected instead
        page_lang = normalize_lang(page_lang)
    except (ValueError, AttributeError):
        page_lang = None
    yield checked_article({"text": body, "date": dct, "title": title, "lang": lang or page_lang,
                           "source": source, "url": meta.url if meta is not None else None}, source, None, unescape=False)
