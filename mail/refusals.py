"""A recipient who never got the transfer code: recorded on the offer and told to the requester."""

from __future__ import annotations

from datetime import datetime

from mail.delivery import ServerRefusal, key
from models.audit import record
from models.enums import AuditAction
from models.notices.offer import OfferMail, RefusalMail
from models.offers import Migration, MigrationAdministration, still_offered
from models.outbox import OutboxMail
from models.webhooks import WebhookEventType, queue_event
from overdracht.settings import Settings


async def tell_refused(
    settings: Settings, now: datetime, mail: OutboxMail, refused: dict[str, ServerRefusal]
) -> None:
    """For the code's mail: one audit event per refused recipient, and a mail to the requester.

    Runs in the transaction that records the refusal, so both happen exactly once. Refusals
    of other notices are only kept on their outbox row: telling about them could loop.
    """
    migration_id = mail.migration_id
    if mail.kind != OfferMail.kind or migration_id is None:
        return
    migration = await Migration.get_or_none(pk=migration_id)
    if migration is None:
        return
    open_items = await MigrationAdministration.filter(still_offered(now), migration_id=migration.pk)
    for address, refusal in refused.items():
        await record(
            AuditAction.RECIPIENT_REFUSED,
            at=now,
            migration_id=migration.pk,
            detail={
                "recipient": address,
                "serverAnswer": refusal.server_answer,
                "gaveUp": refusal.gave_up,
            },
        )
        if key(address) != key(migration.requester_email) and open_items:
            await RefusalMail.queue(
                settings,
                now,
                migration,
                open_items,
                address,
                refusal.server_answer,
                gave_up=refusal.gave_up,
            )
        # Only the offering office is told: the addresses are the ones it wrote.
        await queue_event(
            WebhookEventType.MAIL_REFUSED,
            migration,
            open_items,
            now,
            source_extra={
                "recipient": address,
                "serverAnswer": refusal.server_answer[:500],
                "gaveUp": refusal.gave_up,
            },
            to_target=False,
        )
