"""The environment's accounting connections and administrations, never another tenant's."""

from __future__ import annotations

import strawberry
from tortoise.expressions import Q

from api.errors import BadInputError
from api.ids import decode_global_id
from api.pagination import Connection, Order, paginate
from api.permissions import Column, Listing, Sight
from api.schema.administration import AccountingConnectionType, AdministrationType
from api.schema.enums import AccountingPackageEnum
from api.search import search_term
from models import AccountingConnection, Administration

# What the search box of `administrations` matches, as the reader may read it.
SEARCHED = {Column.ADMINISTRATION_CODE: "code", Column.ADMINISTRATION_NAME: "name"}
BY_NAME = Order(("name", str), ("id", int))
BY_NAME_AND_CODE = Order(("name", str), ("code", str), ("id", int))


async def resolve_accounting_connections(
    info: strawberry.Info,
    package: AccountingPackageEnum | None = None,
    first: int | None = None,
    after: str | None = None,
) -> Connection[AccountingConnectionType]:
    """The viewer's environment's connections, optionally of one package."""
    ctx = info.context
    ctx.require(Sight.ADMINISTRATIONS)
    query = AccountingConnection.filter(environment_id=ctx.environment_id)
    if package is not None:
        query = query.filter(package=package)
    return await paginate(
        query,
        order=BY_NAME,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
        to_node=AccountingConnectionType.from_model,
    )


async def resolve_administrations(
    info: strawberry.Info,
    connection_id: strawberry.ID | None = None,
    search: str | None = None,
    first: int | None = None,
    after: str | None = None,
) -> Connection[AdministrationType]:
    """The viewer's administrations, filtered by connection and searched by code or name."""
    ctx = info.context
    ctx.require(Sight.ADMINISTRATIONS)
    columns = ctx.columns(Listing.ADMINISTRATIONS)
    query = Administration.filter(environment_id=ctx.environment_id)
    if connection_id is not None:
        ctx.require_column(Listing.ADMINISTRATIONS, Column.CONNECTION)
        pk = decode_global_id(connection_id, "AccountingConnection")
        if pk is None:
            raise BadInputError("'connectionId' is not the ID of an accounting connection.")
        query = query.filter(connection_id=pk)
    if term := search_term(search):
        matches = [
            Q(**{f"{name}__icontains": term})
            for column, name in SEARCHED.items()
            if column in columns
        ]
        query = query.filter(Q(*matches, join_type=Q.OR) if matches else Q(id__in=[]))
    return await paginate(
        query,
        order=BY_NAME_AND_CODE,
        first=first,
        after=after,
        max_page_size=ctx.settings.max_page_size,
        to_node=AdministrationType.from_model,
    )
