"""The source's overview of offered administrations: search, status filter, newest first."""

from __future__ import annotations

import strawberry

from api.context import Context
from api.pagination import Connection
from api.resolvers.overview import overview_page, search_filter, status_filter
from api.schema.enums import MigrationStatusEnum
from api.schema.migration import MigrationAdministrationType
from models import MigrationItem
from models.enums import MigrationStatus


async def resolve_offered_administrations(
    info: strawberry.Info,
    search: str | None = None,
    status: MigrationStatusEnum | None = None,  # type: ignore[valid-type]
    first: int | None = None,
    after: str | None = None,
) -> Connection[MigrationAdministrationType]:
    """Every administration this environment offered, one row each, newest first."""
    ctx: Context = info.context
    ctx.require_superuser()
    now = ctx.clock.now()
    query = MigrationItem.filter(source_environment_id=ctx.environment_id)
    if status is not None:
        query = query.filter(status_filter(MigrationStatus(status), now))
    if search and search.strip():
        query = query.filter(search_filter(search.strip(), now, include_transfer_code=True))
    return await overview_page(ctx, query, first, after)
