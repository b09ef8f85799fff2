"""A superuser asks for an event of the delivery log to be sent again (rule 19)."""

from __future__ import annotations

import strawberry

from api.ids import decode_global_id
from api.permissions import superusers_only
from api.schema.user_errors import UserErrorCode, user_error, user_error_of
from api.schema.webhooks import (
    RedeliverWebhookEventInput,
    RedeliverWebhookEventPayload,
    WebhookDeliveryType,
)
from models.webhooks import WebhookDelivery, WebhookDeliveryStatus


async def redeliver_webhook_event(
    info: strawberry.Info, input: RedeliverWebhookEventInput
) -> RedeliverWebhookEventPayload:
    """Due again at once with the same event id and body, tried for a new retry period."""
    ctx = info.context
    if refusal := superusers_only(ctx.viewer, "redeliver webhook events"):
        return RedeliverWebhookEventPayload(user_errors=[user_error_of(refusal)])
    pk = decode_global_id(input.delivery_id, "WebhookDelivery")
    found = WebhookDelivery.filter(pk=pk, endpoint__environment_id=ctx.environment_id)
    delivery = await found.first() if pk is not None else None
    if delivery is None:
        return RedeliverWebhookEventPayload(
            user_errors=[user_error(UserErrorCode.NOT_FOUND, "No such delivery.", "deliveryId")]
        )
    now = ctx.clock.now()
    # A try in flight keeps its lease and records its own outcome; any other is due now.
    await WebhookDelivery.filter(pk=delivery.pk, status=WebhookDeliveryStatus.SENDING).update(
        tried_since=now
    )
    await (
        WebhookDelivery.filter(pk=delivery.pk)
        .exclude(status=WebhookDeliveryStatus.SENDING)
        .update(status=WebhookDeliveryStatus.PENDING, next_try_at=now, tried_since=now)
    )
    await delivery.refresh_from_db()
    return RedeliverWebhookEventPayload(delivery=WebhookDeliveryType.from_model(delivery))
