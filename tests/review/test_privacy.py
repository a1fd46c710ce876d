"""Nothing of the review reaches a public surface: not drafts, not reviews, not reviewer
names, not conflict declarations, not the focal point — before or after publication."""

import pytest

from gcmhub.review import actions
from gcmhub.review.models import ConflictStatus
from tests.review.conftest import CONTENT, accept_and_publish, review, to_review

SECRETS = [
    CONTENT["focal_point_name"],
    CONTENT["focal_point_email"],
    "Una",  # reviewer first names, shown to curators only
    "Extd",
    "I advised this clinic",  # conflict statement
    "Too good to be true",  # confidential comment
]
PUBLIC_SURFACES = [
    "/en/",
    "/en/practices/",
    "/en/objectives/10/",
    "/en/countries/BRA/",
    "/en/search/?q=clinics",
    "/en/search/feed/",
    "/en/search/feed/?q=clinics",
    "/api/v1/search?q=clinics",
    "/sitemap.xml",
    "/sitemap-items.xml",
]


def leaks(client, paths, needles):
    found = []
    for path in paths:
        body = client.get(path).content.decode()
        found += [(path, needle) for needle in needles if needle in body]
    return found


@pytest.fixture
def reviewed(draft, curator, roster):
    review_round = to_review(draft, curator, roster, names=("una", "unb", "extc", "extd"))
    first, second, third, fourth = review_round.assignments.order_by("pk")
    review(first, "accept")
    review(second, "accept", confidential="Too good to be true in places.")
    review(fourth, "accept")
    actions.conflict_declare(
        actor=third.reviewer,
        assignment=third,
        status=ConflictStatus.DECLARED,
        statement="I advised this clinic in 2021.",
    )
    return draft


def test_a_submission_under_review_appears_on_no_public_surface(client, reviewed):
    assert leaks(client, PUBLIC_SURFACES, [*SECRETS, CONTENT["title"]]) == []


def test_once_published_the_practice_is_public_but_nothing_of_its_review_is(
    client, reviewed, curator
):
    practice = accept_and_publish(reviewed, curator)
    surfaces = [*PUBLIC_SURFACES, practice.get_absolute_url()]
    page = client.get(practice.get_absolute_url()).content.decode()
    assert CONTENT["title"] in page
    assert leaks(client, surfaces, SECRETS) == []


def test_the_submitter_sees_reviewer_comments_without_names_recommendations_or_secrets(
    client, reviewed, curator
):
    from gcmhub.review.models import DecisionOutcome

    actions.decision_record(
        actor=curator, submission=reviewed, outcome=DecisionOutcome.REVISIONS, message="Revise."
    )
    client.force_login(reviewed.submitter)
    page = client.get(reviewed.get_absolute_url()).content.decode()
    assert "Clear and useful." in page  # the comments meant for them
    assert leaks(client, [reviewed.get_absolute_url()], SECRETS[2:]) == []
    assert "Accept as it is" not in page  # recommendations stay with the curators


def test_emails_to_the_submitter_never_name_a_reviewer(reviewed, curator, roster):
    from gcmhub.notifications.models import Notification

    accept_and_publish(reviewed, curator)
    to_submitter = Notification.objects.filter(recipient=reviewed.submitter)
    assert to_submitter.exists()
    for notification in to_submitter:
        text = notification.subject + notification.body
        assert not any(user.first_name in text for user in roster.values())
