"""The roster pages a signed-in person and a curator see pass axe-core (WCAG 2.0/2.1 A
and AA) in French, English and Arabic, including the form with its errors shown."""

import pytest

from tests.browser.axe import axe_violations, follow, session_of, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def roster(live_demo, make_user):
    """An applicant with a pending application and a curator, with their sessions. Made
    before the browser starts: Playwright's event loop forbids database calls after."""
    from gcmhub.experts.actions import expert_profile_apply, expert_profile_approve
    from gcmhub.taxonomy.models import Objective, Region

    curator = make_user("curator")
    applicant = make_user(first_name="Amal", last_name="Haddad")
    profile = expert_profile_apply(
        actor=applicant,
        objectives=list(Objective.objects.filter(number__in=[7, 10])),
        themes=[],
        other_themes="",
        languages=["ar", "fr"],
        other_languages="",
        regions=list(Region.objects.filter(slug="africa")),
        years_of_experience=9,
        organisation="Observatoire",
        is_un=False,
        publications="",
        motivation="Je souhaite contribuer.",
    )
    expert_profile_approve(
        actor=curator,
        profile=expert_profile_apply(
            actor=make_user(),
            objectives=list(Objective.objects.filter(number=10)),
            languages=["en"],
            years_of_experience=3,
            organisation="UNODC",
            is_un=True,
            motivation="To help.",
        ),
    )
    return {"applicant": session_of(applicant), "curator": session_of(curator), "pk": profile.pk}


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_the_roster_pages_have_no_wcag_violation(live_demo, roster, open_page, language):
    problems = []

    # The applicant: their application, then the form sent back with errors
    page = signed_in(open_page(locale=language), live_demo, roster["applicant"])
    page.goto(f"{live_demo.url}/{language}/roster/apply/")
    problems += axe_violations(page)
    page.fill("#id_years_of_experience", "")
    page.fill("#id_organisation", "")
    follow(page, "form.roster-form button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    problems += axe_violations(page)

    # A curator: list, one application, coverage
    page = signed_in(open_page(locale=language), live_demo, roster["curator"])
    for path in (
        "/roster/applications/",
        "/roster/applications/?status=",
        f"/roster/applications/{roster['pk']}/",
        "/roster/coverage/",
    ):
        page.goto(f"{live_demo.url}/{language}{path}")
        assert page.locator("h1").count() == 1
        problems += axe_violations(page)
    assert not problems, "\n".join(problems)
