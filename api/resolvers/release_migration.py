"""cancelMigration and giveUpMigration: the receiver lets go of what it received (rule 10)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.ids import kind_hint
from api.permissions import superusers_only
from api.resolvers.migrations import item_to_act_on
from api.schema.migration import MigrationAdministrationType
from api.schema.receiving import (
    CancelMigrationInput,
    CancelMigrationPayload,
    GiveUpMigrationInput,
    GiveUpMigrationPayload,
)
from api.schema.user_errors import UserError, UserErrorCode, user_error, user_error_of
from models import Migration, MigrationAdministration, lifecycle
from models.actions import Action, may_take
from models.lifecycle import Change

FIELD = "migrationAdministrationId"


async def _release(
    ctx: Context,
    raw_id: str,
    action: Action,
    verb: str,
    step: Callable[[Change, Migration, MigrationAdministration], Awaitable[object]],
    refusal: UserError,
) -> MigrationAdministrationType | list[UserError]:
    """Find the viewer's own received administration and take the step, or say why not."""
    if refused := superusers_only(ctx.viewer, verb):
        return [user_error_of(refused)]
    found = await item_to_act_on(ctx, raw_id, action)
    if found is None:
        return [
            user_error(
                UserErrorCode.NOT_FOUND,
                "No such administration received by you."
                + kind_hint(raw_id, "MigrationAdministration"),
                FIELD,
            )
        ]
    migration, item = found
    change = ctx.change()
    if not may_take(action, await ctx.actor(migration), migration, item, change.now):
        return [refusal]
    async with in_transaction():
        taken = await step(change, migration, item)
    if not taken:  # another step came first
        return [refusal]
    fresh = await MigrationAdministration.get(pk=item.pk).select_related("migration")
    return MigrationAdministrationType.from_model(fresh, fresh.migration, ctx)


async def cancel_migration(
    info: strawberry.Info, input: CancelMigrationInput
) -> CancelMigrationPayload:
    """Cancel a move that has not started: offered again while the code is valid, else EXPIRED."""
    done = await _release(
        info.context,
        input.migration_administration_id,
        Action.CANCEL,
        "cancel a move",
        lifecycle.cancel,
        user_error(
            UserErrorCode.NOT_QUEUED,
            "Only a move that has not started yet (QUEUED) can be cancelled; a failed one can be "
            "given up.",
            FIELD,
        ),
    )
    if isinstance(done, list):
        return CancelMigrationPayload(user_errors=done)
    return CancelMigrationPayload(administration=done)


async def give_up_migration(
    info: strawberry.Info, input: GiveUpMigrationInput
) -> GiveUpMigrationPayload:
    """Give up a failed move: the administration is released and the sender told."""
    done = await _release(
        info.context,
        input.migration_administration_id,
        Action.GIVE_UP,
        "give up a move",
        lifecycle.give_up,
        user_error(
            UserErrorCode.NOT_FAILED,
            "Only a failed move can be given up; one that has not started can be cancelled.",
            FIELD,
        ),
    )
    if isinstance(done, list):
        return GiveUpMigrationPayload(user_errors=done)
    return GiveUpMigrationPayload(administration=done)
