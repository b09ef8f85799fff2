"""The mails Overdracht sends, as plain data, and `render` to turn one into subject, text and HTML.

The callers (mail/notices.py) describe *what* happened; the letters in letters.py decide how
it reads, with the words of every language from phrases.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from mail import letters
from mail.formatting import DEFAULT_TIME_ZONE
from mail.layout import to_html, to_text
from mail.phrases import Words
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
    CLAIM = "CLAIM"
    REMINDER = "REMINDER"
    EXPIRY = "EXPIRY"
    REFUSAL = "REFUSAL"


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
    receive_url: str  # the frontend's page for entering a code; never holds the code


@dataclass(frozen=True, kw_only=True)
class WithdrawalMail:
    """Tells the recipients that some administrations are no longer offered (rule 10)."""

    language: MailLanguage = MailLanguage.NL
    source_office_code: str
    source_office_name: str
    requester_name: str
    withdrawn_at: datetime
    administrations: list[AdministrationLine]
    overview_url: str


@dataclass(frozen=True, kw_only=True)
class RejectionMail:
    """Tells the source requester that the target rejected administrations (rule 11)."""

    language: MailLanguage = MailLanguage.NL
    target_office_name: str
    rejected_by_name: str
    reason: str
    rejected_at: datetime
    administrations: list[AdministrationLine]
    overview_url: str


@dataclass(frozen=True, kw_only=True)
class CompletionMail:
    """Tells requester and receiver the move is done and gives the new inbound address (rule 13)."""

    language: MailLanguage = MailLanguage.NL
    source_office_name: str
    target_office_name: str
    completed_at: datetime
    administration: AdministrationLine
    documents_moved: int
    overview_url: str


@dataclass(frozen=True, kw_only=True)
class FailureMail:
    """Tells requester and receiver a move failed, nothing changed and it can be retried."""

    language: MailLanguage = MailLanguage.NL
    source_office_name: str
    target_office_name: str
    failed_at: datetime
    administration: AdministrationLine
    reason: str
    overview_url: str


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
    overview_url: str


@dataclass(frozen=True, kw_only=True)
class ClaimMail:
    """Tells the requester which administrations the receiver claimed, and who did."""

    language: MailLanguage = MailLanguage.NL
    target_office_name: str
    received_by_name: str
    received_by_email: str
    received_at: datetime
    administrations: list[AdministrationLine]
    overview_url: str


@dataclass(frozen=True, kw_only=True)
class ReminderMail:
    """Reminds the recipients, some days before expiry, of what is still offered to them."""

    language: MailLanguage = MailLanguage.NL
    source_office_code: str
    source_office_name: str
    requester_name: str
    transfer_code: str
    expires_at: datetime
    administrations: list[AdministrationLine]
    receive_url: str


@dataclass(frozen=True, kw_only=True)
class ExpiryMail:
    """Tells the requester that an offer expired unused, and that it can be made again."""

    language: MailLanguage = MailLanguage.NL
    expired_at: datetime
    recipients: list[str]
    administrations: list[AdministrationLine]
    overview_url: str


@dataclass(frozen=True, kw_only=True)
class RefusalMail:
    """Tells the requester that the mail server refused the code's mail to one recipient."""

    language: MailLanguage = MailLanguage.NL
    address: str
    server_answer: str
    refused_at: datetime
    gave_up: bool = False  # deferred until the mail was too old, rather than refused for good
    administrations: list[AdministrationLine]
    overview_url: str


Mail = (
    OfferMail
    | WithdrawalMail
    | RejectionMail
    | CompletionMail
    | FailureMail
    | ReleaseMail
    | ClaimMail
    | ReminderMail
    | ExpiryMail
    | RefusalMail
)


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
    ClaimMail: MailKind.CLAIM,
    ReminderMail: MailKind.REMINDER,
    ExpiryMail: MailKind.EXPIRY,
    RefusalMail: MailKind.REFUSAL,
}


def render(mail: Mail, time_zone: str = DEFAULT_TIME_ZONE) -> RenderedMail:
    """Write a mail out in its language and the office's time zone, as text and HTML."""
    kind = _KINDS[type(mail)]
    language = MailLanguage(mail.language) if mail.language else MailLanguage.NL
    letter = letters.LETTERS[kind.value](mail, Words(language, ZoneInfo(time_zone)))
    return RenderedMail(
        kind=kind.value, subject=letter.subject, text=to_text(letter), html=to_html(letter)
    )
