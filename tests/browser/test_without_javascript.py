"""A newcomer with JavaScript disabled finds, filters and reads practices in a real browser."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def brazil_titles(live_demo):
    """Read before the browser starts: Playwright's sync API runs an event loop in this
    thread, and Django refuses database queries while one is running."""
    from gcmhub.catalog.models import Item

    item = Item.objects.get(slug="brazil-labour-inspection")
    return {
        code: item.safe_translation_getter("title", language_code=code) for code in ("en", "fr")
    }


def test_newcomer_without_javascript_browses_objective_10_and_switches_to_french(
    live_demo, brazil_titles, page, tmp_path
):
    from playwright.sync_api import expect

    title = brazil_titles["en"]
    page.goto(live_demo.url + "/en/")

    browse = page.locator('section[aria-labelledby="browse"]')
    expect(browse.get_by_role("heading", name="Browse by objective")).to_be_visible()
    browse.get_by_role("link").filter(
        has=page.locator(".num", has_text=re.compile(r"^10$"))
    ).click()

    page.wait_for_url(live_demo.url + "/en/objectives/10/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Objective 10")

    tabs = page.get_by_role("navigation", name="Kinds of content")
    tabs.get_by_role("link", name=re.compile(r"^Practices")).click()
    expect(tabs.locator('a[aria-current="page"]')).to_contain_text("Practices")
    practice = page.locator(".results").get_by_role("link", name=title, exact=True)
    expect(practice).to_be_visible()

    practice.click()
    page.wait_for_url(live_demo.url + "/en/practices/brazil-labour-inspection/")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    page.wait_for_url(live_demo.url + "/fr/practices/brazil-labour-inspection/")
    assert page.locator("html").get_attribute("lang") == "fr"
    expect(page.get_by_role("heading", level=1)).to_have_text(brazil_titles["fr"])

    response = page.goto(live_demo.url + "/fr/objectives/10/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text("Objectif 10")
    screenshot = tmp_path / "objective-10-fr.png"
    page.screenshot(path=str(screenshot), full_page=True)
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10 * 1024


def test_newcomer_without_javascript_filters_practices_by_region(live_demo, page):
    from playwright.sync_api import expect

    page.goto(live_demo.url + "/en/practices/")
    count = page.locator(".results p.count")
    before = count.inner_text()
    assert re.fullmatch(r"\d+ items?", before)

    facets = page.locator("aside.facets")
    facets.get_by_role("link", name=re.compile(r"^Americas \(\d+\)$")).click()

    page.wait_for_url(re.compile(r".*[?&]region=americas(&|$)"))
    expect(count).not_to_have_text(before)
    after = count.inner_text()
    assert int(after.split()[0]) < int(before.split()[0])
    expect(facets.locator('a[aria-current="true"]')).to_contain_text("Americas")
