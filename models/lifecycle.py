"""The lifecycle of an offered administration (rule 14) as one state machine.

Every status change of an administration in an offer (MigrationAdministration) is one named
transition here. Each checks that it is allowed from the current status as part of a conditional
UPDATE (so of two racing callers exactly one wins), records its audit event and queues its mail,
all in the caller's transaction. Resolvers and the move engine call these functions; nothing else
writes a status.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import reduce

from tortoise.expressions import Case, F, Q, Value, When

from models.administration import AccountingConnection, Administration
from models.audit import SYSTEM_ACTOR, record, record_each
from models.enums import AuditAction, MailLanguage, MigrationStatus, MoveFailure, package_label
from models.environment import Environment
from models.notices.move import CompletionMail, FailureMail
from models.notices.offer import ExpiryMail, OfferMail, ReminderMail, WithdrawalMail
from models.notices.reception import ClaimMail, RejectionMail, ReleaseMail
from models.offering import current_recipients, write_offer
from models.offers import (
    BillableLine,
    Migration,
    MigrationAdministration,
    reason_for,
    still_offered,
)
from models.user import User
from models.webhooks import WebhookEventType as Event
from models.webhooks import queue_event
from overdracht.db import is_postgres
from overdracht.settings import MoveVerification, Settings

S = MigrationStatus


class Step(StrEnum):
    """The transitions of rule 14, as rule 14 of docs/rules.md names them."""

    OFFER = "offer"
    WITHDRAW = "withdraw"
    EXPIRE = "expire"
    CLAIM = "claim"
    REJECT = "reject"
    CANCEL = "cancel"
    START = "start"
    COMPLETE = "complete"
    FAIL = "fail"
    RETRY = "retry"
    GIVE_UP = "give up"


@dataclass(frozen=True)
class Transition:
    """From which statuses a step may be taken, where it leads, and who takes it."""

    sources: frozenset[MigrationStatus]
    targets: frozenset[MigrationStatus]
    taken_by: str
    audit: AuditAction


def _t(sources: set[S], targets: set[S], taken_by: str, audit: AuditAction) -> Transition:
    return Transition(frozenset(sources), frozenset(targets), taken_by, audit)


TRANSITIONS: dict[Step, Transition] = {
    Step.OFFER: _t(set(), {S.OFFERED}, "a superuser of the source", AuditAction.OFFERED),
    Step.WITHDRAW: _t(
        {S.OFFERED, S.FAILED}, {S.WITHDRAWN}, "a superuser of the source", AuditAction.WITHDRAWN
    ),
    Step.EXPIRE: _t({S.OFFERED}, {S.EXPIRED}, "Overdracht, at the expiry", AuditAction.EXPIRED),
    Step.CLAIM: _t({S.OFFERED}, {S.QUEUED}, "a superuser of the target", AuditAction.RECEIVED),
    Step.REJECT: _t({S.OFFERED}, {S.REJECTED}, "a superuser of the target", AuditAction.REJECTED),
    Step.CANCEL: _t(
        {S.QUEUED}, {S.OFFERED, S.EXPIRED}, "a superuser of the target", AuditAction.CANCELLED
    ),
    Step.START: _t({S.QUEUED}, {S.RUNNING}, "a worker of Overdracht", AuditAction.STARTED),
    Step.COMPLETE: _t(
        {S.RUNNING}, {S.COMPLETED}, "the worker holding the move", AuditAction.COMPLETED
    ),
    Step.FAIL: _t({S.RUNNING}, {S.FAILED}, "the worker holding the move", AuditAction.FAILED),
    Step.RETRY: _t({S.FAILED}, {S.QUEUED}, "a superuser of either side", AuditAction.RETRIED),
    Step.GIVE_UP: _t({S.FAILED}, {S.REJECTED}, "a superuser of the target", AuditAction.GAVE_UP),
}


def shown_as(status: MigrationStatus, now: datetime) -> Q:
    """Rows users see in this status, in which an offer past its expiry is EXPIRED at once."""
    if status == S.OFFERED:
        return still_offered(now)
    if status == S.EXPIRED:
        return Q(status=S.EXPIRED) | Q(status=S.OFFERED, expires_at__lte=now)
    return Q(status=status)


@dataclass(frozen=True)
class Change:
    """Who takes a step, at which moment, with the settings its mail is written with."""

    settings: Settings
    now: datetime
    actor: User | None = None  # None: Overdracht itself (the worker, the expiry)
    actor_environment_id: int | None = None

    def system(self) -> Change:
        """The same moment, as a step Overdracht takes by itself (an expiry found on the way)."""
        return Change(self.settings, self.now)

    async def record(
        self, step: Step, item: MigrationAdministration, migration_id: int, **detail: object
    ) -> None:
        """The audit event of one step of one administration."""
        await record(
            TRANSITIONS[step].audit,
            at=self.now,
            migration_id=migration_id,
            item_id=item.pk,
            actor=self.actor,
            actor_environment_id=self.actor_environment_id,
            detail={"administration": item.administration_name, **detail},
        )

    async def record_each(
        self,
        step: Step,
        migration_id: int,
        details: Sequence[tuple[MigrationAdministration, dict[str, object]]],
    ) -> None:
        """The audit events of one step of many administrations, written at once."""
        await record_each(
            TRANSITIONS[step].audit,
            [
                (item.pk, {"administration": item.administration_name, **detail})
                for item, detail in details
            ],
            at=self.now,
            migration_id=migration_id,
            actor=self.actor,
            actor_environment_id=self.actor_environment_id,
        )


async def _move(item_id: int, condition: Q, **changes: object) -> bool:
    """The conditional UPDATE every transition is: it changes the row only from where allowed."""
    changed = await MigrationAdministration.filter(condition, id=item_id).update(**changes)
    return changed == 1


def _from(step: Step, now: datetime) -> Q:
    """The rows a step may be taken from, as TRANSITIONS says: OFFERED means still offered."""
    return reduce(operator.or_, [shown_as(status, now) for status in TRANSITIONS[step].sources])


def may_step(step: Step, item: MigrationAdministration, now: datetime) -> bool:
    """Whether a step may be taken from the item's status now: `_from` on a row in memory.

    Callers decide with it before they act; the conditional UPDATE then holds the same rule
    against a racing caller.
    """
    return item.effective_status(now) in TRANSITIONS[step].sources


# -- the source --------------------------------------------------------------------------------


async def offer(
    change: Change,
    administrations: Sequence[Administration],
    recipients: Sequence[str],
    *,
    target: Environment,
    language: MailLanguage,
    terms_version: str,
) -> tuple[Migration, list[MigrationAdministration]]:
    """Offer checked administrations: their expired offers end first, then the code is mailed."""
    requester = change.actor
    assert requester is not None, "an offer is made by a superuser of the source"
    await expire_due(change.system(), [a.pk for a in administrations])
    migration, items = await write_offer(
        requester,
        administrations,
        recipients,
        target=target,
        language=language,
        terms_version=terms_version,
        now=change.now,
        validity=change.settings.offer_validity,
    )
    await change.record_each(
        Step.OFFER,
        migration.pk,
        [
            (item, {"code": item.administration_code, "termsVersion": terms_version})
            for item in items
        ],
    )
    source = await Environment.get(pk=migration.source_environment_id)
    await OfferMail.queue(change.settings, change.now, migration, items, source)
    await queue_event(Event.MIGRATION_OFFERED, migration, items, change.now)
    return migration, items


async def withdraw(
    change: Change, migration: Migration, items: Sequence[MigrationAdministration]
) -> list[MigrationAdministration]:
    """Withdraw what is still offered or failed; each item changes only if it still may."""
    withdrawn = [
        item
        for item in items
        if await _move(
            item.pk,
            _from(Step.WITHDRAW, change.now),
            status=S.WITHDRAWN,
            open_administration_id=None,
            lease_until=None,
            status_changed_at=change.now,
        )
    ]
    for item in withdrawn:
        await change.record(Step.WITHDRAW, item, migration.pk, code=item.administration_code)
    if withdrawn:
        user = change.actor
        source = await Environment.get(pk=migration.source_environment_id)
        await WithdrawalMail.queue(
            change.settings,
            change.now,
            migration,
            withdrawn,
            source,
            user.display_name if user else migration.requester_name,
            user.email if user else migration.requester_email,
        )
        await queue_event(Event.MIGRATION_WITHDRAWN, migration, withdrawn, change.now)
    return withdrawn


async def expire(
    change: Change, items: Sequence[MigrationAdministration]
) -> list[MigrationAdministration]:
    """Mark offers past their expiry EXPIRED, free their books, and tell each requester once."""
    # The one step taken from OFFERED *past* its expiry: users already see these as EXPIRED.
    condition = Q(status=S.OFFERED, expires_at__lte=change.now)
    by_offer: dict[int, list[MigrationAdministration]] = defaultdict(list)
    for item in items:
        by_offer[item.migration_id].append(item)
    offers = Migration.filter(pk__in=list(by_offer)).order_by("id")
    if is_postgres():
        # One worker expires an offer at a time, so its requester gets one mail, not one each.
        offers = offers.select_for_update()
    expired: list[MigrationAdministration] = []
    for migration in await offers:
        moved = [
            item
            for item in by_offer[migration.pk]
            if await _move(
                item.pk,
                condition,
                status=S.EXPIRED,
                open_administration_id=None,
                status_changed_at=change.now,
            )
        ]
        for item in moved:
            await change.record(Step.EXPIRE, item, migration.pk)
        if moved:
            await ExpiryMail.queue(change.settings, change.now, migration, moved)
            await queue_event(Event.MIGRATION_EXPIRED, migration, moved, change.now)
        expired.extend(moved)
    return expired


async def expire_due(change: Change, administration_ids: Sequence[int] | None = None) -> int:
    """Expire every offer that is due, or only those holding these administrations."""
    query = MigrationAdministration.filter(status=S.OFFERED, expires_at__lte=change.now)
    if administration_ids is not None:
        # The whole of each offer holding them, so its requester hears of it in one mail.
        offers = MigrationAdministration.filter(
            open_administration_id__in=list(administration_ids)
        ).values_list("migration_id", flat=True)
        query = query.filter(migration_id__in=list(await offers))
    return len(await expire(change, await query))


async def remind_due(change: Change) -> int:
    """Remind the recipients of offers expiring soon, once per expiry; returns how many."""
    before = change.settings.reminder_before_expiry
    if not before:
        return 0
    due = Migration.filter(
        reminded_at__isnull=True,
        expires_at__gt=change.now,
        expires_at__lte=change.now + before,
    ).select_related("source_environment")
    reminded = 0
    for migration in await due:
        if migration.expires_at - migration.offered_at <= before:
            continue  # offered for less than the reminder's lead: the offer mail is recent
        # The conditional update is the once: of several workers, one wins each offer.
        if not await Migration.filter(pk=migration.pk, reminded_at__isnull=True).update(
            reminded_at=change.now
        ):
            continue
        items = await MigrationAdministration.filter(
            still_offered(change.now), migration_id=migration.pk
        )
        sent_to, _ = await current_recipients(migration)
        if not items or not sent_to:
            continue
        await ReminderMail.queue(
            change.settings, change.now, migration, items, migration.source_environment, sent_to
        )
        reminded += 1
    return reminded


# -- the target --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reception:
    """One administration a claim receives: into which connection, under which code and terms."""

    item: MigrationAdministration
    connection: AccountingConnection
    code: str
    terms_version: str
    not_before: datetime | None = None  # the moment the move must not start before, if chosen


async def claim(change: Change, migration: Migration, reception: Reception) -> bool:
    """Queue one administration for its move if, at this instant, it is still offered."""
    return await claim_all(change, migration, [reception]) is None


async def claim_all(
    change: Change, migration: Migration, receptions: Sequence[Reception]
) -> int | None:
    """Queue every received administration for its move, if each is still offered at this
    instant: None, or the position of one that was not (the caller rolls back).

    One conditional UPDATE per connection and moment chosen, the codes as a CASE, and the audit
    events in one INSERT, so receiving hundreds costs what receiving a few costs.
    """
    receiver = change.actor
    assert receiver is not None, "a claim is made by a superuser of the target"
    groups: dict[tuple[int, datetime | None], list[Reception]] = defaultdict(list)
    for reception in receptions:
        groups[(reception.connection.pk, reception.not_before)].append(reception)
    for (_, not_before), group in groups.items():
        ids = [r.item.pk for r in group]
        # When resolves any Expression, a Value too; its annotation names fewer.
        codes = Case(
            *(When(id=r.item.pk, then=Value(r.code)) for r in group),  # type: ignore[arg-type]
            default=F("target_code"),
        )
        changed = await MigrationAdministration.filter(
            _from(Step.CLAIM, change.now), id__in=ids
        ).update(
            status=S.QUEUED,
            target_environment_id=group[0].connection.environment_id,
            target_connection_id=group[0].connection.pk,
            target_code=codes,
            received_by_name=receiver.display_name,
            received_by_email=receiver.email,
            reception_terms_version=group[0].terms_version,
            not_before=not_before,
            status_changed_at=change.now,
        )
        if changed != len(ids):
            return await _first_lost(receptions, change.now)
    await change.record_each(
        Step.CLAIM,
        migration.pk,
        [
            (
                r.item,
                {
                    "code": r.code,
                    "connection": r.connection.name,
                    "termsVersion": r.terms_version,
                    "notBefore": _iso(r.not_before),
                },
            )
            for r in receptions
        ],
    )
    return None


async def _first_lost(receptions: Sequence[Reception], now: datetime) -> int:
    """The position of the first reception whose item was no longer offered when claimed."""
    ids = [r.item.pk for r in receptions]
    offered = set(
        await MigrationAdministration.filter(_from(Step.CLAIM, now), id__in=ids).values_list(
            "id", flat=True
        )
    )
    queued_now = set(
        await MigrationAdministration.filter(
            id__in=ids, status=S.QUEUED, status_changed_at=now
        ).values_list("id", flat=True)
    )
    for index, reception in enumerate(receptions):
        if reception.item.pk not in offered and reception.item.pk not in queued_now:
            return index
    return 0


async def reschedule(
    change: Change, item: MigrationAdministration, not_before: datetime | None
) -> bool:
    """The receiver moves or clears the moment a queued move must not start before.

    Allowed while the move may still be cancelled: once a worker started it, it is too late.
    """
    if not await _move(item.pk, _from(Step.CANCEL, change.now), not_before=not_before):
        return False
    await record(
        AuditAction.MOVE_RESCHEDULED,
        at=change.now,
        migration_id=item.migration_id,
        item_id=item.pk,
        actor=change.actor,
        actor_environment_id=change.actor_environment_id,
        detail={
            "administration": item.administration_name,
            "notBefore": _iso(not_before),
            "was": _iso(item.not_before),
        },
    )
    return True


async def tell_claimed(
    change: Change, migration: Migration, items: Sequence[MigrationAdministration]
) -> None:
    """One mail to the requester for everything one claim received: which, and by whom."""
    receiver = change.actor
    assert receiver is not None, "a claim is made by a superuser of the target"
    target = await _actor_environment(change)
    await ClaimMail.queue(
        change.settings, change.now, migration, items, target, receiver.display_name, receiver.email
    )
    await queue_event(
        Event.MIGRATION_CLAIMED, migration, items, change.now, target_environment_id=target.pk
    )


async def reject(
    change: Change, migration: Migration, items: Sequence[MigrationAdministration], reason: str
) -> list[MigrationAdministration]:
    """Reject what is still offered; it is then free to be offered again (rule 11)."""
    target = await _actor_environment(change)
    rejected = [
        item
        for item in items
        if await _move(
            item.pk,
            _from(Step.REJECT, change.now),
            status=S.REJECTED,
            target_environment_id=target.pk,
            open_administration_id=None,
            reason=reason,
            status_changed_at=change.now,
        )
    ]
    for item in rejected:
        await change.record(Step.REJECT, item, migration.pk, reason=reason)
    if rejected:
        await RejectionMail.queue(
            change.settings, change.now, migration, rejected, target, _name(change), reason
        )
        await queue_event(
            Event.MIGRATION_REJECTED,
            migration,
            rejected,
            change.now,
            target_environment_id=target.pk,
        )
    return rejected


async def cancel(
    change: Change, migration: Migration, item: MigrationAdministration
) -> MigrationStatus | None:
    """The receiver takes back a claim before its move started: offered again, or EXPIRED.

    Nothing is charged: the billable line is only written when a move completes.
    """
    back_to = S.OFFERED if change.now < item.expires_at else S.EXPIRED
    if not await _move(
        item.pk,
        _from(Step.CANCEL, change.now),
        status=back_to,
        open_administration_id=item.administration_id if back_to == S.OFFERED else None,
        target_connection_id=None,
        target_code=None,
        received_by_name="",
        received_by_email="",
        reception_terms_version=None,
        not_before=None,
        status_changed_at=change.now,
    ):
        return None
    await change.record(Step.CANCEL, item, migration.pk, now=back_to.value)
    await _tell_release(
        change, migration, item, after_failure=False, offered_again=back_to == S.OFFERED
    )
    return back_to


async def give_up(change: Change, migration: Migration, item: MigrationAdministration) -> bool:
    """The receiver gives up a failed move: REJECTED, and the books are free to offer anew."""
    reason = f"Given up after the move failed: {item.reason}".strip()
    if not await _move(
        item.pk,
        _from(Step.GIVE_UP, change.now),
        status=S.REJECTED,
        open_administration_id=None,
        reason=reason,
        lease_until=None,
        status_changed_at=change.now,
    ):
        return False
    await change.record(Step.GIVE_UP, item, migration.pk, failure=item.failure)
    target = await _tell_release(change, migration, item, after_failure=True, offered_again=False)
    # Rejected now, as a rejection of the offer is: both offices' endpoints hear it the same way.
    await queue_event(
        Event.MIGRATION_REJECTED, migration, [item], change.now, target_environment_id=target.pk
    )
    return True


async def _tell_release(
    change: Change,
    migration: Migration,
    item: MigrationAdministration,
    *,
    after_failure: bool,
    offered_again: bool,
) -> Environment:
    """The requester hears that the receiver let go, and whether the offer still stands;
    returns the receiving office."""
    target = await _actor_environment(change)
    await ReleaseMail.queue(
        change.settings,
        change.now,
        migration,
        [item],
        target,
        _name(change),
        after_failure=after_failure,
        offered_again=offered_again,
    )
    return target


async def retry(change: Change, item: MigrationAdministration) -> bool:
    """Queue a failed move again; the source was left as it was, so it simply starts over."""
    if not await _move(
        item.pk,
        _from(Step.RETRY, change.now),
        status=S.QUEUED,
        reason="",
        failure=None,
        documents_done=0,
        status_changed_at=change.now,
    ):
        return False
    await change.record(Step.RETRY, item, item.migration_id, failure=item.failure)
    return True


# -- the worker --------------------------------------------------------------------------------


async def start(
    change: Change, item: MigrationAdministration, *, lease_until: datetime
) -> int | None:
    """Take a queued move, or one whose worker's lease ran out; returns the attempt number.

    The attempt number fences the move: every later step of it names the attempt, so a
    worker that lost its lease can no longer change anything.
    """
    attempt = item.move_attempts + 1
    if not await _move(
        item.pk,
        startable(change.now, change.settings.move_start_delay)
        & Q(move_attempts=item.move_attempts),
        status=S.RUNNING,
        move_attempts=attempt,
        lease_until=lease_until,
        started_at=change.now,
        progress_at=None,
        documents_done=0,
        status_changed_at=change.now,
    ):
        return None
    await change.record(Step.START, item, item.migration_id, attempt=attempt)
    await queue_event(
        Event.MOVE_STARTED,
        item.migration_id,
        [item],
        change.now,
        source_extra={"attempt": attempt},
        target_extra={"attempt": attempt},
    )
    return attempt


def startable(now: datetime, start_delay: timedelta) -> Q:
    """The moves a worker may take: queued ones whose chosen moment (notBefore) has come and
    that have waited `start_delay` in the queue, and running ones whose lease is no longer held
    (from its end on, as Lease.held has it): their worker died, lost it, or handed it back."""
    queued = _from(Step.START, now) & (Q(not_before__isnull=True) | Q(not_before__lte=now))
    if start_delay:
        # Held in the queue for a while (OVERDRACHT_MOVE_START_DELAY_SECONDS, the demo's).
        queued &= Q(status_changed_at__lte=now - start_delay)
    return queued | Q(status=S.RUNNING, lease_until__lte=now)


def running(item_id: int, attempt: int) -> Q:
    """The move as this worker holds it: RUNNING under its own attempt."""
    return Q(id=item_id, status=S.RUNNING, move_attempts=attempt)


@dataclass(frozen=True)
class Completion:
    """What a completed move proved and where the administration went."""

    documents: int
    bytes_total: int
    administration: Administration
    source: Environment
    target: Environment
    verification: MoveVerification = MoveVerification.READ
    # The SHA-256 of the move's manifest, stored before this step (worker/manifest.py).
    manifest_sha256: str | None = None


async def complete(
    change: Change,
    migration: Migration,
    item: MigrationAdministration,
    attempt: int,
    done: Completion,
) -> bool:
    """The move is done: COMPLETED, billed once with its price (rule 8), and mailed (rule 13)."""
    if not await _move(
        item.pk,
        running(item.pk, attempt),
        status=S.COMPLETED,
        open_administration_id=None,
        documents_total=done.documents,
        documents_done=done.documents,
        bytes_total=done.bytes_total,
        checksums_verified=True,
        verification=done.verification,
        manifest_sha256=done.manifest_sha256,
        completed_at=change.now,
        lease_until=None,
        status_changed_at=change.now,
    ):
        return False
    price = change.settings.migration_price
    administration = done.administration
    # One per item: the line's unique item key makes a second one impossible.
    await BillableLine.create(
        environment_id=done.target.pk,
        item_id=item.pk,
        description=(
            f"Migration of administration {administration.code} {administration.name} "
            f"from {package_label(migration.package)}"
        ),
        amount=price.amount,
        currency=price.currency,
        accepted_by_name=item.received_by_name,
        created_at=change.now,
    )
    await change.record(
        Step.COMPLETE,
        item,
        migration.pk,
        documents=done.documents,
        bytes=done.bytes_total,
        checksums_verified=True,
        verification=done.verification.value,
        inbound_mail_address=administration.inbound_mail_address,
    )
    fresh = await MigrationAdministration.get(pk=item.pk)
    await CompletionMail.queue(
        change.settings, change.now, migration, fresh, administration, done.source, done.target
    )
    moved = {
        "documents": done.documents,
        "bytes": done.bytes_total,
        "checksumsVerified": True,
        "manifestSha256": done.manifest_sha256,
    }
    await queue_event(
        Event.MOVE_COMPLETED,
        migration,
        [fresh],
        change.now,
        source_extra=moved,
        target_extra={**moved, "inboundMailAddress": administration.inbound_mail_address},
    )
    return True


async def fail(
    change: Change,
    migration: Migration,
    item: MigrationAdministration,
    attempt: int,
    failure: MoveFailure,
    message: str,
) -> bool:
    """The move cannot complete; the source is unchanged, and the way on is retry or release."""
    if not await _move(
        item.pk,
        running(item.pk, attempt),
        status=S.FAILED,
        reason=message,
        failure=failure,
        lease_until=None,
        status_changed_at=change.now,
    ):
        return False
    await change.record(Step.FAIL, item, migration.pk, failure=failure.value, reason=message)
    source = await Environment.get(pk=migration.source_environment_id)
    target = await Environment.get(pk=item.target_environment_id)
    told = reason_for(message, failure, receiver=False)  # the mail is the requester's
    await FailureMail.queue(change.settings, change.now, migration, item, source, target, told)
    await queue_event(
        Event.MOVE_FAILED,
        migration,
        [item],
        change.now,
        source_extra={"failure": failure.value, "reason": told},
        target_extra={"failure": failure.value, "reason": message},
    )
    return True


# -- helpers -----------------------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _name(change: Change) -> str:
    return change.actor.display_name if change.actor else SYSTEM_ACTOR


async def _actor_environment(change: Change) -> Environment:
    env_id = change.actor_environment_id
    if env_id is None and change.actor is not None:
        env_id = change.actor.environment_id
    return await Environment.get(pk=env_id)
