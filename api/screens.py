"""The office screens: the single-page app built from web/, served from this origin.

Vite writes index.html and its hashed files under assets/ (web/dist). Every screen's path
answers index.html, which is never cached, so a new build is seen on the next load; the hashed
files change name with their content and are cached for a year. The page loads nothing from
another origin, under a policy as strict as GraphiQL's, with no inline style either.
"""

from __future__ import annotations

import html
import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "web" / "dist"
ASSETS_PREFIX = "assets/"
LONG_CACHE = "public, max-age=31536000, immutable"
# The screens that mails link to (Settings.frontend_code_path and frontend_overview_path name
# them for a frontend elsewhere); the single-page app routes these paths itself. An offer's page
# is under the overview, by the offer's global ID (Settings.offer_page_url).
RECEIVE_PATH = "/receive"
OVERVIEW_PATH = "/migrations"
OFFER_PAGES = OVERVIEW_PATH + "/offers/"
MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".map": "application/json",
}

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>The screens are not built</title></head>
<body>
<h1>The office screens are not built on this server</h1>
<p>The service serves the screens from the build of its <code>web/</code> directory, which is
missing here ({directory}).</p>
<p>Build them once (Node.js 20.19 or later) with</p>
<pre>cd web
npm ci
npm run build</pre>
<p>and reload this page. <code>./dev up</code> and <code>./dev test</code> do this for you
whenever the sources change. The API works without them: GraphiQL is at
<a href="/graphql">/graphql</a>.</p>
</body>
</html>
"""


def offer_page_path(migration_id: str) -> str:
    """The screen of one offer, its ID escaped as one segment of the path."""
    return OFFER_PAGES + quote(migration_id, safe="")


def wants_a_page(request: Request) -> bool:
    """A browser navigating (or a client taking anything), not an API client asking for JSON."""
    accept = request.headers.get("accept", "*/*").lower()
    return "text/html" in accept or "*/*" in accept


class ScreensSite:
    """Answers every screen's path with index.html and serves the build's hashed files."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or DEFAULT_DIRECTORY

    @property
    def index(self) -> Path:
        return self.directory / "index.html"

    async def page(self, request: Request) -> Response:
        """GET of a screen's path: the app's page, or a page saying how to build it."""
        path = PurePosixPath(request.url.path)
        if "." in path.name or not wants_a_page(request):
            return PlainTextResponse("Not found.", status_code=404)
        if not self.index.is_file():
            return HTMLResponse(
                NOT_BUILT_PAGE.format(directory=html.escape(str(self.directory))),
                status_code=503,
                headers=PAGE_HEADERS,
            )
        return HTMLResponse(self.index.read_bytes(), headers=PAGE_HEADERS)

    async def asset(self, request: Request) -> Response:
        """GET /assets/{name}: a hashed file of the build, gzipped when the browser takes it."""
        name = request.path_params["name"]
        if "/" in name or name.startswith(".") or name.endswith(".gz"):
            return PlainTextResponse("Not a file of the screens.", status_code=404)
        path = self.directory / ASSETS_PREFIX / name
        if not path.is_file():
            return PlainTextResponse("Not a file of the screens.", status_code=404)
        headers = {
            "Cache-Control": LONG_CACHE,
            "X-Content-Type-Options": "nosniff",
            "Vary": "Accept-Encoding",
        }
        media_type = MEDIA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        compressed = path.with_name(path.name + ".gz")
        if "gzip" in request.headers.get("accept-encoding", "") and compressed.is_file():
            headers["Content-Encoding"] = "gzip"
            path = compressed
        return FileResponse(path, media_type=media_type, headers=headers)
