"""GraphiQL as a tester uses it: a real headless Chromium that may reach this service only."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html.parser
import io
import json
import tarfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, Route, WebSocket, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from api.graphiql.assets import (
    DEFAULT_DIRECTORY,
    RELEASES,
    AssetError,
    NpmRelease,
    install_assets,
    missing_releases,
)
from commands.demo import seed_demo
from models.terms import VERSION as TERMS_VERSION
from tests.live_server import start_server

ANNA = "ovd_demo_anna_vandijk_superuser"
VIEWER = "{ viewer { user { displayName role } environment { officeCode name } } }"
PROGRESS = """subscription Progress {
  migrationProgress(migrationId: "%s") {
    administrations { nodes { administrationName status } }
  }
}"""


@pytest.fixture(scope="session")
def graphiql_assets() -> Path:
    """GraphiQL's files in their usual place, fetched as `overdracht graphiql-assets` does."""
    install_assets(DEFAULT_DIRECTORY)
    return DEFAULT_DIRECTORY


async def offer_bakkerij(server: Any) -> str:
    """Anna offers 1001 to Bosman over HTTP, so that there is progress to subscribe to."""
    found = await server.graphql(
        '{ administrations(first: 1, search: "1001") { nodes { id } } }', token=ANNA
    )
    [administration] = found["data"]["administrations"]["nodes"]
    offered = await server.graphql(
        """mutation($input: OfferMigrationInput!) {
          offerMigration(input: $input) { migration { id } userErrors { code } } }""",
        {
            "input": {
                "administrationIds": [administration["id"]],
                "recipients": ["eva@bosman.example"],
                "acknowledgeUsersDoNotMove": True,
                "acceptTerms": True,
                "termsVersion": TERMS_VERSION,
            }
        },
        token=ANNA,
    )
    assert offered["data"]["offerMigration"]["userErrors"] == [], offered
    return offered["data"]["offerMigration"]["migration"]["id"]


async def type_into(page: Page, editor: str, text: str) -> None:
    """Replace an editor's text as a person does: click, select all, type (as a paste)."""
    await page.locator(editor).click()
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text(text)


async def result_pane(page: Page, containing: str) -> dict[str, Any]:
    """The JSON the result pane shows, once it shows the given text."""
    pane = ".graphiql-response .CodeMirror"
    shown = "(p) => document.querySelector(p).CodeMirror.getValue()"
    try:
        await page.wait_for_function(
            "([pane, text]) => document.querySelector(pane).CodeMirror.getValue().includes(text)",
            arg=[pane, containing],
            timeout=10_000,
        )
    except PlaywrightTimeout:
        now = await page.evaluate(shown, pane)
        pytest.fail(f"the result pane never showed {containing!r}; it shows: {now}")
    return json.loads(await page.evaluate(shown, pane))


async def test_graphiql_runs_a_query_and_a_subscription_with_nothing_but_this_service(
    server, settings, clock, files, chromium, graphiql_assets
):
    await seed_demo(settings, clock, files)
    migration_id = await offer_bakkerij(server)
    elsewhere: list[str] = []
    problems: list[str] = []
    posted: list[str] = []
    sockets: list[str] = []
    sent: list[dict[str, Any]] = []
    received: list[dict[str, Any]] = []

    async def only_this_service(route: Route) -> None:
        if route.request.url.startswith(server.base_url + "/"):
            await route.continue_()
        else:
            elsewhere.append(route.request.url)
            await route.abort()

    def watch(socket: WebSocket) -> None:
        sockets.append(socket.url)
        socket.on("framesent", lambda frame: sent.append(json.loads(frame)))
        socket.on("framereceived", lambda frame: received.append(json.loads(frame)))

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, headless=True)
        try:
            context = await browser.new_context()
            context.set_default_timeout(10_000)
            await context.route("**/*", only_this_service)
            page = await context.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("websocket", watch)
            page.on(
                "request",
                lambda r: posted.append(r.post_data or "") if r.method == "POST" else None,
            )

            opened = await page.goto(server.base_url + "/graphql")
            assert opened is not None and opened.status == 200
            try:
                await page.wait_for_selector(".graphiql-query-editor .CodeMirror", timeout=10_000)
            except PlaywrightTimeout:
                pytest.fail(f"GraphiQL did not start; refused: {elsewhere}, errors: {problems}")
            assert opened.headers["content-security-policy"].startswith("default-src 'self'")

            await type_into(page, ".graphiql-query-editor .CodeMirror", VIEWER)
            await page.get_by_role("button", name="Headers", exact=True).click()
            headers_editor = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror"
            await type_into(page, headers_editor, json.dumps({"Authorization": f"Bearer {ANNA}"}))
            await page.locator(".graphiql-execute-button").click()
            answer = await result_pane(page, "Anna de Vries")
            assert answer == {
                "data": {
                    "viewer": {
                        "user": {"displayName": "Anna de Vries", "role": "SUPERUSER"},
                        "environment": {"officeCode": "K10234", "name": "Van Dijk Accountants"},
                    }
                }
            }

            await type_into(page, ".graphiql-query-editor .CodeMirror", PROGRESS % migration_id)
            await page.keyboard.press("Control+Enter")
            progress = await result_pane(page, "Bakkerij De Gouden Korst")
            [row] = progress["data"]["migrationProgress"]["administrations"]["nodes"]
            assert row == {"administrationName": "Bakkerij De Gouden Korst", "status": "OFFERED"}

            # GraphiQL keeps the tabs and the history of runs in localStorage, never the headers
            # with the token (the first query's comment names the header, so only the token is
            # looked for).
            stored = await page.evaluate("() => ({...window.localStorage})")
            assert "graphiql:queries" in stored and "viewer" in stored["graphiql:queries"], stored
            assert not any(ANNA in value for value in stored.values()), stored
        finally:
            await browser.close()

    assert elsewhere == []
    assert problems == []
    assert sockets == [server.base_url.replace("http://", "ws://") + "/graphql"]
    assert sent[0] == {"type": "connection_init", "payload": {"Authorization": f"Bearer {ANNA}"}}
    [subscribe] = [message for message in sent if message["type"] == "subscribe"]
    assert "migrationProgress" in subscribe["payload"]["query"]
    assert any(m["type"] == "next" and m["id"] == subscribe["id"] for m in received)
    assert any("viewer" in body for body in posted)
    assert not any("migrationProgress" in body for body in posted)  # never over HTTP


class _References(html.parser.HTMLParser):
    """Every URL a page makes the browser load: scripts, style sheets, icons."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            if values.get("src"):
                self.urls.append(values["src"] or "")
            else:
                self.inline_scripts += 1
        if tag == "link" and values.get("href"):
            self.urls.append(values["href"] or "")


async def test_the_page_loads_only_files_of_this_origin_cached_for_a_year(server, graphiql_assets):
    page = await server.client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    references = _References()
    references.feed(page.text)
    assert references.inline_scripts == 0
    files = [url for url in references.urls if url != "data:,"]
    assert len(files) == sum(len(release.files) for release in RELEASES) + 2
    for url in files:
        assert url.startswith("graphiql/"), url  # relative: this origin, under any prefix
        answer = await server.client.get("/" + url, headers={"Accept-Encoding": "gzip"})
        assert answer.status_code == 200, url
        assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert answer.headers["content-type"].startswith(("text/javascript", "text/css"))
        assert answer.content, url
        if "@" in url:  # the third-party files go gzipped to browsers that take it
            assert answer.headers["content-encoding"] == "gzip", url
            disk = graphiql_assets / url.removeprefix("graphiql/")
            assert answer.content == disk.read_bytes(), url
    path = "graphiql@3.8.3/graphiql.min.js"
    plain = await server.client.get("/graphiql/" + path, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.content == (graphiql_assets / path).read_bytes()
    unknown = await server.client.get("/graphiql/graphiql@3.8.3/package.json")
    assert unknown.status_code == 404


async def test_without_its_files_the_page_says_how_to_fetch_them(settings, clock, files, tmp_path):
    empty = settings.with_overrides(graphiql_assets_dir=tmp_path / "nothing")
    async with start_server(empty, clock, files) as live:
        page = await live.client.get("/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 503
        assert "overdracht graphiql-assets" in page.text
        assert "graphiql@3.8.3" in page.text
        script = await live.client.get("/graphiql/react@18.2.0/umd/react.production.min.js")
        assert script.status_code == 404
        assert "overdracht graphiql-assets" in script.text


def _tarball(files: dict[str, bytes]) -> bytes:
    """An npm-style tarball: every file under package/."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tarball:
        for name, content in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(content)
            tarball.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


@contextlib.contextmanager
def registry(tarballs: dict[str, bytes]) -> Iterator[tuple[str, list[str]]]:
    """A registry on loopback serving the given tarballs by path; yields its URL and the log."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            body = tarballs.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", asked
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_tarball_is_installed_once_and_only_with_its_published_integrity(tmp_path):
    good = _tarball({"dist/tool.js": b"window.tool = 1;", "README.md": b"not served"})
    release = NpmRelease("@demo/tool", "1.2.3", _integrity(good), ("dist/tool.js",))
    with registry({"/@demo/tool/-/tool-1.2.3.tgz": good}) as (url, asked):
        assert install_assets(tmp_path, url, [release]) == [release]
        assert install_assets(tmp_path, url, [release]) == []  # nothing fetched again
        assert asked == ["/@demo/tool/-/tool-1.2.3.tgz"]
    installed = tmp_path / "@demo/tool@1.2.3"
    assert (installed / "dist/tool.js").read_bytes() == b"window.tool = 1;"
    assert not (installed / "README.md").exists()
    assert missing_releases(tmp_path, [release]) == []


def test_a_tarball_that_is_not_the_published_one_is_refused_and_nothing_installed(tmp_path):
    good = _tarball({"tool.js": b"window.tool = 1;"})
    tampered = _tarball({"tool.js": b"window.tool = 'something else';"})
    release = NpmRelease("tool", "1.0.0", _integrity(good), ("tool.js",))
    refused = pytest.raises(AssetError, match="does not match the pinned integrity")
    with registry({"/tool/-/tool-1.0.0.tgz": tampered}) as (url, _), refused:
        install_assets(tmp_path, url, [release])
    assert missing_releases(tmp_path, [release]) == [release]
    assert not any(path.is_file() for path in tmp_path.rglob("*"))
