"""Redeeming a transfer code on behalf of a resolver, with refusals in the resolver's terms."""

from __future__ import annotations

from datetime import datetime

from api.context import Context
from api.ids import decode_global_id, kind_hint
from api.permissions import superusers_only
from api.schema.user_errors import (
    UserError,
    UserErrorCode,
    argument_error,
    user_error,
    user_error_of,
)
from models import Migration, MigrationAdministration
from models.actions import Action, status_allows
from models.receiving import not_receivable, redeem_code
from models.refusals import Refused


async def redeem_for_mutation(ctx: Context, code: str) -> Migration | UserError:
    """The offer behind a code, or the userError that says why not."""
    try:
        return await redeem_code(ctx.viewer, code, ctx.clock.now(), ctx.settings, token=ctx.token)
    except Refused as refused:
        return user_error_of(refused.refusal, "transferCode")


async def redeem_as_superuser(ctx: Context, code: str, action: str) -> Migration | list[UserError]:
    """What receiving and rejecting both check first: rule 1, then the code."""
    if refusal := superusers_only(ctx.viewer, action):
        return [user_error_of(refusal)]
    redeemed = await redeem_for_mutation(ctx, code)
    return [redeemed] if isinstance(redeemed, UserError) else redeemed


async def redeem_for_query(ctx: Context, code: str, argument: str) -> Migration | UserError:
    """The offer behind a code, or the typed refusal a query answers at its argument."""
    try:
        return await redeem_code(ctx.viewer, code, ctx.clock.now(), ctx.settings, token=ctx.token)
    except Refused as refused:
        said = refused.refusal
        return argument_error(said.code, said.message, argument, retry_at=said.retry_at)


def offered_choice(
    action: Action,
    items: dict[int, MigrationAdministration],
    raw_id: str,
    now: datetime,
    *path: str | int,
    id_field: str | None = None,
) -> MigrationAdministration | UserError:
    """One administration chosen to receive or reject: part of this offer and still offered."""
    pk = decode_global_id(raw_id, "MigrationAdministration")
    item = items.get(pk) if pk is not None else None
    if item is None:
        where = (*path, id_field) if id_field else path
        return user_error(
            UserErrorCode.NOT_FOUND,
            "This administration is not part of the offer."
            + kind_hint(raw_id, "MigrationAdministration"),
            *where,
        )
    if status_allows(action, item, now):
        return item
    return user_error_of(not_receivable(item, item.effective_status(now)), *path)


async def lost_race(item: MigrationAdministration, now: datetime, *path: str | int) -> UserError:
    """Why a claim or rejection that lost a race (to a claim or a withdrawal) changed nothing."""
    fresh = await MigrationAdministration.get(pk=item.pk)
    return user_error_of(not_receivable(fresh, fresh.effective_status(now)), *path)
