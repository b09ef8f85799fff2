"""The help article end to end, in two browsers at once: Anna of Van Dijk offers, Eva of Bosman
receives.

Anna's checklist blocks 1003, 1004 and 1005 with their reasons; she offers 1001 and 1002 to Eva;
Eva takes the code from the mail the SMTP sink received, previews it, receives 1001 into her
Exact Online connection and rejects 1002 with a reason; both follow the move to completed
without reloading, over one subscription per tab; Eva downloads a document by its link, with
the bytes of the stored file; Anna's overview shows what became of both, finds them by search,
and she withdraws another offer. A second scenario makes a move fail, retries it and cancels it
while queued, seen from both sides. Every request outside the service is refused, and axe-core
runs on every screen.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, WebSocket, expect

from api.ids import decode_global_id
from commands.demo import seed_demo
from mail.sink import MailSink
from models import Document
from overdracht.clock import MovableClock
from overdracht.filestore import FileStore
from overdracht.settings import Settings
from tests.browser import browsing
from tests.file_stores import replace_stored
from tests.live_server import LiveServer, start_server
from tests.test_offer_screens import offer_path, sign_in
from tests.test_screens import (
    ANNA,
    DATA_ROWS,
    EVA,
    WIDE,
    graphql,
    no_serious_violations,
    offer,
    section,
    title,
    web_build,  # noqa: F401  (a fixture)
)
from tests.test_screens_receiving import (
    EVA_ADDRESS,
    OFFICE,
    REASON,
    code_in_mail,
    receive_over_the_api,
)
from worker.dispatcher import MailDispatcher
from worker.mover import Mover

BOSMAN = "Bosman & Partners Administratiekantoor"
KORST = "Bakkerij De Gouden Korst"
JANSEN = "Fietsenmaker Jansen"
HOEKJE = "Cafe Het Hoekje"
CHOSEN_CODE = "BK-1001"


@dataclass
class World:
    """The demo world on a running service, its mail going to the sink, its workers at hand."""

    server: LiveServer
    settings: Settings
    clock: MovableClock
    files: FileStore
    smtp: MailSink

    async def deliver_mail(self) -> None:
        await MailDispatcher(self.settings, self.clock).deliver_due()

    async def run_moves(self) -> None:
        await Mover(self.settings, self.clock, self.files).run_until_idle()


@pytest.fixture
async def world(
    mail_settings: Settings,
    clock: MovableClock,
    files: FileStore,
    smtp_server: MailSink,
    web_build: Path,  # noqa: F811
) -> AsyncIterator[World]:
    """The demo world, with Anna's earlier offer of 2001 (Twinfield) to Eva standing."""
    await seed_demo(mail_settings, clock, files)
    served = mail_settings.with_overrides(demo_sign_in=True)
    async with start_server(served, clock, files) as live:
        await offer(live, ["2001"])
        yield World(live, mail_settings, clock, files, smtp_server)


@dataclass
class Subscriptions:
    """The GraphQL subscriptions a page started over its WebSockets, by operation."""

    started: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        def on_socket(socket: WebSocket) -> None:
            socket.on("framesent", self._take)

        page.on("websocket", on_socket)

    def _take(self, frame: str | bytes) -> None:
        message = json.loads(frame)
        if message.get("type") == "subscribe":
            named = re.search(r"subscription\s+(\w+)", message["payload"]["query"])
            self.started.append(named.group(1) if named else "(unnamed)")


async def mark_page(page: Page) -> None:
    """Leave a mark in the page that a reload would wipe."""
    await page.evaluate("window.stillTheSamePage = true")


async def not_reloaded(page: Page) -> bool:
    return bool(await page.evaluate("window.stillTheSamePage === true"))


async def stored_sha256(world: World, document_id: str) -> str:
    """The SHA-256 of the document's file as the store holds it."""
    document = await Document.get(pk=decode_global_id(document_id, "Document"))
    digest = hashlib.sha256()
    async for chunk in world.files.stream(document.storage_key):
        digest.update(chunk)
    return digest.hexdigest()


async def eva_documents(server: LiveServer, code: str) -> list[dict[str, Any]]:
    """The documents of Eva's administration with this code, as the API lists them to her."""
    found = await graphql(
        server,
        "query($s: String) { administrations(search: $s) { nodes { id code } } }",
        {"s": code},
        EVA,
    )
    [administration] = [n for n in found["administrations"]["nodes"] if n["code"] == code]
    listed = await graphql(
        server,
        "query($id: ID!) { documents(administrationId: $id, first: 100) "
        "{ nodes { id fileName sha256 status } } }",
        {"id": administration["id"]},
        EVA,
    )
    return listed["documents"]["nodes"]


async def anna_offers_1001_and_1002(page: Page) -> None:
    """The offer wizard as the article walks it: the checklist, the choice, the recipients."""
    await page.get_by_role("link", name="Migratie acties").click()
    await expect(title(page, "Migratie acties")).to_be_focused()
    await no_serious_violations(page, "the migration actions")
    await page.get_by_role("link", name=re.compile("^Verplaats één")).click()
    await expect(title(page, "Administraties verplaatsen")).to_be_visible()

    # The checklist blocks 1003, 1004 and 1005, each with its reason.
    checklist = page.locator(".checklist > li")
    await expect(checklist).to_have_count(4)
    await expect(checklist.nth(1)).to_contain_text(
        "Hoveniersbedrijf Groen 1003 — 1 autorisator in de autorisatieflow"
    )
    await expect(checklist.nth(2)).to_contain_text("Kapsalon Knip 1004 — 1 actieve workflow")
    await expect(checklist.nth(3)).to_contain_text(
        "Loodgietersbedrijf Lek 1005 — 2 documenten nog niet goedgekeurd of afgekeurd"
    )
    await no_serious_violations(page, "the checklist")
    await page.get_by_role("checkbox", name=re.compile("^Ik begrijp")).check()
    await page.get_by_role("button", name="Volgende").click()

    # The Exact Online connection, then 1001 and 1002; the blocked ones cannot be chosen.
    await expect(
        page.get_by_role("heading", level=2, name=re.compile("Stap 2 van 3"))
    ).to_be_focused()
    await page.get_by_role("radio", name="Exact Online").check()
    for blocked in ("Hoveniersbedrijf Groen", "Kapsalon Knip", "Loodgietersbedrijf Lek"):
        await expect(page.get_by_role("checkbox", name=re.compile(f"^{blocked}"))).to_be_disabled()
    for name in (KORST, JANSEN):
        await page.get_by_role("checkbox", name=re.compile(f"^{name}")).check()
    await no_serious_violations(page, "the choice of administrations")
    await page.get_by_role("button", name="Volgende").click()

    # Eva as the recipient, checked by the API as soon as her address is complete.
    await expect(
        page.get_by_role("heading", level=2, name=re.compile("Stap 3 van 3"))
    ).to_be_focused()
    await page.get_by_role("textbox", name="Ontvanger 1").fill(EVA_ADDRESS)
    await expect(page.locator(".recipient-list li").nth(1)).to_contain_text(
        "Gecontroleerd: een supergebruiker van de ontvangende omgeving."
    )
    await expect(page.locator(".terms")).to_contain_text("voorwaarden")
    await page.get_by_role("checkbox", name="Ik ga akkoord met de algemene voorwaarden.").check()
    await no_serious_violations(page, "the recipients and terms")
    await page.get_by_role("button", name="Verzenden").click()
    await expect(title(page, "Migratie-aanbod")).to_be_visible()


async def eva_receives_1001_and_rejects_1002(page: Page, code: str) -> None:
    """The receive wizard: the code, the preview, a choice per administration, terms, costs."""
    await expect(title(page, "Administraties ophalen")).to_be_visible()
    await no_serious_violations(page, "the code step")
    field = page.get_by_role("textbox", name="Overdrachtscode")
    await field.fill(code)
    await field.press("Enter")
    await expect(page.get_by_role("heading", name=f"Aanbod van {OFFICE}", level=2)).to_be_focused()
    facts = page.locator(".facts-list")
    await expect(facts).to_contain_text("Exact Online")
    await expect(facts).to_contain_text("€ 49,00")
    korst = page.get_by_role("group", name=re.compile(KORST))
    jansen = page.get_by_role("group", name=re.compile(JANSEN))
    await expect(korst).to_contain_text("Kan worden ontvangen.")
    await no_serious_violations(page, "the preview")

    await korst.get_by_role("radio", name="Ontvangen").check()
    connection = korst.get_by_label("In koppeling")
    assert await connection.locator("option:checked").inner_text() == "Exact Online Bosman"
    await korst.get_by_label("Administratiecode bij u (optioneel)").fill(CHOSEN_CODE)
    await jansen.get_by_role("radio", name="Afwijzen").check()
    await jansen.get_by_label("Reden van afwijzen (optioneel)").fill(REASON)
    await page.get_by_role("checkbox", name="Ik ga akkoord met de algemene voorwaarden").check()
    await page.get_by_role(
        "checkbox", name=re.compile("^Ik ga akkoord met de migratiekosten")
    ).check()
    await no_serious_violations(page, "the preview, chosen")
    await page.get_by_role("button", name="Versturen").click()

    await expect(page.get_by_role("heading", name="Verstuurd", level=2)).to_be_focused()
    await expect(page.get_by_text(f"Afgewezen: {JANSEN}.")).to_be_visible()
    await no_serious_violations(page, "the sent step")
    await page.get_by_role("link", name="Volg de migratie").click()
    await expect(title(page, f"Aanbod van {OFFICE}")).to_be_focused()


async def test_the_article_end_to_end_in_two_browsers(world, chromium):
    server = world.server
    async with (
        browsing(chromium, server.base_url, viewport=WIDE) as anna_seen,
        browsing(chromium, server.base_url, viewport=WIDE, accept_downloads=True) as eva_seen,
    ):
        anna_sockets, eva_sockets = Subscriptions(), Subscriptions()

        # Anna signs in from the demo list and offers 1001 and 1002 to Eva.
        anna = await anna_seen.new_page()
        anna_sockets.watch(anna)
        await anna.goto(server.base_url + "/migrations")
        await expect(title(anna, "Inloggen")).to_be_visible()
        await no_serious_violations(anna, "the sign-in page")
        await (
            anna.get_by_role("button", name=re.compile("^Anna de Vries"))
            .filter(has_not_text="alleen lezen")
            .click()
        )
        await expect(title(anna, "Migratie overzicht")).to_be_visible()
        await anna_offers_1001_and_1002(anna)
        code = (await anna.locator(".big-code").inner_text()).strip()
        await no_serious_violations(anna, "the offer's page")
        anna_rows = anna.locator("section").filter(
            has=anna.get_by_role("heading", name=re.compile("^Administraties"))
        )
        anna_korst = anna_rows.get_by_role("row", name=re.compile(KORST))
        anna_jansen = anna_rows.get_by_role("row", name=re.compile(JANSEN))
        await expect(anna_korst).to_contain_text("Aangeboden")
        await mark_page(anna)

        # The code as the mail to Eva carries it.
        await world.deliver_mail()
        assert code_in_mail(world.smtp, EVA_ADDRESS, KORST) == code

        # Eva follows the mail's button to /receive, signs in there and receives.
        eva = await eva_seen.new_page()
        eva_sockets.watch(eva)
        await eva.goto(server.base_url + "/receive")
        await no_serious_violations(eva, "the sign-in page before receiving")
        await eva.get_by_role("button", name=re.compile("^Eva Bosman")).click()
        await eva_receives_1001_and_rejects_1002(eva, code)
        eva_korst = eva.get_by_role("article", name=re.compile(KORST))
        eva_jansen = eva.get_by_role("article", name=re.compile(JANSEN))
        await expect(eva_korst.locator(".status")).to_have_text("In de wachtrij")
        await expect(eva_jansen).to_contain_text(REASON)
        await no_serious_violations(eva, "the received offer, queued")
        await mark_page(eva)

        # Anna's page, never reloaded, already shows what Eva chose.
        await expect(anna_korst).to_contain_text("In de wachtrij")
        await expect(anna_jansen).to_contain_text("Afgewezen")
        await expect(anna_jansen).to_contain_text(REASON)

        # The move runs; both bars reach the end without a reload.
        await world.run_moves()
        for row in (anna_korst, eva_korst):
            await expect(row).to_contain_text("Voltooid")
            bar = row.get_by_role("progressbar")
            total = await bar.get_attribute("max")
            assert total and int(total) > 0
            await expect(bar).to_have_attribute("value", total)
        await expect(anna_korst.locator(".receipt")).to_contain_text("documenten")
        trail = anna.locator("section").filter(
            has=anna.get_by_role("heading", name="Verloop", exact=True)
        )
        await expect(trail.get_by_role("rowheader", name="Voltooid").first).to_be_visible()
        assert await not_reloaded(anna) and await not_reloaded(eva)
        await no_serious_violations(anna, "the offer's page, completed")
        await no_serious_violations(eva, "the received offer, completed")

        # Eva opens the archive of what arrived and downloads a document by its link.
        await eva_korst.get_by_role("link", name=re.compile("^Documenten van Bakkerij")).click()
        await expect(title(eva, f"Documenten van {CHOSEN_CODE} {KORST}")).to_be_focused()
        documents = await eva_documents(server, CHOSEN_CODE)
        await expect(eva.locator(DATA_ROWS)).to_have_count(len(documents))
        await no_serious_violations(eva, "the documents")
        wanted = documents[0]
        link = eva.get_by_role("link", name=f"{wanted['fileName']} downloaden")
        href = await link.get_attribute("href")
        # A signed link of its own, without the token, that the browser follows as it is.
        assert href and EVA not in href
        async with eva.expect_download() as downloading:
            await link.click()
        download = await downloading.value
        assert download.suggested_filename == wanted["fileName"]
        saved = await download.path()
        downloaded = hashlib.sha256(Path(saved).read_bytes()).hexdigest()
        assert downloaded == wanted["sha256"] == await stored_sha256(world, wanted["id"])

        # The billable line of what she received.
        await eva.go_back()
        await eva.get_by_role("link", name="Bekijk de migratiekosten").click()
        await expect(title(eva, "Migratiekosten")).to_be_focused()
        await expect(eva.get_by_role("row", name=re.compile(KORST))).to_contain_text("€ 49,00")
        await no_serious_violations(eva, "the migration costs")

        # Anna's overview: the completed and the rejected row, found by search, to Bosman.
        await anna.get_by_role("link", name="Migratie overzicht").click()
        offered = section(anna, "Administraties die ter migratie zijn aangeboden")
        rows = offered.locator(DATA_ROWS)
        await expect(rows).to_have_count(3)
        await expect(offered.get_by_role("row", name=re.compile(KORST))).to_contain_text("Voltooid")
        await expect(offered.get_by_role("row", name=re.compile(JANSEN))).to_contain_text(
            "Afgewezen"
        )
        await expect(offered.get_by_role("row", name=re.compile(KORST))).to_contain_text(BOSMAN)
        await no_serious_violations(anna, "the overview")
        search = offered.get_by_role("searchbox", name="Zoeken in aangeboden administraties")
        for word, name in (("voltooid", KORST), ("afgewezen", JANSEN)):
            await search.fill(word)
            await expect(rows).to_have_count(1)
            await expect(rows.first).to_contain_text(name)
        await search.fill("")
        await expect(rows).to_have_count(3)

        # She withdraws her other offer, 2001, which Eva has not taken up.
        await offered.get_by_role("button", name=f"{HOEKJE} intrekken").click()
        dialog = anna.get_by_role("dialog", name="Migratie intrekken")
        await no_serious_violations(anna, "the withdraw dialog")
        await dialog.get_by_role("button", name="Ja, intrekken").click()
        await expect(offered.get_by_role("status")).to_have_text(
            f"Het aanbod van {HOEKJE} is ingetrokken."
        )
        await expect(offered.get_by_role("row", name=re.compile(HOEKJE))).to_contain_text(
            "Ingetrokken"
        )
        await expect(offered.get_by_role("button", name="Ingetrokken 1")).to_be_visible()
        await expect(offered.get_by_role("button", name=re.compile("intrekken$"))).to_have_count(0)

        # And Eva's overview, live, shows it withdrawn too.
        await eva.get_by_role("link", name="Migratie overzicht").click()
        receivable = section(eva, "Administraties die klaar staan om gemigreerd te worden")
        await expect(receivable.get_by_role("row", name=re.compile(HOEKJE))).to_contain_text(
            "Ingetrokken"
        )
        # The code she chose for 1001 is shown, and found.
        mine = receivable.get_by_role("row", name=re.compile(KORST))
        await expect(mine).to_contain_text(f"Bij u: {CHOSEN_CODE}")
        await receivable.get_by_role("searchbox").fill(CHOSEN_CODE.lower())
        await expect(receivable.locator(DATA_ROWS)).to_have_count(1)
        await expect(receivable.locator(DATA_ROWS).first).to_contain_text(KORST)
        await no_serious_violations(eva, "the receivable overview")

        # One subscription per tab, for every move on every screen the tab showed.
        assert anna_sockets.started == ["OverviewChanges"]
        assert eva_sockets.started == ["OverviewChanges"]

    for seen in (anna_seen, eva_seen):
        assert seen.elsewhere == []
        assert seen.problems == []


async def test_a_move_fails_is_retried_and_cancelled_while_queued_seen_from_both_sides(
    world, chromium
):
    server = world.server
    offered = await offer(server, ["1001", "1002"])
    items = await receive_over_the_api(server, offered["transferCode"])
    # A file of 1001 damaged in the store: its move fails, and the source keeps everything.
    listed = await graphql(
        server,
        "query($s: String) { administrations(search: $s) { nodes { id code } } }",
        {"s": "1001"},
        ANNA,
    )
    [source] = [n for n in listed["administrations"]["nodes"] if n["code"] == "1001"]
    document = await Document.filter(
        administration_id=decode_global_id(source["id"], "Administration")
    ).first()
    assert document is not None
    replace_stored(world.files, document.storage_key, b"not the file any more")
    migration_id = items["1001"]["migration"]["id"]

    async with (
        browsing(chromium, server.base_url, viewport=WIDE) as anna_seen,
        browsing(chromium, server.base_url, viewport=WIDE) as eva_seen,
    ):
        anna = await sign_in(anna_seen, server.base_url, "Anna de Vries", offer_path(migration_id))
        eva = await sign_in(
            eva_seen, server.base_url, "Eva Bosman", f"/migrations/received/{migration_id}"
        )
        anna_row = (
            anna.locator("section")
            .filter(has=anna.get_by_role("heading", name=re.compile("^Administraties")))
            .get_by_role("row", name=re.compile(KORST))
        )
        eva_item = eva.get_by_role("article", name=re.compile(KORST))
        await expect(anna_row).to_contain_text("In de wachtrij")
        await expect(eva_item.locator(".status")).to_have_text("In de wachtrij")
        await mark_page(anna)
        await mark_page(eva)

        # The move fails; both see why, live.
        await world.run_moves()
        await expect(eva_item.locator(".status")).to_have_text("Mislukt")
        await expect(eva_item).to_contain_text("De migratie is mislukt: een bestand is beschadigd.")
        await expect(anna_row).to_contain_text("Mislukt")
        await expect(anna_row.get_by_role("button", name=f"{KORST} intrekken")).to_be_visible()
        await no_serious_violations(eva, "a failed move, receiving")
        await no_serious_violations(anna, "a failed move, offering")

        # Eva retries: queued again on both sides.
        await eva_item.get_by_role("button", name=re.compile("^Opnieuw proberen")).click()
        await expect(
            eva.get_by_role("status").filter(has_text="staat weer in de wachtrij")
        ).to_be_focused()
        await expect(eva_item.locator(".status")).to_have_text("In de wachtrij")
        await expect(anna_row).to_contain_text("In de wachtrij")
        await expect(anna_row.get_by_role("button")).to_have_count(0)

        # And cancels it while queued: offered again, for Anna too.
        await eva_item.get_by_role("button", name=re.compile("^Migratie annuleren")).click()
        dialog = eva.get_by_role("dialog")
        await no_serious_violations(eva, "the cancel dialog")
        await dialog.get_by_role("button", name="Ja, annuleren").click()
        await expect(eva.get_by_role("status").filter(has_text="is geannuleerd")).to_be_focused()
        await expect(eva_item.locator(".status")).to_have_text("Aangeboden")
        await expect(anna_row).to_contain_text("Aangeboden")
        await expect(anna_row.get_by_role("button", name=f"{KORST} intrekken")).to_be_visible()
        trail = anna.locator("section").filter(
            has=anna.get_by_role("heading", name="Verloop", exact=True)
        )
        for step in ("Mislukt", "Opnieuw geprobeerd"):
            await expect(trail.get_by_role("rowheader", name=step).first).to_be_visible()
        assert await not_reloaded(anna) and await not_reloaded(eva)

    for seen in (anna_seen, eva_seen):
        assert seen.elsewhere == []
        assert seen.problems == []
