"""DataLoaders, made anew for every request so nothing is cached across requests or tenants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from models import (
    AccountingConnection,
    Administration,
    AuditEvent,
    Environment,
    Migration,
    MigrationAdministration,
    User,
)
from models.document import count_documents
from models.outbox import OutboxMail
from models.receiving import superuser_emails

M = TypeVar("M", bound=Model)


def _by_id(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: Sequence[int]) -> list[M | None]:
        rows = {row.pk: row for row in await model.filter(pk__in=list(ids))}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


async def _document_counts(administration_ids: Sequence[int]) -> list[int]:
    counts = await count_documents(list(administration_ids))
    return [counts.get(i, 0) for i in administration_ids]


async def _damaged_file_counts(administration_ids: Sequence[int]) -> list[int]:
    counts = await count_documents(list(administration_ids), damaged_only=True)
    return [counts.get(i, 0) for i in administration_ids]


async def _superuser_emails(environment_ids: Sequence[int]) -> list[list[str]]:
    found = await superuser_emails(environment_ids)
    return [found[i] for i in environment_ids]


async def _items_of_migrations(migration_ids: Sequence[int]) -> list[list[MigrationAdministration]]:
    grouped: dict[int, list[MigrationAdministration]] = {i: [] for i in migration_ids}
    for item in await MigrationAdministration.filter(migration_id__in=list(migration_ids)).order_by(
        "id"
    ):
        grouped[item.migration_id].append(item)
    return [grouped[i] for i in migration_ids]


async def _audit_of_migrations(migration_ids: Sequence[int]) -> list[list[AuditEvent]]:
    grouped: dict[int, list[AuditEvent]] = {i: [] for i in migration_ids}
    events = AuditEvent.filter(migration_id__in=list(migration_ids)).order_by("at", "id")
    for event in await events:
        if event.migration_id is not None:  # always, by the filter
            grouped[event.migration_id].append(event)
    return [grouped[i] for i in migration_ids]


async def _code_mails_of_migrations(migration_ids: Sequence[int]) -> list[list[OutboxMail]]:
    """The mails that carried each offer's transfer code, oldest first."""
    grouped: dict[int, list[OutboxMail]] = {i: [] for i in migration_ids}
    mails = OutboxMail.filter(migration_id__in=list(migration_ids), kind="OFFER").order_by("id")
    for mail in await mails:
        if mail.migration_id is not None:  # always, by the filter
            grouped[mail.migration_id].append(mail)
    return [grouped[i] for i in migration_ids]


@dataclass
class Loaders:
    """One loader per kind of related data a GraphQL field may need."""

    environment: DataLoader[int, Environment | None] = field(
        default_factory=lambda: _by_id(Environment)
    )
    connection: DataLoader[int, AccountingConnection | None] = field(
        default_factory=lambda: _by_id(AccountingConnection)
    )
    user: DataLoader[int, User | None] = field(default_factory=lambda: _by_id(User))
    superuser_emails: DataLoader[int, list[str]] = field(
        default_factory=lambda: DataLoader(load_fn=_superuser_emails)
    )
    administration: DataLoader[int, Administration | None] = field(
        default_factory=lambda: _by_id(Administration)
    )
    damaged_file_count: DataLoader[int, int] = field(
        default_factory=lambda: DataLoader(load_fn=_damaged_file_counts)
    )
    document_count: DataLoader[int, int] = field(
        default_factory=lambda: DataLoader(load_fn=_document_counts)
    )
    migration: DataLoader[int, Migration | None] = field(default_factory=lambda: _by_id(Migration))
    items_of_migration: DataLoader[int, list[MigrationAdministration]] = field(
        default_factory=lambda: DataLoader(load_fn=_items_of_migrations)
    )
    audit_of_migration: DataLoader[int, list[AuditEvent]] = field(
        default_factory=lambda: DataLoader(load_fn=_audit_of_migrations)
    )
    code_mails_of_migration: DataLoader[int, list[OutboxMail]] = field(
        default_factory=lambda: DataLoader(load_fn=_code_mails_of_migrations)
    )
