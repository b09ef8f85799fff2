"""Relay's node(id:) lookup, scoped to the viewer's environment like every other query."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from strawberry import relay

from api.schema.administration import AccountingConnectionType, AdministrationType
from api.schema.document import DocumentType
from api.schema.environment import EnvironmentType, UserType
from api.schema.token import ApiTokenType
from models import AccountingConnection, Administration, ApiToken, Document, Environment, User

NodeLoader = Callable[[int, int], Awaitable[relay.Node | None]]


async def _environment(pk: int, env_id: int) -> relay.Node | None:
    env = await Environment.get_or_none(pk=pk) if pk == env_id else None
    return EnvironmentType.from_model(env) if env else None


async def _user(pk: int, env_id: int) -> relay.Node | None:
    user = await User.get_or_none(pk=pk, environment_id=env_id)
    return UserType.from_model(user) if user else None


async def _connection(pk: int, env_id: int) -> relay.Node | None:
    conn = await AccountingConnection.get_or_none(pk=pk, environment_id=env_id)
    return AccountingConnectionType.from_model(conn) if conn else None


async def _administration(pk: int, env_id: int) -> relay.Node | None:
    adm = await Administration.get_or_none(pk=pk, environment_id=env_id)
    return AdministrationType.from_model(adm) if adm else None


async def _document(pk: int, env_id: int) -> relay.Node | None:
    doc = await Document.get_or_none(pk=pk, administration__environment_id=env_id)
    return DocumentType.from_model(doc) if doc else None


async def _api_token(pk: int, env_id: int) -> relay.Node | None:
    token = await ApiToken.get_or_none(pk=pk, user__environment_id=env_id)
    return ApiTokenType.from_model(token) if token else None


NODE_LOADERS: dict[str, NodeLoader] = {
    "Environment": _environment,
    "User": _user,
    "AccountingConnection": _connection,
    "Administration": _administration,
    "Document": _document,
    "ApiToken": _api_token,
}


def register_node_loader(type_name: str, loader: NodeLoader) -> None:
    """Let a later use case make its own type reachable through node(id:)."""
    NODE_LOADERS[type_name] = loader


async def resolve_node(info: strawberry.Info, id: strawberry.ID) -> relay.Node | None:
    """The object behind a global ID, or null when it is not the viewer's to see."""
    env_id = info.context.environment_id
    try:
        gid = relay.GlobalID.from_id(id)
    except Exception:
        return None
    loader = NODE_LOADERS.get(gid.type_name)
    if loader is None or not gid.node_id.isdigit():
        return None
    return await loader(int(gid.node_id), env_id)
