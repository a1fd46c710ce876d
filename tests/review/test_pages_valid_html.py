"""The submission, curation and review pages — blank, in error and at each step — are
valid HTML by the Nu checker, in French, English and Arabic."""

from tests.html_check import html_errors
from tests.review.conftest import to_review


def test_the_review_workflow_pages_are_valid_html(client, draft, curator, roster, tmp_path):
    review_round = to_review(draft, curator, roster)
    assignment = review_round.assignments.get(reviewer=roster["una"])
    pages = []
    for language in ("fr", "en", "ar"):
        client.force_login(draft.submitter)
        for path in ("/dashboard/", "/submissions/new/", f"/submissions/{draft.uuid}/"):
            pages.append((f"{language}{path}", client.get(f"/{language}{path}").content))
        error = client.post(
            f"/{language}/submissions/new/", {"focal_point_email": "not-an-address", "save": "1"}
        )
        pages.append((f"{language}-new-error", error.content))
        client.force_login(curator)
        manage = f"/{language}/submissions/{draft.uuid}/manage/"
        pages.append((f"{language}-manage", client.get(manage).content))
        pages.append(
            (f"{language}-dashboard-curator", client.get(f"/{language}/dashboard/").content)
        )
        client.force_login(roster["una"])
        pages.append(
            (f"{language}-assignment", client.get(f"/{language}/reviews/{assignment.pk}/").content)
        )
    errors = html_errors(pages, tmp_path)
    assert not errors, "\n".join(errors[:40])
