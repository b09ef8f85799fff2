"""A user revokes one of their own tokens, which stops working at once."""

from __future__ import annotations

import strawberry

from api.ids import decode_global_id
from api.schema.token import ApiTokenType, RevokeApiTokenInput, RevokeApiTokenPayload
from api.schema.user_errors import UserErrorCode, user_error
from models import ApiToken


async def revoke_api_token(
    info: strawberry.Info, input: RevokeApiTokenInput
) -> RevokeApiTokenPayload:
    """Revoke a token of the viewer's; anyone else's is simply not found."""
    ctx = info.context
    pk = decode_global_id(input.token_id, "ApiToken")
    token = await ApiToken.get_or_none(pk=pk, user_id=ctx.viewer.pk) if pk else None
    if token is None:
        return RevokeApiTokenPayload(
            user_errors=[user_error(UserErrorCode.NOT_FOUND, "No such token of yours.", "tokenId")]
        )
    if token.revoked_at is None:
        token.revoked_at = ctx.clock.now()
        await token.save(update_fields=["revoked_at"])
    return RevokeApiTokenPayload(api_token=ApiTokenType.from_model(token))
