"""DataLoaders, made anew for every request so nothing is cached across requests or tenants."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cached_property
from typing import TypeVar

from strawberry.dataloader import DataLoader
from tortoise.functions import Count
from tortoise.models import Model

from api.pagination import BigInt, Order, Page, fetch_page
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
from models.webhooks import WebhookDelivery
from overdracht.db import is_postgres

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


# An endpoint's delivery log, newest first; ids are 64-bit.
DELIVERIES_NEWEST_FIRST = Order(("-created_at", datetime), ("-id", BigInt))

# One page of one endpoint's delivery log: (endpoint id, rows on the page, after), the page's
# size already checked against the cap.
DeliveryPageKey = tuple[int, int, str | None]


async def _delivery_pages(keys: Sequence[DeliveryPageKey]) -> list[Page[WebhookDelivery]]:
    """The first pages of many endpoints' logs in three statements, whatever their number;
    a page after a cursor (one endpoint paged through) in two of its own."""
    pages: dict[DeliveryPageKey, Page[WebhookDelivery]] = {}
    for key in {key for key in keys if key[2] is not None}:
        endpoint_id, limit, after = key
        pages[key] = await fetch_page(
            WebhookDelivery.filter(endpoint_id=endpoint_id),
            order=DELIVERIES_NEWEST_FIRST,
            first=limit,
            after=after,
            max_page_size=limit,
        )
    firsts = {key for key in keys if key[2] is None}
    if firsts:
        endpoint_ids = sorted({key[0] for key in firsts})
        counts = await (
            WebhookDelivery.filter(endpoint_id__in=endpoint_ids)
            .annotate(n=Count("id"))
            .group_by("endpoint_id")
            .values_list("endpoint_id", "n")
        )
        totals: dict[int, int] = {int(e): int(n) for e, n in counts}
        # One row more than the largest page asked says whether another page follows.
        newest = await _newest_deliveries(endpoint_ids, max(key[1] for key in firsts) + 1)
        for key in firsts:
            endpoint_id, limit, _ = key
            rows = newest.get(endpoint_id, [])
            pages[key] = Page(
                rows=rows[:limit],
                order=DELIVERIES_NEWEST_FIRST,
                has_next_page=len(rows) > limit,
                has_previous_page=False,
                total_count=totals.get(endpoint_id, 0),
            )
    return [pages[key] for key in keys]


async def _newest_deliveries(
    endpoint_ids: Sequence[int], each: int
) -> dict[int, list[WebhookDelivery]]:
    """Each endpoint's `each` newest deliveries, newest first, in two statements."""
    marks = [f"${n}" if is_postgres() else "?" for n in range(1, len(endpoint_ids) + 2)]
    sql = (
        'SELECT "id" FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "endpoint_id" '
        'ORDER BY "created_at" DESC, "id" DESC) AS "place" FROM "webhook_delivery" '
        f'WHERE "endpoint_id" IN ({", ".join(marks[:-1])})) AS "ranked" '
        f'WHERE "place" <= {marks[-1]}'
    )
    _, found = await WebhookDelivery._meta.db.execute_query(sql, [*endpoint_ids, each])
    rows = await WebhookDelivery.filter(id__in=[row[0] for row in found]).order_by(
        *DELIVERIES_NEWEST_FIRST.order_by()
    )
    grouped: dict[int, list[WebhookDelivery]] = {}
    for row in rows:
        grouped.setdefault(row.endpoint_id, []).append(row)
    return grouped


class Loaders:
    """One loader per kind of related data a GraphQL field may need.

    Each is made when a field first asks for it: most requests use one or two of them.
    """

    @cached_property
    def environment(self) -> DataLoader[int, Environment | None]:
        return _by_id(Environment)

    @cached_property
    def connection(self) -> DataLoader[int, AccountingConnection | None]:
        return _by_id(AccountingConnection)

    @cached_property
    def user(self) -> DataLoader[int, User | None]:
        return _by_id(User)

    @cached_property
    def superuser_emails(self) -> DataLoader[int, list[str]]:
        return DataLoader(load_fn=_superuser_emails)

    @cached_property
    def administration(self) -> DataLoader[int, Administration | None]:
        return _by_id(Administration)

    @cached_property
    def damaged_file_count(self) -> DataLoader[int, int]:
        return DataLoader(load_fn=_damaged_file_counts)

    @cached_property
    def document_count(self) -> DataLoader[int, int]:
        return DataLoader(load_fn=_document_counts)

    @cached_property
    def migration(self) -> DataLoader[int, Migration | None]:
        return _by_id(Migration)

    @cached_property
    def items_of_migration(self) -> DataLoader[int, list[MigrationAdministration]]:
        return DataLoader(load_fn=_items_of_migrations)

    @cached_property
    def audit_of_migration(self) -> DataLoader[int, list[AuditEvent]]:
        return DataLoader(load_fn=_audit_of_migrations)

    @cached_property
    def code_mails_of_migration(self) -> DataLoader[int, list[OutboxMail]]:
        return DataLoader(load_fn=_code_mails_of_migrations)

    @cached_property
    def delivery_page(self) -> DataLoader[DeliveryPageKey, Page[WebhookDelivery]]:
        return DataLoader(load_fn=_delivery_pages)
