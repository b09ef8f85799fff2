"""claimMigration: the target receives administrations into its own connections."""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from api.context import Context
from api.resolvers.redeem import lost_race, offered_choice, redeem_as_superuser
from api.schema.ids import decode_global_id
from api.schema.migration import MigrationType
from api.schema.receiving import (
    ClaimAdministrationInput,
    ClaimMigrationInput,
    ClaimMigrationPayload,
)
from api.schema.user_errors import UserError, UserErrorCode, user_error
from models import AccountingConnection, Migration, MigrationItem
from models.receiving import bind_target, duplicate_in_target, ensure_premium, receive_item

MAX_CODE_LENGTH = 64


class LostRace(Exception):
    """Another claim or a withdrawal changed an administration first; roll everything back."""

    def __init__(self, index: int) -> None:
        self.index = index


async def _check_choice(
    ctx: Context,
    migration: Migration,
    items: dict[int, MigrationItem],
    choice: ClaimAdministrationInput,
    index: int,
) -> tuple[MigrationItem, AccountingConnection, str] | list[UserError]:
    """One chosen administration: in this offer, still offered, a fitting connection, no twin."""
    item = offered_choice(
        items,
        choice.administration_id,
        ctx.clock.now(),
        "administrations",
        index,
        id_field="administrationId",
    )
    if isinstance(item, UserError):
        return [item]
    errors: list[UserError] = []
    conn_pk = decode_global_id(choice.connection_id, "AccountingConnection")
    connection = (
        await AccountingConnection.get_or_none(pk=conn_pk, environment_id=ctx.environment_id)
        if conn_pk
        else None
    )
    if connection is None:
        errors.append(
            user_error(
                UserErrorCode.NOT_FOUND,
                "Choose one of your own accounting connections.",
                "administrations",
                index,
                "connectionId",
            )
        )
    elif connection.package != migration.package and not await AccountingConnection.exists(
        environment_id=ctx.environment_id, package=migration.package
    ):
        errors.append(
            user_error(
                UserErrorCode.NO_CONNECTION_OF_PACKAGE,
                f"Your environment has no connection to {migration.package.value}; add one "
                "before receiving.",
                "administrations",
                index,
                "connectionId",
            )
        )
    elif connection.package != migration.package:
        errors.append(
            user_error(
                UserErrorCode.WRONG_PACKAGE,
                f"{item.administration_name} is in {migration.package.value}; choose a connection "
                f"of that package, not {connection.package.value}.",
                "administrations",
                index,
                "connectionId",
            )
        )
    code = (choice.administration_code or item.administration_code).strip()
    if not code or len(code) > MAX_CODE_LENGTH:
        errors.append(
            user_error(
                UserErrorCode.INVALID,
                f"The administration code must be 1 to {MAX_CODE_LENGTH} characters.",
                "administrations",
                index,
                "administrationCode",
            )
        )
    elif await duplicate_in_target(ctx.environment_id, code, item.administration_name):
        errors.append(
            user_error(
                UserErrorCode.DUPLICATE_IN_TARGET,
                f"Your environment already has administration {code} {item.administration_name}; "
                "remove it before receiving this one.",
                "administrations",
                index,
            )
        )
    if errors or connection is None:
        return errors
    return item, connection, code


async def claim_migration(
    info: strawberry.Info, input: ClaimMigrationInput
) -> ClaimMigrationPayload:
    """Queue every chosen administration for its move, or none of them."""
    ctx: Context = info.context
    user = ctx.viewer
    redeemed = await redeem_as_superuser(ctx, input.transfer_code, "receive")
    if isinstance(redeemed, list):
        return ClaimMigrationPayload(user_errors=redeemed)
    migration = redeemed
    errors: list[UserError] = []
    if not ensure_premium(user.environment):
        errors.append(
            user_error(
                UserErrorCode.NOT_PREMIUM,
                "Only an environment on the PREMIUM plan can receive administrations.",
            )
        )
    if not input.accept_terms:
        errors.append(
            user_error(UserErrorCode.TERMS_NOT_ACCEPTED, "Accept the terms.", "acceptTerms")
        )
    if not input.accept_costs:
        errors.append(
            user_error(
                UserErrorCode.COSTS_NOT_ACCEPTED,
                "Accept the migration costs, charged per administration.",
                "acceptCosts",
            )
        )
    if not input.administrations:
        errors.append(
            user_error(UserErrorCode.REQUIRED, "Choose what to receive.", "administrations")
        )
    items = {item.pk: item for item in await MigrationItem.filter(migration_id=migration.pk)}
    chosen: list[tuple[MigrationItem, AccountingConnection, str]] = []
    seen: set[int] = set()
    for index, choice in enumerate(input.administrations):
        checked = await _check_choice(ctx, migration, items, choice, index)
        if isinstance(checked, list):
            errors += checked
            continue
        if checked[0].pk in seen:
            errors.append(
                user_error(
                    UserErrorCode.DUPLICATE_IN_INPUT,
                    "This administration is chosen twice.",
                    "administrations",
                    index,
                )
            )
        seen.add(checked[0].pk)
        chosen.append(checked)
    if errors:
        return ClaimMigrationPayload(user_errors=errors)

    now = ctx.clock.now()
    try:
        async with in_transaction():
            if not await bind_target(migration.pk, ctx.environment_id):
                raise LostRace(0)
            for index, (item, connection, code) in enumerate(chosen):
                if not await receive_item(
                    item,
                    migration,
                    connection=connection,
                    target_code=code,
                    receiver=user,
                    now=now,
                ):
                    raise LostRace(index)
    except LostRace as lost:
        error = await lost_race(chosen[lost.index][0], now, "administrations", lost.index)
        return ClaimMigrationPayload(user_errors=[error])
    migration = await Migration.get(pk=migration.pk)
    return ClaimMigrationPayload(migration=MigrationType.from_model(migration, ctx))
