"""Names in languages without a NER model (English, Spanish, French, Italian here).

Why: only Romanian has an offline spaCy pipeline with NER; without names, English or Spanish
articles have no people or companies, so events have no participants and stories link on
country names alone.  Capitalization is the signal news writing gives: a run of capitalized
words (with connectors such as "of", "de", "al" inside) that is not a function word is a name.

Labels, from the strongest evidence: the gazetteer (countries, capitals, metonyms); an
organization word at the end ("Corp.", "Bank", "Partido"...) or an acronym -> ORG; a title or
role right before it ("President", "Mr.", "el ministro") or a later mention by its last word
alone ("Sergei Lavrov ... Lavrov") -> PERSON; otherwise MISC (a name of unknown kind: still an
entity for linking, never a person for event coreference).  The cue words are data:
``lang/<code>/entities_names.tsv``; stop words come from spaCy's language data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from cronicar import LANG_DIR  # noqa: F401  (the package's own folders: tests list their files)
from cronicar.lang import folder as lang_folder, iso
from cronicar.analyze.spans import SpanSet


@dataclass(frozen=True)
class NameCues:
    connectors: frozenset[str]
    titles: frozenset[str]
    orgs: frozenset[str]
    stop: frozenset[str]
    org_titles: frozenset[str] = frozenset()  # "planemaker Airbus", "automaker GM": an organisation follows
    locatives: frozenset[str] = frozenset()  # "la", "in": a capital after them is a place, not its government
    languages: frozenset[str] = frozenset()  # "limbă": a demonym that qualifies it is a language ("limba rusă")
    terms: frozenset[str] = frozenset()  # "IPO", "EBITDA": abbreviations of things, not organisations
    org_before: frozenset[str] = frozenset()  # "acțiunile", "acționarii": what only a company is said to have


@lru_cache(maxsize=None)
def cues(lang: str) -> NameCues:
    """The language's name cues (empty sets when it has no file)."""
    table: dict[str, set[str]] = {"connector": set(), "title": set(), "org": set(), "org_title": set(),
                                  "locative": set(), "language": set(), "term": set(), "org_before": set()}
    path = lang_folder(lang) / "entities_names.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            kind, _, word = line.partition("\t")
            if not line.startswith("#") and kind.strip() in table and word.strip():
                table[kind.strip()].add(word.strip().lower())
    roles = lang_folder(lang) / "quotes_roles.txt"
    if roles.exists():
        for line in roles.read_text(encoding="utf-8").splitlines():
            kind, _, word = line.partition("\t")
            if kind.strip() == "role" and word.strip():
                table["title"].add(word.strip().lower())
    try:
        import spacy

        stop = frozenset(spacy.util.get_lang_class(iso(lang)).Defaults.stop_words)
    except Exception:  # a language spaCy does not know: no stop words
        stop = frozenset()
    return NameCues(frozenset(table["connector"]), frozenset(table["title"]), frozenset(table["org"]), stop,
                    frozenset(table["org_title"]), frozenset(table["locative"]), frozenset(table["language"]),
                    frozenset(table["term"]), frozenset(table["org_before"]))


def _capitalized(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _org_follows(toks: list, k: int, c: NameCues) -> bool:  # type: ignore[type-arg]
    """Whether the capitalized run starting at token ``k`` holds an organisation word ("Army",
    "Bank", "Corp"; ``org`` in ``entities_names.tsv``): a possessive inside a name then."""
    n = 0
    while k < len(toks) and _capitalized(toks[k].text) and n < 4:
        if toks[k].text.lower().rstrip(".") in c.orgs or toks[k].text.lower() in c.orgs:
            return True
        k, n = k + 1, n + 1
    return False


def find(doc: Doc, lang: str, known: dict[str, tuple[str, str]],
         skip: SpanSet | None = None, places: SpanSet | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, text, label) of the names in ``doc`` (character offsets).

    ``known`` is the gazetteer (lowercase alias -> (canonical, label)): a run it knows keeps its
    label.  ``skip``: character spans that are something else already (time expressions:
    "Monday", "January").  Sentence-initial words count only when the run goes on ("Sergei Lavrov said") or the
    word is capitalized elsewhere in mid-sentence; otherwise every sentence would open with a name.
    ``places``: the part of ``skip`` an organisation's name may take in ("Singapore Airlines",
    "Air France": the caller drops the place it absorbs).
    """
    c = cues(lang)
    taken = skip or SpanSet()
    full = doc.text  # built from the tokens on every access: read it once
    toks = list(doc)
    mid_caps = {t.text for t in toks if not t.is_sent_start and _capitalized(t.text)}
    runs: list[tuple[int, int]] = []  # token index ranges [i, j)
    i = 0
    while i < len(toks):
        t = toks[i]
        if not _capitalized(t.text) or t.text.lower() in c.stop and not t.text.isupper():
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            w = toks[j].text
            if _capitalized(w) and w.lower() not in c.stop:
                j += 1
            elif ((w.lower() in c.connectors or w in {"-", "'"} and not toks[j - 1].whitespace_)
                  and j + 1 < len(toks) and _capitalized(toks[j + 1].text)):
                j += 2  # "Bank of America", "Kim Jong-Un"
            elif (w.lower() in c.connectors and j + 2 < len(toks) and toks[j + 1].text == "-"
                  and not toks[j].whitespace_ and _capitalized(toks[j + 2].text)):
                j += 3  # "Bachar al-Assad"
            elif w in {"'s", "\u2019s"} and not toks[j - 1].whitespace_ and _org_follows(toks, j + 1, c):
                j += 1  # "Korean People's Army", "McDonald's Corp" (not "Russia's President Putin")
            else:
                break
        if t.is_sent_start and j == i + 1 and t.text not in mid_caps:
            i = j
            continue
        runs.append((i, j))
        i = j
    out: list[tuple[int, int, str, str]] = []
    last_words: dict[str, int] = {}
    for i, j in runs:
        if j - i == 1:
            last_words[toks[i].text] = last_words.get(toks[i].text, 0) + 1
    multi_last = {toks[j - 1].text for i, j in runs if j - i > 1 and not toks[j - 1].text.isupper()}
    def is_title(w: str) -> bool:
        return w.lower() in c.titles or w.lower().rstrip(".") in titles

    titles = {t.rstrip(".") for t in c.titles}
    orgs = {o.rstrip(".") for o in c.orgs}
    trimmed = []
    for i, j in runs:
        # "President Barack Obama", "North Korean Foreign Minister Choe Son Hui": everything up to
        # the last title word is a description, not the name; "Secretary of State Antony
        # Blinken": the title's "of" complement goes too.
        titled = False
        k = max((x for x in range(i, j - 1) if is_title(toks[x].text)), default=None)
        if k is not None:
            i, titled = k + 1, True
            if j - i > 2 and toks[i].text.lower() in c.connectors:
                i += 2
        while j - i > 1 and toks[i].text.lower() in c.connectors:
            i += 1
        trimmed.append((i, j, titled))
    absorbable = places or SpanSet()
    for i, j, titled in trimmed:
        run = [toks[k] for k in range(i, j)]
        # "Singapore Airlines", "Air France": the place is part of the name; "Banco Central de
        # Siria" names its country after a connector and keeps it.
        if (j - i > 1 and {run[0].lower_, run[-1].lower_.rstrip(".")} & orgs
                and not any(t.lower_ in c.connectors for t in run)
                and all(absorbable.overlaps(t.idx, t.idx + len(t.text)) or not taken.overlaps(t.idx, t.idx + len(t.text))
                        for t in run)):
            s = run[0].idx
            text = full[s:run[-1].idx + len(run[-1].text)].rstrip(".")
            out.append((s, s + len(text), text, "ORG"))  # "Singapore Airlines", "Air France", "Boeing Co."
            continue
        # Words the gazetteer or the time tagger took ("North Korean", "Monday") end the name.
        while i < j and taken.overlaps(toks[i].idx, toks[i].idx + len(toks[i].text)):
            i += 1
        if i >= j:
            continue
        s, e = toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)
        if taken.overlaps(s, e):
            continue
        text = full[s:e].rstrip(".")
        e = s + len(text)
        if sum(ch.isalpha() for ch in text) < 2:
            continue  # "E", "I", "A" opening a line, an elided "L'" / "D'": letters, not names
        words = text.split()
        hit = known.get(text.lower())
        prev = toks[i - 1].text.lower() if i > 0 else ""
        # "le ministre russe Sergueï Lavrov": one lowercase word may stand between title and name.
        prev2 = toks[i - 2].text.lower() if i > 1 and toks[i - 1].text.islower() else ""
        if hit:
            label = hit[1]
        elif ({words[0].lower(), words[-1].lower().rstrip(".")} & orgs and len(words) > 1
              or text.isupper()):
            label = "ORG"
        elif prev in c.org_titles or prev.rstrip("s") in c.org_titles:
            label = "ORG"  # "the planemaker Airbus", "rival Boeing"
        elif titled or is_title(prev) or (prev2 and is_title(prev2)):
            label = "PERSON"
        elif len(words) > 1 and last_words.get(words[-1]):
            label = "PERSON"  # "Sergei Lavrov ... Lavrov"
        elif len(words) == 1 and words[0] in multi_last:
            label = "PERSON"  # the bare surname of a person named in full
        else:
            label = "MISC"
        out.append((s, e, text, label))
    # A lone word that opens or closes a person's full name is that person ("Choe" of "Choe Son
    # Hui": family names come first in Korean and Chinese names).
    person_words = {w for _, _, t, lab in out if lab == "PERSON" and " " in t for w in (t.split()[0], t.split()[-1])}
    # A lone word that opens an organisation's full name is that organisation ("Boeing" after
    # "Boeing Co.", "Ford" after "Ford Motor Company"), unless it closes a person's full name.
    org_words = {t.split()[0] for _, _, t, lab in out if lab == "ORG" and " " in t
                 and t.split()[0].lower() not in orgs}
    last_names = {t.split()[-1] for _, _, t, lab in out if lab == "PERSON" and " " in t}
    # One name, one kind in an article: "Airbus" told once as "the planemaker Airbus" is an
    # organisation everywhere in it.
    org_words |= {t for _, _, t, lab in out if lab == "ORG"}
    return [(s, e, t, "ORG" if t in org_words and t not in last_names and lab in {"MISC", "PERSON"}
             else "PERSON" if lab == "MISC" and t in person_words else lab) for s, e, t, lab in out]
