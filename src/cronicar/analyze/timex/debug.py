"""A readable table of what the temporal engine found, for ``cronicar timex "text" --date ... --lang ...``.

Why: rules are data, and the fastest way to fix one is to see which rule fired, with which value
and interval, on the sentence that went wrong.
"""

from __future__ import annotations

from cronicar.analyze.normalize import normalize_aligned
from cronicar.analyze.timex import tag
from cronicar.model import DocDate


def render(text: str, dct: DocDate, lang: str) -> str:
    """One line per time expression: span, text, type, value, mod, interval, rule."""
    aligned = normalize_aligned(text)
    rows = [("span", "text", "type", "value", "mod", "interval", "rule")]
    for t in tag(aligned.text, dct, lang):
        s, e = aligned.to_original(t.start, t.end)
        iv = f"{t.interval[0]}..{t.interval[1]}" if t.interval else "-"
        rows.append((f"{s}-{e}", text[s:e], t.type, t.value, t.mod or "-", iv, t.rule or "-"))
    if len(rows) == 1:
        return f"no time expressions (dct {dct.iso}, lang {lang})"
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
