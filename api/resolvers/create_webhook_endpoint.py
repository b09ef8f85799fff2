"""A superuser registers a webhook endpoint for the office's events (rule 19)."""

from __future__ import annotations

import strawberry

from api.permissions import superusers_only
from api.schema.user_errors import UserError, user_error_of
from api.schema.webhooks import (
    CreateWebhookEndpointInput,
    CreateWebhookEndpointPayload,
    WebhookEndpointType,
)
from models.refusals import Refusal
from models.webhooks import (
    WebhookEndpoint,
    check_target,
    clean_events,
    endpoint_count_refusal,
    new_secret,
)


async def create_webhook_endpoint(
    info: strawberry.Info, input: CreateWebhookEndpointInput
) -> CreateWebhookEndpointPayload:
    """Check the target and the events, then store the endpoint; its secret is shown this once."""
    ctx = info.context
    if refusal := superusers_only(ctx.viewer, "register webhook endpoints"):
        return CreateWebhookEndpointPayload(user_errors=[user_error_of(refusal)])
    if refusal := await endpoint_count_refusal(ctx.environment_id):
        return CreateWebhookEndpointPayload(user_errors=[user_error_of(refusal)])
    url = input.url.strip()
    errors: list[UserError] = []
    if (refused := await check_target(url, ctx.settings)) is not None:
        errors.append(user_error_of(refused))
    events = clean_events([event.value for event in input.events])
    if isinstance(events, Refusal):
        errors.append(user_error_of(events))
    if errors or isinstance(events, Refusal):
        return CreateWebhookEndpointPayload(user_errors=errors)
    now = ctx.clock.now()
    secret = new_secret()
    endpoint = await WebhookEndpoint.create(
        environment_id=ctx.environment_id,
        url=url,
        events=events,
        secret=secret,
        created_at=now,
        updated_at=now,
    )
    return CreateWebhookEndpointPayload(
        webhook_endpoint=WebhookEndpointType.from_model(endpoint), secret=secret
    )
