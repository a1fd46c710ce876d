"""Keyboard-only use (skip link, visible focus, search to a practice) and printing."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, text: e.innerText || '', id: e.id, href: e.getAttribute('href'),
                outline: s.outlineStyle, outlineWidth: s.outlineWidth}; }"""
    )


def test_keyboard_only_search_reaches_a_practice(live_demo, open_page):
    page = open_page(locale="en-GB")
    page.goto(live_demo.url + "/en/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["href"] == "#main" and "Skip to content" in first["text"]
    assert first["outline"] != "none" and first["outlineWidth"] != "0px"  # visible focus

    for _ in range(40):  # tab forward to the header's search box
        page.keyboard.press("Tab")
        if focused(page)["id"] == "site-q":
            break
    assert focused(page)["id"] == "site-q"
    page.keyboard.type("labour inspection")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=labour"))

    for _ in range(80):  # tab to the first result's link
        page.keyboard.press("Tab")
        if (focused(page)["href"] or "").endswith("/practices/brazil-labour-inspection/"):
            break
    assert focused(page)["href"].endswith("/practices/brazil-labour-inspection/")
    assert focused(page)["outline"] != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/practices/brazil-labour-inspection/$"))


def test_printed_practice_pages_keep_the_content_and_drop_the_navigation(live_demo, open_page):
    page = open_page(javascript=False)
    page.goto(live_demo.url + "/fr/practices/brazil-labour-inspection/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").first.is_visible()
    assert not page.locator("form.site-search").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator("section.facts").is_visible()
    pdf = page.pdf()  # headless Chromium prints
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
