"""Mutations a client may send again: the first outcome is kept under the token and its key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from models.user import ApiToken


class IdempotentRequest(Model):
    """One mutation request under its Idempotency-Key, with the answer it got, sealed.

    Keys belong to one token: another token of the same user never reads this answer. The
    answer and the request's fingerprint are sealed with keys derived from the bearer token's
    secret, which is never stored, so the row alone gives back nothing (a new API token's
    secret or a transfer code in an answer included).
    """

    id = fields.BigIntField(primary_key=True)
    token: fields.ForeignKeyRelation[ApiToken] = fields.ForeignKeyField(
        "models.ApiToken", related_name=False, on_delete=fields.CASCADE
    )
    token_id: int
    key = fields.CharField(max_length=255)
    # HMAC-SHA256 of the request under the token's fingerprint key, hex.
    request_mac = fields.CharField(max_length=64)
    # AES-GCM under the token's sealing key: a 12-byte nonce, then the sealed JSON answer.
    # Empty while the first request under the key runs (its transaction holds the row).
    sealed_answer = fields.BinaryField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "idempotent_request"
        unique_together = (("token", "key"),)
        indexes = (("created_at",),)
