"""People with an account in exactly one environment, and the API tokens that act for them."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.enums import Role, TokenScope
from models.statements import fetch_models

if TYPE_CHECKING:
    from models.authorization import AuthorizationStep
    from models.environment import Environment

TOKEN_PREFIX = "ovd_"
MAX_TOKEN_LIFETIME_DAYS = 366


class User(Model):
    """A person in one environment, the role decides what they may do."""

    id = fields.IntField(primary_key=True)
    environment: fields.ForeignKeyRelation[Environment] = fields.ForeignKeyField(
        "models.Environment", related_name="users", on_delete=fields.CASCADE
    )
    environment_id: int
    email = fields.CharField(max_length=254, unique=True)
    display_name = fields.CharField(max_length=200)
    role = fields.CharEnumField(Role, max_length=24)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField()

    tokens: fields.ReverseRelation[ApiToken]
    authorization_steps: fields.ReverseRelation[AuthorizationStep]

    class Meta:
        table = "user_account"

    @property
    def is_superuser(self) -> bool:
        """Only superusers may touch migrations (rule 1)."""
        return self.role == Role.SUPERUSER and self.is_active


def is_valid_token_lifetime(days: int) -> bool:
    """A token given an expiry lives one day to a year, so "temporary" cannot mean forever."""
    return 1 <= days <= MAX_TOKEN_LIFETIME_DAYS


def hash_token(secret: str) -> str:
    """Tokens are stored only as this hash, so a database leak gives no usable token."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiToken(Model):
    """An opaque bearer token bound to one user, with a scope."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="tokens", on_delete=fields.CASCADE
    )
    user_id: int
    token_hash = fields.CharField(max_length=64, unique=True)
    label = fields.CharField(max_length=200, default="")
    scope = fields.CharEnumField(TokenScope, max_length=16, default=TokenScope.FULL)
    created_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_token"

    @property
    def is_read_only(self) -> bool:
        """Read-only tokens serve partner integrations that may change nothing."""
        return self.scope == TokenScope.READ_ONLY

    def is_expired(self, now: datetime) -> bool:
        """An expired token is refused exactly like a revoked one, from its expiry second on."""
        return self.expires_at is not None and self.expires_at <= now

    @classmethod
    async def issue(
        cls,
        user: User,
        *,
        now: datetime,
        scope: TokenScope = TokenScope.FULL,
        label: str = "",
        lifetime: timedelta | None = None,
    ) -> tuple[ApiToken, str]:
        """Create a token and return it with its secret, which is shown this once only."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = await cls.create(
            user=user,
            token_hash=hash_token(secret),
            scope=scope,
            label=label,
            created_at=now,
            expires_at=now + lifetime if lifetime is not None else None,
        )
        return token, secret

    @classmethod
    def usable(cls, now: datetime) -> QuerySet[ApiToken]:
        """Tokens neither revoked nor expired: the one rule every authentication path applies."""
        return cls.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now), revoked_at__isnull=True
        ).select_related("user__environment")

    @classmethod
    async def find_active(cls, secret: str, *, now: datetime) -> ApiToken | None:
        """The usable token for a presented secret, with its user and environment loaded.

        Every request asks this; its SQL is rendered once (models/statements.py).
        """
        found = await fetch_models(
            cls,
            "usable token by hash",
            {"now": now, "token_hash": hash_token(secret), "limit": 1},
            lambda v: cls.usable(v["now"]).filter(token_hash=v["token_hash"]).limit(v["limit"]),
        )
        return found[0] if found else None

    @classmethod
    async def reload_active(cls, pk: int, *, now: datetime) -> ApiToken | None:
        """The same token again by its key, if still usable: a long-lived socket's re-check."""
        return await cls.usable(now).filter(pk=pk).first()
