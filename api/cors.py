"""CORS for the frontends listed in OVERDRACHT_CORS_ORIGINS, and for nobody else.

Starlette's CORSMiddleware answers the listed origins. It also sends its preflight headers to an
origin it refuses; here a request from an origin not listed, or to a path a frontend has no
business calling from elsewhere, never reaches it: it is served as if CORS did not exist, with
no `Access-Control-*` header at all (a preflight then gets the route's own 405). The API's
responses say `Vary: Origin` whenever the list is set, so no cache hands one origin's answer
to another.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# What a frontend sends: its token, a JSON body, the media type it wants, and a mutation's key.
ALLOWED_HEADERS = ("Authorization", "Content-Type", "Accept", "Idempotency-Key")
# What a frontend may read of an answer besides the safelisted headers.
EXPOSED_HEADERS = ("Content-Disposition", "Retry-After", "X-Content-SHA256", "X-Request-ID")
# The paths a frontend on another origin calls: the API and the document downloads.
CROSS_ORIGIN_PATHS = ("/graphql", "/documents/")
PREFLIGHT_MAX_AGE = 600


def is_cross_origin_path(path: str) -> bool:
    """Whether a path answers other origins at all: the API and the files, not the screens."""
    return any(
        path == prefix or (prefix.endswith("/") and path.startswith(prefix))
        for prefix in CROSS_ORIGIN_PATHS
    )


class CrossOrigin:
    """Starlette's CORS for listed origins on the API's paths; everything else untouched."""

    def __init__(self, app: ASGIApp, origins: Sequence[str]) -> None:
        self.app = app
        self.origins = frozenset(origins)
        self.cors = CORSMiddleware(
            app,
            allow_origins=tuple(origins),
            allow_methods=("GET", "POST", "OPTIONS"),
            allow_headers=ALLOWED_HEADERS,
            expose_headers=EXPOSED_HEADERS,
            max_age=PREFLIGHT_MAX_AGE,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.origins or not is_cross_origin_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        if Headers(scope=scope).get("origin") in self.origins:
            await self.cors(scope, receive, send)
            return

        async def vary_by_origin(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Vary"] = ", ".join([*headers.getlist("Vary"), "Origin"])
            await send(message)

        await self.app(scope, receive, vary_by_origin)
