"""The source's overview of offered administrations: search, status filter, newest first."""

from __future__ import annotations

import strawberry

from api.context import Context
from api.pagination import Shaped
from api.permissions import Listing, Sight
from api.resolvers.overview import overview_page
from api.schema.enums import MigrationStatusEnum
from api.schema.overview import MigrationAdministrationOverview, OverviewOrder
from models import MigrationAdministration
from models.enums import MigrationStatus


async def resolve_offered_administrations(
    info: strawberry.Info,
    search: str | None = None,
    status: MigrationStatusEnum | None = None,
    order_by: OverviewOrder | None = None,
    first: int | None = None,
    after: str | None = None,
) -> MigrationAdministrationOverview:
    """Every administration this environment offered, one row each, newest first."""
    ctx: Context = info.context
    ctx.require(Sight.MIGRATIONS)
    return await overview_page(
        info,
        Shaped(
            MigrationAdministration,
            "offered by",
            {"environment": ctx.environment_id},
            lambda v: MigrationAdministration.filter(source_environment_id=v["environment"]),
        ),
        listing=Listing.OFFERED,
        status=MigrationStatus(status) if status is not None else None,
        search=search,
        order=order_by,
        first=first,
        after=after,
    )
