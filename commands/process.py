"""What every command's process shares: settings checked before anything runs, a database
task that always closes its connections, the file store checked before work starts, signals
that end the work in hand, and an exit that waits for the output and nothing else.

Kept apart from the command line so that a worker's process (commands/worker_process.py) loads
what it runs and not the API beside it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Awaitable, Callable

from tortoise import Tortoise
from tortoise.exceptions import OperationalError

from commands.file_store_check import file_store_refusal
from models.guessing import refuse_guessable_settings
from overdracht.clock import SystemClock
from overdracht.db import open_database
from overdracht.settings import ConfigurationError, Settings, load_settings


def checked_settings() -> Settings:
    """The settings from the environment, or exit 2 with one line saying what is wrong."""
    try:
        settings = load_settings()
        refuse_guessable_settings(settings)
    except ConfigurationError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    return settings


def run_with_database(settings: Settings, work: Callable[[], Awaitable[int]]) -> int:
    """Run one database task and always close the connections, so the process can exit."""

    async def main() -> int:
        await open_database(settings.database_url)
        try:
            return await work()
        finally:
            await Tortoise.close_connections()

    return asyncio.run(main())


def refuse_wrong_file_store(settings: Settings) -> int | None:
    """Exit code 2 with one line when the configured file store is not where the files are."""

    async def work() -> int:
        refusal = await file_store_refusal(settings, SystemClock())
        if refusal is None:
            return 0
        print(f"error: {refusal}", file=sys.stderr)
        return 2

    try:
        code = run_with_database(settings, work)
    except (OperationalError, OSError) as error:
        print(
            f"error: could not check where the document files are ({first_line(error)}); "
            "is the database up and migrated (`overdracht migrate`)?",
            file=sys.stderr,
        )
        return 2
    return code or None


def first_line(error: BaseException) -> str:
    """An error's own words without what follows, fit for a one-line message."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def stop_on_signals(stop: asyncio.Event) -> None:
    """SIGINT and SIGTERM end the loops after the work in hand, instead of killing them."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)


def end_process(status: int) -> None:
    """End with `status` once the output is out, without the interpreter's finalization.

    The object store's client completes each call on a thread of its own runtime, which then
    waits for the interpreter's lock to hand over the result. A command whose last call to the
    store had just completed could finish while that thread still waited: finalization then
    ends the waiting thread in a way its runtime cannot survive, and the process aborted
    (SIGABRT) after its work was done and its answer printed, once in a few dozen refused starts
    on a busy machine. Every command has closed what it opened by now, so nothing is lost by
    skipping finalization; logs and the standard streams are flushed first.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
