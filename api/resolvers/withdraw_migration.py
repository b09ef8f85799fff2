"""withdrawMigration: the source takes back an offer, or one administration of it (rule 10)."""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.ids import decode_global_id, kind_hint
from api.permissions import superusers_only
from api.resolvers.migrations import own_offer
from api.schema.migration import MigrationType
from api.schema.offering import WithdrawMigrationInput, WithdrawMigrationPayload
from api.schema.user_errors import UserErrorCode, user_error, user_error_of
from models import MigrationAdministration, lifecycle
from models.actions import Action, may_take, withdraw_refusal


async def withdraw_migration(
    info: strawberry.Info, input: WithdrawMigrationInput
) -> WithdrawMigrationPayload:
    """Withdraw what is still offered or failed; each item changes only if it still may."""
    ctx: Context = info.context
    if refusal := superusers_only(ctx.viewer, "withdraw"):
        return WithdrawMigrationPayload(user_errors=[user_error_of(refusal)])
    migration = await own_offer(input.migration_id, ctx.environment_id)
    if migration is None:
        return WithdrawMigrationPayload(
            user_errors=[
                user_error(UserErrorCode.NOT_FOUND, "No such offer of yours.", "migrationId")
            ]
        )
    items = await MigrationAdministration.filter(migration_id=migration.pk).order_by("id")
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
        fresh = await MigrationAdministration.filter(id__in=[i.pk for i in items]).order_by("id")
        # The refusal points at what was sent: the offer, or the one administration named.
        named = input.migration_administration_id is not None
        field = "migrationAdministrationId" if named else "migrationId"
        return WithdrawMigrationPayload(
            user_errors=[user_error_of(withdraw_refusal(item, change.now), field) for item in fresh]
        )
    return WithdrawMigrationPayload(migration=MigrationType.from_model(migration, ctx))
