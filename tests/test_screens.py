"""The office screens: served from this origin, and used in a browser as the help article says.

The browser tests drive Debian's Chromium through Playwright against the screens built from
web/ (`./dev test` builds them), with every request outside the service refused, and run
axe-core on each screen. OVERDRACHT_SCREENSHOTS=1 also saves each screen, Dutch and English,
wide and narrow, as PNGs in docs/screenshots/.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Locator, Page, expect

from api.ids import encode_global_id
from api.resolvers.overview import STATUS_WORDS
from api.screens import CONTENT_SECURITY_POLICY, DEFAULT_DIRECTORY
from commands.demo import seed_demo
from models.enums import MigrationStatus
from models.terms import VERSION as TERMS_VERSION
from tests.browser import browsing, serious_accessibility_violations
from tests.live_server import LiveServer, start_server

ANNA = "ovd_demo_anna_vandijk_superuser"
EVA = "ovd_demo_eva_bosman_superuser"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 390, "height": 844}
DATA_ROWS = "tbody tr:not(.empty-row)"
# A busy machine may take its time; every expectation is on an outcome, never on a duration.
expect.set_options(timeout=20_000)
INDEX = """<!doctype html><html lang="nl"><head>
<script type="module" crossorigin src="/assets/index-abc123.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index-def456.css">
</head><body><div id="root"></div></body></html>"""
SCRIPT = b"console.log('the screens');" * 40


@pytest.fixture
def fake_build(tmp_path: Path) -> Path:
    """A build as Vite leaves it: index.html, hashed files, and their gzipped twins."""
    build = tmp_path / "dist"
    (build / "assets").mkdir(parents=True)
    (build / "index.html").write_text(INDEX, encoding="utf-8")
    (build / "assets" / "index-abc123.js").write_bytes(SCRIPT)
    (build / "assets" / "index-abc123.js.gz").write_bytes(gzip.compress(SCRIPT))
    (build / "assets" / "index-def456.css").write_bytes(b"body { margin: 0 }")
    return build


@pytest.fixture
async def screens(settings, clock, files, fake_build) -> AsyncIterator[LiveServer]:
    async with start_server(settings.with_overrides(web_dir=fake_build), clock, files) as live:
        yield live


async def test_every_screen_path_answers_the_page_under_a_strict_policy(screens):
    for path in (
        "/",
        "/migrations",
        "/receive",
        "/migrations/actions",
        "/migrations/offer",
        "/migrations/offers/TWlncmF0aW9uOjE%3D",
        "/offers/42",
    ):
        page = await screens.client.get(path, headers={"Accept": "text/html"})
        assert page.status_code == 200, path
        assert page.text == INDEX
        assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert page.headers["cache-control"] == "no-cache"
    policy = CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "style-src 'self';" in policy  # not even inline styles
    graphiql = await screens.client.get("/graphql", headers={"Accept": "text/html"})
    assert graphiql.status_code == 200 and "graphiql" in graphiql.text.lower()
    assert graphiql.text != INDEX


async def test_the_hashed_files_are_cached_for_a_year_and_sent_gzipped(screens, fake_build):
    script = await screens.client.get(
        "/assets/index-abc123.js", headers={"Accept-Encoding": "gzip"}
    )
    assert script.status_code == 200
    assert script.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert script.headers["content-encoding"] == "gzip"
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.content == SCRIPT  # httpx unpacks it
    plain = await screens.client.get(
        "/assets/index-abc123.js", headers={"Accept-Encoding": "identity"}
    )
    assert "content-encoding" not in plain.headers
    assert plain.content == SCRIPT
    style = await screens.client.get("/assets/index-def456.css")
    assert style.headers["content-type"].startswith("text/css")
    for missing in (
        "/assets/index-000000.js",
        "/assets/index-abc123.js.gz",
        "/assets/x/index-abc123.js",
    ):
        assert (await screens.client.get(missing)).status_code == 404, missing


async def test_a_file_or_a_json_client_gets_no_page_where_there_is_none(screens):
    assert (await screens.client.get("/favicon.ico")).status_code == 404
    asked = await screens.client.get("/nothing/here", headers={"Accept": "application/json"})
    assert asked.status_code == 404


async def test_without_a_build_the_root_says_how_to_build_it(settings, clock, files, tmp_path):
    unbuilt = settings.with_overrides(web_dir=tmp_path / "nothing")
    async with start_server(unbuilt, clock, files) as live:
        for path in ("/", "/migrations"):
            page = await live.client.get(path, headers={"Accept": "text/html"})
            assert page.status_code == 503
            assert "npm run build" in page.text and "./dev up" in page.text
            assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        api = await live.graphql("{ __typename }")
        assert api == {"data": {"__typename": "Query"}}


async def test_mail_links_under_other_paths_lead_on_to_the_screens(
    settings, clock, files, fake_build
):
    moved = settings.with_overrides(
        web_dir=fake_build, frontend_code_path="/ontvangen", frontend_overview_path="/overzicht"
    )
    async with start_server(moved, clock, files) as live:
        for path, screen in (
            ("/ontvangen", "/receive"),
            ("/overzicht", "/migrations"),
            ("/overzicht/offers/TWlncmF0aW9uOjc%3D", "/migrations/offers/TWlncmF0aW9uOjc%3D"),
        ):
            answer = await live.client.get(path, follow_redirects=False)
            assert answer.status_code == 307
            assert answer.headers["location"] == screen
        assert moved.offer_page_url("TWlncmF0aW9uOjc=").endswith(
            "/overzicht/offers/TWlncmF0aW9uOjc%3D"
        )


def test_the_built_page_names_only_files_of_this_origin():
    index = DEFAULT_DIRECTORY / "index.html"
    if not index.is_file():
        pytest.skip("web/ is not built: ./dev test builds it (npm ci && npm run build in web/)")
    text = index.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "an inline script"
    assert "style=" not in text
    urls = re.findall(r'(?:src|href)="([^"]+)"', text)
    assert urls and all(url.startswith("/assets/") or url == "data:," for url in urls), urls


# -- the demo world's users on the sign-in page ------------------------------------------------


async def test_the_demo_users_are_listed_only_when_the_setting_is_on(
    server, settings, clock, files
):
    await seed_demo(settings, clock, files)
    off = await server.client.get("/demo/sign-ins")
    assert off.json() == {"users": []}
    async with start_server(settings.with_overrides(demo_sign_in=True), clock, files) as live:
        on = await live.client.get("/demo/sign-ins")
    assert on.headers["cache-control"] == "no-store"
    users = on.json()["users"]
    assert [(u["name"], u["role"], u["scope"], u["officeCode"]) for u in users] == [
        ("Anna de Vries", "SUPERUSER", "FULL", "K10234"),
        ("Bram Smit", "USER", "FULL", "K10234"),
        ("Eva Bosman", "SUPERUSER", "FULL", "K20567"),
        ("Gijs Starter", "SUPERUSER", "FULL", "K30999"),
        ("Anna de Vries", "SUPERUSER", "READ_ONLY", "K10234"),
    ]
    assert users[0]["token"] == ANNA and users[0]["officeName"] == "Van Dijk Accountants"


async def test_no_demo_user_is_listed_where_the_database_holds_a_real_office(
    settings, clock, files, factory
):
    await seed_demo(settings, clock, files)
    async with start_server(settings.with_overrides(demo_sign_in=True), clock, files) as live:
        assert len((await live.client.get("/demo/sign-ins")).json()["users"]) == 5
        await factory.environment(name="Echte Accountants")
        assert (await live.client.get("/demo/sign-ins")).json() == {"users": []}


async def test_a_revoked_demo_token_is_not_offered(settings, clock, files):
    await seed_demo(settings, clock, files)
    async with start_server(settings.with_overrides(demo_sign_in=True), clock, files) as live:
        await revoke_full_token(live, EVA)
        names = [u["name"] for u in (await live.client.get("/demo/sign-ins")).json()["users"]]
    assert "Eva Bosman" not in names and "Anna de Vries" in names


# -- the screens in a browser ------------------------------------------------------------------


@pytest.fixture
def web_build() -> Path:
    """The screens as `./dev test` builds them."""
    if not (DEFAULT_DIRECTORY / "index.html").is_file():
        pytest.skip("web/ is not built: ./dev test builds it (npm ci && npm run build in web/)")
    return DEFAULT_DIRECTORY


@pytest.fixture
async def demo_service(settings, clock, files, web_build) -> AsyncIterator[LiveServer]:
    """The demo world on a service as `./dev up` runs it, with offers to look at.

    Anna has offered 1001 and 1002 (Exact Online) and, in a second offer, 2001 (Twinfield),
    all to Eva of Bosman.
    """
    await seed_demo(settings, clock, files)
    async with start_server(settings.with_overrides(demo_sign_in=True), clock, files) as live:
        await offer(live, ["1001", "1002"])
        await offer(live, ["2001"])
        yield live


async def graphql(server: LiveServer, query: str, variables: dict[str, Any], token: str) -> Any:
    body = await server.graphql(query, variables, token=token)
    assert "errors" not in body, body
    return body["data"]


async def offer(server: LiveServer, codes: list[str]) -> dict[str, Any]:
    """Anna offers these administrations of hers to Eva, over HTTP."""
    found = await graphql(server, "{ administrations(first: 100) { nodes { id code } } }", {}, ANNA)
    ids = {node["code"]: node["id"] for node in found["administrations"]["nodes"]}
    offered = await graphql(
        server,
        """mutation($input: OfferMigrationInput!) {
          offerMigration(input: $input) { migration { id transferCode } userErrors { code } } }""",
        {
            "input": {
                "administrationIds": [ids[code] for code in codes],
                "recipients": ["eva@bosman.example"],
                "acknowledgeUsersDoNotMove": True,
                "acceptTerms": True,
                "termsVersion": TERMS_VERSION,
            }
        },
        ANNA,
    )
    assert offered["offerMigration"]["userErrors"] == [], offered
    return offered["offerMigration"]["migration"]


async def revoke_full_token(server: LiveServer, token: str) -> None:
    """The user revokes the full token they are signed in with (its demo twin stays)."""
    mine = await graphql(server, "{ apiTokens { nodes { id scope revokedAt } } }", {}, token)
    [full] = [t for t in mine["apiTokens"]["nodes"] if t["scope"] == "FULL" and not t["revokedAt"]]
    revoked = await graphql(
        server,
        """mutation($input: RevokeApiTokenInput!) {
          revokeApiToken(input: $input) { userErrors { code } } }""",
        {"input": {"tokenId": full["id"]}},
        token,
    )
    assert revoked["revokeApiToken"]["userErrors"] == []


def title(page: Page, name: str) -> Locator:
    """The screen's title, its one h1."""
    return page.get_by_role("heading", name=name, level=1)


def section(page: Page, title: str) -> Locator:
    """An overview's part, found by its heading."""
    return page.locator("section").filter(has=page.get_by_role("heading", name=title, exact=True))


async def no_serious_violations(page: Page, screen: str) -> None:
    found = await serious_accessibility_violations(page)
    assert found == [], f"axe-core on {screen}: {found}"


async def shown_status_words(page: Page) -> dict[str, str]:
    """The status tabs' words as the screen shows them, by status."""
    tabs = page.locator("section .status-filter button[data-status]:not([data-status=ALL])")
    words: dict[str, str] = {}
    for index in range(await tabs.count()):
        tab = tabs.nth(index)
        status = await tab.get_attribute("data-status")
        assert status is not None
        words[status] = (await tab.locator(".status-label").inner_text()).strip()
    return words


async def offered_status(server: LiveServer, code: str) -> str:
    found = await graphql(
        server,
        "query($s: String) { offeredAdministrations(search: $s) { nodes { status } } }",
        {"s": code},
        ANNA,
    )
    [row] = found["offeredAdministrations"]["nodes"]
    return row["status"]


async def test_anna_signs_in_from_the_demo_list_and_works_her_overview(demo_service, chromium):
    server = demo_service
    async with browsing(chromium, server.base_url, viewport=WIDE) as seen:
        page = await seen.new_page()
        # A mail's button leads to the overview; nobody is signed in yet.
        await page.goto(server.base_url + "/migrations")
        await expect(title(page, "Inloggen")).to_be_visible()
        assert await page.evaluate("document.documentElement.lang") == "nl"
        await expect(page.get_by_role("button", name=re.compile("^Eva Bosman"))).to_be_visible()
        await no_serious_violations(page, "the sign-in page")
        anna = page.get_by_role("button", name=re.compile("^Anna de Vries")).filter(
            has_not_text="alleen lezen"
        )
        await anna.click()

        # The overview as the article draws it, with her three offered administrations.
        await expect(title(page, "Migratie overzicht")).to_be_visible()
        assert await page.evaluate("sessionStorage.getItem('overdracht.token')") == ANNA
        assert page.url == server.base_url + "/migrations"
        await expect(page.get_by_text("Van Dijk Accountants (K10234)")).to_be_visible()
        offered = section(page, "Administraties die ter migratie zijn aangeboden")
        rows = offered.locator(DATA_ROWS)
        await expect(rows).to_have_count(3)
        await expect(
            offered.get_by_role("row", name=re.compile("Cafe Het Hoekje"))
        ).to_contain_text("k10234.2001@inbound.overdracht.example")
        await expect(rows.first).to_contain_text("eva@bosman.example")
        await expect(rows.first).to_contain_text("Aangeboden")
        await expect(offered.locator(".transfer-code").first).to_have_text(
            re.compile(r"^[A-Z0-9]{4}(-[A-Z0-9]{4})+$")
        )
        await expect(offered.get_by_role("button", name="Alle 3")).to_have_attribute(
            "aria-pressed", "true"
        )
        await expect(page.get_by_role("link", name="Start een nieuwe migratie")).to_be_visible()
        receivable = section(page, "Administraties die klaar staan om gemigreerd te worden")
        await expect(receivable.get_by_text("Geen administraties gevonden.")).to_be_visible()
        await no_serious_violations(page, "the overview")

        # The words on screen are the words the search understands.
        words = await shown_status_words(page)
        assert set(words) == {status.value for status in MigrationStatus}
        for status, word in words.items():
            assert word.lower() in STATUS_WORDS[MigrationStatus(status)], (status, word)

        # One search field over every column: a name, then a date as the screen shows it.
        search = offered.get_by_role("searchbox", name="Zoeken in aangeboden administraties")
        await search.fill("jansen")
        await expect(rows).to_have_count(1)
        await expect(rows.first).to_contain_text("Fietsenmaker Jansen")
        await expect(offered.get_by_role("button", name="Alle 1")).to_be_visible()
        shown_date = await rows.first.locator("time").first.inner_text()
        await search.fill(shown_date)
        await search.press("Enter")
        await expect(rows).to_have_count(3)

        # Sort by name, A to Z.
        await search.fill("")
        await offered.get_by_role("button", name="Administratie", exact=True).click()
        await expect(offered.locator("th[aria-sort=ascending]")).to_contain_text("Administratie")
        await expect(rows.first).to_contain_text("Bakkerij De Gouden Korst")
        await expect(rows.last).to_contain_text("Fietsenmaker Jansen")

        # Withdraw Cafe Het Hoekje by keyboard alone: Escape keeps it, Enter on Ja withdraws it.
        withdraw = offered.get_by_role("button", name="Cafe Het Hoekje intrekken")
        await withdraw.focus()
        await page.keyboard.press("Enter")
        dialog = page.get_by_role("dialog", name="Migratie intrekken")
        await expect(dialog).to_be_visible()
        await expect(dialog.get_by_role("button", name="Annuleren")).to_be_focused()
        await no_serious_violations(page, "the withdraw dialog")
        await page.keyboard.press("Escape")
        await expect(dialog).to_be_hidden()
        assert await offered_status(server, "2001") == "OFFERED"
        await withdraw.focus()
        await page.keyboard.press("Enter")
        await page.keyboard.press("Tab")
        await expect(dialog.get_by_role("button", name="Ja, intrekken")).to_be_focused()
        await page.keyboard.press("Enter")
        news = offered.get_by_role("status")
        await expect(news).to_have_text("Het aanbod van Cafe Het Hoekje is ingetrokken.")
        await expect(news).to_be_focused()
        await expect(dialog).to_be_hidden()
        hoekje = offered.get_by_role("row", name=re.compile("Cafe Het Hoekje"))
        await expect(hoekje).to_contain_text("Ingetrokken")
        await expect(hoekje.get_by_role("button")).to_have_count(0)
        assert await offered_status(server, "2001") == "WITHDRAWN"

        # The status tabs filter, with the counts of the search.
        await offered.get_by_role("button", name="Ingetrokken 1").click()
        await expect(rows).to_have_count(1)
        await expect(rows.first).to_contain_text("Cafe Het Hoekje")
        await offered.get_by_role("button", name="Aangeboden 2").click()
        await expect(rows).to_have_count(2)
        await search.fill("ingetrokken")
        await expect(rows).to_have_count(0)
        await expect(offered.get_by_text("Geen administraties gevonden.")).to_be_visible()
        await expect(offered.get_by_role("button", name="Ingetrokken 1")).to_be_visible()

        # English on the switch, remembered for the session.
        await page.get_by_role("button", name="Switch to English").click()
        await expect(title(page, "Migration overview")).to_be_visible()
        assert await page.evaluate("document.documentElement.lang") == "en"
        words = await shown_status_words(page)
        for status, word in words.items():
            assert word.lower() in STATUS_WORDS[MigrationStatus(status)], (status, word)
        await page.reload()
        offered = section(page, "Administrations offered for migration")
        await expect(offered.locator(DATA_ROWS)).to_have_count(3)
        assert await page.evaluate("document.documentElement.lang") == "en"
        await no_serious_violations(page, "the overview in English")

        # The migration actions tab, and the screens it leads to.
        await page.get_by_role("link", name="Migration actions").click()
        await expect(title(page, "Migration actions")).to_be_focused()
        await no_serious_violations(page, "the migration actions")
        await page.get_by_role("link", name=re.compile("^Fetch one or more")).click()
        assert page.url == server.base_url + "/receive"
        await expect(title(page, "Fetch administrations")).to_be_focused()
        await no_serious_violations(page, "the receive screen")
        await page.go_back()
        await expect(title(page, "Migration actions")).to_be_visible()

        # Her token is revoked elsewhere: the next answer signs her out and drops the token.
        await page.get_by_role("link", name="Migration overview").click()
        await expect(title(page, "Migration overview")).to_be_visible()
        await revoke_full_token(server, ANNA)
        # Whichever comes first signs her out: the live socket, closed for the revoked token, or
        # the answer to her next click (made only if the screen still shows its button).
        await (
            section(page, "Administrations offered for migration")
            .get_by_role("button", name=re.compile("^Withdrawn"))
            .evaluate_all("buttons => buttons.forEach(button => button.click())")
        )
        await expect(title(page, "Sign in")).to_be_visible()
        await expect(page.get_by_role("alert")).to_contain_text("no longer) accepted")
        assert await page.evaluate("sessionStorage.getItem('overdracht.token')") is None

        # Eva sees what was offered to her office, and signs out.
        await page.get_by_role("button", name=re.compile("^Eva Bosman")).click()
        receivable = section(page, "Administrations ready to be migrated to you")
        rows = receivable.locator(DATA_ROWS)
        await expect(rows).to_have_count(3)
        await expect(rows.first).to_contain_text("Van Dijk Accountants (K10234)")
        twinfield = receivable.get_by_role("row", name=re.compile("Cafe Het Hoekje"))
        await expect(twinfield).to_contain_text("Twinfield")
        await expect(twinfield).to_contain_text("Withdrawn")
        await receivable.get_by_role("searchbox").fill("exact online")
        await expect(rows).to_have_count(2)
        await no_serious_violations(page, "the receivable overview")
        await page.get_by_role("button", name="Sign out").click()
        await expect(page.get_by_role("status")).to_have_text("You have signed out.")
        assert await page.evaluate("sessionStorage.getItem('overdracht.token')") is None

        # Bram is no superuser: the API's refusal is said in words, in each list.
        await page.get_by_role("button", name=re.compile("^Bram Smit")).click()
        refusals = page.get_by_role("alert")
        await expect(refusals).to_have_count(2)
        await expect(refusals.first).to_have_text(
            "You may not see or do this: the migration screens are for superusers only."
        )

    assert seen.elsewhere == []
    assert seen.problems == []


# -- screenshots for the docs ------------------------------------------------------------------


async def save(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.skipif(
    not os.environ.get("OVERDRACHT_SCREENSHOTS"),
    reason="saves docs/screenshots/*.png only when OVERDRACHT_SCREENSHOTS=1",
)
async def test_screenshots_of_every_screen(demo_service, chromium):
    server = demo_service
    for width, viewport in (("wide", WIDE), ("narrow", NARROW)):
        for language in ("nl", "en"):
            async with browsing(chromium, server.base_url, viewport=viewport) as seen:
                page = await seen.new_page()
                await page.goto(server.base_url + "/migrations")
                if language == "en":
                    await page.get_by_role("button", name="Switch to English").click()
                await expect(page.get_by_role("button", name=re.compile("^Eva"))).to_be_visible()
                await save(page, f"sign-in-{language}-{width}")
                await page.get_by_role("button", name=re.compile("^Anna de Vries")).first.click()
                await expect(page.locator("section").nth(1).locator(DATA_ROWS)).to_have_count(3)
                await save(page, f"overview-{language}-{width}")
                await page.locator("section .secondary").first.click()
                await expect(page.get_by_role("dialog")).to_be_visible()
                await save(page, f"withdraw-{language}-{width}")
                await page.keyboard.press("Escape")
                await page.locator(".tabs a").nth(1).click()
                await expect(page.locator(".choices a").first).to_be_visible()
                await save(page, f"actions-{language}-{width}")
                await page.locator(".top-actions button").last.click()  # sign out
                await page.get_by_role("button", name=re.compile("^Eva Bosman")).click()
                await page.locator(".tabs a").first.click()  # the overview
                receivable = page.locator("section").nth(2).locator(DATA_ROWS)
                await expect(receivable).to_have_count(3)
                await save(page, f"receiving-{language}-{width}")
            assert seen.elsewhere == [] and seen.problems == []


async def test_a_long_overview_pages_forward_and_back_after_a_typed_token(
    server, factory, chromium, web_build
):
    source = await factory.environment(name="Kantoor Veel")
    anna = await factory.user(source, name="Anna Veel")
    token = await factory.token(anna)
    target = await factory.environment(name="Kantoor Ontvanger")
    eva = await factory.user(target)
    exact = await factory.connection(source)
    names = [f"Klant {n:02d}" for n in range(1, 13)]
    administrations = [await factory.administration(exact, name=name) for name in names]
    for start in range(0, len(administrations), 4):
        offered = await server.graphql(
            """mutation($input: OfferMigrationInput!) {
              offerMigration(input: $input) { userErrors { code } } }""",
            {
                "input": {
                    "administrationIds": [
                        encode_global_id("Administration", a.pk)
                        for a in administrations[start : start + 4]
                    ],
                    "recipients": [eva.email],
                    "acknowledgeUsersDoNotMove": True,
                    "acceptTerms": True,
                    "termsVersion": TERMS_VERSION,
                }
            },
            token=token,
        )
        assert offered["data"]["offerMigration"]["userErrors"] == [], offered
    async with browsing(chromium, server.base_url, viewport=WIDE) as seen:
        page = await seen.new_page()
        await page.goto(server.base_url + "/migrations")
        # No demo world here: no demo users, a token typed as a person does.
        await expect(title(page, "Inloggen")).to_be_visible()
        await page.get_by_role("button", name="Inloggen").click()
        await expect(page.get_by_text("Vul uw token in.")).to_be_visible()
        await page.get_by_label("Persoonlijk API-token").fill(token)
        await page.get_by_label("Persoonlijk API-token").press("Enter")
        offered = section(page, "Administraties die ter migratie zijn aangeboden")
        rows = offered.locator(DATA_ROWS)
        await offered.get_by_role("button", name="Administratie", exact=True).click()
        await expect(rows.first).to_contain_text("Klant 01")
        await expect(rows).to_have_count(10)
        await expect(offered.get_by_text("12 administraties · Pagina 1 van 2")).to_be_visible()
        await expect(offered.get_by_role("button", name="Vorige")).to_be_disabled()
        await offered.get_by_role("button", name="Volgende").click()
        await expect(rows).to_have_count(2)
        await expect(rows.first).to_contain_text("Klant 11")
        await expect(offered.get_by_text("12 administraties · Pagina 2 van 2")).to_be_visible()
        await expect(offered.get_by_role("button", name="Volgende")).to_be_disabled()
        await offered.get_by_role("button", name="Vorige").click()
        await expect(rows).to_have_count(10)
        await expect(rows.first).to_contain_text("Klant 01")
        # A new search starts at its first page.
        await offered.get_by_role("button", name="Volgende").click()
        await expect(rows).to_have_count(2)
        await offered.get_by_role("searchbox").fill("klant 1")
        await expect(rows).to_have_count(3)
        await expect(offered.get_by_text("3 administraties · Pagina 1 van 1")).to_be_visible()
        assert await page.evaluate("document.querySelector('.demo-users')") is None
    assert seen.elsewhere == [] and seen.problems == []
