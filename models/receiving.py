"""The rules of receiving: redeeming a transfer code, guessing protection, who may receive what."""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models.administration import AccountingConnection, Administration
from models.audit import record
from models.enums import AuditAction, MigrationStatus, Plan, Role
from models.environment import Environment
from models.migration import (
    BillableLine,
    CodeAttempt,
    Migration,
    MigrationItem,
    MigrationRecipient,
)
from models.transfer_code import looks_like_transfer_code, normalize_transfer_code
from models.user import User
from overdracht.db import supports_row_locks

MAX_FAILED_PER_USER = 5
USER_WINDOW = timedelta(minutes=15)
MAX_FAILED_PER_ENVIRONMENT = 20
ENVIRONMENT_WINDOW = timedelta(hours=1)


class CodeRefusal(StrEnum):
    """Why a transfer code was not accepted; wrong, expired, withdrawn and unknown look alike."""

    TRANSFER_CODE_INVALID = "TRANSFER_CODE_INVALID"
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
    OWN_OFFER = "OWN_OFFER"


class CodeRefused(Exception):
    """Raised by redeem_code; the message is safe to show."""

    def __init__(self, refusal: CodeRefusal, message: str) -> None:
        super().__init__(message)
        self.refusal = refusal


INVALID_MESSAGE = (
    "This transfer code is not valid: check it, or ask the sender for a new offer. "
    "Codes expire after the date in the offer mail."
)

# The attempts of one environment are taken one at a time, so that neither aliases in one
# request nor several server processes can slip past a limit together: each is counted and
# recorded before the next is looked at.
_environment_locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
ATTEMPTS_LOCK_SPACE = 0x4F56  # the first key of the advisory locks that serialise attempts


@contextlib.asynccontextmanager
async def _one_attempt_at_a_time(environment_id: int) -> AsyncIterator[None]:
    """Serialise one environment's attempts across every server process, not only this one."""
    # PostgreSQL: an advisory lock held by the transaction that counts and records. SQLite is
    # used by one process, so a lock of this process does.
    if not supports_row_locks():
        async with _environment_locks[environment_id]:
            yield
        return
    async with in_transaction() as connection:
        await connection.execute_query(
            "SELECT pg_advisory_xact_lock($1, $2)", [ATTEMPTS_LOCK_SPACE, environment_id]
        )
        yield


async def attempts_exhausted(user: User, now: datetime) -> bool:
    """Whether this user or their environment has used up its failed attempts for now."""
    by_user = await CodeAttempt.filter(user_id=user.pk, at__gt=now - USER_WINDOW).count()
    if by_user >= MAX_FAILED_PER_USER:
        return True
    by_env = await CodeAttempt.filter(
        environment_id=user.environment_id,  # type: ignore[attr-defined]
        at__gt=now - ENVIRONMENT_WINDOW,
    ).count()
    return by_env >= MAX_FAILED_PER_ENVIRONMENT


async def _record_failure(user: User, entered: str, now: datetime) -> None:
    await CodeAttempt.create(user=user, environment_id=user.environment_id, at=now)  # type: ignore[attr-defined]
    masked = entered[:4] + "…" if len(entered) > 4 else "…"
    await record(
        AuditAction.CODE_ATTEMPT_FAILED,
        at=now,
        migration_id=None,
        actor=user,
        detail={"entered": masked},
    )


async def _addressed_to(migration: Migration, environment_id: int) -> bool:
    """An offer is for the environment one of whose superusers it was mailed to."""
    emails = await MigrationRecipient.filter(migration_id=migration.pk).values_list(
        "email", flat=True
    )
    return await User.exists(
        environment_id=environment_id, role=Role.SUPERUSER, is_active=True, email__in=list(emails)
    )


async def redeem_code(user: User, entered: str, now: datetime) -> Migration:
    """The offer a code opens for this user, counting every failure against the limits."""
    async with _one_attempt_at_a_time(user.environment_id):  # type: ignore[attr-defined]
        outcome = await _try_code(user, entered, now)
    if isinstance(outcome, CodeRefused):  # raised only now, so the failure's record is kept
        raise outcome
    return outcome


async def _try_code(user: User, entered: str, now: datetime) -> Migration | CodeRefused:
    """One attempt, under the lock; a refusal is returned so its record is committed."""
    if await attempts_exhausted(user, now):
        return CodeRefused(
            CodeRefusal.TOO_MANY_ATTEMPTS,
            "Too many wrong transfer codes; wait before trying again.",
        )
    code = normalize_transfer_code(entered)
    migration = (
        await Migration.get_or_none(transfer_code=code) if looks_like_transfer_code(code) else None
    )
    if migration is not None and migration.source_environment_id == user.environment_id:  # type: ignore[attr-defined]
        return CodeRefused(CodeRefusal.OWN_OFFER, "Your own environment made this offer.")
    usable = (
        migration is not None
        and not migration.is_expired(now)
        and await _addressed_to(migration, user.environment_id)  # type: ignore[attr-defined]
        and await MigrationItem.filter(migration_id=migration.pk)
        .exclude(status__in=[MigrationStatus.WITHDRAWN, MigrationStatus.EXPIRED])
        .exists()
        and migration.target_environment_id in (None, user.environment_id)  # type: ignore[attr-defined]
    )
    if not usable or migration is None:
        await _record_failure(user, entered, now)
        return CodeRefused(CodeRefusal.TRANSFER_CODE_INVALID, INVALID_MESSAGE)
    return migration


def ensure_premium(environment: Environment) -> bool:
    """Only an environment on the PREMIUM plan can receive (rule 3)."""
    return environment.plan == Plan.PREMIUM


@dataclass(frozen=True)
class Receivability:
    """Whether the viewer's environment can receive one offered administration, and why not."""

    target_is_premium: bool
    has_connection_of_package: bool
    duplicate_in_target: bool
    still_offered: bool

    @property
    def can_receive(self) -> bool:
        return (
            self.target_is_premium
            and self.has_connection_of_package
            and not self.duplicate_in_target
            and self.still_offered
        )


async def receivability(
    items: list[MigrationItem], migration: Migration, target: Environment, now: datetime
) -> dict[int, Receivability]:
    """Check every offered administration against the receiving environment (rules 2, 3, 12)."""
    has_connection = await AccountingConnection.exists(
        environment_id=target.pk, package=migration.package
    )
    duplicates = {
        (code, name)
        for code, name in await Administration.filter(
            environment_id=target.pk,
            name__in=[item.administration_name for item in items],
        ).values_list("code", "name")
    }
    return {
        item.pk: Receivability(
            target_is_premium=ensure_premium(target),
            has_connection_of_package=has_connection,
            duplicate_in_target=(item.administration_code, item.administration_name) in duplicates,
            still_offered=item.effective_status(now) == MigrationStatus.OFFERED,
        )
        for item in items
    }


async def bind_target(migration_id: int, environment_id: int) -> bool:
    """All administrations of an offer go to one environment: the first to receive binds it."""
    changed = await Migration.filter(
        Q(target_environment_id__isnull=True) | Q(target_environment_id=environment_id),
        id=migration_id,
    ).update(target_environment_id=environment_id)
    return changed == 1


async def queue_item(
    item_id: int,
    *,
    connection: AccountingConnection,
    target_code: str,
    receiver: User,
    now: datetime,
) -> bool:
    """Queue one administration for its move if, at this instant, it is still offered.

    The condition is part of the UPDATE: of any number of racing claims and withdrawals,
    exactly one changes the row.
    """
    changed = await MigrationItem.filter(
        id=item_id, status=MigrationStatus.OFFERED, expires_at__gt=now
    ).update(
        status=MigrationStatus.QUEUED,
        target_environment_id=connection.environment_id,  # type: ignore[attr-defined]
        target_connection_id=connection.pk,
        target_code=target_code,
        received_by_name=receiver.display_name,
        received_by_email=receiver.email,
        status_changed_at=now,
    )
    return changed == 1


async def receive_item(
    item: MigrationItem,
    migration: Migration,
    *,
    connection: AccountingConnection,
    target_code: str,
    receiver: User,
    now: datetime,
) -> bool:
    """Queue one administration and bill the receiver (rule 8), only if it is still offered."""
    # Inside the caller's transaction, which rolls the whole claim back on False.
    if not await queue_item(
        item.pk, connection=connection, target_code=target_code, receiver=receiver, now=now
    ):
        return False
    await BillableLine.create(
        environment_id=connection.environment_id,  # type: ignore[attr-defined]
        item_id=item.pk,
        description=(
            f"Migration of administration {target_code} {item.administration_name} "
            f"from {migration.package.value}"
        ),
        accepted_by_name=receiver.display_name,
        created_at=now,
    )
    await record(
        AuditAction.RECEIVED,
        at=now,
        migration_id=migration.pk,
        item_id=item.pk,
        actor=receiver,
        detail={
            "administration": item.administration_name,
            "code": target_code,
            "connection": connection.name,
        },
    )
    return True


async def reject_item(item_id: int, *, environment_id: int, reason: str, now: datetime) -> bool:
    """Reject one administration if it is still offered; it is then free to be offered again."""
    changed = await MigrationItem.filter(
        id=item_id, status=MigrationStatus.OFFERED, expires_at__gt=now
    ).update(
        status=MigrationStatus.REJECTED,
        target_environment_id=environment_id,
        open_administration_id=None,
        reason=reason,
        status_changed_at=now,
    )
    return changed == 1


async def retry_item(item_id: int, now: datetime) -> bool:
    """Queue a failed move again; the source was left as it was, so it can simply start over."""
    changed = await MigrationItem.filter(id=item_id, status=MigrationStatus.FAILED).update(
        status=MigrationStatus.QUEUED, reason="", documents_done=0, status_changed_at=now
    )
    return changed == 1


async def duplicate_in_target(environment_id: int, code: str, name: str) -> bool:
    """One with this code and name already in the target blocks receiving (rule 12)."""
    return await Administration.exists(environment_id=environment_id, code=code, name=name)
