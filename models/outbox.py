"""Mails waiting to be delivered, written in the same transaction as the change that causes them."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from tortoise import fields
from tortoise.models import Model

from models.enums import MailStatus

if TYPE_CHECKING:
    from models.migration import Migration


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
