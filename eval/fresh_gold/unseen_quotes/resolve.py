"""Turn the hand-written quote specs (spec*.txt) into offset records for the drawn articles."""
import json, sys, re
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
import fresh_gold as fg

TR = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})

def normmap(s):
    out, idx = [], []
    for i, ch in enumerate(s):
        if ch == "\u00ad":
            continue
        out.append(ch.translate(TR)); idx.append(i)
    idx.append(len(s))
    return "".join(out), idx

def nsnip(s):
    return s.replace("\u00ad", "").translate(TR).strip()

def find(ntext, snip, frm):
    return ntext.find(nsnip(snip), frm)

MARKS = "„“”\"«»,‚‘'"

def nearest(ntext, snip, cs, ce):
    if not snip:
        return None
    s = nsnip(snip); best = None; i = ntext.find(s)
    while i >= 0:
        e = i + len(s)
        if (i > 0 and ntext[i - 1].isalnum()) or (e < len(ntext) and ntext[e].isalnum()):
            i = ntext.find(s, i + 1)
            continue
        d = 0 if (i >= cs and e <= ce) else min(abs(i - ce), abs(cs - e))
        if i >= cs and e <= ce:
            d = 50  # inside the content: only when nothing close outside
        if best is None or d < best[0]:
            best = (d, i, e)
        i = ntext.find(s, i + 1)
    if best is None:
        raise ValueError(f"not found: {snip!r}")
    return best[1], best[2]

docs = {json.loads(l)["id"]: json.loads(l) for l in open("/tmp/quotes/drawn.jsonl")}
specs = {}
cur = None
for f in sys.argv[1:]:
    for line in open(f, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("== "):
            cur = line[3:].strip(); specs[cur] = []; continue
        parts = [p.strip() for p in re.split(r"\s*\|\s*", line)]
        while len(parts) < 5:
            parts.append("")
        specs[cur].append(parts)
bad = 0
out = []
for did, d in docs.items():
    if did not in specs:
        print("NO SPEC", did); bad += 1; continue
    text = d["text"]; ntext, idx = normmap(text)
    quotes = []; cursor = 0; prev = None
    for kind, content, speaker, cue, mention in specs[did]:
        try:
            if prev and prev[0] == content and prev[1] != speaker:
                cs, ce = prev[2], prev[3]
            else:
                frm = cursor + 1 if (prev and prev[0] == content) else cursor
                nth = 1
                if content.startswith("@"):
                    nth, content = int(content[1]), content[3:]
                    for _ in range(nth - 1):
                        frm = find(ntext, content.split(" ... ")[0], frm) + 1
                if " ... " in content:
                    a, b = content.split(" ... ")
                    cs = find(ntext, a, frm)
                    if cs < 0: raise ValueError(f"start not found: {a!r}")
                    ce = find(ntext, b, cs)
                    if ce < 0: raise ValueError(f"end not found: {b!r}")
                    ce += len(nsnip(b))
                else:
                    cs = find(ntext, content, frm)
                    if cs < 0: raise ValueError(f"not found: {content!r}")
                    ce = cs + len(nsnip(content))
            cu = nearest(ntext, cue, cs, ce) if cue else None
            me = nearest(ntext, mention, cs, ce) if mention else None
        except ValueError as e:
            print(did, e); bad += 1; continue
        prev = (content, speaker, cs, ce); cursor = ce - 1
        K = {"D": "direct", "I": "indirect"}[kind]
        ocs, oce = idx[cs], idx[ce - 1] + 1
        q = {"kind": K, "content": [ocs, oce],
             "cue": [idx[cu[0]], idx[cu[1] - 1] + 1] if cu else None,
             "speaker_mention": [idx[me[0]], idx[me[1] - 1] + 1] if me and speaker != "null" else None,
             "speaker": None if speaker == "null" else speaker}
        if K == "direct":
            before = text[:ocs].rstrip()[-1:]; after = text[oce:].lstrip()[:1]
            if before not in MARKS and not text[:ocs].endswith("&quot;") or (after not in MARKS and not text[oce:].startswith("&quot;")):
                print("WARN direct not beside marks", did, repr(text[max(0, ocs-8):ocs]), repr(text[oce:oce+8]))
        quotes.append(q)
    quotes.sort(key=lambda q: (q["content"][0], q["content"][1]))
    rec = {"id": did, "source": d["source"], "locator": d["locator"],
           "dct": d["dct"] or "2022-08-10", "lang": "ro", "split": "train", "text_sha256": d["text_sha256"]}
    if not d["dct"]:
        rec["dct_reason"] = "undated record: the collection's main period (quotes only, no time expressions annotated)"
    rec["quotes"] = quotes
    out.append(rec)
print("bad", bad, "docs", len(out), "quotes", sum(len(r["quotes"]) for r in out))
with open("/tmp/quotes/quotes_1208.jsonl", "w", encoding="utf-8") as fh:
    for r in out:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
