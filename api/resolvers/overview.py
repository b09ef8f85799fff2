"""What both overviews share: the status users see, one search field, newest first, paged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from api.context import Context
from api.pagination import Connection, build_connection, fetch_page
from api.schema.migration import MigrationAdministrationType
from api.search import search_term
from models import MigrationItem
from models.enums import MigrationStatus
from models.lifecycle import shown_as
from models.transfer_code import may_be_part_of_a_code, normalize_transfer_code

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


def _day(term: str) -> datetime | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(term, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def search_filter(term: str, now: datetime, *, include_transfer_code: bool) -> Q:
    """One search field over every shown column, partial and case-insensitive."""
    q = (
        Q(administration_name__icontains=term)
        | Q(administration_code__icontains=term)
        | Q(inbound_mail_address__icontains=term)
        | Q(recipients_text__icontains=term)
    )
    if include_transfer_code and may_be_part_of_a_code(term):
        q |= Q(migration__transfer_code__contains=normalize_transfer_code(term))
    for status in MigrationStatus:
        if term.upper().replace(" ", "_") in status.value:
            q |= shown_as(status, now)
    day = _day(term)
    if day is not None:
        next_day = day + timedelta(days=1)
        q |= Q(offered_at__gte=day, offered_at__lt=next_day)
        q |= Q(expires_at__gte=day, expires_at__lt=next_day)
    return q


async def overview_page(
    ctx: Context,
    query: QuerySet[MigrationItem],
    *,
    status: MigrationStatus | None,
    search: str | None,
    search_with: Callable[[str, datetime], Q],
    first: int | None,
    after: str | None,
) -> Connection[MigrationAdministrationType]:
    """One page of overview rows, filtered, newest first, each with its offer in the same query."""
    now = ctx.clock.now()
    if status is not None:
        query = query.filter(shown_as(status, now))
    if term := search_term(search):
        query = query.filter(search_with(term, now))
    rows, offset, total = await fetch_page(
        query.select_related("migration").order_by("-offered_at", "-id"),
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
    )
    nodes = [MigrationAdministrationType.from_model(row, row.migration, ctx) for row in rows]
    return build_connection(nodes, offset=offset, total_count=total)
