"""Readers for the quote-attribution gold sets: Romanian dev/heldout JSONL, the fresh Romanian
gold of issue 19 (``eval/fresh_gold``) and PolNeAR (brat).

Both become :class:`GoldDoc` records with character-offset attributions, so one scorer serves
both.  Nothing is copied into the repository: the data stays in ``../shared``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RO_GOLD = SHARED / "gold" / "ro" / "quotes"
POLNEAR = SHARED / "data" / "en" / "polnear" / "data"

# A PolNeAR content is "direct" when it is a quotation: (optionally 'that') an opening mark first
# and a closing mark last (trailing punctuation allowed).
_DIRECT_RE = re.compile(r'^(?:that\s+)?["“].*["”][.,!?;:]*$', re.S)


@dataclass
class GoldQuote:
    kind: str  # direct | indirect
    content: list[tuple[int, int]]  # one or more character segments
    speaker: str | None  # canonical (ro) or the source text (PolNeAR)
    speaker_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class GoldDoc:
    id: str
    text: str
    dct: str | None
    lang: str
    quotes: list[GoldQuote]


def load_ro(split: str = "dev") -> list[GoldDoc]:
    """The Romanian quote gold (``dev`` or ``heldout``), one record per article."""
    docs = []
    path = RO_GOLD / f"{split}.jsonl"
    if not path.exists():
        raise SystemExit(f"ro-{split}: {path} is not in ../shared (the held-out gold is kept back)")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            qs = [
                GoldQuote(
                    q["kind"],
                    [tuple(q["content"])],
                    q["speaker"],
                    [tuple(q["speaker_mention"])] if q.get("speaker_mention") else [],
                )
                for q in r["quotes"]
            ]
            docs.append(GoldDoc(r["id"], r["text"], r.get("dct"), r.get("lang", "ro"), qs))
    return docs


FRESH_SOURCES = {"zf": {"zf"}, "undated": {"realitatea", "aleph"}, "realitatea": {"realitatea"}, "aleph": {"aleph"}}


def load_fresh(name: str) -> list[GoldDoc]:
    """A fresh-gold set by name: ``fresh-train`` or ``fresh-check``, optionally narrowed to one
    source (``fresh-check-zf``, ``fresh-train-undated``, ``-realitatea``, ``-aleph``)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import fresh_gold

    parts = name.split("-", 2)
    if len(parts) < 2 or parts[0] != "fresh" or parts[1] not in fresh_gold.SPLITS:
        raise SystemExit(f"unknown set {name!r} (fresh-train, fresh-check, optionally -zf/-undated)")
    if len(parts) == 3 and parts[2] not in FRESH_SOURCES:
        raise SystemExit(f"unknown source in {name!r}: one of {sorted(FRESH_SOURCES)}")
    sources = FRESH_SOURCES[parts[2]] if len(parts) == 3 else None
    docs = []
    for r in fresh_gold.load(parts[1], sources):
        qs = [GoldQuote(q["kind"], [tuple(q["content"])], q["speaker"],
                        [tuple(q["speaker_mention"])] if q.get("speaker_mention") else [])
              for q in r["quotes"]]
        docs.append(GoldDoc(r["id"], r["text"], r.get("dct"), r.get("lang", "ro"), qs))
    return docs


UNSEEN_SOURCES = {"zf": {"zf"}, "undated": {"realitatea", "aleph"}, "political": {"political"}}


def load_unseen_quotes(name: str) -> list[GoldDoc]:
    """``unseen-quotes`` (optionally ``-zf``, ``-undated``, ``-political``): 48 quote-rich
    Romanian articles drawn outside every gold (seed 1208; ``eval/fresh_gold/unseen_quotes``), annotated
    for quotes before cronicar was run on them (eighth session).  A tuning and regression set,
    read for errors: no measure of accuracy on unseen text once tuned on (the check half is)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import fresh_gold

    suffix = name[len("unseen-quotes"):].lstrip("-")
    if suffix and suffix not in UNSEEN_SOURCES:
        raise SystemExit(f"unknown source in {name!r}: one of {sorted(UNSEEN_SOURCES)}")
    sources = UNSEEN_SOURCES[suffix] if suffix else None
    docs = []
    for r in fresh_gold.load(None, sources, folder=fresh_gold.FOLDER / "unseen_quotes"):
        qs = [GoldQuote(q["kind"], [tuple(q["content"])], q["speaker"],
                        [tuple(q["speaker_mention"])] if q.get("speaker_mention") else [])
              for q in r["quotes"]]
        docs.append(GoldDoc(r["id"], r["text"], r.get("dct"), r.get("lang", "ro"), qs))
    return docs


def _segments(spec: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split()) for part in spec.split(";")]  # type: ignore[misc]


def load_polnear(split: str = "test", limit: int | None = None) -> list[GoldDoc]:
    """PolNeAR articles of a split (sorted by file name; ``limit`` keeps the first N).

    Attribution relations ``E`` link Source/Cue/Content text-bound annotations; discontinuous
    spans (``s e;s e``) are kept as segments.  The publication date is in the file name.
    """
    folder = POLNEAR / split
    docs = []
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        txt = folder / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        tb: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        rels: list[dict[str, str]] = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if parts[0].startswith("T") and len(parts) >= 2:
                label, _, spec = parts[1].partition(" ")
                tb[parts[0]] = (label, _segments(spec))
            elif parts[0].startswith("E") and len(parts) >= 2:
                rels.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
        quotes = []
        for rel in rels:
            content = tb.get(rel.get("Content", ""), ("", []))[1]
            if not content:
                continue
            src = tb.get(rel.get("Source", ""), ("", []))[1]
            ctext = " ".join(text[s:e] for s, e in content).strip()
            kind = "direct" if _DIRECT_RE.match(ctext) else "indirect"
            speaker = " ".join(text[s:e] for s, e in src) if src else None
            quotes.append(GoldQuote(kind, content, speaker, src))
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", ann.name)
        docs.append(GoldDoc(ann.stem, text, m.group(1) if m else None, "en", quotes))
        if limit is not None and len(docs) >= limit:
            break
    return docs
