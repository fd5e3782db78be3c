"""Event mentions: a trigger word from the per-language lexicon, with participants, place and date.

Why a lexicon: event types must be data (``lang/<code>/events_triggers.tsv``) so adding a language
is adding a file.  Dates come only from the trigger's own clause: the time expression nearest the
trigger inside the same sentence and clause (no clause boundary — a comma-led subordinate verb
or ";" — between them); with none, the article date ("news of the day").  Participants are the
PERSON/GPE/ORG canonical names mentioned in the same clause; place is a GPE/LOC introduced by a
locative preposition ("la", "în", "at", "in").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cronicar.analyze.context import Context
from cronicar.model import EventMention, Timex

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
LOCATIVE = {"la", "în", "in", "at", "din"}
# Types whose mention is rarely an event worth a timeline entry on its own.
WEAK = {"statement"}


@lru_cache(maxsize=None)
def triggers(lang: str) -> dict[str, str]:
    """lemma/form (lowercase) -> event type, from ``lang/<lang>/events_triggers.tsv``."""
    path = LANG_DIR / lang / "events_triggers.tsv"
    table: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                parts = line.split("\t")
                if len(parts) >= 2:
                    table[parts[0].strip().lower()] = parts[1].strip()
    return table


def _timex_when(t: Timex) -> dict | None:
    if t.interval is None or t.type not in {"DATE", "TIME"}:
        return None
    return {"value": t.value, "interval": [t.interval[0], t.interval[1]]}


def _clause_bounds(sent_text: str, sent_start: int, trig: int) -> tuple[int, int]:
    """A cheap clause: the stretch between ';' marks and commas before a relative/verbal break."""
    lo, hi = sent_start, sent_start + len(sent_text)
    rel = trig - sent_start
    for sep in (";", " care ", " which ", " who "):
        i = sent_text.rfind(sep, 0, rel)
        if i >= 0:
            lo = max(lo, sent_start + i)
        j = sent_text.find(sep, rel)
        if j >= 0:
            hi = min(hi, sent_start + j)
    return lo, hi


def extract(ctx: Context) -> list[EventMention]:
    """Event mentions of one article (pure)."""
    table = triggers(ctx.lang)
    if not table:
        return []
    out: list[EventMention] = []
    dct_when = ({"value": ctx.dct.iso, "interval": [d.isoformat() for d in ctx.dct.interval]}
                if ctx.dct is not None else None)
    for sent in ctx.doc.sents:
        seen_types: set[str] = set()
        for tok in sent:
            key = tok.lemma_.lower() if tok.lemma_ else tok.lower_
            etype = table.get(key) or table.get(tok.lower_)
            if etype is None or etype in seen_types:
                continue
            if tok.pos_ in {"PROPN"}:
                continue
            seen_types.add(etype)
            lo, hi = _clause_bounds(sent.text, sent.start_char, tok.idx)
            ents = [m for m in ctx.entities if lo <= m.start and m.end <= hi]
            participants: list[str] = []
            place = None
            for m in ents:
                prev = ctx.text[max(0, m.start - 4):m.start].strip().lower().split()
                if m.label in {"GPE", "LOC"} and prev and prev[-1] in LOCATIVE and place is None:
                    place = m.canonical
                    continue
                if m.label in {"PERSON", "GPE", "ORG"} and m.canonical not in participants:
                    participants.append(m.canonical)
            cands = [t for t in ctx.timexes if lo <= t.start and t.end <= hi and _timex_when(t)]
            when = None
            if cands:
                best = min(cands, key=lambda t: abs(t.start - tok.idx))
                when = _timex_when(best)
            elif etype not in WEAK:
                when = dct_when
            else:
                when = dct_when
            summary = ctx.text[lo:hi].strip(" ,;.")
            if len(summary) > 200:
                a = max(lo, tok.idx - 100)
                summary = ctx.text[a:a + 200].strip()
            out.append(EventMention(trigger=(tok.idx, tok.idx + len(tok.text)), type=etype,
                                    participants=participants, place=place, when=when,
                                    sentence=(sent.start_char, sent.end_char), summary=summary))
    return out
