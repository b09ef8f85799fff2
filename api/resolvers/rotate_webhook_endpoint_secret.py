"""A superuser rotates an endpoint's signing secret; the old one is honoured for a day."""

from __future__ import annotations

import strawberry

from api.permissions import superusers_only
from api.resolvers.webhook_endpoints import endpoint_of_office
from api.schema.user_errors import UserErrorCode, user_error, user_error_of
from api.schema.webhooks import (
    RotateWebhookEndpointSecretPayload,
    WebhookEndpointInput,
    WebhookEndpointType,
)
from models.webhooks import ROTATED_SECRET_HONOURED, new_secret


async def rotate_webhook_endpoint_secret(
    info: strawberry.Info, input: WebhookEndpointInput
) -> RotateWebhookEndpointSecretPayload:
    """A new secret, shown this once; deliveries carry both signatures for 24 hours."""
    ctx = info.context
    if refusal := superusers_only(ctx.viewer, "rotate webhook secrets"):
        return RotateWebhookEndpointSecretPayload(user_errors=[user_error_of(refusal)])
    endpoint = await endpoint_of_office(ctx, input.webhook_endpoint_id)
    if endpoint is None:
        return RotateWebhookEndpointSecretPayload(
            user_errors=[
                user_error(
                    UserErrorCode.NOT_FOUND, "No such webhook endpoint.", "webhookEndpointId"
                )
            ]
        )
    now = ctx.clock.now()
    secret = new_secret()
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_until = now + ROTATED_SECRET_HONOURED
    endpoint.secret = secret
    endpoint.updated_at = now
    # Only what rotation changes: a whole-row save would undo the worker disabling it meanwhile.
    await endpoint.save(
        update_fields=["previous_secret", "previous_secret_until", "secret", "updated_at"]
    )
    return RotateWebhookEndpointSecretPayload(
        webhook_endpoint=WebhookEndpointType.from_model(endpoint), secret=secret
    )
