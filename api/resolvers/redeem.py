"""Redeeming a transfer code on behalf of a resolver, with refusals in the resolver's terms."""

from __future__ import annotations

from datetime import datetime

from api.context import Context
from api.ids import decode_global_id, kind_hint
from api.schema.user_errors import (
    UserError,
    UserErrorCode,
    argument_error,
    superusers_only,
    user_error,
)
from models import Migration, MigrationItem
from models.actions import Action, status_allows
from models.enums import RECEIVED_MIGRATION_STATUSES, MigrationStatus
from models.receiving import CodeRefused, redeem_code


async def redeem_for_mutation(ctx: Context, code: str) -> Migration | UserError:
    """The offer behind a code, or the userError that says why not."""
    try:
        return await redeem_code(ctx.viewer, code, ctx.clock.now(), ctx.settings, token=ctx.token)
    except CodeRefused as refused:
        return user_error(
            UserErrorCode(refused.refusal.value),
            str(refused),
            "transferCode",
            retry_at=refused.retry_at,
        )


async def redeem_as_superuser(ctx: Context, code: str, action: str) -> Migration | list[UserError]:
    """What receiving and rejecting both check first: rule 1, then the code."""
    if refusal := superusers_only(ctx.viewer, action):
        return refusal
    redeemed = await redeem_for_mutation(ctx, code)
    return [redeemed] if isinstance(redeemed, UserError) else redeemed


async def redeem_for_query(ctx: Context, code: str, argument: str) -> Migration | UserError:
    """The offer behind a code, or the typed refusal a query answers at its argument."""
    try:
        return await redeem_code(ctx.viewer, code, ctx.clock.now(), ctx.settings, token=ctx.token)
    except CodeRefused as refused:
        return argument_error(
            UserErrorCode(refused.refusal.value), str(refused), argument, retry_at=refused.retry_at
        )


def offered_choice(
    action: Action,
    items: dict[int, MigrationItem],
    raw_id: str,
    now: datetime,
    *path: str | int,
    id_field: str | None = None,
) -> MigrationItem | UserError:
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
    return not_claimable(item, item.effective_status(now), *path)


async def lost_race(item: MigrationItem, now: datetime, *path: str | int) -> UserError:
    """Why a claim or rejection that lost a race (to a claim or a withdrawal) changed nothing."""
    fresh = await MigrationItem.get(pk=item.pk)
    return not_claimable(fresh, fresh.effective_status(now), *path)


def not_claimable(item: MigrationItem, status: MigrationStatus, *path: str | int) -> UserError:
    """Why an administration of the offer cannot be received or rejected now."""
    name = item.administration_name
    if status == MigrationStatus.EXPIRED:
        return user_error(UserErrorCode.EXPIRED, f"The offer of {name} has expired.", *path)
    if status in RECEIVED_MIGRATION_STATUSES:
        return user_error(
            UserErrorCode.ALREADY_RECEIVED, f"{name} has already been received.", *path
        )
    if status == MigrationStatus.WITHDRAWN:
        return user_error(UserErrorCode.WITHDRAWN, f"{name} was withdrawn by the sender.", *path)
    if status == MigrationStatus.REJECTED:
        return user_error(UserErrorCode.REJECTED, f"{name} was rejected.", *path)
    return user_error(
        UserErrorCode.NOT_OFFERED, f"{name} is no longer offered ({status.value.lower()}).", *path
    )
