"""Peer review of practices, after Open Journal Systems: a submission goes through
screening and review rounds; each round invites reviewers (assignments) who first declare
conflicts of interest, then review; a curator decides.

What is being submitted lives in the submission (`content`), not in the catalogue: a new
practice enters the catalogue only when it is published, and an update to a published
practice is reviewed while the published version stays public, untouched.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting screening")
    SCREENING = "screening", _("Screening")
    CHANGES_REQUESTED = "changes_requested", _("Returned for changes")
    IN_REVIEW = "in_review", _("In peer review")
    REVISIONS_REQUESTED = "revisions_requested", _("Revisions requested")
    MINOR_CHANGES = "minor_changes", _("Accepted with minor changes")
    ACCEPTED = "accepted", _("Accepted")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# States in which the submitter may edit the content.
EDITABLE_STATES = {
    SubmissionState.DRAFT,
    SubmissionState.CHANGES_REQUESTED,
    SubmissionState.REVISIONS_REQUESTED,
    SubmissionState.MINOR_CHANGES,
}
FINAL_STATES = {SubmissionState.PUBLISHED, SubmissionState.REJECTED, SubmissionState.WITHDRAWN}


class Submission(models.Model):
    """A practice proposed for the catalogue (new, or an update of a published one)."""

    uuid = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("submitter"),
    )
    call = models.ForeignKey(
        "calls.Call",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("call for practices"),
    )
    practice = models.ForeignKey(
        "catalog.Practice",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("published practice"),
        help_text=_("The practice this submission created, or the one it proposes to update."),
    )
    state = models.CharField(
        _("state"),
        max_length=24,
        choices=SubmissionState.choices,
        default=SubmissionState.DRAFT,
        db_index=True,
    )
    # The practice as the submitter wrote it: the fields of the submission form.
    content = models.JSONField(_("content"), default=dict, blank=True)
    # Each Hub criterion: {"confirmed": bool, "explanation": str}.
    criteria = models.JSONField(_("criteria"), default=dict, blank=True)
    response_to_reviewers = models.TextField(_("response to reviewers"), blank=True)
    # Optimistic locking: every save bumps it; a save based on an older one is refused.
    lock_version = models.PositiveIntegerField(_("edit version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self) -> str:
        return self.title or str(self.uuid)

    def get_absolute_url(self) -> str:
        return reverse("review:submission", kwargs={"reference": self.uuid})

    @property
    def title(self) -> str:
        return (self.content or {}).get("title", "")


class Transition(models.Model):
    """One change of state, as the submitter's history shows it."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("from"), max_length=24, choices=SubmissionState.choices)
    to_state = models.CharField(_("to"), max_length=24, choices=SubmissionState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the person who made the change says to the submitter (reasons, requests).
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class Attachment(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="submissions/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class RoundState(models.TextChoices):
    SETUP = "setup", _("Being set up")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ReviewRound(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"))
    state = models.CharField(
        _("state"), max_length=10, choices=RoundState.choices, default=RoundState.SETUP
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="unique_round_number")
        ]
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")

    def __str__(self) -> str:
        return f"{self.submission} · {self.number}"


class AssignmentState(models.TextChoices):
    PENDING = "pending", _("Not yet invited")
    REQUESTED = "requested", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Review submitted")
    CANCELLED = "cancelled", _("Cancelled")


# Assignments that still count towards a round's composition.
ACTIVE_ASSIGNMENT_STATES = {
    AssignmentState.PENDING,
    AssignmentState.REQUESTED,
    AssignmentState.ACCEPTED,
    AssignmentState.COMPLETED,
}


class Assignment(models.Model):
    """A reviewer asked to review one round: requested → accepted or declined →
    completed, or cancelled by a curator."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="review_assignments",
        verbose_name=_("reviewer"),
    )
    # Whether the reviewer works in the UN system, as the roster said when assigned.
    is_internal = models.BooleanField(_("UN-internal"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=AssignmentState.choices,
        default=AssignmentState.PENDING,
    )
    due_on = models.DateField(_("review due"))
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    responded_at = models.DateTimeField(_("responded"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["round", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "reviewer"], name="unique_round_reviewer")
        ]
        verbose_name = _("reviewer assignment")
        verbose_name_plural = _("reviewer assignments")

    def __str__(self) -> str:
        return f"{self.round} · {self.reviewer_id}"


class ConflictStatus(models.TextChoices):
    NOT_ASKED = "not_asked", _("Not asked")
    NONE = "none", _("No conflict")
    DECLARED = "declared", _("Conflict declared")


class ConflictDeclaration(models.Model):
    """Kept apart from the review: curators see it; the submitter never does."""

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="conflict")
    status = models.CharField(
        _("conflict of interest"),
        max_length=10,
        choices=ConflictStatus.choices,
        default=ConflictStatus.NOT_ASKED,
    )
    statement = models.TextField(_("declaration"), blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)

    class Meta:
        verbose_name = _("conflict of interest declaration")
        verbose_name_plural = _("conflict of interest declarations")

    def __str__(self) -> str:
        return self.get_status_display()


class RecommendationOutcome(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    MINOR_CHANGES = "minor_changes", _("Accept with minor changes")
    REVISIONS = "revisions", _("Revisions requested")
    REJECT = "reject", _("Reject")


class Recommendation(TranslatableModel):
    """The vocabulary reviewers recommend from; curators edit it in the admin. Each term
    says which decision it points to, so disagreement can be seen."""

    code = models.SlugField(_("code"), unique=True)
    outcome = models.CharField(_("points to"), max_length=16, choices=RecommendationOutcome.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("offered to reviewers"), default=True)
    translations = TranslatedFields(label=models.CharField(_("label"), max_length=120))

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.safe_translation_getter("label", any_language=True) or self.code


class Review(models.Model):
    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    # Each criterion: "yes", "partly" or "no".
    criteria = models.JSONField(_("criteria"), default=dict)
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="+", verbose_name=_("recommendation")
    )
    comments_for_submitter = models.TextField(_("comments for the submitter"))
    confidential_comments = models.TextField(_("confidential comments for curators"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.assignment} · {self.recommendation}"


class DecisionOutcome(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    MINOR_CHANGES = "minor_changes", _("Accept with minor changes")
    REVISIONS = "revisions", _("Revisions requested: a new round")
    REJECT = "reject", _("Reject")


class Decision(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="decisions")
    round = models.OneToOneField(
        ReviewRound, null=True, on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("decision"), max_length=16, choices=DecisionOutcome.choices)
    message = models.TextField(_("message to the submitter"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        ordering = ["decided_at", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.get_outcome_display()
