"""Sending one mail a dispatcher holds: written out, handed to the SMTP server outside any
transaction, and its outcome recorded under the mail's lease.

Just before a mail is sent, its lease is renewed to cover that one send at the SMTP timeout
of every command, and the renewal is the check: a mail another dispatcher took over in the
meantime is left to it. A send never outlasts its lease, so a slow server never lets two
dispatchers send one mail. A send is recorded as soon as the server answered the end of its
data, before QUIT (whose answer may take up to the SMTP timeout). The one window left: a
process or database that fails between that answer and the commit of its record (one short
transaction); that mail is sent again, with the same Message-ID, when its lease runs out.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from tortoise.transactions import in_transaction

from mail.composing import write_out
from mail.delivery import Answer, settle, waiting_recipients
from mail.refusals import tell_refused
from mail.smtp import Delivery, PermanentFailure, TemporaryFailure, build_message, handed_over
from models.enums import DeliveryState, MailStatus
from models.outbox import OutboxMail
from overdracht.clock import Clock
from overdracht.lease import Lease
from overdracht.settings import Settings

log = logging.getLogger("mail.dispatcher")

FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(hours=1)
ERROR_MAX = 2000
# The SMTP commands of one mail besides one RCPT per recipient: the greeting, EHLO, STARTTLS
# and EHLO again, AUTH, MAIL, DATA, the end of the data and QUIT.
SMTP_COMMANDS = 9
SEND_MARGIN = timedelta(seconds=5)


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff after a temporary failure: 30 s, 1 min, 2 min, ... at most 1 hour."""
    doublings = min(max(attempts - 1, 0), 16)
    delay: timedelta = min(FIRST_RETRY * (2**doublings), MAX_RETRY)
    return delay


class MailSender:
    """Sends one held mail to the recipients still waiting and records what the server said."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock

    def budget(self, mail: OutboxMail) -> timedelta:
        """How long one send may take: every SMTP command at the configured timeout."""
        commands = SMTP_COMMANDS + len(waiting_recipients(mail))
        return timedelta(seconds=self.settings.smtp.timeout_seconds * commands) + SEND_MARGIN

    async def send(self, mail: OutboxMail, lease: Lease) -> int:
        """Try one mail for the recipients still waiting; 1 if anyone got it now. LeaseLost
        when another dispatcher took it over before its turn."""
        budget = self.budget(mail)
        await lease.keep(budget)
        envelope = waiting_recipients(mail)
        if not envelope:
            return await self._record(mail, lease, {})
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
                # say goodbye leaves the mail sent, not taken for a second send.
                return await self._record(mail, lease, _answers(envelope, delivery), written)
        except TemporaryFailure as exc:
            answers = {a: Answer(DeliveryState.PENDING, str(exc)) for a in envelope}
        except PermanentFailure as exc:
            answers = {a: Answer(DeliveryState.REFUSED, str(exc)) for a in envelope}
        except Exception as exc:
            if handed:  # the server has the mail; its record failed and stays with its lease
                raise
            # A bug or an unforeseen error: keep the mail and try again later.
            log.exception("mail %s: unexpected error", mail.message_id)
            text = f"{type(exc).__name__}: {exc}"
            answers = {a: Answer(DeliveryState.PENDING, text) for a in envelope}
        return await self._record(mail, lease, answers, written)

    async def _record(
        self,
        mail: OutboxMail,
        lease: Lease,
        answers: dict[str, Answer],
        written: dict[str, str] | None = None,
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
            if await self._finish(mail, lease, **changes) and settled.newly_refused:
                await tell_refused(self.settings, self.clock.now(), mail, settled.newly_refused)
        return 1 if delivered else 0

    async def _finish(self, mail: OutboxMail, lease: Lease, **changes: object) -> bool:
        """Record a send's outcome, unless the lease ran out and another dispatcher took over."""
        if await lease.end(**changes):
            return True
        log.warning(
            "mail %s: lease ran out while sending; outcome left to the next dispatcher",
            mail.message_id,
        )
        return False


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
