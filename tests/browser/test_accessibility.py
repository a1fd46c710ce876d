"""axe-core (bundled with axe-playwright-python, run in Debian's Chromium) finds no
violation of the WCAG 2.0 and 2.1 A and AA rules on any page type, in French, English
and Arabic."""

import re

import pytest

from tests.pages import LANGUAGES, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_a_or_aa_violation_on_any_page_type(live_demo, open_page, language):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = open_page(locale=language)
    problems = []
    for path in PAGE_TYPES:
        page.goto(f"{live_demo.url}/{language}{path}")
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
