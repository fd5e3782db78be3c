"""PySpark's worker daemon, with the analysis loaded before it forks any worker.

Spark starts its Python workers by forking them from a daemon process (``pyspark.daemon``); with
``spark.python.daemon.module=cronicar.flow.spark_daemon`` (set by :func:`cronicar.flow.spark.session`)
the daemon first loads the spaCy pipeline and freezes it (:mod:`cronicar.flow.zygote`), so the
workers of an executor share the model copy-on-write and none loads it again.  Everything else is
PySpark's own daemon.
"""

from __future__ import annotations

import cronicar.flow.zygote  # noqa: F401  (loads the analysis on import)

if __name__ == "__main__":
    from pyspark.daemon import manager

    manager()
