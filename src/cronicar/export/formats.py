"""Renderings of the chronicle: JSON (the contract), CSV tables, Markdown, TimeML, terminal timeline."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from cronicar.export.readable import plural, readable, readable_when

CSV_TABLES: dict[str, list[str]] = {
    "events": ["id", "story", "type", "when_value", "when_start", "when_end", "summary", "participants",
               "place", "sources", "headline", "types", "background"],
    "quotes": ["id", "article", "speaker", "speaker_entity", "kind", "when_value", "text", "start", "end"],
    "entities": ["id", "name", "type", "aliases", "articles"],
    "articles": ["id", "date", "lang", "title", "source"],
    "timexes": ["article", "start", "end", "text", "type", "value", "mod", "interval"],
}


def to_json(chronicle: dict[str, Any]) -> str:
    return json.dumps(chronicle, ensure_ascii=False, indent=2)


def to_csv(chronicle: dict[str, Any], table: str = "events") -> str:
    """One table of the chronicle as CSV; list cells are joined with ``; ``."""
    if table not in CSV_TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(CSV_TABLES)}")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_TABLES[table], extrasaction="ignore")
    writer.writeheader()
    for row in chronicle[table]:
        flat = dict(row)
        when = row.get("when") or {}
        if "when_value" in CSV_TABLES[table]:
            flat["when_value"] = when.get("value")
            interval = when.get("interval") or [None, None]
            flat["when_start"], flat["when_end"] = interval[0], interval[1]
        if table == "events":
            flat["sources"] = "; ".join(f"{s['article']}:{s['start']}-{s['end']}" for s in row["sources"])
        for key, value in list(flat.items()):
            if isinstance(value, list):
                flat[key] = "; ".join(str(v) for v in value)
        writer.writerow(flat)
    return buf.getvalue()


def date_label(when: dict[str, Any] | None) -> str:
    """'2024-06' or '2024-11-01 … 2024-11-29' style label for an event date."""
    if not when:
        return "undated"
    value = when.get("value") or ""
    interval = when.get("interval") or [None, None]
    start, end = interval[0], interval[1]
    if start and end and start != end and not _covers(value, start, end):
        return f"{start} … {end}"
    return value or (start or "undated")


def _covers(value: str, start: str, end: str) -> bool:
    """True when the TIMEX value already says the interval (2024-06 = 2024-06-01..30)."""
    return bool(value) and start.startswith(value) and end.startswith(value)


def timeline_items(chronicle: dict[str, Any], story: str | None = None) -> list[dict[str, Any]]:
    """Events of one story (or all) in calendar order, with the quotes told in the same sentences."""
    events = [e for e in chronicle["events"] if story is None or e["story"] == story]
    quotes_by_sentence: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for q in chronicle["quotes"]:
        quotes_by_sentence.setdefault((q["article"], q["start"]), []).append(q)
    items = []
    for ev in events:
        interval = (ev.get("when") or {}).get("interval") or [None, None]
        quotes = [q for s in ev["sources"] for q in chronicle["quotes"]
                  if q["article"] == s["article"] and s["start"] <= q["start"] < s["end"]]
        # undated last, among them by the day they were reported
        items.append({**ev, "sort": (interval[0] or "9999", interval[1] or "9999", ev.get("reported") or ""),
                      "quotes": quotes})
    items.sort(key=lambda e: e["sort"])
    return items


def render_timeline(chronicle: dict[str, Any], story: str | None = None, width: int = 100,
                    lang: str | None = None) -> str:
    """A terminal timeline: per event its readable date, type and headline, then its sources and
    quotes; events well before the story's period are folded under "Background" at the end.
    ``lang``: the language dates are written in (default: each event's article language)."""
    dates = {a["id"]: a["date"] for a in chronicle["articles"]}
    lines: list[str] = []
    stories = [s for s in chronicle["stories"] if story is None or s["id"] == story]
    for st in stories:
        span = st.get("period") or {}
        lines.append(f"== {st['title']}  [{st['id']}]  {span.get('start') or st['first_date']} … "
                     f"{span.get('end') or st['last_date']}, {plural(len(st['articles']), 'article')}")
        items = timeline_items(chronicle, st["id"])
        for ev in [e for e in items if not e.get("background")]:
            lines += _event_lines(ev, dates, width, lang)
        back = [e for e in items if e.get("background")]
        if back:
            lines.append(f"-- {_BACKGROUND.get(lang or _story_lang(items), 'Background')} "
                         f"({len(back)}, before {span.get('start') or st['first_date']}) --")
            for ev in back:
                lines.append(f"   {readable_when(ev.get('when'), lang or ev.get('lang', 'ro'), ev.get('reported')):<30} "
                             f"{ev['type'].upper():<10} {_clip(ev.get('headline') or ev['summary'], width)}")
        lines.append("")
    if not stories:
        lines.append("(no stories: run `cronicar ingest PATH` first)")
    return "\n".join(lines)


# The heading of the folded background section, per interface language.
_BACKGROUND = {"ro": "Context", "en": "Background"}


def _story_lang(items: list[dict[str, Any]]) -> str:
    langs = [e.get("lang", "ro") for e in items]
    return max(set(langs), key=langs.count) if langs else "ro"


def _event_lines(ev: dict[str, Any], dates: dict[str, str], width: int, lang: str | None) -> list[str]:
    """One event: readable date, type (and its other cues), headline; sources; quotes."""
    tags = [t for t in ev.get("types", []) if t != ev["type"]]
    kind = ev["type"].upper() + (f" (+{', '.join(tags)})" if tags else "")
    lines = [f"{readable_when(ev.get('when'), lang or ev.get('lang', 'ro'), ev.get('reported')):<30} {kind}",
             f"{'':<4}{_clip(ev.get('headline') or ev['summary'], width)}"]
    for src in ev["sources"]:
        new = " NEW" if src["article"] == ev.get("new_in") else ""
        lines.append(f"{'':<4}  ↳ [{dates.get(src['article'], '?')} {src['article'][:8]}{new}] "
                     f"{_clip(src['text'], width)}")
    for q in ev["quotes"]:
        lines.append(f"{'':<4}  » {q['speaker'] or '?'}: {_clip(q['text'], width - 10)}")
    return lines


def render_key_dates(chronicle: dict[str, Any], story: str | None = None, lang: str | None = None) -> str:
    """The key dates of each story, best first: readable date, how many articles refer to it, line."""
    lines: list[str] = []
    for st in chronicle["stories"]:
        if story is not None and st["id"] != story:
            continue
        lines.append(f"== {st['title']}  [{st['id']}]")
        langs = [a["lang"] for a in chronicle["articles"] if a["id"] in set(st["articles"])]
        use = lang or (max(set(langs), key=langs.count) if langs else "ro")
        for k in st.get("key_dates", []):
            lines.append(f"{readable(k['date'], None, use):<28} {k['sources']:>3} art.  {k['line']}")
        if not st.get("key_dates"):
            lines.append("(no day-precise dates)")
        lines.append("")
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# The ASCII marks (all backslash-escapable in CommonMark) that can start markup mid-line: links
# and images ([...]), raw HTML and autolinks (<script>, <javascript:...>), entities (&#...;),
# emphasis, code spans, table cells and strikethrough.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: str | None, width: int | None = None) -> str:
    """Article-derived text made inert for a Markdown renderer: one line, every markup character
    backslash-escaped, so a title or quote can neither inject HTML nor make a link."""
    flat = _clip(text or "", width) if width else " ".join((text or "").split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def to_markdown(chronicle: dict[str, Any]) -> str:
    """A readable chronicle: per story, a dated list of events with footnoted sources and quotes."""
    arts = {a["id"]: a for a in chronicle["articles"]}
    out: list[str] = ["# Chronicle", ""]
    for st in chronicle["stories"]:
        span = st.get("period") or {}
        out += [f"## {md(st['title'])}", "", f"{span.get('start') or st['first_date']} … "
                f"{span.get('end') or st['last_date']} · {plural(len(st['articles']), 'article')}", ""]
        items = timeline_items(chronicle, st["id"])
        if st.get("key_dates"):
            out += ["### Key dates", ""]
            lang = _story_lang(items)
            out += [f"- **{readable(k['date'], None, lang)}** ({plural(k['sources'], 'article')}): {md(k['line'])}"
                    for k in st["key_dates"]]
            out.append("")
        out += _markdown_events([e for e in items if not e.get("background")], arts)
        back = [e for e in items if e.get("background")]
        if back:
            out += ["", "<details><summary>Background</summary>", ""]
            out += _markdown_events(back, arts)
            out += ["", "</details>"]
        out.append("")
    speakers: dict[str, list[dict[str, Any]]] = {}
    for q in chronicle["quotes"]:
        speakers.setdefault(q["speaker"] or "unknown", []).append(q)
    if speakers:
        out += ["## Who said what", ""]
        for name in sorted(speakers):
            out.append(f"### {md(name)}")
            for q in speakers[name]:
                when = (q.get("when") or {}).get("value") or arts.get(q["article"], {}).get("date", "?")
                out.append(f"- {md(when)} ({q['kind']}): “{md(q['text'], 240)}”")
            out.append("")
    return "\n".join(out)


def _markdown_events(items: list[dict[str, Any]], arts: dict[str, dict[str, Any]]) -> list[str]:
    out = []
    for ev in items:
        who = md(", ".join(ev["participants"]))
        out.append(f"- **{readable_when(ev.get('when'), ev.get('lang', 'ro'), ev.get('reported'))}** — {ev['type']}: "
                   f"{md(ev.get('headline') or ev['summary'])}" + (f" _({who})_" if who else ""))
        for src in ev["sources"]:
            a = arts.get(src["article"], {})
            out.append(f"  - source: {a.get('date', '?')} {md(a.get('source', src['article']))}"
                       f" \\[{src['start']}:{src['end']}\\] “{md(src['text'], 200)}”")
        for q in ev["quotes"]:
            out.append(f"  - quote ({q['kind']}) **{md(q['speaker'] or 'unknown')}**: “{md(q['text'], 200)}”")
    return out


# XML 1.0 forbids C0 controls other than tab, newline and carriage return, lone surrogates and
# U+FFFE/U+FFFF; a document holding one is not well-formed and no TimeML tool reads it.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Escaped text with each character XML cannot hold replaced by U+FFFD, one for one, so the
    TIMEX3 offsets still index the article's text."""
    return escape(_XML_INVALID.sub("\ufffd", text))


def to_timeml(article: dict[str, Any], text: str, timexes: list[dict[str, Any]]) -> str:
    """One article as a TimeML document (TIMEX3 inline, DCT as tid t0)."""
    parts: list[str] = []
    pos = 0
    for i, t in enumerate(sorted(timexes, key=lambda t: t["start"]), 1):
        if t["start"] < pos:
            continue  # overlapping spans cannot nest in TimeML: keep the first
        parts.append(_xml_text(text[pos:t["start"]]))
        attrs = f'tid="t{i}" type={quoteattr(t["type"])} value={quoteattr(t["value"])}'
        if t.get("mod"):
            attrs += f' mod={quoteattr(t["mod"])}'
        parts.append(f"<TIMEX3 {attrs}>{_xml_text(text[t['start']:t['end']])}</TIMEX3>")
        pos = t["end"]
    parts.append(_xml_text(text[pos:]))
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{_xml_text(article['id'])}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(article["date"])} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(article["date"])}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n"
    )
