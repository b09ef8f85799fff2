"""Bearer-token authentication: opaque random tokens looked up by their hash."""

from __future__ import annotations

from datetime import datetime

from starlette.requests import HTTPConnection

from models import ApiToken

MISSING_TOKEN = "Authentication required: send 'Authorization: Bearer <token>'."
MALFORMED_HEADER = "The Authorization header must be 'Bearer <token>'."
UNKNOWN_TOKEN = "The token is unknown, has been revoked or has expired."
INACTIVE_USER = "The user of this token is no longer active."


async def authenticate(
    connection: HTTPConnection, *, now: datetime
) -> tuple[ApiToken | None, str | None]:
    """Find the token a request carries, or say why there is none."""
    return await authenticate_header(connection.headers.get("authorization"), now=now)


async def authenticate_header(
    header: str | None, *, now: datetime
) -> tuple[ApiToken | None, str | None]:
    """Check an 'Authorization: Bearer <token>' value, from HTTP or a WebSocket's init payload."""
    if not header:
        return None, MISSING_TOKEN
    secret = bearer_secret(header)
    if secret is None:
        return None, MALFORMED_HEADER
    return _usable(await ApiToken.find_active(secret, now=now))


def bearer_secret(header: str | None) -> str | None:
    """The token's secret in an 'Authorization: Bearer <token>' value, or None."""
    scheme, _, secret = (header or "").partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        return None
    return secret


async def reauthenticate(token: ApiToken, *, now: datetime) -> tuple[ApiToken | None, str | None]:
    """The same token freshly loaded, or why it no longer counts: for long-lived connections."""
    return await reauthenticate_id(token.pk, now=now)


async def reauthenticate_id(token_id: int, *, now: datetime) -> tuple[ApiToken | None, str | None]:
    """A token known by its id (a signed link names it), or why it no longer counts."""
    return _usable(await ApiToken.reload_active(token_id, now=now))


def _usable(token: ApiToken | None) -> tuple[ApiToken | None, str | None]:
    if token is None:
        return None, UNKNOWN_TOKEN
    if not token.user.is_active:
        return None, INACTIVE_USER
    return token, None
