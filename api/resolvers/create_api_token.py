"""A superuser issues a token, typically a read-only one for a partner integration."""

from __future__ import annotations

from datetime import timedelta

import strawberry

from api.permissions import superusers_only
from api.schema.token import ApiTokenType, CreateApiTokenInput, CreateApiTokenPayload
from api.schema.user_errors import UserError, UserErrorCode, user_error, user_error_of
from models import ApiToken
from models.enums import TokenScope
from models.user import MAX_TOKEN_LIFETIME_DAYS, is_valid_token_lifetime

MAX_LABEL_LENGTH = 200


async def create_api_token(
    info: strawberry.Info, input: CreateApiTokenInput
) -> CreateApiTokenPayload:
    """Issue a token bound to the viewer; its secret is returned this once and stored hashed."""
    ctx = info.context
    user = ctx.viewer
    if refusal := superusers_only(user, "create tokens"):
        return CreateApiTokenPayload(user_errors=[user_error_of(refusal)])
    label = input.label.strip()
    days = input.expires_in_days
    errors: list[UserError] = []
    if not label or len(label) > MAX_LABEL_LENGTH:
        errors.append(
            user_error(
                UserErrorCode.INVALID,
                f"Give the token a label of 1 to {MAX_LABEL_LENGTH} characters.",
                "label",
            )
        )
    if days is not None and not is_valid_token_lifetime(days):
        errors.append(
            user_error(
                UserErrorCode.INVALID,
                f"A token may expire after 1 to {MAX_TOKEN_LIFETIME_DAYS} days.",
                "expiresInDays",
            )
        )
    if errors:
        return CreateApiTokenPayload(user_errors=errors)
    now = ctx.clock.now()
    lifetime = timedelta(days=days) if days is not None else None
    creator = ctx.require_token()
    if creator.expires_at is not None:  # a temporary token cannot mint a lasting one
        left = creator.expires_at - now
        lifetime = left if lifetime is None else min(lifetime, left)
    token, secret = await ApiToken.issue(
        user, now=now, scope=TokenScope(input.scope), label=label, lifetime=lifetime
    )
    return CreateApiTokenPayload(api_token=ApiTokenType.from_model(token), secret=secret)
