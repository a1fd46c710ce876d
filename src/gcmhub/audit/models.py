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
    ADMIN_CREATED = "admin.created", _("Created in the admin")
    ADMIN_CHANGED = "admin.changed", _("Changed in the admin")
    ADMIN_DELETED = "admin.deleted", _("Deleted in the admin")


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
