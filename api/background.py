"""The background loops (mail, moves), run by the web app or alone by `overdracht worker`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from mail.dispatcher import dispatcher_loop
from mover.engine import mover_loop
from mover.scrubbing import scrub_loop
from overdracht.clock import Clock
from overdracht.settings import Settings

# A background loop runs until its stop event is set.
BackgroundLoop = Callable[[Settings, Clock, asyncio.Event], Coroutine[Any, Any, None]]


def background_loops() -> list[BackgroundLoop]:
    """Every loop the service runs in the background."""
    return [dispatcher_loop, mover_loop, scrub_loop]


@contextlib.asynccontextmanager
async def background_jobs(
    settings: Settings, clock: Clock
) -> AsyncIterator[dict[str, asyncio.Task[None]]]:
    """Run every background loop for the duration of the block, and stop them cleanly after.

    Yields the running loops by name, so readiness can tell whether each is still alive.
    """
    stop = asyncio.Event()
    tasks: dict[str, asyncio.Task[None]] = {
        loop.__name__.removesuffix("_loop"): asyncio.create_task(loop(settings, clock, stop))
        for loop in background_loops()
    }
    try:
        yield tasks
    finally:
        stop.set()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
