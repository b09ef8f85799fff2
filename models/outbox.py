"""Mails waiting to be delivered, written in the same transaction as the change that causes them.

The state change never waits for the mail server: it only writes a row, and the dispatcher
delivers it later. Because the row is written on the caller's transaction (Tortoise takes it
from the context), a change that rolls back leaves no mail behind and a committed one always
has its mail.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any, TypedDict

from tortoise import fields
from tortoise.models import Model

from models.enums import MailLanguage, MailStatus
from overdracht.settings import Settings

if TYPE_CHECKING:
    from models.offers import Migration


class DeliveryEntry(TypedDict, total=False):
    """One recipient's record in OutboxMail.deliveries, as JSON; see mail/delivery.py."""

    address: str
    state: str
    code: int | None
    answer: str
    at: str


class OutboxMail(Model):
    """One rendered mail and its delivery state, so a mail outage never loses or blocks a change."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)
    message_id = fields.CharField(max_length=255, unique=True)
    sender = fields.CharField(max_length=320)
    to: fields.Field[list[str]] = fields.JSONField()
    cc: fields.Field[list[str]] = fields.JSONField(default=list)
    # Per recipient (as written in to/cc, compared without case), see mail/delivery.py.
    deliveries: fields.Field[dict[str, DeliveryEntry] | None] = fields.JSONField(
        default=dict, null=True
    )
    subject = fields.CharField(max_length=300)
    text_body = fields.TextField()
    html_body = fields.TextField()
    # A notice's data (models/notices), written out as subject and bodies when it is first
    # sent; None for a mail queued already written.
    notice: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    language = fields.CharField(max_length=2)
    status = fields.CharEnumField(MailStatus, max_length=16, default=MailStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")
    created_at = fields.DatetimeField()
    sent_at = fields.DatetimeField(null=True)
    migration: fields.ForeignKeyNullableRelation[Migration] = fields.ForeignKeyField(
        "models.Migration", related_name="mails", null=True, on_delete=fields.SET_NULL
    )
    migration_id: int | None

    class Meta:
        table = "outbox_mail"
        indexes = (("status", "next_attempt_at"),)


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


async def queue_mail(
    kind: str,
    *,
    to: list[str],
    cc: list[str] | None,
    language: MailLanguage,
    settings: Settings,
    now: datetime,
    migration_id: int | None = None,
    notice: dict[str, Any] | None = None,
    subject: str = "",
    text: str = "",
    html: str = "",
) -> OutboxMail:
    """Queue one mail on the caller's transaction, due at once: a notice's data to be written
    when it is sent, or a mail already written."""
    to_addresses, cc_addresses = dedupe_addresses(to, cc)
    if not to_addresses:
        raise ValueError("a mail needs at least one address in 'to'")
    return await OutboxMail.create(
        kind=kind,
        message_id=new_message_id(settings),
        sender=settings.smtp.sender,
        to=to_addresses,
        cc=cc_addresses,
        subject=subject,
        text_body=text,
        html_body=html,
        notice=notice,
        language=MailLanguage(language).value,
        status=MailStatus.PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        migration_id=migration_id,
    )
