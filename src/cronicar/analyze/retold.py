"""One act told twice in one article is one happening (in-article event coreference).

Why: news retells its main act further down ("Rusia a trimis trupe în regiunea Kursk. [...] Trupele
trimise de Rusia ..."), and each telling became a timeline row of its own: a reader of random
events met the same deployment twice.  Within a sentence, ``events.one_per_happening`` already
groups the cues of one happening; this joins rows of *different* sentences of the article when
nothing tells them apart: the same type and word family ("trimis" ... "trimiși"; "sprijinind
efortul de război" and "furnizează arme" are two things told, even of one ally), the same
participants (as the analysis named them: the
same set, or at least two shared with one side naming no one else), the same place or one side
naming none, and compatible dates (the same, one within the other, or one undated: a retelling
rarely repeats the date).  Statements are left apart: one speaker's sayings in one article are
usually several statements.  Pure, per article, a few comparisons per row.
"""

from __future__ import annotations

from cronicar.model import EventMention

APART = {"statement"}  # types whose rows of one article are separate acts (several sayings)


def _dates_agree(a: dict | None, b: dict | None) -> bool:
    """The same date, one within the other, or one undated."""
    if a is None or b is None or a.get("value") == b.get("value"):
        return True
    ia, ib = a.get("interval"), b.get("interval")
    if not ia or not ib or not all(ia) or not all(ib):
        return False
    return (ia[0] <= ib[0] and ib[1] <= ia[1]) or (ib[0] <= ia[0] and ia[1] <= ib[1])


def _same_act(a: EventMention, b: EventMention, family: dict[int, str]) -> bool:
    """Whether two rows of one article tell one act (see the module doc)."""
    if a.type != b.type or a.type in APART or not a.happened or not b.happened:
        return False
    if family.get(a.trigger[0]) != family.get(b.trigger[0]):
        return False
    pa, pb = set(a.participants), set(b.participants)
    if not pa or not pb:
        return False
    if pa != pb and not (len(pa & pb) >= 2 and (pa <= pb or pb <= pa)):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    return _dates_agree(a.when, b.when)


def merge_retold(mentions: list[EventMention], family: dict[int, str]) -> None:
    """Point each row (a mention that is no part of another) that retells an earlier row's act
    to that row (``part_of``), as a sentence's cues of one happening point to their primary; the
    mentions that pointed to the retelling follow.  The row kept is the earlier one, unless only
    the later one is dated (the act where the text dates it: a row shows its own sentence); it
    takes the other's participants, place and cue types.  ``family``: trigger start -> the
    trigger's word family (``events_lexicon.trigger_root``)."""
    rows = [m for m in mentions if m.part_of is None]
    for i, later in enumerate(rows):
        first = next((r for r in rows[:i] if r.part_of is None and _same_act(r, later, family)), None)
        if first is None:
            continue
        keep, gone = (later, first) if first.when is None and later.when is not None else (first, later)
        keep.place = keep.place or gone.place
        keep.participants += [p for p in gone.participants if p not in keep.participants]
        for t in gone.types:
            if t not in keep.types:
                keep.types.append(t)
        for m in mentions:
            if m.part_of == gone.trigger[0]:
                m.part_of = keep.trigger[0]
        gone.part_of = keep.trigger[0]
