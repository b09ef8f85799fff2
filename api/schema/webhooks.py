"""Webhook endpoints and their delivery log as the office's superusers and partners read them;
the signing secret only in the payload that made or rotated it."""

from __future__ import annotations

from datetime import datetime
from typing import Self, TypeAlias

import strawberry
from strawberry import relay

from api.list_limits import MAX_ITEMS, limited_list
from api.loaders import DELIVERIES_NEWEST_FIRST
from api.pagination import Connection, Page, page_size
from api.schema.user_errors import UserError
from models.webhooks import (
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookEndpoint,
    WebhookEventType,
)

WebhookEventTypeEnum: TypeAlias = WebhookEventType
WebhookDeliveryStatusEnum: TypeAlias = WebhookDeliveryStatus
strawberry.enum(
    WebhookEventTypeEnum,
    name="WebhookEventType",
    description=(
        "What happened; a delivery's `type` is the lower-case name with a dot, such as "
        "`migration.offered` for MIGRATION_OFFERED."
    ),
)
strawberry.enum(WebhookDeliveryStatusEnum, name="WebhookDeliveryStatus")


@strawberry.type(name="WebhookDelivery")
class WebhookDeliveryType(relay.Node):
    """One event for one endpoint: the same event id on every try, and what the target said."""

    id: relay.NodeID[int]
    event_id: str = strawberry.field(description="The `webhook-id` header, the same on retries.")
    event_type: WebhookEventTypeEnum
    status: WebhookDeliveryStatusEnum
    created_at: datetime = strawberry.field(description="When the event happened.")
    attempts: int
    last_tried_at: datetime | None
    response_code: int | None = strawberry.field(
        description="The target's HTTP status at the last try; null: no answer."
    )
    response_text: str = strawberry.field(
        description="The start of the last answer, or why there was none."
    )
    next_try_at: datetime | None = strawberry.field(
        description="When it is tried again; null once delivered or given up."
    )
    delivered_at: datetime | None

    @classmethod
    def from_model(cls, row: WebhookDelivery) -> Self:
        waiting = row.status in (WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.SENDING)
        return cls(
            id=row.pk,
            event_id=row.event_id,
            event_type=row.event_type,
            status=row.status,
            created_at=row.created_at,
            attempts=row.attempts,
            last_tried_at=row.last_tried_at,
            response_code=row.response_code,
            response_text=row.response_text,
            next_try_at=row.next_try_at if waiting else None,
            delivered_at=row.delivered_at,
        )


@strawberry.type(name="WebhookEndpoint")
class WebhookEndpointType(relay.Node):
    """A URL the office's events are posted to, signed; never its secret."""

    id: relay.NodeID[int]
    url: str
    events: list[WebhookEventTypeEnum]
    enabled: bool
    failing_since: datetime | None = strawberry.field(
        description="Since when every delivery failed; null while the last one arrived."
    )
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, endpoint: WebhookEndpoint) -> Self:
        return cls(
            id=endpoint.pk,
            url=endpoint.url,
            events=[WebhookEventType(event) for event in endpoint.events],
            enabled=endpoint.enabled,
            failing_since=endpoint.failing_since,
            created_at=endpoint.created_at,
            updated_at=endpoint.updated_at,
        )

    @strawberry.field(description="The delivery log of this endpoint, newest first.")
    async def deliveries(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[WebhookDeliveryType]:
        limit = page_size(first, info.context.settings.max_page_size)
        if after is not None:
            DELIVERIES_NEWEST_FIRST.read_cursor(after)  # a bad cursor is this field's error only
        page: Page[WebhookDelivery] = await info.context.loaders.delivery_page.load(
            (self.id, limit, after)
        )
        return page.connection([WebhookDeliveryType.from_model(row) for row in page.rows])


EVENT_TYPES = len(WebhookEventType)


@strawberry.input
class CreateWebhookEndpointInput:
    """Where to post and which events."""

    url: str = strawberry.field(
        description="https:// on a public address (unless the installation allows private ones)."
    )
    events: list[WebhookEventTypeEnum] = limited_list(
        at_most=EVENT_TYPES, description="The event types to post; at least one."
    )


@strawberry.type
class CreateWebhookEndpointPayload:
    """The new endpoint and its signing secret, which is never shown again."""

    webhook_endpoint: WebhookEndpointType | None = None
    secret: str | None = strawberry.field(
        default=None, description="whsec_<base64>: verify deliveries with it; shown only here."
    )
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class UpdateWebhookEndpointInput:
    """What to change of an endpoint; what is left out stays as it is."""

    webhook_endpoint_id: strawberry.ID
    url: str | None = None
    events: list[WebhookEventTypeEnum] | None = strawberry.field(
        default=None,
        description=f"The event types to post, replacing them. At most {EVENT_TYPES} items.",
        metadata={MAX_ITEMS: EVENT_TYPES},
    )
    enabled: bool | None = strawberry.field(
        default=None, description="false stops deliveries; true starts them again."
    )


@strawberry.type
class UpdateWebhookEndpointPayload:
    """The endpoint as it is now."""

    webhook_endpoint: WebhookEndpointType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class WebhookEndpointInput:
    """Which endpoint of the office."""

    webhook_endpoint_id: strawberry.ID


@strawberry.type
class DeleteWebhookEndpointPayload:
    """The ID of the endpoint deleted, with its delivery log."""

    deleted_webhook_endpoint_id: strawberry.ID | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RotateWebhookEndpointSecretPayload:
    """The new secret, shown only here; the old one still signs for 24 hours."""

    webhook_endpoint: WebhookEndpointType | None = None
    secret: str | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RedeliverWebhookEventInput:
    """Which delivery of the log to send again, with the same event id."""

    delivery_id: strawberry.ID


@strawberry.type
class RedeliverWebhookEventPayload:
    """The delivery, waiting to be sent again."""

    delivery: WebhookDeliveryType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)
