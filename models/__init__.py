"""The domain model: Tortoise models and the rules that belong to them."""

from models.administration import (
    AccountingConnection,
    Administration,
    DuplicateAdministrationError,
    add_administration,
    inbound_mail_address,
)
from models.audit import AuditEvent
from models.authorization import AuthorizationFlow, AuthorizationStep, Workflow
from models.document import Document, add_document
from models.environment import Environment
from models.file_store_home import FileStoreHome
from models.idempotency import IdempotentRequest
from models.offers import (
    BillableLine,
    CodeAttempt,
    Migration,
    MigrationAdministration,
    MigrationRecipient,
    RecipientCheck,
)
from models.outbox import OutboxMail
from models.scrub_round import ScrubRound
from models.service_key import ServiceKey
from models.user import ApiToken, User
from models.webhooks import WebhookDelivery, WebhookEndpoint

__all__ = [
    "AccountingConnection",
    "Administration",
    "ApiToken",
    "AuditEvent",
    "AuthorizationFlow",
    "AuthorizationStep",
    "BillableLine",
    "CodeAttempt",
    "Document",
    "DuplicateAdministrationError",
    "Environment",
    "FileStoreHome",
    "IdempotentRequest",
    "Migration",
    "MigrationAdministration",
    "MigrationRecipient",
    "OutboxMail",
    "RecipientCheck",
    "ScrubRound",
    "ServiceKey",
    "User",
    "WebhookDelivery",
    "WebhookEndpoint",
    "Workflow",
    "add_administration",
    "add_document",
    "inbound_mail_address",
]
