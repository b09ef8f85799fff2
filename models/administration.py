"""Connections to accounting packages and the administrations (clients' books) under them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.exceptions import IntegrityError
from tortoise.models import Model

from models.enums import AccountingPackage

if TYPE_CHECKING:
    from models.authorization import AuthorizationFlow, Workflow
    from models.document import Document
    from models.environment import Environment
    from models.offers import MigrationAdministration


class AccountingConnection(Model):
    """The link of an environment to one accounting package, there may be several per package."""

    id = fields.IntField(primary_key=True)
    environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name="connections", on_delete=fields.CASCADE
    )
    environment_id: int
    package = fields.CharEnumField(AccountingPackage, max_length=24)
    name = fields.CharField(max_length=200)
    created_at = fields.DatetimeField()

    administrations: fields.ReverseRelation[Administration]

    class Meta:
        table = "accounting_connection"


def inbound_mail_address(office_code: str, administration_code: str, domain: str) -> str:
    """The address clients mail documents to, it names both the office and the administration."""
    return f"{office_code}.{administration_code}@{domain}".lower()


# The longest administration code a row can hold (here and as an offer's chosen target_code).
CODE_COLUMN_LENGTH = 64


class Administration(Model):
    """The books of one client under one connection, (code, name) is unique per environment."""

    id = fields.IntField(primary_key=True)
    environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name="administrations", on_delete=fields.CASCADE
    )
    environment_id: int
    connection: fields.ForeignKeyRelation[AccountingConnection] = fields.ForeignKeyField(
        "models.AccountingConnection", related_name="administrations", on_delete=fields.RESTRICT
    )
    connection_id: int
    code = fields.CharField(max_length=CODE_COLUMN_LENGTH)
    name = fields.CharField(max_length=200)
    inbound_mail_address = fields.CharField(max_length=320, db_index=True)
    created_at = fields.DatetimeField()

    authorization_flow: fields.BackwardOneToOneRelation[AuthorizationFlow]
    workflows: fields.ReverseRelation[Workflow]
    documents: fields.ReverseRelation[Document]
    migration_items: fields.ReverseRelation[MigrationAdministration]

    class Meta:
        table = "administration"
        unique_together = (("environment", "code", "name"),)


class DuplicateAdministrationError(ValueError):
    """The environment already has an administration with this code and name."""


async def add_administration(
    connection: AccountingConnection, *, code: str, name: str, domain: str, now: datetime
) -> Administration:
    """Create an administration under a connection, deriving its inbound mail address."""
    environment = await connection.environment
    if await Administration.exists(environment_id=environment.pk, code=code, name=name):
        raise DuplicateAdministrationError(
            f"{environment.office_code} already has administration {code} {name!r}."
        )
    try:
        return await Administration.create(
            environment_id=environment.pk,
            connection=connection,
            code=code,
            name=name,
            inbound_mail_address=inbound_mail_address(environment.office_code, code, domain),
            created_at=now,
        )
    except IntegrityError:
        raise DuplicateAdministrationError(
            f"{environment.office_code} already has administration {code} {name!r}."
        ) from None
