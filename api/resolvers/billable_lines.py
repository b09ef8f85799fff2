"""The receiving office's billable lines, newest first, so costs can be checked (rule 8)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.pagination import Connection, Order, paginate
from api.permissions import Sight
from api.schema.billing import BillableLineType
from models import BillableLine

NEWEST_FIRST = Order(("-created_at", datetime), ("-id", int))


async def resolve_billable_lines(
    info: strawberry.Info, first: int | None = None, after: str | None = None
) -> Connection[BillableLineType]:
    """Every charge to the viewer's environment, one per administration moved in."""
    ctx = info.context
    ctx.require(Sight.BILLING)
    return await paginate(
        BillableLine.filter(environment_id=ctx.environment_id).select_related("item"),
        order=NEWEST_FIRST,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
        to_node=BillableLineType.from_model,
    )
