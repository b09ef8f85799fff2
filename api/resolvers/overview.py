"""What both overviews share: the status users see, one search field, an order, counts, pages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import strawberry
from tortoise.expressions import Q
from tortoise.filters import escape_like
from tortoise.functions import Count, Lower
from tortoise.queryset import QuerySet

from api.context import Context
from api.pagination import Order, Shaped, fetch_page, fetch_page_values
from api.permissions import Column, Listing
from api.schema.migration import (
    NODE_VALUES,
    MigrationAdministrationType,
    MigrationStatusCounts,
    NodeViewer,
)
from api.schema.overview import (
    MigrationAdministrationOverview,
    OrderDirection,
    OverviewOrder,
    OverviewOrderField,
)
from api.search import search_term
from mail.phrases import month_names
from models import MigrationAdministration
from models.enums import AccountingPackage, MailLanguage, MigrationStatus
from models.lifecycle import shown_as
from models.transfer_code import may_be_part_of_a_code, normalize_transfer_code

# A search reads the words a Dutch or an English screen shows for each status.
STATUS_WORDS: dict[MigrationStatus, tuple[str, ...]] = {
    MigrationStatus.OFFERED: ("offered", "aangeboden"),
    MigrationStatus.WITHDRAWN: ("withdrawn", "ingetrokken"),
    MigrationStatus.EXPIRED: ("expired", "verlopen"),
    MigrationStatus.REJECTED: ("rejected", "afgewezen"),
    MigrationStatus.QUEUED: ("queued", "in de wachtrij"),
    MigrationStatus.RUNNING: ("running", "bezig"),
    MigrationStatus.COMPLETED: ("completed", "voltooid"),
    MigrationStatus.FAILED: ("failed", "mislukt"),
}
_NUMERIC_DATES = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
_WRITTEN_DATE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")
_MONTH_ABBREVIATIONS = {"mrt": 3}  # the Dutch short form that is not a prefix

# The columns of a row that a search reads as text, and the dates it reads as days.
TEXT: dict[Column, tuple[str, ...]] = {
    Column.ADMINISTRATION_NAME: ("administration_name",),
    Column.ADMINISTRATION_CODE: ("administration_code",),
    Column.INBOUND_ADDRESS: ("inbound_mail_address",),
    Column.RECIPIENTS: ("recipients_text",),
    Column.SOURCE_OFFICE: (
        "migration__source_environment__name",
        "migration__source_environment__office_code",
    ),
    Column.TARGET_OFFICE: (
        "migration__target_environment__name",
        "migration__target_environment__office_code",
    ),
    # Set only by the receiver's own claim, and so only in rows of its receivable overview.
    Column.CHOSEN_CODE: ("target_code",),
}
DATES: dict[Column, str] = {Column.OFFERED_AT: "offered_at", Column.EXPIRES_AT: "expires_at"}
SORTS: dict[OverviewOrderField, Column] = {
    OverviewOrderField.OFFERED_AT: Column.OFFERED_AT,
    OverviewOrderField.EXPIRES_AT: Column.EXPIRES_AT,
    OverviewOrderField.ADMINISTRATION_NAME: Column.ADMINISTRATION_NAME,
}


def _month(word: str) -> int | None:
    if word in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[word]
    if len(word) < 3:
        return None
    for language in MailLanguage:
        for number, name in enumerate(month_names(language), start=1):
            if name.lower().startswith(word):
                return number
    return None


def parse_day(term: str, zone: ZoneInfo) -> datetime | None:
    """A date as people type it (25-11-2026, 25 november 2026, 2026-11-25): its local midnight."""
    for fmt in _NUMERIC_DATES:
        try:
            return datetime.strptime(term, fmt).replace(tzinfo=zone)
        except ValueError:
            continue
    match = _WRITTEN_DATE.match(term.lower())
    if match and (month := _month(match.group(2))):
        try:
            return datetime(int(match.group(3)), month, int(match.group(1)), tzinfo=zone)
        except ValueError:
            return None
    return None


def statuses_named(term: str) -> list[MigrationStatus]:
    """The statuses a term names: the start of its code, or of its English or Dutch words.

    A term shorter than three letters names no status, so "de" finds "De Korst" and not every
    row "in de wachtrij".
    """
    lowered = " ".join(term.lower().split())
    if len(lowered) < 3:
        return []
    return [
        status
        for status, words in STATUS_WORDS.items()
        if any(part.startswith(lowered.upper()) for part in status.value.split("_"))
        or status.value.startswith(lowered.upper().replace(" ", "_"))
        or any(
            word.startswith(lowered) or any(part.startswith(lowered) for part in word.split())
            for word in words
        )
    ]


def search_filter(term: str, columns: frozenset[Column], others: list[Q]) -> Q:
    """One search field over the shown columns the reader may read, partial, case-insensitive:
    the term as text, or what it names (`others`, from other_matches).

    A column the reader may not read is never matched, so a search cannot tell them its value.
    """
    matches = text_matches(term, columns) + others
    return Q(*matches, join_type=Q.OR) if matches else Q(id__in=[])


def text_matches(term: str, columns: frozenset[Column]) -> list[Q]:
    """The search's clauses that match the term as text: the shown text columns, a code."""
    matches = [
        Q(**{f"{name}__icontains": term})
        for column, names in TEXT.items()
        if column in columns
        for name in names
    ]
    if searches_codes(term, columns):
        matches.append(Q(migration__transfer_code__contains=normalize_transfer_code(term)))
    return matches


def searches_codes(term: str, columns: frozenset[Column]) -> bool:
    """Whether the search also matches transfer codes: a term that may be part of one."""
    return Column.TRANSFER_CODE in columns and may_be_part_of_a_code(term)


def other_matches(term: str, now: datetime, zone: ZoneInfo, columns: frozenset[Column]) -> list[Q]:
    """The search's clauses for what the term names: a package, a status, a day."""
    matches = []
    if Column.PACKAGE in columns:
        packages = [p for p in AccountingPackage if term.upper().replace(" ", "_") in p.value]
        if packages:
            matches.append(Q(migration__package__in=packages))
    if Column.STATUS in columns:
        matches += [shown_as(status, now) for status in statuses_named(term)]
    day = parse_day(term, zone)
    if day is not None:
        # The office's day, from its midnight to the next (23 or 25 hours on a DST change),
        # compared in UTC as the rows are stored.
        day, next_day = day.astimezone(UTC), (day + timedelta(days=1)).astimezone(UTC)
        for column, name in DATES.items():
            if column in columns:
                within: dict[str, Any] = {f"{name}__gte": day, f"{name}__lt": next_day}
                matches.append(Q(**within))
    return matches


def search_values(term: str, columns: frozenset[Column]) -> dict[str, str]:
    """The parameters a text search gives its statements, as the filters write them."""
    values = {"pattern": f"%{escape_like(term)}%"}
    if searches_codes(term, columns):
        values["code_pattern"] = f"%{escape_like(normalize_transfer_code(term))}%"
    return values


# Each order of the overviews as its rows are sorted, the id last; a name is sorted by
# `sort_name`, which _sortable adds.
SORT_KEYS: dict[OverviewOrderField, tuple[str, type[str] | type[datetime]]] = {
    OverviewOrderField.OFFERED_AT: ("offered_at", datetime),
    OverviewOrderField.EXPIRES_AT: ("expires_at", datetime),
    OverviewOrderField.ADMINISTRATION_NAME: ("sort_name", str),
}


def overview_order(order: OverviewOrder) -> Order:
    """The keyset order of an overview's rows: its field, then the id, in one direction."""
    sign = "-" if order.direction == OrderDirection.DESC else ""
    name, kind = SORT_KEYS[order.field]
    return Order((f"{sign}{name}", kind), (f"{sign}id", int))


def _sortable(
    query: QuerySet[MigrationAdministration], order: OverviewOrder
) -> QuerySet[MigrationAdministration]:
    if order.field == OverviewOrderField.ADMINISTRATION_NAME:
        # People sort names without regard to case: "de Vries" sits beside "De Wit".
        return query.annotate(sort_name=Lower("administration_name"))
    return query


async def count_statuses(
    query: QuerySet[MigrationAdministration], now: datetime
) -> MigrationStatusCounts:
    """The rows per status as users see them, in two grouped queries whatever the size."""
    counts = MigrationStatusCounts()
    rows = await query.annotate(n=Count("id")).group_by("status").values("status", "n")
    for row in rows:
        name = MigrationStatus(row["status"]).value.lower()
        setattr(counts, name, getattr(counts, name) + row["n"])
    # An offer past its expiry shows EXPIRED before the worker records it.
    lapsed = await query.filter(status=MigrationStatus.OFFERED, expires_at__lte=now).count()
    counts.offered -= lapsed
    counts.expired += lapsed
    counts.total = sum(row["n"] for row in rows)
    return counts


def _asks_for(info: strawberry.Info, name: str) -> bool:
    """Whether the query selects this field of the overview, through fragments too."""

    def walk(selections: list[Any]) -> bool:
        return any(
            getattr(s, "name", None) == name or walk(getattr(s, "selections", []) or [])
            for s in selections
        )

    return any(walk(field.selections) for field in info.selected_fields)


async def overview_page(
    info: strawberry.Info,
    scope: Shaped[MigrationAdministration],
    *,
    listing: Listing,
    status: MigrationStatus | None,
    search: str | None,
    order: OverviewOrder | None,
    first: int | None,
    after: str | None,
) -> MigrationAdministrationOverview:
    """One page of overview rows, filtered and sorted, with the counts for the same search.

    A page searched by text alone (no status, package or day named, no status filter) is the
    common one: its statements are rendered once per shape of the search and the scope.
    """
    ctx: Context = info.context
    now = ctx.clock.now()
    columns = ctx.columns(listing)
    order = order or OverviewOrder()
    ctx.require_column(listing, SORTS[order.field])
    if status is not None:
        ctx.require_column(listing, Column.STATUS)
    zone = ZoneInfo(ctx.settings.time_zone)
    term = search_term(search)
    others = other_matches(term, now, zone, columns) if term else []
    found = search_filter(term, columns, others) if term else None
    wanted = shown_as(status, now) if status is not None else None

    def searched(values: Mapping[str, Any]) -> QuerySet[MigrationAdministration]:
        query = scope.build(values)
        return query.filter(found) if found is not None else query

    def filtered(values: Mapping[str, Any]) -> QuerySet[MigrationAdministration]:
        query = searched(values)
        return _sortable(query.filter(wanted) if wanted is not None else query, order)

    text_only = status is None and not others
    key = None
    values = dict(scope.values)
    if scope.key is not None and text_only:
        key = (
            scope.key,
            listing,
            tuple(sorted(column.value for column in columns)),
            term is not None and searches_codes(term, columns),
            term is not None,
        )
        values |= search_values(term, columns) if term else {}
    counts = (
        await count_statuses(searched(scope.values), now)
        if _asks_for(info, "statusCounts")
        else None
    )
    limits: dict[str, Any] = {
        "order": overview_order(order),
        "first": first,
        "after": after,
        "max_page_size": ctx.settings.max_page_size,
    }
    if _asks_for(info, "allowedActions"):
        # Its rules read the models themselves: made here, in the page's own statement.
        models = await fetch_page(filtered(scope.values).select_related("migration"), **limits)
        nodes = [MigrationAdministrationType.from_model(r, r.migration, ctx) for r in models.rows]
        connection = models.connection(nodes)
    else:
        page = Shaped(scope.model, key, values, filtered)
        rows = await fetch_page_values(page, values=NODE_VALUES, **limits)
        viewer = NodeViewer.of(ctx)
        connection = rows.connection(
            [MigrationAdministrationType.from_values(row, viewer) for row in rows.rows]
        )
    return MigrationAdministrationOverview(
        **{f.name: getattr(connection, f.name) for f in fields(connection)},
        status_counts=counts or MigrationStatusCounts(),
    )
