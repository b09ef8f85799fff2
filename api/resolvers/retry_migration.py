"""retryMigration: a failed move starts again; the source was left exactly as it was."""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.ids import kind_hint
from api.permissions import superusers_only
from api.resolvers.migrations import item_to_act_on
from api.schema.migration import MigrationAdministrationType
from api.schema.receiving import RetryMigrationInput, RetryMigrationPayload
from api.schema.user_errors import UserErrorCode, user_error, user_error_of
from models import MigrationAdministration, lifecycle
from models.actions import Action, may_take


async def retry_migration(
    info: strawberry.Info, input: RetryMigrationInput
) -> RetryMigrationPayload:
    """Queue a FAILED administration again, for a superuser of either side."""
    ctx: Context = info.context
    if refusal := superusers_only(ctx.viewer, "retry"):
        return RetryMigrationPayload(user_errors=[user_error_of(refusal)])
    found = await item_to_act_on(ctx, input.migration_administration_id, Action.RETRY)
    if found is None:
        return RetryMigrationPayload(
            user_errors=[
                user_error(
                    UserErrorCode.NOT_FOUND,
                    "No such move of yours."
                    + kind_hint(input.migration_administration_id, "MigrationAdministration"),
                    "migrationAdministrationId",
                )
            ]
        )
    migration, item = found
    change = ctx.change()
    retried = False
    if may_take(Action.RETRY, await ctx.actor(migration), migration, item, change.now):
        async with in_transaction():
            retried = await lifecycle.retry(change, item)  # False: another step came first
    if not retried:
        return RetryMigrationPayload(
            user_errors=[
                user_error(
                    UserErrorCode.NOT_FAILED,
                    "Only a failed move can be retried.",
                    "migrationAdministrationId",
                )
            ]
        )
    item = await MigrationAdministration.get(pk=item.pk).select_related("migration")
    return RetryMigrationPayload(
        administration=MigrationAdministrationType.from_model(item, item.migration, ctx)
    )
