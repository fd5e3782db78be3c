"""Hostile inputs for every reader and for POST /api/articles, each with the valid records it holds.

Shared by ``tests/ingest/test_fuzz_readers.py`` (Hypothesis draws from the same tables) and
``benchmarks/fuzz_campaign.py`` (a seeded ``random.Random`` draws thousands).  Each generator
returns ``(file name, bytes, valid)`` where ``valid`` lists the ``(text, date)`` of the records a
correct reader must accept from that input: a valid record mixed into a bad file must be stored.

Valid texts are short and drawn from a small pool (analysis is the expensive part: a pool of
distinct (text, date) pairs is analyzed once, later repeats are skipped as already stored).
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

# Values that broke or could break a reader: wrong types, off-calendar dates, path fragments,
# unencodable strings, markup and script, sizes past Python's limits.
HOSTILE_STRINGS: list[str] = [
    "", " ", "\t\n", "\x00", "a\x00b", "\u2028", "\u202eevil", "\ufeff", "\x1b[31mred", "%s%n%x",
    "' OR 1=1 --", "\"; DROP TABLE articles; --", "../../etc/passwd", "..\\..\\win.ini", "/dev/zero",
    "<script>alert(1)</script>", "javascript:alert(document.domain)", "  JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "&amp;lt;script&amp;gt;",
    "<img src=x onerror=alert(1)>", "x" * 300, "ș" * 200, "🙂" * 50, "e\u0301" * 40, "null", "NaN",
    "9" * 5000, "{{7*7}}", "${jndi:ldap://x}", "\r", "line\rbreak", "\x85next", "\x0c",
]
HOSTILE_DATES: list[Any] = [
    "0000", "9999-12-31", "2024-02-30", "2024-13", "2024-00-10", "10000-01-01", "99999999999",
    "2024-01-01T25:99:99", "", " ", "ieri", "2024/01/01", "01.02.2024", "-2024", "+2024", "2024-1-1x",
    "\u0662\u0660\u0662\u0664", "2024-01-01\x00", 2024, 0, -1, 3.5, True, None, [2024], {"y": 2024},
    "9999-12-31T23:59:59-12:00", "1000-01-01", "2999-12-31", "0999-12-31",
]
HOSTILE_LANGS: list[Any] = [5, ["ro"], {"ro": 1}, "r\x00o", "x" * 300, "de", "../x", "RO", "ro-RO",
                            "en_US", "", None, True, "zz", "\ud800", "ro\n"]
RAW_JSON_VALUES: list[str] = [  # JSON text spliced into a record as a field's value
    "9" * 4301, "-" + "9" * 5000, "1e999999", "NaN", "Infinity", "-Infinity", "[" * 1200 + "]" * 1200,
    '{"a":' * 1200 + "1" + "}" * 1200, '"\\ud800"', '"\\udfff\\ud800"', '"a\\u0000b"', "null", "true",
    "[]", "{}", '"' + "\\\\" * 200 + '"', "0.0000000000000000000000001", "-0",
]
BAD_BYTES: list[bytes] = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x00", b"\xef\xbb\xbf", b"\xf4\x90\x80\x80",
                          b"\r", b"\x1a", b"\xc0\xaf"]

VALID_SENTENCES: list[str] = [
    "Ministrul Ion Popescu a declarat luni că bugetul va crește.",
    "Premierul a anunțat ieri o reformă a pensiilor.",
    "Guvernul a adoptat vineri proiectul de lege.",
    "„Nu vom majora taxele”, a spus ministrul Finanțelor.",
    "Banca Națională a păstrat dobânda de politică monetară la 7%.",
    "Primăria Capitalei a semnat marți contractul pentru metrou.",
    "The minister said on Monday that the budget would grow.",
    "Parliament approved the bill on Friday after a long debate.",
]
VALID_DATES = ["2025-03-10", "2025-03", "2024", "2023-11-05", "2025-01-31"]


def valid_record(rng: random.Random, pool: int = 40) -> dict[str, Any]:
    """A valid record from a pool of ``pool`` distinct (text, date) pairs (``pool`` bounds the analysis)."""
    k = rng.randrange(pool)
    text = f"{VALID_SENTENCES[k % len(VALID_SENTENCES)]} Nota {k}."
    rec: dict[str, Any] = {"text": text, "date": VALID_DATES[k % len(VALID_DATES)]}
    if rng.random() < 0.3:
        rec["title"] = rng.choice(["Titlu", "<b>Titlu</b>", "Title & more"])
    if rng.random() < 0.3:
        rec["lang"] = rng.choice(["ro", "RO-ro", "en"]) if k % len(VALID_SENTENCES) < 6 or rng.random() < 0.5 else "en"
    return rec


def expected(rec: dict[str, Any]) -> str:
    """The article id a valid record must be stored under (a content hash of text and date)."""
    from cronicar.model import DocDate, article_id

    return article_id(rec["text"], DocDate.parse(rec["date"]))


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def hostile_record(rng: random.Random) -> str:
    """One JSON line that a reader must refuse (or accept as valid: the caller does not assume)."""
    base = {"text": "Un text scurt.", "date": "2025-03-10"}
    how = rng.randrange(6)
    if how == 0:
        field = rng.choice(["text", "title", "url", "source", "id", "lang", "date"])
        value = rng.choice(RAW_JSON_VALUES)
        body = json.dumps({k: v for k, v in base.items() if k != field})[:-1]
        return f'{body}, "{field}": {value}}}'
    if how == 1:
        return json.dumps({**base, "date": rng.choice(HOSTILE_DATES)})
    if how == 2:
        return json.dumps({**base, "lang": rng.choice(HOSTILE_LANGS)})
    if how == 3:
        field = rng.choice(["text", "title", "url", "source", "id"])
        value: Any = rng.choice(HOSTILE_STRINGS + [["http://a.ro"], {"u": 1}, 7, None, True])
        return json.dumps({**base, field: value}, ensure_ascii=rng.random() < 0.5)
    if how == 4:
        return rng.choice(["[", "{", '{"text": "x"', "[1, 2, 3]", '"string"', "42", "null", "{}",
                           '{"text": "x", "date": "2025-03-10",}', "\u2028", '{"text": 1e5, "date": "2025"}'])
    return json.dumps({rng.choice(["txt", "Text", "TEXT", ""]): "x", "date": "2025-03-10"})


def _corrupt(line: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(line) + 1)
    return line[:at] + rng.choice(BAD_BYTES) + line[at:]


def jsonl_input(rng: random.Random, i: int) -> tuple[str, bytes, list[str]]:
    """A JSON Lines file: valid lines, hostile lines and lines with bad bytes, shuffled."""
    lines: list[tuple[bytes, str | None]] = []
    for _ in range(rng.randint(1, 4)):
        rec = valid_record(rng)
        lines.append((json.dumps(rec, ensure_ascii=rng.random() < 0.5).encode(), expected(rec)))
    for _ in range(rng.randint(1, 5)):
        bad = hostile_record(rng).encode("utf-8", "surrogatepass")
        if rng.random() < 0.3:
            bad = _corrupt(bad, rng)
        lines.append((bad, None))
    rng.shuffle(lines)
    sep = rng.choice([b"\n", b"\r\n"])
    data = sep.join(line for line, _ in lines)
    if rng.random() < 0.1:
        data = b"\xef\xbb\xbf" + data
    # A refused line may still parse as a valid record; only the valid ones are promised.
    return f"in{i}.jsonl", data, [v for _, v in lines if v is not None]


def json_array_input(rng: random.Random, i: int) -> tuple[str, bytes, list[str]]:
    """A JSON document: a list of records (one bad record costs only itself)."""
    records: list[Any] = [valid_record(rng) for _ in range(rng.randint(1, 3))]
    valid = [expected(r) for r in records]
    for _ in range(rng.randint(0, 3)):
        records.append(rng.choice([7, "x", None, [], {"text": rng.choice(HOSTILE_STRINGS), "date": rng.choice(HOSTILE_DATES)},
                                   {"text": "Ok.", "date": "2025-03-10", "url": rng.choice([[1], {"a": 1}, 5])}]))
    rng.shuffle(records)
    data = json.dumps(records, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    if rng.random() < 0.15:  # a broken document: the file is refused as a whole, nothing promised
        return f"in{i}.json", data[: rng.randrange(1, len(data))], []
    return f"in{i}.json", data, valid


def seed_input(rng: random.Random, i: int) -> tuple[str, bytes, list[str]]:
    """A seed text file: a good header and body, or a hostile date, body or bytes."""
    rec = valid_record(rng)
    if rng.random() < 0.4:
        return f"in{i}.txt", f" date {rec['date']} {rec['text']}".encode(), [expected(rec)]
    date = rng.choice([d for d in HOSTILE_DATES if isinstance(d, str)])
    body = rng.choice(HOSTILE_STRINGS) + " " + rec["text"]
    data = f" date {date} {body}".encode("utf-8", "surrogatepass")
    if rng.random() < 0.3:
        data = _corrupt(data, rng)
    return f"in{i}.txt", data, []


def html_input(rng: random.Random, i: int) -> tuple[str, bytes, list[str]]:
    """An HTML page; a valid page has a publication date and a paragraph of article text."""
    rec = valid_record(rng)
    hostile = rng.random() < 0.6
    date = rng.choice([d for d in HOSTILE_DATES if isinstance(d, str)]) if hostile else rec["date"]
    title = rng.choice(HOSTILE_STRINGS) if hostile else "Știre"
    url = rng.choice(HOSTILE_STRINGS[:20]) if hostile else f"https://exemplu.ro/{i}"
    page = (f'<html><head><title>{title}</title><meta property="article:published_time" content="{date}">'
            f'<link rel="canonical" href="{url}"></head><body><article><h1>{title}</h1>'
            f"<p>{rec['text']} {rec['text']}</p></article></body></html>")
    data = page.encode("utf-8", "surrogatepass")
    if hostile and rng.random() < 0.3:
        data = _corrupt(data, rng)
    # What trafilatura extracts is its call: a clean page promises what it gives read alone
    # (the campaign checks it gives an article), a hostile one nothing.
    return f"in{i}.html", data, [] if hostile else ["read-alone"]


def feed_input(rng: random.Random, i: int) -> tuple[str, bytes, list[str]]:
    """An RSS or Atom feed with valid and hostile entries (an entry's text is its title + body)."""
    atom = rng.random() < 0.5
    items, promised = [], []
    for _ in range(rng.randint(1, 4)):
        hostile = rng.random() < 0.5
        date = rng.choice(["9999-12-31T23:59:59-12:00", "0000-01-01T00:00:00Z", "garbage", ""]) if hostile \
            else "2025-03-10T10:00:00Z"
        link = rng.choice(HOSTILE_STRINGS[:22]) if hostile else f"https://exemplu.ro/{i}/{len(items)}"
        text = rng.choice(HOSTILE_STRINGS) if hostile else rng.choice(VALID_SENTENCES)
        if not hostile:
            promised.append(expected({"text": f"T\n\n{text}", "date": "2025-03-10"}))
        text = text.replace("&", "&amp;").replace("<", "&lt;")
        link = link.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        if atom:
            items.append(f'<entry><title>T</title><link href="{link}"/><id>{link}</id><updated>{date}</updated>'
                         f"<summary>{text}</summary></entry>")
        else:
            items.append(f"<item><title>T</title><link>{link}</link><pubDate>{date}</pubDate>"
                         f"<description>{text}</description></item>")
    lang = rng.choice(["ro", "x" * 300, "../x", "", "en-us"])
    if atom:
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}"><title>t</title>{"".join(items)}</feed>'
    else:
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><language>{lang}</language>{"".join(items)}</channel></rss>'
    data = doc.encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:
        data = _corrupt(data, rng)
        promised = []  # feedparser's recovery of broken XML decides: nothing promised
    elif _XML_ILLEGAL.search(doc):
        promised = []  # not well-formed XML (a control character): nothing promised
    return f"in{i}.{'atom' if atom else 'rss'}", data, promised


GENERATORS = {"jsonl": jsonl_input, "json": json_array_input, "seed": seed_input, "html": html_input,
              "feed": feed_input}


def post_body(rng: random.Random) -> tuple[bytes, dict[str, str], list[str] | None]:
    """(body, headers, valid) for POST /api/articles.  ``valid`` is the records a 201 must store,
    or None when the request must be refused (4xx) with nothing written."""
    kind = rng.randrange(5)
    if kind == 0:  # all valid: stored
        recs = [valid_record(rng) for _ in range(rng.randint(1, 3))]
        return json.dumps(rng.choice([recs, {"articles": recs}])).encode(), {}, [expected(r) for r in recs]
    if kind == 1:  # one hostile record among valid ones: 422, nothing written
        lines = [json.dumps(valid_record(rng)), hostile_record(rng)]
        rng.shuffle(lines)
        return f"[{', '.join(lines)}]".encode("utf-8", "surrogatepass"), {}, None
    if kind == 2:  # broken bytes or JSON
        body = hostile_record(rng).encode("utf-8", "surrogatepass")
        return (_corrupt(body, rng) if rng.random() < 0.5 else body[: rng.randrange(len(body) + 1)]), {}, None
    if kind == 3:  # hostile headers
        auth = rng.choice(["Bearer tökén", "Bearer ", "Basic x", "Bearer \u2603", "bearer TOKEN", ""])
        return json.dumps(valid_record(rng)).encode(), {"Authorization": auth}, None
    raw = rng.choice(RAW_JSON_VALUES)
    return raw.encode(), {"Content-Type": rng.choice(["text/plain", "application/x-www-form-urlencoded", "application/json"])}, None
