"""The target's overview: offers addressed to its superusers, and what it received or rejected."""

from __future__ import annotations

import strawberry
from tortoise.expressions import Q, Subquery

from api.context import Context
from api.permissions import Listing, Sight
from api.resolvers.overview import overview_page
from api.schema.enums import MigrationStatusEnum
from api.schema.overview import MigrationAdministrationOverview, OverviewOrder
from models import MigrationItem, MigrationRecipient, User
from models.enums import MigrationStatus, Role


def receivable_scope(environment_id: int, superuser_emails: list[str]) -> Q:
    """Items of offers made to this environment, or taken up by it.

    An offer names its target office; offers made before it did are found by their recipients,
    as long as no other office took them up.
    """
    addressed = Subquery(
        MigrationRecipient.filter(email__in=superuser_emails).values("migration_id")
    )
    unbound = Q(migration_id__in=addressed) & Q(migration__target_environment_id__isnull=True)
    return (
        Q(migration__target_environment_id=environment_id)
        | unbound
        | Q(target_environment_id=environment_id)
    )


async def resolve_receivable_administrations(
    info: strawberry.Info,
    search: str | None = None,
    status: MigrationStatusEnum | None = None,
    order_by: OverviewOrder | None = None,
    first: int | None = None,
    after: str | None = None,
) -> MigrationAdministrationOverview:
    """One row per administration offered to, received or rejected by this environment."""
    ctx: Context = info.context
    ctx.require(Sight.MIGRATIONS)
    emails = await User.filter(environment_id=ctx.environment_id, role=Role.SUPERUSER).values_list(
        "email", flat=True
    )
    return await overview_page(
        info,
        MigrationItem.filter(
            receivable_scope(ctx.environment_id, [str(email) for email in emails])
        ),
        listing=Listing.RECEIVABLE,
        status=MigrationStatus(status) if status is not None else None,
        search=search,
        order=order_by,
        first=first,
        after=after,
    )
