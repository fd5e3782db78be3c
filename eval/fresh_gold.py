"""Fresh Romanian gold (issue 19): quotes and time expressions on articles nobody tuned on.

The articles have no stated licence, so the repository keeps only offsets: every record of
``eval/fresh_gold/*.jsonl`` names its source text by a *locator* and a SHA-256 of that text, and
:func:`load` rebuilds full gold records (the ``dev.jsonl`` format of ``../shared/gold/ro``, text
included) from ``../shared``.  Two locator kinds:

- ``{"path": "data/ro/news-zf/<file>.parquet", "row": N, "title_prefix": true}``: text =
  ``title.strip() + "\\n\\n" + article_text.strip()`` (the convention of the quote and time dev
  gold); without ``title_prefix`` the text is ``article_text`` exactly as stored;
- ``{"path": "data/ro/news-undated/<file>", "index": N, "field": "..."}``: text = record
  ``[index][field]`` of that JSON list, exactly as stored;
- ``{"path": "data/ro/news-political/dev.csv", "csv_row": N}``: text = ``title.strip() + "\n\n"
  + maintext.strip()`` of data row N (0-based, header not counted), as for ZF.

Every record carries ``split``: ``"check"`` when ``int(sha256(id))`` is even, else ``"train"``.
The check half is scored only, never read for errors.  :func:`draw_zf` is the seeded draw the ZF
articles came from (run ``python eval/fresh_gold.py draw`` to list it).

    python eval/fresh_gold.py stats        # records, quotes and timexes per source and split
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDER = Path(__file__).resolve().parent / "fresh_gold"
SPLITS = ("train", "check")
ZF_DIR = "data/ro/news-zf"
DRAW_SEED = 19  # the issue number: the draw is fixed once and for all
YEARS = range(2013, 2023)
LENGTHS = (800, 2500)  # article_text characters: long enough to hold quotes, short enough to annotate


class FreshGoldError(ValueError):
    """A record whose text cannot be found or no longer matches its checksum."""


def split_of(doc_id: str) -> str:
    """``check`` when the id's SHA-256 is even, else ``train`` (deterministic, about half each)."""
    return "check" if int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "train"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def zf_id(path: str, row: int) -> str:
    """``zf_<parquet stem without df_>_<row>``: the id convention of the quote dev gold."""
    stem = Path(path).stem
    return f"zf_{stem[3:] if stem.startswith('df_') else stem}_{row}"


def _zf_rows(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=["href", "title", "date_published", "article_text"]).to_pylist()


def zf_text(row: dict[str, Any], title_prefix: bool = True) -> str:
    if title_prefix:
        return (row["title"] or "").strip() + "\n\n" + (row["article_text"] or "").strip()
    return row["article_text"] or ""


def locate(locator: dict[str, Any], shared: Path = SHARED, _cache: dict | None = None) -> str:
    """The text a locator names, read from ``shared``."""
    path = shared / locator["path"]
    if not path.exists():
        raise FreshGoldError(f"{locator['path']}: not in {shared}")
    cache = _cache if _cache is not None else {}
    if "row" in locator:
        if path not in cache:
            cache[path] = _zf_rows(path)
        return zf_text(cache[path][locator["row"]], bool(locator.get("title_prefix")))
    if "csv_row" in locator:
        if path not in cache:
            with path.open(newline="", encoding="utf-8") as fh:
                cache[path] = list(csv.DictReader(fh))
        row = cache[path][locator["csv_row"]]
        return f"{(row['title'] or '').strip()}\n\n{(row['maintext'] or '').strip()}"
    if path not in cache:
        cache[path] = json.loads(path.read_text(encoding="utf-8"))
    value = cache[path][locator["index"]][locator["field"]]
    return value if isinstance(value, str) else ""


def _records(sources: set[str] | None, folder: Path = FOLDER) -> list[tuple[Path, int, dict[str, Any]]]:
    out = []
    for f in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if sources is None or rec.get("source") in sources:
                out.append((f, n, rec))
    return out


def load(split: str | None = None, sources=None, shared: Path = SHARED, folder: Path = FOLDER) -> list[dict[str, Any]]:
    """Full gold records (``dev.jsonl`` format with ``text``, ``timexes`` and ``quotes``).

    ``split``: ``train``, ``check`` or None for both; ``sources``: e.g. ``{"zf"}`` or None for
    all.  Raises :class:`FreshGoldError` (naming file and line) when ``shared`` lacks a text or a
    text's SHA-256 differs from the one recorded at annotation time.
    """
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS} or None, not {split!r}")
    wanted = set(sources) if sources is not None else None
    cache: dict = {}
    docs = []
    for f, n, rec in _records(wanted, folder):
        if split is not None and rec["split"] != split:
            continue
        text = locate(rec["locator"], shared, cache)
        if sha256_text(text) != rec["text_sha256"]:
            raise FreshGoldError(f"{f.name}:{n}: text of {rec['id']} at {rec['locator']} changed (sha256 mismatch)")
        doc = {k: rec[k] for k in ("id", "source", "dct", "lang", "split")}
        doc["text"] = text
        doc["timexes"] = [_timex(t, text, f"{f.name}:{n}") for t in rec.get("timexes", [])]
        doc["quotes"] = [{k: q.get(k) for k in QUOTE_KEYS} for q in rec.get("quotes", [])]
        docs.append(doc)
    return docs


QUOTE_KEYS = ("kind", "content", "cue", "speaker_mention", "speaker")


def _timex(t: dict[str, Any], text: str, where: str) -> dict[str, Any]:
    """A timex in the dev format; its ``text`` is the slice (a stored ``text`` must equal it)."""
    span = text[t["start"] : t["end"]]
    if "text" in t and t["text"] != span:
        raise FreshGoldError(f"{where}: timex {t['text']!r} at [{t['start']}, {t['end']}) reads {span!r}")
    return {"start": t["start"], "end": t["end"], "text": span, "type": t["type"], "value": t["value"],
            "mod": t.get("mod")}


def dev_exclusions(shared: Path = SHARED) -> set[str]:
    """Every id and href of the Romanian dev gold (time and quotes): never drawn again."""
    out: set[str] = set()
    for name in ("timex", "quotes"):
        path = shared / "gold" / "ro" / name / "dev.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line)["id"])
    return out


def draw_zf(shared: Path = SHARED, seed: int = DRAW_SEED) -> list[dict[str, Any]]:
    """All eligible ZF articles in a fixed random order that spreads years and sections.

    Eligible: year 2013-2022, ``article_text`` of LENGTHS characters, neither its id nor its href
    in the dev gold.  Order: round robin over the years; inside a year a section (first path
    segment of ``href``) is chosen with probability proportional to the square root of its size
    (so the small sections appear without the big one vanishing), then an article of it at random.
    Annotators take the list in order, skipping articles the guidelines exclude (print-edition
    footers dated another day, mojibake); the skipped ones are listed with their reason in
    ``fresh_gold/zf_excluded.json``.
    """
    excluded = dev_exclusions(shared)
    rng = random.Random(seed)
    pools: dict[int, dict[str, list[dict[str, Any]]]] = {y: {} for y in YEARS}
    for path in sorted((shared / ZF_DIR).glob("*.parquet")):
        rel = f"{ZF_DIR}/{path.name}"
        for i, row in enumerate(_zf_rows(path)):
            year = int((row["date_published"] or "0")[:4] or 0)
            n = len((row["article_text"] or "").strip())
            did = zf_id(rel, i)
            if year not in pools or not LENGTHS[0] <= n <= LENGTHS[1] or did in excluded or row["href"] in excluded:
                continue
            section = row["href"].strip("/").split("/")[0]
            pools[year].setdefault(section, []).append({"id": did, "path": rel, "row": i, "section": section,
                                                        "year": year, "href": row["href"]})
    for by_sec in pools.values():
        for items in by_sec.values():
            rng.shuffle(items)
    order = []
    while any(items for by_sec in pools.values() for items in by_sec.values()):
        for year in YEARS:
            secs = sorted(s for s, v in pools[year].items() if v)
            if not secs:
                continue
            sec = rng.choices(secs, weights=[math.sqrt(len(pools[year][s])) for s in secs])[0]
            order.append(pools[year][sec].pop())
    return order


def stats(docs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for d in docs:
        k = f"{d['source']}/{d['split']}"
        c = out.setdefault(k, Counter())
        c["docs"] += 1
        c["quotes"] += len(d["quotes"])
        c["timexes"] += len(d["timexes"])
    return {k: dict(v) for k, v in sorted(out.items())}


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "stats"
    if cmd == "draw":
        for i, a in enumerate(draw_zf()[: int(argv[1]) if len(argv) > 1 else 100]):
            print(i, a["id"], a["section"], a["href"][:90])
    elif cmd == "stats":
        print(json.dumps(stats(load()), indent=1))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
