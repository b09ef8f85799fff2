"""Offers of administrations to another environment, and the state of each administration in it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.expressions import Q
from tortoise.models import Model

from models.enums import AccountingPackage, MailLanguage, MigrationStatus, MoveFailure
from overdracht.settings import MoveVerification

if TYPE_CHECKING:
    from models.administration import AccountingConnection, Administration
    from models.audit import AuditEvent
    from models.environment import Environment
    from models.outbox import OutboxMail
    from models.user import User


def still_offered(now: datetime) -> Q:
    """The one definition of "still offered at this moment": OFFERED and not past its expiry.

    MigrationAdministration.is_still_offered is the same test on a row in memory.
    """
    return Q(status=MigrationStatus.OFFERED, expires_at__gt=now)


class Migration(Model):
    """One offer from a source environment, guarded by one transfer code (rules 6 and 9)."""

    id = fields.IntField(primary_key=True)
    source_environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name="offers", on_delete=fields.RESTRICT
    )
    source_environment_id: int
    target_environment: fields.ForeignKeyNullableRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name="receptions", null=True, on_delete=fields.RESTRICT
    )
    target_environment_id: int | None
    requester: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    requester_id: int | None
    requester_name = fields.CharField(max_length=200)
    requester_email = fields.CharField(max_length=254)
    package = fields.CharEnumField(AccountingPackage, max_length=24)
    transfer_code = fields.CharField(max_length=32, unique=True)
    recipients: fields.Field[list[str]] = fields.JSONField()
    language = fields.CharEnumField(MailLanguage, max_length=2, default=MailLanguage.NL)
    offered_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    terms_accepted_at = fields.DatetimeField()
    # The version of the terms the requester accepted (models/terms.py); NULL before versions.
    terms_version = fields.CharField(max_length=32, null=True)
    # When the recipients were reminded of this expiry; cleared when the expiry moves.
    reminded_at = fields.DatetimeField(null=True)

    items: fields.ReverseRelation[MigrationAdministration]
    recipient_rows: fields.ReverseRelation[MigrationRecipient]
    audit_events: fields.ReverseRelation[AuditEvent]
    mails: fields.ReverseRelation[OutboxMail]

    class Meta:
        table = "migration"

    def is_expired(self, now: datetime) -> bool:
        """From the moment of expiry the code is shown as expired and cannot be used (rule 9)."""
        return now >= self.expires_at

    def is_offered_by(self, environment_id: int) -> bool:
        """The source's own offer: what only it may withdraw and correct (rules 7 and 10)."""
        return self.source_environment_id == environment_id

    def involves(self, environment_id: int) -> bool:
        """The offer's source or the environment it is bound to: either may retry a failed move."""
        return environment_id in (self.source_environment_id, self.target_environment_id)

    def is_meant_for(self, environment_id: int, superuser_emails: Collection[str]) -> bool:
        """Whether this environment may receive or reject the offer: its target (rule 7).

        An offer from before targets is meant for the office one of whose active superusers
        (their addresses given) it was mailed to.
        """
        if self.target_environment_id is not None:
            return self.target_environment_id == environment_id
        return any(address in superuser_emails for address in self.recipients)


class MigrationAdministration(Model):
    """One administration in an offer, with its own status, target and progress (rule 14).

    open_administration_id holds the administration's ID while the item is open and NULL
    otherwise; its unique index is what keeps an administration in at most one open offer,
    also when two superusers offer it in the same instant.
    """

    id = fields.IntField(primary_key=True)
    migration: fields.ForeignKeyRelation[Migration] = fields.ForeignKeyField(
        "models.Migration", related_name="items", on_delete=fields.CASCADE
    )
    migration_id: int
    administration: fields.ForeignKeyRelation[Administration] = fields.ForeignKeyField(
        "models.Administration", related_name="migration_items", on_delete=fields.RESTRICT
    )
    administration_id: int
    open_administration_id = fields.IntField(null=True, unique=True)
    source_environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name=False, on_delete=fields.RESTRICT
    )
    source_environment_id: int
    administration_code = fields.CharField(max_length=64)
    administration_name = fields.CharField(max_length=200)
    inbound_mail_address = fields.CharField(max_length=320)
    recipients_text = fields.TextField()
    status = fields.CharEnumField(MigrationStatus, max_length=16, default=MigrationStatus.OFFERED)
    offered_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    status_changed_at = fields.DatetimeField()
    reason = fields.TextField(default="")
    failure = fields.CharEnumField(MoveFailure, max_length=24, null=True)
    target_environment: fields.ForeignKeyNullableRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name=False, null=True, on_delete=fields.RESTRICT
    )
    target_environment_id: int | None
    target_connection: fields.ForeignKeyNullableRelation[AccountingConnection] = (
        fields.ForeignKeyField(
            "models.AccountingConnection", related_name=False, null=True, on_delete=fields.RESTRICT
        )
    )
    target_connection_id: int | None
    target_code = fields.CharField(max_length=64, null=True)
    documents_total = fields.BigIntField(default=0)
    documents_done = fields.BigIntField(default=0)
    bytes_total = fields.BigIntField(default=0)
    checksums_verified = fields.BooleanField(default=False)
    # How the completed move proved its files; NULL before completion.
    verification = fields.CharEnumField(MoveVerification, max_length=16, null=True)
    # The SHA-256 of the completed move's manifest, which is also its key in the file store
    # (worker/manifest.py); NULL before completion and for moves completed before manifests.
    manifest_sha256 = fields.CharField(max_length=64, null=True)
    received_by_name = fields.CharField(max_length=200, default="")
    received_by_email = fields.CharField(max_length=254, default="")
    # The version of the terms the receiver accepted with the claim; NULL until claimed.
    reception_terms_version = fields.CharField(max_length=32, null=True)
    # The receiver's chosen moment the move must not start before; NULL: as soon as it may.
    not_before = fields.DatetimeField(null=True)
    move_attempts = fields.IntField(default=0)
    lease_until = fields.DatetimeField(null=True)
    started_at = fields.DatetimeField(null=True)
    # When the worker last reported documents done in this attempt; NULL before its first report.
    progress_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)

    audit_events: fields.ReverseRelation[AuditEvent]
    billable_line: fields.BackwardOneToOneRelation[BillableLine]

    class Meta:
        table = "migration_item"
        indexes = (("source_environment_id", "offered_at"),)

    def effective_status(self, now: datetime) -> MigrationStatus:
        """An offer past its expiry is EXPIRED at once, without waiting for any job."""
        return effective_status(self.status, self.expires_at, now)

    def is_still_offered(self, now: datetime) -> bool:
        """The one test of "still offered at this moment": OFFERED and not past its expiry."""
        return self.effective_status(now) == MigrationStatus.OFFERED

    def is_received_by(self, environment_id: int) -> bool:
        """The environment that claimed it: what only it may cancel or give up (rule 10)."""
        return is_received_by(self.target_environment_id, environment_id)


def effective_status(
    status: MigrationStatus, expires_at: datetime, now: datetime
) -> MigrationStatus:
    """An item's status as users see it, for a row read without its model (an overview page)."""
    if status == MigrationStatus.OFFERED and now >= expires_at:
        return MigrationStatus.EXPIRED
    return status


@dataclass(frozen=True)
class MovePace:
    """How fast a running move goes and when it should be done; None while not known."""

    documents_per_second: float | None = None
    expected_completion_at: datetime | None = None


def move_pace(
    status: MigrationStatus,
    documents_done: int,
    documents_total: int,
    started_at: datetime | None,
    progress_at: datetime | None,
    now: datetime,
) -> MovePace:
    """The pace of this attempt of a move, from its own columns: the documents done by the
    worker's last report over the time since the attempt started, and the rest at that pace
    from that report on (never before `now`). Unknown until a report with documents done, and
    once the move is no longer RUNNING."""
    if status != MigrationStatus.RUNNING or started_at is None or progress_at is None:
        return MovePace()
    seconds = (progress_at - started_at).total_seconds()
    if documents_done <= 0 or seconds <= 0:
        return MovePace()
    rate = documents_done / seconds
    remaining = max(documents_total - documents_done, 0)
    expected = progress_at + timedelta(seconds=remaining / rate)
    return MovePace(documents_per_second=rate, expected_completion_at=max(expected, now))


def is_received_by(target_environment_id: int | None, environment_id: int) -> bool:
    """Whether this environment claimed the item, for a row read without its model (rule 10)."""
    return target_environment_id == environment_id


# What the office the administration leaves reads for a chosen code found in use: the code is
# the receiver's choice, for the receiving office alone.
CODE_IN_USE_FOR_SOURCE = (
    "The receiving office already uses the administration code it chose for this "
    "administration; nothing was moved."
)


def reason_for(reason: str, failure: MoveFailure | None, *, receiver: bool) -> str:
    """A reason as one office may read it: the chosen code is never told to the source."""
    if failure == MoveFailure.CODE_IN_USE and not receiver:
        return CODE_IN_USE_FOR_SOURCE
    return reason


class MigrationRecipient(Model):
    """One addressee of an offer, so the receiving side finds the offers meant for it."""

    id = fields.IntField(primary_key=True)
    migration: fields.ForeignKeyRelation[Migration] = fields.ForeignKeyField(
        "models.Migration", related_name="recipient_rows", on_delete=fields.CASCADE
    )
    migration_id: int
    email = fields.CharField(max_length=254, db_index=True)

    class Meta:
        table = "migration_recipient"
        unique_together = (("migration", "email"),)


class CodeAttempt(Model):
    """One failed transfer-code entry, counted per user and per environment (rule 9)."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: int
    environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name=False, on_delete=fields.CASCADE
    )
    environment_id: int
    at = fields.DatetimeField()

    class Meta:
        table = "code_attempt"
        indexes = (("user_id", "at"), ("environment_id", "at"))


class RecipientCheck(Model):
    """One address a user looked up as a recipient, counted against their limit (rule 7)."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: int
    environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name=False, on_delete=fields.CASCADE
    )
    environment_id: int
    # Kept as it was, so the record survives a renamed or removed user.
    actor_name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254)
    at = fields.DatetimeField()

    class Meta:
        table = "recipient_check"
        indexes = (("user_id", "at"), ("environment_id", "at"))


class BillableLine(Model):
    """A charge to the receiving environment for one administration moved (rule 8)."""

    id = fields.IntField(primary_key=True)
    environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name="billable_lines", on_delete=fields.RESTRICT
    )
    environment_id: int
    item: fields.OneToOneRelation[MigrationAdministration] = fields.OneToOneField(
        "models.MigrationAdministration", related_name="billable_line", on_delete=fields.RESTRICT
    )
    item_id: int
    description = fields.CharField(max_length=300)
    amount = fields.DecimalField(max_digits=12, decimal_places=2, default=0)
    currency = fields.CharField(max_length=3, default="EUR")
    accepted_by_name = fields.CharField(max_length=200)
    created_at = fields.DatetimeField()

    class Meta:
        table = "billable_line"
