"""RSS and Atom feeds (feedparser): one article per entry, dated by the entry."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator

from cronicar.model import Article, DocDate, InputError

_TAG = re.compile(r"<[^>]+>")


def _plain(fragment: str) -> str:
    """Feed bodies are HTML fragments: strip tags and entities, keep paragraphs."""
    fragment = re.sub(r"(?i)</p\s*>|<br\s*/?>", "\n\n", fragment)
    return re.sub(r"\n{3,}", "\n\n", html_lib.unescape(_TAG.sub("", fragment))).strip()


def read_feed(text: str, source: str, lang: str | None = None) -> Iterator[Article | InputError]:
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        reason = str(getattr(feed, "bozo_exception", "")) or "no entries"
        yield InputError(source, None, f"not a readable RSS/Atom feed: {reason}")
        return
    feed_lang = (feed.feed.get("language") or "")[:2].lower() or None
    for i, entry in enumerate(feed.entries, 1):
        where = f"{source}#{i}"
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if not parsed:
            yield InputError(source, i, f"feed entry {i} has no date")
            continue
        dct = DocDate(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
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
        yield Article(text=text_, date=dct, title=title, lang=lang or feed_lang, source=entry.get("link") or where,
                      url=entry.get("link"), external_id=entry.get("id"))
