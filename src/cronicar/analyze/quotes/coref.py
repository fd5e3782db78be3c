"""From a speaker mention to the canonical speaker the gold defines (guidelines §6).

* a name → the fullest form of that name anywhere in the article ("Lavrov" → "Serghei Lavrov");
* a pronoun ("Ea", "el", "he") → the most recent person speaker or person name before it that
  agrees in gender when the gender is known;
* a definite singular role ("ministrul", "Șefa diplomației") → the person that role was given to
  by an apposition ("ministrul de externe Choe Son Hui"), else the most recent person speaker;
* an indefinite or plural description ("un purtător de cuvânt", "experții") or an organisation
  ("Kremlinul") → itself, as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from cronicar.analyze.normalize import fold_diacritics
from cronicar.analyze.budget import check
from cronicar.analyze.quotes.holders import (SpeakerNouns, apposed_description, described_author, speaker_nouns,
                                             vehicle_author)
from cronicar.analyze.quotes.lexicon import Lexicon
from cronicar.analyze.quotes.speakers import INDEF, Mention, unmarked_person
from cronicar.analyze.quotes.words import W
from cronicar.analyze.quotes.tokens import entity_break, gender, is_genitive, is_name, is_role, key, lemma, match_seq, number

PERSON_LABELS = {"PERSON", "PER"}
_GENITIVE = ("ului", "ei", "ii", "lor")  # case endings of a Romanian genitive/dative name or noun
_OF = {"de", "din", "al", "a", "ale", "ai", "la", "în", "pentru", "of", "from"}
BARRIERS = {"on", "in", "at", "with", "to", "by", "cu", "la", "în", "pe", "și", "and", "or", "sau", "că", "that"}


def close_word(a: str, b: str) -> bool:
    """Inflections of one word, stricter than :func:`same_word`: the endings after the common
    prefix are short ("Ministerului"/"Ministerul", "Coreei"/"Coreea"), so "Energoatom" is not
    a form of "Energia"."""
    a, b = _fold(a), _fold(b)
    if a == b:
        return True
    n = common_prefix(a, b)
    # what differs must be case and article endings: "Energodar" is no form of "Energie"
    return n >= min(5, len(a), len(b)) and n >= 3 and a[n:] in _ENDINGS and b[n:] in _ENDINGS


# Romanian (and English possessive) endings after the common stem of two forms of one name
_ENDINGS = frozenset({"", "a", "e", "i", "u", "ul", "ui", "ului", "lui", "l", "ei", "ii", "iei", "ia", "ua",
                      "le", "lor", "elor", "ilor", "ele", "ile", "s", "es", "'s", "ai", "ea", "eii",
                      "y"})  # and a transliteration's last letter: "Zelensky" / "Zelenski"


def _fold(word: str) -> str:
    return fold_diacritics(word).lower().strip(".,;:")


def common_prefix(a: str, b: str) -> int:
    """Length of the common prefix of ``a`` and ``b``."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _stem(word: str) -> str:
    w = fold_diacritics(word).lower().strip(".,;:")
    return w[:5]


def same_word(a: str, b: str) -> bool:
    """Inflected forms of one word: "presei"/"presa", "ruse"/"rusă", "Lavrov"/"Lavrov"."""
    a, b = _fold(a), _fold(b)
    return a == b or common_prefix(a, b) >= max(3, min(5, min(len(a), len(b)) - 1))


@dataclass
class Name:
    start: int  # token index
    end: int
    text: str
    person: bool


@dataclass
class Resolver:
    """Article-wide name and role memory used to canonicalize speakers."""

    doc: Doc
    lex: Lexicon
    parsed: bool
    names: list[Name] = field(default_factory=list)
    role_of: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # role lemma -> [(tok, name)]
    gender_of: dict[str, str] = field(default_factory=dict)  # canonical name -> m | f
    role_words: dict[str, set[str]] = field(default_factory=dict)  # name -> modifiers of its role
    history: list[tuple[int, str, bool]] = field(default_factory=list)  # (tok, canonical, person)
    org_of: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # org noun -> [(tok, name)]
    org_gender: dict[str, str] = field(default_factory=dict)  # organisation speaker -> m | f (its head noun)
    places: frozenset[tuple[int, int]] = frozenset()  # char spans the entity stage found to be places
    role_country: dict[str, set[str]] = field(default_factory=dict)  # name -> countries its roles name
    follows_statement: bool = False  # the mention's statement comes right after the previous one
    # fullest()'s index of self.names (see _index_names)
    _indexed: int = 0
    _seen_texts: set[str] = field(default_factory=set)
    _texts_by_prefix: dict[str, list[str]] = field(default_factory=dict)
    _fullest_memo: dict[str, str] = field(default_factory=dict)
    _named: set[str] = field(default_factory=set)  # _is_named's forms of self.names
    _named_at: int = -1
    nouns: SpeakerNouns = field(init=False)
    _org_nouns: set[str] = field(init=False)

    def __post_init__(self) -> None:
        doc, lex = self.doc, self.lex
        self.nouns = speaker_nouns(lex.lang)
        self._org_nouns = lex.org_roles | self.nouns.org_nouns
        i = 0
        titled: list[tuple[int, str]] = []  # (name start, gender) after a gendered title ("Mrs.", "dna")
        while i < len(doc):
            if key(doc[i]) in lex.honorifics:
                g = lex.honorific_gender.get(key(doc[i]))
                if g:
                    titled.append((i + 1, g))
                i += 1  # "ÎPS Teodosie": the title is not part of the name
                continue
            if is_name(doc[i], lex, self.parsed):
                e = i + 1
                while e < len(doc) and e - i < 5 and not (
                    self.parsed and entity_break(doc[e])
                ) and (
                    is_name(doc[e], lex, self.parsed)
                    or (key(doc[e]) == "-" and e + 1 < len(doc) and is_name(doc[e + 1], lex, self.parsed))
                ):
                    e += 1
                k = match_seq(doc, i, lex.media, e)
                if k and i + k < e:
                    i += k  # "a scris pe Telegram Vladimir Rogov": the channel, then the person
                span = doc[i:e]
                person = any(t.ent_type_ in PERSON_LABELS for t in span) if self.parsed else True
                if person and self.parsed and self._org_noun_before(i):
                    person = False  # "operatorul Energoatom": the NER took the company for a person
                if self.parsed and not person and not any(t.ent_type_ for t in span) and self._apposed_role(i) is not None:
                    person = True  # "Șeful holdingului …, Przemysław Data,": the NER missed a person
                self.names.append(Name(i, e, span.text, person))
                check("speaker names")
                if person or not self.parsed:
                    self._learn_role(i, span.text)  # only people hold roles ("ministrul … Choe Son Hui")
                    self._learn_role_after(e, span.text)
                else:
                    self._learn_org_role(i, span.text)
                    self._learn_org_role_after(e, span.text)
                i = e
            else:
                i += 1
        starts = {n.start: n.text for n in self.names}
        for at, g in titled:  # "Ms. Clinton": the article's Hillary Clinton is a woman
            if at in starts:
                self.gender_of.setdefault(self.fullest(starts[at]), g)

        if not self.parsed:
            # No NER: a person is a name of two or more words, or the surname of one, unless the
            # gazetteer knows it for a place ("according to South Korean intelligence").
            for n in self.names:
                span = (doc[n.start].idx, doc[n.end - 1].idx + len(doc[n.end - 1].text))
                n.person = len(self.fullest(n.text).split()) >= 2 and span not in self.places
        media = {" ".join(m) for m in lex.media}
        for n in self.names:
            if fold_diacritics(n.text).lower() in media:
                n.person = False  # "Facebook", "Reuters": channels, not people

    def _learn_role(self, i: int, name: str) -> None:
        """Apposition "ministrul de externe Choe Son Hui" / "Șefa X, Y": remember role → name.

        A genitive name is the role's complement, not its holder ("Arhiepiscopul Tomisului")."""
        doc = self.doc
        if self.parsed and is_genitive(doc[i]):
            return
        if i > 0 and key(doc[i - 1]) in _OF:
            return  # "ministrul Coreei de Nord": a place or body in the role, not its holder
        for j in range(i - 1, max(-1, i - 6), -1):
            t = doc[j]
            lem = self.role_key(t)
            if lem and self.parsed and j > 0 and is_genitive(t) and self.role_key(doc[j - 1]):
                continue  # "consilierul ministrului economiei, Karolis Zemaitis": the adviser's
                # role, the minister in the genitive only qualifies it
            if lem:
                self._remember_role(lem, i, self.fullest(name), t, doc[j + 1:i], doc[j:i])
                return
            if t.text in {".", "!", "?", ";", "\n"} or (self.parsed and t.pos_ in {"VERB", "AUX"}):
                return
            if (not self.parsed and is_name(t, self.lex, self.parsed)) or key(t) in BARRIERS or self.lex.is_verb(key(t)):
                return

    def _holder_in(self, toks, head: int) -> str | None:  # type: ignore[no-untyped-def]
        """The name a role mention ends with, when it ends with one: a person name inside it, or
        (with a parse) a run of two or more proper nouns closing it, which the NER may have
        swallowed into the ministry before it ("Ministerul Finanțelor Publice Enache Jiru")."""
        own = next((n for n in self.names if n.person and toks.start <= n.start and n.end <= toks.end
                    and n.start > head and not is_genitive(self.doc[n.start])  # "Arhiepiscopul Argeșului"
                    and key(self.doc[n.start - 1]) not in _OF), None)  # "ministrul Coreei de Nord"
        if own is not None:
            return self.fullest(own.text)
        if not self.parsed:
            return None
        doc, k = toks.doc, toks.end
        while k > head + 1 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper() \
                and not key(doc[k - 1]).endswith(_GENITIVE):
            k -= 1
        # only a run the NER put inside an entity begun before it ("I"), or called a person:
        # "Președintele Statelor Unite" ends with a country, not a holder
        if toks.end - k >= 2 and k > head + 1 and (doc[k].ent_iob_ == "I" or doc[k].ent_type_ in PERSON_LABELS
                                                    or unmarked_person(doc, k, toks.end, toks.end)):
            return self.fullest(doc[k:toks.end].text)
        return None

    def _salient_org(self) -> str | None:
        """The organisation the article names most (the NER's ORG, at least twice, and more often than
        any other): what a bare "compania" / "instituția" refers to when no organisation spoke."""
        if not self.parsed:
            return None
        counts: dict[str, int] = {}
        for n in self.names:
            if not n.person and any(t.ent_type_ == "ORG" for t in self.doc[n.start:n.end]):
                full = nominative(self.fullest(n.text))
                counts[full] = counts.get(full, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def _apposed_after(self, end: int) -> str | None:
        """The person named in apposition right after a role mention: "a spus reprezentantul rus
        la ONU, Vasili Nebenzia, sugerând că…" (the role's complement may stand between)."""
        doc = self.doc
        for x in range(end, min(len(doc), end + 6)):
            t = doc[x]
            if t.text == ",":
                n = next((n for n in self.names if n.start == x + 1 and n.person), None)
                return self.fullest(n.text) if n is not None else None
            if t.is_sent_start or t.text in {".", ";", ":", "!", "?", "„", "\""} or t.pos_ in {"VERB", "AUX"}:
                return None
        return None

    def _learn_role_after(self, e: int, name: str) -> None:
        """Apposition the other way round, "Christopher Luxon, liderul Partidului Național, care
        consideră": a definite singular role right after the name's comma is the name's role."""
        doc = self.doc
        if e + 1 >= len(doc) or doc[e].text != ",":
            return
        t = doc[e + 1]
        lem = self.role_key(t)
        if not lem or key(t) in INDEF or (self.parsed and number(t) == "pl"):
            return
        end = next((x for x in range(e + 2, min(len(doc), e + 10)) if doc[x].text in {",", ".", ";"}), min(len(doc), e + 10))
        self._remember_role(lem, e + 1, self.fullest(name), t, doc[e + 2:min(len(doc), e + 8)], doc[e + 1:end])

    def _remember_role(self, lem: str, at: int, full: str, role, modifiers, phrase) -> None:  # type: ignore[no-untyped-def]
        """What an apposition teaches about a name: it holds role ``lem`` (from token ``at``), the
        words modifying the role, the countries the role phrase names, and a feminine gender."""
        self.role_of.setdefault(lem, []).append((at, full))
        self.role_words.setdefault(full, set()).update(
            _stem(t.text) for t in modifiers if t.is_alpha and len(t.text) > 2)
        self.role_country.setdefault(full, set()).update(self.countries(phrase))
        if gender(role) == "f" and number(role) != "pl":
            self.gender_of.setdefault(full, "f")

    def countries(self, toks) -> set[str]:  # type: ignore[no-untyped-def]
        """Countries a role phrase names by a demonym or a name ("reprezentantul rus",
        "ministrul de externe al Rusiei", "șeful statului ucrainean"), from the entity gazetteer."""
        from cronicar.analyze.entities import aliases

        table = aliases(self.lex.lang)
        out = set()
        for t in toks:
            hit = table.get(key(t)) or table.get(lemma(t))
            if hit is not None and hit[1] == "GPE":
                out.add(hit[0])
        return out

    def _apposed_role(self, i: int) -> int | None:
        """"ROLE …, NAME": the token of a person role opening the phrase the name is apposed to."""
        doc = self.doc
        if i < 2 or doc[i - 1].text != ",":
            return None
        for j in range(i - 2, max(-1, i - 14), -1):
            t = doc[j]
            if t.text in {",", ".", ";", ":", "!", "?"} or "\n" in t.text or t.is_sent_start:
                first = j if t.is_sent_start and t.text not in {",", ".", ";", ":"} else j + 1
                return first if first < i - 1 and self.role_key(doc[first]) else None
            if self.parsed and t.pos_ in {"VERB", "AUX"}:
                # "a declarat ministrul economiei, Ausrine Armonaite": the phrase opens after the verb
                return j + 1 if j + 1 < i - 1 and self.role_key(doc[j + 1]) and not is_genitive(doc[j + 1]) else None
        return None

    def org_key(self, tok) -> str | None:
        """The organisation-noun entry a token inflects ("operatorul" → "operator"), or None."""
        org = self._org_nouns
        if not org:
            return None
        lem = lemma(tok) if self.parsed else ""
        if lem in org:
            return lem
        k = key(tok)
        for suf in ("ului", "ul", "ei", "ii", "a", "i", "l", ""):
            if k.endswith(suf) and len(k) > len(suf) + 2 and k[: len(k) - len(suf)] in org:
                return k[: len(k) - len(suf)]
        return None

    def _org_noun_before(self, i: int) -> bool:
        """An organisation noun heads the phrase that ends right before token ``i``: "operatorul
        Energoatom", and over a few lowercase modifiers "Grupul de conservare marină Sea Shepherd
        France" (the NER took the group for a person).  A capitalized noun right before the name
        is part of it ("Banca Transilvania"); after modifiers it opens the sentence."""
        doc = self.doc
        for j in range(i - 1, max(-1, i - 1 - ORG_NOUN_REACH), -1):
            t = doc[j]
            if self.org_key(t) is not None and (not t.text[:1].isupper() or (j < i - 1 and t.is_sent_start)):
                return True
            if not (t.is_alpha and t.text.islower() and (key(t) == "de" or (self.parsed and t.pos_ in {"NOUN", "ADJ"}))):
                return False
        return False

    def _learn_org_role(self, i: int, name: str) -> None:
        """"operatorul Energoatom", "Producătorul auto BMW": the organisation holds that noun."""
        doc = self.doc
        for j in range(i - 1, max(-1, i - 3), -1):
            t = doc[j]
            ok = self.org_key(t)
            if ok:
                self.org_of.setdefault(ok, []).append((i, self.fullest(name)))
                return
            if not t.is_alpha or t.text[:1].isupper() or key(t) in BARRIERS or self.lex.is_verb(key(t)) or (
                self.parsed and (t.pos_ in {"ADP", "DET", "VERB", "AUX", "PRON", "CCONJ", "SCONJ"} or is_genitive(t))
            ):
                return  # "centralei din Zaporojia": a place in the description, not its holder

    def _learn_org_role_after(self, e: int, name: str) -> None:
        """"Tradeville, cea mai activă societate de brokeraj": the description after the comma."""
        ok = apposed_description(self.doc, e, self.org_key)
        if ok is not None:
            self.org_of.setdefault(ok, []).append((e, self.fullest(name)))

    def role_key(self, tok) -> str | None:
        """The role lexicon entry a token inflects ("ministrul" → "ministru"), or None."""
        if not is_role(tok, self.lex):
            return None
        k = key(tok)
        lem = lemma(tok)
        if lem in self.lex.roles:
            return lem
        for suf in ("ului", "lui", "ul", "le", "ei", "ii", "lor", "l", "a", "i", ""):
            if k.endswith(suf) and k[: len(k) - len(suf)] in self.lex.roles:
                return k[: len(k) - len(suf)]
        return k

    def fullest(self, text: str) -> str:
        """The longest name in the article whose words include all words of ``text`` (the first
        found among equally long ones)."""
        words = text.split()
        if not words:
            return text
        self._index_names()
        cached = self._fullest_memo.get(text)
        if cached is not None:
            return cached
        best = text
        # Only names with a word starting like the first word can qualify (close words share
        # their first three letters, see close_word); distinct name texts, in article order.
        for nt in self._texts_by_prefix.get(_fold(words[0])[:3], ()):
            nw = nt.split()
            if len(nw) > len(best.split()) and len(nw) <= 4 and all(any(close_word(w, x) for x in nw) for w in words):
                if close_word(words[-1], nw[-1]) or close_word(words[0], nw[0]):
                    best = nt
        self._fullest_memo[text] = best
        return best

    def _index_names(self) -> None:
        """Bring the name index up to date with ``self.names`` (it grows while the article is
        read): distinct name texts by the folded first three letters of each of their words.

        Why: fullest() compared every name with every other name; a 393,000-character page took
        20 minutes.  With the index each call looks at the few names sharing a word's start."""
        if self._indexed == len(self.names):
            return
        for n in self.names[self._indexed:]:
            if n.text in self._seen_texts:
                continue
            self._seen_texts.add(n.text)
            for prefix in dict.fromkeys(_fold(w)[:3] for w in n.text.split()):
                self._texts_by_prefix.setdefault(prefix, []).append(n.text)
            self._fullest_memo.clear()  # a new name text may be fuller than a remembered answer
        self._indexed = len(self.names)

    def name_within(self, text: str) -> str | None:
        """The longest article name all of whose words occur in ``text`` ("organizației județene
        Satu Mare a UDMR" → "UDMR Satu Mare"): the organisation a collective voice speaks for."""
        words = text.split()
        best: str | None = None
        best_rank: tuple[bool, int] = (False, 0)
        for n in self.names:
            nw = n.text.split()
            if not nw or not all(any(close_word(x, w) for w in words) for x in nw):
                continue
            if any(t.ent_type_ in {"NAT_REL_POL", "NORP"} for t in self.doc[n.start : n.end]):
                continue  # "Maghiarii" is a people, not the body in "formațiunii politice maghiare"
            rank = (any(t.ent_type_ == "ORG" for t in self.doc[n.start : n.end]), len(nw))
            if best is None or rank > best_rank:
                best, best_rank = n.text, rank
        return best

    def fix_typo(self, text: str) -> str:
        """"Morwiecki" → "Mateusz Morawiecki": a one-word name close in spelling to a person's surname."""
        import difflib

        if " " in text or len(text) < 5 or any(same_word(text, w) for n in self.names for w in n.text.split() if n.text != text):
            return text
        best, score = text, 0.0
        for n in self.names:
            if n.person and n.text != text:
                last = n.text.split()[-1]
                r = difflib.SequenceMatcher(None, text.lower(), last.lower()).ratio()
                if r > score and r >= 0.85:
                    best, score = self.fullest(n.text), r
        return best

    def _is_person_name(self, text: str) -> bool:
        words = set(_stem(w) for w in text.split())
        return any(n.person and words <= set(_stem(w) for w in n.text.split()) for n in self.names)

    def recent_person(self, before: int, want_gender: str | None, country: set[str] | None = None) -> str | None:
        """The last person before ``before`` agreeing in gender, and, when the mention names a
        country ("reprezentantul rus"), not one whose roles name only other countries (the
        Ukrainian president who spoke last is not the Russian representative)."""
        def fits(name: str) -> bool:
            if want_gender is not None and self.gender_of.get(name, want_gender) != want_gender:
                return False
            theirs = self.role_country.get(name)
            return not (country and theirs and not (country & theirs))

        first = next((name for tok, name, person in reversed(self.history)
                      if tok < before and person and fits(name)), None)
        if first is None:
            first = next((full for n in reversed(self.names) if n.start < before and n.person
                          for full in (self.fullest(n.text),) if fits(full)), None)
        if want_gender is None or first is None or first in self.gender_of:
            return first
        # The last person's gender is unknown (English names carry none): one of the last three
        # people named whose gender is known to agree wins ("Ms. Choe … Lavrov told her … she said").
        recent = sorted([(tok, name) for tok, name, person in self.history if person and tok < before]
                        + [(n.start, self.fullest(n.text)) for n in self.names if n.person and n.start < before],
                        reverse=True)
        seen: list[str] = []
        for _, name in recent:
            if name in seen:
                continue
            seen.append(name)
            if len(seen) > 3:
                break
            if self.gender_of.get(name) == want_gender and fits(name):
                return name
        return first

    def _previous_sentence_person(self, i: int) -> str | None:
        """"… susținute de ÎPS Teodosie. Arhiepiscopul Tomisului a declarat": a role naming its own
        see or office still refers to the one person the previous sentence names, if only one."""
        sent = self.doc[i].sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        people = {self.fullest(n.text) for n in self.names if n.person and prev.start <= n.start < prev.end}
        return people.pop() if len(people) == 1 else None

    def next_person(self, after: int) -> str | None:
        """The closest person named after a role that has no antecedent (a lead naming them later)."""
        for n in self.names:
            if n.start > after and n.person:
                return self.fullest(n.text)
        return None

    def resolve(self, m: Mention, name_m: Mention) -> tuple[str | None, bool]:
        """Canonical speaker of a mention and whether it is a person."""
        toks = self.doc[m.start : m.end]
        if self._names_itself(m, name_m):
            return self._resolve_name(m, name_m)
        k = key(toks[0])
        if k in self.lex.generic and len(toks) <= 2:
            return None, False  # "cei care spun că…": the source is unknowable (guidelines §6)
        if len(toks) == 1 and k in self.lex.pronouns:
            return self._resolve_pronoun(m, self.lex.pronouns[k])
        if len(toks) == 1 and k in self.nouns.never:
            return self._previous_speaker(m.start)  # "cel", "majoritatea": no one is named
        if k in self.nouns.vehicles or (k in INDEF and len(toks) > 1 and key(toks[1]) in self.nouns.vehicles):
            return self._resolve_vehicle(m)
        inner = self._collective_inner(m)
        if isinstance(inner, str):
            return inner, False
        toks = inner if inner is not None else toks
        found = self._resolve_org_noun(m, toks)
        if found is None:
            found = self._resolve_role(m, toks)
        if found is not None:
            return found
        out = nominative(self.doc[m.start : m.end].text)  # "oficialii ucraineni", not "ucraineni"
        self._note_org(out, toks[0])
        return out, False

    def _names_itself(self, m: Mention, name_m: Mention) -> bool:
        """The mention is (or holds) a proper name, not a role noun the tagger capitalized or took
        for a person ("Politicianul polonez", "Analiști")."""
        toks = self.doc[m.start : m.end]
        named = name_m is not m or any(is_name(t, self.lex, self.parsed) for t in toks) and len(toks) <= 5 and all(
            is_name(t, self.lex, self.parsed) or key(t) in {"de", "-"} for t in toks)
        if not named:
            return False
        inner = self.doc[name_m.start : name_m.end]
        if all(self.role_key(t) or self.org_key(t) for t in inner):
            return False
        # "purtătorul de cuvânt de la Kremlin": the organisation completes the person's role
        return not (name_m is not m and name_m.start > m.start and self.role_key(toks[0])
                    and key(self.doc[name_m.start - 1]) in _OF and not self._is_person_name(self.fullest(inner.text)))

    def _resolve_name(self, m: Mention, name_m: Mention) -> tuple[str | None, bool]:
        """A name → its fullest form in the article."""
        doc, toks = self.doc, self.doc[m.start : m.end]
        text = doc[name_m.start : name_m.end].text
        full = self.fullest(text)
        if full == text:
            full = self.fix_typo(text)
        person = self._is_person_name(full)
        if name_m is not m:
            head = toks[0]
            g = gender(head) if self.parsed and self.role_key(head) else None
            if g == "f":
                self.gender_of.setdefault(full, g)
        if not person:
            self._note_org(full, toks[0])
        return full, person

    def _resolve_pronoun(self, m: Mention, kind: str) -> tuple[str | None, bool]:
        if kind == "pl":
            return None, False
        if kind == "n":
            # "it further wrote": the organisation or publication that spoke last
            return next((n for tok, n, person in reversed(self.history) if tok < m.start and not person), None), False
        if kind == "any":  # "în opinia sa": a possessive agrees with the thing owned, not the owner
            return self.recent_person(m.start, None), True
        org = self._recent_org_subject(m.start, kind)
        if org is not None:
            return org, False
        return self.recent_person(m.start, kind), True

    def _previous_speaker(self, before: int) -> tuple[str | None, bool]:
        """The speaker of the last statement before token ``before`` (guidelines §5.2)."""
        return next(((n, person) for tok, n, person in reversed(self.history) if tok < before), (None, False))

    def _resolve_vehicle(self, m: Mention) -> tuple[str | None, bool]:
        """"prognoza publicată de ANM", "un raport al BT Capital Partners": the author speaks, a
        name (not a channel: "unei pagini de Facebook") or a described one ("anunțul unui
        reprezentant al autorităților"); a document with no author named stays as written."""
        head = m.start + 1 if key(self.doc[m.start]) in INDEF else m.start
        media = {" ".join(x) for x in self.lex.media}
        name_at = {n.start: self._with_of_tail(n) for n in self.names if fold_diacritics(n.text).lower() not in media}
        author = vehicle_author(self.doc, head, m.end, name_at)
        if author is None and head + 1 < m.end and self.doc[head + 1].text[:1].isupper():
            author = self.doc[head + 1 : m.end].text  # "raportul Rosstat": a name the tagger missed
        if author is None:
            described = described_author(self.doc, head, m.end, self.nouns)
            # no author named: the document is the most informative description of the source
            # (guidelines §6: a role kept verbatim when the article names no one)
            return (described if described is not None else nominative(self.doc[m.start : m.end].text)), False
        full = nominative(self.fullest(author))
        return full, self._is_person_name(full)

    def _office_holder(self, toks, head: int) -> str | None:  # type: ignore[no-untyped-def]
        """The one person the article gave a role naming the same office, whatever the role noun:
        "șeful Institutului Național de Statistică" → "Tudorel Andrei, președintele Institutului
        Național de Statistică" (two office words or more in common, and more than anyone else)."""
        mwords = {_stem(t.text) for t in toks if t.is_alpha and len(t.text) > 2 and t.i != head}
        if len(mwords) < 2:
            return None
        overlap = sorted(((n, name) for name, words in self.role_words.items()
                          for n in (len(mwords & words),) if n >= 2 and self._is_person_name(name)), reverse=True)
        if not overlap or overlap[0][0] < 2 or (len(overlap) > 1 and overlap[1][0] == overlap[0][0]):
            return None
        return overlap[0][1]

    def _with_of_tail(self, n: Name) -> str:
        """A name with the "de Xxx" links the name chain stopped at: "Administraţia Naţională de
        Meteorologie", "Institutul Național de Statistică"."""
        doc, e = self.doc, n.end
        while e + 1 < len(doc) and key(doc[e]) == "de" and doc[e + 1].text[:1].isupper() and doc[e + 1].is_alpha:
            e += 2
        return doc[n.start : e].text

    def _collective_inner(self, m: Mention):  # type: ignore[no-untyped-def]
        """"reprezentanții organizației județene Satu Mare a UDMR" → the organisation named
        (a str); the tokens after the collective word when it names none (a Span); else None."""
        doc = self.doc
        n_coll = match_seq(doc, m.start, self.lex.collective, m.end)
        if not n_coll or m.start + n_coll >= m.end:
            return None
        rest = m.start + n_coll
        while rest < m.end and key(doc[rest]) in {"al", "a", "ale", "ai", "lui", "of", "the"}:
            rest += 1
        if rest >= m.end:
            return None
        named = self.name_within(doc[rest : m.end].text)
        if named is None and rest + 1 == m.end and doc[rest].text.islower() and self.org_key(doc[rest]) is None:
            # an institution's noun ("poliției", "ambasadei"); a generic organisation noun
            # ("companiei") is resolved by _resolve_org_noun
            named = self._named_by_noun(doc[rest], m.start)
        if named is not None:
            full = nominative(self.fullest(named))  # "reprezentanții Poliției Sibiu" → Poliția Sibiu
            if self._is_person_name(full):
                # "Reprezentanții lui Trump": a person's lawyers or aides are not that person
                # (an organisation speaks through its representatives; a person speaks himself)
                return nominative(doc[m.start : m.end].text)
            self._note_org(full, doc[rest])
            return full
        return doc[rest : m.end]

    def _named_by_noun(self, noun, before: int) -> str | None:  # type: ignore[no-untyped-def]
        """"Reprezentanții poliției" after "Poliția neozeelandeză a demarat o investigație": the
        last organisation named before whose name opens with a form of the collective's noun, with
        its capitalized words or one adjective after it (the NER often leaves such names out)."""
        doc = self.doc
        for j in range(before - 1, -1, -1):
            t = doc[j]
            if not (t.text[:1].isupper() and t.is_alpha and close_word(t.text, noun.text)):
                continue
            e = j + 1
            while e < len(doc) and e - j < 6 and (is_name(doc[e], self.lex, self.parsed) or (
                    e == j + 1 and self.parsed and doc[e].pos_ == "ADJ" and doc[e].text.islower())):
                e += 1
            if e > j + 1:  # a name, not the bare noun opening a sentence ("Poliția a anunțat")
                return doc[j:e].text
        return None

    def _resolve_org_noun(self, m: Mention, toks) -> tuple[str | None, bool] | None:  # type: ignore[no-untyped-def]
        """"Operatorul centralei" → the organisation called "operatorul" in the article, else the
        organisation named closest before it in its sentence or the one before, else the
        organisation that spoke last, else the one the article names most."""
        first = toks[0]
        if key(first) in INDEF or (self.parsed and number(first) == "pl"):
            return None
        ok = self.org_key(first)
        if ok is None:
            return None
        learned = [n for _, n in self.org_of.get(ok, [])]
        spoken = [n for _, n, _ in reversed(self.history) if n in learned]
        if spoken or learned:
            return (spoken[0] if spoken else learned[0]), False
        # an outlet that relayed a statement ("potrivit Bloomberg") is no antecedent of a company,
        # a bank or a party, only of a publication ("ziarul", "publicația")
        outlets = key(first) in self.nouns.media_nouns or ok in self.nouns.media_nouns
        near = self._org_named_before(m.start, outlets) if len(toks) == 1 else None
        if near is not None:
            return near, False
        # the organisation that spoke last, when the article names it: a speaker that is itself
        # a description ("Biroul a transmis că …") is no antecedent ("Societatea de brokeraj
        # adaugă că …" stays as written)
        recent = next((n for tok, n, person in reversed(self.history)
                       if tok < m.start and not person and (outlets or not self._is_outlet(n))), None)
        if recent is not None and self._is_named(recent):
            return recent, False
        salient = self._salient_org() if len(toks) == 1 else None
        return (salient, False) if salient is not None else None

    def _is_named(self, speaker: str) -> bool:
        """A speaker the article writes as a name (or its nominative), not a common-noun phrase."""
        if self._named_at != len(self.names):  # the names grow while the article is read
            fulls = {self.fullest(n.text) for n in self.names}
            self._named = fulls | {nominative(f) for f in fulls}
            self._named_at = len(self.names)
        return speaker in self._named

    def _org_named_before(self, before: int, outlets: bool = True) -> str | None:
        """The last organisation named in the sentence of token ``before`` or the one before it:
        "Acţiunile UBS au avansat, după ce cea mai mare bancă din Elveţia a anunţat…".  An
        organisation is the NER's ORG, or a name the article itself calls one ("titlurile grupului
        Air France-KLM …. Reprezentanţii companiei au declarat", no entity label); an outlet only
        when ``outlets``."""
        if not self.parsed:
            return None
        sent = self.doc[before].sent
        floor = self.doc[sent.start - 1].sent.start if sent.start > 0 else 0
        for n in reversed(self.names):
            if floor <= n.start < before and not n.person and (
                    any(t.ent_type_ == "ORG" for t in self.doc[n.start:n.end]) or self._org_noun_before(n.start)) \
                    and (outlets or not self._is_outlet(n.text)):
                return nominative(self.fullest(n.text))
        return None

    def _is_outlet(self, name: str) -> bool:
        """A news outlet: one of ``quotes_media.txt``, or a web address ("G4Media.ro")."""
        k = fold_diacritics(name).lower()
        return any(k == " ".join(x) for x in self.lex.media) or (k.endswith(W.outlet_domains) and " " not in k)

    def _resolve_role(self, m: Mention, toks) -> tuple[str | None, bool] | None:  # type: ignore[no-untyped-def]
        """A definite singular role → its holder: named inside or apposed after the mention, else
        the holder the article gave that role to, else the last fitting person."""
        doc, k = self.doc, key(toks[0])
        head = next((t for t in toks if self.role_key(t)), None)
        if head is not None and k not in INDEF and number(head) != "pl" and not key(head).endswith("ii"):
            lem = self.role_key(head) or key(head)
            own = self._holder_in(toks, head.i) or self._apposed_after(m.end)
            if own is not None:
                # "Secretarul de stat în Ministerul Finanțelor Publice Enache Jiru": the role's own
                # holder is named in the mention; another secretary of state the article named
                # before is not meant
                return own, True
            learned = [n for tok, n in self.role_of.get(lem, []) if tok < m.start + 40]
            g = gender(head) if self.parsed else None
            if learned:
                # "Președintele ucrainean" → the president the article called "ucrainean"
                mwords = {_stem(t.text) for t in toks if t.is_alpha and len(t.text) > 2 and t.i != head.i}
                overlap = {n: len(mwords & self.role_words.get(n, set())) for n in learned}
                best = max(overlap.values(), default=0)
                if best:
                    # the holder whose role words fit best ("guvernatorului regiunii Nikolaev": the
                    # governor of Nikolaev, not the governor of Luhansk who spoke last)
                    learned = [n for n in learned if overlap[n] == best]
                spoken = [n for _, n, _ in reversed(self.history) if n in learned]
                return (spoken[0] if spoken else learned[-1]), True
            office = self._office_holder(toks, head.i)
            if office is not None:
                return office, True
            # "Ministrul sud-coreean al Unificării" names its own office: keep the role verbatim;
            # "Ministrul de Interne" is just the role.
            # "primarul orașului Queenstown": a name after a genitive noun names the office too
            has_inner_name = any(
                t.text[:1].isupper() and (key(t).endswith(_GENITIVE) or key(doc[t.i - 1]) in {"al", "a", "ale", "ai"}
                                          or (doc[t.i - 1].text.islower() and key(doc[t.i - 1]).endswith(_GENITIVE)))
                for t in toks[1:]
            )
            person = self.recent_person(m.start, g, self.countries(toks)) if len(toks) <= 4 and not has_inner_name else None
            if person is None and has_inner_name and len(toks) <= 4:
                person = self._previous_sentence_person(m.start)
            if person is None and len(toks) <= 4 and not has_inner_name:
                person = self.next_person(m.end)
            if person is None:
                person = self._sole_speaker(m.start, lem, g, self.countries(toks))
            if person:
                return person, True
        return None

    def _sole_speaker(self, before: int, lem: str, want_gender: str | None, country: set[str]) -> str | None:
        """The one person who made every earlier statement of the article, for a role no
        apposition or office links to a name: an interview's "a menționat procurorul general al
        României" after three quotes of Gabriela Scutea, "a mai transmis ministrul Afacerilor
        Interne" after Lucian Bode's post.  With two people speaking before, the role could be
        either (or a third, unnamed holder), so it stays as written; so does a role other than the
        ones an apposition gave that person ("primarul orașului Queenstown" after "Rawiri Waititi,
        co-lider al Partidului Maori")."""
        if not self.follows_statement:
            return None  # another sentence between: the role may be of someone it names
        people = {name for tok, name, person in self.history if tok < before and person}
        if len(people) != 1:
            return None
        name = people.pop()
        held = {role for role, holders in self.role_of.items() if any(n == name for _, n in holders)}
        if held and lem not in held:
            return None
        if want_gender is not None and self.gender_of.get(name, want_gender) != want_gender:
            return None
        theirs = self.role_country.get(name)
        return None if (country and theirs and not (country & theirs)) else name

    def _note_org(self, name: str, head) -> None:
        if self.parsed and gender(head):
            self.org_gender.setdefault(name, gender(head) or "")

    def _recent_org_subject(self, before: int, want: str) -> str | None:
        """"Armata israeliană a declarat … Ea susține că…": a pronoun right after an organisation's
        statement, with no person named in between, refers to that organisation when the
        organisation's head noun agrees in gender."""
        if not self.history:
            return None
        tok, name, person = self.history[-1]
        if person or tok >= before or self.org_gender.get(name) != want:
            return None
        if any(n.person and tok < n.start < before for n in self.names):
            return None
        return name

    def remember(self, tok: int, canonical: str | None, person: bool) -> None:
        if canonical:
            self.history.append((tok, canonical, person))


#: lowercase modifiers between an organisation noun and its name ("Grupul de conservare marină X")
ORG_NOUN_REACH = 4


def nominative(text: str) -> str:
    """Undo the dative/genitive article of a Romanian name after 'potrivit' ("Coreii" → "Coreea")."""
    words = text.split()
    if words and words[0].lower() == "lui":
        words = words[1:]
    if not words:
        return text
    w = words[0]
    if w.endswith("eii") and len(w) > 4:
        words[0] = w[:-3] + "eea"
    elif w.endswith("ului") and len(w) > 5:
        words[0] = w[:-4] + "ul"
    elif w.endswith("ei") and len(w) > 4 and w[0].isupper():
        words[0] = w[:-2] + "a"
    elif w.endswith("elor") and len(w) > 6 and w[0].isupper():
        words[0] = w[:-4] + "ele"  # "Forțelor Navale" → "Forțele Navale"
    return " ".join(words)
