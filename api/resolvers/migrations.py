"""One offer by its ID, for the superusers of the environments involved."""

from __future__ import annotations

import strawberry
from tortoise.expressions import Q

from api.context import Context
from api.permissions import Sight
from api.schema.ids import decode_global_id
from api.schema.migration import MigrationType
from models import Migration, MigrationItem


def involved(environment_id: int) -> Q:
    """An offer is visible to its source and to the environment that received from it."""
    return Q(source_environment_id=environment_id) | Q(target_environment_id=environment_id)


async def own_offer(raw_id: str, environment_id: int) -> Migration | None:
    """An offer the environment made, by its global ID; None for anyone else's or a bad ID."""
    pk = decode_global_id(raw_id, "Migration")
    return await Migration.get_or_none(pk=pk, source_environment_id=environment_id) if pk else None


async def item_of_involved_environment(pk: int | None, environment_id: int) -> MigrationItem | None:
    """One administration of an offer, if the environment offered or received it."""
    item = await MigrationItem.get_or_none(pk=pk).select_related("migration") if pk else None
    if item is None:
        return None
    migration = item.migration
    if environment_id in (migration.source_environment_id, migration.target_environment_id):
        return item
    return None


async def resolve_migration(info: strawberry.Info, id: strawberry.ID) -> MigrationType | None:
    """The offer with its administrations, statuses and audit trail; null if not yours."""
    ctx: Context = info.context
    ctx.require(Sight.MIGRATIONS)
    pk = decode_global_id(id, "Migration")
    migration = await Migration.filter(involved(ctx.environment_id), pk=pk).first() if pk else None
    return MigrationType.from_model(migration, ctx) if migration else None
