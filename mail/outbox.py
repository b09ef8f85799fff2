"""Putting a mail in the outbox, inside the transaction of the change that causes it.

The state change never waits for the mail server: it only writes a row, and the dispatcher
delivers it later. Because the row is written on the caller's transaction (Tortoise takes it
from the context), a change that rolls back leaves no mail behind and a committed one always
has its mail.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from email.utils import parseaddr

from mail.letters import Notice, RenderedMail, render
from models.enums import MailLanguage, MailStatus
from models.migration import Migration
from models.outbox import OutboxMail
from overdracht.settings import Settings

SUBJECT_MAX = OutboxMail._meta.fields_map["subject"].max_length  # type: ignore[attr-defined]


def sender_domain(sender: str) -> str:
    """The domain of the configured sender, used to make Message-IDs that are ours."""
    _, address = parseaddr(sender)
    domain = address.rpartition("@")[2].strip().lower()
    return domain or "localhost"


def new_message_id(settings: Settings) -> str:
    """A globally unique RFC 5322 Message-ID, fixed when the mail is queued."""
    return f"<{uuid.uuid4().hex}@{sender_domain(settings.smtp.sender)}>"


def dedupe_addresses(to: list[str], cc: list[str] | None) -> tuple[list[str], list[str]]:
    """Each address once, compared without case; an address in `to` is dropped from `cc`."""
    seen: set[str] = set()

    def unique(addresses: list[str]) -> list[str]:
        kept = []
        for address in addresses:
            address = address.strip()
            if address and address.lower() not in seen:
                seen.add(address.lower())
                kept.append(address)
        return kept

    return unique(to), unique(cc or [])


def fit_subject(subject: str) -> str:
    """A subject that fits its column; very long names are cut with an ellipsis."""
    subject = " ".join(subject.split())
    return subject if len(subject) <= SUBJECT_MAX else subject[: SUBJECT_MAX - 1] + "…"


async def enqueue(
    rendered: RenderedMail,
    *,
    to: list[str],
    cc: list[str] | None,
    language: MailLanguage,
    settings: Settings,
    now: datetime,
    migration_id: int | None = None,
) -> OutboxMail:
    """Queue one mail on the caller's transaction, due at once."""
    to_addresses, cc_addresses = dedupe_addresses(to, cc)
    if not to_addresses:
        raise ValueError("a mail needs at least one address in 'to'")
    return await OutboxMail.create(
        kind=rendered.kind,
        message_id=new_message_id(settings),
        sender=settings.smtp.sender,
        to=to_addresses,
        cc=cc_addresses,
        subject=fit_subject(rendered.subject),
        text_body=rendered.text,
        html_body=rendered.html,
        language=MailLanguage(language).value,
        status=MailStatus.PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        migration_id=migration_id,
    )


async def enqueue_notice(
    mail: Notice,
    *,
    migration: Migration,
    to: list[str],
    cc: list[str] | None,
    settings: Settings,
    now: datetime,
) -> OutboxMail:
    """Render a notice about an offer in the offer's language and queue it with the change."""
    return await enqueue(
        render(mail, settings.time_zone),
        to=to,
        cc=cc,
        language=migration.language,
        settings=settings,
        now=now,
        migration_id=migration.pk,
    )
