"""The typed per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import HTTPConnection

from api.change_news import ChangeNews
from api.download_links import DownloadLinks
from api.errors import AuthenticationError, ForbiddenError
from api.permissions import (
    Column,
    Listing,
    Sight,
    list_columns,
    may_act,
    may_write,
    refusal,
    token_may,
    token_sights,
)
from models import ApiToken, Migration, User
from models.actions import Actor
from models.lifecycle import Change
from overdracht.clock import Clock
from overdracht.filestore import FileStore
from overdracht.settings import Settings

if TYPE_CHECKING:
    from api.loaders import Loaders
    from api.resolvers.overview_feed import OverviewFeed


@dataclass
class Context:
    """What a resolver may use: who asks, with which token, and the request's own loaders."""

    request: HTTPConnection
    settings: Settings
    clock: Clock
    files: FileStore
    loaders: Loaders
    news: ChangeNews
    downloads: DownloadLinks
    overviews: OverviewFeed
    token: ApiToken | None = None
    auth_problem: str | None = None
    connection_params: dict[str, object] | None = None
    pending_authentication: bool = False
    # The event loop's time by which an HTTP request must be answered (api/request_deadline.py).
    deadline: float | None = None
    # Set once a value given to this token alone (a download link) was rendered: such a live
    # message is not shared with other subscribers (api/live_messages.py).
    personal: bool = False

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
        return self.viewer.environment_id

    def may(self, sight: Sight) -> bool:
        """Whether the viewer, through this token, may see this kind of data (rule 1)."""
        return token_may(self.require_token(), sight)

    def columns(self, listing: Listing) -> frozenset[Column]:
        """What this list may search, filter and sort on for the viewer: what it may read."""
        return list_columns(listing, token_sights(self.require_token()))

    def require_column(self, listing: Listing, column: Column) -> None:
        """The authorization error for a filter or sort on a value the viewer may not read."""
        if column not in self.columns(listing):
            raise ForbiddenError(f"You may not filter or sort this list by {column.value}.")

    def require(self, sight: Sight) -> User:
        """The viewer, or the authorization error for a field they may not see at all."""
        token = self.require_token()
        if not self.may(sight):
            raise ForbiddenError(refusal(token, sight))
        return token.user

    async def actor(self, migration: Migration | None = None) -> Actor:
        """The viewer as one who acts on offers: a superuser whose token may write, or not.

        Given an offer from before targets, the office's superusers' addresses come along, since
        they decide whether it is meant for the viewer.
        """
        token = self.require_token()
        user = token.user
        emails: list[str] = []
        if migration is not None and migration.target_environment_id is None:
            emails = await self.loaders.superuser_emails.load(user.environment_id)
        return Actor(user.environment, may_write(token) and may_act(user), emails)

    def download_url(self, document_id: int) -> str | None:
        """A link to the document's file that opens without the header for a few minutes, for
        this viewer and token only; None for a viewer who may not see documents."""
        token = self.require_token()
        if not self.may(Sight.DOCUMENTS):
            return None
        self.personal = True
        return self.downloads.link(document_id, token, self.clock.now())

    def change(self) -> Change:
        """A step of an offer's lifecycle taken by the viewer, now."""
        return Change(self.settings, self.clock.now(), actor=self.viewer)
