"""rejectMigration: the target declines administrations; the requester is told (rule 11)."""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.resolvers.redeem import lost_race, offered_choice, redeem_as_superuser
from api.schema.migration import MigrationType
from api.schema.receiving import RejectMigrationInput, RejectMigrationPayload
from api.schema.user_errors import UserError, UserErrorCode, user_error
from models import Migration, MigrationAdministration, lifecycle
from models.actions import Action
from models.receiving import bind_target

MAX_REASON_LENGTH = 2000


async def reject_migration(
    info: strawberry.Info, input: RejectMigrationInput
) -> RejectMigrationPayload:
    """Reject the chosen administrations that are still offered, all or none."""
    ctx: Context = info.context
    redeemed = await redeem_as_superuser(ctx, input.transfer_code, "reject")
    if isinstance(redeemed, list):
        return RejectMigrationPayload(user_errors=redeemed)
    migration = redeemed
    reason = (input.reason or "").strip()
    errors: list[UserError] = []
    if len(reason) > MAX_REASON_LENGTH:
        errors.append(
            user_error(
                UserErrorCode.INVALID,
                f"Keep the reason under {MAX_REASON_LENGTH} characters.",
                "reason",
            )
        )
    if not input.migration_administration_ids:
        errors.append(
            user_error(
                UserErrorCode.REQUIRED, "Choose what to reject.", "migrationAdministrationIds"
            )
        )
    items = {
        item.pk: item for item in await MigrationAdministration.filter(migration_id=migration.pk)
    }
    now = ctx.clock.now()
    position: dict[int, int] = {}  # each chosen administration's first place in the input
    chosen: list[MigrationAdministration] = []
    for index, raw in enumerate(input.migration_administration_ids):
        item = offered_choice(Action.REJECT, items, raw, now, "migrationAdministrationIds", index)
        if isinstance(item, UserError):
            errors.append(item)
        elif item.pk not in position:
            position[item.pk] = index
            chosen.append(item)
    if errors:
        return RejectMigrationPayload(user_errors=errors)

    async with in_transaction():
        # An offer bound to another environment is not ours to reject: nothing is rejected
        # then, and the answer says why.
        rejected: list[MigrationAdministration] = []
        if await bind_target(migration.pk, ctx.environment_id):
            rejected = await lifecycle.reject(ctx.change(), migration, chosen, reason)
    if len(rejected) < len(chosen):
        late = next(item for item in chosen if item not in rejected)
        error = await lost_race(late, now, "migrationAdministrationIds", position[late.pk])
        return RejectMigrationPayload(user_errors=[error])
    migration = await Migration.get(pk=migration.pk)
    return RejectMigrationPayload(migration=MigrationType.from_model(migration, ctx))
