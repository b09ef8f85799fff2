"""Relay's node(id:) lookup, scoped to the viewer's environment like every other query."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from strawberry import relay

from api.context import Context
from api.ids import max_id, parse_database_id
from api.permissions import Sight
from api.resolvers.migrations import involved, item_of_involved_environment
from api.schema.administration import AccountingConnectionType, AdministrationType
from api.schema.billing import BillableLineType
from api.schema.document import DocumentType
from api.schema.environment import EnvironmentType, UserType
from api.schema.migration import MigrationAdministrationType, MigrationType
from api.schema.token import ApiTokenType
from api.schema.webhooks import WebhookDeliveryType, WebhookEndpointType
from models import (
    AccountingConnection,
    Administration,
    ApiToken,
    BillableLine,
    Document,
    Environment,
    Migration,
    User,
    WebhookDelivery,
    WebhookEndpoint,
)

NodeLoader = Callable[[int, Context], Awaitable[relay.Node | None]]


async def _environment(pk: int, ctx: Context) -> relay.Node | None:
    env_id = ctx.environment_id
    env = await Environment.get_or_none(pk=pk) if pk == env_id else None
    return EnvironmentType.from_model(env) if env else None


async def _user(pk: int, ctx: Context) -> relay.Node | None:
    if pk != ctx.viewer.pk and not ctx.may(Sight.USERS):
        return None
    env_id = ctx.environment_id
    user = await User.get_or_none(pk=pk, environment_id=env_id)
    return UserType.from_model(user) if user else None


async def _connection(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.ADMINISTRATIONS):
        return None
    env_id = ctx.environment_id
    conn = await AccountingConnection.get_or_none(pk=pk, environment_id=env_id)
    return AccountingConnectionType.from_model(conn) if conn else None


async def _administration(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.ADMINISTRATIONS):
        return None
    env_id = ctx.environment_id
    adm = await Administration.get_or_none(pk=pk, environment_id=env_id)
    return AdministrationType.from_model(adm) if adm else None


async def _document(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.DOCUMENTS):
        return None
    env_id = ctx.environment_id
    doc = await Document.get_or_none(pk=pk, administration__environment_id=env_id)
    return DocumentType.from_model(doc) if doc else None


async def _api_token(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.API_TOKENS):
        return None
    token = await ApiToken.get_or_none(pk=pk, user_id=ctx.viewer.pk)
    return ApiTokenType.from_model(token) if token else None


async def _migration(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.MIGRATIONS):
        return None
    migration = await Migration.filter(involved(ctx.environment_id), pk=pk).first()
    return MigrationType.from_model(migration, ctx) if migration else None


async def _migration_item(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.MIGRATIONS):
        return None
    item = await item_of_involved_environment(pk, ctx.environment_id)
    return MigrationAdministrationType.from_model(item, item.migration, ctx) if item else None


async def _billable_line(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.BILLING):
        return None
    line = await BillableLine.get_or_none(pk=pk, environment_id=ctx.environment_id).select_related(
        "item"
    )
    return BillableLineType.from_model(line) if line else None


async def _webhook_endpoint(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.WEBHOOKS):
        return None
    endpoint = await WebhookEndpoint.get_or_none(pk=pk, environment_id=ctx.environment_id)
    return WebhookEndpointType.from_model(endpoint) if endpoint else None


async def _webhook_delivery(pk: int, ctx: Context) -> relay.Node | None:
    if not ctx.may(Sight.WEBHOOKS):
        return None
    found = WebhookDelivery.filter(pk=pk, endpoint__environment_id=ctx.environment_id)
    delivery = await found.first()
    return WebhookDeliveryType.from_model(delivery) if delivery else None


NODE_LOADERS: dict[str, NodeLoader] = {
    "Environment": _environment,
    "User": _user,
    "AccountingConnection": _connection,
    "Administration": _administration,
    "Document": _document,
    "ApiToken": _api_token,
    "Migration": _migration,
    "MigrationAdministration": _migration_item,
    "BillableLine": _billable_line,
    "WebhookEndpoint": _webhook_endpoint,
    "WebhookDelivery": _webhook_delivery,
}


async def resolve_node(info: strawberry.Info, id: strawberry.ID) -> relay.Node | None:
    """The object behind a global ID, or null when it is not the viewer's to see."""
    ctx = info.context
    ctx.require_token()
    try:
        gid = relay.GlobalID.from_id(id)
    except Exception:
        return None
    loader = NODE_LOADERS.get(gid.type_name)
    pk = parse_database_id(gid.node_id, max_id(gid.type_name))
    if loader is None or pk is None:
        return None
    return await loader(pk, ctx)
