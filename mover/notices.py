"""The mails the move engine sends: done, with the new inbound address, or failed, with why."""

from __future__ import annotations

from mail.messages import AdministrationLine, CompletionMail, FailureMail
from mail.outbox import enqueue_notice
from models import Administration, Environment, Migration, MigrationItem
from overdracht.clock import Clock
from overdracht.settings import Settings


def _addressees(migration: Migration, item: MigrationItem) -> tuple[list[str], list[str]]:
    """Requester and receiver both hear how it ended (rule 13)."""
    to = [migration.requester_email]
    cc = [item.received_by_email] if item.received_by_email else []
    return to, cc


async def enqueue_completion_mail(
    settings: Settings,
    clock: Clock,
    migration: Migration,
    item: MigrationItem,
    administration: Administration,
    source: Environment,
    target: Environment,
) -> None:
    """The move is done; the mail gives the administration's new inbound address."""
    mail = CompletionMail(
        language=migration.language,
        source_office_name=source.name,
        target_office_name=target.name,
        completed_at=clock.now(),
        administration=AdministrationLine(
            name=administration.name,
            code=administration.code,
            package=migration.package.value,
            document_count=item.documents_total,
            inbound_mail_address=administration.inbound_mail_address,
        ),
        documents_moved=item.documents_total,
    )
    to, cc = _addressees(migration, item)
    await enqueue_notice(
        mail, migration=migration, to=to, cc=cc, settings=settings, now=clock.now()
    )


async def enqueue_failure_mail(
    settings: Settings,
    clock: Clock,
    migration: Migration,
    item: MigrationItem,
    source: Environment,
    target: Environment,
    reason: str,
) -> None:
    """The move failed and changed nothing; the mail says why and that it can be retried."""
    mail = FailureMail(
        language=migration.language,
        source_office_name=source.name,
        target_office_name=target.name,
        failed_at=clock.now(),
        administration=AdministrationLine.of_item(item, migration.package.value),
        reason=reason,
    )
    to, cc = _addressees(migration, item)
    await enqueue_notice(
        mail, migration=migration, to=to, cc=cc, settings=settings, now=clock.now()
    )
