"""Story linking on ML-Crisis (es/fr/it; topic folders are the gold stories): B-cubed F1.

Cheap analysis (say so in reports): no spaCy; entities = CLDR country names (Babel) found in the
text of each language, canonicalised to the territory code so the same country agrees across
languages; the real ``link_article`` then links the articles, in date order, into stories.

Run: .venv/bin/python eval/linking_mlcrisis.py [--per-topic N]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from cronicar.link import link_article
from cronicar.model import Analysis, Article, DocDate, EntityMention
from cronicar.store.db import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multi" / "ml-crisis"
LANGS = ("es", "fr", "it")


@lru_cache(maxsize=None)
def gazetteer(lang: str) -> re.Pattern[str] | None:
    import babel

    names = {n: c for c, n in babel.Locale(lang).territories.items() if len(c) == 2 and c.isalpha()}
    gazetteer_codes[lang] = {n.lower(): c for n, c in names.items()}
    return re.compile(r"\b(" + "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)) + r")\b")


gazetteer_codes: dict[str, dict[str, str]] = {}


def cheap_analysis(text: str, dct: DocDate, lang: str) -> Analysis:
    pat = gazetteer(lang)
    ents = []
    for m in pat.finditer(text):
        code = gazetteer_codes[lang][m.group(1).lower()]
        ents.append(EntityMention(m.start(), m.end(), m.group(1), "GPE", code))
    return Analysis(text=text, dct=dct, lang=lang, sentences=[(0, len(text))], entities=ents)


def load(per_topic: int, root: Path = DATA) -> list[tuple[str, Article]]:
    items = []
    for lang in LANGS:
        for topic_dir in sorted((root / lang).iterdir()):
            if topic_dir.name == "reference" or not topic_dir.is_dir():
                continue
            files = sorted(topic_dir.glob("*/*.txt"))
            step = max(1, len(files) // per_topic) if per_topic else 1
            for f in files[::step][: per_topic or None]:
                text = f.read_text(encoding="utf-8", errors="replace")
                if not text.strip():
                    continue
                art = Article(text=text, date=DocDate.parse(f.parent.name), lang=lang, source=str(f))
                items.append((topic_dir.name, art))
    items.sort(key=lambda x: (x[1].date.iso, x[1].source))
    return items


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    g, p = defaultdict(set), defaultdict(set)
    for k, v in gold.items():
        g[v].add(k)
    for k, v in pred.items():
        p[v].add(k)
    prec = rec = 0.0
    for k in gold:
        inter = len(g[gold[k]] & p[pred[k]])
        prec += inter / len(p[pred[k]])
        rec += inter / len(g[gold[k]])
    n = len(gold)
    P, R = prec / n, rec / n
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


def evaluate(per_topic: int = 60, root: Path = DATA) -> dict[str, float]:
    items = load(per_topic, root)
    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / "c.db")
        gold, pred = {}, {}
        for topic, art in items:
            if store.has_article(art.id):
                continue
            with store.transaction() as conn:
                store.write_article(conn, art, cheap_analysis(art.text, art.date, art.lang))
                link_article(conn, art.id)
            gold[art.id] = topic
        for aid, sid in store.query("SELECT id, story_id FROM articles"):
            pred[aid] = sid
        store.close()
    P, R, F = bcubed(gold, pred)
    return {"articles": len(gold), "stories": len(set(pred.values())), "bcubed_p": P, "bcubed_r": R, "bcubed_f1": F}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-topic", type=int, default=60, help="articles per language-topic (0 = all)")
    a = ap.parse_args()
    print(evaluate(a.per_topic), file=sys.stdout)
