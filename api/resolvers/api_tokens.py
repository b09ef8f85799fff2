"""The viewer's own tokens, so unused ones can be found and revoked."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.pagination import Connection, Order, paginate
from api.permissions import Sight
from api.schema.token import ApiTokenType
from models import ApiToken

NEWEST_FIRST = Order(("-created_at", datetime), ("-id", int))


async def resolve_api_tokens(
    info: strawberry.Info, first: int | None = None, after: str | None = None
) -> Connection[ApiTokenType]:
    """The viewer's tokens, newest first, revoked ones included."""
    ctx = info.context
    ctx.require(Sight.API_TOKENS)
    return await paginate(
        ApiToken.filter(user_id=ctx.viewer.pk),
        order=NEWEST_FIRST,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
        to_node=ApiTokenType.from_model,
    )
