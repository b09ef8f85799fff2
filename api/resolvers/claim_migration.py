"""claimMigration: the target receives administrations into its own connections."""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.ids import decode_global_id
from api.resolvers.redeem import lost_race, offered_choice, redeem_as_superuser
from api.schema.migration import MigrationType
from api.schema.receiving import ClaimMigrationInput, ClaimMigrationPayload
from api.schema.user_errors import (
    UserError,
    UserErrorCode,
    outdated_terms,
    user_error,
    user_error_of,
)
from models import Migration, MigrationAdministration, lifecycle, terms
from models.actions import Action
from models.lifecycle import Reception
from models.receiving import ReceivingChoice, bind_target, check_receiving
from models.scheduling import as_moment, not_before_refusal


class LostRace(Exception):
    """Another claim or a withdrawal changed an administration first; roll everything back."""

    def __init__(self, index: int) -> None:
        self.index = index


def _form_errors(input: ClaimMigrationInput) -> list[UserError]:
    """What the receiver must accept and choose before anything is looked up."""
    errors: list[UserError] = []
    if not input.accept_terms:
        errors.append(
            user_error(UserErrorCode.TERMS_NOT_ACCEPTED, "Accept the terms.", "acceptTerms")
        )
    if refusal := outdated_terms(input.terms_version):
        errors.append(refusal)
    if not input.accept_costs:
        errors.append(
            user_error(
                UserErrorCode.COSTS_NOT_ACCEPTED,
                "Accept the migration costs, charged per administration moved.",
                "acceptCosts",
            )
        )
    if not input.administrations:
        errors.append(
            user_error(UserErrorCode.REQUIRED, "Choose what to receive.", "administrations")
        )
    return errors


async def _choices(
    ctx: Context, migration: Migration, input: ClaimMigrationInput
) -> tuple[list[tuple[int, ReceivingChoice]], list[UserError]]:
    """Each chosen administration of this offer that is still offered, at its input position."""
    items = {
        item.pk: item for item in await MigrationAdministration.filter(migration_id=migration.pk)
    }
    now = ctx.clock.now()
    chosen: list[tuple[int, ReceivingChoice]] = []
    errors: list[UserError] = []
    seen_items: set[int] = set()
    seen_codes: set[str] = set()
    for index, choice in enumerate(input.administrations):
        item = offered_choice(
            Action.RECEIVE,
            items,
            choice.migration_administration_id,
            now,
            "administrations",
            index,
            id_field="migrationAdministrationId",
        )
        if isinstance(item, UserError):
            errors.append(item)
            continue
        wanted = ReceivingChoice(
            item,
            connection_id=decode_global_id(choice.connection_id, "AccountingConnection") or 0,
            code=choice.administration_code,
        )
        if item.pk in seen_items:
            errors.append(
                user_error(
                    UserErrorCode.DUPLICATE_IN_INPUT,
                    "This administration is chosen twice.",
                    "administrations",
                    index,
                )
            )
        elif wanted.target_code() in seen_codes:
            errors.append(
                user_error(
                    UserErrorCode.DUPLICATE_IN_INPUT,
                    f"Code {wanted.target_code()} is chosen for two administrations; each needs "
                    "its own.",
                    "administrations",
                    index,
                    "administrationCode",
                )
            )
        if choice.not_before is not None and (
            refusal := not_before_refusal(choice.not_before, now, ctx.settings)
        ):
            errors.append(user_error_of(refusal, "administrations", index))
        seen_items.add(item.pk)
        seen_codes.add(wanted.target_code())
        chosen.append((index, wanted))
    return chosen, errors


async def claim_migration(
    info: strawberry.Info, input: ClaimMigrationInput
) -> ClaimMigrationPayload:
    """Queue every chosen administration for its move, or none of them."""
    ctx: Context = info.context
    redeemed = await redeem_as_superuser(ctx, input.transfer_code, "receive")
    if isinstance(redeemed, list):
        return ClaimMigrationPayload(user_errors=redeemed)
    migration = redeemed
    target = ctx.viewer.environment
    chosen, errors = await _choices(ctx, migration, input)
    checked = await check_receiving(target, migration.package, [c for _, c in chosen])
    errors = [user_error_of(r) for r in checked.target_refusals] + _form_errors(input) + errors
    for (index, _), refusals in zip(chosen, checked.refusals, strict=True):
        errors += [user_error_of(refused, "administrations", index) for refused in refusals]
    if errors:
        return ClaimMigrationPayload(user_errors=errors)

    moments = {
        index: as_moment(choice.not_before) if choice.not_before else None
        for index, choice in enumerate(input.administrations)
    }
    receptions = [
        Reception(
            choice.item,
            checked.connections[choice.connection_id],  # type: ignore[index]
            choice.target_code(),
            terms.VERSION,
            not_before=moments[index],
        )
        for index, choice in chosen
    ]
    change = ctx.change()
    try:
        async with in_transaction():
            if not await bind_target(migration.pk, ctx.environment_id):
                raise LostRace(0)
            lost = await lifecycle.claim_all(change, migration, receptions)
            if lost is not None:
                raise LostRace(lost)
            await lifecycle.tell_claimed(change, migration, [r.item for r in receptions])
    except LostRace as lost:
        index = chosen[lost.index][0]
        error = await lost_race(receptions[lost.index].item, change.now, "administrations", index)
        return ClaimMigrationPayload(user_errors=[error])
    migration = await Migration.get(pk=migration.pk)
    return ClaimMigrationPayload(migration=MigrationType.from_model(migration, ctx))
