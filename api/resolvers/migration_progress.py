"""Live progress of an offer's moves, for the superusers (and partners) of both sides."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from api.context import Context
from api.errors import PublicError
from api.loaders import Loaders
from api.permissions import Sight
from api.resolvers.migrations import involved
from api.schema.ids import decode_global_id
from api.schema.migration import MigrationType
from models import Migration, MigrationItem
from models.enums import MigrationStatus

ENDED = frozenset(
    {
        MigrationStatus.WITHDRAWN,
        MigrationStatus.EXPIRED,
        MigrationStatus.REJECTED,
        MigrationStatus.COMPLETED,
        MigrationStatus.FAILED,
    }
)


async def _state(migration_id: int, ctx: Context) -> tuple[tuple[Any, ...], bool]:
    """What subscribers see change: each item's status and progress; and whether all ended."""
    now = ctx.clock.now()
    items = await MigrationItem.filter(migration_id=migration_id).order_by("id")
    statuses = [item.effective_status(now) for item in items]
    snapshot = tuple(
        (item.pk, status, item.documents_done, item.documents_total)
        for item, status in zip(items, statuses, strict=True)
    )
    return snapshot, all(status in ENDED for status in statuses)


async def subscribe_migration_progress(
    info: strawberry.Info, migration_id: strawberry.ID
) -> AsyncGenerator[MigrationType, None]:
    """Send the offer whenever a status or progress changes, until every administration ended."""
    ctx: Context = info.context
    ctx.require(Sight.MIGRATIONS)
    pk = decode_global_id(migration_id, "Migration")
    migration = await Migration.filter(involved(ctx.environment_id), pk=pk).first() if pk else None
    if migration is None:
        raise PublicError("No such offer of or to your environment.", code="NOT_FOUND")
    last: tuple[Any, ...] | None = None
    while True:
        snapshot, ended = await _state(migration.pk, ctx)
        if snapshot != last:
            ctx.loaders = Loaders()  # fresh data for every message, never a cached page
            migration = await Migration.get(pk=migration.pk)
            yield MigrationType.from_model(migration, ctx)
            last = snapshot
        if ended:
            return
        await asyncio.sleep(ctx.settings.progress_poll_interval)
