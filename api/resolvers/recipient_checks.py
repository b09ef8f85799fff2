"""The office's own recipient lookups, so its superusers can see someone probing addresses."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.pagination import BigInt, Connection, Order, paginate
from api.permissions import Sight
from api.schema.recipient_check import RecipientCheckRecord
from models import RecipientCheck

NEWEST_FIRST = Order(("-at", datetime), ("-id", BigInt))


async def resolve_recipient_checks(
    info: strawberry.Info, first: int | None = None, after: str | None = None
) -> Connection[RecipientCheckRecord]:
    """Every address looked up from the viewer's environment, newest first; no other office's."""
    ctx = info.context
    ctx.require(Sight.RECIPIENT_CHECKS)
    return await paginate(
        RecipientCheck.filter(environment_id=ctx.environment_id),
        order=NEWEST_FIRST,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
        to_node=RecipientCheckRecord.from_model,
    )
