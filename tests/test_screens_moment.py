"""A move at a chosen moment in a browser: Eva receives 1001 to move no sooner than two days
ahead, both sides see that moment in the office's time, the worker leaves it queued, and Eva
moves the moment to an hour ahead, then clears it, after which the move starts. Every request
outside the service is refused, and axe-core runs on the new fields and form.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.async_api import Page, expect

from models.enums import MigrationStatus
from tests.browser import browsing
from tests.live_server import LiveServer
from tests.test_screens import (
    ANNA,
    EVA,
    WIDE,
    graphql,
    no_serious_violations,
    title,
    web_build,  # noqa: F401  (a fixture)
)
from tests.test_screens_receiving import (
    OFFICE,
    offered,  # noqa: F401  (a fixture)
    receivable_statuses,
    sign_in_as_eva,
)
from worker.mover import Mover

MOMENT_FIELD = "Niet verhuizen vóór (optioneel)"


async def office_zone(server: LiveServer, token: str) -> ZoneInfo:
    """The time zone the office reads its times in, as the API says."""
    found = await graphql(server, "{ viewer { environment { timeZone } } }", {}, token)
    return ZoneInfo(found["viewer"]["environment"]["timeZone"])


def typed(moment: datetime, zone: ZoneInfo) -> str:
    """What a datetime-local field holds for a moment, on the office's wall clock."""
    return moment.astimezone(zone).strftime("%Y-%m-%dT%H:%M")


def shown(moment: datetime, zone: ZoneInfo) -> re.Pattern[str]:
    """'niet vóór 9 dec 16:05' as the screens say a moment, whatever the month's abbreviation."""
    local = moment.astimezone(zone)
    return re.compile(rf"niet vóór {local.day} \w+\.? {local:%H:%M}")


async def sign_in_as_anna(page: Page, server: LiveServer, path: str) -> None:
    await page.goto(server.base_url + path)
    await (
        page.get_by_role("button", name=re.compile("^Anna de Vries"))
        .filter(has_not_text="alleen lezen")
        .click()
    )


async def moment_of_1001(server: LiveServer) -> str | None:
    """1001's notBefore as Eva's API gives it."""
    found = await graphql(
        server,
        "query($s: String) { receivableAdministrations(search: $s) "
        "{ nodes { administrationCode notBefore } } }",
        {"s": "1001"},
        EVA,
    )
    [row] = [
        n for n in found["receivableAdministrations"]["nodes"] if n["administrationCode"] == "1001"
    ]
    moment: str | None = row["notBefore"]
    return moment


async def test_eva_chooses_changes_and_clears_the_moment_of_a_move(offered, chromium):  # noqa: F811
    server = offered.server
    zone = await office_zone(server, EVA)
    now = offered.clock.now()
    two_days = (now + timedelta(days=2)).replace(second=0)
    mover = Mover(offered.settings, offered.clock, offered.files)
    async with browsing(chromium, server.base_url, viewport=WIDE) as seen:
        page = await seen.new_page()
        await sign_in_as_eva(page, server, "/receive")
        field = page.get_by_role("textbox", name="Overdrachtscode")
        await field.fill(offered.code)
        await field.press("Enter")
        await expect(
            page.get_by_role("heading", name=f"Aanbod van {OFFICE}", level=2)
        ).to_be_focused()
        korst = page.get_by_role("group", name=re.compile("Bakkerij De Gouden Korst"))
        await korst.get_by_role("radio", name="Ontvangen").check()

        # The moment field: labelled, its hint named as its description, typed in office time.
        moment = korst.get_by_label(MOMENT_FIELD)
        await expect(moment).to_have_attribute("type", "datetime-local")
        await expect(moment).to_have_accessible_description(re.compile(str(zone)))
        await no_serious_violations(page, "the preview with a moment field")

        # Too far ahead: refused at the field, the focus there, nothing received.
        await moment.fill(typed(now + timedelta(days=40), zone))
        await page.get_by_role("checkbox", name="Ik ga akkoord met de algemene voorwaarden").check()
        await page.get_by_role(
            "checkbox", name=re.compile("^Ik ga akkoord met de migratiekosten")
        ).check()
        await page.get_by_role("button", name="Versturen").click()
        await expect(moment).to_be_focused()
        await expect(moment).to_have_attribute("aria-invalid", "true")
        await expect(moment).to_have_accessible_description(
            re.compile("Dit moment ligt te ver vooruit.")
        )
        assert await receivable_statuses(server) == {"1001": "OFFERED", "1002": "OFFERED"}
        await no_serious_violations(page, "a refused moment")

        # Two days ahead, typed by keyboard into the same field: received with that moment.
        await moment.fill(typed(two_days, zone))
        await page.get_by_role("button", name="Versturen").click()
        await expect(page.get_by_role("heading", name="Verstuurd", level=2)).to_be_focused()
        assert await receivable_statuses(server) == {"1001": "QUEUED", "1002": "OFFERED"}
        stored = await moment_of_1001(server)
        assert stored is not None and datetime.fromisoformat(stored) == two_days

        # Eva's page says when it starts at the earliest; the worker leaves it queued.
        await page.get_by_role("link", name="Volg de migratie").click()
        await expect(title(page, f"Aanbod van {OFFICE}")).to_be_focused()
        item = page.get_by_role("article", name=re.compile("Bakkerij De Gouden Korst"))
        await expect(item.locator(".status")).to_have_text("In de wachtrij")
        await expect(item).to_contain_text(re.compile(r"begint " + shown(two_days, zone).pattern))
        assert await mover.run_until_idle() == []
        await expect(item.locator(".status")).to_have_text("In de wachtrij")

        # Anna's offer page and her overview show the same moment under the status.
        anna = await seen.new_page()
        migration_id = await migration_of_1001(server)
        await sign_in_as_anna(anna, server, f"/migrations/offers/{migration_id}")
        administrations = anna.locator("section").filter(
            has=anna.get_by_role("heading", name=re.compile("^Administraties"))
        )
        row = administrations.get_by_role("row", name=re.compile("Bakkerij De Gouden Korst"))
        await expect(row).to_contain_text(shown(two_days, zone))
        await anna.goto(server.base_url + "/migrations")
        listed = anna.get_by_role("row", name=re.compile("Bakkerij De Gouden Korst"))
        await expect(listed).to_contain_text(
            re.compile("In de wachtrij · " + shown(two_days, zone).pattern)
        )

        # Changed by keyboard: the form opens on the field holding the moment now.
        one_hour = (now + timedelta(hours=1)).replace(second=0) + timedelta(minutes=1)
        change = item.get_by_role("button", name="Verhuismoment wijzigen: Bakkerij De Gouden Korst")
        await expect(change).to_have_attribute("aria-expanded", "false")
        await change.focus()
        await page.keyboard.press("Enter")
        await expect(change).to_have_attribute("aria-expanded", "true")
        form = item.get_by_role("form", name="Verhuismoment wijzigen: Bakkerij De Gouden Korst")
        field_now = form.get_by_label(MOMENT_FIELD)
        await expect(field_now).to_be_focused()
        await expect(field_now).to_have_value(typed(two_days, zone))
        await no_serious_violations(page, "the reschedule form")
        await page.keyboard.press("Escape")
        await expect(form).to_have_count(0)
        await expect(change).to_be_focused()

        # An hour ago is refused at the field; an hour ahead is saved and said.
        await page.keyboard.press("Enter")
        await field_now.fill(typed(now - timedelta(hours=1), zone))
        await form.get_by_role("button", name="Moment opslaan").click()
        await expect(field_now).to_have_attribute("aria-invalid", "true")
        await expect(field_now).to_have_accessible_description(
            re.compile("Dit moment ligt in het verleden")
        )
        await no_serious_violations(page, "the reschedule form with a refusal")
        await field_now.fill(typed(one_hour, zone))
        await form.get_by_role("button", name="Moment opslaan").press("Enter")
        news = page.get_by_role("status").filter(has_text="begint niet vóór")
        await expect(news).to_be_focused()
        await expect(form).to_have_count(0)
        await expect(item).to_contain_text(shown(one_hour, zone))
        await expect(item).not_to_contain_text(shown(two_days, zone))
        stored = await moment_of_1001(server)
        assert stored is not None and datetime.fromisoformat(stored) == one_hour
        assert await mover.run_until_idle() == []

        # In English: the same moment, and the button in its words.
        await page.get_by_role("button", name="Switch to English").click()
        local = one_hour.astimezone(zone)
        await expect(item).to_contain_text(
            re.compile(rf"does not start before {local.day} \w+\.? {local:%H:%M}")
        )
        await expect(
            item.get_by_role("button", name="Change the moving moment: Bakkerij De Gouden Korst")
        ).to_be_visible()
        await page.get_by_role("button", name="Schakel over naar Nederlands").click()

        # Cleared: it starts as soon as there is room, and the worker starts it.
        await change.click()
        await form.get_by_role("button", name="Moment wissen").click()
        await expect(
            page.get_by_role("status").filter(has_text="begint zodra er plaats is")
        ).to_be_focused()
        await expect(item).to_contain_text("de migratie begint zodra er plaats is")
        assert await moment_of_1001(server) is None
        await anna.reload()
        await expect(listed.locator(".status")).to_have_text("In de wachtrij")
        await expect(listed).not_to_contain_text("niet vóór")

        assert await mover.run_until_idle() == [MigrationStatus.COMPLETED]
        await expect(item.locator(".status")).to_have_text("Voltooid")
        await expect(item.get_by_role("button", name=re.compile("^Verhuismoment"))).to_have_count(0)

    assert seen.elsewhere == []
    assert seen.problems == []


async def migration_of_1001(server: LiveServer) -> str:
    found = await graphql(
        server,
        "query($s: String) { offeredAdministrations(search: $s) "
        "{ nodes { administrationCode migration { id } } } }",
        {"s": "1001"},
        ANNA,
    )
    [row] = [
        n for n in found["offeredAdministrations"]["nodes"] if n["administrationCode"] == "1001"
    ]
    migration_id: str = row["migration"]["id"]
    return migration_id
