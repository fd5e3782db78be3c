"""A bug one article reveals in an analysis step refuses that article, not the batch.

On the political collection, one page made the quote step raise (a speaker of blanks only): the
whole ``cronicar ingest`` stopped with a traceback and the articles after it were never stored.
Here a step is made to raise on one record (fault injection: the real bug is fixed and has its
own test), and the batch must go on: one error line naming file and line, the others stored,
exit code 2, no traceback; ``analyze`` itself still raises, with the original as the cause.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
from pathlib import Path

import pytest

from cronicar.analyze import pipeline
from cronicar.analyze.budget import AnalysisFailed
from cronicar.model import DocDate

FIRST = "Ministrul Finanțelor a declarat luni că „deficitul va scădea anul viitor”."
BAD = "Premierul a spus marți că „bugetul va fi gata în martie”, potrivit Agerpres."
LAST = "Guvernul a aprobat miercuri o majorare a salariului minim, a anunțat ministrul Muncii."


@pytest.fixture
def quotes_raise_on_bad(monkeypatch: pytest.MonkeyPatch) -> None:
    def wrap(run):
        def run_or_raise(ctx):
            if "bugetul va fi gata" in ctx.text:
                return "".split()[0]  # the IndexError the blank speaker raised
            return run(ctx)
        return run_or_raise

    steps = tuple(dataclasses.replace(s, run=wrap(s.run)) if s.name == "quotes" else s for s in pipeline.STEPS)
    monkeypatch.setattr(pipeline, "STEPS", steps)


@pytest.mark.usefixtures("quotes_raise_on_bad")
def test_analyze_raises_analysis_failed_naming_the_step_with_the_cause() -> None:
    with pytest.raises(AnalysisFailed, match=r"analysis failed in step 'quotes' \(IndexError") as info:
        pipeline.analyze(BAD, DocDate.parse("2024-05-14"), "ro")
    assert isinstance(info.value.__cause__, IndexError)
    assert pipeline.analyze(FIRST, DocDate.parse("2024-05-13"), "ro").quotes  # the others still analyze


@pytest.mark.usefixtures("quotes_raise_on_bad")
def test_ingest_goes_on_past_an_article_whose_analysis_raises(tmp_path: Path) -> None:
    from cronicar.cli import main
    from cronicar.store.db import Store

    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"text": FIRST, "date": "2024-05-13"}, {"text": BAD, "date": "2024-05-14"},
        {"text": LAST, "date": "2024-05-15"}]) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["ingest", str(batch), "--db", str(db), "--jobs", "1"])
    assert code == 2
    assert "Traceback" not in err.getvalue()
    failed = [ln for ln in err.getvalue().splitlines() if "analysis failed" in ln]
    assert len(failed) == 1 and failed[0].startswith(f"error: {batch}:2: analysis failed in step 'quotes'")
    texts = {t for (t,) in Store(db).conn.execute("SELECT text FROM articles")}
    assert texts == {FIRST, LAST}
