"""The one write path: `--jobs N` stores what `--jobs 1` stores, input is streamed in windows, and
every caller (CLI, HTTP) leaves a searchable store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cronicar.cli import main
from cronicar.flow import ingest
from cronicar.ingest.readers import read_paths
from cronicar.model import Article
from cronicar.store.db import Store

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _export(db: Path, tmp_path: Path) -> dict:
    out = tmp_path / f"{db.stem}.json"
    assert main(["export", "--db", str(db), "--format", "json", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def _table(db: Path, sql: str) -> list[tuple]:
    with Store(db, readonly=True) as store:
        return [tuple(r) for r in store.query(sql)]


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_flow_ingest_jobs_n_stores_what_jobs_1_stores(examples: Path, tmp_path: Path, jobs: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import cronicar.flow.workers as workers

    monkeypatch.setattr(workers, "SMALL", 0)  # these few articles would otherwise stay in-process
    tasks: list[int] = []

    class Counted(workers.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            tasks.append(sum(len(sub) for sub in args[1]))  # the articles of its sub-batches
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", Counted)
    one, many = tmp_path / "one.db", tmp_path / f"jobs{jobs}.db"
    inputs = [str(examples), str(FIXTURES / "batch.jsonl")]
    assert main(["ingest", *inputs, "--db", str(one), "--jobs", "1"]) == 2  # batch.jsonl has bad lines
    assert main(["ingest", *inputs, "--db", str(many), "--jobs", jobs]) == 2
    assert sum(tasks) == 4  # every article went to a worker process
    assert _export(one, tmp_path) == _export(many, tmp_path)
    for sql in ["SELECT id, story_id, text, sentences FROM articles ORDER BY rowid",
                "SELECT * FROM event_mentions ORDER BY id", "SELECT * FROM search_docs ORDER BY doc"]:
        assert _table(one, sql) == _table(many, sql)


def test_flow_ingest_fresh_workers_every_few_windows_store_the_same(examples: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers replaced by fresh ones after ``ROTATE`` articles (here after each one-article window:
    four pools) give the same store as ``--jobs 1``."""
    import cronicar.flow.workers as workers

    monkeypatch.setattr(workers, "SMALL", 0)
    monkeypatch.setattr(workers, "ROTATE", 1)
    pools: list[int] = []

    class Counted(workers.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            pools.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", Counted)
    arts = [a for a in read_paths([examples, FIXTURES / "batch.jsonl"]) if isinstance(a, Article)]
    for name, jobs in (("one.db", 1), ("many.db", 2)):
        with Store(tmp_path / name) as store:
            ingest(store, arts, jobs=jobs, window=1)
    assert len(pools) == 4
    assert _export(tmp_path / "one.db", tmp_path) == _export(tmp_path / "many.db", tmp_path)


def test_flow_ingest_streams_in_windows(examples: Path, tmp_path: Path) -> None:
    """A window is analyzed and committed before the next one is read."""
    arts = [a for a in read_paths([examples, FIXTURES / "batch.jsonl"]) if isinstance(a, Article)]
    assert len(arts) == 4
    with Store(tmp_path / "w.db") as store:
        stored_when_read: list[int] = []

        def source():
            for art in arts:
                stored_when_read.append(store.count("articles"))
                yield art

        report = ingest(store, source(), jobs=1, window=2)
    assert stored_when_read == [0, 0, 2, 2]
    assert len(report.added) == 4


def test_flow_ingest_orders_each_window_by_date(tmp_path: Path) -> None:
    """Linking sees a window in date order whatever the input order (stories take their first
    article's date as first_date)."""
    texts = [("2024-11-29", "Choe Son Hui a declarat vineri că Phenianul va sprijini Rusia până la victorie."),
             ("2024-11-01", "Ministrul de externe nord-coreean Choe Son Hui a sosit la Moscova pentru discuții."),
             ("2024-11-15", "Choe Son Hui s-a întâlnit la Moscova cu Serghei Lavrov, ministrul rus de externe.")]
    from cronicar.model import DocDate

    arts = [Article(text=t, date=DocDate.parse(d), lang="ro", source="t") for d, t in texts]
    with Store(tmp_path / "o.db") as store:
        ingest(store, arts, window=3)
        order = [r[0] for r in store.query("SELECT date FROM articles ORDER BY rowid")]
    assert order == ["2024-11-01", "2024-11-15", "2024-11-29"]


def test_flow_ingest_workers_fork_from_a_preloaded_frozen_process() -> None:
    """`--jobs N` workers are forked from one process that loaded the pipeline and froze it (the
    model's pages shared copy-on-write), not spawned empty to load it each."""
    import gc

    from cronicar.flow.workers import ProcessPoolExecutor, worker_context
    from cronicar.flow.zygote import pipelines_loaded

    ctx = worker_context()
    assert ctx.get_start_method() == "forkserver"
    with ProcessPoolExecutor(2, mp_context=ctx) as pool:
        frozen = pool.submit(gc.get_freeze_count).result()
        loaded = pool.submit(pipelines_loaded).result()  # the worker's first task: nothing analysed yet
    assert frozen > 0  # objects frozen before the fork (a spawned worker, or a fork without it: 0)
    assert loaded >= 1


def _timex_grammars_loaded() -> int:
    from cronicar.analyze.timex.rules import load

    return load.cache_info().currsize


def test_flow_ingest_workers_start_with_the_lazy_data_loaded() -> None:
    """The forkserver analyzed each parsed language's example sentence before forking, so a worker's
    first task finds the data every stage loads on first use (here the time grammar) already loaded:
    shared copy-on-write, not loaded again in each worker."""
    from cronicar.flow.workers import ProcessPoolExecutor, worker_context

    with ProcessPoolExecutor(1, mp_context=worker_context()) as pool:
        assert pool.submit(_timex_grammars_loaded).result() >= 1


@pytest.mark.parametrize("window", [1, 8], ids=["consecutive-windows", "one-window"])
def test_flow_ingest_repeat_read_ahead_keeps_later_title_as_jobs_1(examples: Path, tmp_path: Path,
                                                                  window: int) -> None:
    """One text under two titles: the later title wins whether or not the reader ran ahead of the
    writer (workers read windows ahead; --jobs 1 never does) and whether the two copies fall in
    one window or two (`ingest --annotations`, which has no windows, keeps the later one too)."""
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace

    seed = [a for a in read_paths([examples]) if isinstance(a, Article)]
    first, other = seed[0], seed[1]
    again = replace(first, title="Același text, alt titlu")
    titles = {}
    for way in ("jobs1", "read-ahead"):
        with Store(tmp_path / f"{way}.db") as store:
            if way == "jobs1":
                ingest(store, [first, other, again], window=window)
            else:  # up to 6 one-article windows analysed before the first is written
                with ThreadPoolExecutor(2) as pool:
                    ingest(store, [first, other, again], window=window, jobs=2, executor=pool)
            titles[way] = store.conn.execute("SELECT title FROM articles WHERE id=?", (first.id,)).fetchone()[0]
    assert titles["jobs1"] == again.title
    assert titles["read-ahead"] == titles["jobs1"]


def test_flow_ingest_warms_the_linker_while_the_analysis_runs_elsewhere(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With the analysis elsewhere (workers, Spark's executors), the linker's data loads in a
    thread once the second window is read, before anything is linked; the store is the same."""
    from concurrent.futures import ThreadPoolExecutor

    import cronicar.flow as flow
    from cronicar.model import DocDate

    texts = [("2024-11-01", "Ministrul de externe nord-coreean Choe Son Hui a sosit la Moscova pentru discuții."),
             ("2024-11-15", "Choe Son Hui s-a întâlnit la Moscova cu Serghei Lavrov, ministrul rus de externe."),
             ("2024-11-29", "Choe Son Hui a declarat vineri că Phenianul va sprijini Rusia până la victorie.")]
    arts = [Article(text=t, date=DocDate.parse(d), lang="ro", source="t") for d, t in texts]
    real, seen = flow._start_warm, []
    with Store(tmp_path / "warm.db") as store:
        def start(langs):  # type: ignore[no-untyped-def]
            seen.append((sorted(langs), store.count("articles")))
            return real(langs)

        monkeypatch.setattr(flow, "_start_warm", start)
        with ThreadPoolExecutor(1) as pool:
            ingest(store, iter(arts), window=1, executor=pool)
    assert seen == [(["ro"], 0)]  # once, before the first article was stored
    with Store(tmp_path / "plain.db") as store:
        ingest(store, iter(arts), window=1)
    assert seen == [(["ro"], 0)]  # --jobs 1 analyses in this process: nothing to overlap
    sql = "SELECT id, story_id, text FROM articles ORDER BY rowid"
    assert _table(tmp_path / "warm.db", sql) == _table(tmp_path / "plain.db", sql)
