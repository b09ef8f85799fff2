"""rescheduleMove: the receiver changes or clears the moment a queued move may start."""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.ids import kind_hint
from api.permissions import superusers_only
from api.resolvers.migrations import item_to_act_on
from api.schema.migration import MigrationAdministrationType
from api.schema.receiving import RescheduleMoveInput, RescheduleMovePayload
from api.schema.user_errors import UserErrorCode, user_error, user_error_of
from models import MigrationAdministration, lifecycle
from models.actions import Action, may_take
from models.scheduling import as_moment, not_before_refusal, reschedule_refusal


async def reschedule_move(
    info: strawberry.Info, input: RescheduleMoveInput
) -> RescheduleMovePayload:
    """Hold a received move until another moment, or let it start as soon as a worker is free."""
    ctx: Context = info.context
    if refused := superusers_only(ctx.viewer, "reschedule a move"):
        return RescheduleMovePayload(user_errors=[user_error_of(refused)])
    found = await item_to_act_on(ctx, input.id, Action.RESCHEDULE)
    if found is None:
        return RescheduleMovePayload(
            user_errors=[
                user_error(
                    UserErrorCode.NOT_FOUND,
                    "No such administration received by you."
                    + kind_hint(input.id, "MigrationAdministration"),
                    "id",
                )
            ]
        )
    migration, item = found
    change = ctx.change()
    if not may_take(Action.RESCHEDULE, await ctx.actor(migration), migration, item, change.now):
        return RescheduleMovePayload(
            user_errors=[user_error_of(reschedule_refusal(item, change.now))]
        )
    moment = as_moment(input.not_before) if input.not_before else None
    if moment and (refusal := not_before_refusal(moment, change.now, ctx.settings)):
        return RescheduleMovePayload(user_errors=[user_error_of(refusal)])
    async with in_transaction():
        taken = await lifecycle.reschedule(change, item, moment)
    fresh = await MigrationAdministration.get(pk=item.pk).select_related("migration")
    if not taken:  # a worker started it first
        return RescheduleMovePayload(
            user_errors=[user_error_of(reschedule_refusal(fresh, change.now))]
        )
    return RescheduleMovePayload(
        administration=MigrationAdministrationType.from_model(fresh, fresh.migration, ctx)
    )
