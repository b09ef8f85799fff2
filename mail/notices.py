"""Every notice about an offer, built from the models and queued on the caller's transaction.

The state machine (models/lifecycle.py) calls these as part of its transitions, so each
status change and the mail that tells people about it commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from mail.delivery import Refusal
from mail.letters import (
    AdministrationLine,
    ClaimMail,
    CompletionMail,
    ExpiryMail,
    FailureMail,
    Notice,
    OfferMail,
    RefusalMail,
    RejectionMail,
    ReleaseMail,
    ReminderMail,
    WithdrawalMail,
)
from mail.outbox import enqueue_notice
from models import Administration, Environment, Migration, MigrationItem
from models.migration import still_offered
from models.transfer_code import format_transfer_code
from overdracht.settings import Settings


def _lines(migration: Migration, items: Sequence[MigrationItem]) -> list[AdministrationLine]:
    return [AdministrationLine.of_item(item, migration.package.value) for item in items]


async def _tell_requester(
    settings: Settings, now: datetime, migration: Migration, mail: Notice
) -> None:
    """The notices only the requester gets, with nobody in copy."""
    await enqueue_notice(
        mail, migration=migration, to=[migration.requester_email], cc=[], settings=settings, now=now
    )


def _receivers(items: Sequence[MigrationItem]) -> list[str]:
    return [item.received_by_email for item in items if item.received_by_email]


async def queue_offer_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    items: Sequence[MigrationItem],
    source: Environment,
    *,
    to: Sequence[str] | None = None,
) -> None:
    """Tell the recipients the code and what to do; the requester gets a copy (rule 7)."""
    mail = OfferMail(
        language=migration.language,
        source_office_code=source.office_code,
        source_office_name=source.name,
        requester_name=migration.requester_name,
        requester_email=migration.requester_email,
        transfer_code=format_transfer_code(migration.transfer_code),
        offered_at=migration.offered_at,
        expires_at=migration.expires_at,
        administrations=_lines(migration, items),
        receive_url=settings.code_entry_url,
    )
    await enqueue_notice(
        mail,
        migration=migration,
        to=list(migration.recipients if to is None else to),
        cc=[migration.requester_email],
        settings=settings,
        now=now,
    )


async def queue_withdrawal_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    items: Sequence[MigrationItem],
    source: Environment,
    withdrawn_by: str,
    withdrawn_by_email: str,
) -> None:
    """Tell the recipients, and a receiver whose move failed, these are no longer offered."""
    mail = WithdrawalMail(
        language=migration.language,
        source_office_code=source.office_code,
        source_office_name=source.name,
        requester_name=withdrawn_by,
        withdrawn_at=now,
        administrations=_lines(migration, items),
        others_still_offered=await MigrationItem.filter(
            still_offered(now), migration_id=migration.pk
        ).exists(),
        overview_url=settings.overview_url,
    )
    await enqueue_notice(
        mail,
        migration=migration,
        to=[*migration.recipients, *_receivers(items)],
        cc=[migration.requester_email, withdrawn_by_email],
        settings=settings,
        now=now,
    )


async def queue_rejection_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    items: Sequence[MigrationItem],
    target: Environment,
    rejected_by: str,
    reason: str,
) -> None:
    """Tell the requester the target declined these administrations (rule 11)."""
    mail = RejectionMail(
        language=migration.language,
        target_office_name=target.name,
        rejected_by_name=rejected_by,
        reason=reason,
        rejected_at=now,
        administrations=_lines(migration, items),
        overview_url=settings.overview_url,
    )
    await _tell_requester(settings, now, migration, mail)


async def queue_release_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    items: Sequence[MigrationItem],
    target: Environment,
    released_by: str,
    *,
    after_failure: bool,
    offered_again: bool,
) -> None:
    """Tell the requester the receiver cancelled or gave up, and what that leaves."""
    mail = ReleaseMail(
        language=migration.language,
        target_office_name=target.name,
        released_by_name=released_by,
        released_at=now,
        administrations=_lines(migration, items),
        after_failure=after_failure,
        offered_again=offered_again,
        overview_url=settings.overview_url,
    )
    await enqueue_notice(
        mail,
        migration=migration,
        to=[migration.requester_email],
        cc=_receivers(items),
        settings=settings,
        now=now,
    )


async def queue_completion_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    item: MigrationItem,
    administration: Administration,
    source: Environment,
    target: Environment,
) -> None:
    """The move is done; the mail gives the administration's new inbound address (rule 13)."""
    mail = CompletionMail(
        language=migration.language,
        source_office_name=source.name,
        target_office_name=target.name,
        completed_at=now,
        administration=AdministrationLine(
            name=administration.name,
            code=administration.code,
            package=migration.package.value,
            document_count=item.documents_total,
            inbound_mail_address=administration.inbound_mail_address,
        ),
        documents_moved=item.documents_total,
        overview_url=settings.overview_url,
    )
    await enqueue_notice(
        mail,
        migration=migration,
        to=[migration.requester_email],
        cc=_receivers([item]),
        settings=settings,
        now=now,
    )


async def queue_failure_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    item: MigrationItem,
    source: Environment,
    target: Environment,
    reason: str,
) -> None:
    """The move failed and changed nothing; the mail says why and what can be done."""
    mail = FailureMail(
        language=migration.language,
        source_office_name=source.name,
        target_office_name=target.name,
        failed_at=now,
        administration=AdministrationLine.of_item(item, migration.package.value),
        reason=reason,
        overview_url=settings.overview_url,
    )
    await enqueue_notice(
        mail,
        migration=migration,
        to=[migration.requester_email],
        cc=_receivers([item]),
        settings=settings,
        now=now,
    )


async def queue_claim_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    items: Sequence[MigrationItem],
    target: Environment,
    received_by: str,
    received_by_email: str,
) -> None:
    """Tell the requester which administrations were received, and by whom."""
    mail = ClaimMail(
        language=migration.language,
        target_office_name=target.name,
        received_by_name=received_by,
        received_by_email=received_by_email,
        received_at=now,
        administrations=_lines(migration, items),
        overview_url=settings.overview_url,
    )
    await _tell_requester(settings, now, migration, mail)


async def queue_reminder_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    items: Sequence[MigrationItem],
    source: Environment,
    to: Sequence[str],
) -> None:
    """Remind the recipients, before expiry, of what is still offered to them."""
    mail = ReminderMail(
        language=migration.language,
        source_office_code=source.office_code,
        source_office_name=source.name,
        requester_name=migration.requester_name,
        transfer_code=format_transfer_code(migration.transfer_code),
        expires_at=max(item.expires_at for item in items),
        administrations=_lines(migration, items),
        receive_url=settings.code_entry_url,
    )
    await enqueue_notice(mail, migration=migration, to=list(to), cc=[], settings=settings, now=now)


async def queue_expiry_mail(
    settings: Settings, now: datetime, migration: Migration, items: Sequence[MigrationItem]
) -> None:
    """Tell the requester the offer ran out and nobody received these administrations."""
    mail = ExpiryMail(
        language=migration.language,
        expired_at=max(item.expires_at for item in items),
        recipients=list(migration.recipients),
        administrations=_lines(migration, items),
        overview_url=settings.overview_url,
    )
    await _tell_requester(settings, now, migration, mail)


async def queue_refusal_mail(
    settings: Settings,
    now: datetime,
    migration: Migration,
    items: Sequence[MigrationItem],
    address: str,
    refusal: Refusal,
) -> None:
    """Tell the requester that a recipient never got the code, with the server's answer."""
    mail = RefusalMail(
        language=migration.language,
        address=address,
        server_answer=refusal.server_answer,
        gave_up=refusal.gave_up,
        refused_at=now,
        administrations=_lines(migration, items),
        overview_url=settings.overview_url,
    )
    await _tell_requester(settings, now, migration, mail)
