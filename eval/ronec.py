"""RONEC v2 (Romanian NER, BIO2 over tokens) as sentences with character spans, for the scorers
that read it (time-expression span recall, entity recognition)."""

from __future__ import annotations

import json
from pathlib import Path


def load(path: Path, labels: set[str]) -> list[tuple[int, str, list[tuple[int, int, str]]]]:
    """(id, text, [(start, end, label)]) per sentence, for the spans of ``labels``; the text is
    rebuilt from the tokens and their ``space_after`` flags."""
    out = []
    for inst in json.loads(path.read_text(encoding="utf-8")):
        toks: list[str] = inst["tokens"]
        tags: list[str] = inst["ner_tags"]
        spaces: list[bool] = inst.get("space_after") or [True] * len(toks)
        parts: list[str] = []
        offs: list[tuple[int, int]] = []
        length = 0
        for tok, sp in zip(toks, spaces):
            offs.append((length, length + len(tok)))
            parts.append(tok)
            length += len(tok)
            if sp:
                parts.append(" ")
                length += 1
        spans: list[tuple[int, int, str]] = []
        cur: list | None = None  # type: ignore[type-arg]
        for i, tag in enumerate(tags):
            label = tag[2:] if len(tag) > 2 else ""
            if tag.startswith("B-") and label in labels:
                if cur:
                    spans.append(tuple(cur))  # type: ignore[arg-type]
                cur = [offs[i][0], offs[i][1], label]
            elif tag.startswith("I-") and cur is not None and label == cur[2]:
                cur[1] = offs[i][1]
            else:
                if cur:
                    spans.append(tuple(cur))  # type: ignore[arg-type]
                cur = None
        if cur:
            spans.append(tuple(cur))  # type: ignore[arg-type]
        out.append((inst["id"], "".join(parts).rstrip(), spans))
    return out
