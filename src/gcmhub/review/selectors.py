"""Reads of the review workflow: dashboards, what each person is asked to do, and the
views of a submission that each role may see."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from gcmhub.accounts.roles import is_curator
from gcmhub.review.models import (
    Assignment,
    AssignmentState,
    ReviewRound,
    RoundState,
    Submission,
    SubmissionState,
)

# What the submitter is asked to do in each state; no entry: nothing, for now.
SUBMITTER_TASKS = {
    SubmissionState.DRAFT: _("Complete the form and submit it."),
    SubmissionState.CHANGES_REQUESTED: _("Make the changes the curators ask for, then submit."),
    SubmissionState.REVISIONS_REQUESTED: _(
        "Revise the practice, answer the reviewers, then submit."
    ),
    SubmissionState.MINOR_CHANGES: _("Make the minor changes asked for, then submit."),
}
CURATOR_TASKS = {
    SubmissionState.SUBMITTED: _("Screen it against the criteria."),
    SubmissionState.SCREENING: _("Assign reviewers and start the round, return it or reject it."),
    SubmissionState.ACCEPTED: _("Publish it."),
}


def submissions_of(*, user) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(submitter=user)
        .select_related("call", "practice")
        .order_by("-updated_at")
    )


def submission_for_reference(*, reference) -> Submission | None:
    return (
        Submission.objects.select_related("call", "practice", "submitter")
        .filter(uuid=reference)
        .first()
    )


def assignments_of(*, user) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(reviewer=user)
        .exclude(state=AssignmentState.PENDING)
        .select_related("round__submission", "conflict")
        .order_by("due_on")
    )


@dataclass
class CuratorQueue:
    to_screen: list[Submission]
    in_screening: list[Submission]
    in_review: list[Submission]
    to_publish: list[Submission]


def curator_queue() -> CuratorQueue:
    active = Submission.objects.select_related("call", "submitter").order_by("submitted_at")
    by_state: dict[str, list[Submission]] = {}
    for submission in active.filter(
        state__in=[
            SubmissionState.SUBMITTED,
            SubmissionState.SCREENING,
            SubmissionState.IN_REVIEW,
            SubmissionState.ACCEPTED,
        ]
    ):
        by_state.setdefault(submission.state, []).append(submission)
    return CuratorQueue(
        to_screen=by_state.get(SubmissionState.SUBMITTED, []),
        in_screening=by_state.get(SubmissionState.SCREENING, []),
        in_review=by_state.get(SubmissionState.IN_REVIEW, []),
        to_publish=by_state.get(SubmissionState.ACCEPTED, []),
    )


def rounds_of(*, submission: Submission) -> QuerySet[ReviewRound]:
    return submission.rounds.prefetch_related(
        Prefetch(
            "assignments",
            queryset=Assignment.objects.select_related(
                "reviewer", "conflict", "review__recommendation"
            ),
        )
    ).select_related("decision")


def reviews_for_submitter(*, submission: Submission) -> list[dict]:
    """What reviewers wrote for the submitter, round by round, without their names,
    their recommendations or their confidential comments."""
    shared = []
    for review_round in submission.rounds.filter(state=RoundState.CLOSED).order_by("number"):
        completed = review_round.assignments.filter(state=AssignmentState.COMPLETED).order_by(
            "completed_at", "pk"
        )
        comments = [a.review.comments_for_submitter for a in completed.select_related("review")]
        if comments:
            shared.append({"round": review_round.number, "comments": comments})
    return shared


def recommendations_disagree(review_round: ReviewRound) -> bool:
    outcomes = {
        a.review.recommendation.outcome
        for a in review_round.assignments.all()
        if a.state == AssignmentState.COMPLETED
    }
    return len(outcomes) > 1


def dashboard(*, user) -> dict:
    submissions = list(submissions_of(user=user))
    data = {
        "submissions": [(s, SUBMITTER_TASKS.get(s.state, "")) for s in submissions],
        "assignments": list(assignments_of(user=user)),
        "queue": curator_queue() if is_curator(user) else None,
    }
    return data
