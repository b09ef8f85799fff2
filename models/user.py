"""People with an account in exactly one environment, and the API tokens that act for them."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from tortoise import fields
from tortoise.models import Model

from models.enums import Role, TokenScope

TOKEN_PREFIX = "ovd_"


class User(Model):
    """A person in one environment, the role decides what they may do."""

    id = fields.IntField(primary_key=True)
    environment = fields.ForeignKeyField(
        "models.Environment", related_name="users", on_delete=fields.CASCADE
    )
    email = fields.CharField(max_length=254, unique=True)
    display_name = fields.CharField(max_length=200)
    role = fields.CharEnumField(Role, max_length=24)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "user_account"

    @property
    def is_superuser(self) -> bool:
        """Only superusers may touch migrations (rule 1)."""
        return self.role == Role.SUPERUSER and self.is_active


def hash_token(secret: str) -> str:
    """Tokens are stored only as this hash, so a database leak gives no usable token."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiToken(Model):
    """An opaque bearer token bound to one user, with a scope."""

    id = fields.IntField(primary_key=True)
    user = fields.ForeignKeyField("models.User", related_name="tokens", on_delete=fields.CASCADE)
    token_hash = fields.CharField(max_length=64, unique=True)
    label = fields.CharField(max_length=200, default="")
    scope = fields.CharEnumField(TokenScope, max_length=16, default=TokenScope.FULL)
    created_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_token"

    @property
    def is_read_only(self) -> bool:
        """Read-only tokens serve partner integrations that may change nothing."""
        return self.scope == TokenScope.READ_ONLY

    @classmethod
    async def issue(
        cls, user: User, *, now: datetime, scope: TokenScope = TokenScope.FULL, label: str = ""
    ) -> tuple[ApiToken, str]:
        """Create a token and return it with its secret, which is shown this once only."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = await cls.create(
            user=user, token_hash=hash_token(secret), scope=scope, label=label, created_at=now
        )
        return token, secret

    @classmethod
    async def find_active(cls, secret: str) -> ApiToken | None:
        """The unrevoked token for a presented secret, with its user and environment loaded."""
        return (
            await cls.filter(token_hash=hash_token(secret), revoked_at__isnull=True)
            .select_related("user__environment")
            .first()
        )
