from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.TextChoices):
    TAXONOMY_LOADED = "taxonomy.loaded", _("Taxonomy loaded")
    ITEM_CREATED = "item.created", _("Item created")
    ITEM_UPDATED = "item.updated", _("Item updated")
    ITEM_DELETED = "item.deleted", _("Item deleted")
    DEMO_CONTENT_LOADED = "demo.loaded", _("Demo content loaded")
    CALL_CREATED = "call.created", _("Call created")
    CALL_UPDATED = "call.updated", _("Call updated")
    ROLE_GRANTED = "role.granted", _("Role granted")
    ROLE_REVOKED = "role.revoked", _("Role revoked")
    USER_REGISTERED = "user.registered", _("Account registered")
    USER_CONFIRMED = "user.confirmed", _("Email address confirmed")
    USER_PROFILE_UPDATED = "user.profile_updated", _("Profile updated")
    USER_PASSWORD_CHANGED = "user.password_changed", _("Password changed")
    ROSTER_APPLIED = "roster.applied", _("Applied to the roster")
    ROSTER_APPROVED = "roster.approved", _("Roster application approved")
    ROSTER_DECLINED = "roster.declined", _("Roster application declined")
    ROSTER_UPDATED = "roster.updated", _("Roster profile updated")
    SUBMISSION_CREATED = "submission.created", _("Submission created")
    SUBMISSION_SAVED = "submission.saved", _("Submission saved")
    SUBMISSION_TRANSITION = "submission.transition", _("Submission changed state")
    ATTACHMENT_ADDED = "attachment.added", _("Attachment added")
    ATTACHMENT_REMOVED = "attachment.removed", _("Attachment removed")
    REVIEWER_ASSIGNED = "review.assigned", _("Reviewer assigned")
    ASSIGNMENT_CHANGED = "review.assignment_changed", _("Reviewer assignment changed")
    CONFLICT_DECLARED = "review.conflict_declared", _("Conflict of interest declared")
    REVIEW_SUBMITTED = "review.submitted", _("Review submitted")
    ROUND_STARTED = "review.round_started", _("Review round started")
    DECISION_RECORDED = "review.decision", _("Decision recorded")
    PRACTICE_PUBLISHED = "practice.published", _("Practice published")
    IMPORT_RUN = "import.run", _("Import run")
    API_TOKEN_CREATED = "api.token_created", _("API token created")
    API_TOKEN_REVOKED = "api.token_revoked", _("API token revoked")
    ADMIN_CREATED = "admin.created", _("Created in the admin")
    ADMIN_CHANGED = "admin.changed", _("Changed in the admin")
    ADMIN_DELETED = "admin.deleted", _("Deleted in the admin")


# Events that change nothing an anonymous visitor can see (accounts, and submissions
# until one is published, which is audited as an item and PRACTICE_PUBLISHED): pages kept
# for visitors stay valid through them. Every other event, including any added later,
# counts as a change to public content (core/pagecache.py).
UNSEEN_BY_VISITORS = frozenset(
    {
        AuditEvent.USER_REGISTERED,
        AuditEvent.USER_CONFIRMED,
        AuditEvent.USER_PASSWORD_CHANGED,
        AuditEvent.API_TOKEN_CREATED,
        AuditEvent.API_TOKEN_REVOKED,
        AuditEvent.SUBMISSION_CREATED,
        AuditEvent.SUBMISSION_SAVED,
        AuditEvent.SUBMISSION_TRANSITION,
        AuditEvent.ATTACHMENT_ADDED,
        AuditEvent.ATTACHMENT_REMOVED,
        AuditEvent.REVIEWER_ASSIGNED,
        AuditEvent.ASSIGNMENT_CHANGED,
        AuditEvent.CONFLICT_DECLARED,
        AuditEvent.REVIEW_SUBMITTED,
        AuditEvent.ROUND_STARTED,
        AuditEvent.DECISION_RECORDED,
    }
)


class AuditEntry(models.Model):
    """One accountable change: who did what to which object, and what it looked like."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    event_type = models.CharField(_("event"), max_length=40, choices=AuditEvent.choices)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    snapshot = models.JSONField(_("snapshot"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_event_type_display()} {self.object_type}:{self.object_id}"
