"""A transaction whose BEGIN fails gives its pooled connection back.

Tortoise takes a connection from the pool and then sends BEGIN; when BEGIN fails (the server
terminated that connection, a failover), the error leaves the context manager's entry and its
exit never runs, so the connection is never returned. Each such fault shrank the pool by one for
good: after a few database restarts every transaction of the process waited for a connection
for ever (seen as moves hanging in the test suite after its database-fault tests). This wraps
the entry so that a failed BEGIN releases the connection and resets the connection context
before the error goes on. Applied once, on import, by `overdracht.db`.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Awaitable, Callable
from typing import Any

from tortoise.backends.base.client import TransactionContextPooled
from tortoise.connection import get_connections

_REPAIRED = "_overdracht_releases_on_failed_begin"


def release_on_failed_begin() -> None:
    """Wrap TransactionContextPooled.__aenter__ so a failed BEGIN returns its connection."""
    enter: Callable[[TransactionContextPooled], Awaitable[Any]] = (
        TransactionContextPooled.__aenter__
    )
    if getattr(enter, _REPAIRED, False):
        return

    @functools.wraps(enter)
    async def entering(self: TransactionContextPooled) -> Any:
        try:
            return await enter(self)
        except BaseException:
            connection = getattr(self.client, "_connection", None)
            pool = getattr(self.client._parent, "_pool", None)
            if connection is not None and pool is not None:
                with contextlib.suppress(Exception):
                    await pool.release(connection)
            token = getattr(self, "token", None)
            if token is not None:
                with contextlib.suppress(Exception):
                    get_connections().reset(token)
            raise

    setattr(entering, _REPAIRED, True)
    TransactionContextPooled.__aenter__ = entering  # type: ignore[method-assign]
