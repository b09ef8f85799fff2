"""Who am I: the user behind the token and their environment."""

from __future__ import annotations

import strawberry

from api.schema.environment import EnvironmentType, UserType, Viewer
from api.schema.ids import encode_global_id


async def resolve_viewer(info: strawberry.Info) -> Viewer:
    """The authenticated user with their environment, loaded with the token in one query."""
    ctx = info.context
    token = ctx.require_token()
    user = token.user
    return Viewer(
        id=strawberry.ID(encode_global_id("Viewer", token.pk)),
        user=UserType.from_model(user),
        environment=EnvironmentType.from_model(user.environment),
        token_scope=token.scope,
    )
