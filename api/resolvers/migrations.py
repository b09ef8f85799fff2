"""One offer by its ID, for the superusers of the environments involved."""

from __future__ import annotations

import strawberry
from tortoise.expressions import Q

from api.context import Context
from api.schema.ids import decode_global_id
from api.schema.migration import MigrationType
from models import Migration


def involved(environment_id: int) -> Q:
    """An offer is visible to its source and to the environment that received from it."""
    return Q(source_environment_id=environment_id) | Q(target_environment_id=environment_id)


async def resolve_migration(info: strawberry.Info, id: strawberry.ID) -> MigrationType | None:
    """The offer with its administrations, statuses and audit trail; null if not yours."""
    ctx: Context = info.context
    ctx.require_superuser()
    pk = decode_global_id(id, "Migration")
    migration = await Migration.filter(involved(ctx.environment_id), pk=pk).first() if pk else None
    return MigrationType.from_model(migration, ctx) if migration else None
