"""The typed per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import HTTPConnection

from api.errors import AuthenticationError, ForbiddenError
from models import ApiToken, User
from overdracht.clock import Clock
from overdracht.filestore import FileStore
from overdracht.settings import Settings

if TYPE_CHECKING:
    from api.loaders import Loaders


@dataclass
class Context:
    """What a resolver may use: who asks, with which token, and the request's own loaders."""

    request: HTTPConnection
    settings: Settings
    clock: Clock
    files: FileStore
    loaders: Loaders
    token: ApiToken | None = None
    auth_problem: str | None = None
    connection_params: dict[str, object] | None = None

    def require_token(self) -> ApiToken:
        """The request's valid token; raises the authentication error for anonymous calls."""
        if self.token is None:
            raise AuthenticationError(self.auth_problem or "Authentication required.")
        return self.token

    @property
    def viewer(self) -> User:
        """The authenticated user behind the token."""
        return self.require_token().user

    @property
    def environment_id(self) -> int:
        """The tenant every query of this request is scoped to."""
        return self.viewer.environment_id  # type: ignore[attr-defined]

    def require_superuser(self) -> User:
        """Migration screens are for superusers only (rule 1)."""
        user = self.viewer
        if not user.is_superuser:
            raise ForbiddenError("Only a superuser of this environment may do this.")
        return user
