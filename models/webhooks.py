"""Webhooks (rule 19): an office's endpoints, and the events queued for them with each step.

An event is a delivery row written on the caller's transaction, like a mail in the outbox: a
step that rolls back leaves no event behind and a committed one always has its events. Each
office's endpoints get the event with only what that office may read (never a transfer code,
never the recipients' addresses to the receiving office); worker/webhooks.py signs and sends it.
"""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import json
import secrets
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tortoise import fields
from tortoise.models import Model

from models.offers import Migration, MigrationAdministration
from models.refusals import Refusal, RefusalCode
from overdracht.global_id import global_id
from overdracht.settings import Settings

if TYPE_CHECKING:
    from models.environment import Environment

# How long a secret replaced by rotation still signs deliveries beside the new one.
ROTATED_SECRET_HONOURED = timedelta(hours=24)
# What of a target's answer the delivery log keeps.
ANSWER_KEPT = 500
URL_MAX = 2048
# Endpoints one office may register: enough for its integrations, too few to fan an event out.
MAX_ENDPOINTS_PER_OFFICE = 10


class WebhookEventType(StrEnum):
    """What happened, by the name a delivery's `type` gives it."""

    MIGRATION_OFFERED = "migration.offered"
    MIGRATION_CLAIMED = "migration.claimed"
    MIGRATION_REJECTED = "migration.rejected"
    MIGRATION_WITHDRAWN = "migration.withdrawn"
    MIGRATION_EXPIRED = "migration.expired"
    MOVE_STARTED = "move.started"
    MOVE_COMPLETED = "move.completed"
    MOVE_FAILED = "move.failed"
    MAIL_REFUSED = "mail.refused"


class WebhookDeliveryStatus(StrEnum):
    """Where one delivery stands: waiting (again), being sent, acknowledged, or given up."""

    PENDING = "PENDING"
    SENDING = "SENDING"
    DELIVERED = "DELIVERED"
    GIVEN_UP = "GIVEN_UP"


class WebhookEndpoint(Model):
    """One URL an office's events are posted to, with the secret that signs them."""

    id = fields.IntField(primary_key=True)
    environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name="webhook_endpoints", on_delete=fields.CASCADE
    )
    environment_id: int
    url = fields.CharField(max_length=URL_MAX)
    events: fields.Field[list[str]] = fields.JSONField()
    secret = fields.CharField(max_length=80)
    # The secret rotation replaced, honoured until previous_secret_until.
    previous_secret = fields.CharField(max_length=80, null=True)
    previous_secret_until = fields.DatetimeField(null=True)
    enabled = fields.BooleanField(default=True)
    # Since when every delivery failed (None while the last one arrived); disables it in time.
    failing_since = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "webhook_endpoint"

    def signing_secrets(self, now: datetime) -> list[str]:
        """The secrets a delivery is signed with now: the current one, and a rotated one for
        its day of grace."""
        kept = [self.secret]
        if self.previous_secret and self.previous_secret_until and now < self.previous_secret_until:
            kept.append(self.previous_secret)
        return kept

    def subscribes_to(self, event: WebhookEventType) -> bool:
        """Whether this endpoint asked for this kind of event."""
        return event.value in self.events


class WebhookDelivery(Model):
    """One event for one endpoint and its delivery: the same id and body on every try."""

    id = fields.BigIntField(primary_key=True)
    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="deliveries", on_delete=fields.CASCADE
    )
    endpoint_id: int
    event_id = fields.CharField(max_length=64, unique=True)
    event_type = fields.CharEnumField(WebhookEventType, max_length=32)
    # The exact body posted, kept as text so every retry signs the same bytes.
    body = fields.TextField()
    status = fields.CharEnumField(
        WebhookDeliveryStatus, max_length=16, default=WebhookDeliveryStatus.PENDING
    )
    attempts = fields.IntField(default=0)
    next_try_at = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)
    last_tried_at = fields.DatetimeField(null=True)
    response_code = fields.IntField(null=True)
    response_text = fields.TextField(default="")
    created_at = fields.DatetimeField()
    # Since when it is tried: its creation, or a redelivery asked for; the retry period counts
    # from here.
    tried_since = fields.DatetimeField()
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhook_delivery"
        indexes = (("status", "next_try_at"), ("endpoint_id", "created_at"))


def new_secret() -> str:
    """A signing secret as the Standard Webhooks specification writes it: whsec_<base64>."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def new_event_id() -> str:
    """An event's id, the webhook-id header: unique, and the same on every retry."""
    return "msg_" + uuid.uuid4().hex


# -- targets -------------------------------------------------------------------------------------

# The clouds' metadata services: AWS and most others, AWS over IPv6, Azure's wire server.
_METADATA = frozenset(
    ipaddress.ip_address(address)
    for address in ("169.254.169.254", "fd00:ec2::254", "168.63.129.16")
)
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
# Teredo tunnels to an IPv4 address hidden in the IPv6 one; no target needs it, so none is public.
_TEREDO = ipaddress.ip_network("2001::/32")


def public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet: not loopback, private, link-local,
    shared (CGNAT), multicast, unspecified, reserved or a cloud's metadata service; an IPv6
    address wrapping an IPv4 one (mapped, 6to4) is as public as the one it wraps."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in _TEREDO:
            return False
        wrapped = address.ipv4_mapped or address.sixtofour
        if wrapped is not None:
            return public_address(wrapped)
    return not (
        address in _METADATA
        or address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_unspecified
        or address.is_reserved
        or (isinstance(address, ipaddress.IPv4Address) and address in _CGNAT)
        or not address.is_global
    )


def target_refusal(url: str, settings: Settings, path: str = "url") -> Refusal | None:
    """Rule 19's targets, by the URL's form: https:// with a host, unless private ones are
    allowed; an address written in the URL is checked here, a name after resolving it."""
    if len(url) > URL_MAX:
        return Refusal(RefusalCode.WEBHOOK_TARGET_REFUSED, "The URL is too long.", (path,))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it checks the port's form
    except ValueError:
        return Refusal(RefusalCode.WEBHOOK_TARGET_REFUSED, "This is not a URL.", (path,))
    allowed = {"https", "http"} if settings.webhook_allow_private_targets else {"https"}
    if parts.scheme not in allowed or not parts.hostname:
        return Refusal(
            RefusalCode.WEBHOOK_TARGET_REFUSED,
            "A webhook endpoint must be an https:// URL with a host name.",
            (path,),
        )
    if parts.username or parts.password:
        return Refusal(
            RefusalCode.WEBHOOK_TARGET_REFUSED, "A webhook URL holds no user or password.", (path,)
        )
    try:
        written = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return None
    return address_refusal([written], settings, path)


def address_refusal(
    addresses: Sequence[ipaddress.IPv4Address | ipaddress.IPv6Address],
    settings: Settings,
    path: str = "url",
) -> Refusal | None:
    """Rule 19's targets, by address: every address a name resolves to must be public."""
    if settings.webhook_allow_private_targets:
        return None
    if not addresses:
        return Refusal(RefusalCode.WEBHOOK_TARGET_REFUSED, "The host name has no address.", (path,))
    for address in addresses:
        if not public_address(address):
            return Refusal(
                RefusalCode.WEBHOOK_TARGET_REFUSED,
                f"The address {address} is not public; webhooks reach public addresses only.",
                (path,),
            )
    return None


async def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Every address a host name resolves to now (an address written out is itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, proto=6)
    except OSError:
        return []
    hosts = (str(info[4][0]).split("%")[0] for info in found)
    return list(dict.fromkeys(ipaddress.ip_address(host) for host in hosts))


async def check_target(url: str, settings: Settings, path: str = "url") -> Refusal | None:
    """The whole of rule 19's target check at registration: the form, then every address."""
    refusal = target_refusal(url, settings, path)
    if refusal is not None or settings.webhook_allow_private_targets:
        return refusal
    parts = urlsplit(url)
    assert parts.hostname is not None
    return address_refusal(await resolve(parts.hostname, parts.port or 443), settings, path)


async def endpoint_count_refusal(environment_id: int) -> Refusal | None:
    """An office registers at most MAX_ENDPOINTS_PER_OFFICE endpoints (TOO_MANY)."""
    if await WebhookEndpoint.filter(environment_id=environment_id).count() < (
        MAX_ENDPOINTS_PER_OFFICE
    ):
        return None
    return Refusal(
        RefusalCode.TOO_MANY,
        f"An office has at most {MAX_ENDPOINTS_PER_OFFICE} webhook endpoints; delete one first.",
    )


def clean_events(events: Sequence[str], path: str = "events") -> list[str] | Refusal:
    """The event types an endpoint asks for, each once in the order of the enum; none is
    refused (NO_WEBHOOK_EVENTS)."""
    asked = set(events)
    kept: list[str] = [str(event.value) for event in WebhookEventType if event.value in asked]
    if not kept:
        return Refusal(RefusalCode.NO_WEBHOOK_EVENTS, "Choose at least one event type.", (path,))
    return kept


# -- events --------------------------------------------------------------------------------------


def _side_data(
    migration: Migration,
    items: Sequence[MigrationAdministration],
    side: str,
    extra: dict[str, Any],
) -> dict[str, Any]:
    """What one office may read of an event: ids, statuses, names and counts, never a code."""
    return {
        "side": side,
        "migration": {
            "id": global_id("Migration", migration.pk),
            "package": migration.package.value,
            "expiresAt": migration.expires_at.isoformat(),
        },
        "administrations": [
            {
                "id": global_id("MigrationAdministration", item.pk),
                "name": item.administration_name,
                "code": item.administration_code,
                "status": item.status.value,
            }
            for item in items
        ],
        "count": len(items),
        **extra,
    }


async def queue_event(
    event: WebhookEventType,
    migration: Migration | int,
    items: Sequence[MigrationAdministration],
    now: datetime,
    *,
    source_extra: dict[str, Any] | None = None,
    target_extra: dict[str, Any] | None = None,
    target_environment_id: int | None = None,
    to_target: bool = True,
) -> int:
    """Queue one event for both offices' enabled endpoints that asked for it, on the caller's
    transaction; each office's data is its own. Returns how many deliveries were queued.

    The items are read again (once, and only when an endpoint listens), so the event shows
    the statuses the step just wrote.
    """
    if not items:
        return 0
    source_id = items[0].source_environment_id
    target_id = target_environment_id
    if target_id is None:
        target_id = next((i.target_environment_id for i in items if i.target_environment_id), None)
    if target_id is None and isinstance(migration, Migration):
        target_id = migration.target_environment_id
    wanted = {source_id: ("source", source_extra or {})}
    if to_target and target_id is not None and target_id != source_id:
        wanted[target_id] = ("target", target_extra or {})
    endpoints = [
        endpoint
        for endpoint in await WebhookEndpoint.filter(
            environment_id__in=list(wanted), enabled=True
        ).order_by("id")
        if endpoint.subscribes_to(event)
    ]
    if not endpoints:
        return 0
    if not isinstance(migration, Migration):
        migration = await Migration.get(pk=migration)
    fresh = await MigrationAdministration.filter(pk__in=[item.pk for item in items]).order_by("id")
    for endpoint in endpoints:
        side, extra = wanted[endpoint.environment_id]
        await queue_delivery(endpoint, event, _side_data(migration, fresh, side, extra), now)
    return len(endpoints)


async def queue_delivery(
    endpoint: WebhookEndpoint, event: WebhookEventType, data: dict[str, Any], now: datetime
) -> WebhookDelivery:
    """One event for one endpoint, due at once, its body fixed now."""
    body = json.dumps(
        {"type": event.value, "timestamp": now.isoformat(), "data": data},
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return await WebhookDelivery.create(
        endpoint_id=endpoint.pk,
        event_id=new_event_id(),
        event_type=event,
        body=body,
        status=WebhookDeliveryStatus.PENDING,
        next_try_at=now,
        created_at=now,
        tried_since=now,
    )
