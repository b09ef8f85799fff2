"""One offer by its ID, for the superusers of the environments involved."""

from __future__ import annotations

import strawberry
from tortoise.expressions import Q

from api.context import Context
from api.ids import decode_global_id
from api.permissions import Sight
from api.schema.migration import MigrationType
from models import Migration, MigrationAdministration
from models.actions import Action, is_party


def involved(environment_id: int) -> Q:
    """An offer is visible to its source and to the environment that received from it."""
    return Q(source_environment_id=environment_id) | Q(target_environment_id=environment_id)


async def own_offer(raw_id: str, environment_id: int) -> Migration | None:
    """An offer the environment made, by its global ID; None for anyone else's or a bad ID."""
    pk = decode_global_id(raw_id, "Migration")
    migration = await Migration.get_or_none(pk=pk) if pk else None
    return migration if migration and migration.is_offered_by(environment_id) else None


async def item_of_involved_environment(
    pk: int | None, environment_id: int
) -> MigrationAdministration | None:
    """One administration of an offer, if the environment offered or received it."""
    item = (
        await MigrationAdministration.get_or_none(pk=pk).select_related("migration") if pk else None
    )
    return item if item is not None and item.migration.involves(environment_id) else None


async def item_to_act_on(
    ctx: Context, raw_id: str, action: Action
) -> tuple[Migration, MigrationAdministration] | None:
    """One administration by its global ID, if it is the viewer's to take this action on.

    None for another's, one that does not exist and a bad ID alike: nothing is told about it.
    """
    pk = decode_global_id(raw_id, "MigrationAdministration")
    item = (
        await MigrationAdministration.get_or_none(pk=pk).select_related("migration") if pk else None
    )
    if item is None:
        return None
    actor = await ctx.actor(item.migration)
    return (item.migration, item) if is_party(action, actor, item.migration, item) else None


async def resolve_migration(info: strawberry.Info, id: strawberry.ID) -> MigrationType | None:
    """The offer with its administrations, statuses and audit trail; null if not yours."""
    ctx: Context = info.context
    ctx.require(Sight.MIGRATIONS)
    pk = decode_global_id(id, "Migration")
    migration = await Migration.filter(involved(ctx.environment_id), pk=pk).first() if pk else None
    return MigrationType.from_model(migration, ctx) if migration else None
