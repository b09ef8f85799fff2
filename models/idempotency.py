"""Mutations a client may send again: the first outcome is kept under the client's key."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.user import User


class IdempotentRequest(Model):
    """One mutation request under its Idempotency-Key, with the answer it got."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    user_id: int
    key = fields.CharField(max_length=255)
    request_hash = fields.CharField(max_length=64)
    # Decoded JSON: the GraphQL answer as it was sent, data and errors.
    response: fields.Field[dict[str, Any]] = fields.JSONField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "idempotent_request"
        unique_together = (("user", "key"),)
        indexes = (("created_at",),)
