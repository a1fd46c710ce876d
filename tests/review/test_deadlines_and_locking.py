"""A call's deadline refuses late submissions but keeps the draft; two people editing
one draft never silently lose a change."""

import pytest
from django.utils import timezone

from gcmhub.calls.models import Call
from gcmhub.review import actions
from gcmhub.review.models import SubmissionState
from tests.review.conftest import CONTENT, CRITERIA_ANSWERS


@pytest.fixture
def closed_call(demo):
    call = Call.objects.get(slug="call-for-practices-trafficking-2024")
    assert call.state().value == "closed"
    return call


def test_submitting_to_a_closed_call_is_refused_and_the_draft_is_kept(closed_call, submitter):
    draft = actions.submission_create(
        actor=submitter, content=CONTENT, criteria=CRITERIA_ANSWERS, call=closed_call
    )
    with pytest.raises(actions.WorkflowError, match="closed on 2024-"):
        actions.submission_submit(actor=submitter, submission=draft)
    draft.refresh_from_db()
    assert draft.state == SubmissionState.DRAFT and draft.content["title"] == CONTENT["title"]


def test_an_open_call_takes_submissions_until_its_deadline(closed_call, submitter):
    closed_call.deadline = timezone.now() + timezone.timedelta(hours=1)
    closed_call.save()
    draft = actions.submission_create(
        actor=submitter, content=CONTENT, criteria=CRITERIA_ANSWERS, call=closed_call
    )
    actions.submission_submit(actor=submitter, submission=draft)
    draft.refresh_from_db()
    assert draft.state == SubmissionState.SUBMITTED


def test_a_save_from_a_stale_form_is_refused_and_changes_nothing(draft):
    opened_by_first = opened_by_second = draft.lock_version
    actions.submission_save(
        actor=draft.submitter,
        submission=draft,
        content={**CONTENT, "title": "First tab"},
        criteria=CRITERIA_ANSWERS,
        lock_version=opened_by_first,
    )
    with pytest.raises(actions.EditConflict, match="Someone saved"):
        actions.submission_save(
            actor=draft.submitter,
            submission=draft,
            content={**CONTENT, "title": "Second tab"},
            criteria=CRITERIA_ANSWERS,
            lock_version=opened_by_second,
        )
    draft.refresh_from_db()
    assert draft.title == "First tab" and draft.lock_version == opened_by_first + 1


def test_the_edit_page_reports_a_conflict_and_keeps_what_was_typed(client, draft):
    client.force_login(draft.submitter)
    url = f"/en/submissions/{draft.uuid}/edit/"
    form = {**CONTENT, "countries": ["BRA"], "lock_version": draft.lock_version, "save": "1"}
    assert client.post(url, {**form, "title": "Saved first"}).status_code == 302
    response = client.post(url, {**form, "title": "My unsaved words"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone saved this submission after you opened it" in page
    assert 'value="My unsaved words"' in page
