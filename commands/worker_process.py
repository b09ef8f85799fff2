"""`overdracht worker`: the background work (mail, moves, file checks, offer expiry, webhooks)
in a process that loads only that.

The command line loads every command with the API's schema and the HTTP server, 23 MB a worker
never uses; `overdracht worker` hands its process over to this module (`python -m
commands.worker_process`), so a worker starts from what a move needs.
"""

from __future__ import annotations

import asyncio

from commands.process import (
    checked_settings,
    end_process,
    refuse_wrong_file_store,
    run_with_database,
    stop_on_signals,
)
from overdracht.clock import SystemClock
from overdracht.logs import configure_logging
from overdracht.settings import Settings
from worker.loops import background_loops


def run_worker(settings: Settings) -> int:
    """Run the background work until SIGINT or SIGTERM; 2 when the file store is not right."""
    # Before logging is set up, so a refusal is its one line and nothing else.
    refused = refuse_wrong_file_store(settings)
    if refused is not None:
        return refused
    configure_logging(settings.log_format)

    async def work() -> int:
        stop = asyncio.Event()
        stop_on_signals(stop)
        clock = SystemClock()
        print(
            f"Worker running; mail goes to {settings.smtp.host}:{settings.smtp.port}. "
            "Stop with Ctrl+C.",
            flush=True,
        )
        await asyncio.gather(*(run(settings, clock, stop) for run in background_loops().values()))
        return 0

    return run_with_database(settings, work)


def main() -> None:
    """The worker's process: its settings checked, then the work until it is told to stop."""
    end_process(run_worker(checked_settings()))


if __name__ == "__main__":
    main()
