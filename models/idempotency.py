"""Mutations a client may send again: the first outcome is kept under the client's key."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class IdempotentRequest(Model):
    """One mutation request under its Idempotency-Key, with the answer it got."""

    id = fields.BigIntField(primary_key=True)
    user = fields.ForeignKeyField("models.User", related_name=False, on_delete=fields.CASCADE)
    key = fields.CharField(max_length=255)
    request_hash = fields.CharField(max_length=64)
    response: fields.Field[dict] = fields.JSONField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "idempotent_request"
        unique_together = (("user", "key"),)
        indexes = (("created_at",),)
