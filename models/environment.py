"""The tenant: one accounting firm's office environment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.enums import Plan

if TYPE_CHECKING:
    from models.administration import AccountingConnection, Administration
    from models.offers import BillableLine, Migration
    from models.user import User


class Environment(Model):
    """The office of an accounting firm, everything a user sees is scoped to one of these."""

    id = fields.IntField(primary_key=True)
    office_code = fields.CharField(max_length=16, unique=True)
    name = fields.CharField(max_length=200)
    plan = fields.CharEnumField(Plan, max_length=16)
    created_at = fields.DatetimeField()

    users: fields.ReverseRelation[User]
    connections: fields.ReverseRelation[AccountingConnection]
    administrations: fields.ReverseRelation[Administration]
    offers: fields.ReverseRelation[Migration]
    receptions: fields.ReverseRelation[Migration]
    billable_lines: fields.ReverseRelation[BillableLine]

    class Meta:
        table = "environment"

    def __str__(self) -> str:
        return f"{self.office_code} {self.name}"
