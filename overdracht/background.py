"""The background loops (mail delivery, moves), for `overdracht worker` and the web app."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from overdracht.clock import Clock
from overdracht.settings import Settings

# A background loop runs until its stop event is set.
BackgroundLoop = Callable[[Settings, Clock, asyncio.Event], Awaitable[None]]


def background_loops() -> list[BackgroundLoop]:
    """Every loop the service runs in the background."""
    from mail.dispatcher import dispatcher_loop
    from mover.engine import mover_loop

    return [dispatcher_loop, mover_loop]


@contextlib.asynccontextmanager
async def background_jobs(settings: Settings, clock: Clock) -> AsyncIterator[None]:
    """Run every background loop for the duration of the block, and stop them cleanly after."""
    stop = asyncio.Event()
    tasks = [asyncio.create_task(loop(settings, clock, stop)) for loop in background_loops()]
    try:
        yield
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
