"""axe-core (bundled with axe-playwright-python, run in Debian's Chromium) finds no
violation of the WCAG 2.0 and 2.1 A and AA rules on any page type, nor on any form in
its error state, in French, English and Arabic."""

import re

import pytest

from tests.browser.axe import WCAG, axe_violations, follow
from tests.pages import CURATOR_PAGE_TYPES, FORMS_IN_ERROR, LANGUAGES, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_a_or_aa_violation_on_any_page_type(live_demo, open_page, language):
    page = open_page(locale=language)
    problems = []
    for path, typed in [(path, {}) for path in PAGE_TYPES] + FORMS_IN_ERROR:
        page.goto(f"{live_demo.url}/{language}{path}")
        if typed:
            for name, value in typed.items():
                page.fill(f"main form [name={name}]", value)
            follow(page, "main form [type=submit]")
            path += " (error state)"
            assert page.locator("main .errorlist, main [aria-invalid=true]").count(), (
                f"no error shown on {path}"
            )
        problems += axe_violations(page, f"{language}{path}")
    assert not problems, "\n".join(problems)


@pytest.fixture
def curator_account(live_demo, make_user):
    """Made before the browser starts (Django refuses queries inside Playwright's loop)."""
    make_user("curator", username="axe-curator", password="a-long-test-passphrase")
    return live_demo


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_a_or_aa_violation_on_the_curators_pages(curator_account, open_page, language):
    """Signed in as a curator: every page of CURATOR_PAGE_TYPES, and each form submitted
    empty, so its error state is checked too."""
    live_demo = curator_account
    page = open_page(locale=language)
    page.goto(f"{live_demo.url}/{language}/account/login/")
    page.fill("input[name=username]", "axe-curator")
    page.fill("input[name=password]", "a-long-test-passphrase")
    follow(page, "main button[type=submit]")
    problems = []
    for path, form_path in CURATOR_PAGE_TYPES:
        page.goto(f"{live_demo.url}/{language}{path}")
        assert "/account/login/" not in page.url, "the curator is not signed in"
        problems += axe_violations(page, f"{language}{path}")
        if form_path:
            for field in page.query_selector_all(
                f"{form_path} input[type=text], {form_path} textarea"
            ):
                field.fill("")
            follow(page, f"{form_path} button[type=submit]")
            assert page.query_selector("[aria-invalid=true]"), f"{path}: no error shown"
            problems += axe_violations(page, f"{language}{path} (errors)")
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
