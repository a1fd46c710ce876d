"""Writes of the review workflow. Each action runs in one transaction, checks who may act
and from which state, validates, records the change (a `Transition` for the submitter's
history, an audit entry with a snapshot for the Hub) and notifies whoever must act next,
after commit."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gcmhub.accounts.roles import is_curator, is_reviewer
from gcmhub.accounts.selectors import curators_to_tell
from gcmhub.audit.actions import audit_record
from gcmhub.audit.models import AuditEvent
from gcmhub.calls.models import Call, CallState
from gcmhub.catalog.actions import organisations_ensure, practice_publish
from gcmhub.catalog.models import Item, Practice
from gcmhub.core.languages import path_without_language
from gcmhub.experts.selectors import reviewer_is_internal
from gcmhub.notifications.actions import notify
from gcmhub.notifications.selectors import notification_exists
from gcmhub.review import permissions
from gcmhub.review.attachments import attachment_check
from gcmhub.review.content import (
    content_normalise,
    content_problems,
    content_to_row,
    criteria_normalise,
    organisation_names,
    slug_for,
)
from gcmhub.review.models import (
    ACTIVE_ASSIGNMENT_STATES,
    EDITABLE_STATES,
    FINAL_STATES,
    Assignment,
    AssignmentState,
    Attachment,
    ConflictDeclaration,
    ConflictStatus,
    Decision,
    DecisionOutcome,
    Recommendation,
    Review,
    ReviewRound,
    RoundState,
    Submission,
    SubmissionState,
    Transition,
)
from gcmhub.review.vocabulary import RECOMMENDATIONS

# A round starts only with at least this many reviewers of each kind (issue: one UN
# internal and two external).
MIN_INTERNAL_REVIEWERS = 1
MIN_EXTERNAL_REVIEWERS = 2


class WorkflowError(ValidationError):
    """A step that cannot be taken now; its message says why, for the person acting."""


class EditConflict(WorkflowError):
    """Someone saved the submission after this form was opened."""


@dataclass(frozen=True)
class Problems(Exception):
    """A submission that is not complete: the reasons, by field."""

    by_field: dict[str, list[str]]


def _snapshot(submission: Submission, **extra) -> dict:
    return {
        "reference": str(submission.uuid),
        "state": submission.state,
        "lock_version": submission.lock_version,
        "call": submission.call_id,
        "practice": submission.practice_id,
        "content": submission.content,
        "criteria": submission.criteria,
        **extra,
    }


def _move(submission: Submission, *, actor, to: SubmissionState, message: str = "") -> None:
    """Change state, keep the history the submitter sees, and audit it."""
    source = submission.state
    submission.state = to
    submission.full_clean()
    submission.save()
    Transition.objects.create(
        submission=submission, from_state=source, to_state=to, actor=actor, message=message
    )
    audit_record(
        actor=actor,
        event_type=AuditEvent.SUBMISSION_TRANSITION,
        obj=submission,
        snapshot=_snapshot(submission, transition=[source, to], message=message),
    )


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _require_state(submission: Submission, *states: SubmissionState) -> None:
    if submission.state not in states:
        raise WorkflowError(
            _("This cannot be done while the submission is “%(state)s”.")
            % {"state": submission.get_state_display()}
        )


def _notify_curators(*, key: str, template: str, submission: Submission, **context) -> None:
    for curator in curators_to_tell(exclude=submission.submitter):
        notify(
            recipient=curator,
            key=f"{key}:{curator.pk}",
            template=template,
            context={"submission": submission, **context},
            path=path_without_language("review:submission", reference=submission.uuid),
        )


# ————— Submitters —————


@transaction.atomic
def submission_create(
    *,
    actor,
    content: dict,
    criteria: dict,
    call: Call | None = None,
    practice: Practice | None = None,
) -> Submission:
    """A new draft: a new practice, possibly answering a call, or an update of a
    published practice (by its submitter or a curator)."""
    _require(getattr(actor, "is_authenticated", False))
    if call is not None and not call.is_published:
        raise WorkflowError(_("This call for practices is not open."))
    if practice is not None:
        _require(
            is_curator(actor)
            or Submission.objects.filter(
                practice=practice, submitter=actor, state=SubmissionState.PUBLISHED
            ).exists()
        )
        if Submission.objects.filter(practice=practice).exclude(state__in=FINAL_STATES).exists():
            raise WorkflowError(_("An update of this practice is already under way."))
    submission = Submission(
        submitter=actor,
        call=call,
        practice=practice,
        content=content_normalise(content),
        criteria=criteria_normalise(criteria),
    )
    submission.full_clean()
    submission.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.SUBMISSION_CREATED,
        obj=submission,
        snapshot=_snapshot(submission),
    )
    return submission


@transaction.atomic
def submission_save(
    *,
    actor,
    submission: Submission,
    content: dict,
    criteria: dict,
    lock_version: int | None,
    response_to_reviewers: str | None = None,
) -> Submission:
    """Save the submitter's changes, unless someone saved since they opened the form."""
    _require(permissions.is_submitter(actor, submission))
    _require_state(submission, *EDITABLE_STATES)
    values = {
        "content": content_normalise(content),
        "criteria": criteria_normalise(criteria),
        "lock_version": F("lock_version") + 1,
        "updated_at": timezone.now(),
    }
    if response_to_reviewers is not None:
        values["response_to_reviewers"] = response_to_reviewers.strip()
    # The version check and the write are one UPDATE: no two saves can both pass it.
    saved = Submission.objects.filter(pk=submission.pk, lock_version=lock_version).update(**values)
    if not saved:
        raise EditConflict(
            _(
                "Someone saved this submission after you opened it. Your text is still in "
                "the form below: copy what you need, reload the page to see their version, "
                "then make your changes again."
            )
        )
    submission.refresh_from_db()
    audit_record(
        actor=actor,
        event_type=AuditEvent.SUBMISSION_SAVED,
        obj=submission,
        snapshot=_snapshot(submission),
    )
    return submission


def call_refusal(call: Call | None, now=None) -> str:
    """Why the call no longer (or not yet) takes submissions; empty when it does."""
    if call is None:
        return ""
    state = call.state(now)
    if state == CallState.CLOSED:
        return str(
            _(
                "The call “%(call)s” closed on %(deadline)s (%(timezone)s). Your draft is "
                "kept: you can still submit it as a practice outside the call."
            )
            % {
                "call": call,
                "deadline": call.local_deadline.strftime("%Y-%m-%d %H:%M"),
                "timezone": call.timezone,
            }
        )
    if state == CallState.UPCOMING:
        return str(_("The call “%(call)s” is not open yet.") % {"call": call})
    return ""


@transaction.atomic
def submission_submit(*, actor, submission: Submission) -> Submission:
    """Send the submission on: to screening, to a new round after revisions, or back to
    the curators after minor changes. Refused, with reasons, when incomplete or late."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require(permissions.is_submitter(actor, submission))
    _require_state(submission, *EDITABLE_STATES)
    problems = content_problems(submission.content, submission.criteria)
    if submission.state == SubmissionState.REVISIONS_REQUESTED and not (
        submission.response_to_reviewers
    ):
        problems.setdefault("response_to_reviewers", []).append(
            str(_("Tell the reviewers what you changed in answer to their comments."))
        )
    if problems:
        raise Problems(problems)
    if submission.state == SubmissionState.DRAFT:
        refusal = call_refusal(submission.call)
        if refusal:
            raise WorkflowError(refusal)
    if submission.state == SubmissionState.MINOR_CHANGES:
        _move(submission, actor=actor, to=SubmissionState.ACCEPTED)
        template = "review_minor_changes_made"
    else:
        was_revision = submission.state == SubmissionState.REVISIONS_REQUESTED
        if submission.submitted_at is None:
            submission.submitted_at = timezone.now()
        _move(submission, actor=actor, to=SubmissionState.SUBMITTED)
        template = "review_revision_submitted" if was_revision else "review_submitted"
    _notify_curators(
        key=f"submission:{submission.pk}:{submission.transitions.count()}",
        template=template,
        submission=submission,
    )
    return submission


@transaction.atomic
def submission_withdraw(*, actor, submission: Submission, reason: str = "") -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require(permissions.can_withdraw_submission(actor, submission))
    was_draft = submission.state == SubmissionState.DRAFT
    _cancel_open_assignments(submission, actor=actor)
    _move(submission, actor=actor, to=SubmissionState.WITHDRAWN, message=reason.strip())
    if not was_draft:
        _notify_curators(
            key=f"submission:{submission.pk}:withdrawn",
            template="review_withdrawn",
            submission=submission,
        )
    return submission


@transaction.atomic
def attachment_add(*, actor, submission: Submission, upload: UploadedFile) -> Attachment:
    _require(permissions.can_edit_submission(actor, submission))
    content_type = attachment_check(upload)  # raises ValidationError with the reason
    attachment = Attachment(
        submission=submission,
        file=upload,
        original_name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.full_clean()
    attachment.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.ATTACHMENT_ADDED,
        obj=submission,
        snapshot={"attachment": attachment.pk, "name": attachment.original_name},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment) -> None:
    _require(permissions.can_edit_submission(actor, attachment.submission))
    snapshot = {"attachment": attachment.pk, "name": attachment.original_name}
    submission = attachment.submission
    stored = attachment.file.name
    attachment.delete()
    audit_record(
        actor=actor, event_type=AuditEvent.ATTACHMENT_REMOVED, obj=submission, snapshot=snapshot
    )
    # The file goes only once the row is gone for good.
    storage = Attachment._meta.get_field("file").storage
    transaction.on_commit(lambda: storage.delete(stored))


# ————— Curators: screening —————


@transaction.atomic
def screening_start(*, actor, submission: Submission) -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require(permissions.can_manage_submission(actor, submission))
    _require_state(submission, SubmissionState.SUBMITTED)
    _move(submission, actor=actor, to=SubmissionState.SCREENING)
    return submission


def _screening_close(
    *, actor, submission: Submission, message: str, to: SubmissionState
) -> Submission:
    """End screening with the curator's reasons: back for changes, or rejected."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require(permissions.can_manage_submission(actor, submission))
    _require_state(submission, SubmissionState.SCREENING)
    _require_message(message)
    _cancel_open_assignments(submission, actor=actor)
    _move(submission, actor=actor, to=to, message=message)
    return submission


@transaction.atomic
def submission_return(*, actor, submission: Submission, message: str) -> Submission:
    """Screening found something to change: back to the submitter, with the reasons."""
    submission = _screening_close(
        actor=actor, submission=submission, message=message, to=SubmissionState.CHANGES_REQUESTED
    )
    _notify_submitter(submission, "review_returned", message=message)
    return submission


@transaction.atomic
def submission_reject(*, actor, submission: Submission, message: str) -> Submission:
    """Screening found the practice outside the Hub's criteria."""
    submission = _screening_close(
        actor=actor, submission=submission, message=message, to=SubmissionState.REJECTED
    )
    Decision.objects.create(
        submission=submission, outcome=DecisionOutcome.REJECT, message=message, decided_by=actor
    )
    _notify_submitter(submission, "review_decided", message=message, outcome=_("Rejected"))
    return submission


def _require_message(message: str) -> None:
    if not (message or "").strip():
        raise WorkflowError(_("Write a message to the submitter giving your reasons."))


def _notify_submitter(submission: Submission, template: str, **context) -> None:
    notify(
        recipient=submission.submitter,
        key=f"submission:{submission.pk}:{submission.transitions.count()}:submitter",
        template=template,
        context={"submission": submission, **context},
        path=path_without_language("review:submission", reference=submission.uuid),
    )


# ————— Curators: rounds and reviewers —————


def current_round(submission: Submission) -> ReviewRound | None:
    return submission.rounds.exclude(state=RoundState.CLOSED).order_by("-number").first()


@transaction.atomic
def reviewer_assign(*, actor, submission: Submission, reviewer, due_on: date) -> Assignment:
    """Add a reviewer to the round being set up, or to the open round (for instance when
    recommendations disagree); in an open round the invitation goes at once."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require(permissions.can_manage_submission(actor, submission))
    _require_state(submission, SubmissionState.SCREENING, SubmissionState.IN_REVIEW)
    if not is_reviewer(reviewer):
        raise WorkflowError(_("Only reviewers on the roster can be assigned."))
    if reviewer.pk == submission.submitter_id:
        raise WorkflowError(_("The submitter cannot review their own practice."))
    if due_on < timezone.localdate():
        raise WorkflowError(_("The due date cannot be in the past."))
    review_round = current_round(submission)
    if review_round is None:
        review_round = ReviewRound.objects.create(
            submission=submission, number=submission.rounds.count() + 1
        )
    if review_round.assignments.filter(reviewer=reviewer).exists():
        raise WorkflowError(_("This reviewer is already assigned to this round."))
    assignment = Assignment(
        round=review_round,
        reviewer=reviewer,
        is_internal=reviewer_is_internal(reviewer),
        due_on=due_on,
        assigned_by=actor,
    )
    assignment.full_clean()
    assignment.save()
    ConflictDeclaration.objects.create(assignment=assignment)
    audit_record(
        actor=actor,
        event_type=AuditEvent.REVIEWER_ASSIGNED,
        obj=submission,
        snapshot={
            "assignment": assignment.pk,
            "round": review_round.number,
            "due_on": due_on.isoformat(),
        },
    )
    if review_round.state == RoundState.OPEN:
        _invite(assignment)
    return assignment


def _invite(assignment: Assignment) -> None:
    assignment.state = AssignmentState.REQUESTED
    assignment.invited_at = timezone.now()
    assignment.save(update_fields=["state", "invited_at"])
    notify(
        recipient=assignment.reviewer,
        key=f"assignment:{assignment.pk}:invited",
        template="review_invitation",
        context={"assignment": assignment},
        path=path_without_language("review:assignment", pk=assignment.pk),
    )


def round_composition(review_round: ReviewRound) -> tuple[int, int]:
    """(internal, external) reviewers who still count in the round."""
    states = review_round.assignments.filter(state__in=ACTIVE_ASSIGNMENT_STATES)
    internal = states.filter(is_internal=True).count()
    return internal, states.count() - internal


@transaction.atomic
def round_start(*, actor, submission: Submission) -> ReviewRound:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require(permissions.can_manage_submission(actor, submission))
    _require_state(submission, SubmissionState.SCREENING)
    review_round = current_round(submission)
    internal, external = round_composition(review_round) if review_round else (0, 0)
    if internal < MIN_INTERNAL_REVIEWERS or external < MIN_EXTERNAL_REVIEWERS:
        raise WorkflowError(
            _(
                "A round needs at least %(internal)d UN-internal and %(external)d external "
                "reviewers; it has %(has_internal)d and %(has_external)d."
            )
            % {
                "internal": MIN_INTERNAL_REVIEWERS,
                "external": MIN_EXTERNAL_REVIEWERS,
                "has_internal": internal,
                "has_external": external,
            }
        )
    review_round.state = RoundState.OPEN
    review_round.started_at = timezone.now()
    review_round.save(update_fields=["state", "started_at"])
    for assignment in review_round.assignments.filter(state=AssignmentState.PENDING):
        _invite(assignment)
    audit_record(
        actor=actor,
        event_type=AuditEvent.ROUND_STARTED,
        obj=submission,
        snapshot={"round": review_round.number, "internal": internal, "external": external},
    )
    _move(submission, actor=actor, to=SubmissionState.IN_REVIEW)
    return review_round


@transaction.atomic
def assignment_cancel(*, actor, assignment: Assignment) -> Assignment:
    submission = assignment.round.submission
    _require(permissions.can_manage_submission(actor, submission))
    if assignment.state in (AssignmentState.COMPLETED, AssignmentState.CANCELLED):
        raise WorkflowError(_("This assignment is already finished."))
    _assignment_set(assignment, actor=actor, state=AssignmentState.CANCELLED)
    return assignment


def _assignment_set(assignment: Assignment, *, actor, state: AssignmentState, **fields) -> None:
    source = assignment.state
    assignment.state = state
    for name, value in fields.items():
        setattr(assignment, name, value)
    assignment.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.ASSIGNMENT_CHANGED,
        obj=assignment.round.submission,
        snapshot={"assignment": assignment.pk, "transition": [source, state]},
    )


def _cancel_open_assignments(submission: Submission, *, actor) -> None:
    for assignment in Assignment.objects.filter(
        round__submission=submission,
        state__in=(AssignmentState.PENDING, AssignmentState.REQUESTED, AssignmentState.ACCEPTED),
    ):
        _assignment_set(assignment, actor=actor, state=AssignmentState.CANCELLED)
    submission.rounds.exclude(state=RoundState.CLOSED).update(
        state=RoundState.CLOSED, closed_at=timezone.now()
    )


# ————— Reviewers —————


@transaction.atomic
def conflict_declare(
    *, actor, assignment: Assignment, status: ConflictStatus, statement: str = ""
) -> ConflictDeclaration:
    """Before seeing the submission. A declared conflict releases the reviewer from the
    assignment (it is declined) and tells the curators, who find someone else."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _require(permissions.is_assigned_reviewer(actor, assignment))
    if assignment.state != AssignmentState.REQUESTED:
        raise WorkflowError(_("This invitation is no longer open."))
    declaration = assignment.conflict
    if declaration.status != ConflictStatus.NOT_ASKED:
        raise WorkflowError(_("You have already made your declaration."))
    if status == ConflictStatus.DECLARED and not statement.strip():
        raise WorkflowError(_("Describe the conflict you declare."))
    declaration.status = status
    declaration.statement = statement.strip() if status == ConflictStatus.DECLARED else ""
    declaration.declared_at = timezone.now()
    declaration.full_clean()
    declaration.save()
    audit_record(
        actor=actor,
        event_type=AuditEvent.CONFLICT_DECLARED,
        obj=assignment,
        snapshot={"status": status},  # the statement stays in its own table
    )
    if status == ConflictStatus.DECLARED:
        _assignment_set(
            assignment, actor=actor, state=AssignmentState.DECLINED, responded_at=timezone.now()
        )
        _notify_curators(
            key=f"assignment:{assignment.pk}:conflict",
            template="review_reviewer_unavailable",
            submission=assignment.round.submission,
        )
    return declaration


@transaction.atomic
def assignment_respond(*, actor, assignment: Assignment, accept: bool) -> Assignment:
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _require(permissions.is_assigned_reviewer(actor, assignment))
    if assignment.state != AssignmentState.REQUESTED:
        raise WorkflowError(_("This invitation is no longer open."))
    if assignment.conflict.status != ConflictStatus.NONE:
        raise WorkflowError(_("Declare any conflict of interest first."))
    _assignment_set(
        assignment,
        actor=actor,
        state=AssignmentState.ACCEPTED if accept else AssignmentState.DECLINED,
        responded_at=timezone.now(),
    )
    if not accept:
        _notify_curators(
            key=f"assignment:{assignment.pk}:declined",
            template="review_reviewer_unavailable",
            submission=assignment.round.submission,
        )
    return assignment


@transaction.atomic
def review_submit(
    *,
    actor,
    assignment: Assignment,
    criteria: dict,
    recommendation: Recommendation,
    comments_for_submitter: str,
    confidential_comments: str = "",
) -> Review:
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _require(permissions.is_assigned_reviewer(actor, assignment))
    if assignment.state != AssignmentState.ACCEPTED:
        raise WorkflowError(_("Only an accepted, unfinished review can be submitted."))
    if not recommendation.is_active:
        raise WorkflowError(_("Choose one of the recommendations offered."))
    review = Review(
        assignment=assignment,
        criteria=criteria,
        recommendation=recommendation,
        comments_for_submitter=comments_for_submitter.strip(),
        confidential_comments=confidential_comments.strip(),
    )
    review.full_clean()
    review.save()
    _assignment_set(
        assignment, actor=actor, state=AssignmentState.COMPLETED, completed_at=timezone.now()
    )
    audit_record(
        actor=actor,
        event_type=AuditEvent.REVIEW_SUBMITTED,
        obj=assignment,
        snapshot={"recommendation": recommendation.code, "criteria": criteria},
    )
    review_round = assignment.round
    waiting = review_round.assignments.filter(
        state__in=(AssignmentState.PENDING, AssignmentState.REQUESTED, AssignmentState.ACCEPTED)
    ).exists()
    if not waiting:
        _notify_curators(
            key=f"round:{review_round.pk}:complete:{review_round.assignments.count()}",
            template="review_round_complete",
            submission=review_round.submission,
        )
    return review


# ————— Curators: decision and publication —————

_DECISION_STATES = {
    DecisionOutcome.ACCEPT: SubmissionState.ACCEPTED,
    DecisionOutcome.MINOR_CHANGES: SubmissionState.MINOR_CHANGES,
    DecisionOutcome.REVISIONS: SubmissionState.REVISIONS_REQUESTED,
    DecisionOutcome.REJECT: SubmissionState.REJECTED,
}


@transaction.atomic
def decision_record(
    *, actor, submission: Submission, outcome: DecisionOutcome, message: str
) -> Decision:
    """Close the round with a decision; the submitter gets it with the curator's message.
    Reviewers who have not finished are released."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require(permissions.can_manage_submission(actor, submission))
    _require_state(submission, SubmissionState.IN_REVIEW)
    _require_message(message)
    review_round = current_round(submission)
    if not review_round.assignments.filter(state=AssignmentState.COMPLETED).exists():
        raise WorkflowError(_("Wait for at least one review before deciding."))
    decision = Decision(
        submission=submission,
        round=review_round,
        outcome=outcome,
        message=message.strip(),
        decided_by=actor,
    )
    decision.full_clean()
    decision.save()
    _cancel_open_assignments(submission, actor=actor)
    if outcome == DecisionOutcome.REVISIONS:
        submission.response_to_reviewers = ""
    audit_record(
        actor=actor,
        event_type=AuditEvent.DECISION_RECORDED,
        obj=submission,
        snapshot={"round": review_round.number, "outcome": outcome, "message": message},
    )
    _move(submission, actor=actor, to=_DECISION_STATES[outcome], message=message.strip())
    _notify_submitter(
        submission,
        "review_decided",
        message=message.strip(),
        outcome=DecisionOutcome(outcome).label,
    )
    return decision


@transaction.atomic
def submission_publish(*, actor, submission: Submission) -> Practice:
    """Put the accepted practice in the catalogue: a new practice, or the new version of
    the one it updates (which stayed public, unchanged, until now)."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _require(permissions.can_manage_submission(actor, submission))
    _require_state(submission, SubmissionState.ACCEPTED)
    content = submission.content
    organisation_slugs = organisations_ensure(
        names=[name for name, _role in organisation_names(content)],
        language=content["source_language"],
    )
    if submission.practice is not None:
        slug = submission.practice.slug
    else:
        slug = _free_slug(slug_for(content["title"]))
    row = content_to_row(content, slug=slug, organisation_slugs=organisation_slugs)
    call_id = submission.call_id or (submission.practice.call_id if submission.practice else None)
    practice = practice_publish(actor=actor, row=row, call_id=call_id)
    submission.practice = practice
    audit_record(
        actor=actor,
        event_type=AuditEvent.PRACTICE_PUBLISHED,
        obj=practice,
        snapshot={"submission": str(submission.uuid), "version": practice.version},
    )
    _move(submission, actor=actor, to=SubmissionState.PUBLISHED)
    _notify_submitter(submission, "review_published", practice=practice)
    return practice


def _free_slug(base: str) -> str:
    slug, n = base, 1
    while Item.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:95]}-{n}"
    return slug


# ————— Reminders —————


@transaction.atomic
def reminders_send(*, today: date | None = None, days_before: int = 3) -> int:
    """Remind reviewers whose review is due within `days_before` days or overdue, at most
    once a day each. Returns how many reminders were written."""
    today = today or timezone.localdate()
    due = Assignment.objects.filter(
        state__in=(AssignmentState.REQUESTED, AssignmentState.ACCEPTED),
        round__state=RoundState.OPEN,
        due_on__lte=today + timezone.timedelta(days=days_before),
    ).select_related("reviewer", "round__submission")
    count = 0
    for assignment in due:
        key = f"assignment:{assignment.pk}:reminder:{today.isoformat()}"
        if notification_exists(key=key):
            continue
        notify(
            recipient=assignment.reviewer,
            key=key,
            template="review_reminder",
            context={"assignment": assignment, "overdue": assignment.due_on < today},
            path=path_without_language("review:assignment", pk=assignment.pk),
        )
        Assignment.objects.filter(pk=assignment.pk).update(reminders_sent=F("reminders_sent") + 1)
        count += 1
    return count


@transaction.atomic
def recommendations_load() -> int:
    """Add the starting vocabulary's missing terms and labels; returns how many terms
    were created. Existing terms, as curators left them, are not touched."""
    created = 0
    for position, (code, outcome, labels) in enumerate(RECOMMENDATIONS):
        recommendation = Recommendation.objects.filter(code=code).first()
        changed = recommendation is None
        if recommendation is None:
            recommendation = Recommendation(code=code, outcome=outcome, position=position)
            created += 1
        for language, label in labels.items():
            if changed or not recommendation.has_translation(language):
                recommendation.set_current_language(language)
                recommendation.label = label
                changed = True
        if changed:
            recommendation.full_clean()
            recommendation.save()
    return created
