"""The receiving side's screens in a browser: Eva's part of the help article.

Anna offers 1001 and 1002 to Eva over the API; Eva takes the transfer code from the mail the
SMTP sink received, previews it, receives 1001 into her Exact Online connection and rejects 1002
with a reason, follows the move to its end without reloading, downloads a document of what
arrived, and finds the billable line. Every request outside the service is refused, and
axe-core runs on every screen. OVERDRACHT_SCREENSHOTS=1 saves these screens too.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, expect

from api.ids import decode_global_id
from commands.demo import seed_demo
from mail.sink import MailSink
from models import Document, Environment
from models.enums import Plan
from models.terms import VERSION as TERMS_VERSION
from models.transfer_code import ALPHABET
from overdracht.clock import MovableClock
from overdracht.filestore import FileStore
from overdracht.settings import Settings
from tests.browser import browsing
from tests.file_stores import replace_stored
from tests.live_server import LiveServer, start_server
from tests.test_screens import (
    ANNA,
    EVA,
    NARROW,
    WIDE,
    graphql,
    no_serious_violations,
    offer,
    save,
    title,
    web_build,  # noqa: F401  (a fixture)
)
from worker.dispatcher import MailDispatcher
from worker.mover import Mover

EVA_ADDRESS = "eva@bosman.example"
CODE = re.compile(rf"\b[{ALPHABET}]{{4}}(?:-[{ALPHABET}]{{4}}){{4}}\b")
OFFICE = "Van Dijk Accountants (K10234)"
REASON = "Deze klant blijft bij Van Dijk."


@dataclass
class Offered:
    """The service with Anna's offer of 1001 and 1002 to Eva, and the code the mail carries."""

    server: LiveServer
    settings: Settings
    clock: MovableClock
    files: FileStore
    smtp: MailSink
    code: str

    async def deliver_mail(self) -> None:
        """Send what the outbox holds to the sink, as the worker would."""
        await MailDispatcher(self.settings, self.clock).deliver_due()

    async def run_moves(self) -> None:
        """Move what is queued, as the worker would."""
        await Mover(self.settings, self.clock, self.files).run_until_idle()


def code_in_mail(smtp: MailSink, recipient: str, name: str) -> str:
    """The transfer code of the offer mail to a recipient that names an administration."""
    for received in smtp.messages:
        text = received.message.get_body(("plain",)).get_content()
        if received.message["To"] == recipient and name in text:
            found = CODE.search(text)
            assert found, text
            return found.group(0)
    pytest.fail(f"no offer mail to {recipient} names {name}")


@pytest.fixture
async def offered(
    mail_settings: Settings,
    clock: MovableClock,
    files: FileStore,
    smtp_server: MailSink,
    web_build: Path,  # noqa: F811
) -> AsyncIterator[Offered]:
    """The demo world, and Anna's offer of 1001 and 1002 to Eva mailed to the sink."""
    await seed_demo(mail_settings, clock, files)
    served = mail_settings.with_overrides(demo_sign_in=True)
    async with start_server(served, clock, files) as live:
        await offer(live, ["1001", "1002"])
        world = Offered(live, mail_settings, clock, files, smtp_server, code="")
        await world.deliver_mail()
        world.code = code_in_mail(smtp_server, EVA_ADDRESS, "Bakkerij De Gouden Korst")
        yield world


async def sign_in_as_eva(page: Page, server: LiveServer, path: str) -> None:
    """Follow a mail's link to a screen and sign in there from the demo list."""
    await page.goto(server.base_url + path)
    await page.get_by_role("button", name=re.compile("^Eva Bosman")).click()


async def submit_code(page: Page, code: str) -> None:
    """Enter a code and wait for the answer: the button is busy until it comes (and gone with
    the code step when the code is taken)."""
    field = page.locator("input.transfer-code-input")  # in either language
    await field.fill(code)
    await field.press("Enter")
    await expect(page.locator(".code-form button[aria-disabled=true]")).to_have_count(0)


PREVIEW = """query($c: String!) { transferCodePreview(transferCode: $c) { preview {
  connections { nodes { id } }
  administrations { nodes { administration { id administrationCode migration { id } } } } } } }"""


async def receive_over_the_api(
    server: LiveServer, code: str, *, reject: str | None = None
) -> dict[str, Any]:
    """Eva receives 1001 into her Exact Online connection (and rejects 1002 with a reason);
    the offered administrations by code."""
    preview = (await graphql(server, PREVIEW, {"c": code}, EVA))["transferCodePreview"]["preview"]
    items = {
        n["administration"]["administrationCode"]: n["administration"]
        for n in preview["administrations"]["nodes"]
    }
    claim = {
        "transferCode": code,
        "acceptTerms": True,
        "termsVersion": TERMS_VERSION,
        "acceptCosts": True,
        "administrations": [
            {
                "migrationAdministrationId": items["1001"]["id"],
                "connectionId": preview["connections"]["nodes"][0]["id"],
            }
        ],
    }
    claimed = await graphql(
        server,
        """mutation($input: ClaimMigrationInput!) {
          claimMigration(input: $input) { userErrors { code } } }""",
        {"input": claim},
        EVA,
    )
    assert claimed["claimMigration"]["userErrors"] == []
    if reject is not None:
        rejection = {
            "transferCode": code,
            "migrationAdministrationIds": [items["1002"]["id"]],
            "reason": reject,
        }
        rejected = await graphql(
            server,
            """mutation($input: RejectMigrationInput!) {
              rejectMigration(input: $input) { userErrors { code } } }""",
            {"input": rejection},
            EVA,
        )
        assert rejected["rejectMigration"]["userErrors"] == []
    return items


async def eva_documents(server: LiveServer, code: str) -> list[dict[str, Any]]:
    """The documents of one of Eva's administrations, as the API gives them to her."""
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
        "{ nodes { fileName sha256 status } } }",
        {"id": administration["id"]},
        EVA,
    )
    return listed["documents"]["nodes"]


async def test_eva_receives_1001_rejects_1002_and_downloads_what_arrived(offered, chromium):
    server = offered.server
    async with browsing(chromium, server.base_url, viewport=WIDE, accept_downloads=True) as seen:
        page = await seen.new_page()
        # The offer mail's button leads to /receive; she signs in there and stays there.
        await sign_in_as_eva(page, server, "/receive")
        await expect(title(page, "Administraties ophalen")).to_be_visible()
        assert page.url == server.base_url + "/receive"
        await expect(page.locator(".steps [aria-current=step]")).to_contain_text("Overdrachtscode")
        await no_serious_violations(page, "the code step")

        # The code as the mail shows it, typed in small letters and without its dashes.
        field = page.get_by_role("textbox", name="Overdrachtscode")
        await field.fill(offered.code.replace("-", "").lower())
        await field.press("Enter")
        step = page.get_by_role("heading", name=f"Aanbod van {OFFICE}", level=2)
        await expect(step).to_be_focused()
        await expect(page.locator(".steps [aria-current=step]")).to_contain_text("Kiezen")
        facts = page.locator(".facts-list")
        await expect(facts).to_contain_text("Anna de Vries")
        await expect(facts).to_contain_text("Exact Online")
        await expect(facts).to_contain_text("€ 49,00")

        korst = page.get_by_role("group", name=re.compile("Bakkerij De Gouden Korst"))
        jansen = page.get_by_role("group", name=re.compile("Fietsenmaker Jansen"))
        await expect(korst).to_contain_text("Kan worden ontvangen.")
        await expect(korst).to_contain_text("documenten")
        await expect(jansen).to_contain_text(
            "Uw omgeving heeft al een administratie 1002 Fietsenmaker Jansen."
        )
        await expect(jansen.get_by_role("radio", name="Ontvangen")).to_be_disabled()
        await no_serious_violations(page, "the preview")

        # By keyboard: receive 1001, reject 1002 with a reason, and send without accepting.
        await korst.get_by_role("radio", name="Ontvangen").focus()
        await page.keyboard.press("Space")
        await expect(korst.get_by_role("radio", name="Ontvangen")).to_be_checked()
        connection = korst.get_by_label("In koppeling")
        await expect(connection).to_have_value(re.compile(".+"))
        assert await connection.locator("option:checked").inner_text() == "Exact Online Bosman"
        own_code = korst.get_by_label("Administratiecode bij u (optioneel)")
        # Text fields are as wide as what is typed into them, not the size of a checkbox.
        for field in (own_code, korst.get_by_label("Niet verhuizen vóór (optioneel)")):
            box = await field.bounding_box()
            assert box is not None and box["width"] >= 160, box
        await own_code.focus()
        await page.keyboard.type("1001 bis")
        await jansen.get_by_role("radio", name="Afwijzen").focus()
        await page.keyboard.press("Space")
        await jansen.get_by_label("Reden van afwijzen (optioneel)").focus()
        await page.keyboard.type(REASON)
        await expect(
            page.get_by_text("U ontvangt 1 administratie: in totaal € 49,00.")
        ).to_be_visible()
        send = page.get_by_role("button", name="Versturen")
        await send.focus()
        await page.keyboard.press("Enter")

        # The API refuses the code, the terms and the costs, each said at its field, and the
        # focus goes to the first of them; nothing is received or rejected.
        terms = page.get_by_role("checkbox", name="Ik ga akkoord met de algemene voorwaarden")
        costs = page.get_by_role(
            "checkbox", name=re.compile("^Ik ga akkoord met de migratiekosten")
        )
        await expect(own_code).to_be_focused()
        await expect(own_code).to_have_attribute("aria-invalid", "true")
        await expect(korst).to_contain_text(
            "Een administratiecode is 1 tot 32 letters, cijfers, punten, streepjes of lage "
            "streepjes."
        )
        await expect(terms).to_have_attribute("aria-invalid", "true")
        await expect(
            page.get_by_text("Ga eerst akkoord met de algemene voorwaarden.")
        ).to_be_visible()
        await expect(page.get_by_text("Ga eerst akkoord met de migratiekosten.")).to_be_visible()
        await expect(costs).to_have_attribute("aria-invalid", "true")
        await expect(jansen.get_by_label("Reden van afwijzen (optioneel)")).to_have_value(REASON)
        await no_serious_violations(page, "the preview with refusals")
        assert await receivable_statuses(server) == {"1001": "OFFERED", "1002": "OFFERED"}
        await page.keyboard.press("Control+A")
        await page.keyboard.press("Delete")
        await terms.focus()
        await page.keyboard.press("Space")
        await page.keyboard.press("Tab")
        await expect(costs).to_be_focused()
        await page.keyboard.press("Space")
        await send.focus()
        await page.keyboard.press("Enter")

        done = page.get_by_role("heading", name="Verstuurd", level=2)
        await expect(done).to_be_focused()
        await expect(
            page.get_by_text("In de wachtrij om te worden ontvangen: Bakkerij De Gouden Korst.")
        ).to_be_visible()
        await expect(page.get_by_text("Afgewezen: Fietsenmaker Jansen.")).to_contain_text("e-mail")
        assert await receivable_statuses(server) == {"1001": "QUEUED", "1002": "REJECTED"}
        await no_serious_violations(page, "the sent step")

        # The offer as Eva follows it: queued, with a progress bar and a cancel button.
        await page.get_by_role("link", name="Volg de migratie").click()
        await expect(title(page, f"Aanbod van {OFFICE}")).to_be_focused()
        korst = page.get_by_role("article", name=re.compile("Bakkerij De Gouden Korst"))
        jansen = page.get_by_role("article", name=re.compile("Fietsenmaker Jansen"))
        await expect(korst.locator(".status")).to_have_text("In de wachtrij")
        await expect(korst.get_by_role("progressbar")).to_be_visible()
        await expect(
            korst.get_by_role("button", name=re.compile("^Migratie annuleren"))
        ).to_be_visible()
        await expect(jansen.locator(".status")).to_have_text("Afgewezen")
        await expect(jansen).to_contain_text(REASON)
        await no_serious_violations(page, "the received offer, queued")

        # The move runs; the page follows it to the end without being loaded again.
        await page.evaluate("window.stillTheSamePage = true")
        await offered.run_moves()
        await expect(korst.locator(".status")).to_have_text("Voltooid")
        bar = korst.get_by_role("progressbar")
        total = await bar.get_attribute("max")
        await expect(bar).to_have_attribute("value", total or "")
        assert await page.evaluate("window.stillTheSamePage") is True
        await expect(korst.get_by_role("button")).to_have_count(0)
        receipt = korst.get_by_role("region", name="Bewijs van overdracht")
        await expect(receipt).to_contain_text("k20567.1001@inbound.overdracht.example")
        documents = await eva_documents(server, "1001")
        await expect(receipt).to_contain_text(str(len(documents)))
        await no_serious_violations(page, "the received offer, completed")

        # The archive of what arrived, and one of its files downloaded with the same bytes.
        await korst.get_by_role("link", name=re.compile("^Documenten van Bakkerij")).click()
        await expect(title(page, "Documenten van 1001 Bakkerij De Gouden Korst")).to_be_focused()
        rows = page.locator("tbody tr:not(.empty-row)")
        await expect(rows).to_have_count(len(documents))
        await no_serious_violations(page, "the documents")
        booked = [d for d in documents if d["status"] == "BOOKED"]
        await page.get_by_label("Toon documenten met status").select_option(label="Geboekt")
        await expect(rows).to_have_count(len(booked))
        wanted = booked[0]
        async with page.expect_download() as downloading:
            await page.get_by_role("link", name=f"{wanted['fileName']} downloaden").click()
        download = await downloading.value
        assert download.suggested_filename == wanted["fileName"]
        saved = await download.path()
        assert hashlib.sha256(Path(saved).read_bytes()).hexdigest() == wanted["sha256"]

        # The billable line, from the offer's page.
        await page.go_back()
        await page.get_by_role("link", name="Bekijk de migratiekosten").click()
        await expect(title(page, "Migratiekosten")).to_be_focused()
        line = page.get_by_role("row", name=re.compile("Bakkerij De Gouden Korst"))
        await expect(line).to_contain_text("€ 49,00")
        await expect(line).to_contain_text("Eva Bosman")
        await expect(line).to_contain_text(OFFICE)
        await no_serious_violations(page, "the migration costs")
        await page.get_by_role("button", name="Switch to English").click()
        await expect(title(page, "Migration costs")).to_be_visible()
        await expect(line).to_contain_text("€49.00")

        # The receivable overview's row leads to the same offer.
        await page.get_by_role("link", name="Migration overview").click()
        await page.get_by_role("link", name="Bakkerij De Gouden Korst").click()
        await expect(title(page, f"Offer from {OFFICE}")).to_be_visible()
        await expect(korst.locator(".status")).to_have_text("Completed")

    assert seen.elsewhere == []
    assert seen.problems == []


async def receivable_statuses(server: LiveServer) -> dict[str, str]:
    """The status of each administration offered to Eva, by its code."""
    found = await graphql(
        server,
        "{ receivableAdministrations(first: 100) { nodes { administrationCode status } } }",
        {},
        EVA,
    )
    return {
        n["administrationCode"]: n["status"] for n in found["receivableAdministrations"]["nodes"]
    }


async def test_a_wrong_an_expired_and_a_guessed_code_are_explained(offered, chromium):
    server = offered.server
    await offer(server, ["2001"])
    await offered.deliver_mail()
    twinfield_code = code_in_mail(offered.smtp, EVA_ADDRESS, "Cafe Het Hoekje")
    wrong = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
    async with browsing(chromium, server.base_url, viewport=NARROW) as seen:
        page = await seen.new_page()
        await sign_in_as_eva(page, server, "/receive")
        field = page.get_by_role("textbox", name="Overdrachtscode")
        refusal = page.get_by_role("alert")

        await page.get_by_role("button", name="Bekijk het aanbod").click()
        await expect(refusal).to_have_text("Vul de overdrachtscode in.")
        await expect(field).to_be_focused()

        await submit_code(page, wrong)
        await expect(refusal).to_contain_text(
            "Deze overdrachtscode kennen we niet voor uw kantoor."
        )
        await expect(field).to_have_attribute("aria-invalid", "true")
        await expect(field).to_be_focused()
        await no_serious_violations(page, "a refused code")

        # An office that is no longer Premium is told so, whatever the code offers.
        bosman = Environment.filter(office_code="K20567")
        await bosman.update(plan=Plan.STANDARD)
        await submit_code(page, offered.code)
        await expect(refusal).to_contain_text("Uw omgeving is niet Premium")
        await bosman.update(plan=Plan.PREMIUM)

        # Past its expiry the right code says so, and it is not counted as a guess.
        offered.clock.advance(timedelta(days=16))
        await submit_code(page, twinfield_code)
        await expect(refusal).to_have_text(
            "Deze code klopt, maar het aanbod is verlopen. "
            "Vraag de aanbieder om het te verlengen of opnieuw aan te bieden."
        )

        # Guessing: past the limit even the right code is refused, with when to try again.
        for _ in range(offered.settings.code_attempts_per_user):
            await submit_code(page, wrong)
            await expect(refusal).to_contain_text("kennen we niet")
        await submit_code(page, offered.code)
        await expect(refusal).to_contain_text("Er zijn te veel onjuiste codes ingevoerd.")
        await expect(refusal).to_contain_text(re.compile(r"opnieuw proberen vanaf .*\d\d:\d\d"))
        await no_serious_violations(page, "too many attempts")

        await page.get_by_role("button", name="Switch to English").click()
        await expect(refusal).to_contain_text("Too many wrong codes were entered.")

    assert seen.elsewhere == []
    assert seen.problems == []


async def test_eva_retries_a_failed_move_and_cancels_it_while_queued(offered, chromium):
    server = offered.server
    items = await receive_over_the_api(server, offered.code)
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
    replace_stored(offered.files, document.storage_key, b"not the file any more")
    await offered.run_moves()

    async with browsing(chromium, server.base_url, viewport=WIDE) as seen:
        page = await seen.new_page()
        await sign_in_as_eva(
            page, server, f"/migrations/received/{items['1001']['migration']['id']}"
        )
        item = page.get_by_role("article", name=re.compile("Bakkerij De Gouden Korst"))
        await expect(item.locator(".status")).to_have_text("Mislukt")
        await expect(item).to_contain_text("De migratie is mislukt: een bestand is beschadigd.")
        await expect(item).to_contain_text(document.file_name)
        await no_serious_violations(page, "a failed move")

        await item.get_by_role("button", name=re.compile("^Opnieuw proberen")).click()
        news = page.get_by_role("status").filter(has_text="staat weer in de wachtrij")
        await expect(news).to_be_focused()
        await expect(item.locator(".status")).to_have_text("In de wachtrij")

        # Cancelled by keyboard while queued: asked first, the safe answer focused.
        cancel = item.get_by_role("button", name=re.compile("^Migratie annuleren"))
        await cancel.focus()
        await page.keyboard.press("Enter")
        dialog = page.get_by_role("dialog")
        await expect(dialog.get_by_role("button", name="Nee, laten staan")).to_be_focused()
        await no_serious_violations(page, "the cancel dialog")
        await page.keyboard.press("Tab")
        await expect(dialog.get_by_role("button", name="Ja, annuleren")).to_be_focused()
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("status").filter(has_text="is geannuleerd")).to_be_focused()
        await expect(item.locator(".status")).to_have_text("Aangeboden")
        await expect(item.get_by_role("link", name="Overdrachtscode invoeren")).to_be_visible()
        assert await receivable_statuses(server) == {"1001": "OFFERED", "1002": "OFFERED"}

    assert seen.elsewhere == []
    assert seen.problems == []


# -- screenshots for the docs ------------------------------------------------------------------

VARIANTS = [
    (f"{language}-{width}", language, viewport)
    for width, viewport in (("wide", WIDE), ("narrow", NARROW))
    for language in ("nl", "en")
]


@pytest.mark.skipif(
    not os.environ.get("OVERDRACHT_SCREENSHOTS"),
    reason="saves docs/screenshots/*.png only when OVERDRACHT_SCREENSHOTS=1",
)
async def test_screenshots_of_the_receiving_screens(offered, chromium):
    server = offered.server

    @contextlib.asynccontextmanager
    async def eva(language: str, viewport: dict[str, int], path: str) -> AsyncIterator[Page]:
        async with browsing(chromium, server.base_url, viewport=viewport) as seen:
            page = await seen.new_page()
            await page.goto(server.base_url + path)
            if language == "en":
                await page.get_by_role("button", name="Switch to English").click()
            await page.get_by_role("button", name=re.compile("^Eva Bosman")).click()
            yield page
        assert seen.elsewhere == [] and seen.problems == []

    for name, language, viewport in VARIANTS:
        async with eva(language, viewport, "/receive") as page:
            await save(page, f"receive-code-{name}")
            await submit_code(page, "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")
            await expect(page.get_by_role("alert")).to_be_visible()
            await save(page, f"receive-refused-{name}")
            await submit_code(page, offered.code)
            groups = page.get_by_role("group")
            await expect(groups).to_have_count(2)
            await groups.first.locator("input[value=RECEIVE]").check()
            await groups.last.locator("input[value=REJECT]").check()
            await groups.last.locator("textarea").fill(REASON)
            await save(page, f"receive-preview-{name}")

    items = await receive_over_the_api(server, offered.code, reject=REASON)
    received = f"/migrations/received/{items['1001']['migration']['id']}"
    for name, language, viewport in VARIANTS:
        async with eva(language, viewport, received) as page:
            await expect(page.get_by_role("progressbar")).to_be_visible()
            await save(page, f"received-queued-{name}")
    await offered.run_moves()
    for name, language, viewport in VARIANTS:
        async with eva(language, viewport, received) as page:
            receipt = page.locator(".receipt")
            await expect(receipt).to_be_visible()
            await save(page, f"received-completed-{name}")
            await receipt.get_by_role("link").click()
            await expect(page.locator("tbody tr:not(.empty-row)").first).to_be_visible()
            await save(page, f"documents-{name}")
            await page.goto(server.base_url + "/migrations/costs")
            await expect(page.locator("tbody tr:not(.empty-row)")).to_have_count(1)
            await save(page, f"costs-{name}")
