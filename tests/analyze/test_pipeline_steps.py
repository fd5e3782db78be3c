"""The per-article steps declare what they read and write (``Step.requires``/``assigns``), and
the declarations hold: every step runs after the steps producing what it reads, and running
each step on real articles reads nothing it did not declare."""

from __future__ import annotations

import pytest

from cronicar.analyze.context import Context
from cronicar.analyze.pipeline import INPUTS, STEPS
from cronicar.model import DocDate

FIELDS = set(INPUTS) | {a for step in STEPS for a in step.assigns}


def test_pipeline_steps_run_after_what_they_read() -> None:
    available = set(INPUTS)
    for step in STEPS:
        missing = set(step.requires) - available
        assert not missing, f"step {step.name!r} reads {sorted(missing)} before any step writes it"
        available |= set(step.assigns)
    assert {"timexes", "entities", "quotes", "events"} <= available


class Recording(Context):
    """A context that notes which of its fields are read."""

    def __getattribute__(self, name: str):  # noqa: ANN204 - any attribute
        if name in FIELDS:
            object.__getattribute__(self, "reads").add(name)
        return object.__getattribute__(self, name)


ARTICLES = [
    ("ro", "2025-10-27", "Ministrul de externe Serghei Lavrov s-a întâlnit luni, la Moscova, cu Choe Son Hui. "
     "„Relațiile noastre sunt excelente”, a declarat Lavrov. Kim Jong Un va vizita Rusia în decembrie."),
    ("en", "2024-11-05", "North Korean Foreign Minister Choe Son Hui met Sergei Lavrov in Moscow on Monday. "
     "\"Our ties are strong,\" Lavrov said. Kim Jong Un will visit Russia in December."),
]


@pytest.mark.parametrize("lang, day, text", ARTICLES)
def test_pipeline_steps_read_only_what_they_declare(lang: str, day: str, text: str) -> None:
    from cronicar.analyze.nlp import get_nlp

    ctx = Recording(doc=get_nlp(lang)(text), text=text, dct=DocDate.parse(day), lang=lang)
    for step in STEPS:
        object.__setattr__(ctx, "reads", set())
        value = step.run(ctx)
        setattr(ctx, step.assigns[0], value)
        undeclared = ctx.reads - set(step.requires)
        assert not undeclared, f"step {step.name!r} reads {sorted(undeclared)} without declaring it"
    assert ctx.quotes and ctx.entities and ctx.timexes and ctx.events  # the steps did their work
