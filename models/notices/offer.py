"""What the offer's recipients and requester are told about the transfer code and its fate.

The offer itself and a reminder before it expires (to the recipients), its withdrawal (to the
recipients and a receiver whose move failed), its expiry and a recipient the mail server
refused (to the requester).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from models.enums import MailLanguage, package_label
from models.environment import Environment
from models.notices.letter import (
    Button,
    Facts,
    Highlight,
    Letter,
    Paragraph,
    Steps,
    Words,
)
from models.notices.notice import (
    AdministrationLine,
    Notice,
    counted,
    lines,
    listed,
    offer_page,
    receivers,
    signed_letter,
    still_yours,
)
from models.offers import Migration, MigrationAdministration, still_offered
from models.transfer_code import format_transfer_code
from overdracht.settings import Settings


@dataclass(frozen=True, kw_only=True)
class OfferMail(Notice):
    """The transfer code and what to do with it, to the recipients with the requester in cc."""

    kind: ClassVar[str] = "OFFER"
    language: MailLanguage = MailLanguage.NL
    source_office_code: str
    source_office_name: str
    requester_name: str
    requester_email: str
    transfer_code: str
    offered_at: datetime
    expires_at: datetime
    administrations: list[AdministrationLine]
    receive_url: str  # the frontend's page for entering a code; never holds the code

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        items: Sequence[MigrationAdministration],
        source: Environment,
        *,
        to: Sequence[str] | None = None,
    ) -> None:
        """Queue it for the recipients (or only `to`), the requester in copy (rule 7)."""
        notice = cls(
            language=migration.language,
            source_office_code=source.office_code,
            source_office_name=source.name,
            requester_name=migration.requester_name,
            requester_email=migration.requester_email,
            transfer_code=format_transfer_code(migration.transfer_code),
            offered_at=migration.offered_at,
            expires_at=migration.expires_at,
            administrations=lines(migration, items),
            receive_url=settings.code_entry_url,
        )
        to = migration.recipients if to is None else to
        cc = [migration.requester_email]
        await notice.post(migration, to=to, cc=cc, settings=settings, now=now)

    def letter(self, w: Words) -> Letter:
        """The transfer code, its expiry and the steps to receive the administrations."""
        said = counted(w, self.administrations)
        source = f"{self.source_office_name} ({self.source_office_code})"
        packages = ", ".join(sorted({package_label(line.package) for line in self.administrations}))
        return signed_letter(
            w,
            w("offer.subject", source=source, **said),
            [
                Paragraph(w("offer.intro", requester=self.requester_name, source=source, **said)),
                Highlight(w("label.transfer_code"), self.transfer_code),
                Facts(
                    [
                        (w("label.offered_by"), f"{self.requester_name} <{self.requester_email}>"),
                        (w("label.office"), source),
                        (w("label.offered_on"), w.when(self.offered_at)),
                        (w("label.valid_until"), w.when(self.expires_at)),
                    ]
                ),
                listed(w, "offer.list", self.administrations),
                Steps(
                    w("offer.steps", **said),
                    [
                        w("offer.step.sign_in", url=self.receive_url),
                        w("offer.step.code"),
                        w("offer.step.terms"),
                        w("offer.step.connection", packages=packages),
                    ],
                ),
                Paragraph(w("premium")),
                Button(w("to_code_entry"), self.receive_url),
                Paragraph(
                    w(
                        "offer.validity",
                        until=w.when(self.expires_at),
                        requester=self.requester_name,
                        **said,
                    )
                ),
                Paragraph(w("not_moved")),
                Paragraph(w("offer.unexpected")),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class ReminderMail(Notice):
    """Reminds the recipients, some days before expiry, of what is still offered to them."""

    kind: ClassVar[str] = "REMINDER"
    language: MailLanguage = MailLanguage.NL
    source_office_code: str
    source_office_name: str
    requester_name: str
    transfer_code: str
    expires_at: datetime
    administrations: list[AdministrationLine]
    receive_url: str

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        items: Sequence[MigrationAdministration],
        source: Environment,
        to: Sequence[str],
    ) -> None:
        """Queue it for the recipients still to be reminded of what is still offered."""
        notice = cls(
            language=migration.language,
            source_office_code=source.office_code,
            source_office_name=source.name,
            requester_name=migration.requester_name,
            transfer_code=format_transfer_code(migration.transfer_code),
            expires_at=max(item.expires_at for item in items),
            administrations=lines(migration, items),
            receive_url=settings.code_entry_url,
        )
        await notice.post(migration, to=to, cc=[], settings=settings, now=now)

    def letter(self, w: Words) -> Letter:
        """Some days before expiry: what is still offered, the code, and how to decline."""
        said = counted(w, self.administrations)
        source = f"{self.source_office_name} ({self.source_office_code})"
        until = w.when(self.expires_at)
        return signed_letter(
            w,
            w("reminder.subject", source=source, day=w.day(self.expires_at)),
            [
                Paragraph(
                    w(
                        "reminder.intro",
                        requester=self.requester_name,
                        source=source,
                        until=until,
                        **said,
                    )
                ),
                Highlight(w("label.transfer_code"), self.transfer_code),
                listed(w, "reminder.list", self.administrations),
                Paragraph(w("premium")),
                Button(w("to_code_entry"), self.receive_url),
                Paragraph(w("reminder.decline", requester=self.requester_name, **said)),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class WithdrawalMail(Notice):
    """Tells the recipients that some administrations are no longer offered (rule 10)."""

    kind: ClassVar[str] = "WITHDRAWAL"
    language: MailLanguage = MailLanguage.NL
    source_office_code: str
    source_office_name: str
    requester_name: str
    withdrawn_at: datetime
    administrations: list[AdministrationLine]
    offer_url: str  # the offer's page (its global ID in the path, never its code)
    # Whether administrations of the same offer are still offered, so the mail may say so (a
    # mail queued before this was known said so always).
    others_still_offered: bool = True

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        items: Sequence[MigrationAdministration],
        source: Environment,
        withdrawn_by: str,
        withdrawn_by_email: str,
    ) -> None:
        """Queue it for the recipients and a receiver whose move failed; the requester and
        who withdrew in copy."""
        notice = cls(
            language=migration.language,
            source_office_code=source.office_code,
            source_office_name=source.name,
            requester_name=withdrawn_by,
            withdrawn_at=now,
            administrations=lines(migration, items),
            offer_url=offer_page(settings, migration),
            others_still_offered=await MigrationAdministration.filter(
                still_offered(now), migration_id=migration.pk
            ).exists(),
        )
        to = [*migration.recipients, *receivers(items)]
        cc = [migration.requester_email, withdrawn_by_email]
        await notice.post(migration, to=to, cc=cc, settings=settings, now=now)

    def letter(self, w: Words) -> Letter:
        """The administrations that can no longer be received."""
        said = counted(w, self.administrations)
        source = f"{self.source_office_name} ({self.source_office_code})"
        return signed_letter(
            w,
            w("withdrawal.subject", source=source, **said),
            [
                Paragraph(
                    w(
                        "withdrawal.intro",
                        requester=self.requester_name,
                        source=source,
                        when=w.when(self.withdrawn_at),
                        **said,
                    )
                ),
                listed(w, "withdrawal.list", self.administrations),
                *([Paragraph(w("withdrawal.rest"))] if self.others_still_offered else []),
                Button(w("to_offer"), self.offer_url),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class ExpiryMail(Notice):
    """Tells the requester that an offer expired unused, and that it can be made again."""

    kind: ClassVar[str] = "EXPIRY"
    language: MailLanguage = MailLanguage.NL
    expired_at: datetime
    recipients: list[str]
    administrations: list[AdministrationLine]
    offer_url: str  # the offer's page (its global ID in the path, never its code)

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        items: Sequence[MigrationAdministration],
    ) -> None:
        """Queue it for the requester alone."""
        notice = cls(
            language=migration.language,
            expired_at=max(item.expires_at for item in items),
            recipients=list(migration.recipients),
            administrations=lines(migration, items),
            offer_url=offer_page(settings, migration),
        )
        await notice.post(
            migration, to=[migration.requester_email], cc=[], settings=settings, now=now
        )

    def letter(self, w: Words) -> Letter:
        """Tells the requester the offer ran out unused; the books are free to offer again."""
        count = len(self.administrations)
        said = counted(w, self.administrations)
        return signed_letter(
            w,
            w("expiry.subject", **said),
            [
                Paragraph(w("expiry.intro", when=w.when(self.expired_at), **said)),
                Facts([(w("label.offered_to"), ", ".join(self.recipients))]),
                listed(w, "expiry.list", self.administrations),
                Paragraph(still_yours(w, count)),
                Button(w("to_offer"), self.offer_url),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class RefusalMail(Notice):
    """Tells the requester that the mail server refused the code's mail to one recipient."""

    kind: ClassVar[str] = "REFUSAL"
    language: MailLanguage = MailLanguage.NL
    address: str
    server_answer: str
    refused_at: datetime
    gave_up: bool = False  # deferred until the mail was too old, rather than refused for good
    administrations: list[AdministrationLine]
    offer_url: str  # the offer's page (its global ID in the path, never its code)

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        items: Sequence[MigrationAdministration],
        address: str,
        server_answer: str,
        *,
        gave_up: bool,
    ) -> None:
        """Queue it for the requester alone, with the server's own answer."""
        notice = cls(
            language=migration.language,
            address=address,
            server_answer=server_answer,
            gave_up=gave_up,
            refused_at=now,
            administrations=lines(migration, items),
            offer_url=offer_page(settings, migration),
        )
        await notice.post(
            migration, to=[migration.requester_email], cc=[], settings=settings, now=now
        )

    def letter(self, w: Words) -> Letter:
        """Tells the requester a recipient never got the code, with the server's own answer."""
        said = counted(w, self.administrations)
        return signed_letter(
            w,
            w("refusal.subject", address=self.address),
            [
                Paragraph(
                    w(
                        "refusal.gave_up" if self.gave_up else "refusal.intro",
                        address=self.address,
                        **said,
                    )
                ),
                Facts(
                    [
                        (w("label.recipient"), self.address),
                        (w("label.server_answer"), self.server_answer),
                    ]
                ),
                listed(w, "refusal.list", self.administrations),
                Paragraph(w("refusal.next")),
                Button(w("to_offer"), self.offer_url),
            ],
        )
