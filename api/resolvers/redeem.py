"""Redeeming a transfer code on behalf of a resolver, with refusals in the resolver's terms."""

from __future__ import annotations

from api.context import Context
from api.errors import PublicError
from api.schema.user_errors import UserError, UserErrorCode, superusers_only, user_error
from models import Migration
from models.receiving import CodeRefused, redeem_code


async def redeem_for_mutation(ctx: Context, code: str) -> Migration | UserError:
    """The offer behind a code, or the userError that says why not."""
    try:
        return await redeem_code(ctx.viewer, code, ctx.clock.now())
    except CodeRefused as refused:
        return user_error(UserErrorCode(refused.refusal.value), str(refused), "transferCode")


async def redeem_as_superuser(ctx: Context, code: str, action: str) -> Migration | list[UserError]:
    """What receiving and rejecting both check first: rule 1, then the code."""
    if refusal := superusers_only(ctx.viewer, action):
        return refusal
    redeemed = await redeem_for_mutation(ctx, code)
    return [redeemed] if isinstance(redeemed, UserError) else redeemed


async def redeem_for_query(ctx: Context, code: str) -> Migration:
    """The offer behind a code; a refusal is a top-level error with its code."""
    try:
        return await redeem_code(ctx.viewer, code, ctx.clock.now())
    except CodeRefused as refused:
        raise PublicError(str(refused), code=refused.refusal.value) from None
