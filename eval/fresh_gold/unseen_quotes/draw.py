"""Draw quote-rich unseen Romanian articles (ZF, undated, political held-in), seed 1208."""
import json, random, re, sys, csv
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "eval")); sys.path.insert(0, str(ROOT))
import fresh_gold as fg
from benchmarks import political_news as pn

SEED = 1208
used = fg.dev_exclusions()
for f in fg.FOLDER.rglob("*.jsonl"):
    if "unseen_quotes" in f.parts:
        continue  # this set's own records: re-running the draw gives the same list
    for line in f.read_text().splitlines():
        if line.strip(): used.add(json.loads(line)["id"])
for f in fg.FOLDER.rglob("*excluded.json"):
    for r in json.loads(f.read_text()): used.add(r["id"])
CUE = re.compile(r"\b(a|au|am|va|vor)( mai)? (declarat|spus|afirmat|precizat|explicat|subliniat|anunțat|anunţat|transmis|adăugat|adaugat|arătat|arătat|menționat|menţionat|avertizat|susținut|susţinut)\b|[Pp]otrivit\b|\b(susține|susţine|consideră|spune|declară|afirmă|explică|crede|estimează)\b|\bconform\b", re.I)
MARK = re.compile(r"[„“”\"«]")
def rich(t):
    return len(CUE.findall(t)) + len(MARK.findall(t)) // 2
rng = random.Random(SEED)
out = []
# ZF
zf = []
for path in sorted((fg.SHARED / fg.ZF_DIR).glob("*.parquet")):
    rel = f"{fg.ZF_DIR}/{path.name}"
    for i, row in enumerate(fg._zf_rows(path)):
        n = len((row["article_text"] or "").strip()); did = fg.zf_id(rel, i)
        if not 800 <= n <= 2500 or did in used or row["href"] in used: continue
        t = fg.zf_text(row)
        if rich(t) >= 5:
            zf.append({"id": did, "source": "zf", "locator": {"path": rel, "row": i, "title_prefix": True}, "dct": (row["date_published"] or "")[:10], "text": t})
rng.shuffle(zf)
# undated
und = []
for site in ("realitatea", "aleph"):
    p = f"data/ro/news-undated/news_{site}.json"
    recs = json.loads((fg.SHARED / p).read_text())
    for i, r in enumerate(recs):
        t = r.get("text") or ""; did = f"{site}_{i}"
        if not 800 <= len(t) <= 2500 or did in used: continue
        if rich(t) >= 5:
            und.append({"id": did, "source": site, "locator": {"path": p, "index": i, "field": "text"}, "dct": None, "text": t})
rng.shuffle(und)
# political held-in
rows = pn.rows(); inpart = {r["url"] for r in pn.part("in")}
pol = []; seen_text = set()
for i, r in enumerate(rows):
    did = f"political_dev_{i}"
    t = f"{(r['title'] or '').strip()}\n\n{(r['maintext'] or '').strip()}"
    if r["url"] not in inpart or did in used or not 800 <= len(t) <= 2800 or t in seen_text: continue
    seen_text.add(t)
    if rich(t) >= 5:
        pol.append({"id": did, "source": "political", "locator": {"path": "data/ro/news-political/dev.csv", "csv_row": i}, "dct": r["date_publish"][:10], "text": t})
rng.shuffle(pol)
print(len(zf), len(und), len(pol), file=sys.stderr)
# dedupe texts across
def take(lst, n):
    res = []; 
    for d in lst:
        if d["text"] in seen or any(d["text"][-300:] in t for t in seen_all): continue
        seen.add(d["text"]); res.append(d)
        if len(res) == n: break
    return res
seen = set()
for d in fg.load(None): seen.add(d["text"])
for f in ("unseen", "unseen2"):
    for d in fg.load(None, folder=fg.FOLDER / f): seen.add(d["text"])
for l in open(fg.SHARED / "gold/ro/quotes/dev.jsonl"): seen.add(json.loads(l)["text"])
seen_all = list(seen)
seen |= set()
sel = take(zf, 16) + take(und, 16) + take(pol, 16)
for d in sel:
    d["text_sha256"] = fg.sha256_text(d["text"])
with open(sys.argv[1] if len(sys.argv) > 1 else "drawn.jsonl", "w") as fh:
    for d in sel: fh.write(json.dumps(d, ensure_ascii=False) + "\n")
print(len(sel), sum(len(d["text"]) for d in sel), file=sys.stderr)
