"""Who may see and do what in the review workflow. Actions check these before writing;
views check them before showing. One place, so the permission-matrix test pins them."""

from gcmhub.accounts.roles import is_curator
from gcmhub.review.models import (
    EDITABLE_STATES,
    FINAL_STATES,
    Assignment,
    AssignmentState,
    ConflictStatus,
    Submission,
    SubmissionState,
)


def is_submitter(user, submission: Submission) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and submission.submitter_id == user.pk


def can_view_submission(user, submission: Submission) -> bool:
    """The submitter and curators; reviewers see it through their assignment page."""
    return is_submitter(user, submission) or is_curator(user)


def can_edit_submission(user, submission: Submission) -> bool:
    return is_submitter(user, submission) and submission.state in EDITABLE_STATES


def can_withdraw_submission(user, submission: Submission) -> bool:
    return is_submitter(user, submission) and submission.state not in FINAL_STATES


def can_manage_submission(user, submission: Submission) -> bool:
    """Curators run screening, rounds and decisions, but not on their own submissions."""
    return is_curator(user) and not is_submitter(user, submission)


def is_assigned_reviewer(user, assignment: Assignment) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and assignment.reviewer_id == user.pk


def can_read_assigned_submission(user, assignment: Assignment) -> bool:
    """A reviewer sees the submission only once they have declared no conflict."""
    return (
        is_assigned_reviewer(user, assignment)
        and assignment.conflict.status == ConflictStatus.NONE
        and assignment.state
        in (AssignmentState.REQUESTED, AssignmentState.ACCEPTED, AssignmentState.COMPLETED)
        and assignment.round.submission.state not in (SubmissionState.WITHDRAWN,)
    )
