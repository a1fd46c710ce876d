"""The submission, curation and review pages — blank, in error and at each step — are
valid HTML by the Nu checker, in French, English and Arabic."""

from gcmhub.review import actions
from gcmhub.review.models import ConflictStatus
from tests.html_check import html_errors
from tests.review.conftest import CONTENT, CRITERIA_ANSWERS, to_review


def test_the_review_workflow_pages_are_valid_html(client, draft, curator, roster, tmp_path):
    review_round = to_review(draft, curator, roster)
    invited = review_round.assignments.get(reviewer=roster["una"])
    reviewing = review_round.assignments.get(reviewer=roster["unb"])
    actions.conflict_declare(actor=roster["unb"], assignment=reviewing, status=ConflictStatus.NONE)
    actions.assignment_respond(actor=roster["unb"], assignment=reviewing, accept=True)
    another = actions.submission_create(
        actor=draft.submitter, content=CONTENT, criteria=CRITERIA_ANSWERS
    )
    pages = []

    def get(name, path):
        pages.append((name, client.get(path).content))

    def post(name, path, data):
        response = client.post(path, data)
        assert b'role="alert"' in response.content, name  # the error state is shown
        pages.append((name, response.content))

    for language in ("fr", "en", "ar"):
        client.force_login(draft.submitter)
        for path in (
            "/dashboard/",
            "/submissions/new/",
            f"/submissions/{draft.uuid}/",
            f"/submissions/{another.uuid}/edit/",
            f"/submissions/{another.uuid}/withdraw/",
        ):
            get(f"{language}{path}", f"/{language}{path}")
        post(
            f"{language}-new-error",
            f"/{language}/submissions/new/",
            {"focal_point_email": "not-an-address", "save": "1"},
        )
        client.force_login(curator)
        manage = f"/{language}/submissions/{draft.uuid}/manage/"
        get(f"{language}-manage", manage)
        post(f"{language}-manage-error", manage, {"step": "decide"})
        get(f"{language}-dashboard-curator", f"/{language}/dashboard/")
        client.force_login(roster["una"])
        get(f"{language}-dashboard-reviewer", f"/{language}/dashboard/")
        invitation = f"/{language}/reviews/{invited.pk}/"
        get(f"{language}-invitation", invitation)
        post(f"{language}-declaration-error", invitation, {"step": "conflict"})
        client.force_login(roster["unb"])
        review_form = f"/{language}/reviews/{reviewing.pk}/"
        get(f"{language}-review-form", review_form)
        assert b'name="step" value="review"' in pages[-1][1]
        post(f"{language}-review-error", review_form, {"step": "review"})
    errors = html_errors(pages, tmp_path)
    assert not errors, "\n".join(errors[:40])
