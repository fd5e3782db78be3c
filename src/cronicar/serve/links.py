"""Which URLs from an article a page may turn into links (everything from an article is hostile)."""

from __future__ import annotations

import re
from typing import Any

# Browsers drop ASCII tab/newline/control characters and leading spaces when parsing a URL
# ("java\tscript:" runs as "javascript:"), so the scheme test runs on the URL as a browser sees it.
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def http_url(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) URL a page may link to, else None (shown as text)."""
    if not isinstance(url, str):
        return None
    seen = _URL_IGNORED.sub("", url).lower()
    return url.strip() if seen.startswith(("http://", "https://")) else None
