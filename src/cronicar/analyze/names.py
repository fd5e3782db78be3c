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

from spacy.tokens import Doc, Token

from cronicar import LANG_DIR  # noqa: F401  (the package's own folders: tests list their files)
from cronicar.lang import folder as lang_folder, iso
from cronicar.analyze.spans import SpanSet

Name = tuple[int, int, str, str]  # start, end, text, label of a name found


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


def _run_end(toks: list[Token], i: int, c: NameCues) -> int:
    """Where the capitalized run starting at token ``i`` ends (exclusive)."""
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
    return j


def _runs(toks: list[Token], c: NameCues) -> list[tuple[int, int]]:
    """Token ranges [i, j) of capitalized runs; a sentence-initial word alone only when it is
    capitalized elsewhere in mid-sentence too."""
    mid_caps = {t.text for t in toks if not t.is_sent_start and _capitalized(t.text)}
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not _capitalized(t.text) or t.text.lower() in c.stop and not t.text.isupper():
            i += 1
            continue
        j = _run_end(toks, i, c)
        if not (t.is_sent_start and j == i + 1 and t.text not in mid_caps):
            runs.append((i, j))
        i = j
    return runs


def _is_title(w: str, c: NameCues, bare: set[str]) -> bool:
    """A title word ("President", "Minister", "Dr."); ``bare``: the titles without their dot."""
    return w.lower() in c.titles or w.lower().rstrip(".") in bare


def _untitled(runs: list[tuple[int, int]], toks: list[Token], c: NameCues,
              bare: set[str]) -> list[tuple[int, int, bool]]:
    """Each run without its description: (i, j, whether a title word preceded the name)."""
    trimmed = []
    for i, j in runs:
        # "President Barack Obama", "North Korean Foreign Minister Choe Son Hui": everything up to
        # the last title word is a description, not the name; "Secretary of State Antony
        # Blinken": the title's "of" complement goes too.
        titled = False
        k = max((x for x in range(i, j - 1) if _is_title(toks[x].text, c, bare)), default=None)
        if k is not None:
            i, titled = k + 1, True
            if j - i > 2 and toks[i].text.lower() in c.connectors:
                i += 2
        while j - i > 1 and toks[i].text.lower() in c.connectors:
            i += 1
        trimmed.append((i, j, titled))
    return trimmed


@dataclass
class _Article:
    """What labelling a run reads about the whole article."""

    toks: list[Token]
    full: str
    c: NameCues
    known: dict[str, tuple[str, str]]
    taken: SpanSet
    absorbable: SpanSet
    orgs: set[str]
    bare_titles: set[str]
    last_words: dict[str, int]
    multi_last: set[str]

    def place_org(self, i: int, j: int) -> Name | None:
        """"Singapore Airlines", "Air France": the place is part of the name; "Banco Central de
        Siria" names its country after a connector and keeps it."""
        run = self.toks[i:j]
        if (j - i > 1 and {run[0].lower_, run[-1].lower_.rstrip(".")} & self.orgs
                and not any(t.lower_ in self.c.connectors for t in run)
                and all(self.absorbable.overlaps(t.idx, t.idx + len(t.text))
                        or not self.taken.overlaps(t.idx, t.idx + len(t.text)) for t in run)):
            s = run[0].idx
            text = self.full[s:run[-1].idx + len(run[-1].text)].rstrip(".")
            return (s, s + len(text), text, "ORG")  # "Singapore Airlines", "Air France", "Boeing Co."
        return None

    def label(self, i: int, text: str, titled: bool) -> str:
        """The kind of the name ``text`` starting at token ``i``."""
        c, toks, words = self.c, self.toks, text.split()
        hit = self.known.get(text.lower())
        prev = toks[i - 1].text.lower() if i > 0 else ""
        # "le ministre russe Sergueï Lavrov": one lowercase word may stand between title and name.
        prev2 = toks[i - 2].text.lower() if i > 1 and toks[i - 1].text.islower() else ""
        if hit:
            return hit[1]
        if {words[0].lower(), words[-1].lower().rstrip(".")} & self.orgs and len(words) > 1 or text.isupper():
            return "ORG"
        if prev in c.org_titles or prev.rstrip("s") in c.org_titles:
            return "ORG"  # "the planemaker Airbus", "rival Boeing"
        if titled or _is_title(prev, c, self.bare_titles) or (prev2 and _is_title(prev2, c, self.bare_titles)):
            return "PERSON"
        if len(words) > 1 and self.last_words.get(words[-1]):
            return "PERSON"  # "Sergei Lavrov ... Lavrov"
        if len(words) == 1 and words[0] in self.multi_last:
            return "PERSON"  # the bare surname of a person named in full
        return "MISC"

    def name(self, i: int, j: int, titled: bool) -> Name | None:
        """The name of run [i, j) after the words others took, or None."""
        toks, taken = self.toks, self.taken
        # Words the gazetteer or the time tagger took ("North Korean", "Monday") end the name.
        while i < j and taken.overlaps(toks[i].idx, toks[i].idx + len(toks[i].text)):
            i += 1
        if i >= j:
            return None
        s, e = toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)
        if taken.overlaps(s, e):
            return None
        text = self.full[s:e].rstrip(".")
        if sum(ch.isalpha() for ch in text) < 2:
            return None  # "E", "I", "A" opening a line, an elided "L'" / "D'": letters, not names
        return (s, s + len(text), text, self.label(i, text, titled))


def _one_kind_per_word(out: list[Name], orgs: set[str]) -> list[Name]:
    """A lone word that opens or closes a person's full name is that person ("Choe" of "Choe Son
    Hui": family names come first in Korean and Chinese names); one that opens an organisation's
    full name is that organisation ("Boeing" after "Boeing Co.", "Ford" after "Ford Motor
    Company"), unless it closes a person's full name; and one name has one kind in an article
    ("Airbus" told once as "the planemaker Airbus" is an organisation everywhere in it)."""
    person_words = {w for _, _, t, lab in out if lab == "PERSON" and " " in t for w in (t.split()[0], t.split()[-1])}
    org_words = {t.split()[0] for _, _, t, lab in out if lab == "ORG" and " " in t
                 and t.split()[0].lower() not in orgs}
    last_names = {t.split()[-1] for _, _, t, lab in out if lab == "PERSON" and " " in t}
    org_words |= {t for _, _, t, lab in out if lab == "ORG"}
    return [(s, e, t, "ORG" if t in org_words and t not in last_names and lab in {"MISC", "PERSON"}
             else "PERSON" if lab == "MISC" and t in person_words else lab) for s, e, t, lab in out]


def find(doc: Doc, lang: str, known: dict[str, tuple[str, str]],
         skip: SpanSet | None = None, places: SpanSet | None = None) -> list[Name]:
    """(start, end, text, label) of the names in ``doc`` (character offsets).

    ``known`` is the gazetteer (lowercase alias -> (canonical, label)): a run it knows keeps its
    label.  ``skip``: character spans that are something else already (time expressions:
    "Monday", "January").  Sentence-initial words count only when the run goes on ("Sergei Lavrov said") or the
    word is capitalized elsewhere in mid-sentence; otherwise every sentence would open with a name.
    ``places``: the part of ``skip`` an organisation's name may take in ("Singapore Airlines",
    "Air France": the caller drops the place it absorbs).
    """
    c = cues(lang)
    toks = list(doc)
    runs = _runs(toks, c)
    last_words: dict[str, int] = {}
    for i, j in runs:
        if j - i == 1:
            last_words[toks[i].text] = last_words.get(toks[i].text, 0) + 1
    art = _Article(toks=toks, full=doc.text,  # doc.text is built from the tokens on every access
                   c=c, known=known, taken=skip or SpanSet(), absorbable=places or SpanSet(),
                   orgs={o.rstrip(".") for o in c.orgs}, bare_titles={t.rstrip(".") for t in c.titles},
                   last_words=last_words,
                   multi_last={toks[j - 1].text for i, j in runs if j - i > 1 and not toks[j - 1].text.isupper()})
    out: list[Name] = []
    for i, j, titled in _untitled(runs, toks, c, art.bare_titles):
        name = art.place_org(i, j) or art.name(i, j, titled)
        if name is not None:
            out.append(name)
    return _one_kind_per_word(out, art.orgs)
