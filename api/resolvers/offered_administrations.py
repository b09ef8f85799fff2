"""The source's overview of offered administrations: search, status filter, newest first."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import strawberry
from tortoise.expressions import Q

from api.context import Context
from api.permissions import Sight
from api.resolvers.overview import overview_page, search_filter
from api.schema.enums import MigrationStatusEnum
from api.schema.overview import MigrationAdministrationOverview, OverviewOrder
from models import MigrationItem
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
        MigrationItem.filter(source_environment_id=ctx.environment_id),
        status=MigrationStatus(status) if status is not None else None,
        search=search,
        search_with=offered_search,
        order=order_by,
        first=first,
        after=after,
    )


def offered_search(term: str, now: datetime, zone: ZoneInfo) -> Q:
    """The shared search, the transfer code included: the source may see its own codes."""
    return search_filter(term, now, zone, include_transfer_code=True)
