"""The GraphiQL page and its files, all from this origin, under a Content-Security-Policy.

The page names only same-origin URLs (relative ones, so it also works behind a path prefix):
the pinned third-party files under `graphiql/<name>@<version>/...`, which never change and are
cached for a year, and the service's own script and style sheet, whose URLs carry a hash of
their content so a new release is never served from a stale cache.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from pathlib import Path
from string import Template

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

from api.graphiql.assets import DEFAULT_DIRECTORY, RELEASES, missing_releases

STATIC = Path(__file__).resolve().parent / "static"
OWN_FILES = ("graphiql.css", "start.js")
URL_PREFIX = "graphiql/"
LONG_CACHE = "public, max-age=31536000, immutable"
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}

# Scripts only from this origin, no inline script and no eval. Inline styles are allowed:
# GraphiQL's dialogs add a <style> element of their own when they open.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
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

MISSING_PAGE = Template("""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>GraphiQL is not installed</title></head>
<body>
<h1>GraphiQL's files are not installed on this server</h1>
<p>The service serves GraphiQL from its own copies of its scripts; these are missing:
$missing.</p>
<p>Fetch them (once, from the npm registry, checked against their published checksums) with</p>
<pre>overdracht graphiql-assets</pre>
<p>and reload this page. <code>./dev up</code> and <code>./dev test</code> do this for you.
The API itself works without them: POST your queries to this URL.</p>
</body>
</html>
""")


@dataclass(frozen=True)
class ServedFile:
    """A file the page loads: where it is on disk and the type it is served as."""

    path: Path
    media_type: str


def _media_type(name: str) -> str:
    return MEDIA_TYPES[Path(name).suffix]


class GraphiQLSite:
    """Renders the page and serves its files from one assets directory."""

    def __init__(self, assets_dir: Path | None = None) -> None:
        self.assets_dir = assets_dir or DEFAULT_DIRECTORY
        self.files: dict[str, ServedFile] = {}
        stylesheets: list[str] = []
        scripts: list[str] = []
        for release in RELEASES:
            for file in release.files:
                name = f"{release.key}/{file}"
                self.files[name] = ServedFile(self.assets_dir / name, _media_type(file))
                (stylesheets if file.endswith(".css") else scripts).append(URL_PREFIX + name)
        for file in OWN_FILES:
            path = STATIC / file
            self.files[file] = ServedFile(path, _media_type(file))
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            (stylesheets if file.endswith(".css") else scripts).append(
                f"{URL_PREFIX}{file}?v={digest}"
            )
        self.html = Template((STATIC / "index.html").read_text(encoding="utf-8")).substitute(
            stylesheets="\n".join(
                f'<link rel="stylesheet" href="{html.escape(url)}">' for url in stylesheets
            ),
            scripts="\n".join(f'<script src="{html.escape(url)}"></script>' for url in scripts),
        )

    def page(self) -> Response:
        """GraphiQL, or a page saying how to install its files when they are missing."""
        missing = missing_releases(self.assets_dir)
        if missing:
            names = ", ".join(f"<code>{html.escape(release.key)}</code>" for release in missing)
            return HTMLResponse(
                MISSING_PAGE.substitute(missing=names), status_code=503, headers=PAGE_HEADERS
            )
        return HTMLResponse(self.html, headers=PAGE_HEADERS)

    async def asset(self, request: Request) -> Response:
        """GET /graphiql/{path}: one of the page's files, gzipped when the browser takes it."""
        served = self.files.get(request.path_params["path"])
        if served is None:
            return PlainTextResponse("Not a file of GraphiQL.", status_code=404)
        headers = {"Cache-Control": LONG_CACHE, "X-Content-Type-Options": "nosniff"}
        path = served.path
        if path.parent != STATIC:
            headers["Vary"] = "Accept-Encoding"
            compressed = path.with_name(path.name + ".gz")
            if "gzip" in request.headers.get("accept-encoding", "") and compressed.is_file():
                path = compressed
                headers["Content-Encoding"] = "gzip"
        if not path.is_file():
            return PlainTextResponse(
                "GraphiQL's files are not installed: run `overdracht graphiql-assets`.",
                status_code=404,
            )
        return FileResponse(path, media_type=served.media_type, headers=headers)
