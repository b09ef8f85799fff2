"""The root mutation: one input each, a payload back, and no read-only tokens."""

from __future__ import annotations

import strawberry

from api.permissions import mutation
from api.resolvers.create_api_token import create_api_token
from api.resolvers.revoke_api_token import revoke_api_token
from api.schema.token import CreateApiTokenPayload, RevokeApiTokenPayload


@strawberry.type
class Mutation:
    """What a signed-in user with a full token can change."""

    create_api_token: CreateApiTokenPayload = mutation(
        resolver=create_api_token,
        description="Issue a token for yourself (superusers); the secret is shown only here.",
    )
    revoke_api_token: RevokeApiTokenPayload = mutation(
        resolver=revoke_api_token, description="Revoke one of your tokens."
    )
