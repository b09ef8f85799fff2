"""The target's overview: offers addressed to its superusers, and what it received or rejected."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry
from tortoise.expressions import Q, Subquery

from api.context import Context
from api.pagination import Shaped
from api.permissions import Listing, Sight
from api.resolvers.overview import overview_page
from api.schema.enums import MigrationStatusEnum
from api.schema.overview import MigrationAdministrationOverview, OverviewOrder
from models import MigrationAdministration, MigrationRecipient, User
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


def receivable_shape(
    environment_id: int, superuser_emails: list[str]
) -> Shaped[MigrationAdministration]:
    """The receivable scope as a query whose SQL is rendered once per number of superusers."""
    names = [f"superuser_{n}" for n in range(len(superuser_emails))]
    return Shaped(
        MigrationAdministration,
        ("receivable by", len(names)),
        {"environment": environment_id, **dict(zip(names, superuser_emails, strict=True))},
        lambda v: MigrationAdministration.filter(
            receivable_scope(v["environment"], [v[name] for name in names])
        ),
    )


async def receiving_offices(items: Sequence[MigrationAdministration]) -> dict[int, set[int]]:
    """Per item (its offer selected with it), the offices whose receivable overview shows it:
    `receivable_scope` read the other way round, for a row that changed, in at most two queries.
    """
    unbound = {item.migration_id for item in items if item.migration.target_environment_id is None}
    addressed: dict[int, set[int]] = {}
    if unbound:
        rows = await MigrationRecipient.filter(migration_id__in=unbound).values(
            "migration_id", "email"
        )
        superusers = await User.filter(
            email__in={row["email"] for row in rows}, role=Role.SUPERUSER
        ).values_list("email", "environment_id")
        office_of = {str(email): int(office) for email, office in superusers}
        for row in rows:
            if row["email"] in office_of:
                addressed.setdefault(row["migration_id"], set()).add(office_of[row["email"]])
    offices: dict[int, set[int]] = {}
    for item in items:
        seen_by = set(addressed.get(item.migration_id, ()))
        if item.migration.target_environment_id is not None:
            seen_by.add(item.migration.target_environment_id)
        if item.target_environment_id is not None:
            seen_by.add(item.target_environment_id)
        offices[item.pk] = seen_by
    return offices


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
        receivable_shape(ctx.environment_id, [str(email) for email in emails]),
        listing=Listing.RECEIVABLE,
        status=MigrationStatus(status) if status is not None else None,
        search=search,
        order=order_by,
        first=first,
        after=after,
    )
