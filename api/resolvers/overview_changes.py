"""One subscription for both overviews: every row of them that changes, as it is now.

A screen that shows the offered and the receivable administrations holds one socket and this
one subscription, whatever the number of moves running. The rows whose status changed in the
minute before it started come first, so a screen may load its lists and subscribe together.
The rows are read once per process for every subscriber (api/resolvers/overview_feed.py) and
shown to each as the overviews show them to that viewer: rendered once for all the subscribers
woken by the same news who see it alike (api/live_messages.py).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncGenerator

import strawberry

from api.context import Context
from api.live_messages import shared_node
from api.permissions import Sight
from api.schema.migration import MigrationAdministrationType
from models import MigrationAdministration


async def subscribe_overview_changes(
    info: strawberry.Info,
) -> AsyncGenerator[MigrationAdministrationType, None]:
    """Each row of the viewer's overviews that changed, for as long as the socket stays open."""
    ctx: Context = info.context
    ctx.require(Sight.MIGRATIONS)
    async with ctx.overviews.follow(ctx.environment_id) as follower:
        while True:
            for row, news in await follower.changes():
                # Rendered once for the subscribers woken by the same news who see it alike.
                yield shared_node(news, row.pk, ctx, functools.partial(_row_node, row))


def _row_node(row: MigrationAdministration, ctx: Context) -> MigrationAdministrationType:
    """The row as the overviews show it, rendered with loaders that know this read alone."""
    ctx.loaders.migration.prime(row.migration_id, row.migration)
    return MigrationAdministrationType.from_model(row, row.migration, ctx)
