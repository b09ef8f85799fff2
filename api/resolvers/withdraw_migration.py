"""withdrawMigration: the source takes back an offer, or one administration of it (rule 10)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.ids import decode_global_id, kind_hint
from api.resolvers.migrations import own_offer
from api.schema.migration import MigrationType
from api.schema.offering import WithdrawMigrationInput, WithdrawMigrationPayload
from api.schema.user_errors import UserError, UserErrorCode, superusers_only, user_error
from models import MigrationItem, lifecycle
from models.actions import Action, may_take
from models.enums import MigrationStatus

STARTED = {MigrationStatus.QUEUED, MigrationStatus.RUNNING}


def _refusal(item: MigrationItem, now: datetime, field: str) -> UserError:
    """Why this administration can no longer be withdrawn, at the input field that named it."""
    status = item.effective_status(now)
    if status == MigrationStatus.EXPIRED:
        return user_error(
            UserErrorCode.EXPIRED,
            f"The offer of {item.administration_name} has expired; there is nothing to withdraw.",
            field,
        )
    if status in STARTED:
        return user_error(
            UserErrorCode.MOVE_STARTED,
            f"The move of {item.administration_name} is {status.value.lower()}; it can be "
            "withdrawn again if it fails.",
            field,
        )
    return user_error(
        UserErrorCode.ALREADY_ENDED,
        f"{item.administration_name} is already {status.value.lower()}.",
        field,
    )


async def withdraw_migration(
    info: strawberry.Info, input: WithdrawMigrationInput
) -> WithdrawMigrationPayload:
    """Withdraw what is still offered or failed; each item changes only if it still may."""
    ctx: Context = info.context
    if refusal := superusers_only(ctx.viewer, "withdraw"):
        return WithdrawMigrationPayload(user_errors=refusal)
    migration = await own_offer(input.migration_id, ctx.environment_id)
    if migration is None:
        return WithdrawMigrationPayload(
            user_errors=[
                user_error(UserErrorCode.NOT_FOUND, "No such offer of yours.", "migrationId")
            ]
        )
    items = await MigrationItem.filter(migration_id=migration.pk).order_by("id")
    if input.migration_administration_id is not None:
        item_pk = decode_global_id(input.migration_administration_id, "MigrationAdministration")
        items = [item for item in items if item.pk == item_pk]
        if not items:
            return WithdrawMigrationPayload(
                user_errors=[
                    user_error(
                        UserErrorCode.NOT_FOUND,
                        "That administration is not part of this offer."
                        + kind_hint(input.migration_administration_id, "MigrationAdministration"),
                        "migrationAdministrationId",
                    )
                ]
            )
    change = ctx.change()
    actor = await ctx.actor(migration)
    allowed = [i for i in items if may_take(Action.WITHDRAW, actor, migration, i, change.now)]
    async with in_transaction():
        withdrawn = await lifecycle.withdraw(change, migration, allowed)
    if not withdrawn:
        fresh = await MigrationItem.filter(id__in=[i.pk for i in items]).order_by("id")
        # The refusal points at what was sent: the offer, or the one administration named.
        named = input.migration_administration_id is not None
        field = "migrationAdministrationId" if named else "migrationId"
        return WithdrawMigrationPayload(
            user_errors=[_refusal(item, change.now, field) for item in fresh]
        )
    return WithdrawMigrationPayload(migration=MigrationType.from_model(migration, ctx))
