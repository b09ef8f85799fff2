"""The office's webhook endpoints (rule 19), read by its superusers and read-only tokens."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.context import Context
from api.ids import decode_global_id
from api.pagination import Connection, Order, paginate
from api.permissions import Sight
from api.schema.webhooks import WebhookEndpointType
from models.webhooks import WebhookEndpoint

NEWEST_FIRST = Order(("-created_at", datetime), ("-id", int))


async def resolve_webhook_endpoints(
    info: strawberry.Info, first: int | None = None, after: str | None = None
) -> Connection[WebhookEndpointType]:
    """The office's endpoints, newest first, disabled ones included."""
    ctx = info.context
    ctx.require(Sight.WEBHOOKS)
    return await paginate(
        WebhookEndpoint.filter(environment_id=ctx.environment_id),
        order=NEWEST_FIRST,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
        to_node=WebhookEndpointType.from_model,
    )


async def endpoint_of_office(ctx: Context, endpoint_id: str) -> WebhookEndpoint | None:
    """The endpoint an ID names, if it is the viewer's office's; another's is not found."""
    pk = decode_global_id(endpoint_id, "WebhookEndpoint")
    if pk is None:
        return None
    return await WebhookEndpoint.get_or_none(pk=pk, environment_id=ctx.environment_id)
