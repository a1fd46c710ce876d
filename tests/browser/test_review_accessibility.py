"""The pages of the review workflow pass axe-core (WCAG 2.0/2.1 A and AA) in French,
English and Arabic, as each role sees them: the submitter (dashboard, form, form with
its errors, submission, a draft's edit and withdraw pages), the curator (queue, manage
page with an error) and the reviewers (invitation, declaration with its error, review
form with its errors)."""

import pytest

from tests.browser.axe import axe_violations, follow, session_of, signed_in
from tests.review.conftest import CONTENT, CRITERIA_ANSWERS, due, make_roster

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sessions(live_demo, make_user):
    from gcmhub.review import actions
    from gcmhub.review.models import ConflictStatus

    roster = make_roster(make_user)
    curator = make_user("curator")
    submitter = make_user()
    draft = actions.submission_create(actor=submitter, content=CONTENT, criteria=CRITERIA_ANSWERS)
    actions.submission_submit(actor=submitter, submission=draft)
    actions.screening_start(actor=curator, submission=draft)
    for name in ("una", "unb", "extc"):
        actions.reviewer_assign(
            actor=curator, submission=draft, reviewer=roster[name], due_on=due()
        )
    actions.round_start(actor=curator, submission=draft)
    assignment = draft.rounds.get().assignments.get(reviewer=roster["una"])
    reviewing = draft.rounds.get().assignments.get(reviewer=roster["unb"])
    actions.conflict_declare(actor=roster["unb"], assignment=reviewing, status=ConflictStatus.NONE)
    actions.assignment_respond(actor=roster["unb"], assignment=reviewing, accept=True)
    another = actions.submission_create(actor=submitter, content=CONTENT, criteria=CRITERIA_ANSWERS)
    return {
        "submitter": session_of(submitter),
        "curator": session_of(curator),
        "reviewer": session_of(roster["una"]),
        "accepted reviewer": session_of(roster["unb"]),
        "reference": str(draft.uuid),
        "draft": str(another.uuid),
        "assignment": assignment.pk,
        "accepted": reviewing.pk,
    }


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_the_review_pages_have_no_wcag_violation(live_demo, sessions, open_page, language):
    base = f"{live_demo.url}/{language}"
    problems = []

    page = signed_in(open_page(locale=language), live_demo, sessions["submitter"])
    for path in (
        "/dashboard/",
        "/submissions/new/",
        f"/submissions/{sessions['reference']}/",
        f"/submissions/{sessions['draft']}/edit/",
        f"/submissions/{sessions['draft']}/withdraw/",
    ):
        page.goto(base + path)
        problems += axe_violations(page, f"{language}{path}")
    page.goto(base + "/submissions/new/")
    page.fill("#id_focal_point_email", "not-an-address")
    follow(page, "button[name=submit]")
    assert page.locator("[aria-invalid=true]").count(), "no error shown on the form"
    problems += axe_violations(page, f"{language} new submission (errors)")

    page = signed_in(open_page(locale=language), live_demo, sessions["curator"])
    page.goto(base + "/dashboard/")
    problems += axe_violations(page, f"{language} curator dashboard")
    page.goto(base + f"/submissions/{sessions['reference']}/manage/")
    problems += axe_violations(page, f"{language} manage")
    follow(page, "button[name=step][value=decide]")  # no decision chosen, no message
    assert page.locator("[aria-invalid=true]").count()
    problems += axe_violations(page, f"{language} manage (errors)")

    page = signed_in(open_page(locale=language), live_demo, sessions["reviewer"])
    page.goto(base + "/dashboard/")
    problems += axe_violations(page, f"{language} reviewer dashboard")
    follow(page, "main a[href*='/reviews/']")
    problems += axe_violations(page, f"{language} invitation")
    follow(page, "button[name=step][value=conflict]")  # nothing declared
    assert page.locator("[aria-invalid=true]").count()
    problems += axe_violations(page, f"{language} declaration (errors)")

    page = signed_in(open_page(locale=language), live_demo, sessions["accepted reviewer"])
    page.goto(base + f"/reviews/{sessions['accepted']}/")
    problems += axe_violations(page, f"{language} review form")
    follow(page, "button[name=step][value=review]")  # nothing filled in
    assert page.locator("[aria-invalid=true]").count()
    problems += axe_violations(page, f"{language} review form (errors)")
    assert not problems, "\n".join(problems)
