"""The rules of offering: what may be offered (rules 2, 5, 6), to whom (3, 7), and the offer."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from tortoise.expressions import Q

from models.administration import Administration
from models.checklist import ChecklistResult, recheck_damaged, run_checklist
from models.document import count_documents
from models.enums import MailLanguage, MigrationStatus, Role
from models.environment import Environment
from models.offers import Migration, MigrationAdministration, MigrationRecipient, still_offered
from models.plans import premium_refusal
from models.refusals import Refusal, RefusalCode
from models.transfer_code import generate_transfer_code
from models.user import User
from overdracht.filestore import FileStore, StoreUnavailable

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


async def open_offer_items(
    administration_ids: Sequence[int], now: datetime
) -> list[MigrationAdministration]:
    """The open items holding these administrations; an expired offer no longer holds one."""
    return await MigrationAdministration.filter(
        open_administration_id__in=list(administration_ids)
    ).filter(still_offered(now) | ~Q(status=MigrationStatus.OFFERED))


async def administrations_of(environment_id: int, ids: Sequence[int]) -> dict[int, Administration]:
    """The administrations among ids that belong to the environment, with their connections."""
    rows = await Administration.filter(
        environment_id=environment_id, id__in=list(ids)
    ).prefetch_related("connection")
    return {row.pk: row for row in rows}


def offer_size_refusal(count: int, maximum: int) -> Refusal | None:
    """Rule 6's upper bound: an offer holds at most the installation's number of administrations."""
    if count <= maximum:
        return None
    return Refusal(
        RefusalCode.TOO_MANY,
        f"An offer holds at most {maximum} administrations; this one names {count}.",
        ("administrationIds",),
    )


@dataclass(frozen=True)
class DamageRecheck:
    """How far a check looks again at files recorded as damaged before it believes the record.

    The way out once a file is restored: whoever meets the record looks again, now, instead of
    waiting for the file check's next round. With a bound in seconds, a store that is slow or
    does not answer leaves the records as they stand; without one, an outage raises
    StoreUnavailable and the caller decides what it means.
    """

    files: FileStore
    at_most: int
    seconds: float | None = None


def offer_recheck(files: FileStore) -> DamageRecheck:
    """What offering and its checklist look at again: a few files, for a few seconds at most."""
    return DamageRecheck(files, at_most=10, seconds=5.0)


@dataclass(frozen=True)
class OfferCheck:
    """One administration as rules 2, 5 and 6 judge it for an offer, with the figures behind it."""

    administration: Administration | None  # None: not one of the office's administrations
    checklist: ChecklistResult | None
    refusals: list[Refusal]  # in the rules' order; the caller says which input they are about

    @property
    def can_be_offered(self) -> bool:
        """Whether nothing stands in the way of offering it."""
        return not self.refusals

    def refused(self, code: RefusalCode) -> bool:
        """Whether one of the refusals has this code."""
        return any(refusal.code == code for refusal in self.refusals)


# What check_offerable can refuse for an administration that its own move holds: it is the
# office's (the move checked that first), alone, and in no other open offer.
REFUSED_WHILE_MOVING = frozenset(
    {
        RefusalCode.NOT_MIGRATABLE,
        RefusalCode.HAS_AUTHORIZERS,
        RefusalCode.HAS_ACTIVE_WORKFLOW,
        RefusalCode.HAS_PENDING_DOCUMENTS,
        RefusalCode.HAS_DAMAGED_FILES,
    }
)


async def check_offerable(
    environment_id: int,
    ids: Sequence[int | None],
    recheck: DamageRecheck,
    *,
    now: datetime | None,
) -> list[OfferCheck]:
    """Rules 2, 5 and 6 for each administration, at its position in ids: what may be offered.

    offerMigration refuses by it, offerChecklist shows it, and the move runs it again. `now` is
    when the offer would be made; None for a move, whose own offer holds the administration, so
    no other open offer is looked for. An id of None stands for one that named nothing at all.
    """
    owned = await administrations_of(environment_id, [pk for pk in ids if pk is not None])
    checks = await run_checklist(list(owned))
    if recheck.seconds is None:
        checks = await recheck_damaged(recheck.files, checks, at_most=recheck.at_most)
    else:
        with contextlib.suppress(StoreUnavailable, TimeoutError):
            looked_again = recheck_damaged(recheck.files, checks, at_most=recheck.at_most)
            checks = await asyncio.wait_for(looked_again, recheck.seconds)
    offered: set[int | None] = set()
    if now is not None:
        offered = {item.open_administration_id for item in await open_offer_items(list(owned), now)}
    packages = {adm.connection.package for adm in owned.values()}
    found = []
    for pk in ids:
        administration = owned.get(pk) if pk is not None else None
        if administration is None:
            refused = Refusal(RefusalCode.NOT_FOUND, "No such administration in your environment.")
            found.append(OfferCheck(None, None, [refused]))
            continue
        refusals = []
        package = administration.connection.package
        if not package.is_migratable:  # rule 2
            refusals.append(
                Refusal(
                    RefusalCode.NOT_MIGRATABLE,
                    f"Administrations in {package.value} cannot be moved.",
                )
            )
        elif len(packages) > 1:  # rule 6
            refusals.append(
                Refusal(
                    RefusalCode.MIXED_PACKAGES,
                    "All administrations of one offer must be of the same accounting package.",
                )
            )
        checklist = checks[administration.pk]
        refusals += [  # rule 5
            replace(refused, message=f"{administration.name}: {refused.message}")
            for refused in checklist.refusals
        ]
        if administration.pk in offered:  # rule 6
            refusals.append(
                Refusal(
                    RefusalCode.ALREADY_OFFERED,
                    f"{administration.name} is already in an open offer.",
                )
            )
        found.append(OfferCheck(administration, checklist, refusals))
    return found


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
) -> tuple[Migration, list[MigrationAdministration]]:
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
    # One INSERT for all, read back in the order written: an offer of hundreds costs what one
    # of a few costs.
    await MigrationAdministration.bulk_create(
        [
            MigrationAdministration(
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
            for administration in administrations
        ]
    )
    written = {
        item.administration_id: item
        for item in await MigrationAdministration.filter(migration_id=migration.pk)
    }
    items = [written[administration.pk] for administration in administrations]
    return migration, items
