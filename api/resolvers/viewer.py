"""Who am I: the user behind the token and their environment."""

from __future__ import annotations

import strawberry

from api.schema.environment import EnvironmentType, UserType, Viewer


async def resolve_viewer(info: strawberry.Info) -> Viewer:
    """The authenticated user with their environment, loaded with the token in one query."""
    ctx = info.context
    user = ctx.viewer
    return Viewer(
        user=UserType.from_model(user),
        environment=EnvironmentType.from_model(user.environment),
        token_scope=ctx.token.scope,
    )
