"""API tokens as their owners see them: never the secret, except once at creation."""

from __future__ import annotations

from datetime import datetime
from typing import Self

import strawberry
from strawberry import relay

from api.schema.enums import TokenScopeEnum
from api.schema.user_errors import UserError
from models import ApiToken


@strawberry.type(name="ApiToken")
class ApiTokenType(relay.Node):
    """A token of the viewer's; the secret itself is shown only when it is created."""

    id: relay.NodeID[int]
    label: str
    scope: TokenScopeEnum
    created_at: datetime
    revoked_at: datetime | None
    expires_at: datetime | None = strawberry.field(
        description="From this moment on the token is refused as if revoked; null: never."
    )

    @classmethod
    def from_model(cls, token: ApiToken) -> Self:
        return cls(
            id=token.pk,
            label=token.label,
            scope=token.scope,
            created_at=token.created_at,
            revoked_at=token.revoked_at,
            expires_at=token.expires_at,
        )


@strawberry.input
class CreateApiTokenInput:
    """What the new token is for and what it may do."""

    label: str
    scope: TokenScopeEnum = TokenScopeEnum.READ_ONLY
    expires_in_days: int | None = strawberry.field(
        default=None,
        description="Let the token expire this many days (1 to 366) from now; null: never.",
    )


@strawberry.type
class CreateApiTokenPayload:
    """The new token and its secret, which is never shown again."""

    api_token: ApiTokenType | None = None
    secret: str | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input
class RevokeApiTokenInput:
    """Which of your tokens to revoke."""

    token_id: strawberry.ID


@strawberry.type
class RevokeApiTokenPayload:
    """The revoked token."""

    api_token: ApiTokenType | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)
