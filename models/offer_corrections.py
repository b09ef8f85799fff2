"""What the source can correct in an offer that still stands (rule 7): recipients, mail, expiry.

None of these changes a status, so they are not transitions of the lifecycle; like them, each
records its audit event and queues its mail in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from mail.notices import queue_offer_mail
from models.audit import record
from models.enums import AuditAction
from models.environment import Environment
from models.lifecycle import Change
from models.migration import Migration, MigrationItem, MigrationRecipient, still_offered


async def standing_items(migration: Migration, now: datetime) -> list[MigrationItem]:
    """The administrations of the offer that are still offered; corrections only touch these."""
    return await MigrationItem.filter(still_offered(now), migration_id=migration.pk).order_by("id")


async def _record(
    change: Change, action: AuditAction, migration: Migration, **detail: object
) -> None:
    await record(
        action, at=change.now, migration_id=migration.pk, actor=change.actor, detail=detail
    )


async def _mail(
    change: Change,
    migration: Migration,
    items: Sequence[MigrationItem],
    to: Sequence[str] | None = None,
) -> None:
    source = await Environment.get(pk=migration.source_environment_id)
    await queue_offer_mail(change.settings, change.now, migration, items, source, to=to)


async def change_recipients(
    change: Change,
    migration: Migration,
    recipients: Sequence[str],
    target: Environment,
    items: Sequence[MigrationItem],
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
    await MigrationItem.filter(migration_id=migration.pk).update(
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


async def resend_offer(
    change: Change, migration: Migration, items: Sequence[MigrationItem]
) -> None:
    """Send the offer mail again to every recipient, for a code that got lost."""
    await _record(change, AuditAction.OFFER_RESENT, migration, recipients=len(migration.recipients))
    await _mail(change, migration, items)


async def extend_offer(
    change: Change, migration: Migration, items: Sequence[MigrationItem], expires_at: datetime
) -> None:
    """Move the expiry of what is still offered to a later moment, and mail the new date."""
    previous = migration.expires_at
    migration.expires_at = expires_at
    migration.reminded_at = None  # the new expiry gets its own reminder
    await migration.save(update_fields=["expires_at", "reminded_at"])
    await MigrationItem.filter(still_offered(change.now), migration_id=migration.pk).update(
        expires_at=expires_at
    )
    await _record(
        change,
        AuditAction.EXPIRY_EXTENDED,
        migration,
        previous=previous.isoformat(),
        expires_at=expires_at.isoformat(),
    )
    await _mail(change, migration, items)
