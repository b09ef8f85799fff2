"""The rules of receiving: redeeming a transfer code, guessing protection, who may receive what."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q

from models.administration import CODE_COLUMN_LENGTH, AccountingConnection, Administration
from models.audit import AuditEvent, record
from models.enums import (
    RECEIVED_MIGRATION_STATUSES,
    AccountingPackage,
    AuditAction,
    MigrationStatus,
    Role,
)
from models.environment import Environment
from models.guessing import code_attempts_refused_until, one_try_at_a_time
from models.offers import CodeAttempt, Migration, MigrationAdministration
from models.plans import premium_refusal
from models.refusals import Refusal, RefusalCode, Refused
from models.transfer_code import looks_like_transfer_code, normalize_transfer_code
from models.user import ApiToken, User
from overdracht.settings import Settings

INVALID_MESSAGE = (
    "This transfer code is not valid: check it, or ask the sender for a new offer. "
    "Codes expire after the date in the offer mail."
)


def mask_code(entered: str) -> str:
    """Enough of a wrong code to recognise a typo, never enough to be a code."""
    compact = "".join(entered.split())
    return compact[:4] + "…" if len(compact) > 4 else "…"


async def _record_failure(user: User, entered: str, now: datetime, token: ApiToken | None) -> None:
    await CodeAttempt.create(user=user, environment_id=user.environment_id, at=now)
    await record(
        AuditAction.CODE_ATTEMPT_FAILED,
        at=now,
        migration_id=None,
        actor=user,
        detail={
            "entered": mask_code(entered),
            "tokenScope": token.scope.value if token else None,
            "tokenLabel": token.label if token else None,
        },
    )


async def note_preview(user: User, migration: Migration, now: datetime) -> None:
    """The source sees which office opened its offer's preview: recorded once per office."""
    office = user.environment_id
    async with one_try_at_a_time(office):  # two previews at once are still one event
        if not await AuditEvent.exists(
            migration_id=migration.pk, action=AuditAction.PREVIEWED, actor_environment_id=office
        ):
            await record(AuditAction.PREVIEWED, at=now, migration_id=migration.pk, actor=user)


async def superuser_emails(environment_ids: Sequence[int]) -> dict[int, list[str]]:
    """The addresses of each environment's active superusers: whom an offer could be mailed to."""
    found: dict[int, list[str]] = {environment_id: [] for environment_id in environment_ids}
    rows = await User.filter(
        environment_id__in=list(environment_ids), role=Role.SUPERUSER, is_active=True
    ).values_list("environment_id", "email")
    for environment_id, email in rows:
        found[environment_id].append(email)
    return found


async def redeem_code(
    user: User,
    entered: str,
    now: datetime,
    settings: Settings,
    *,
    token: ApiToken | None = None,
) -> Migration:
    """The offer a code opens for this user, counting every failure against the limits.

    Raises Refused: a code matching no offer meant for this office is TRANSFER_CODE_INVALID
    whatever the reason; a code matching one exactly that can no longer be used says why.
    """
    async with one_try_at_a_time(user.environment_id):
        outcome = await _try_code(user, entered, now, settings, token)
    if isinstance(outcome, Refusal):  # raised only now, so the failure's record is kept
        raise Refused(outcome)
    return outcome


async def _try_code(
    user: User, entered: str, now: datetime, settings: Settings, token: ApiToken | None
) -> Migration | Refusal:
    """One attempt, under the lock; a refusal is returned so its record is committed."""
    if retry_at := await code_attempts_refused_until(user, now, settings):
        return Refusal(
            RefusalCode.TOO_MANY_ATTEMPTS,
            "Too many wrong transfer codes from you, or from your office since your own last "
            f"wrong one; try again from {retry_at.isoformat(timespec='seconds')}.",
            retry_at=retry_at,
        )
    code = normalize_transfer_code(entered)
    migration = (
        await Migration.get_or_none(transfer_code=code) if looks_like_transfer_code(code) else None
    )
    if migration is not None and migration.is_offered_by(user.environment_id):
        return Refusal(RefusalCode.OWN_OFFER, "Your own environment made this offer.")
    if migration is None or not await _meant_for(migration, user.environment_id):
        await _record_failure(user, entered, now, token)
        return Refusal(RefusalCode.TRANSFER_CODE_INVALID, INVALID_MESSAGE)
    items = await MigrationAdministration.filter(migration_id=migration.pk).order_by("id")
    if any(item.is_still_offered(now) for item in items):
        return migration
    return _no_longer_usable(items, now)


async def _meant_for(migration: Migration, environment_id: int) -> bool:
    """The offer's target is this environment (an offer from before targets: its recipients)."""
    emails: list[str] = []
    if migration.target_environment_id is None:  # only then do its superusers matter
        emails = (await superuser_emails([environment_id]))[environment_id]
    return migration.is_meant_for(environment_id, emails)


# Why an administration of an offer can no longer be received or rejected, the strongest
# reason first: what a right code says when nothing is left (rule 9), and what receiving or
# rejecting one administration says.
_ENDED_AS: list[tuple[frozenset[MigrationStatus], RefusalCode, str]] = [
    (RECEIVED_MIGRATION_STATUSES, RefusalCode.ALREADY_RECEIVED, "has already been received"),
    (frozenset({MigrationStatus.REJECTED}), RefusalCode.REJECTED, "was rejected"),
    (frozenset({MigrationStatus.WITHDRAWN}), RefusalCode.WITHDRAWN, "was withdrawn by the sender"),
    (frozenset({MigrationStatus.EXPIRED}), RefusalCode.EXPIRED, "has expired"),
]


def why_ended(status: MigrationStatus) -> tuple[RefusalCode, str] | None:
    """Why an administration in this status can no longer be received, or None if it can be."""
    for ended, code, words in _ENDED_AS:
        if status in ended:
            return code, words
    return None


def not_receivable(item: MigrationAdministration, status: MigrationStatus) -> Refusal:
    """Why one administration of an offer cannot be received or rejected in this status."""
    name = item.administration_name
    if ended := why_ended(status):
        code, words = ended
        return Refusal(code, f"{name} {words}.")
    return Refusal(
        RefusalCode.NOT_OFFERED, f"{name} is no longer offered ({status.value.lower()})."
    )


def _no_longer_usable(items: list[MigrationAdministration], now: datetime) -> Refusal:
    """A right code with nothing left to receive: why, in words naming each administration."""
    ended = {item.pk: why_ended(item.effective_status(now)) for item in items}
    reasons = []
    parts = []
    for _, reason, words in _ENDED_AS:
        names = [
            item.administration_name
            for item in items
            if (why := ended[item.pk]) is not None and why[0] == reason
        ]
        if names:
            reasons.append(reason)
            parts.append(f"{', '.join(names)} {words}")
    return Refusal(
        reasons[0] if reasons else RefusalCode.EXPIRED,
        "This transfer code is right, but nothing in its offer can be received any more: "
        + "; ".join(parts)
        + ". Ask the sender for a new offer if you still want it.",
    )


ADMINISTRATION_CODE = re.compile(r"^[A-Za-z0-9._-]{1,32}$")
# Claimed but not yet moved: their chosen codes are taken in the target already.
_CODE_HOLDING = list(RECEIVED_MIGRATION_STATUSES - {MigrationStatus.COMPLETED})


# What check_receiving can refuse while a move runs (`moving`): the chosen code's form was
# checked at the claim and does not change, so INVALID is never among them.
REFUSED_WHILE_MOVING = frozenset(
    {
        RefusalCode.NOT_PREMIUM,
        RefusalCode.NOT_FOUND,
        RefusalCode.NO_CONNECTION_OF_PACKAGE,
        RefusalCode.WRONG_PACKAGE,
        RefusalCode.DUPLICATE_IN_TARGET,
        RefusalCode.CODE_IN_USE,
    }
)


@dataclass(frozen=True)
class ReceivingChoice:
    """One administration as the receiver would take it: into which connection, which code.

    The preview knows neither (connection_id None: any of the package; code None: the
    offered code); a claim knows both; the move checks the claim's choice again.
    """

    item: MigrationAdministration
    connection_id: int | None = None
    code: str | None = None

    def target_code(self) -> str:
        """The code it gets in the target: the chosen one, else the one it has now."""
        return (self.code or "").strip() or self.item.administration_code


@dataclass(frozen=True)
class ReceivingCheck:
    """The answer of check_receiving: the target's own problems, and each choice's."""

    target_refusals: list[Refusal]  # about the target as a whole
    refusals: list[list[Refusal]]  # per choice, each at its field within the choice
    connections: dict[int, AccountingConnection]
    code_in_use: list[bool]  # the choice's code is taken in the target (another can be chosen)

    def can_receive(self, index: int) -> bool:
        """Whether the choice at index can be received as it stands."""
        return not self.target_refusals and not self.refusals[index]


async def check_receiving(
    target: Environment,
    package: AccountingPackage,
    choices: Sequence[ReceivingChoice],
    *,
    moving: bool = False,
) -> ReceivingCheck:
    """Rules 2, 3, 11 and 12 for each chosen administration: what preview, claim and move run.

    While moving, the choice was validated at the claim and holds its own code; only what can
    have changed since is looked at again (plan, connection, the target's administrations).
    """
    target_refusals = [refused] if (refused := premium_refusal(target)) else []
    connection_ids = [c.connection_id for c in choices if c.connection_id is not None]
    connections = {
        row.pk: row
        for row in await AccountingConnection.filter(
            environment_id=target.pk, id__in=connection_ids
        )
    }
    has_package = await AccountingConnection.exists(environment_id=target.pk, package=package)
    codes = [choice.target_code() for choice in choices]
    # A code longer than the column is in no row, and is refused below as INVALID.
    storable = [code for code in codes if len(code) <= CODE_COLUMN_LENGTH]
    existing = (
        await Administration.filter(environment_id=target.pk)
        .filter(Q(code__in=storable) | Q(name__in=[c.item.administration_name for c in choices]))
        .values_list("code", "name")
    )
    taken_codes = {code for code, _ in existing}
    twins = set(existing)
    if not moving:
        taken_codes |= set(
            await MigrationAdministration.filter(
                target_environment_id=target.pk,
                status__in=_CODE_HOLDING,
                target_code__in=storable,
            )
            .exclude(id__in=[c.item.pk for c in choices])
            .values_list("target_code", flat=True)
        )
    refusals: list[list[Refusal]] = []
    in_use: list[bool] = []
    for choice, code in zip(choices, codes, strict=True):
        item = choice.item
        found: list[Refusal] = []
        connection = connections.get(choice.connection_id) if choice.connection_id else None
        if choice.connection_id is not None and connection is None:
            found.append(
                Refusal(
                    RefusalCode.NOT_FOUND,
                    "Choose one of your own accounting connections.",
                    ("connectionId",),
                )
            )
        elif not has_package:
            found.append(
                Refusal(
                    RefusalCode.NO_CONNECTION_OF_PACKAGE,
                    f"Your environment has no connection to {package.value}; add one before "
                    "receiving.",
                    ("connectionId",),
                )
            )
        elif connection is not None and connection.package != package:
            found.append(
                Refusal(
                    RefusalCode.WRONG_PACKAGE,
                    f"{item.administration_name} is in {package.value}; choose a connection of "
                    f"that package, not {connection.package.value}.",
                    ("connectionId",),
                )
            )
        duplicate = (item.administration_code, item.administration_name) in twins
        if duplicate:
            found.append(
                Refusal(
                    RefusalCode.DUPLICATE_IN_TARGET,
                    f"Your environment already has administration {item.administration_code} "
                    f"{item.administration_name}: remove it there before receiving this one, "
                    "whatever code you choose.",
                )
            )
        if choice.code is not None and not moving and not ADMINISTRATION_CODE.match(code):
            found.append(
                Refusal(
                    RefusalCode.INVALID,
                    "An administration code is 1 to 32 letters, digits, '.', '-' or '_'.",
                    ("administrationCode",),
                )
            )
            in_use.append(False)
        else:
            taken = code in taken_codes and not duplicate
            in_use.append(taken)
            if taken and choice.connection_id is not None:  # the preview only flags it
                found.append(
                    Refusal(
                        RefusalCode.CODE_IN_USE,
                        f"Your environment already uses administration code {code}; choose "
                        "another, so no two administrations share an inbound address.",
                        ("administrationCode",),
                    )
                )
        refusals.append(found)
    return ReceivingCheck(target_refusals, refusals, connections, in_use)


async def bind_target(migration_id: int, environment_id: int) -> bool:
    """All administrations of an offer go to one environment; an unbound one is bound now."""
    changed = await Migration.filter(
        Q(target_environment_id__isnull=True) | Q(target_environment_id=environment_id),
        id=migration_id,
    ).update(target_environment_id=environment_id)
    return changed == 1
