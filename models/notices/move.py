"""What requester and receiver are told when a move ends: done, or failed and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, TypedDict

from models.administration import Administration
from models.enums import MailLanguage, package_label
from models.environment import Environment
from models.notices.letter import Button, Facts, Highlight, Letter, Paragraph, Words
from models.notices.notice import AdministrationLine, Notice, offer_page, receivers, signed_letter
from models.offers import Migration, MigrationAdministration
from overdracht.settings import Settings


class MoveWords(TypedDict):
    """What a letter about one move passes on to its phrases by name."""

    name: str
    code: str
    source: str
    target: str


@dataclass(frozen=True, kw_only=True)
class _MoveMail(Notice):
    """What the completion and the failure of a move both tell: which books, from where to where."""

    language: MailLanguage = MailLanguage.NL
    source_office_name: str
    target_office_name: str
    administration: AdministrationLine
    offer_url: str  # the offer's page (its global ID in the path, never its code)

    def _words(self) -> MoveWords:
        line = self.administration
        return {
            "name": line.name,
            "code": line.code,
            "source": self.source_office_name,
            "target": self.target_office_name,
        }

    def _facts(self, w: Words, *rows: tuple[str, str]) -> Facts:
        line = self.administration
        return Facts(
            [
                (w("label.administration"), f"{line.name} ({line.code})"),
                (w("label.package"), package_label(line.package)),
                *rows,
            ]
        )


@dataclass(frozen=True, kw_only=True)
class CompletionMail(_MoveMail):
    """Tells requester and receiver the move is done and gives the new inbound address (rule 13)."""

    kind: ClassVar[str] = "COMPLETION"
    completed_at: datetime
    documents_moved: int
    # The SHA-256 of the move's manifest (worker/manifest.py); None in mails queued before it.
    manifest_sha256: str | None = None

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        item: MigrationAdministration,
        administration: Administration,
        source: Environment,
        target: Environment,
    ) -> None:
        """Queue it for the requester, the receiver in copy, with the new inbound address."""
        notice = cls(
            language=migration.language,
            source_office_name=source.name,
            target_office_name=target.name,
            completed_at=now,
            administration=AdministrationLine(
                name=administration.name,
                code=administration.code,
                package=migration.package.value,
                document_count=item.documents_total,
                inbound_mail_address=administration.inbound_mail_address,
            ),
            documents_moved=item.documents_total,
            manifest_sha256=item.manifest_sha256,
            offer_url=offer_page(settings, migration),
        )
        await notice.post(
            migration,
            to=[migration.requester_email],
            cc=receivers([item]),
            settings=settings,
            now=now,
        )

    def letter(self, w: Words) -> Letter:
        """The move is done; the new inbound address is what people need next."""
        said = self._words()
        manifest = self.manifest_sha256
        return signed_letter(
            w,
            w("completion.subject", **said),
            [
                Paragraph(w("completion.intro", **said)),
                Highlight(w("label.new_inbound"), self.administration.inbound_mail_address),
                self._facts(
                    w,
                    (w("label.from"), self.source_office_name),
                    (w("label.to"), self.target_office_name),
                    (w("label.moved"), w("documents", self.documents_moved)),
                    (w("label.completed_on"), w.when(self.completed_at)),
                    *([(w("label.manifest_sha256"), manifest)] if manifest else []),
                ),
                *([Paragraph(w("completion.manifest"))] if manifest else []),
                Paragraph(w("completion.next")),
                Paragraph(f"{w('not_moved')} {w('completion.set_up_again', **said)}"),
                Button(w("to_offer"), self.offer_url),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class FailureMail(_MoveMail):
    """Tells requester and receiver a move failed, nothing changed and it can be retried."""

    kind: ClassVar[str] = "FAILURE"
    failed_at: datetime
    reason: str

    @classmethod
    async def queue(
        cls,
        settings: Settings,
        now: datetime,
        migration: Migration,
        item: MigrationAdministration,
        source: Environment,
        target: Environment,
        reason: str,
    ) -> None:
        """Queue it for the requester, the receiver in copy, with the reason."""
        notice = cls(
            language=migration.language,
            source_office_name=source.name,
            target_office_name=target.name,
            failed_at=now,
            administration=AdministrationLine.of_item(item, migration.package.value),
            reason=reason,
            offer_url=offer_page(settings, migration),
        )
        await notice.post(
            migration,
            to=[migration.requester_email],
            cc=receivers([item]),
            settings=settings,
            now=now,
        )

    def letter(self, w: Words) -> Letter:
        """The move failed; the source is unchanged and the move can be started again."""
        said = self._words()
        return signed_letter(
            w,
            w("failure.subject", **said),
            [
                Paragraph(w("failure.intro", when=w.when(self.failed_at), **said)),
                self._facts(
                    w,
                    (w("label.documents"), w.number(self.administration.document_count)),
                    (w("label.reason"), self.reason.strip() or w("failure.unknown")),
                ),
                Paragraph(w("failure.nothing_changed", **said)),
                Button(w("to_offer"), self.offer_url),
            ],
        )
