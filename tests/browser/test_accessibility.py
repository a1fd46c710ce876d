"""axe-core (bundled with axe-playwright-python, run in Debian's Chromium) finds no
violation of the WCAG 2.0 and 2.1 A and AA rules on any page type, nor on any form in
its error state, in French, English and Arabic."""

import re

import pytest

from tests.pages import FORMS_IN_ERROR, LANGUAGES, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_a_or_aa_violation_on_any_page_type(live_demo, open_page, language):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = open_page(locale=language)
    problems = []
    for path, typed in [(path, {}) for path in PAGE_TYPES] + FORMS_IN_ERROR:
        page.goto(f"{live_demo.url}/{language}{path}")
        if typed:
            for name, value in typed.items():
                page.fill(f"main form [name={name}]", value)
            with page.expect_navigation():
                page.click("main form [type=submit]")
            path += " (error state)"
            assert page.locator("main .errorlist").count(), f"no error shown on {path}"
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{language}{path}: {violation['id']} {targets}")
    assert not problems, "\n".join(problems)


def test_axe_would_see_a_violation(live_demo, open_page):
    """The check can fail: an image without alternative text is reported."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_page()
    page.goto(f"{live_demo.url}/en/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x>')")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert "image-alt" in {v["id"] for v in results.response["violations"]}
    assert re.search(r"image-alt", str(results.response["violations"]))
