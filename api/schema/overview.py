"""What both overviews add to a page of rows: counts per status for their tabs, and an order."""

from __future__ import annotations

from enum import Enum

import strawberry

from api.identity import part_of
from api.pagination import Connection
from api.schema.migration import MigrationAdministrationType, MigrationStatusCounts


@strawberry.enum
class OverviewOrderField(Enum):
    """What an overview can be sorted by."""

    OFFERED_AT = "offered_at"
    ADMINISTRATION_NAME = "administration_name"
    EXPIRES_AT = "expires_at"


@strawberry.enum
class OrderDirection(Enum):
    """Ascending (oldest, A first) or descending (newest, Z first)."""

    ASC = "ASC"
    DESC = "DESC"


@strawberry.input
class OverviewOrder:
    """How to sort an overview; newest offer first when not given."""

    field: OverviewOrderField = OverviewOrderField.OFFERED_AT
    direction: OrderDirection = OrderDirection.DESC


@strawberry.type(
    name="MigrationAdministrationOverview",
    description=part_of(
        "parent", "one page of an overview, with the counts per status that its tabs show."
    ),
)
class MigrationAdministrationOverview(Connection[MigrationAdministrationType]):
    """One page of an overview, with the counts per status that the screen's tabs show."""

    status_counts: MigrationStatusCounts = strawberry.field(
        description=(
            "How many rows match the search in each status, whatever the status filter: one "
            "request fills every tab."
        )
    )
