"""Who am I: the user behind the token, their environment, and what they may do at all."""

from __future__ import annotations

import strawberry

from api.ids import encode_composite_id, encode_global_id
from api.permissions import may_write, superusers_only
from api.schema.environment import EnvironmentType, UserType, Viewer, ViewerAbility, ViewerAction
from api.schema.user_errors import UserErrorCode
from models import ApiToken
from models.plans import premium_refusal

# How each ability's mutation names itself when it refuses a role (superusers_only).
VERBS = {
    ViewerAction.OFFER: "offer",
    ViewerAction.RECEIVE: "receive",
    ViewerAction.MANAGE_TOKENS: "create tokens",
}


def ability_refusal(action: ViewerAction, token: ApiToken) -> UserErrorCode | None:
    """Why the holder of this token may not do this at all: the checks its mutation runs first.

    The token's scope (every mutation's CanWrite), the role (rule 1), and for receiving the
    office's plan (rule 3, as premium_refusal decides for every path).
    """
    if not may_write(token):
        return UserErrorCode.FORBIDDEN
    if refused := superusers_only(token.user, VERBS[action]):
        return refused.code
    if action == ViewerAction.RECEIVE and (refused := premium_refusal(token.user.environment)):
        return refused.code
    return None


def abilities(token: ApiToken) -> list[ViewerAbility]:
    """Each ViewerAction with whether it is allowed, for a screen to show or explain."""
    found = []
    for action in ViewerAction:
        reason = ability_refusal(action, token)
        found.append(
            ViewerAbility(
                id=strawberry.ID(encode_composite_id("ViewerAbility", token.pk, action.value)),
                action=action,
                allowed=reason is None,
                reason=reason,
            )
        )
    return found


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
        abilities=abilities(token),
    )
