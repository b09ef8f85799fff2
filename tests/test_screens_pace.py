"""A running move's time left and speed on the screens, from the API's pace, live."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from api.screens import DEFAULT_DIRECTORY
from models.enums import MigrationStatus
from tests.browser import browsing
from tests.live_server import LiveServer, start_server
from tests.scenarios import Case, Scenario, bring_to
from worker.mover import Mover

expect.set_options(timeout=20_000)


@pytest.fixture
def web_build() -> Path:
    """The screens as `./dev test` builds them."""
    if not (DEFAULT_DIRECTORY / "index.html").is_file():
        pytest.skip("web/ is not built: ./dev test builds it (npm ci && npm run build in web/)")
    return DEFAULT_DIRECTORY


@pytest.fixture
async def server(settings, clock, files, web_build) -> AsyncIterator[LiveServer]:
    """The scenario's service, serving the screens too."""
    async with start_server(settings.with_overrides(web_dir=web_build), clock, files) as live:
        yield live


async def signed_in(page: Page, token: str, language: str) -> None:
    """The page's session holds the token and the language before the screens start."""
    await page.add_init_script(
        f"sessionStorage.setItem('overdracht.token', {json.dumps(token)});"
        f"sessionStorage.setItem('overdracht.language', {json.dumps(language)});"
    )


async def report(case: Case, engine: Mover, done: int, total: int) -> None:
    """The worker's heartbeat as a verified batch reports it."""
    assert case.held is not None
    await engine._heartbeat(case.held, documents_total=total, documents_done=done)


async def test_the_bars_say_the_time_left_and_the_speed_and_follow_the_move(
    scenario: Scenario, settings, clock, files, chromium
):
    engine = Mover(settings, clock, files, batch_size=1)
    case = await bring_to(MigrationStatus.RUNNING, scenario, engine, clock, scenario.ready[:1])
    name = scenario.ready[0].name
    # 100 of 100,000 documents after 10 s: 10 per second, 9,990 s (almost 3 hours) to go; in
    # hours, so the seconds this test takes in the browser's own time change nothing.
    await report(case, engine, done=0, total=100_000)
    clock.advance(timedelta(seconds=10))
    await report(case, engine, done=100, total=100_000)
    migration_id = case.migration["id"]
    async with browsing(chromium, scenario.server.base_url) as seen:
        anna = await seen.new_page()
        await signed_in(anna, scenario.token, "nl")
        await anna.goto(scenario.server.base_url + "/migrations")
        row = anna.get_by_role("row").filter(has_text=name)
        await expect(row.locator(".progress-eta")).to_contain_text("nog ongeveer 3 uur")
        await expect(row.locator(".progress-rate")).to_have_text("10 documenten per seconde")

        offer_page = await seen.new_page()
        await signed_in(offer_page, scenario.token, "nl")
        await offer_page.goto(f"{scenario.server.base_url}/migrations/offers/{migration_id}")
        on_offer = offer_page.locator("tr[data-status]").filter(has_text=name)
        eta = on_offer.locator(".progress-eta")
        await expect(eta).to_contain_text("nog ongeveer 3 uur")
        await expect(eta).to_have_attribute("title", "10 documenten per seconde")
        bar = on_offer.get_by_role("progressbar")
        await expect(bar).to_have_attribute("aria-valuetext", re.compile("nog ongeveer 3 uur$"))

        eva = await seen.new_page()
        await signed_in(eva, scenario.target_token, "en")
        await eva.goto(f"{scenario.server.base_url}/migrations/received/{migration_id}")
        received = eva.get_by_role("article", name=re.compile(name))
        await expect(received.locator(".progress-eta")).to_contain_text("about 3 hours left")
        await expect(received.locator(".progress-rate")).to_have_text("10 documents per second")

        # The move slows down: every screen follows without a reload. 200 done after 1,000 s
        # is 0.2 per second, 99,800 documents and some 139 hours to go.
        clock.advance(timedelta(seconds=990))
        await report(case, engine, done=200, total=100_000)
        await expect(row.locator(".progress-eta")).to_contain_text("nog ongeveer 139 uur")
        await expect(eta).to_contain_text("nog ongeveer 139 uur")
        await expect(received.locator(".progress-rate")).to_have_text("0.2 documents per second")

        # Done (by the next attempt, after this worker's lease ran out): no time left is said.
        clock.advance(settings.move_lease)
        await engine.run_until_idle()
        await expect(on_offer).to_contain_text("Voltooid")
        await expect(on_offer.locator(".progress-eta")).to_have_count(0)
        await expect(row.locator(".progress-eta")).to_have_count(0)
        await expect(received.locator(".progress-eta")).to_have_count(0)
        assert seen.problems == [] and seen.elsewhere == []
