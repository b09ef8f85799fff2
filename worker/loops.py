"""The background loops, run by `overdracht worker` or inside `overdracht serve`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from overdracht.clock import Clock
from overdracht.settings import Settings
from worker.dispatcher import dispatcher_loop
from worker.expiry import expiry_loop
from worker.mover import mover_loop
from worker.scrubbing import scrub_loop
from worker.webhooks import webhook_loop

# A background loop runs until its stop event is set.
BackgroundLoop = Callable[[Settings, Clock, asyncio.Event], Coroutine[Any, Any, None]]


def background_loops() -> dict[str, BackgroundLoop]:
    """Every loop the service runs in the background, by the name readiness shows it under."""
    return {
        "dispatcher": dispatcher_loop,
        "mover": mover_loop,
        "scrub": scrub_loop,
        "expiry": expiry_loop,
        "webhooks": webhook_loop,
    }


@contextlib.asynccontextmanager
async def background_jobs(
    settings: Settings, clock: Clock
) -> AsyncIterator[dict[str, asyncio.Task[None]]]:
    """Run every background loop for the duration of the block, and stop them cleanly after.

    Yields the running loops by name, so readiness can tell whether each is still alive.
    """
    stop = asyncio.Event()
    tasks: dict[str, asyncio.Task[None]] = {
        name: asyncio.create_task(loop(settings, clock, stop))
        for name, loop in background_loops().items()
    }
    try:
        yield tasks
    finally:
        stop.set()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
