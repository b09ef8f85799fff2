"""Webhook deliveries as a queue (rule 19): signed POSTs, at least once, backing off for days.

A sender takes due deliveries under a short lease like the mail dispatcher, resolves the
endpoint's host again and checks every address before it connects (to the address it checked,
so a name that changes between the check and the connection cannot lead elsewhere), posts the
event's fixed body signed as the Standard Webhooks specification says, and never follows a
redirect. The whole try has one deadline, so a target that hangs holds a worker no longer.
An answer in the 2xx range acknowledges the event; anything else is tried again with the same
id after 30 s, doubling up to 6 h, until the retry period ends and the delivery is given up.
An endpoint that failed every delivery for the disable period is disabled and its office's
superusers are told by mail.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import ipaddress
import logging
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import httpx
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from models.enums import Role
from models.environment import Environment
from models.notices.webhook import EndpointDisabledMail
from models.user import User
from models.webhooks import (
    ANSWER_KEPT,
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookEndpoint,
    address_refusal,
    resolve,
    target_refusal,
)
from overdracht.clock import Clock
from overdracht.db import is_postgres
from overdracht.settings import Settings
from worker.runner import LeasedQueue

D = WebhookDeliveryStatus
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=6)


def sign(secret: str, event_id: str, timestamp: int, body: str) -> str:
    """One `webhook-signature` entry: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{event_id}.{timestamp}.{body}".encode()
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def signature_header(secrets: list[str], event_id: str, timestamp: int, body: str) -> str:
    """Every secret honoured now signs, space-separated, so a rotated one verifies for a day."""
    return " ".join(sign(secret, event_id, timestamp, body) for secret in secrets)


def next_try(attempts: int) -> timedelta:
    """The back-off after the n-th failed try: 30 s, doubling, at most 6 h."""
    wait: timedelta = FIRST_RETRY * 2 ** min(max(attempts - 1, 0), 20)
    return min(wait, LONGEST_RETRY)


@dataclass(frozen=True)
class Answer:
    """What one try came to: the target's status code and the start of its answer, or why not."""

    code: int | None
    text: str

    @property
    def acknowledged(self) -> bool:
        """Only a 2xx acknowledges; a redirect is not followed and counts as a failure."""
        return self.code is not None and 200 <= self.code < 300


def due(now: datetime) -> Q:
    """Deliveries to try now: waiting ones whose time came, and ones whose lease ran out."""
    waiting = Q(status=D.PENDING)
    abandoned = Q(status=D.SENDING) & (Q(locked_until__lte=now) | Q(locked_until__isnull=True))
    return Q(next_try_at__lte=now) & (waiting | abandoned) & Q(endpoint__enabled=True)


class WebhookSender(LeasedQueue[WebhookDelivery, WebhookDeliveryStatus]):
    """Posts due webhook deliveries; any number may run side by side on PostgreSQL."""

    log = logging.getLogger("worker.webhooks")
    work_name = "webhook sender"

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        *,
        batch_size: int = 20,
        interval: float = 1.0,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.settings = settings
        # The certificates trusted: the system's; a test's own authority in tests.
        self.verify = verify
        self.clock = clock
        self.batch_size = batch_size
        self.idle_pause = self.error_pause = interval
        # The lease outlasts the try's deadline, so no other worker takes a try in flight.
        self.lease_length = settings.webhook_timeout + timedelta(seconds=15)

    async def take(self) -> list[WebhookDelivery]:
        """Up to batch_size due deliveries, oldest first, each under a fresh lease."""
        now = self.clock.now()
        until = now + self.lease_length
        taken = {"status": D.SENDING, "locked_until": until, "attempts": F("attempts") + 1}
        async with in_transaction():
            oldest_first = WebhookDelivery.filter(due(now)).order_by("next_try_at", "id")
            if is_postgres():
                rows = await oldest_first.limit(self.batch_size).select_for_update(
                    skip_locked=True, of=("webhook_delivery",)
                )
                if rows:
                    await WebhookDelivery.filter(id__in=[row.id for row in rows]).update(**taken)
            else:
                rows = []
                for row in await oldest_first.limit(self.batch_size):
                    if (
                        await WebhookDelivery.filter(id=row.id, next_try_at__lte=now)
                        .filter(Q(status=D.PENDING) | Q(status=D.SENDING, locked_until__lte=now))
                        .update(**taken)
                    ):
                        rows.append(row)
        for row in rows:
            row.status = D.SENDING
            row.locked_until = until
            row.attempts += 1
        return rows

    def _held(self, delivery: WebhookDelivery) -> Q:
        """The delivery as this worker holds it: SENDING under its own attempt."""
        return Q(id=delivery.id, status=D.SENDING, attempts=delivery.attempts)

    async def hand_back(self, delivery: WebhookDelivery) -> None:
        """A stopping sender gives an untried delivery back at once."""
        await WebhookDelivery.filter(self._held(delivery)).update(
            status=D.PENDING, locked_until=None
        )

    def name(self, delivery: WebhookDelivery) -> str:
        """A delivery as the log names it."""
        return f"webhook {delivery.event_id}"

    async def run(self, delivery: WebhookDelivery) -> WebhookDeliveryStatus:
        """Try one delivery and record what came of it."""
        endpoint = await WebhookEndpoint.get(pk=delivery.endpoint_id)
        if self.clock.now() - delivery.tried_since >= self.settings.webhook_retry_period:
            # Due long after its period (its endpoint was disabled meanwhile): not sent late.
            await WebhookDelivery.filter(self._held(delivery)).update(
                status=D.GIVEN_UP, locked_until=None
            )
            return D.GIVEN_UP
        if not endpoint.enabled:
            # Disabled after it was taken: not posted, but kept waiting for a re-enable.
            await self.hand_back(delivery)
            return D.PENDING
        answer = await self.post(endpoint, delivery)
        return await self.record(endpoint, delivery, answer)

    async def post(self, endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> Answer:
        """One signed POST within the deadline, to an address checked just now."""
        deadline = self.settings.webhook_timeout.total_seconds()
        try:
            return await asyncio.wait_for(self._post(endpoint, delivery), deadline)
        except TimeoutError:
            return Answer(None, f"No answer within {deadline:g} s.")

    async def _post(self, endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> Answer:
        refusal = target_refusal(endpoint.url, self.settings)
        if refusal is not None:
            return Answer(None, refusal.message)
        parts = urlsplit(endpoint.url)
        host = parts.hostname
        assert host is not None
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = await resolve(host, port)
        refusal = address_refusal(addresses, self.settings)
        if refusal is not None:
            return Answer(None, refusal.message)
        if not addresses:
            return Answer(None, "The host name has no address.")
        address = addresses[0]
        shown = f"[{address}]" if isinstance(address, ipaddress.IPv6Address) else str(address)
        pinned = urlunsplit((parts.scheme, f"{shown}:{port}", parts.path or "/", parts.query, ""))
        now = self.clock.now()
        timestamp = int(now.timestamp())
        headers = {
            "host": parts.netloc.rpartition("@")[2],
            "content-type": "application/json",
            "user-agent": "Overdracht-Webhooks/1",
            "webhook-id": delivery.event_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature_header(
                endpoint.signing_secrets(now), delivery.event_id, timestamp, delivery.body
            ),
        }
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        timeout = httpx.Timeout(self.settings.webhook_timeout.total_seconds())
        try:
            async with (
                httpx.AsyncClient(
                    follow_redirects=False, timeout=timeout, trust_env=False, verify=self.verify
                ) as client,
                client.stream(
                    "POST",
                    pinned,
                    content=delivery.body.encode(),
                    headers=headers,
                    extensions=extensions,
                ) as response,
            ):
                kept = b""
                async for chunk in response.aiter_raw():
                    kept += chunk
                    if len(kept) >= ANSWER_KEPT:
                        break
                return Answer(response.status_code, kept[:ANSWER_KEPT].decode(errors="replace"))
        except httpx.HTTPError as error:
            return Answer(None, f"{type(error).__name__}: {error}"[:ANSWER_KEPT])

    async def record(
        self, endpoint: WebhookEndpoint, delivery: WebhookDelivery, answer: Answer
    ) -> WebhookDeliveryStatus:
        """Acknowledged, tried again later, or given up; an endpoint failing for days is
        disabled and its superusers told, all in one transaction."""
        now = self.clock.now()
        answered = {
            "locked_until": None,
            "last_tried_at": now,
            "response_code": answer.code,
            "response_text": answer.text[:ANSWER_KEPT],
        }
        async with in_transaction():
            if answer.acknowledged:
                status = D.DELIVERED
                answered |= {"status": status, "delivered_at": now}
            elif now - delivery.tried_since >= self.settings.webhook_retry_period:
                status = D.GIVEN_UP
                answered |= {"status": status}
            else:
                status = D.PENDING
                answered |= {"status": status, "next_try_at": now + next_try(delivery.attempts)}
            if not await WebhookDelivery.filter(self._held(delivery)).update(**answered):
                return status  # another worker took it over; its outcome counts
            if answer.acknowledged:
                await WebhookEndpoint.filter(pk=endpoint.pk).update(failing_since=None)
            else:
                await self._failed(endpoint, answer, now)
        return status

    async def _failed(self, endpoint: WebhookEndpoint, answer: Answer, now: datetime) -> None:
        """Note since when the endpoint fails; past the disable period, disable it once."""
        await WebhookEndpoint.filter(pk=endpoint.pk, failing_since__isnull=True).update(
            failing_since=now
        )
        # Decided by the row as it is now, not as read before the POST: a delivery that
        # arrived meanwhile cleared failing_since, and a working endpoint stays enabled.
        if not await WebhookEndpoint.filter(
            pk=endpoint.pk,
            enabled=True,
            failing_since__lte=now - self.settings.webhook_disable_after,
        ).update(enabled=False, updated_at=now):
            return
        since = (
            await WebhookEndpoint.filter(pk=endpoint.pk)
            .first()
            .values_list("failing_since", flat=True)
        )
        assert isinstance(since, datetime)
        office = await Environment.get(pk=endpoint.environment_id)
        superusers = await User.filter(
            environment_id=office.pk, role=Role.SUPERUSER, is_active=True
        ).values_list("email", flat=True)
        told = code_text(answer)
        await EndpointDisabledMail(
            office_name=office.name,
            url=endpoint.url,
            failing_since=since,
            disabled_at=now,
            last_answer=told,
            overview_url=self.settings.overview_url,
        ).post_to([str(email) for email in superusers], settings=self.settings, now=now)
        self.log.warning("webhook endpoint %s disabled after failing since %s", endpoint.pk, since)

    async def deliver_due(self) -> list[WebhookDeliveryStatus | None]:
        """Try every delivery due now, once; for tests and one-shot runs."""
        return await self.run_until_idle()


def code_text(answer: Answer) -> str:
    """An answer as one line for people: its code and the start of its text."""
    head = f"{answer.code} " if answer.code is not None else ""
    return (head + " ".join(answer.text.split()))[:ANSWER_KEPT]


async def webhook_loop(
    settings: Settings, clock: Clock, stop: asyncio.Event, *, interval: float = 1.0
) -> None:
    """The sender as a background loop of `overdracht serve` and `overdracht worker`."""
    await WebhookSender(settings, clock, interval=interval).run_forever(stop)
