"""The rules of offering administrations and withdrawing offers (rules 2, 5, 6, 7, 9, 10)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.expressions import Q

from models.administration import Administration
from models.document import count_documents
from models.enums import MailLanguage, MigrationStatus, Role
from models.environment import Environment
from models.migration import Migration, MigrationItem, MigrationRecipient, still_offered
from models.plans import premium_refusal
from models.refusals import Refusal, RefusalCode
from models.transfer_code import generate_transfer_code
from models.user import User

MAX_RECIPIENTS = 10
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
    r"(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


def is_valid_email(address: str) -> bool:
    """Whether a mail server would take the address; a wrong one is refused, never dropped."""
    return bool(_EMAIL.match(address)) and ".." not in address


def recipient_address(entry: str) -> str:
    """A recipient as typed, as it is looked up and stored: trimmed and in lower case."""
    return entry.strip().lower()


def clean_recipients(raw: Sequence[str]) -> tuple[dict[str, int], list[Refusal]]:
    """Trim, lowercase and deduplicate the addresses, each with its first position as sent."""
    cleaned: dict[str, int] = {}
    refusals: list[Refusal] = []
    for index, entry in enumerate(raw):
        address = recipient_address(entry)
        if not is_valid_email(address):
            refusals.append(
                Refusal(
                    RefusalCode.INVALID_EMAIL,
                    f"{entry!r} is not a valid e-mail address.",
                    ("recipients", index),
                )
            )
        elif address not in cleaned:
            cleaned[address] = index
    return cleaned, refusals


@dataclass(frozen=True)
class OfferTarget:
    """The office the recipients make the offer's target, or why they cannot (rule 7)."""

    target: Environment | None
    refusals: list[Refusal]  # each at ("recipients", position as sent), or at ("recipients",)


async def check_recipients(source_environment_id: int, recipients: dict[str, int]) -> OfferTarget:
    """Every recipient an active superuser of one and the same other office, which is PREMIUM.

    A message names only addresses the sender typed, never an office's name or plan (rule 1).
    """
    users = {
        u.email: u
        for u in await User.filter(email__in=list(recipients)).select_related("environment")
    }
    refusals: list[Refusal] = []
    target: Environment | None = None
    first = ""  # the first address of the target office, as typed
    for address, index in recipients.items():
        user = users.get(address)
        if user is not None and user.environment_id == source_environment_id:
            refusals.append(
                Refusal(
                    RefusalCode.RECIPIENT_IN_OWN_ENVIRONMENT,
                    f"{address} is a user of your own environment; name a superuser of the "
                    "receiver (you get a copy of the mail anyway).",
                    ("recipients", index),
                )
            )
        elif user is None or not user.is_superuser:
            refusals.append(
                Refusal(
                    RefusalCode.UNKNOWN_RECIPIENT,
                    f"{address} is not an active superuser of any office; ask the receiving "
                    "office for the address of one of its superusers.",
                    ("recipients", index),
                )
            )
        elif target is None:
            target, first = user.environment, address
        elif user.environment.pk != target.pk:
            refusals.append(
                Refusal(
                    RefusalCode.RECIPIENTS_IN_SEVERAL_ENVIRONMENTS,
                    f"{address} is not a superuser of the same office as {first}: one offer "
                    "goes to one office.",
                    ("recipients", index),
                )
            )
    if target is not None and (refused := premium_refusal(target, known_as=first)):
        refusals.append(refused.at("recipients"))
    return OfferTarget(target=None if refusals else target, refusals=refusals)


async def current_recipients(migration: Migration) -> tuple[list[str], list[str]]:
    """The recipients who are now active superusers of the offer's target, and the others.

    The code goes again only to the first: someone deactivated or demoted since the offer, or
    gone to another office, no longer gets it (rule 7).
    """
    addresses = list(migration.recipients)
    superusers = User.filter(email__in=addresses, role=Role.SUPERUSER, is_active=True)
    if migration.target_environment_id is not None:
        superusers = superusers.filter(environment_id=migration.target_environment_id)
    else:  # an offer from before targets: any other office, as its code redeems
        superusers = superusers.exclude(environment_id=migration.source_environment_id)
    current = {user.email for user in await superusers}
    return [a for a in addresses if a in current], [a for a in addresses if a not in current]


async def open_offer_items(administration_ids: Sequence[int], now: datetime) -> list[MigrationItem]:
    """The open items holding these administrations; an expired offer no longer holds one."""
    return await MigrationItem.filter(open_administration_id__in=list(administration_ids)).filter(
        still_offered(now) | ~Q(status=MigrationStatus.OFFERED)
    )


async def administrations_of(environment_id: int, ids: Sequence[int]) -> dict[int, Administration]:
    """The administrations among ids that belong to the environment, with their connections."""
    rows = await Administration.filter(
        environment_id=environment_id, id__in=list(ids)
    ).prefetch_related("connection")
    return {row.pk: row for row in rows}


async def write_offer(
    requester: User,
    administrations: Sequence[Administration],
    recipients: Sequence[str],
    *,
    target: Environment,
    language: MailLanguage,
    terms_version: str,
    now: datetime,
    validity: timedelta,
) -> tuple[Migration, list[MigrationItem]]:
    """Write a checked offer's rows; lifecycle.offer records and mails it."""
    # Inside the caller's transaction; the administrations come with their connection, whose
    # package is the offer's.
    migration = await Migration.create(
        source_environment_id=requester.environment_id,
        target_environment=target,
        requester=requester,
        requester_name=requester.display_name,
        requester_email=requester.email,
        package=administrations[0].connection.package,
        transfer_code=generate_transfer_code(),
        recipients=list(recipients),
        language=language,
        offered_at=now,
        expires_at=now + validity,
        terms_accepted_at=now,
        terms_version=terms_version,
    )
    await MigrationRecipient.bulk_create(
        [MigrationRecipient(migration=migration, email=address) for address in recipients]
    )
    document_counts = await count_documents([a.pk for a in administrations])
    items = []
    for administration in administrations:
        item = await MigrationItem.create(
            migration=migration,
            administration=administration,
            open_administration_id=administration.pk,
            source_environment_id=migration.source_environment_id,
            administration_code=administration.code,
            administration_name=administration.name,
            inbound_mail_address=administration.inbound_mail_address,
            recipients_text=", ".join(recipients),
            status=MigrationStatus.OFFERED,
            offered_at=now,
            expires_at=migration.expires_at,
            status_changed_at=now,
            documents_total=document_counts.get(administration.pk, 0),
        )
        items.append(item)
    return migration, items
