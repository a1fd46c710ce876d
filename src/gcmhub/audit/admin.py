from django.contrib import admin

from gcmhub.audit.actions import audit_record, snapshot_of
from gcmhub.audit.models import AuditEntry, AuditEvent


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by actions, never edited by hand."""

    list_display = ["created_at", "event_type", "object_type", "object_id", "actor"]
    list_filter = ["event_type", "object_type"]
    search_fields = ["object_id"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedAdminMixin:
    """Records every admin save and delete in the audit log, inside the admin's own
    transaction, after related objects are saved so the snapshot is complete."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        audit_record(
            actor=request.user,
            event_type=AuditEvent.ADMIN_CHANGED if change else AuditEvent.ADMIN_CREATED,
            obj=form.instance,
            snapshot=snapshot_of(form.instance),
        )

    def delete_model(self, request, obj):
        audit_record(
            actor=request.user,
            event_type=AuditEvent.ADMIN_DELETED,
            obj=obj,
            snapshot=snapshot_of(obj),
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
