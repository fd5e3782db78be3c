"""How sub-batches are grouped into tasks: local workers take one each; Spark's costlier tasks
start small, grow, and share the input's end evenly among the workers, always in input order."""

from __future__ import annotations

import pytest

from cronicar.flow.workers import _task_groups


@pytest.mark.parametrize(("subs", "per_task", "jobs", "sizes"), [
    (5, 1, 2, [1, 1, 1, 1, 1]),  # local workers: one sub-batch a task, no look-ahead
    (0, 8, 2, []),
    (3, 8, 2, [1, 1, 1]),  # a small input: three workers' worth of one each
    (10, 4, 2, [1, 2, 4, 2, 1]),  # grows 1, 2, 4, then the last 3 are shared out
    (125, 8, 2, [1, 2, 4] + [8] * 13 + [7, 4, 2, 1]),  # 2,000 ZF articles: 20 Spark jobs, not 32
])
def test_flow_workers_task_groups_grow_then_share_the_end(subs: int, per_task: int, jobs: int,
                                                         sizes: list[int]) -> None:
    batches = [[f"article {i}"] for i in range(subs)]
    groups = list(_task_groups(iter(batches), per_task, jobs))
    assert [len(g) for g in groups] == sizes
    assert [b for g in groups for b in g] == batches  # every sub-batch once, in input order


def test_flow_workers_task_groups_read_one_round_ahead_only() -> None:
    """The first task is handed out after reading one round of tasks, not the whole input."""
    read: list[int] = []

    def source():
        for i in range(1000):
            read.append(i)
            yield [i]

    groups = _task_groups(source(), 8, 2)
    assert next(groups) == [[0]]
    assert len(read) <= 8 * 3 + 1
