"""offerMigration: a superuser offers administrations to another environment (rules 1-9)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import strawberry
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.context import Context
from api.ids import decode_global_id, kind_hint
from api.permissions import superusers_only
from api.schema.migration import MigrationType
from api.schema.offering import OfferMigrationInput, OfferMigrationPayload
from api.schema.user_errors import (
    UserError,
    UserErrorCode,
    outdated_terms,
    user_error,
    user_error_of,
)
from models import Administration, Environment, lifecycle, terms
from models.enums import MailLanguage
from models.guessing import take_recipient_checks
from models.offering import (
    MAX_RECIPIENTS,
    check_offerable,
    check_recipients,
    clean_recipients,
    offer_recheck,
    offer_size_refusal,
    recipient_address,
)


def _check_form(
    ctx: Context, data: OfferMigrationInput
) -> tuple[list[int | None], list[UserError]]:
    """Checks that need no database: sizes, duplicates, acknowledgement, terms."""
    errors: list[UserError] = []
    if not data.administration_ids:
        errors.append(
            user_error(
                UserErrorCode.REQUIRED, "Choose at least one administration.", "administrationIds"
            )
        )
    ids = [decode_global_id(raw, "Administration") for raw in data.administration_ids]
    seen: set[int] = set()
    for index, pk in enumerate(ids):
        if pk is not None and pk in seen:
            errors.append(
                user_error(
                    UserErrorCode.DUPLICATE_IN_INPUT,
                    "This administration is listed twice.",
                    "administrationIds",
                    index,
                )
            )
        if pk is not None:
            seen.add(pk)
    if not data.acknowledge_users_do_not_move:
        errors.append(
            user_error(
                UserErrorCode.ACKNOWLEDGEMENT_REQUIRED,
                "Acknowledge that users, authorizers, flows and workflows do not move.",
                "acknowledgeUsersDoNotMove",
            )
        )
    if not data.accept_terms:
        errors.append(
            user_error(
                UserErrorCode.TERMS_NOT_ACCEPTED,
                "Accept the terms and conditions to offer.",
                "acceptTerms",
            )
        )
    if refusal := outdated_terms(data.terms_version):
        errors.append(refusal)
    return ids, errors


async def _check_administrations(
    ctx: Context, ids: list[int | None], raw_ids: list[strawberry.ID]
) -> tuple[dict[int, Administration], list[UserError]]:
    """Rules 2, 5 and 6 as check_offerable decides them, each refusal at its input position."""
    recheck = offer_recheck(ctx.files)
    checks = await check_offerable(ctx.environment_id, ids, recheck, now=ctx.clock.now())
    owned: dict[int, Administration] = {}
    errors: list[UserError] = []
    for index, check in enumerate(checks):
        if check.administration is not None:
            owned[check.administration.pk] = check.administration
        for refused in check.refusals:
            if refused.code == UserErrorCode.NOT_FOUND:  # say what kind of ID was sent instead
                hint = kind_hint(raw_ids[index], "Administration")
                refused = replace(refused, message=refused.message + hint)
            errors.append(user_error_of(refused, "administrationIds", index))
    return owned, errors


@dataclass(frozen=True)
class CheckedRecipients:
    """Recipients as typed, checked (rule 7): the addresses, their office, and what was wrong."""

    addresses: list[str]  # trimmed, in lower case, each once
    target: Environment | None  # the office they make the offer's target; None when refused
    errors: list[UserError]  # every refusal, at the recipient's position as sent
    accepted: list[bool]  # per entry as sent: looked up, and an active superuser of the target


async def check_recipient_input(ctx: Context, raw: list[str]) -> CheckedRecipients:
    """Rule 7 for recipients as typed: valid, not too many, superusers of one other office.

    Offering, changing recipients and the wizard's checkRecipients all use it, so each says the
    same about an address, and each lookup counts against the same limit.
    """
    recipients, invalid = clean_recipients(raw)
    errors = [user_error_of(refused) for refused in invalid]
    if not raw:
        errors.append(
            user_error(
                UserErrorCode.REQUIRED,
                "Name at least one superuser of the receiving environment.",
                "recipients",
            )
        )
    elif len(recipients) > MAX_RECIPIENTS:
        errors.append(
            user_error(
                UserErrorCode.TOO_MANY,
                f"An offer goes to at most {MAX_RECIPIENTS} recipients.",
                "recipients",
            )
        )
    nothing_accepted = [False] * len(raw)
    if not recipients or len(recipients) > MAX_RECIPIENTS:
        return CheckedRecipients(list(recipients), None, errors, nothing_accepted)  # no lookup
    now = ctx.clock.now()
    if retry_at := await take_recipient_checks(ctx.viewer, list(recipients), now, ctx.settings):
        limit = ctx.settings.recipient_checks_per_hour
        errors.append(
            user_error(
                UserErrorCode.TOO_MANY_RECIPIENT_CHECKS,
                f"You looked up {limit} different recipients' addresses within the hour; try "
                f"these again from {retry_at.isoformat(timespec='seconds')}.",
                "recipients",
                retry_at=retry_at,
            )
        )
        return CheckedRecipients(list(recipients), None, errors, nothing_accepted)
    checked = await check_recipients(ctx.environment_id, recipients)
    errors += [user_error_of(refused) for refused in checked.refusals]
    # The positions refused, as sent; None: the whole list.
    refused = {_position(r.field) for r in checked.refusals}

    def accepted(entry: str) -> bool:
        first = recipients.get(recipient_address(entry))  # None: not valid, never looked up
        return None not in refused and first is not None and first not in refused

    return CheckedRecipients(
        list(recipients), checked.target, errors, [accepted(entry) for entry in raw]
    )


def _position(field: tuple[str | int, ...]) -> int | None:
    """The position in the recipients a refusal is at; None when it is about all of them."""
    return field[1] if len(field) > 1 and isinstance(field[1], int) else None


async def offer_migration(
    info: strawberry.Info, input: OfferMigrationInput
) -> OfferMigrationPayload:
    """Check every rule, then write the offer, its audit entries and its mail in one transaction."""
    ctx: Context = info.context
    user = ctx.viewer
    if refusal := superusers_only(user, "offer"):
        return OfferMigrationPayload(user_errors=[user_error_of(refusal)])
    maximum = ctx.settings.max_administrations_per_offer
    if refused := offer_size_refusal(len(input.administration_ids), maximum):
        return OfferMigrationPayload(user_errors=[user_error_of(refused)])  # nothing looked up
    ids, errors = _check_form(ctx, input)
    owned, adm_errors = await _check_administrations(ctx, ids, input.administration_ids)
    checked = await check_recipient_input(ctx, input.recipients)
    errors += adm_errors + checked.errors
    if errors or checked.target is None:
        return OfferMigrationPayload(user_errors=errors)

    administrations = [owned[pk] for pk in ids if pk is not None]
    try:
        async with in_transaction():
            migration, _ = await lifecycle.offer(
                ctx.change(),
                administrations,
                checked.addresses,
                target=checked.target,
                language=MailLanguage(input.language),
                terms_version=terms.VERSION,
            )
    except IntegrityError:
        # Another superuser offered one of these administrations in the same instant.
        return OfferMigrationPayload(
            user_errors=[
                user_error(
                    UserErrorCode.ALREADY_OFFERED,
                    "One of these administrations was offered by someone else just now.",
                    "administrationIds",
                )
            ]
        )
    return OfferMigrationPayload(migration=MigrationType.from_model(migration, ctx))
