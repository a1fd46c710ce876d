"""Who may open each page of the review workflow and take each step: every role,
anonymous included, against every page, with the answer the workflow promises."""

import pytest

from tests.review.conftest import to_review

ROLES = [
    "anonymous",
    "contributor",
    "submitter",
    "reviewer",
    "assigned_reviewer",
    "curator",
    "administrator",
]
LOGIN = "login"  # a redirect to the sign-in page

# page → the answer each role gets, in the order of ROLES.
PAGES = {
    "dashboard": [LOGIN, 200, 200, 200, 200, 200, 200],
    "new": [LOGIN, 200, 200, 200, 200, 200, 200],
    "submission": [LOGIN, 403, 200, 403, 403, 200, 200],
    # In review nobody edits: those who may read it are sent to the submission page.
    "edit": [LOGIN, 403, 302, 403, 403, 302, 302],
    "withdraw": [LOGIN, 403, 200, 403, 403, 403, 403],
    "manage": [LOGIN, 403, 403, 403, 403, 200, 200],
    "assignment": [LOGIN, 403, 403, 403, 200, 302, 302],  # curators go to the manage page
}
# curator steps posted to the manage page
STEPS = {
    "cancel": [LOGIN, 403, 403, 403, 403, 302, 302],
}


@pytest.fixture
def world(draft, curator, roster, make_user):
    review_round = to_review(draft, curator, roster)
    assignment = review_round.assignments.get(reviewer=roster["una"])
    people = {
        "anonymous": None,
        "contributor": make_user(),
        "submitter": draft.submitter,
        "reviewer": roster["extd"],
        "assigned_reviewer": roster["una"],
        "curator": curator,
        "administrator": make_user("administrator"),
    }
    reference = draft.uuid
    urls = {
        "dashboard": "/en/dashboard/",
        "new": "/en/submissions/new/",
        "submission": f"/en/submissions/{reference}/",
        "edit": f"/en/submissions/{reference}/edit/",
        "withdraw": f"/en/submissions/{reference}/withdraw/",
        "manage": f"/en/submissions/{reference}/manage/",
        "assignment": f"/en/reviews/{assignment.pk}/",
    }
    return people, urls, review_round


def answer(response):
    if response.status_code == 302 and "/account/login/" in response.url:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_promised_answer_on_every_review_page(client, world, role):
    people, urls, _round = world
    if people[role] is not None:
        client.force_login(people[role])
    got = {page: answer(client.get(urls[page])) for page in PAGES}
    expected = {page: answers[ROLES.index(role)] for page, answers in PAGES.items()}
    assert got == expected


@pytest.mark.parametrize("role", ROLES)
def test_only_curators_can_release_a_reviewer(client, world, role):
    people, urls, review_round = world
    assignment = review_round.assignments.get(reviewer__username="unb")
    if people[role] is not None:
        client.force_login(people[role])
    response = client.post(urls["manage"], {"step": "cancel", "assignment": assignment.pk})
    assert answer(response) == STEPS["cancel"][ROLES.index(role)]
    assignment.refresh_from_db()
    assert (assignment.state == "cancelled") == (role in ("curator", "administrator"))


def test_csrf_protects_every_review_form(draft):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(draft.submitter)
    for url in (
        "/en/submissions/new/",
        f"/en/submissions/{draft.uuid}/edit/",
        f"/en/submissions/{draft.uuid}/withdraw/",
        f"/en/submissions/{draft.uuid}/attachments/",
    ):
        assert client.post(url, {"title": "x"}).status_code == 403, url
    draft.refresh_from_db()
    assert draft.state == "draft"
