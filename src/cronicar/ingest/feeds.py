"""RSS and Atom feeds (feedparser): one article per entry, dated by the entry."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator

from cronicar.ingest.schema import checked_article, normalize_lang
from cronicar.model import Article, InputError

_TAG = re.compile(r"<[^>]+>")
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)


def _plain(fragment: str) -> str:
    """Feed bodies are HTML fragments: strip tags and entities, keep paragraphs."""
    fragment = re.sub(r"(?i)</p\s*>|<br\s*/?>", "\n\n", fragment)
    return re.sub(r"\n{3,}", "\n\n", html_lib.unescape(_TAG.sub("", fragment))).strip()


def read_feed(text: str, source: str, lang: str | None = None) -> Iterator[Article | InputError]:
    import feedparser

    if _ENTITY_DECL.search(text[:65536]):
        # Why: nested entity declarations expand a 1 KB feed into gigabytes ("billion laughs");
        # real feeds declare none (they use the predefined and numeric references).
        yield InputError(source, None, "feed declares XML entities (<!ENTITY>): refused, they can expand without bound")
        return
    feed = feedparser.parse(text)
    if not feed.entries:
        reason = str(getattr(feed, "bozo_exception", "")) or "no entries"
        yield InputError(source, None, f"not a readable RSS/Atom feed: {reason}")
        return
    try:  # a feed's language we have no data for is detected per entry instead
        feed_lang = normalize_lang(feed.feed.get("language") or None)
    except (ValueError, AttributeError):
        feed_lang = None
    for i, entry in enumerate(feed.entries, 1):
        where = f"{source}#{i}"
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if not parsed:
            yield InputError(source, i, f"feed entry {i} has no date")
            continue
        dct = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
        body = ""
        if entry.get("content"):
            body = _plain(entry.content[0].get("value", ""))
        if not body:
            body = _plain(entry.get("summary", ""))
        title = _plain(entry.get("title", "")) or None
        if not body and not title:
            yield InputError(source, i, f"feed entry {i} has no text")
            continue
        text_ = f"{title}\n\n{body}" if title and body else (body or title or "")
        link = entry.get("link")
        yield checked_article({"text": text_, "date": dct, "title": title, "lang": lang or feed_lang,
                               "source": link if isinstance(link, str) and link else where, "url": link,
                               "id": entry.get("id")}, source, i, unescape=False)
