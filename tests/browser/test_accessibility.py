"""axe-core (bundled with axe-playwright-python, run in Debian's Chromium) finds no
violation of the WCAG 2.0 and 2.1 A and AA rules on any page type, nor on any form in
its error state, in French, English and Arabic, signed out and signed in as each role."""

import re

import pytest

from tests.browser.axe import WCAG, axe_violations, follow, session_of, signed_in
from tests.pages import (
    CURATOR_PAGE_TYPES,
    FORMS_IN_ERROR,
    LANGUAGES,
    PAGE_TYPES,
    SIGNED_IN_FORMS_IN_ERROR,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check_pages(page, base: str, pages: list[tuple[str, dict]], label: str) -> list[str]:
    """axe's findings on each (path, typed) page; a form is first filled with what is
    typed (field name → value) and submitted, and the page that comes back is checked."""
    problems = []
    for path, typed in pages:
        page.goto(base + path)
        assert "/account/login/" not in page.url or path.startswith("/account/login/"), (
            f"{path}: not signed in"
        )
        if typed:
            for name, value in typed.items():
                page.fill(f"main form [name={name}]", value)
            follow(page, "main form [type=submit]")
            path += " (error state)"
            assert page.locator("main .errorlist, main [aria-invalid=true]").count(), (
                f"no error shown on {path}"
            )
        problems += axe_violations(page, f"{label}{path}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_a_or_aa_violation_on_any_page_type(live_demo, open_page, language):
    page = open_page(locale=language)
    pages = [(path, {}) for path in PAGE_TYPES] + FORMS_IN_ERROR
    problems = check_pages(page, f"{live_demo.url}/{language}", pages, language)
    assert not problems, "\n".join(problems)


ROLES = ["contributor", "reviewer", "curator", "administrator"]
# Signed in, every page gains the same account navigation, whatever the role: one page
# of each kind (home, a practice, a filtered list, search) shows it for the rest of the
# public site. The role changes the markup of the dashboard (submissions, reviews, the
# curators' queue), the account page (roles, tokens) and the calls (curators get links to
# create and edit, and see unpublished calls): each role sees those, and the curator the
# curators' own pages. 4 + 4 × 4 pages per language, rather than every page type once per
# role. (The review workflow's pages, as submitter, reviewer and curator, are checked in
# test_review_accessibility.py, the roster's in test_roster_pages.py.)
SIGNED_IN_PAGE_TYPES = [
    "/",
    "/practices/brazil-labour-inspection/",
    "/practices/?region=americas",
    "/search/?q=traite",
]
ROLE_PAGE_TYPES = [
    "/calls/",
    "/calls/call-for-practices-trafficking-2024/",
    "/dashboard/",
    "/account/",
]


def check_curator_pages(page, base: str, label: str) -> list[str]:
    """axe's findings on every page of CURATOR_PAGE_TYPES, and on each form submitted with
    its text emptied, so its error state is checked too."""
    problems = []
    for path, form in CURATOR_PAGE_TYPES:
        page.goto(base + path)
        assert "/account/login/" not in page.url, "the curator is not signed in"
        problems += axe_violations(page, f"{label}{path}")
        for field in page.query_selector_all(f"{form} input[type=text], {form} textarea"):
            field.fill("")
        follow(page, f"{form} button[type=submit]")
        assert page.query_selector("[aria-invalid=true]"), f"{path}: no error shown"
        problems += axe_violations(page, f"{label}{path} (errors)")
    return problems


@pytest.fixture
def role_sessions(live_demo, make_user):
    """A session for each role, made before the browser starts (Django refuses queries
    inside Playwright's event loop)."""
    return {role: session_of(make_user(role)) for role in ROLES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_a_or_aa_violation_signed_in_as_each_role(
    live_demo, role_sessions, open_page, language
):
    """The public pages signed in, each role's own pages, the curators' forms blank and
    in error, the account's forms in error and the page showing a new API token once."""
    base = f"{live_demo.url}/{language}"
    page = open_page(locale=language)
    problems = []
    for role, session in role_sessions.items():
        page.context.clear_cookies()
        signed_in(page, live_demo, session)
        paths = ROLE_PAGE_TYPES + (SIGNED_IN_PAGE_TYPES if role == ROLES[0] else [])
        problems += check_pages(page, base, [(p, {}) for p in paths], f"{language} {role} ")
        if role == "curator":
            problems += check_curator_pages(page, base, f"{language} curator ")
    problems += check_pages(page, base, SIGNED_IN_FORMS_IN_ERROR, f"{language} ")
    page.goto(base + "/account/")
    page.fill("main form [name=name]", "Harvester")
    follow(page, "main form[action$='/account/tokens/'] [type=submit]")
    assert page.locator("#token-key").count() == 1
    problems += axe_violations(page, f"{language} new API token")
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
