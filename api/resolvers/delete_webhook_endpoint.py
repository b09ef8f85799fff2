"""A superuser deletes an endpoint with its delivery log (rule 19)."""

from __future__ import annotations

import strawberry

from api.permissions import superusers_only
from api.resolvers.webhook_endpoints import endpoint_of_office
from api.schema.user_errors import UserErrorCode, user_error, user_error_of
from api.schema.webhooks import DeleteWebhookEndpointPayload, WebhookEndpointInput


async def delete_webhook_endpoint(
    info: strawberry.Info, input: WebhookEndpointInput
) -> DeleteWebhookEndpointPayload:
    """Delete the endpoint; what it had not yet been sent is not sent."""
    ctx = info.context
    if refusal := superusers_only(ctx.viewer, "delete webhook endpoints"):
        return DeleteWebhookEndpointPayload(user_errors=[user_error_of(refusal)])
    endpoint = await endpoint_of_office(ctx, input.webhook_endpoint_id)
    if endpoint is None:
        return DeleteWebhookEndpointPayload(
            user_errors=[
                user_error(
                    UserErrorCode.NOT_FOUND, "No such webhook endpoint.", "webhookEndpointId"
                )
            ]
        )
    await endpoint.delete()
    return DeleteWebhookEndpointPayload(deleted_webhook_endpoint_id=input.webhook_endpoint_id)
