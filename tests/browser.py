"""Debian's Chromium through Playwright, for the browser tests: one fixture and a few helpers.

A test's browser may reach the service under test only: every other request is refused and
recorded, so a page that would load a font, a script or an icon from elsewhere fails its test.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Route,
    async_playwright,
)

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
AXE = Path(__file__).resolve().parent.parent / "web" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
async def chromium() -> AsyncIterator[str]:
    """The system's Chromium (OVERDRACHT_TEST_CHROMIUM, or the first on PATH).

    The browser the tests share is closed after the run.
    """
    found = os.environ.get("OVERDRACHT_TEST_CHROMIUM") or next(
        (path for name in BROWSERS if (path := shutil.which(name))), None
    )
    if not found:
        pytest.skip(
            "no Chromium on this machine: install Debian's chromium (./dev test does so when "
            "it runs as root with apt-get) or set OVERDRACHT_TEST_CHROMIUM"
        )
    yield found
    await _SHARED.close()


@dataclass
class Browsing:
    """What a test's browser did: requests it was refused, and errors its pages reported."""

    context: BrowserContext
    elsewhere: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    async def new_page(self) -> Page:
        """A page whose console errors and uncaught exceptions are recorded."""
        page = await self.context.new_page()
        page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: self.problems.append(str(error)))
        return page


@dataclass
class SharedChromium:
    """One Chromium process for the run: a launch costs a second or more, a context far less."""

    playwright: Playwright | None = None
    browser: Browser | None = None

    async def launch(self, chromium: str) -> Browser:
        """A new Chromium process of the run's Playwright."""
        if self.playwright is None:
            self.playwright = await async_playwright().start()
        return await self.playwright.chromium.launch(executable_path=chromium, headless=True)

    @contextlib.asynccontextmanager
    async def lent(self, chromium: str) -> AsyncIterator[Browser]:
        """The shared browser when no test's context is open in it; another while it is, so
        two users side by side in a test have a browser each, as they would."""
        if self.browser is None or not self.browser.is_connected():
            self.browser = await self.launch(chromium)
        if not self.browser.contexts:
            yield self.browser
            return
        own = await self.launch(chromium)
        try:
            yield own
        finally:
            await own.close()

    async def close(self) -> None:
        """Close the browser and stop Playwright."""
        if self.browser is not None:
            await self.browser.close()
            self.browser = None
        if self.playwright is not None:
            await self.playwright.stop()
            self.playwright = None


_SHARED = SharedChromium()


@contextlib.asynccontextmanager
async def browsing(chromium: str, base_url: str, **context_options: Any) -> AsyncIterator[Browsing]:
    """A fresh headless Chromium context that may reach `base_url` and nothing else.

    A context has cookies, storage and cache of its own, as a new browser profile has; it is
    closed when the block ends.
    """
    async with _SHARED.lent(chromium) as browser:
        context = await browser.new_context(**context_options)
        try:
            context.set_default_timeout(20_000)
            seen = Browsing(context)

            async def only_this_service(route: Route) -> None:
                if route.request.url.startswith(base_url + "/"):
                    await route.continue_()
                else:
                    seen.elsewhere.append(route.request.url)
                    await route.abort()

            await context.route("**/*", only_this_service)
            yield seen
        finally:
            await context.close()


async def serious_accessibility_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now.

    axe-core comes from web/node_modules (a devDependency of the screens) and runs through the
    DevTools protocol, which the page's Content-Security-Policy does not govern.
    """
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed: run `npm ci` in web/ ({AXE} is missing)")
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        await page.evaluate(AXE.read_text(encoding="utf-8"))
    found = await page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + json.dumps([node["target"] for node in v["nodes"]])
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
