"""Delivering the outbox: claim due mails, send them outside any transaction, record the outcome.

Claiming is what keeps several dispatchers from sending one mail twice. On PostgreSQL a
short transaction takes due rows with SELECT ... FOR UPDATE SKIP LOCKED and marks them
SENDING under a short claim lease (seconds); on SQLite (one writer, no row locks) each row
is taken with a conditional UPDATE that only succeeds while the row is still claimable.
Just before a mail is sent, its lease is renewed to cover that one send at the SMTP timeout
of every command, and the renewal is the check: a mail another dispatcher took over in the
meantime is skipped. A send never outlasts its lease. So a dispatcher that dies delays the
mails it had not tried by the claim lease only, and a slow server never lets two dispatchers
send one mail. A send is recorded as soon as the server answered the end of its data, before
QUIT (whose answer may take up to the SMTP timeout). The one window left: a process or database
that fails between that answer and the commit of its record (one short transaction); that mail
is sent again, with the same Message-ID, when its lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from mail.composing import write_out
from mail.delivery import Answer, settle, waiting_recipients
from mail.refusals import tell_refused
from mail.smtp import Delivery, PermanentFailure, TemporaryFailure, build_message, handed_over
from models.enums import DeliveryState, MailStatus
from models.outbox import OutboxMail
from overdracht.clock import Clock
from overdracht.db import is_postgres
from overdracht.lease import Lease
from overdracht.settings import Settings

log = logging.getLogger(__name__)

FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=1)
ERROR_MAX = 2000
CLAIM_LEASE = timedelta(seconds=15)
# The SMTP commands of one mail besides one RCPT per recipient: the greeting, EHLO, STARTTLS
# and EHLO again, AUTH, MAIL, DATA, the end of the data and QUIT.
SMTP_COMMANDS = 9
SEND_MARGIN = timedelta(seconds=5)


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff after a temporary failure: 30 s, 1 min, 2 min, ... at most 1 hour."""
    doublings = min(max(attempts - 1, 0), 16)
    delay: timedelta = min(FIRST_RETRY * (2**doublings), MAX_RETRY)
    return delay


def due(now: datetime) -> Q:
    """Mails to send now: waiting ones whose time has come, and ones whose lease ran out."""
    waiting = Q(status=MailStatus.PENDING)
    abandoned = Q(status=MailStatus.SENDING) & (
        Q(locked_until__lte=now) | Q(locked_until__isnull=True)
    )
    return Q(next_attempt_at__lte=now) & (waiting | abandoned)


class MailDispatcher:
    """Sends due outbox mails; any number may run side by side on PostgreSQL."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        *,
        batch_size: int = 20,
        lease: timedelta = CLAIM_LEASE,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.batch_size = batch_size
        self.lease = lease
        self._stop: asyncio.Event | None = None

    async def run_once(self) -> int:
        """Deliver every mail that is due now, once; returns how many were sent."""
        sent = 0
        while not self._stopping():
            claimed = await self._claim()
            if not claimed:
                break
            for index, mail in enumerate(claimed):
                if self._stopping():
                    await self._hand_back(claimed[index:])
                    break
                sent += await self._send(mail)
        return sent

    def _stopping(self) -> bool:
        return self._stop is not None and self._stop.is_set()

    def _lease(self, mail: OutboxMail) -> Lease:
        """The lease on one claimed mail, fenced by its attempt: a takeover bumps it."""
        fence = Q(id=mail.id, status=MailStatus.SENDING, attempts=mail.attempts)
        return Lease(OutboxMail, fence, self.clock, self.lease, column="locked_until")

    def send_budget(self, mail: OutboxMail) -> timedelta:
        """How long one send may take: every SMTP command at the configured timeout."""
        commands = SMTP_COMMANDS + len(waiting_recipients(mail))
        return timedelta(seconds=self.settings.smtp.timeout_seconds * commands) + SEND_MARGIN

    async def _hand_back(self, mails: list[OutboxMail]) -> None:
        """A stopping dispatcher gives its untried mails back at once, for others to send."""
        for mail in mails:
            await self._lease(mail).expire_now()

    async def run_forever(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Poll the outbox until stop is set; an error is logged and the loop goes on."""
        self._stop = stop
        log.info(
            "mail dispatcher started, SMTP %s:%s", self.settings.smtp.host, self.settings.smtp.port
        )
        while not stop.is_set():
            try:
                await self.run_once()
            except Exception:
                log.exception("mail dispatcher: a round failed; trying again in %s s", interval)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)
        log.info("mail dispatcher stopped")

    async def _claim(self) -> list[OutboxMail]:
        """Take up to batch_size due mails for this dispatcher, in one short transaction."""
        now = self.clock.now()
        until = now + self.lease
        claim = {
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
                    await OutboxMail.filter(id__in=[mail.id for mail in mails]).update(**claim)
            else:
                mails = []
                for mail in await oldest_first.limit(self.batch_size):
                    if await OutboxMail.filter(due(now), id=mail.id).update(**claim):
                        mails.append(mail)
        for mail in mails:
            mail.status = MailStatus.SENDING
            mail.locked_until = until
            mail.attempts += 1
        return mails

    async def _send(self, mail: OutboxMail) -> int:
        """Try one claimed mail for the recipients still waiting; 1 if anyone got it now."""
        budget = self.send_budget(mail)
        if not await self._lease(mail).renew(budget):
            log.info("mail %s was taken over before its turn; left to that dispatcher", mail.id)
            return 0
        envelope = waiting_recipients(mail)
        if not envelope:
            return await self._record(mail, {})
        handed = False
        written: dict[str, str] = {}
        try:
            written = write_out(mail, self.settings.time_zone)
            async with handed_over(
                build_message(mail),
                sender=mail.sender,
                recipients=envelope,
                smtp=self.settings.smtp,
                within=(budget - SEND_MARGIN).total_seconds(),
            ) as delivery:
                handed = True
                # Recorded before QUIT: a process that dies while the server takes its time to
                # say goodbye leaves the mail sent, not claimed for a second send.
                return await self._record(mail, _answers(envelope, delivery), written)
        except TemporaryFailure as exc:
            answers = {a: Answer(DeliveryState.PENDING, str(exc)) for a in envelope}
        except PermanentFailure as exc:
            answers = {a: Answer(DeliveryState.REFUSED, str(exc)) for a in envelope}
        except Exception as exc:
            if handed:  # the server has the mail; its record failed and stays claimed
                raise
            # A bug or an unforeseen error: keep the mail and try again later.
            log.exception("mail %s: unexpected error", mail.message_id)
            text = f"{type(exc).__name__}: {exc}"
            answers = {a: Answer(DeliveryState.PENDING, text) for a in envelope}
        return await self._record(mail, answers, written)

    async def _record(
        self, mail: OutboxMail, answers: dict[str, Answer], written: dict[str, str] | None = None
    ) -> int:
        """Write one attempt's outcome to the mail's row, with the words it was written in the
        first time; 1 if anyone got the mail now."""
        settled = settle(mail, answers, now=self.clock.now(), max_age=self.settings.mail_max_age)
        changes: dict[str, object] = {
            **(written or {}),
            "status": settled.status,
            "deliveries": settled.deliveries,
            "last_error": settled.summary()[:ERROR_MAX],
        }
        if settled.status == MailStatus.PENDING:
            delay = retry_delay(mail.attempts)
            changes["next_attempt_at"] = self.clock.now() + delay
            log.warning(
                "mail %s not delivered to everyone (attempt %s), retry in %s: %s",
                mail.message_id,
                mail.attempts,
                delay,
                settled.summary(),
            )
        delivered = [a for a, answer in answers.items() if answer.state == DeliveryState.DELIVERED]
        if delivered:
            changes["sent_at"] = self.clock.now()
            log.info("mail %s sent: %s to %s", mail.message_id, mail.kind, ", ".join(delivered))
        if settled.newly_refused:
            log.error("mail %s refused: %s", mail.message_id, settled.summary())
        async with in_transaction():
            if await self._finish(mail, **changes) and settled.newly_refused:
                await tell_refused(self.settings, self.clock.now(), mail, settled.newly_refused)
        return 1 if delivered else 0

    async def _finish(self, mail: OutboxMail, **changes: object) -> bool:
        """Record a send's outcome, unless the lease ran out and another dispatcher took over."""
        updated = await self._lease(mail).end(**changes)
        if not updated:
            log.warning(
                "mail %s: lease ran out while sending; outcome left to the next claim",
                mail.message_id,
            )
        return bool(updated)


def _answers(envelope: list[str], delivery: Delivery) -> dict[str, Answer]:
    """The server's answer per recipient: accepted, or refused for now (4xx) or for good (5xx)."""
    answers = {}
    for address in envelope:
        if address in delivery.refused:
            code, text = delivery.refused[address]
            state = DeliveryState.REFUSED if code >= 500 else DeliveryState.PENDING
            answers[address] = Answer(state, f"{code} {text}".strip(), code)
        else:
            answers[address] = Answer(DeliveryState.DELIVERED, "250 accepted", 250)
    return answers


async def dispatcher_loop(
    settings: Settings, clock: Clock, stop: asyncio.Event, *, interval: float = 1.0
) -> None:
    """The dispatcher as a background loop, for the worker process or the app's lifespan."""
    await MailDispatcher(settings, clock).run_forever(stop, interval=interval)
