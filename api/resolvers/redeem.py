"""Redeeming a transfer code on behalf of a resolver, with refusals in the resolver's terms."""

from __future__ import annotations

from api.context import Context
from api.errors import PublicError
from api.schema.user_errors import UserError, UserErrorCode, user_error
from models import Migration
from models.receiving import CodeRefused, redeem_code


async def redeem_for_mutation(ctx: Context, code: str) -> Migration | UserError:
    """The offer behind a code, or the userError that says why not."""
    try:
        return await redeem_code(ctx.viewer, code, ctx.clock.now())
    except CodeRefused as refused:
        return user_error(UserErrorCode(refused.refusal.value), str(refused), "transferCode")


async def redeem_for_query(ctx: Context, code: str) -> Migration:
    """The offer behind a code; a refusal is a top-level error with its code."""
    try:
        return await redeem_code(ctx.viewer, code, ctx.clock.now())
    except CodeRefused as refused:
        raise PublicError(str(refused), code=refused.refusal.value) from None
