"""The submission, curation and review pages: what they show each person, and forms that
keep everything typed when something is wrong."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmhub.review import actions
from gcmhub.review.models import Submission, SubmissionState
from tests.pages import text
from tests.review.conftest import CONTENT, CRITERIA_ANSWERS, to_review


def form_data(**changes):
    data = {k: v for k, v in CONTENT.items() if v not in ("", [], False)}
    for code, answer in CRITERIA_ANSWERS.items():
        data[f"criterion_{code}"] = "on"
        data[f"criterion_{code}_explanation"] = answer["explanation"]
    data.update(changes)
    return data


def test_the_form_has_every_practice_field_in_sections_and_the_criteria(client, demo, submitter):
    client.force_login(submitter)
    page = client.get("/en/submissions/new/").content.decode()
    for legend in ("The practice", "Where and when", "The Global Compact", "Results"):
        assert f"<legend>{legend}</legend>" in page
    for name in ("benefit_and_impact", "lessons_learned", "focal_point_email", "sdg_targets"):
        assert f'name="{name}"' in page
    assert "It is fully or mostly completed." in page


def test_saving_a_draft_then_submitting_reaches_the_curators_queue(client, demo, submitter):
    client.force_login(submitter)
    response = client.post("/en/submissions/new/", form_data(save="1"))
    submission = Submission.objects.get(submitter=submitter)
    assert response.url == f"/en/submissions/{submission.uuid}/edit/"
    response = client.post(
        response.url, form_data(lock_version=submission.lock_version, submit="1")
    )
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED
    dashboard = text(client.get("/en/dashboard/"))
    assert CONTENT["title"] in dashboard and "Submitted, awaiting screening" in dashboard


def test_a_bad_date_keeps_everything_typed_and_says_which_field(client, demo, submitter):
    client.force_login(submitter)
    response = client.post(
        "/en/submissions/new/", form_data(period_start="31/02/2020", title="Kept title", save="1")
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Submission.objects.exists()
    assert 'value="Kept title"' in page and CONTENT["lessons_learned"] in page
    assert 'aria-invalid="true"' in page and 'id="id_period_start-errors"' in page


def test_submitting_an_incomplete_practice_saves_it_and_marks_each_missing_field(
    client, demo, submitter
):
    client.force_login(submitter)
    response = client.post(
        "/en/submissions/new/",
        {"title": "Only a title", "lessons_learned": "Typed words stay.", "submit": "1"},
    )
    page = response.content.decode()
    submission = Submission.objects.get()
    assert submission.state == SubmissionState.DRAFT and submission.title == "Only a title"
    assert "cannot be submitted yet" in page and "Typed words stay." in page
    assert 'id="id_summary-errors"' in page and 'id="id_focal_point_email-errors"' in page


def test_the_submitter_sees_state_history_and_what_is_asked(client, draft, curator):
    actions.submission_submit(actor=draft.submitter, submission=draft)
    actions.screening_start(actor=curator, submission=draft)
    actions.submission_return(actor=curator, submission=draft, message="Add partner names.")
    client.force_login(draft.submitter)
    page = text(client.get(draft.get_absolute_url()))
    assert "Returned for changes" in page and "Add partner names." in page
    assert "Make the changes the curators ask for, then submit." in page


def test_a_curator_runs_screening_and_the_round_from_the_manage_page(
    client, draft, curator, roster
):
    actions.submission_submit(actor=draft.submitter, submission=draft)
    client.force_login(curator)
    url = f"/en/submissions/{draft.uuid}/manage/"
    assert client.post(url, {"step": "screen"}).status_code == 302
    page = client.get(url).content.decode()
    assert CONTENT["focal_point_email"] in page  # curators see the contact
    response = client.post(url, {"step": "start"})
    assert "A round needs at least 1 UN-internal and 2 external reviewers" in text(response)
    response = client.post(
        url, {"step": "assign", "reviewer": roster["una"].pk, "due_on": "2001-01-01"}
    )
    assert "The due date cannot be in the past." in response.content.decode()
    for name in ("una", "unb", "extc"):
        client.post(url, {"step": "assign", "reviewer": roster[name].pk, "due_on": "2099-01-01"})
    assert client.post(url, {"step": "start"}).status_code == 302
    draft.refresh_from_db()
    assert draft.state == SubmissionState.IN_REVIEW


def test_a_reviewer_sees_the_practice_only_after_declaring_no_conflict(
    client, draft, curator, roster
):
    assignment = to_review(draft, curator, roster).assignments.get(reviewer=roster["una"])
    client.force_login(roster["una"])
    url = f"/en/reviews/{assignment.pk}/"
    page = client.get(url).content.decode()
    assert "conflict of interest" in page and CONTENT["summary"] not in page
    client.post(url, {"step": "conflict", "status": "none"})
    page = client.get(url).content.decode()
    assert CONTENT["summary"] in page and CONTENT["focal_point_email"] not in page
    client.post(url, {"step": "accept"})
    response = client.post(url, {"step": "review", "comments_for_submitter": "Kept comment"})
    page = response.content.decode()
    assert response.status_code == 400 and "Kept comment" in page
    assert 'id="id_recommendation-errors"' in page


@pytest.mark.parametrize("step", ["screen", "start", "publish", "nonsense"])
def test_a_contributor_cannot_take_curator_steps(client, draft, make_user, step):
    actions.submission_submit(actor=draft.submitter, submission=draft)
    client.force_login(make_user())
    response = client.post(f"/en/submissions/{draft.uuid}/manage/", {"step": step})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.state == SubmissionState.SUBMITTED


FIELDS = [
    "title",
    "summary",
    "body",
    "period_start",
    "period_end",
    "scope",
    "countries",
    "objectives_primary",
    "focal_point_email",
    "links",
    "lock_version",
    "practice_type",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(
        st.sampled_from(FIELDS),
        st.one_of(st.text(max_size=300), st.lists(st.text(max_size=20), max_size=4)),
        max_size=8,
    ),
    submit=st.booleans(),
)
def test_any_form_input_gives_a_page_never_an_error(client, demo, submitter, data, submit):
    client.force_login(submitter)
    data = {k: v for k, v in data.items()}
    data["submit" if submit else "save"] = "1"
    response = client.post("/en/submissions/new/", data)
    assert response.status_code in (200, 302)


def test_a_forged_recommendation_key_is_a_form_error_not_a_crash(client, draft, curator, roster):
    assignment = to_review(draft, curator, roster).assignments.get(reviewer=roster["una"])
    client.force_login(roster["una"])
    url = f"/en/reviews/{assignment.pk}/"
    client.post(url, {"step": "conflict", "status": "none"})
    client.post(url, {"step": "accept"})
    response = client.post(
        url, {"step": "review", "recommendation": "9" * 30, "comments_for_submitter": "Kept"}
    )
    assert response.status_code == 400 and 'id="id_recommendation-errors"' in (
        response.content.decode()
    )


def test_an_update_starts_from_the_published_practice(client, draft, curator, roster):
    from tests.review.conftest import accept_and_publish, review

    for assignment in to_review(draft, curator, roster).assignments.all():
        review(assignment, "accept")
    practice = accept_and_publish(draft, curator)
    client.force_login(draft.submitter)
    page = client.get(f"/en/submissions/new/?practice={practice.slug}").content.decode()
    assert "The published version stays public until the update is approved." in page
    assert f'value="{CONTENT["title"]}"' in page
    assert CONTENT["benefit_and_impact"] in page and 'value="national" selected' in page
