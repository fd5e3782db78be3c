"""Hostile article text in the exports: the Markdown chronicle renders inert, TimeML stays XML.

A Markdown file is read in a renderer (an editor, a wiki, a static site) that turns raw HTML and
links into live markup; a TimeML file is read by XML tools that refuse a document holding a C0
control character.  Both are produced from article text, which is hostile input.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from cronicar.export.chronicle import build
from cronicar.export.formats import md, to_markdown, to_timeml
from cronicar.flow import ingest_paths
from cronicar.store.db import Store

TITLE = 'Guvernul <script>alert(1)</script> [apasă](javascript:alert(2))'
TEXT = ('Guvernul a anunțat luni noi măsuri pentru fermieri <img src=x onerror=alert(3)>. '
        '„Vom plăti [aici](javascript:alert(4)) <javascript:alert(5)> &#106;avascript toate '
        'subvențiile până în martie”, a declarat luni ministrul agriculturii Ion Popescu. '
        'Ministrul a semnat marți ordinul\x01 de plată\x0b cu Banca <b>Transilvania</b>.')


class _Live(HTMLParser):
    """Collects what a browser would make live from rendered HTML: elements and link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.targets += [v or "" for k, v in attrs if k in ("href", "src")]


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("hostile-export")
    feed = folder / "a.jsonl"
    feed.write_text(json.dumps({"id": "h1", "date": "2025-03-10", "lang": "ro", "title": TITLE,
                                "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(folder / "c.db") as store:
        ingest_paths(store, [feed])
        return build(store)


def test_export_markdown_of_hostile_text_renders_no_markup_and_no_link(chronicle: dict[str, Any]) -> None:
    markdown = to_markdown(chronicle)
    assert chronicle["events"] and chronicle["quotes"]  # the hostile text did reach the export
    html = MarkdownIt("commonmark", {"html": True}).render(markdown)  # a renderer that allows raw HTML
    live = _Live()
    live.feed(html)
    assert not {"script", "img", "a", "b"} & set(live.tags), live.tags
    assert live.targets == []
    # escaped, not dropped: the reader still sees what the article said
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[aici](javascript:alert(4))" in html


@pytest.mark.parametrize("text,rendered", [
    ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("*Ion* _Popescu_ `cod` a|b ~~tăiat~~", "*Ion* _Popescu_ `cod` a|b ~~tăiat~~"),
    ("&#106;avascript", "&amp;#106;avascript"),
    ("Banca Transilvania (BT) a crescut cu 3%.", "Banca Transilvania (BT) a crescut cu 3%."),
])
def test_export_md_escapes_markup_and_keeps_plain_text(text: str, rendered: str) -> None:
    html = MarkdownIt("commonmark", {"html": True}).renderInline(md(text))
    assert html == rendered


def test_export_timeml_of_text_with_control_characters_is_well_formed(chronicle: dict[str, Any]) -> None:
    article = chronicle["articles"][0]
    timexes = [t for t in chronicle.get("timexes", []) if t.get("article") == article["id"]]
    timexes = timexes or [{"start": TEXT.index("luni"), "end": TEXT.index("luni") + 4, "type": "DATE",
                           "value": "2025-03-10"}]
    root = ET.fromstring(to_timeml(article, TEXT, timexes))
    text = "".join(root.find("TEXT").itertext())
    assert len(text) == len(TEXT)  # one replacement character per refused one: offsets still hold
    assert "\x01" not in text and "\ufffd" in text
    assert root.find("TEXT/TIMEX3").text == "luni"
