"""The whole life of a practice, in a real browser, each person in their own session:
register and confirm, answer the open call, save a draft, submit; screening; three
reviewers, one declaring a conflict; two reviews that disagree; an extra reviewer; a
round of revisions; acceptance, publication — and the practice on its objective page."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from tests.browser.axe import follow
from tests.review.conftest import make_roster

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-passphrase"
TITLE = "Community paralegals for people smuggled across the Sahel"
SECRET_EMAIL = "amina.focal@example.org"


@pytest.fixture
def cast(live_demo, make_user):
    """Everyone but the submitter, who registers in the browser. Made before the
    browser starts: Django refuses database queries inside Playwright's event loop."""
    from gcmhub.calls.models import Call

    call = Call.objects.get(slug="call-for-practices-trafficking-2024")
    call.deadline = timezone.now() + timezone.timedelta(days=30)
    call.save()
    people = make_roster(make_user)
    people["carla"] = make_user("curator", username="carla", first_name="Carla")
    return live_demo.url, call.slug, people


def sign_in(open_page, base, username):
    page = open_page()
    page.goto(f"{base}/en/account/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    follow(page, "main button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard/$"))
    return page


def register_and_confirm(open_page, base):
    page = open_page()
    page.goto(f"{base}/en/account/register/")
    page.fill("input[name=email]", "amina@example.org")
    page.fill("input[name=display_name]", "Amina")
    page.fill("input[name=organisation]", "Association Sahel Droits")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    follow(page, "main button[type=submit]")
    (confirmation,) = [m for m in mail.outbox if m.to == ["amina@example.org"]]
    path = re.search(r"https?://[^/\s]+(/\S+/confirm/\S+/)", confirmation.body).group(1)
    page.goto(f"{base}{path}")
    follow(page, "main button[type=submit]")
    page.goto(f"{base}/en/account/login/")
    page.fill("input[name=username]", "amina@example.org")
    page.fill("input[name=password]", PASSWORD)
    follow(page, "main button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard/$"))
    return page


def fill_practice(page):
    page.fill("#id_summary", "Paralegals from the community explain rights and refer cases.")
    page.fill("#id_body", "Trained paralegals hold weekly sessions in transit towns.")
    page.select_option("#id_practice_type", "programme")
    page.select_option("#id_scope", "national")
    page.select_option("#id_countries", ["NER"])
    page.fill("#id_period_start", "2021-01-15")
    page.check("#id_ongoing")
    page.check("input[name=objectives_primary][value='9']")
    page.check("input[name=principles][value='human-rights']")
    page.fill("#id_implementer", "Association Sahel Droits")
    page.fill("#id_beneficiaries", "Migrants in transit, including children.")
    page.fill("#id_benefit_and_impact", "1 200 people advised in 2023.")
    page.fill("#id_focal_point_name", "Amina Focal")
    page.fill("#id_focal_point_email", SECRET_EMAIL)
    for checkbox in page.query_selector_all("input[name^=criterion_][type=checkbox]"):
        checkbox.check()
        page.fill(
            f"#{checkbox.get_attribute('id')}_explanation",
            "The description and the figures above show how it does.",
        )


def manage(page, base, title=TITLE):
    page.goto(f"{base}/en/dashboard/")
    follow(page, f"main a:has-text('{title}')")
    page.wait_for_url(re.compile(r".*/manage/$"))


def assign(page, people, *names):
    for name in names:
        page.select_option("#id_reviewer", str(people[name].pk))
        page.fill("#id_due_on", "2099-01-01")
        follow(page, "button[name=step][value=assign]")


def answer_invitation(open_page, base, name, *, conflict="", recommendation="", round_=1):
    page = sign_in(open_page, base, name)
    follow(page, f"main a:has-text('Review, round {round_}')")
    if conflict:
        page.check("input[name=status][value=declared]")
        page.fill("#id_statement", conflict)
        follow(page, "button[name=step][value=conflict]")
        assert "You have declined this review" in page.content()
        return
    assert TITLE not in page.content()  # nothing before the declaration
    page.check("input[name=status][value=none]")
    follow(page, "button[name=step][value=conflict]")
    assert TITLE in page.content() and SECRET_EMAIL not in page.content()
    follow(page, "button[name=step][value=accept]")
    for group in page.query_selector_all("input[name^=criterion_][value=yes]"):
        group.check()
    page.get_by_label(recommendation).check()
    page.fill("#id_comments_for_submitter", f"In my view: {recommendation}.")
    follow(page, "button[name=step][value=review]")
    assert "your review is submitted" in page.content()


def test_a_practice_goes_from_registration_to_publication(cast, open_page):
    base, call_slug, people = cast

    # The practitioner registers, answers the open call, saves a draft, then submits.
    amina = register_and_confirm(open_page, base)
    amina.goto(f"{base}/en/calls/{call_slug}/")
    follow(amina, "main a:has-text('Submit a practice')")
    amina.fill("#id_title", TITLE)
    follow(amina, "button[name=save]")
    assert "Draft saved" in amina.content()
    fill_practice(amina)
    follow(amina, "button[name=submit]")
    assert "Submitted. The curators have been told." in amina.content()

    # The curator screens it and assigns one UN-internal and two external reviewers.
    carla = sign_in(open_page, base, "carla")
    manage(carla, base)
    follow(carla, "button[name=step][value=screen]")
    assign(carla, people, "una", "unb", "extc")
    follow(carla, "button[name=step][value=start]")
    assert "In peer review" in carla.content()

    # Two reviews disagree; the third reviewer declares a conflict.
    answer_invitation(open_page, base, "una", recommendation="Accept as it is")
    answer_invitation(open_page, base, "unb", recommendation="Reject")
    answer_invitation(open_page, base, "extc", conflict="I sit on the association's board.")
    manage(carla, base)
    content = carla.content()
    assert "The recommendations disagree" in content
    assert "I sit on the association" in content  # curators see the declaration

    # An extra reviewer is added to the round; the curator asks for revisions.
    assign(carla, people, "extd")
    answer_invitation(open_page, base, "extd", recommendation="Revise and review again")
    carla.check("input[name=outcome][value=revisions]")
    carla.fill("#id_message", "Please give the 2024 figures.")
    follow(carla, "button[name=step][value=decide]")
    assert "Revisions requested" in carla.content()

    # The practitioner revises and answers the reviewers.
    amina.goto(f"{base}/en/dashboard/")
    assert "Revise the practice, answer the reviewers, then submit." in amina.content()
    follow(amina, f"main a:has-text('{TITLE}')")
    assert "Please give the 2024 figures." in amina.content()  # the curator's message
    follow(amina, "main a:has-text('Edit and submit')")
    assert "In my view: Reject." in amina.content()  # comments, without names
    amina.fill("#id_benefit_and_impact", "1 200 people advised in 2023; 1 650 in 2024.")
    amina.fill("#id_response_to_reviewers", "The 2024 figures are added.")
    follow(amina, "button[name=submit]")
    assert "Submitted. The curators have been told." in amina.content()

    # Round two: three reviewers accept; the curator accepts and publishes.
    manage(carla, base)
    follow(carla, "button[name=step][value=screen]")
    assign(carla, people, "una", "unb", "extd")
    follow(carla, "button[name=step][value=start]")
    for name in ("una", "unb", "extd"):
        answer_invitation(open_page, base, name, recommendation="Accept as it is", round_=2)
    manage(carla, base)
    carla.check("input[name=outcome][value=accept]")
    carla.fill("#id_message", "Thank you: a model for the region.")
    follow(carla, "button[name=step][value=decide]")
    follow(carla, "button[name=step][value=publish]")
    assert "Published." in carla.content()

    # The public finds it on its objective page and in the lists, without its contact.
    public = open_page(javascript=False)
    public.goto(f"{base}/en/objectives/9/")
    assert TITLE in public.content()
    public.goto(f"{base}/en/practices/")
    follow(public, f"main a:has-text('{TITLE}')")
    page = public.content()
    assert "1 650 in 2024" in page
    for secret in (SECRET_EMAIL, "Amina Focal", "board", "Una", "Extd"):
        assert secret not in page
    amina.goto(f"{base}/en/dashboard/")
    assert "Published" in amina.content()
