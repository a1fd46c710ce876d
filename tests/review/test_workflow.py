"""The review state machine, driven through its actions: every step from draft to
publication, every refusal, and the version history of a published practice."""

import re

import pytest
from django.core.exceptions import PermissionDenied

from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.catalog.models import Item, Practice
from gcmhub.review import actions
from gcmhub.review.models import (
    AssignmentState,
    ConflictStatus,
    DecisionOutcome,
    SubmissionState,
)
from tests.review.conftest import CONTENT, accept_and_publish, due, review, to_review


def test_an_incomplete_draft_cannot_be_submitted_and_says_why_by_field(demo, submitter):
    submission = actions.submission_create(
        actor=submitter, content={"title": "Half done"}, criteria={}
    )
    with pytest.raises(actions.Problems) as problems:
        actions.submission_submit(actor=submitter, submission=submission)
    fields = problems.value.by_field
    assert {"summary", "practice_type", "objectives_primary", "focal_point_email"} <= set(fields)
    assert "criterion_innovation" in fields and "criterion_innovation_explanation" in fields
    submission.refresh_from_db()
    assert submission.state == SubmissionState.DRAFT and submission.title == "Half done"


def test_a_round_cannot_start_without_one_internal_and_two_external_reviewers(
    draft, curator, roster
):
    actions.submission_submit(actor=draft.submitter, submission=draft)
    actions.screening_start(actor=curator, submission=draft)
    for name in ("una", "unai", "extc"):  # two internal, one external
        actions.reviewer_assign(
            actor=curator, submission=draft, reviewer=roster[name], due_on=due()
        )
    with pytest.raises(actions.WorkflowError, match="it has 2 and 1"):
        actions.round_start(actor=curator, submission=draft)
    actions.reviewer_assign(actor=curator, submission=draft, reviewer=roster["extd"], due_on=due())
    review_round = actions.round_start(actor=curator, submission=draft)
    assert review_round.state == "open"
    assert set(review_round.assignments.values_list("state", flat=True)) == {"requested"}


def test_the_whole_path_with_disagreement_an_extra_reviewer_and_a_revision_round(
    draft, curator, roster
):
    round_one = to_review(draft, curator, roster)
    first, second, third = round_one.assignments.order_by("pk")
    review(first, "accept")
    review(second, "reject", confidential="Sounds too good to be true.")
    # A declared conflict releases the third reviewer; the curators find another.
    actions.conflict_declare(
        actor=third.reviewer,
        assignment=third,
        status=ConflictStatus.DECLARED,
        statement="I advised this clinic in 2021.",
    )
    third.refresh_from_db()
    assert third.state == AssignmentState.DECLINED
    extra = actions.reviewer_assign(
        actor=curator, submission=draft, reviewer=roster["extd"], due_on=due()
    )
    assert extra.state == AssignmentState.REQUESTED  # invited at once: the round is open
    review(extra, "revisions", comments="Give figures for 2024.")

    actions.decision_record(
        actor=curator,
        submission=draft,
        outcome=DecisionOutcome.REVISIONS,
        message="Please add the 2024 figures.",
    )
    draft.refresh_from_db()
    assert draft.state == SubmissionState.REVISIONS_REQUESTED
    # The submitter must answer the reviewers before resubmitting.
    with pytest.raises(actions.Problems) as problems:
        actions.submission_submit(actor=draft.submitter, submission=draft)
    assert "response_to_reviewers" in problems.value.by_field
    actions.submission_save(
        actor=draft.submitter,
        submission=draft,
        content={**CONTENT, "benefit_and_impact": "In 2024: 410 people advised."},
        criteria=draft.criteria,
        lock_version=draft.lock_version,
        response_to_reviewers="Added the 2024 figures.",
    )
    actions.submission_submit(actor=draft.submitter, submission=draft)
    actions.screening_start(actor=curator, submission=draft)
    for name in ("una", "unb", "extd"):
        actions.reviewer_assign(
            actor=curator, submission=draft, reviewer=roster[name], due_on=due()
        )
    round_two = actions.round_start(actor=curator, submission=draft)
    assert round_two.number == 2
    for assignment in round_two.assignments.all():
        review(assignment, "accept")
    practice = accept_and_publish(draft, curator)

    draft.refresh_from_db()
    assert draft.state == SubmissionState.PUBLISHED and draft.practice == practice
    assert practice.status == "published" and practice.version == 1
    assert practice.benefit_and_impact == "In 2024: 410 people advised."
    assert practice.objectives.filter(number=10).exists()
    assert {o.slug for o in practice.organisations.all()} == {
        "clinica-juridica-movel",
        "rede-de-abrigos",
        "defensoria-publica",
    }
    states = list(draft.transitions.values_list("to_state", flat=True))
    assert states == [
        "submitted",
        "screening",
        "in_review",
        "revisions_requested",
        "submitted",
        "screening",
        "in_review",
        "accepted",
        "published",
    ]
    audited = AuditEntry.objects.filter(event_type=AuditEvent.SUBMISSION_TRANSITION)
    assert audited.filter(object_id=str(draft.pk)).count() == len(states)


def test_an_update_is_reviewed_while_the_published_version_stays_public(
    draft, curator, roster, client
):
    round_one = to_review(draft, curator, roster)
    for assignment in round_one.assignments.all():
        review(assignment, "accept")
    practice = accept_and_publish(draft, curator)
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Mobile legal clinics" in page

    update = actions.submission_create(
        actor=draft.submitter,
        content={**CONTENT, "title": "Mobile legal clinics, now in four states"},
        criteria=draft.criteria,
        practice=practice,
    )
    round_one = to_review(update, curator, roster)
    for assignment in round_one.assignments.all():
        review(assignment, "accept")
    # Under review: the page still shows the published title.
    assert "now in four states" not in client.get(practice.get_absolute_url()).content.decode()
    assert Item.objects.filter(slug=practice.slug).count() == 1

    accept_and_publish(update, curator)
    practice.refresh_from_db()
    assert practice.version == 2
    assert list(practice.versions.values_list("number", flat=True)) == [2, 1]
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "now in four states" in page
    assert re.search(r'<ol reversed class="versions"><li>2 · .*?</li><li>1 · ', page)
    assert Practice.objects.filter(submissions__isnull=False).distinct().count() == 1


def test_only_one_update_of_a_practice_at_a_time_and_only_by_its_submitter_or_a_curator(
    draft, curator, roster, make_user
):
    for assignment in to_review(draft, curator, roster).assignments.all():
        review(assignment, "accept")
    practice = accept_and_publish(draft, curator)
    with pytest.raises(PermissionDenied):
        actions.submission_create(
            actor=make_user(), content=CONTENT, criteria={}, practice=practice
        )
    actions.submission_create(actor=curator, content=CONTENT, criteria={}, practice=practice)
    with pytest.raises(actions.WorkflowError, match="already under way"):
        actions.submission_create(
            actor=draft.submitter, content=CONTENT, criteria={}, practice=practice
        )


def test_screening_can_return_a_submission_for_changes_and_it_comes_back(draft, curator):
    actions.submission_submit(actor=draft.submitter, submission=draft)
    actions.screening_start(actor=curator, submission=draft)
    with pytest.raises(actions.WorkflowError):
        actions.submission_return(actor=curator, submission=draft, message="  ")
    actions.submission_return(actor=curator, submission=draft, message="Name the partners.")
    draft.refresh_from_db()
    assert draft.state == SubmissionState.CHANGES_REQUESTED
    assert draft.transitions.last().message == "Name the partners."
    actions.submission_submit(actor=draft.submitter, submission=draft)
    draft.refresh_from_db()
    assert draft.state == SubmissionState.SUBMITTED


def test_rejection_at_screening_is_final_and_records_a_decision(draft, curator):
    actions.submission_submit(actor=draft.submitter, submission=draft)
    actions.screening_start(actor=curator, submission=draft)
    actions.submission_reject(actor=curator, submission=draft, message="Not about migration.")
    draft.refresh_from_db()
    assert draft.state == SubmissionState.REJECTED
    assert draft.decisions.get().outcome == DecisionOutcome.REJECT
    with pytest.raises(PermissionDenied):
        actions.submission_withdraw(actor=draft.submitter, submission=draft)


def test_accept_with_minor_changes_goes_back_to_the_submitter_then_to_publication(
    draft, curator, roster
):
    for assignment in to_review(draft, curator, roster).assignments.all():
        review(assignment, "minor-changes")
    actions.decision_record(
        actor=curator,
        submission=draft,
        outcome=DecisionOutcome.MINOR_CHANGES,
        message="Shorten the summary.",
    )
    draft.refresh_from_db()
    assert draft.state == SubmissionState.MINOR_CHANGES
    actions.submission_save(
        actor=draft.submitter,
        submission=draft,
        content={**CONTENT, "summary": "Lawyers advise survivors in border towns."},
        criteria=draft.criteria,
        lock_version=draft.lock_version,
    )
    actions.submission_submit(actor=draft.submitter, submission=draft)
    draft.refresh_from_db()
    assert draft.state == SubmissionState.ACCEPTED
    practice = actions.submission_publish(actor=curator, submission=draft)
    assert practice.summary == "Lawyers advise survivors in border towns."


def test_the_submitter_may_withdraw_before_publication_and_reviewers_are_released(
    draft, curator, roster
):
    review_round = to_review(draft, curator, roster)
    actions.submission_withdraw(actor=draft.submitter, submission=draft, reason="Moved on.")
    draft.refresh_from_db()
    assert draft.state == SubmissionState.WITHDRAWN
    assert set(review_round.assignments.values_list("state", flat=True)) == {"cancelled"}


def test_a_reviewer_sees_nothing_before_declaring_and_cannot_review_before_accepting(
    draft, curator, roster
):
    from gcmhub.review.permissions import can_read_assigned_submission

    assignment = to_review(draft, curator, roster).assignments.first()
    assert not can_read_assigned_submission(assignment.reviewer, assignment)
    with pytest.raises(actions.WorkflowError):
        actions.assignment_respond(actor=assignment.reviewer, assignment=assignment, accept=True)
    actions.conflict_declare(
        actor=assignment.reviewer, assignment=assignment, status=ConflictStatus.NONE
    )
    assignment.refresh_from_db()
    assert can_read_assigned_submission(assignment.reviewer, assignment)
    with pytest.raises(actions.WorkflowError):
        actions.conflict_declare(
            actor=assignment.reviewer, assignment=assignment, status=ConflictStatus.NONE
        )


def test_no_one_but_the_actor_the_workflow_names_may_take_a_step(draft, curator, roster, make_user):
    stranger, other_reviewer = make_user(), roster["extd"]
    with pytest.raises(PermissionDenied):
        actions.submission_submit(actor=stranger, submission=draft)
    actions.submission_submit(actor=draft.submitter, submission=draft)
    for actor in (stranger, other_reviewer, draft.submitter):
        with pytest.raises(PermissionDenied):
            actions.screening_start(actor=actor, submission=draft)
    actions.screening_start(actor=curator, submission=draft)
    with pytest.raises(actions.WorkflowError, match="roster"):
        actions.reviewer_assign(actor=curator, submission=draft, reviewer=stranger, due_on=due())


def test_a_curator_cannot_manage_their_own_submission(demo, curator):
    own = actions.submission_create(actor=curator, content=CONTENT, criteria={})
    from tests.review.conftest import CRITERIA_ANSWERS

    actions.submission_save(
        actor=curator,
        submission=own,
        content=CONTENT,
        criteria=CRITERIA_ANSWERS,
        lock_version=own.lock_version,
    )
    actions.submission_submit(actor=curator, submission=own)
    with pytest.raises(PermissionDenied):
        actions.screening_start(actor=curator, submission=own)


def test_the_recommendation_vocabulary_loads_once_and_keeps_curators_edits(demo):
    from gcmhub.review.models import Recommendation

    term = Recommendation.objects.get(code="reject")
    term.set_current_language("en")
    term.label = "Decline"
    term.save()
    assert actions.recommendations_load() == 0
    term = Recommendation.objects.language("en").get(code="reject")
    assert term.label == "Decline" and Recommendation.objects.count() == 4
    assert term.has_translation("ar") and term.has_translation("zh-hans")
