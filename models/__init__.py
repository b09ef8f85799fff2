"""The domain model: Tortoise models and the rules that belong to them."""

from models.administration import AccountingConnection, Administration, inbound_mail_address
from models.authorization import AuthorizationFlow, AuthorizationStep, Workflow
from models.document import Document
from models.environment import Environment
from models.user import ApiToken, User

__all__ = [
    "AccountingConnection",
    "Administration",
    "ApiToken",
    "AuthorizationFlow",
    "AuthorizationStep",
    "Document",
    "Environment",
    "User",
    "Workflow",
    "inbound_mail_address",
]
