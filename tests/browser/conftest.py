"""Debian's Chromium driven by Playwright (never `playwright install`: it downloads a
browser). Missing Chromium skips loudly, or fails under GCMHUB_REQUIRE_ALL=1."""

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.tools import require_tool

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# The live server's hosts: a page asking anything of another host makes a third-party request.
OWN_HOSTS = {"localhost", "127.0.0.1"}


def third_party(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in OWN_HOSTS


@pytest.fixture
def open_page():
    """A function opening a fresh page: `javascript` on or off, a `locale`, a `viewport`.
    Every request any of its pages makes is recorded: a third-party one fails the test."""
    require_tool(
        CHROMIUM.exists() and shutil.which(str(CHROMIUM)) is not None,
        "Chromium at /usr/bin/chromium (apt-get install chromium)",
    )
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        contexts = []
        requested = []

        def open_(*, javascript=True, locale="en-GB", viewport=None):
            context = browser.new_context(
                java_script_enabled=javascript,
                locale=locale,
                viewport=viewport or {"width": 1280, "height": 800},
            )
            context.set_default_timeout(15_000)
            context.on("request", lambda request: requested.append(request.url))
            contexts.append(context)
            return context.new_page()

        try:
            yield open_
        finally:
            for context in contexts:
                context.close()
            browser.close()
        assert requested, "no request was recorded"
        foreign = sorted({url for url in requested if third_party(url)})
        assert not foreign, f"third-party requests: {foreign}"


@pytest.fixture
def page(open_page):
    """A page with JavaScript disabled: everything must work without it."""
    return open_page(javascript=False)
