"""The process every ``--jobs N`` worker is forked from: the analysis is loaded here once.

multiprocessing's forkserver imports this module (``set_forkserver_preload``) in a fresh
interpreter, which holds no SQLite connection and no threads, before it forks any worker.  The
spaCy pipeline and the analysis modules are loaded here, and each language's example sentence
(``meta.toml``) is analyzed once so the data every stage loads on first use (time grammars,
lexicons, gazetteers: ~100 MB and ~1.3 CPU-s for Romanian) is loaded here too, not in every worker;
then :func:`gc.freeze` moves every object
made so far out of the collector's reach: a forked worker reads the model weights (numpy buffers)
and these objects without writing to their pages, so the pages stay shared copy-on-write instead
of one copy per worker (a collection would write to each object header it visits, un-sharing the
page).  Worker memory is then what each adds while parsing (docs, activations), not the model.

Loading is best effort: if it fails here (a missing model), each worker loads lazily on its first
task and reports the error there, as a spawned worker would.
"""

from __future__ import annotations

import gc


def load() -> bool:
    """Load every installed pipeline and the analysis code; freeze what was made.  True if all loaded."""
    loaded = True
    try:
        import cronicar.analyze.pipeline  # noqa: F401  (the whole analysis)
        import cronicar.flow.workers  # noqa: F401  (the task function)
        from cronicar.analyze.nlp import get_nlp
        from cronicar.lang import languages

        for code, meta in languages().items():
            if meta.spacy_model:
                try:
                    get_nlp(code)
                    _warm_up(code)
                except Exception:  # noqa: BLE001  (a worker meets the same error on its first task, with its message)
                    loaded = False
    except Exception:  # noqa: BLE001
        loaded = False
    finally:
        gc.collect()
        gc.freeze()
    return loaded


def _warm_up(code: str) -> None:
    """Analyze the language's example sentence once: what it loads lazily is then loaded here."""
    from cronicar.analyze.pipeline import analyze
    from cronicar.lang import example
    from cronicar.model import DocDate

    text = example(code)
    if text:
        analyze(text, DocDate.parse("2025-01-06"), code)


def pipelines_loaded() -> int:
    """How many spaCy pipelines this process holds (in a fresh worker: those loaded before the fork)."""
    from cronicar.analyze.nlp import get_nlp

    return get_nlp.cache_info().currsize


LOADED = load()
