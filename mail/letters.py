"""The mails Overdracht sends: each notice's data and its one letter, in any language.

A notice is a dataclass of what happened (mail/notices.py fills it from the models); its
`letter` writes it with the words of phrases.py, so adding a notice is adding one class here
(and its rows there), and adding a language is adding one column there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, TypedDict
from zoneinfo import ZoneInfo

from mail.formatting import DEFAULT_TIME_ZONE, package_label
from mail.layout import (
    Button,
    Facts,
    Highlight,
    Item,
    Items,
    Letter,
    Paragraph,
    Steps,
    to_html,
    to_text,
)
from mail.phrases import Words
from models.enums import MailLanguage
from models.migration import MigrationItem

SIGNATURE = "Overdracht"


@dataclass(frozen=True)
class AdministrationLine:
    """One administration as a mail lists it."""

    name: str
    code: str
    package: str
    document_count: int
    inbound_mail_address: str

    @classmethod
    def of_item(cls, item: MigrationItem, package: str) -> AdministrationLine:
        """An administration of an offer as it was when offered."""
        return cls(
            name=item.administration_name,
            code=item.administration_code,
            package=package,
            document_count=item.documents_total,
            inbound_mail_address=item.inbound_mail_address,
        )


@dataclass(frozen=True)
class RenderedMail:
    """A mail ready for the outbox: its kind, subject and both body parts."""

    kind: str
    subject: str
    text: str
    html: str


def _letter(w: Words, subject: str, blocks: list[Any]) -> Letter:
    return Letter(
        language=w.language,
        subject=subject,
        greeting=w("greeting"),
        blocks=blocks,
        closing=[w("regards"), SIGNATURE],
    )


def _details(w: Words, line: AdministrationLine) -> list[tuple[str, str]]:
    return [
        (w("label.code"), line.code),
        (w("label.package"), package_label(line.package)),
        (w("label.documents"), w.number(line.document_count)),
        (w("label.inbound"), line.inbound_mail_address),
    ]


def _list(w: Words, key: str, lines: list[AdministrationLine]) -> Items:
    return Items(
        title=w(key, len(lines)), items=[Item(line.name, _details(w, line)) for line in lines]
    )


class MoveWords(TypedDict):
    """What a letter about one move passes on to its phrases by name."""

    name: str
    code: str
    source: str
    target: str


class Counted(TypedDict):
    """The count words a letter passes on to its phrases by name."""

    administrations: str
    them: str
    these: str


def _counted(w: Words, lines: list[AdministrationLine]) -> Counted:
    """The words every letter about several administrations needs, for its count."""
    count = len(lines)
    return {
        "administrations": w("administrations", count),
        "them": w("them", count),
        "these": w("these", count),
    }


def _still_yours(w: Words, count: int) -> str:
    return f"{w('nothing_moved')} {w('still_yours', count)} " + w(
        "offer_again", them=w("them", count)
    )


class Notice:
    """A mail Overdracht sends; `kind` is stored with its outbox row."""

    kind: ClassVar[str]
    language: MailLanguage

    def letter(self, w: Words) -> Letter:
        """The mail's content in the language and time zone of `w`."""
        raise NotImplementedError


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

    def letter(self, w: Words) -> Letter:
        """The transfer code, its expiry and the steps to receive the administrations."""
        said = _counted(w, self.administrations)
        source = f"{self.source_office_name} ({self.source_office_code})"
        packages = ", ".join(sorted({package_label(line.package) for line in self.administrations}))
        return _letter(
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
                _list(w, "offer.list", self.administrations),
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

    def letter(self, w: Words) -> Letter:
        """Some days before expiry: what is still offered, the code, and how to decline."""
        said = _counted(w, self.administrations)
        source = f"{self.source_office_name} ({self.source_office_code})"
        until = w.when(self.expires_at)
        return _letter(
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
                _list(w, "reminder.list", self.administrations),
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
    # Whether administrations of the same offer are still offered, so the mail may say so.
    others_still_offered: bool
    overview_url: str

    def letter(self, w: Words) -> Letter:
        """The administrations that can no longer be received."""
        said = _counted(w, self.administrations)
        source = f"{self.source_office_name} ({self.source_office_code})"
        return _letter(
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
                _list(w, "withdrawal.list", self.administrations),
                *([Paragraph(w("withdrawal.rest"))] if self.others_still_offered else []),
                Button(w("to_overview"), self.overview_url),
            ],
        )


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
    overview_url: str

    def letter(self, w: Words) -> Letter:
        """Tells the requester who received which administrations; the move follows."""
        said = _counted(w, self.administrations)
        return _letter(
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
                _list(w, "claim.list", self.administrations),
                Button(w("to_overview"), self.overview_url),
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
    overview_url: str

    def letter(self, w: Words) -> Letter:
        """Tells the requester who rejected what, and why if a reason was given."""
        count = len(self.administrations)
        said = _counted(w, self.administrations)
        reason = self.reason.strip() or w("rejection.no_reason")
        return _letter(
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
                _list(w, "rejection.list", self.administrations),
                Paragraph(_still_yours(w, count)),
                Button(w("to_overview"), self.overview_url),
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
    overview_url: str

    def letter(self, w: Words) -> Letter:
        """Tells the requester the offer ran out unused; the books are free to offer again."""
        count = len(self.administrations)
        said = _counted(w, self.administrations)
        return _letter(
            w,
            w("expiry.subject", **said),
            [
                Paragraph(w("expiry.intro", when=w.when(self.expired_at), **said)),
                Facts([(w("label.offered_to"), ", ".join(self.recipients))]),
                _list(w, "expiry.list", self.administrations),
                Paragraph(_still_yours(w, count)),
                Button(w("to_overview"), self.overview_url),
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
    overview_url: str

    def letter(self, w: Words) -> Letter:
        """Tells the requester a recipient never got the code, with the server's own answer."""
        said = _counted(w, self.administrations)
        return _letter(
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
                _list(w, "refusal.list", self.administrations),
                Paragraph(w("refusal.next")),
                Button(w("to_overview"), self.overview_url),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class _MoveMail(Notice):
    """What the completion and the failure of a move both tell: which books, from where to where."""

    language: MailLanguage = MailLanguage.NL
    source_office_name: str
    target_office_name: str
    administration: AdministrationLine
    overview_url: str

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

    def letter(self, w: Words) -> Letter:
        """The move is done; the new inbound address is what people need next."""
        said = self._words()
        return _letter(
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
                ),
                Paragraph(w("completion.next")),
                Paragraph(f"{w('not_moved')} {w('completion.set_up_again', **said)}"),
                Button(w("to_overview"), self.overview_url),
            ],
        )


@dataclass(frozen=True, kw_only=True)
class FailureMail(_MoveMail):
    """Tells requester and receiver a move failed, nothing changed and it can be retried."""

    kind: ClassVar[str] = "FAILURE"
    failed_at: datetime
    reason: str

    def letter(self, w: Words) -> Letter:
        """The move failed; the source is unchanged and the move can be started again."""
        said = self._words()
        return _letter(
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
                Button(w("to_overview"), self.overview_url),
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
    overview_url: str

    def letter(self, w: Words) -> Letter:
        """The receiver let go of administrations; says whether they are still offered."""
        count = len(self.administrations)
        said = _counted(w, self.administrations)
        step = "release.gave_up" if self.after_failure else "release.cancelled"
        after = "release.offer_stands" if self.offered_again else "release.free_again"
        return _letter(
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
                _list(w, "release.list", self.administrations),
                Paragraph(
                    f"{w('release.nothing_charged')} {w('still_yours', count)} {w(after, count)}"
                ),
                Button(w("to_overview"), self.overview_url),
            ],
        )


def notice_kinds() -> set[str]:
    """Every kind of notice there is."""
    found: set[str] = set()
    classes = list(Notice.__subclasses__())
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if "kind" in vars(cls):
            found.add(cls.kind)
    return found


def render(mail: Notice, time_zone: str = DEFAULT_TIME_ZONE) -> RenderedMail:
    """Write a mail out in its language and the office's time zone, as text and HTML."""
    language = MailLanguage(mail.language) if mail.language else MailLanguage.NL
    letter = mail.letter(Words(language, ZoneInfo(time_zone)))
    return RenderedMail(
        kind=mail.kind, subject=letter.subject, text=to_text(letter), html=to_html(letter)
    )
