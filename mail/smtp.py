"""Turning an outbox row into a MIME message and handing it to the SMTP server.

Every way delivery can fail ends as a TemporaryFailure (try again later) or a
PermanentFailure (this mail will never be accepted); the dispatcher decides what that means
for the row.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.policy
from collections.abc import AsyncIterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

import aiosmtplib

from mail.formatting import as_utc
from models.outbox import OutboxMail
from overdracht.settings import SmtpSettings


class DeliveryError(Exception):
    """A mail could not be handed to the SMTP server."""


class TemporaryFailure(DeliveryError):
    """The server could not take the mail now (down, timeout, 4xx, configuration); retry later."""


class PermanentFailure(DeliveryError):
    """The server refused this mail itself for good (5xx for its content or sender)."""


@dataclass(frozen=True)
class Delivery:
    """What the server said per recipient: those it refused (4xx for now, 5xx for good)."""

    refused: dict[str, tuple[int, str]]

    @property
    def deferred(self) -> list[str]:
        """Recipients refused for now (4xx): the mail must still reach them later."""
        return [address for address, (code, _) in self.refused.items() if code < 500]

    def describe_refusals(self) -> str:
        """The refusals in one line, for last_error and the log."""
        return "; ".join(f"{a}: {code} {text}" for a, (code, text) in self.refused.items())


# Headers are not folded below RFC 5322's hard limit: folded at 78, a long subject was broken
# right after "Subject:", and mail programs showed it with a leading space.
UNFOLDED = email.policy.default.clone(max_line_length=998)


def build_message(mail: OutboxMail) -> EmailMessage:
    """The MIME message of an outbox row: headers plus a text and an HTML alternative."""
    message = EmailMessage(policy=UNFOLDED)
    message["From"] = mail.sender
    message["To"] = ", ".join(mail.to)
    if mail.cc:
        message["Cc"] = ", ".join(mail.cc)
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(as_utc(mail.created_at))
    message["Message-ID"] = mail.message_id
    message["Content-Language"] = mail.language.lower()
    # RFC 3834: no out-of-office replies to a machine.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.text_body)
    message.add_alternative(mail.html_body, subtype="html")
    return message


def envelope_recipients(mail: OutboxMail) -> list[str]:
    """Everyone the SMTP server must deliver to: To and Cc."""
    return [*mail.to, *mail.cc]


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@contextlib.asynccontextmanager
async def handed_over(
    message: EmailMessage,
    *,
    sender: str,
    recipients: list[str],
    smtp: SmtpSettings,
    within: float,
) -> AsyncIterator[Delivery]:
    """Hand one message to the SMTP server over a fresh connection, within `within` seconds.

    The block runs as soon as the server answered the end of the data, before QUIT: once it said
    250 the mail is the server's, so the caller records it there, not after a goodbye that may
    hang up to the timeout. Raises Temporary- or PermanentFailure when nothing was handed over;
    what the block raises passes through unchanged.
    """
    client = aiosmtplib.SMTP(
        hostname=smtp.host,
        port=smtp.port,
        username=smtp.username,
        password=smtp.password,
        use_tls=smtp.tls == "tls",
        start_tls=smtp.tls == "starttls",
        timeout=smtp.timeout_seconds,
    )
    try:
        delivery = await _hand_over(
            client, message, parseaddr(sender)[1] or sender, recipients, within
        )
        yield delivery
    finally:
        await _say_goodbye(client)


async def _hand_over(
    client: aiosmtplib.SMTP,
    message: EmailMessage,
    sender: str,
    recipients: list[str],
    within: float,
) -> Delivery:
    """Connect and send up to the server's answer to the data; every failure as ours."""
    try:
        async with asyncio.timeout(within):
            await client.connect()
            errors, _ = await client.send_message(message, sender=sender, recipients=recipients)
    except aiosmtplib.SMTPRecipientsRefused as exc:
        # Nothing was sent, but the server answered for each recipient: that is the outcome.
        return Delivery(refused={r.recipient: (r.code, r.message) for r in exc.recipients})
    except (aiosmtplib.SMTPRecipientRefused, aiosmtplib.SMTPDataError) as exc:
        # Refusals of this mail itself; anything else (sender, login, TLS) is configuration.
        if exc.code >= 500:
            raise PermanentFailure(_describe(exc)) from exc
        raise TemporaryFailure(_describe(exc)) from exc
    except ValueError as exc:
        # aiosmtplib refuses an address it cannot send safely; it will not improve.
        raise PermanentFailure(_describe(exc)) from exc
    except (aiosmtplib.SMTPException, OSError) as exc:  # the library's timeouts are among these
        raise TemporaryFailure(_describe(exc)) from exc
    except TimeoutError as exc:
        raise TemporaryFailure(f"no answer within {within:g} s") from exc
    return Delivery(refused={address: (r.code, r.message) for address, r in errors.items()})


async def _say_goodbye(client: aiosmtplib.SMTP) -> None:
    """QUIT, politely but for nothing: whatever the server answers, or not, changes no outcome."""
    if client.is_connected:
        with contextlib.suppress(aiosmtplib.SMTPException, OSError, TimeoutError):
            await client.quit()
    client.close()
