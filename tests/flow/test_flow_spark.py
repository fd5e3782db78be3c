"""Spark in local mode (local[2]) on a small set: the same annotations as in-process, article by
article; `ingest --annotations` stores the same chronicle as a direct ingest; an unfinished job is
refused and a re-run duplicates nothing.  Skipped when pyspark or Java is missing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cronicar.cli import main
from cronicar.ingest.readers import read_paths
from cronicar.model import Article

pytestmark = pytest.mark.slow

pyspark = pytest.importorskip("pyspark", reason="Spark needs the [spark] extra")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 (Debian: openjdk-17-jre-headless)", allow_module_level=True)

BAD = {"title": "fără dată", "text": "Un articol fără dată nu poate fi așezat în cronică."}


# A site's sign-off closing every text: page furniture only when the articles are cleaned
# together (ingest/clean.py counts a line repeated at the edges of many texts of one site).
SIGN_OFF = "Urmăriți știrile zilei pe pagina noastră de Facebook."


@pytest.fixture(scope="module")
def articles_jsonl(examples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two seed articles and the fixture batch as one JSON Lines file, plus one bad record and
    the first text again under another title and URL (the later copy's are kept); each text ends
    with one site's sign-off, which only cleaning across records removes."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "batch.jsonl"
    arts = [a for a in read_paths([examples, fixtures]) if isinstance(a, Article)]
    path = tmp_path_factory.mktemp("spark") / "articles.jsonl"
    lines = [json.dumps({"id": a.external_id or a.id, "date": a.date.iso, "title": a.title,
                         "text": f"{a.text}\n\n{SIGN_OFF}", "url": f"https://stiri.example.ro/{i}"},
                        ensure_ascii=False) for i, a in enumerate(arts)]
    again = json.dumps({**json.loads(lines[0]), "id": "again", "title": "Același text, alt titlu",
                        "url": "https://stiri.example.ro/again"}, ensure_ascii=False)
    path.write_text("\n".join(lines[:2] + [json.dumps(BAD, ensure_ascii=False)] + lines[2:] + [again]) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def annotations(articles_jsonl: Path) -> Path:
    out = articles_jsonl.parent / "annotations"
    code = main(["spark", "annotate", "--master", "local[2]", "--input", str(articles_jsonl), "--output", str(out)])
    assert code == 2  # the record without a date is reported, the others annotated
    return out


def test_flow_spark_annotations_equal_in_process(articles_jsonl: Path, annotations: Path) -> None:
    from cronicar.analyze.pipeline import analyze_batch
    from cronicar.flow.records import read_annotations, to_record

    from cronicar.ingest.clean import clean_batch

    rows = [r for r in read_annotations(annotations) if not isinstance(r, Exception)]
    # What `cronicar ingest` analyses: the input's articles cleaned together (one window).
    cleaned, _, _ = clean_batch([a for a in read_paths([articles_jsonl]) if isinstance(a, Article)])
    expected = {(a.id, a.title): a for a in cleaned}
    assert not any(SIGN_OFF in a.text for a in cleaned)  # the sign-off was furniture
    assert sorted(a.id for a, _ in rows) == sorted(a.id for a in cleaned)  # one text read twice: two rows
    dates = [a.date.anchor for a, _ in rows]
    assert dates == sorted(dates)  # written in date order across partitions
    for article, analysis in rows:
        src = expected[(article.id, article.title)]
        (direct,) = analyze_batch([(src.text, src.date, src.lang)])
        assert to_record(article, analysis) == to_record(src, direct), article.id


def test_flow_spark_ingest_annotations_same_export_as_direct(articles_jsonl: Path, annotations: Path,
                                                            tmp_path: Path) -> None:
    direct, spark = tmp_path / "direct.db", tmp_path / "spark.db"
    assert main(["ingest", str(articles_jsonl), "--db", str(direct), "--jobs", "1"]) == 2
    assert main(["ingest", "--annotations", str(annotations), "--db", str(spark)]) == 2
    outs = []
    for db in (direct, spark):
        out = tmp_path / f"{db.stem}.json"
        assert main(["export", "--db", str(db), "--format", "json", "-o", str(out)]) == 0
        outs.append(json.loads(out.read_text(encoding="utf-8")))
    assert len(outs[0]["articles"]) >= 3
    assert "Același text, alt titlu" in [a["title"] for a in outs[0]["articles"]]  # the later copy's
    assert outs[0] == outs[1]
    # a re-run stores nothing twice
    assert main(["ingest", "--annotations", str(annotations), "--db", str(spark)]) == 2
    out = tmp_path / "again.json"
    main(["export", "--db", str(spark), "--format", "json", "-o", str(out)])
    assert json.loads(out.read_text(encoding="utf-8")) == outs[1]


def test_flow_spark_unfinished_output_is_refused(annotations: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A killed job leaves part files without _SUCCESS: nothing is ingested from it."""
    partial = tmp_path / "partial"
    shutil.copytree(annotations, partial)
    (partial / "_SUCCESS").unlink()
    db = tmp_path / "p.db"
    assert main(["ingest", "--annotations", str(partial), "--db", str(db)]) == 2
    assert "no complete Spark output" in capsys.readouterr().err
    assert main(["stories", "--db", str(db)]) == 0
    assert "(no stories yet)" in capsys.readouterr().out


def _exported(db: Path, tmp_path: Path) -> dict:
    out = tmp_path / f"{db.stem}.json"
    assert main(["export", "--db", str(db), "--format", "json", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def direct_export(articles_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("direct")
    assert main(["ingest", str(articles_jsonl), "--db", str(tmp / "direct.db"), "--jobs", "1"]) == 2
    return _exported(tmp / "direct.db", tmp)


@pytest.mark.parametrize("as_uri", [False, True], ids=["local-path", "spark-reader"])
def test_flow_spark_ingest_stores_what_direct_ingest_stores(articles_jsonl: Path, direct_export: dict,
                                                           tmp_path: Path, as_uri: bool,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """`spark ingest`: the analysis as Spark tasks, the database of `cronicar ingest --jobs 1`, and
    the bad record named; a file:// path is read by Spark itself."""
    source = articles_jsonl.as_uri() if as_uri else str(articles_jsonl)
    db = tmp_path / "spark.db"
    assert main(["spark", "ingest", "--master", "local[2]", "--input", source, "--db", str(db)]) == 2
    assert "date: missing" in capsys.readouterr().err
    assert len(direct_export["articles"]) >= 3
    assert _exported(db, tmp_path) == direct_export  # (an article with a URL is exported under it)


def test_flow_spark_ingest_killed_then_rerun_loses_and_duplicates_nothing(articles_jsonl: Path, direct_export: dict,
                                                                         tmp_path: Path) -> None:
    """Stopped after its second commit, a re-run adds the rest: the same database as one run."""
    import argparse

    from cronicar.flow import spark
    from cronicar.store.db import Store

    class Stopped(Exception):
        pass

    def stop_after_two(done: int, total: int | None) -> None:
        if done == 2:
            raise Stopped

    db = tmp_path / "spark.db"
    args = argparse.Namespace(input=str(articles_jsonl), format=None, lang=None, date=None, master="local[2]")
    with Store(db) as store, pytest.raises(Stopped):
        spark.ingest(store, args, progress=stop_after_two)
    with Store(db, readonly=True) as store:
        assert store.count("articles") == 2
    assert main(["spark", "ingest", "--master", "local[2]", "--input", str(articles_jsonl), "--db", str(db)]) == 2
    assert _exported(db, tmp_path) == direct_export


def test_flow_spark_tasks_run_in_submission_order() -> None:
    """With one task slot, Spark runs the tasks in the order they were submitted, so the writer's
    next batch is analysed first (threads racing to submit started the first call sixth of 8)."""
    import time

    from cronicar.flow import spark

    session = spark.session("local[1]", app="cronicar-order-test")
    tasks = spark.SparkTasks(session.sparkContext, slots=4)  # 8 in flight
    try:
        futures = [tasks.submit(time.monotonic) for _ in range(8)]  # each task says when it ran
        started = [f.result() for f in futures]
    finally:
        tasks.shutdown()
        session.stop()
    assert started == sorted(started)
