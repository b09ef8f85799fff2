"""What the source can correct in an offer that still stands (rule 7): recipients, mail, expiry.

None of these changes a status, so they are not transitions of the lifecycle; like them, each
records its audit event and queues its mail in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from models.audit import AuditEvent, record
from models.enums import AuditAction
from models.environment import Environment
from models.lifecycle import Change
from models.notices.offer import OfferMail
from models.offering import current_recipients
from models.offers import Migration, MigrationAdministration, MigrationRecipient, still_offered
from models.refusals import Refusal, RefusalCode
from overdracht.db import is_postgres


async def _record(
    change: Change, action: AuditAction, migration: Migration, **detail: object
) -> None:
    await record(
        action, at=change.now, migration_id=migration.pk, actor=change.actor, detail=detail
    )


async def _mail(
    change: Change,
    migration: Migration,
    items: Sequence[MigrationAdministration],
    to: Sequence[str] | None = None,
) -> None:
    source = await Environment.get(pk=migration.source_environment_id)
    await OfferMail.queue(change.settings, change.now, migration, items, source, to=to)


def retarget_refusal(migration: Migration, target: Environment) -> Refusal | None:
    """New recipients stay within the offer's target office (rule 7), or None when they do."""
    bound = migration.target_environment_id
    if bound is None or target.pk == bound:
        return None
    return Refusal(
        RefusalCode.RECIPIENTS_IN_SEVERAL_ENVIRONMENTS,
        "These are not superusers of the office this offer is for; withdraw it and make a new "
        "offer to change the receiving office.",
        ("recipients",),
    )


def extension_refusal(
    migration: Migration, wanted: datetime, now: datetime, validity: timedelta
) -> Refusal | None:
    """A new expiry is later than the current one and at most the validity from now (rule 7)."""
    latest = now + validity
    when = latest.isoformat(timespec="seconds")
    if wanted <= migration.expires_at:
        message = f"Choose a moment after the current expiry; at most {when}."
    elif wanted > latest:
        message = f"An offer is valid at most {validity.days} days from now: {when}."
    else:
        return None
    return Refusal(RefusalCode.INVALID, message, ("expiresAt",))


async def change_recipients(
    change: Change,
    migration: Migration,
    recipients: Sequence[str],
    target: Environment,
    items: Sequence[MigrationAdministration],
) -> list[str]:
    """Replace the recipients (checked: superusers of the offer's target); mail the new ones."""
    before = list(migration.recipients)
    added = [address for address in recipients if address not in before]
    removed = [address for address in before if address not in recipients]
    migration.recipients = list(recipients)
    migration.target_environment = target  # an offer from before targets is bound now
    await migration.save(update_fields=["recipients", "target_environment_id"])
    await MigrationRecipient.filter(migration_id=migration.pk).delete()
    await MigrationRecipient.bulk_create(
        [MigrationRecipient(migration=migration, email=address) for address in recipients]
    )
    await MigrationAdministration.filter(migration_id=migration.pk).update(
        recipients_text=", ".join(recipients)
    )
    # Counts only: the trail is read by partners' tokens, which see no e-mail addresses.
    await _record(
        change,
        AuditAction.RECIPIENTS_CHANGED,
        migration,
        recipients=len(recipients),
        added=len(added),
        removed=len(removed),
    )
    if added:
        await _mail(change, migration, items, to=added)
    return added


RESEND_WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class Resend:
    """What sending an offer again did: to whom, whom it skipped, or until when it is refused."""

    sent_to: list[str]
    skipped: list[str]
    refused_until: datetime | None = None


async def resend_offer(
    change: Change, migration: Migration, items: Sequence[MigrationAdministration]
) -> Resend:
    """Send the offer mail again, for a code that got lost: to the target's current superusers.

    At most `resend_limit_per_hour` times an hour per offer; each resend is recorded with the
    addresses it went to and those it skipped.
    """
    # In the caller's transaction. The offer's row lock puts two resends at once one after the
    # other, so both cannot count the same room under the limit (SQLite serialises writers).
    if is_postgres():
        await Migration.filter(pk=migration.pk).select_for_update().first()
    earlier = [
        event.at
        for event in await AuditEvent.filter(
            migration_id=migration.pk,
            action=AuditAction.OFFER_RESENT,
            at__gt=change.now - RESEND_WINDOW,
        ).order_by("at")
    ]
    limit = change.settings.resend_limit_per_hour
    if len(earlier) >= limit:
        return Resend([], [], refused_until=earlier[len(earlier) - limit] + RESEND_WINDOW)
    sent_to, skipped = await current_recipients(migration)
    if not sent_to:
        return Resend([], skipped)
    # The addresses are the source's to see (rule 1); the trail shows others only the counts.
    await _record(
        change,
        AuditAction.OFFER_RESENT,
        migration,
        recipients=len(sent_to),
        skipped=len(skipped),
        sentTo=sent_to,
        skippedRecipients=skipped,
    )
    await _mail(change, migration, items, to=sent_to)
    return Resend(sent_to, skipped)


async def extend_offer(
    change: Change,
    migration: Migration,
    items: Sequence[MigrationAdministration],
    expires_at: datetime,
) -> None:
    """Move the expiry of what is still offered to a later moment, and mail the new date."""
    previous = migration.expires_at
    migration.expires_at = expires_at
    migration.reminded_at = None  # the new expiry gets its own reminder
    await migration.save(update_fields=["expires_at", "reminded_at"])
    await MigrationAdministration.filter(
        still_offered(change.now), migration_id=migration.pk
    ).update(expires_at=expires_at)
    await _record(
        change,
        AuditAction.EXPIRY_EXTENDED,
        migration,
        previous=previous.isoformat(),
        expires_at=expires_at.isoformat(),
    )
    sent_to, _ = await current_recipients(migration)
    if sent_to:
        await _mail(change, migration, items, to=sent_to)
