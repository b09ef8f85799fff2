"""One subscription for both overviews: every row of them that changes, as it is now.

A screen that shows the offered and the receivable administrations holds one socket and this
one subscription, whatever the number of moves running. The rows whose status changed in the
minute before it started come first, so a screen may load its lists and subscribe together.
The rows are read once per process for every subscriber (api/resolvers/overview_feed.py) and
shown to each as the overviews show them to that viewer.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from api.context import Context
from api.loaders import Loaders
from api.permissions import Sight
from api.schema.migration import MigrationAdministrationType


async def subscribe_overview_changes(
    info: strawberry.Info,
) -> AsyncGenerator[MigrationAdministrationType, None]:
    """Each row of the viewer's overviews that changed, for as long as the socket stays open."""
    ctx: Context = info.context
    ctx.require(Sight.MIGRATIONS)
    async with ctx.overviews.follow(ctx.environment_id) as follower:
        while True:
            for row in await follower.changes():
                ctx.loaders = Loaders()  # fresh data for every message, never a cached page
                ctx.loaders.migration.prime(row.migration_id, row.migration)
                yield MigrationAdministrationType.from_model(row, row.migration, ctx)
