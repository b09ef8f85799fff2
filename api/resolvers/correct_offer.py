"""The source corrects an offer that still stands: recipients, the mail, the expiry (rule 7)."""

from __future__ import annotations

from datetime import UTC

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.permissions import superusers_only
from api.resolvers.migrations import own_offer
from api.resolvers.offer_migration import check_recipient_input
from api.schema.migration import MigrationType
from api.schema.offering import (
    ChangeMigrationRecipientsInput,
    ChangeMigrationRecipientsPayload,
    ExtendMigrationInput,
    ExtendMigrationPayload,
    ResendMigrationOfferInput,
    ResendMigrationOfferPayload,
)
from api.schema.user_errors import UserError, UserErrorCode, user_error, user_error_of
from models import Migration, MigrationAdministration
from models.actions import Action, may_take
from models.offer_corrections import (
    change_recipients,
    extend_offer,
    extension_refusal,
    resend_offer,
    retarget_refusal,
)


async def _standing_offer(
    ctx: Context, raw_id: str, action: Action, verb: str
) -> tuple[Migration, list[MigrationAdministration]] | list[UserError]:
    """The viewer's own offer with what it still offers, or why it cannot be corrected."""
    if refused := superusers_only(ctx.viewer, verb):
        return [user_error_of(refused)]
    migration = await own_offer(raw_id, ctx.environment_id)
    if migration is None:
        return [user_error(UserErrorCode.NOT_FOUND, "No such offer of yours.", "migrationId")]
    actor, now = await ctx.actor(migration), ctx.clock.now()
    items = [
        item
        for item in await MigrationAdministration.filter(migration_id=migration.pk).order_by("id")
        if may_take(action, actor, migration, item, now)
    ]
    if not items:
        return [
            user_error(
                UserErrorCode.NOT_OFFERED,
                "Nothing in this offer is still offered (it expired, was withdrawn, rejected or "
                "received); make a new offer instead.",
                "migrationId",
            )
        ]
    return migration, items


async def change_migration_recipients(
    info: strawberry.Info, input: ChangeMigrationRecipientsInput
) -> ChangeMigrationRecipientsPayload:
    """Replace the recipients with other superusers of the same target office."""
    ctx: Context = info.context
    found = await _standing_offer(
        ctx, input.migration_id, Action.CHANGE_RECIPIENTS, "change recipients"
    )
    if isinstance(found, list):
        return ChangeMigrationRecipientsPayload(user_errors=found)
    migration, items = found
    checked = await check_recipient_input(ctx, input.recipients)
    recipients, target, errors = checked.addresses, checked.target, checked.errors
    if not errors and target is not None and (refused := retarget_refusal(migration, target)):
        errors.append(user_error_of(refused))
    if errors or target is None:
        return ChangeMigrationRecipientsPayload(user_errors=errors)
    async with in_transaction():
        await change_recipients(ctx.change(), migration, recipients, target, items)
    return ChangeMigrationRecipientsPayload(migration=MigrationType.from_model(migration, ctx))


async def resend_migration_offer(
    info: strawberry.Info, input: ResendMigrationOfferInput
) -> ResendMigrationOfferPayload:
    """Queue the offer mail with the code again, to the recipients still superusers there."""
    ctx: Context = info.context
    found = await _standing_offer(ctx, input.migration_id, Action.RESEND, "send an offer again")
    if isinstance(found, list):
        return ResendMigrationOfferPayload(user_errors=found)
    migration, items = found
    async with in_transaction():
        resent = await resend_offer(ctx.change(), migration, items)
    if resent.refused_until is not None:
        limit = ctx.settings.resend_limit_per_hour
        error = user_error(
            UserErrorCode.TOO_MANY_RESENDS,
            f"This offer was sent again {limit} times within the hour; send it again from "
            f"{resent.refused_until.isoformat(timespec='seconds')}.",
            "migrationId",
            retry_at=resent.refused_until,
        )
        return ResendMigrationOfferPayload(user_errors=[error])
    if not resent.sent_to:
        error = user_error(
            UserErrorCode.NO_CURRENT_RECIPIENTS,
            "None of the recipients is still an active superuser of the office this offer is "
            "for, so nothing was sent; change the recipients first.",
            "migrationId",
        )
        return ResendMigrationOfferPayload(skipped_recipients=resent.skipped, user_errors=[error])
    return ResendMigrationOfferPayload(
        migration=MigrationType.from_model(migration, ctx),
        sent_to=resent.sent_to,
        skipped_recipients=resent.skipped,
    )


async def extend_migration(
    info: strawberry.Info, input: ExtendMigrationInput
) -> ExtendMigrationPayload:
    """Give what is still offered a later expiry, at most the offer validity from now."""
    ctx: Context = info.context
    found = await _standing_offer(ctx, input.migration_id, Action.EXTEND, "extend an offer")
    if isinstance(found, list):
        return ExtendMigrationPayload(user_errors=found)
    migration, items = found
    wanted = input.expires_at
    if wanted.tzinfo is None:
        wanted = wanted.replace(tzinfo=UTC)
    validity = ctx.settings.offer_validity
    if refused := extension_refusal(migration, wanted, ctx.clock.now(), validity):
        return ExtendMigrationPayload(user_errors=[user_error_of(refused)])
    async with in_transaction():
        await extend_offer(ctx.change(), migration, items, wanted)
    return ExtendMigrationPayload(migration=MigrationType.from_model(migration, ctx))
