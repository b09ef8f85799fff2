"""The outbox as a queue: a dispatcher takes due mails under a lease and mail/sending sends them.

Taking is what keeps several dispatchers from sending one mail twice. On PostgreSQL a short
transaction takes due rows with SELECT ... FOR UPDATE SKIP LOCKED and marks them SENDING under
a short lease (seconds); on SQLite (one writer, no row locks) each row is taken with a
conditional UPDATE that only succeeds while the row is still due. So a dispatcher that dies
delays the mails it had not tried by that lease only; each mail it does try is sent under a
lease of its own (mail/sending.py).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from mail.sending import MailSender
from models.enums import MailStatus
from models.outbox import OutboxMail
from overdracht.clock import Clock
from overdracht.db import is_postgres
from overdracht.lease import Lease
from overdracht.settings import Settings
from worker.runner import LeasedQueue

TAKE_LEASE = timedelta(seconds=15)


def due(now: datetime) -> Q:
    """Mails to send now: waiting ones whose time has come, and ones whose lease ran out."""
    waiting = Q(status=MailStatus.PENDING)
    abandoned = Q(status=MailStatus.SENDING) & (
        Q(locked_until__lte=now) | Q(locked_until__isnull=True)
    )
    return Q(next_attempt_at__lte=now) & (waiting | abandoned)


class MailDispatcher(LeasedQueue[OutboxMail, int]):
    """Sends due outbox mails; any number may run side by side on PostgreSQL."""

    log = logging.getLogger("mail.dispatcher")
    work_name = "mail dispatcher"

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        *,
        batch_size: int = 20,
        lease: timedelta = TAKE_LEASE,
        interval: float = 1.0,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.batch_size = batch_size
        self.lease_length = lease
        self.idle_pause = self.error_pause = interval
        self.sender = MailSender(settings, clock)

    def lease(self, mail: OutboxMail) -> Lease:
        """The lease on one taken mail, fenced by its attempt: a takeover bumps it."""
        fence = Q(id=mail.id, status=MailStatus.SENDING, attempts=mail.attempts)
        return Lease(OutboxMail, fence, self.clock, self.lease_length, column="locked_until")

    async def take(self) -> list[OutboxMail]:
        """Up to batch_size due mails for this dispatcher, oldest first, in one short
        transaction."""
        now = self.clock.now()
        until = now + self.lease_length
        taken = {
            "status": MailStatus.SENDING,
            "locked_until": until,
            "attempts": F("attempts") + 1,
        }
        async with in_transaction():
            oldest_first = OutboxMail.filter(due(now)).order_by("next_attempt_at", "id")
            if is_postgres():
                mails = await oldest_first.limit(self.batch_size).select_for_update(
                    skip_locked=True
                )
                if mails:
                    await OutboxMail.filter(id__in=[mail.id for mail in mails]).update(**taken)
            else:
                mails = []
                for mail in await oldest_first.limit(self.batch_size):
                    if await OutboxMail.filter(due(now), id=mail.id).update(**taken):
                        mails.append(mail)
        for mail in mails:
            mail.status = MailStatus.SENDING
            mail.locked_until = until
            mail.attempts += 1
        return mails

    async def run(self, mail: OutboxMail) -> int:
        """Send one taken mail; 1 if anyone got it now."""
        return await self.sender.send(mail, self.lease(mail))

    async def hand_back(self, mail: OutboxMail) -> None:
        """A stopping dispatcher gives an untried mail back at once, for others to send."""
        await self.lease(mail).expire_now()

    def name(self, mail: OutboxMail) -> str:
        """A mail as the log names it."""
        return f"mail {mail.message_id}"

    async def deliver_due(self) -> int:
        """Deliver every mail that is due now, once; how many reached anyone."""
        return sum(sent or 0 for sent in await self.run_until_idle())

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Poll the outbox until stop is set."""
        smtp = self.settings.smtp
        self.log.info("mail dispatcher started, SMTP %s:%s", smtp.host, smtp.port)
        await super().run_forever(stop)
        self.log.info("mail dispatcher stopped")


async def dispatcher_loop(
    settings: Settings, clock: Clock, stop: asyncio.Event, *, interval: float = 1.0
) -> None:
    """The dispatcher as a background loop of `overdracht serve` and `overdracht worker`."""
    await MailDispatcher(settings, clock, interval=interval).run_forever(stop)
