"""The profile's breakdown charges samples to layers and leaves out threads that only wait."""

from __future__ import annotations

from benchmarks.profile_breakdown import IDLE, LEFT_OUT, breakdown


def test_waiting_threads_are_left_out_and_plain_fields_are_execution() -> None:
    stacks = [
        "_bootstrap (threading.py:1002);DaemonThreads._run (overdracht/filestore.py:166) 7",
        "run (asyncio/runners.py:190);Runner.run (asyncio/runners.py:118) 3",
        "run (asyncio/runners.py:190);execute_field (api/plain_fields.py:120) 2",
        "run (asyncio/runners.py:190);DaemonThreads._run (overdracht/filestore.py:171);"
        "read (overdracht/filestore.py:90) 1",
    ]
    samples = breakdown(stacks)
    assert samples[IDLE] == 7
    assert samples[LEFT_OUT] == 3
    assert samples["graphql-core: execution (fields resolved, values completed)"] == 2
    # A worker thread doing work is charged to what it does.
    assert samples["resolver: query, page, nodes (api/, models/)"] == 1
