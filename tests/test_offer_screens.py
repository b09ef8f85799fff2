"""The offering side's screens in a browser: Anna's part of the help article.

Anna reads the checklist (1003, 1004 and 1005 blocked, each with its reason and count), offers
1001 and 1002 to Eva by keyboard alone through the wizard, and works the offer's page: the code
and its delivery, new recipients, the mail sent again, a later expiry, the audit trail. The
code arrives in the mail sink; every mail's button leads to the screen it speaks of, and the
page follows a move to its receipt without a reload. As in tests/test_screens.py: Debian's
Chromium, every request outside the service refused, axe-core on every screen.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.async_api import Locator, Page, expect

from commands.demo import seed_demo
from mail.sink import MailSink
from models import Environment
from models.enums import Plan
from models.terms import VERSION as TERMS_VERSION
from overdracht.settings import Settings
from tests.browser import Browsing, browsing
from tests.live_server import LiveServer, start_server
from tests.test_screens import (
    ANNA,
    EVA,
    NARROW,
    WIDE,
    graphql,
    no_serious_violations,
    save,
    title,
    web_build,  # noqa: F401 (the fixture: the screens as ./dev test builds them)
)
from worker.dispatcher import MailDispatcher
from worker.mover import Mover

RUUD = "ruud@bosman.example"
TRANSFER_CODE = re.compile(r"^[A-Z0-9]{4}(-[A-Z0-9]{4})+$")


@pytest.fixture
async def offering_service(mail_settings: Settings, clock, files) -> AsyncIterator[LiveServer]:
    """The demo world with nothing offered yet, its mail going to the test's SMTP sink.

    Bosman has a second superuser in the demo, Ruud, to change the recipients to.
    """
    await seed_demo(mail_settings, clock, files)
    served = mail_settings.with_overrides(demo_sign_in=True)
    async with start_server(served, clock, files) as live:
        yield live


async def deliver(settings: Settings, clock) -> int:
    """The mail worker's round: everything due goes to the SMTP sink."""
    return await MailDispatcher(settings, clock).deliver_due()


def mails_to(sink: MailSink, address: str) -> list[Any]:
    return [m for m in sink.messages if address in m.envelope_to]


def text_of(received: Any) -> str:
    return " ".join(received.message.get_body(("plain",)).get_content().split())


def button_link(received: Any) -> str:
    """The address of the mail's one button, as the HTML part links it."""
    html = received.message.get_body(("html",)).get_content()
    [link] = re.findall(r'<a [^>]*href="([^"]+)"', html)
    return link


def offer_path(migration_id: str) -> str:
    """The path of an offer's page on this service."""
    return "/migrations/offers/" + quote(migration_id, safe="")


def on_this_service(server: LiveServer, link: str) -> str:
    """A mail's link, on the service under test (the mails name the configured frontend)."""
    parts = urlsplit(link)
    return server.base_url + parts.path


async def focused(locator: Locator) -> bool:
    return bool(await locator.evaluate("element => element === document.activeElement"))


async def tab_to(page: Page, target: Locator, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focus is on `target`, as a keyboard user moves."""
    for _ in range(40):
        if await focused(target):
            return
        await page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"Tab never reached {target}")


async def sign_in(seen: Browsing, base_url: str, who: str, path: str = "/migrations") -> Page:
    """A browser page signed in as a demo user from the sign-in page's list."""
    page = await seen.new_page()
    await page.goto(base_url + path)
    button = page.get_by_role("button", name=re.compile(f"^{who}")).filter(
        has_not_text="alleen lezen"
    )
    await button.click()
    return page


async def offer_page_of(server: LiveServer, code: str) -> dict[str, Any]:
    """The offer holding this administration, as Anna's API sees it."""
    found = await graphql(
        server,
        """query($s: String) { offeredAdministrations(search: $s, first: 1) { nodes {
             migration { id transferCode expiresAt recipients
               administrations(first: 10) { nodes { id administrationCode } } } } } }""",
        {"s": code},
        ANNA,
    )
    return found["offeredAdministrations"]["nodes"][0]["migration"]


@pytest.mark.usefixtures("web_build")
async def test_anna_offers_by_keyboard_alone_and_works_her_offers_page(
    offering_service, mail_settings, smtp_server, clock, files, chromium
):
    server = offering_service
    async with browsing(chromium, server.base_url, viewport=WIDE) as seen:
        page = await sign_in(seen, server.base_url, "Anna de Vries")
        await expect(title(page, "Migratie overzicht")).to_be_visible()

        # To the wizard by keyboard: the tab, then the article's first choice.
        await tab_to(page, page.get_by_role("link", name="Migratie acties"))
        await page.keyboard.press("Enter")
        await expect(title(page, "Migratie acties")).to_be_focused()
        await tab_to(page, page.get_by_role("link", name=re.compile("^Verplaats één")))
        await page.keyboard.press("Enter")
        await expect(title(page, "Administraties verplaatsen")).to_be_visible()

        # Step 1, the checklist: 1003, 1004 and 1005 are blocked, each with its reason and count.
        step = page.get_by_role("heading", level=2, name=re.compile("Stap 1 van 3"))
        await expect(step).to_be_visible()
        checklist = page.locator(".checklist > li")
        await expect(checklist).to_have_count(4)
        await expect(checklist.nth(1)).to_contain_text(
            "Hoveniersbedrijf Groen 1003 — 1 autorisator in de autorisatieflow"
        )
        await expect(checklist.nth(2)).to_contain_text("Kapsalon Knip 1004 — 1 actieve workflow")
        await expect(checklist.nth(3)).to_contain_text(
            "Loodgietersbedrijf Lek 1005 — 2 documenten nog niet goedgekeurd of afgekeurd"
        )
        for item in (1, 2, 3):
            await expect(checklist.nth(item).locator("ul.blocked li")).to_have_count(1)
        await no_serious_violations(page, "the checklist")

        # Next without the acknowledgement: it is asked for at its checkbox, which takes the focus.
        acknowledge = page.get_by_role("checkbox", name=re.compile("^Ik begrijp"))
        await tab_to(page, page.get_by_role("button", name="Volgende"))
        await page.keyboard.press("Enter")
        await expect(acknowledge).to_be_focused()
        await expect(page.get_by_text("Bevestig dat gebruikers en autorisatoren")).to_be_visible()
        await expect(acknowledge).to_have_attribute("aria-invalid", "true")
        await page.keyboard.press("Space")
        await expect(acknowledge).to_be_checked()
        await tab_to(page, page.get_by_role("button", name="Volgende"))
        await page.keyboard.press("Enter")

        # Step 2: the Exact Online connection, then 1001 and 1002; the blocked ones say why.
        step = page.get_by_role("heading", level=2, name=re.compile("Stap 2 van 3"))
        await expect(step).to_be_focused()
        exact = page.get_by_role("radio", name="Exact Online")
        await expect(page.get_by_role("radio", name="SnelStart")).to_be_disabled()
        await tab_to(page, exact)
        await page.keyboard.press("Space")
        await expect(exact).to_be_checked()
        await expect(
            page.get_by_role("checkbox", name=re.compile("^Kapsalon Knip"))
        ).to_be_disabled()
        await expect(page.get_by_text(re.compile("1 actieve workflow"))).to_be_visible()
        for name in ("Bakkerij De Gouden Korst", "Fietsenmaker Jansen"):
            box = page.get_by_role("checkbox", name=re.compile(f"^{name}"))
            await tab_to(page, box)
            await page.keyboard.press("Space")
            await expect(box).to_be_checked()
        await no_serious_violations(page, "the choice of administrations")
        await tab_to(page, page.get_by_role("button", name="Volgende"))
        await page.keyboard.press("Enter")

        # Step 3: the recipients after her own address, which is in copy.
        step = page.get_by_role("heading", level=2, name=re.compile("Stap 3 van 3"))
        await expect(step).to_be_focused()
        await expect(page.locator(".chosen")).to_contain_text("U verplaatst 2 administraties")
        await expect(page.locator(".copy-address")).to_have_text(
            "anna@vandijk.example (uw adres, in kopie)"
        )
        first = page.get_by_role("textbox", name="Ontvanger 1")
        await tab_to(page, first)
        await page.keyboard.type("eva@bosman.example")
        # Checked by the API (checkRecipients) once complete, before anything is sent.
        await expect(page.locator(".recipient-list li").nth(1)).to_contain_text(
            "Gecontroleerd: een supergebruiker van de ontvangende omgeving."
        )
        await tab_to(page, page.get_by_role("button", name="Nog een ontvanger"))
        await page.keyboard.press("Enter")
        second = page.get_by_role("textbox", name="Ontvanger 2")
        await expect(second).to_be_focused()
        await page.keyboard.type("frank@bosman.example")  # a user, no superuser
        await expect(page.locator(".recipient-list li").nth(2)).to_contain_text(
            "Dit adres is niet van een actieve supergebruiker van een andere omgeving."
        )
        await no_serious_violations(page, "the recipients and terms")

        # Sent without the terms: nothing is offered; each refusal is at its field, and the
        # focus is on the first as the form reads (the refused recipient).
        await tab_to(page, page.get_by_role("button", name="Verzenden"))
        await page.keyboard.press("Enter")
        await expect(second).to_be_focused()
        await expect(second).to_have_attribute("aria-invalid", "true")
        await expect(page.get_by_role("alert").first).to_contain_text("Verbeter eerst de 2 punten")
        await expect(page.locator(".recipient-list li").nth(2)).to_contain_text(
            "Dit adres is niet van een actieve supergebruiker van een andere omgeving."
        )
        await expect(page.locator(".recipient-list li").nth(1)).to_contain_text(
            "Gecontroleerd: een supergebruiker van de ontvangende omgeving."
        )
        await expect(page.locator(".terms")).to_contain_text(
            "Ga eerst akkoord met de algemene voorwaarden."
        )
        await no_serious_violations(page, "the wizard's refusals")
        assert (await graphql(server, "{ offeredAdministrations { totalCount } }", {}, ANNA))[
            "offeredAdministrations"
        ]["totalCount"] == 0

        # She removes the second recipient, accepts the terms, and sends.
        await tab_to(page, page.get_by_role("button", name="Ontvanger 2 verwijderen"))
        await page.keyboard.press("Enter")
        await expect(first).to_be_focused()
        await expect(page.get_by_role("radio", name="Nederlands")).to_be_checked()
        terms = page.get_by_role("checkbox", name="Ik ga akkoord met de algemene voorwaarden.")
        await tab_to(page, terms)
        await page.keyboard.press("Space")
        await tab_to(page, page.get_by_role("button", name="Verzenden"))
        await page.keyboard.press("Enter")

        # The offer's page: the code, what became of the mail, the administrations offered.
        await expect(title(page, "Migratie-aanbod")).to_be_visible()
        assert "/migrations/offers/" in page.url
        news = page.get_by_role("status").first
        await expect(news).to_contain_text("Het aanbod is verstuurd.")
        await expect(news).to_be_focused()
        code_shown = page.locator(".big-code")
        await expect(code_shown).to_have_text(TRANSFER_CODE)
        code = await code_shown.inner_text()
        rows = page.locator(".panel table").first.locator("tbody tr")
        await expect(rows).to_have_count(2)
        await expect(rows.first).to_contain_text("Bakkerij De Gouden Korst")
        await expect(rows.first).to_contain_text("Aangeboden")
        deliveries = page.locator("section").filter(
            has=page.get_by_role("heading", name="Ontvangers", exact=True)
        )
        eva_row = deliveries.get_by_role("row", name=re.compile("eva@bosman.example"))
        await expect(eva_row).to_contain_text("Wordt verstuurd")
        await expect(deliveries).to_contain_text(
            "Aanvrager (in kopie van elke e-mail): Anna de Vries <anna@vandijk.example>"
        )
        await no_serious_violations(page, "the offer's page")

        # The mail worker delivers: the code is in Eva's mail, Anna has a copy, and the page
        # shows the delivery without a reload.
        assert await deliver(mail_settings, clock) == 1
        [offer_mail] = mails_to(smtp_server, "eva@bosman.example")
        assert "anna@vandijk.example" in offer_mail.envelope_to
        assert code in text_of(offer_mail)
        assert button_link(offer_mail) == mail_settings.code_entry_url
        await expect(eva_row).to_contain_text("Afgeleverd")

        # New recipients: Ruud too. Only he gets the mail; the trail records the change.
        await deliveries.get_by_role("button", name="Ontvangers wijzigen").click()
        form = deliveries.get_by_role("form", name="Ontvangers wijzigen")
        await expect(form.get_by_role("textbox", name="Ontvanger 1")).to_have_value(
            "eva@bosman.example"
        )
        await expect(form.get_by_role("textbox", name="Ontvanger 1")).to_be_focused()
        await expect(form.locator(".copy-address")).to_contain_text("(aanvrager, in kopie)")
        await form.get_by_role("button", name="Nog een ontvanger").click()
        await form.get_by_role("textbox", name="Ontvanger 2").fill("ruud@bosman")
        await form.get_by_role("button", name="Ontvangers opslaan").click()
        await expect(form.get_by_role("textbox", name="Ontvanger 2")).to_be_focused()
        await expect(form).to_contain_text("Dit is geen geldig e-mailadres.")
        await no_serious_violations(page, "changing the recipients")
        await form.get_by_role("textbox", name="Ontvanger 2").fill(RUUD)
        await form.get_by_role("button", name="Ontvangers opslaan").click()
        await expect(news).to_contain_text("De ontvangers zijn gewijzigd")
        await expect(form).to_be_hidden()
        ruud_row = deliveries.get_by_role("row", name=re.compile(RUUD))
        await expect(ruud_row).to_contain_text("Wordt verstuurd")
        assert await deliver(mail_settings, clock) == 1
        [to_ruud] = mails_to(smtp_server, RUUD)
        assert code in text_of(to_ruud)
        await expect(ruud_row).to_contain_text("Afgeleverd")

        # Sent again, to both.
        await deliveries.get_by_role("button", name="Opnieuw versturen").click()
        await expect(news).to_contain_text(f"opnieuw verstuurd aan eva@bosman.example, {RUUD}")
        assert await deliver(mail_settings, clock) == 1
        assert len(mails_to(smtp_server, RUUD)) == 2

        # Three days on, a later expiry: a day before the current one is refused at the field,
        # two days after it (within the validity from now) is kept at the same time of day.
        clock.advance(timedelta(days=3))
        before = await offer_page_of(server, "1001")
        # The date field reads days in the office's time zone.
        office = ZoneInfo(mail_settings.time_zone)
        expires = datetime.fromisoformat(before["expiresAt"]).astimezone(office)
        await page.get_by_role("button", name="Verloopdatum verlengen").click()
        day = page.get_by_label("Nieuwe verloopdatum")
        await expect(day).to_be_focused()
        await day.fill((expires.date() - timedelta(days=1)).isoformat())
        await page.get_by_role("button", name="Verlengen", exact=True).click()
        await expect(page.get_by_text(re.compile("^Kies een datum na de huidige"))).to_be_visible()
        await expect(day).to_have_attribute("aria-invalid", "true")
        later = expires.date() + timedelta(days=2)
        await day.fill(later.isoformat())
        await page.get_by_role("button", name="Verlengen", exact=True).click()
        await expect(news).to_contain_text("De verloopdatum is verlengd tot")
        after = await offer_page_of(server, "1001")
        extended = datetime.fromisoformat(after["expiresAt"]).astimezone(office)
        assert (extended.date(), extended.time()) == (later, expires.time())

        # The audit trail holds every step she took.
        trail = page.locator("section").filter(
            has=page.get_by_role("heading", name="Verloop", exact=True)
        )
        for step_name in ("Aangeboden", "Ontvangers gewijzigd", "Aanbod opnieuw verstuurd"):
            await expect(trail.get_by_role("rowheader", name=step_name).first).to_be_visible()
        await expect(trail.get_by_role("rowheader", name="Verloopdatum verlengd")).to_be_visible()

        # The overview's row leads to the same page.
        await page.get_by_role("link", name="Migratie overzicht").click()
        await page.get_by_role("link", name="Fietsenmaker Jansen").click()
        await expect(page.locator(".big-code")).to_have_text(code)

        # Eva receives 1001 and rejects 1002 with a reason (over the API); Anna's page follows
        # the move to its receipt without a reload, and the rejection's mail leads to the page.
        await receive_and_reject(server, code)
        await expect(rows.first).to_contain_text("In de wachtrij")
        await expect(rows.nth(1)).to_contain_text("Afgewezen")
        await expect(rows.nth(1)).to_contain_text("Al in onze administratie")
        await Mover(mail_settings, clock, files).run_until_idle()
        await expect(rows.first).to_contain_text("Voltooid")
        await expect(rows.first.get_by_role("progressbar")).to_have_attribute(
            "aria-valuetext", "5 van 5 documenten"
        )
        await expect(rows.first.locator(".receipt")).to_contain_text("Elk bestand teruggelezen")
        await no_serious_violations(page, "the offer's page with a receipt")
        await deliver(mail_settings, clock)
        [rejection] = [
            m
            for m in mails_to(smtp_server, "anna@vandijk.example")
            if m.message["Subject"].startswith("Administratie afgewezen")
        ]
        link = button_link(rejection)
        assert link == mail_settings.offer_page_url(before["id"])
        assert code.replace("-", "") not in link.replace("-", "")
        # A link from a mail opens a new tab, which signs in first and then shows the screen.
        mailed = await sign_in(seen, server.base_url, "Anna de Vries", urlsplit(link).path)
        await expect(title(mailed, "Migratie-aanbod")).to_be_visible()
        assert mailed.url == on_this_service(server, link)
        await expect(mailed.locator(".big-code")).to_have_text(code)

    # The receiver who follows the completion mail's button to the offer's page lands on their
    # own page of the same offer.
    [completion] = [
        m
        for m in mails_to(smtp_server, "eva@bosman.example")
        if m.message["Subject"].startswith("Overdracht voltooid")
    ]
    async with browsing(chromium, server.base_url, viewport=WIDE) as eva_seen:
        eva = await sign_in(
            eva_seen,
            server.base_url,
            "Eva Bosman",
            urlsplit(button_link(completion)).path,
        )
        await expect(title(eva, "Aanbod van Van Dijk Accountants (K10234)")).to_be_visible()
        assert eva.url == server.base_url + "/migrations/received/" + quote(before["id"], safe="")
        await expect(
            eva.get_by_role("article", name=re.compile("Bakkerij De Gouden Korst"))
        ).to_contain_text("Voltooid")
    assert seen.elsewhere == [] and eva_seen.elsewhere == []
    assert seen.problems == [] and eva_seen.problems == []


async def receive_and_reject(server: LiveServer, code: str) -> None:
    """Eva receives 1001 into her Exact Online connection and rejects 1002, with a reason."""
    await receive(server, code, "1001")
    offer = await offer_page_of(server, "1002")
    ids = {n["administrationCode"]: n["id"] for n in offer["administrations"]["nodes"]}
    rejected = await graphql(
        server,
        """mutation($input: RejectMigrationInput!) {
             rejectMigration(input: $input) { userErrors { code } } }""",
        {
            "input": {
                "transferCode": code,
                "migrationAdministrationIds": [ids["1002"]],
                "reason": "Al in onze administratie",
            }
        },
        EVA,
    )
    assert rejected["rejectMigration"]["userErrors"] == []


async def receive(server: LiveServer, code: str, administration: str) -> None:
    """Eva receives this administration into her Exact Online connection, over the API."""
    offer = await offer_page_of(server, administration)
    ids = {n["administrationCode"]: n["id"] for n in offer["administrations"]["nodes"]}
    mine = await graphql(server, "{ accountingConnections { nodes { id name } } }", {}, EVA)
    [exact] = [
        c["id"]
        for c in mine["accountingConnections"]["nodes"]
        if c["name"] == "Exact Online Bosman"
    ]
    claimed = await graphql(
        server,
        """mutation($input: ClaimMigrationInput!) {
             claimMigration(input: $input) { userErrors { code } } }""",
        {
            "input": {
                "transferCode": code,
                "acceptTerms": True,
                "termsVersion": TERMS_VERSION,
                "acceptCosts": True,
                "administrations": [
                    {"migrationAdministrationId": ids[administration], "connectionId": exact}
                ],
            }
        },
        EVA,
    )
    assert claimed["claimMigration"]["userErrors"] == []


@pytest.mark.usefixtures("web_build")
async def test_a_failed_move_says_why_and_is_retried_from_the_offers_page(
    offering_service, mail_settings, clock, files, chromium
):
    server = offering_service
    offered = await offer_over_api(server, ["1001"])
    await receive(server, offered["transferCode"], "1001")
    # Bosman is no longer on Premium when the move starts: it fails and says so.
    await Environment.filter(office_code="K20567").update(plan=Plan.STANDARD)
    await Mover(mail_settings, clock, files).run_until_idle()
    async with browsing(chromium, server.base_url, viewport=WIDE) as seen:
        page = await sign_in(seen, server.base_url, "Anna de Vries", offer_path(offered["id"]))
        administrations = page.locator("section").filter(
            has=page.get_by_role("heading", name=re.compile("^Administraties"))
        )
        row = administrations.get_by_role("row", name=re.compile("Bakkerij De Gouden Korst"))
        await expect(row).to_contain_text("Mislukt")
        await expect(row).to_contain_text("De ontvangende omgeving is niet (meer) Premium")
        retry = row.get_by_role(
            "button", name="Migratie van Bakkerij De Gouden Korst opnieuw proberen"
        )
        await expect(retry).to_be_visible()
        await expect(
            row.get_by_role("button", name="Bakkerij De Gouden Korst intrekken")
        ).to_be_visible()
        await expect(page.get_by_role("button", name="Hele aanbod intrekken")).to_be_visible()
        # An offer with nothing still offered has no recipients to change, send to or extend.
        await expect(page.get_by_role("button", name="Opnieuw versturen")).to_have_count(0)
        await expect(page.get_by_role("button", name="Verloopdatum verlengen")).to_have_count(0)
        await no_serious_violations(page, "a failed move on the offer's page")

        # Premium again, she retries: the row is queued, and follows the move to the end live.
        await Environment.filter(office_code="K20567").update(plan=Plan.PREMIUM)
        await retry.focus()
        await page.keyboard.press("Enter")
        await expect(row).to_contain_text("In de wachtrij")
        await expect(row.get_by_role("button")).to_have_count(0)
        await Mover(mail_settings, clock, files).run_until_idle()
        await expect(row).to_contain_text("Voltooid")
        await expect(row.locator(".receipt")).to_contain_text("5 documenten")
        trail = page.locator("section").filter(
            has=page.get_by_role("heading", name="Verloop", exact=True)
        )
        for step_name in ("Mislukt", "Opnieuw geprobeerd", "Voltooid"):
            await expect(trail.get_by_role("rowheader", name=step_name).first).to_be_visible()
    assert seen.elsewhere == [] and seen.problems == []


@pytest.mark.usefixtures("web_build")
async def test_anna_withdraws_a_whole_offer_from_its_page(
    offering_service, mail_settings, smtp_server, clock, chromium
):
    server = offering_service
    offered = await offer_over_api(server, ["2001"])
    async with browsing(chromium, server.base_url, viewport=WIDE) as seen:
        page = await sign_in(seen, server.base_url, "Anna de Vries", offer_path(offered["id"]))
        withdraw = page.get_by_role("button", name="Hele aanbod intrekken")
        await withdraw.focus()
        await page.keyboard.press("Enter")
        dialog = page.get_by_role("dialog", name="Aanbod intrekken")
        await expect(dialog.get_by_role("button", name="Annuleren")).to_be_focused()
        await no_serious_violations(page, "withdrawing a whole offer")
        await page.keyboard.press("Tab")
        await expect(dialog.get_by_role("button", name="Ja, alles intrekken")).to_be_focused()
        await page.keyboard.press("Enter")
        news = page.get_by_role("status").first
        await expect(news).to_have_text("Het aanbod is ingetrokken.")
        await expect(news).to_be_focused()
        row = page.locator("tr[data-status]")
        await expect(row).to_contain_text("Ingetrokken")
        for gone in ("Hele aanbod intrekken", "Opnieuw versturen", "Ontvangers wijzigen"):
            await expect(page.get_by_role("button", name=gone)).to_have_count(0)
    assert seen.elsewhere == [] and seen.problems == []
    await deliver(mail_settings, clock)
    [withdrawal] = [
        m for m in mails_to(smtp_server, "eva@bosman.example") if "ingetrokken" in text_of(m)
    ]
    assert urlsplit(button_link(withdrawal)).path == offer_path(offered["id"])


# -- screenshots for the docs ------------------------------------------------------------------


async def offer_over_api(server: LiveServer, codes: list[str]) -> dict[str, Any]:
    """Anna offers these administrations to Eva, over HTTP."""
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


@pytest.mark.skipif(
    not os.environ.get("OVERDRACHT_SCREENSHOTS"),
    reason="saves docs/screenshots/*.png only when OVERDRACHT_SCREENSHOTS=1",
)
@pytest.mark.usefixtures("web_build")
async def test_screenshots_of_the_offering_screens(
    offering_service, mail_settings, clock, files, chromium
):
    server = offering_service
    standing = await offer_over_api(server, ["2001"])
    moved = await offer_over_api(server, ["1001", "1002"])
    await receive_and_reject(server, moved["transferCode"])
    await Mover(mail_settings, clock, files).run_until_idle()
    await deliver(mail_settings, clock)
    for width, viewport in (("wide", WIDE), ("narrow", NARROW)):
        for language in ("nl", "en"):
            async with browsing(chromium, server.base_url, viewport=viewport) as seen:
                page = await seen.new_page()
                await page.goto(server.base_url + "/migrations/offer")
                if language == "en":
                    await page.get_by_role("button", name="Switch to English").click()
                await page.get_by_role("button", name=re.compile("^Anna de Vries")).first.click()
                await expect(page.locator("ul.blocked").first).to_be_visible()
                await save(page, f"offer-checklist-{language}-{width}")
                await page.locator(".check-box input").check()
                await page.locator(".wizard-buttons .primary").click()
                await page.locator("input[type=radio]").first.check()
                await page.locator(".choice input[type=checkbox]:enabled").first.check()
                await save(page, f"offer-choose-{language}-{width}")
                await page.locator(".wizard-buttons .primary").click()
                await page.locator(".recipient-list input").first.fill("eva@bosman.example")
                await page.locator(".recipients > button").click()
                await page.locator(".recipient-list input").nth(1).fill("frank@bosman.example")
                await page.locator(".wizard-buttons .primary").click()
                await expect(page.locator(".terms .field-error")).to_be_visible()
                await save(page, f"offer-refused-{language}-{width}")
                for name, migration in (("offer-page", standing), ("offer-moved", moved)):
                    await page.goto(server.base_url + offer_path(migration["id"]))
                    await expect(page.locator(".big-code")).to_be_visible()
                    await expect(page.locator(".delivery").first).to_be_visible()
                    await save(page, f"{name}-{language}-{width}")
            assert seen.elsewhere == [] and seen.problems == []
