"""A superuser issues a token, typically a read-only one for a partner integration."""

from __future__ import annotations

import strawberry

from api.schema.token import ApiTokenType, CreateApiTokenInput, CreateApiTokenPayload
from api.schema.user_errors import UserErrorCode, superusers_only, user_error
from models import ApiToken
from models.enums import TokenScope

MAX_LABEL_LENGTH = 200


async def create_api_token(
    info: strawberry.Info, input: CreateApiTokenInput
) -> CreateApiTokenPayload:
    """Issue a token bound to the viewer; its secret is returned this once and stored hashed."""
    ctx = info.context
    user = ctx.viewer
    if refusal := superusers_only(user, "create tokens"):
        return CreateApiTokenPayload(user_errors=refusal)
    label = input.label.strip()
    if not label or len(label) > MAX_LABEL_LENGTH:
        return CreateApiTokenPayload(
            user_errors=[
                user_error(
                    UserErrorCode.INVALID,
                    f"Give the token a label of 1 to {MAX_LABEL_LENGTH} characters.",
                    "label",
                )
            ]
        )
    token, secret = await ApiToken.issue(
        user, now=ctx.clock.now(), scope=TokenScope(input.scope), label=label
    )
    return CreateApiTokenPayload(api_token=ApiTokenType.from_model(token), secret=secret)
