"""A superuser changes an endpoint's URL or events, or disables or enables it (rule 19)."""

from __future__ import annotations

import strawberry

from api.permissions import superusers_only
from api.resolvers.webhook_endpoints import endpoint_of_office
from api.schema.user_errors import UserError, UserErrorCode, user_error, user_error_of
from api.schema.webhooks import (
    UpdateWebhookEndpointInput,
    UpdateWebhookEndpointPayload,
    WebhookEndpointType,
)
from models.refusals import Refusal
from models.webhooks import check_target, clean_events


async def update_webhook_endpoint(
    info: strawberry.Info, input: UpdateWebhookEndpointInput
) -> UpdateWebhookEndpointPayload:
    """Change what was sent, each part checked as at registration; enabling starts afresh."""
    ctx = info.context
    if refusal := superusers_only(ctx.viewer, "change webhook endpoints"):
        return UpdateWebhookEndpointPayload(user_errors=[user_error_of(refusal)])
    endpoint = await endpoint_of_office(ctx, input.webhook_endpoint_id)
    if endpoint is None:
        return UpdateWebhookEndpointPayload(
            user_errors=[
                user_error(
                    UserErrorCode.NOT_FOUND, "No such webhook endpoint.", "webhookEndpointId"
                )
            ]
        )
    errors: list[UserError] = []
    # Only the columns asked to change are written: a whole-row save would undo the worker
    # disabling the endpoint, or marking it failing, between this read and the write.
    changed = ["updated_at"]
    if input.url is not None:
        url = input.url.strip()
        if (refused := await check_target(url, ctx.settings)) is not None:
            errors.append(user_error_of(refused))
        endpoint.url = url
        changed.append("url")
    if input.events is not None:
        events = clean_events([event.value for event in input.events])
        if isinstance(events, Refusal):
            errors.append(user_error_of(events))
        else:
            endpoint.events = events
            changed.append("events")
    if errors:
        return UpdateWebhookEndpointPayload(user_errors=errors)
    if input.enabled is not None and input.enabled != endpoint.enabled:
        if input.enabled:
            endpoint.failing_since = None  # its failures so far were what disabled it
            changed.append("failing_since")
        endpoint.enabled = input.enabled
        changed.append("enabled")
    endpoint.updated_at = ctx.clock.now()
    await endpoint.save(update_fields=changed)
    return UpdateWebhookEndpointPayload(webhook_endpoint=WebhookEndpointType.from_model(endpoint))
