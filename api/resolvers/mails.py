"""The mails of the offer side, built from the models and put in the outbox with the change."""

from __future__ import annotations

from collections.abc import Sequence

from api.context import Context
from mail.messages import AdministrationLine, OfferMail, RejectionMail, WithdrawalMail
from mail.outbox import enqueue_notice
from models import Environment, Migration, MigrationItem
from models.transfer_code import format_transfer_code


async def enqueue_offer_mail(
    ctx: Context, migration: Migration, items: Sequence[MigrationItem], source: Environment
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
        administrations=[AdministrationLine.of_item(i, migration.package.value) for i in items],
        service_url=ctx.settings.public_url,
    )
    await enqueue_notice(
        mail,
        migration=migration,
        to=list(migration.recipients),
        cc=[migration.requester_email],
        settings=ctx.settings,
        now=ctx.clock.now(),
    )


async def enqueue_withdrawal_mail(
    ctx: Context, migration: Migration, items: Sequence[MigrationItem], source: Environment
) -> None:
    """Tell the recipients these administrations are no longer offered (rule 10)."""
    mail = WithdrawalMail(
        language=migration.language,
        source_office_code=source.office_code,
        source_office_name=source.name,
        requester_name=ctx.viewer.display_name,
        withdrawn_at=ctx.clock.now(),
        administrations=[AdministrationLine.of_item(i, migration.package.value) for i in items],
    )
    await enqueue_notice(
        mail,
        migration=migration,
        to=list(migration.recipients),
        cc=[migration.requester_email, ctx.viewer.email],
        settings=ctx.settings,
        now=ctx.clock.now(),
    )


async def enqueue_rejection_mail(
    ctx: Context, migration: Migration, items: Sequence[MigrationItem], reason: str
) -> None:
    """Tell the requester the target declined these administrations (rule 11)."""
    mail = RejectionMail(
        language=migration.language,
        target_office_name=ctx.viewer.environment.name,
        rejected_by_name=ctx.viewer.display_name,
        reason=reason,
        rejected_at=ctx.clock.now(),
        administrations=[AdministrationLine.of_item(i, migration.package.value) for i in items],
    )
    await enqueue_notice(
        mail,
        migration=migration,
        to=[migration.requester_email],
        cc=[],
        settings=ctx.settings,
        now=ctx.clock.now(),
    )
