"""The fixed vocabularies of the domain, as DOMAIN.md names them."""

from __future__ import annotations

from enum import StrEnum


class Plan(StrEnum):
    """An environment's subscription, only PREMIUM may receive administrations."""

    TRIAL = "TRIAL"
    STANDARD = "STANDARD"
    PREMIUM = "PREMIUM"


class Role(StrEnum):
    """What a user may do in their environment, only SUPERUSER sees migrations."""

    SUPERUSER = "SUPERUSER"
    USER = "USER"
    AUTHORIZER = "AUTHORIZER"
    RESTRICTED_CLIENT = "RESTRICTED_CLIENT"


class AccountingPackage(StrEnum):
    """The accounting software a ledger lives in."""

    EXACT_ONLINE = "EXACT_ONLINE"
    TWINFIELD = "TWINFIELD"
    MULTIVERS = "MULTIVERS"
    XERO = "XERO"
    ACCOUNTVIEW = "ACCOUNTVIEW"
    SNELSTART = "SNELSTART"
    AFAS = "AFAS"

    @property
    def is_migratable(self) -> bool:
        """Only some packages can have their administrations moved (rule 2)."""
        return self in MIGRATABLE_PACKAGES


# How the accounting packages call themselves; anything unknown is derived from the enum name.
PACKAGE_LABELS = {
    "EXACT_ONLINE": "Exact Online",
    "TWINFIELD": "Twinfield",
    "MULTIVERS": "Multivers",
    "XERO": "Xero",
    "ACCOUNTVIEW": "AccountView",
    "SNELSTART": "SnelStart",
    "AFAS": "AFAS",
}


def package_label(package: str) -> str:
    """The name of an accounting package as its users know it ("Exact Online"), for mails and
    billable lines alike."""
    key = str(package).upper()
    return PACKAGE_LABELS.get(key, key.replace("_", " ").title())


MIGRATABLE_PACKAGES: frozenset[AccountingPackage] = frozenset(
    {
        AccountingPackage.EXACT_ONLINE,
        AccountingPackage.TWINFIELD,
        AccountingPackage.MULTIVERS,
        AccountingPackage.XERO,
        AccountingPackage.ACCOUNTVIEW,
    }
)


class DocumentKind(StrEnum):
    """What sort of bookkeeping document a file is."""

    PURCHASE_INVOICE = "PURCHASE_INVOICE"
    SALES_INVOICE = "SALES_INVOICE"
    RECEIPT = "RECEIPT"
    BANK_STATEMENT = "BANK_STATEMENT"
    OTHER = "OTHER"


class DocumentStatus(StrEnum):
    """Where a document is in its processing, NEW and TO_AUTHORIZE block an offer."""

    NEW = "NEW"
    TO_AUTHORIZE = "TO_AUTHORIZE"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    BOOKED = "BOOKED"

    @property
    def is_pending(self) -> bool:
        """A pending document still needs work in the source office (rule 5)."""
        return self in PENDING_DOCUMENT_STATUSES


PENDING_DOCUMENT_STATUSES: frozenset[DocumentStatus] = frozenset(
    {DocumentStatus.NEW, DocumentStatus.TO_AUTHORIZE}
)


class TokenScope(StrEnum):
    """What an API token may do: everything its user may, or only read."""

    FULL = "FULL"
    READ_ONLY = "READ_ONLY"


class MigrationStatus(StrEnum):
    """Where one administration of an offer stands (rule 14)."""

    OFFERED = "OFFERED"
    WITHDRAWN = "WITHDRAWN"
    EXPIRED = "EXPIRED"
    REJECTED = "REJECTED"
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"


# While an administration is in one of these, it may not be offered again (rule 6).
OPEN_MIGRATION_STATUSES: frozenset[MigrationStatus] = frozenset(
    {
        MigrationStatus.OFFERED,
        MigrationStatus.QUEUED,
        MigrationStatus.RUNNING,
        MigrationStatus.FAILED,
    }
)


# Claimed by a target, whether or not the move has ended: the code can receive nothing more.
RECEIVED_MIGRATION_STATUSES: frozenset[MigrationStatus] = frozenset(
    {
        MigrationStatus.QUEUED,
        MigrationStatus.RUNNING,
        MigrationStatus.COMPLETED,
        MigrationStatus.FAILED,
    }
)


class MailLanguage(StrEnum):
    """The language of the mails of an offer: Dutch unless English is asked for."""

    NL = "NL"
    EN = "EN"


class AuditAction(StrEnum):
    """Every step of a migration that is recorded (rule 16)."""

    OFFERED = "OFFERED"
    CODE_ATTEMPT_FAILED = "CODE_ATTEMPT_FAILED"
    WITHDRAWN = "WITHDRAWN"
    REJECTED = "REJECTED"
    RECEIVED = "RECEIVED"
    STARTED = "STARTED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    EXPIRED = "EXPIRED"
    CANCELLED = "CANCELLED"
    RETRIED = "RETRIED"
    GAVE_UP = "GAVE_UP"
    RECIPIENTS_CHANGED = "RECIPIENTS_CHANGED"
    OFFER_RESENT = "OFFER_RESENT"
    EXPIRY_EXTENDED = "EXPIRY_EXTENDED"
    RECIPIENT_REFUSED = "RECIPIENT_REFUSED"
    PREVIEWED = "PREVIEWED"
    MOVE_RESCHEDULED = "MOVE_RESCHEDULED"


class MoveFailure(StrEnum):
    """Why a move failed, so a screen can say what to do about it; the message names the file."""

    FILE_DAMAGED = "FILE_DAMAGED"
    FILE_MISSING = "FILE_MISSING"
    FILE_UNREADABLE = "FILE_UNREADABLE"
    CHECKLIST_FAILED = "CHECKLIST_FAILED"
    TARGET_NOT_PREMIUM = "TARGET_NOT_PREMIUM"
    CONNECTION_GONE = "CONNECTION_GONE"
    DUPLICATE_IN_TARGET = "DUPLICATE_IN_TARGET"
    CODE_IN_USE = "CODE_IN_USE"
    ARCHIVE_CHANGED = "ARCHIVE_CHANGED"
    SOURCE_CHANGED = "SOURCE_CHANGED"
    STORAGE_UNAVAILABLE = "STORAGE_UNAVAILABLE"


class MailStatus(StrEnum):
    """Delivery state of one outbox mail."""

    PENDING = "PENDING"
    SENDING = "SENDING"
    SENT = "SENT"
    FAILED = "FAILED"


class DeliveryState(StrEnum):
    """Where one recipient of one mail stands: delivered, still being tried, or refused."""

    DELIVERED = "DELIVERED"
    PENDING = "PENDING"
    REFUSED = "REFUSED"
