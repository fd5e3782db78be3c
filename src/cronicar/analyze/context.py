"""What each analysis component reads: the parsed document plus what earlier components wrote.

Components run in a fixed order (timexes -> entities -> quotes -> speaker names -> events); each
declares what it reads from the context and what it writes (``Step.requires``/``Step.assigns`` in
:data:`cronicar.analyze.pipeline.STEPS`, checked by a test), so each can be tested alone on real text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only a type here: the linker imports this module without spaCy
    from spacy.tokens import Doc

from cronicar.model import DocDate, EntityMention, EventMention, Quote, Timex


@dataclass
class Context:
    doc: Doc
    text: str  # normalized text, == doc.text
    dct: DocDate | None  # None only for undated input (annotate on undated gold)
    lang: str
    timexes: list[Timex] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)

    @cached_property
    def parsed(self) -> bool:
        """True when the doc has a dependency parse and morphology (Romanian today).  Cached:
        ``has_annotation`` reads every token, and components ask often."""
        return self.doc.has_annotation("DEP")
