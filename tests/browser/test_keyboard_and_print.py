"""Keyboard-only use (skip link, visible focus, search to a practice, the submission flow
with its errors) and printing."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page) -> dict:
    """The element with the focus, and whether its focus shows (an outline or a shadow).
    When the focus is on a part of a built-in control (the calendar button of a date
    input), the control no longer matches :focus and the browser draws that part's ring
    itself: `visible` is then None, as the page's styles cannot be checked."""
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, text: e.innerText || '', id: e.id, href: e.getAttribute('href'),
                name: e.getAttribute('name') || '', value: e.value ?? '',
                visible: !e.matches(':focus') ? null
                    : (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                      || s.boxShadow !== 'none'}; }"""
    )


def tab_to(page, wanted, *, limit=80, on_the_way=None):
    """Press Tab until the focused element satisfies `wanted`, checking that the focus
    shows on every element passed; `on_the_way(page, element)` may act on each of them."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element["visible"] is not False, f"the focus does not show on {element}"
        if wanted(element):
            return element
        if on_the_way:
            on_the_way(page, element)
    raise AssertionError(f"{limit} presses of Tab never reached the element wanted")


def press_enter_and_wait(page, url_pattern: str):
    """Press Enter on what has the focus and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A redirect keeps the fragment of the page left (an error summary's link): ignore it.
    page.wait_for_url(lambda url: re.search(url_pattern, url.split("#")[0]))


def test_keyboard_only_search_reaches_a_practice(live_demo, open_page):
    page = open_page(locale="en-GB")
    page.goto(live_demo.url + "/en/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["href"] == "#main" and "Skip to content" in first["text"]
    assert first["visible"]

    tab_to(page, lambda e: e["id"] == "site-q", limit=40)  # the header's search box
    page.keyboard.type("labour inspection")
    press_enter_and_wait(page, r"/en/search/\?q=labour")

    tab_to(page, lambda e: (e["href"] or "").endswith("/practices/brazil-labour-inspection/"))
    press_enter_and_wait(page, r"/en/practices/brazil-labour-inspection/$")


# What a keyboard user does on each control of the practice form, by name (and value for
# checkboxes of a group): type into text, ArrowDown a select to its first choice, Space a box.
TYPED = {
    "title": "Keyboard-made legal clinics",
    "summary": "Lawyers advise survivors of trafficking in border towns.",
    "body": "Two lawyers and an interpreter visit shelters every month.",
    "period_start": "01012020",  # the same whether the date input reads dd/mm or mm/dd
    "implementer": "Clínica Jurídica Móvel",
    "beneficiaries": "Survivors of trafficking.",
    "benefit_and_impact": "Over 400 people advised.",
    "focal_point_name": "Helena Keys",
    "focal_point_email": "not-an-address",
}
EXPLANATION = "It does, as the description explains in some detail."
CHECKED = {("ongoing", "on"), ("objectives_primary", "10")}


def keyboard_filler():
    """`on_the_way` for tab_to: acts once on each control (a date input is several stops)."""
    done = set()

    def fill(page, element):
        if element["id"] not in done:
            done.add(element["id"])
            fill_by_keyboard(page, element)

    return fill


def fill_by_keyboard(page, element):
    name = element["name"]
    if name in TYPED:
        page.keyboard.type(TYPED[name])
    elif name.startswith("criterion_") and name.endswith("_explanation"):
        page.keyboard.type(EXPLANATION)
    elif name in ("practice_type", "scope"):
        page.keyboard.press("ArrowDown")  # past the empty choice; the first scope is Global
    elif name.startswith("criterion_") or (name, element["value"]) in CHECKED:
        page.keyboard.press("Space")


@pytest.fixture
def contributor(live_demo, make_user):
    make_user(username="keyboard", password="a-long-test-passphrase")
    return live_demo


def test_keyboard_only_submission_from_sign_in_to_the_dashboard(contributor, open_page):
    """Sign in, open the form, fill it, meet an error, save a draft, submit and find the
    submission on the dashboard: Tab, typing, Space, arrows and Enter only, and without
    JavaScript (the error summary takes the focus by `autofocus`)."""
    page = open_page(locale="en-GB", javascript=False)
    page.goto(contributor.url + "/en/")
    tab_to(page, lambda e: "/account/login/" in (e["href"] or ""))
    press_enter_and_wait(page, r"/en/account/login/")
    tab_to(page, lambda e: e["name"] == "username")
    page.keyboard.type("keyboard")
    tab_to(page, lambda e: e["name"] == "password")
    page.keyboard.type("a-long-test-passphrase")
    press_enter_and_wait(page, r"/en/$")

    tab_to(page, lambda e: (e["href"] or "").endswith("/en/submissions/new/"))
    press_enter_and_wait(page, r"/en/submissions/new/$")
    tab_to(page, lambda e: e["name"] == "save", limit=300, on_the_way=keyboard_filler())
    press_enter_and_wait(page, r"/en/submissions/new/$")

    # The error: the summary takes the focus, names the field and links to it; the field
    # is marked invalid and described by its message; what was typed is kept.
    summary = page.locator("#form-errors")
    assert focused(page)["id"] == "form-errors" and focused(page)["visible"]
    assert summary.get_attribute("role") == "alert"
    email = page.locator("#id_focal_point_email")
    assert email.get_attribute("aria-invalid") == "true"
    message = page.locator("#" + email.get_attribute("aria-describedby").split()[-1])
    assert message.inner_text() and message.inner_text() in summary.inner_text()
    assert page.locator("#id_title").input_value() == TYPED["title"]
    link = tab_to(page, lambda e: e["tag"] == "A", limit=1)
    assert link["href"] == "#id_focal_point_email"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_focal_point_email"
    page.keyboard.press("Control+A")
    page.keyboard.type("helena.keys@example.org")

    tab_to(page, lambda e: e["name"] == "save", limit=300)
    press_enter_and_wait(page, r"/en/submissions/[0-9a-f-]+/edit/$")
    assert "Draft saved" in page.locator(".messages").inner_text()
    tab_to(page, lambda e: e["name"] == "submit", limit=300)
    press_enter_and_wait(page, r"/en/submissions/[0-9a-f-]+/$")
    assert "Submitted" in page.locator(".messages").inner_text()

    tab_to(page, lambda e: (e["href"] or "").endswith("/en/dashboard/"))
    press_enter_and_wait(page, r"/en/dashboard/$")
    row = page.locator("main tr", has_text=TYPED["title"])
    assert "Submitted, awaiting screening" in row.inner_text()


def test_printed_practice_and_resource_pages_keep_the_content_and_drop_the_navigation(
    live_demo, open_page
):
    page = open_page(javascript=False)
    page.emulate_media(media="print")
    for path in (
        "/fr/practices/brazil-labour-inspection/",
        "/ar/resources/a-74-127-coordinating-action-against-trafficking/",
    ):
        page.goto(live_demo.url + path)
        assert not page.locator(".site-header nav").first.is_visible(), path
        assert not page.locator("form.site-search").is_visible(), path
        assert page.locator("h1").is_visible(), path
        assert page.locator("section.facts").is_visible(), path
        pdf = page.pdf()  # headless Chromium prints
        assert pdf.startswith(b"%PDF") and len(pdf) > 5_000, path
