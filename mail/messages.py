"""The mails Overdracht sends, as plain data, and `render` to turn one into subject, text and HTML.

The callers (the offer and withdraw mutations, the move engine) describe *what* happened;
the templates in templates_nl.py and templates_en.py decide how it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mail import templates_en, templates_nl
from mail.layout import Letter, to_html, to_text
from models.enums import MailLanguage
from models.migration import MigrationItem


class MailKind(StrEnum):
    """Which notice a mail is; stored with the outbox row."""

    OFFER = "OFFER"
    WITHDRAWAL = "WITHDRAWAL"
    REJECTION = "REJECTION"
    COMPLETION = "COMPLETION"
    FAILURE = "FAILURE"
    RELEASE = "RELEASE"


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


@dataclass(frozen=True, kw_only=True)
class OfferMail:
    """The transfer code and what to do with it, to the recipients with the requester in cc."""

    language: MailLanguage = MailLanguage.NL
    source_office_code: str
    source_office_name: str
    requester_name: str
    requester_email: str
    transfer_code: str
    offered_at: datetime
    expires_at: datetime
    administrations: list[AdministrationLine]
    service_url: str


@dataclass(frozen=True, kw_only=True)
class WithdrawalMail:
    """Tells the recipients that some administrations are no longer offered (rule 10)."""

    language: MailLanguage = MailLanguage.NL
    source_office_code: str
    source_office_name: str
    requester_name: str
    withdrawn_at: datetime
    administrations: list[AdministrationLine]


@dataclass(frozen=True, kw_only=True)
class RejectionMail:
    """Tells the source requester that the target rejected administrations (rule 11)."""

    language: MailLanguage = MailLanguage.NL
    target_office_name: str
    rejected_by_name: str
    reason: str
    rejected_at: datetime
    administrations: list[AdministrationLine]


@dataclass(frozen=True, kw_only=True)
class CompletionMail:
    """Tells requester and receiver the move is done and gives the new inbound address (rule 13)."""

    language: MailLanguage = MailLanguage.NL
    source_office_name: str
    target_office_name: str
    completed_at: datetime
    administration: AdministrationLine
    documents_moved: int


@dataclass(frozen=True, kw_only=True)
class FailureMail:
    """Tells requester and receiver a move failed, nothing changed and it can be retried."""

    language: MailLanguage = MailLanguage.NL
    source_office_name: str
    target_office_name: str
    failed_at: datetime
    administration: AdministrationLine
    reason: str


@dataclass(frozen=True, kw_only=True)
class ReleaseMail:
    """Tells the requester the receiver let go of administrations it had received."""

    language: MailLanguage = MailLanguage.NL
    target_office_name: str
    released_by_name: str
    released_at: datetime
    administrations: list[AdministrationLine]
    after_failure: bool  # given up after a failed move, or cancelled before it started
    offered_again: bool  # still offered under the same code, or free to offer anew


Mail = OfferMail | WithdrawalMail | RejectionMail | CompletionMail | FailureMail | ReleaseMail


@dataclass(frozen=True)
class RenderedMail:
    """A mail ready for the outbox: its kind, subject and both body parts."""

    kind: str
    subject: str
    text: str
    html: str


_KINDS: dict[type, MailKind] = {
    OfferMail: MailKind.OFFER,
    WithdrawalMail: MailKind.WITHDRAWAL,
    RejectionMail: MailKind.REJECTION,
    CompletionMail: MailKind.COMPLETION,
    FailureMail: MailKind.FAILURE,
    ReleaseMail: MailKind.RELEASE,
}

_TEMPLATES: dict[MailLanguage, dict[MailKind, Callable[..., Letter]]] = {
    MailLanguage.NL: {
        MailKind.OFFER: templates_nl.offer,
        MailKind.WITHDRAWAL: templates_nl.withdrawal,
        MailKind.REJECTION: templates_nl.rejection,
        MailKind.COMPLETION: templates_nl.completion,
        MailKind.FAILURE: templates_nl.failure,
        MailKind.RELEASE: templates_nl.release,
    },
    MailLanguage.EN: {
        MailKind.OFFER: templates_en.offer,
        MailKind.WITHDRAWAL: templates_en.withdrawal,
        MailKind.REJECTION: templates_en.rejection,
        MailKind.COMPLETION: templates_en.completion,
        MailKind.FAILURE: templates_en.failure,
        MailKind.RELEASE: templates_en.release,
    },
}


def render(mail: Mail) -> RenderedMail:
    """Write a mail out in its language, as a plain-text and an HTML part."""
    kind = _KINDS[type(mail)]
    language = MailLanguage(mail.language) if mail.language else MailLanguage.NL
    letter = _TEMPLATES[language][kind](mail)
    return RenderedMail(
        kind=kind.value, subject=letter.subject, text=to_text(letter), html=to_html(letter)
    )
