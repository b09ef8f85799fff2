"""What the requester is told about a receiver's steps: a claim, a rejection, a release."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from models.enums import MailLanguage
from models.environment import Environment
from models.notices.letter import Button, Facts, Letter, Paragraph, Words
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
from models.offers import Migration, MigrationAdministration
from overdracht.settings import Settings


@dataclass(frozen=True, kw_only=True)
class ClaimMail(Notice):
    """Tells the requester which administrations the receiver claimed, and who did."""

    kind: ClassVar[str] = "CLAIM"
    language: MailLanguage = MailLanguage.NL
    target_office_name: str
    received_by_name: str
    received_by_email: str
    received_at: datetime
    administrations: list[AdministrationLine]
    offer_url: str  # the offer's page (its global ID in the path, never its code)

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        items: Sequence[MigrationAdministration],
        target: Environment,
        received_by: str,
        received_by_email: str,
    ) -> None:
        """Queue one for everything one claim received, for the requester alone."""
        notice = cls(
            language=migration.language,
            target_office_name=target.name,
            received_by_name=received_by,
            received_by_email=received_by_email,
            received_at=now,
            administrations=lines(migration, items),
            offer_url=offer_page(settings, migration),
        )
        await notice.post(
            migration, to=[migration.requester_email], cc=[], settings=settings, now=now
        )

    def letter(self, w: Words) -> Letter:
        """Tells the requester who received which administrations; the move follows."""
        said = counted(w, self.administrations)
        return signed_letter(
            w,
            w("claim.subject", target=self.target_office_name, **said),
            [
                Paragraph(
                    w(
                        "claim.intro",
                        receiver=self.received_by_name,
                        target=self.target_office_name,
                        when=w.when(self.received_at),
                        **said,
                    )
                ),
                Facts(
                    [
                        (
                            w("label.received_by"),
                            f"{self.received_by_name} <{self.received_by_email}>",
                        ),
                        (w("label.office"), self.target_office_name),
                    ]
                ),
                listed(w, "claim.list", self.administrations),
                Button(w("to_offer"), self.offer_url),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class RejectionMail(Notice):
    """Tells the source requester that the target rejected administrations (rule 11)."""

    kind: ClassVar[str] = "REJECTION"
    language: MailLanguage = MailLanguage.NL
    target_office_name: str
    rejected_by_name: str
    reason: str
    rejected_at: datetime
    administrations: list[AdministrationLine]
    offer_url: str  # the offer's page (its global ID in the path, never its code)

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        items: Sequence[MigrationAdministration],
        target: Environment,
        rejected_by: str,
        reason: str,
    ) -> None:
        """Queue it for the requester alone."""
        notice = cls(
            language=migration.language,
            target_office_name=target.name,
            rejected_by_name=rejected_by,
            reason=reason,
            rejected_at=now,
            administrations=lines(migration, items),
            offer_url=offer_page(settings, migration),
        )
        await notice.post(
            migration, to=[migration.requester_email], cc=[], settings=settings, now=now
        )

    def letter(self, w: Words) -> Letter:
        """Tells the requester who rejected what, and why if a reason was given."""
        count = len(self.administrations)
        said = counted(w, self.administrations)
        reason = self.reason.strip() or w("rejection.no_reason")
        return signed_letter(
            w,
            w("rejection.subject", count, target=self.target_office_name),
            [
                Paragraph(
                    w(
                        "rejection.intro",
                        by=self.rejected_by_name,
                        target=self.target_office_name,
                        when=w.when(self.rejected_at),
                        **said,
                    )
                ),
                Facts(
                    [(w("label.rejected_by"), self.rejected_by_name), (w("label.reason"), reason)]
                ),
                listed(w, "rejection.list", self.administrations),
                Paragraph(still_yours(w, count)),
                Button(w("to_offer"), self.offer_url),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class ReleaseMail(Notice):
    """Tells the requester the receiver let go of administrations it had received."""

    kind: ClassVar[str] = "RELEASE"
    language: MailLanguage = MailLanguage.NL
    target_office_name: str
    released_by_name: str
    released_at: datetime
    administrations: list[AdministrationLine]
    after_failure: bool  # given up after a failed move, or cancelled before it started
    offered_again: bool  # still offered under the same code, or free to offer anew
    offer_url: str  # the offer's page (its global ID in the path, never its code)

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        items: Sequence[MigrationAdministration],
        target: Environment,
        released_by: str,
        *,
        after_failure: bool,
        offered_again: bool,
    ) -> None:
        """Queue it for the requester, the receiver in copy."""
        notice = cls(
            language=migration.language,
            target_office_name=target.name,
            released_by_name=released_by,
            released_at=now,
            administrations=lines(migration, items),
            after_failure=after_failure,
            offered_again=offered_again,
            offer_url=offer_page(settings, migration),
        )
        await notice.post(
            migration,
            to=[migration.requester_email],
            cc=receivers(items),
            settings=settings,
            now=now,
        )

    def letter(self, w: Words) -> Letter:
        """The receiver let go of administrations; says whether they are still offered."""
        count = len(self.administrations)
        said = counted(w, self.administrations)
        step = "release.gave_up" if self.after_failure else "release.cancelled"
        after = "release.offer_stands" if self.offered_again else "release.free_again"
        return signed_letter(
            w,
            w("release.subject", target=self.target_office_name, **said),
            [
                Paragraph(
                    w(
                        step,
                        by=self.released_by_name,
                        target=self.target_office_name,
                        when=w.when(self.released_at),
                        **said,
                    )
                ),
                listed(w, "release.list", self.administrations),
                Paragraph(
                    f"{w('release.nothing_charged')} {w('still_yours', count)} {w(after, count)}"
                ),
                Button(w("to_offer"), self.offer_url),
            ],
        )
