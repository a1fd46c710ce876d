"""The page shown over a rate limit passes axe-core (WCAG 2.0/2.1 A and AA) in French,
English and Arabic, and its button sends the kept form again."""

import pytest

from tests.browser.axe import axe_violations, follow

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_the_too_many_requests_page_has_no_wcag_violation(live_demo, open_page, settings, language):
    settings.GCMHUB_RATE_LIMITS = {**settings.GCMHUB_RATE_LIMITS, "password_reset": "1/h"}
    page = open_page(locale=language)
    for _ in range(2):
        page.goto(f"{live_demo.url}/{language}/account/password/reset/")
        page.fill("input[name=email]", "someone@example.org")
        follow(page, "main form button[type=submit]")
    assert page.locator("main h1").count() == 1
    problems = axe_violations(page)
    follow(page, "main form button[type=submit]")  # sends the kept address again
    assert page.locator("main input[type=hidden][name=email]").get_attribute("value") == (
        "someone@example.org"
    )
    assert not problems, "\n".join(problems)
