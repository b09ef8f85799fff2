"""Telling a database that went away from every other error, and trying safe steps again.

A connection the server terminated, a pool that cannot connect, a connection left mid-operation:
these say nothing about the request, so a read may simply run again on a fresh connection, and
everything else is answered "unavailable, try again" instead of crashing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg
from tortoise.exceptions import DBConnectionError

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRIES = 2
FIRST_PAUSE = 0.05

_FAULTS: tuple[type[BaseException], ...] = (
    asyncpg.exceptions.InterfaceError,  # the connection is closed, or busy with another call
    asyncpg.exceptions.PostgresConnectionError,  # class 08: the connection failed
    asyncpg.exceptions.OperatorInterventionError,  # class 57: terminated, shutting down
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.InternalClientError,  # a connection left mid-operation by the fault
    DBConnectionError,
    ConnectionError,
)


def is_database_fault(error: BaseException | None) -> bool:
    """Whether this error, or one it was raised from, means the database is not reachable."""
    return any(
        isinstance(link, _FAULTS)
        or (isinstance(link, OSError) and not isinstance(link, FileNotFoundError))
        for link in _chain(error)
    )


def is_connection_lost(error: BaseException | None) -> bool:
    """Whether the driver or Tortoise itself reported the database gone, in this error or one
    it was raised from: for work that also reads files, where an OSError may be the store's."""
    return any(isinstance(link, _FAULTS) for link in _chain(error))


def _chain(error: BaseException | None) -> list[BaseException]:
    """An error and the ones it was raised from, each once."""
    links: list[BaseException] = []
    while error is not None and all(error is not link for link in links):
        links.append(error)
        error = error.__cause__ or error.__context__
    return links


async def retrying(step: Callable[[], Awaitable[T]], *, what: str) -> T:
    """Run a step that is safe to repeat; a database fault gets it a fresh connection or two."""
    for attempt in range(RETRIES + 1):
        try:
            return await step()
        except Exception as error:
            if attempt == RETRIES or not is_database_fault(error):
                raise
            log.warning("%s: the database went away (%s); trying again", what, error)
            await asyncio.sleep(FIRST_PAUSE * 2**attempt)
    raise AssertionError("unreachable")  # pragma: no cover
