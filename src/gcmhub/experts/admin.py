from django.contrib import admin

from gcmhub.audit.admin import AuditedAdminMixin
from gcmhub.experts.models import ExpertProfile


@admin.register(ExpertProfile)
class ExpertProfileAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Corrections to a profile (e.g. the UN flag), audited. Decisions are taken on the
    roster's own pages, which grant or take back the reviewer role and tell the person;
    so the status and who decided are read-only here, and profiles are not added here."""

    list_display = ["__str__", "organisation", "is_un", "status", "applied_at", "decided_at"]
    list_filter = ["status", "is_un", "objectives", "regions"]
    search_fields = ["user__username", "user__email", "user__last_name", "organisation"]
    filter_horizontal = ["objectives", "themes", "regions"]
    readonly_fields = [
        "user",
        "status",
        "curator_note",
        "decided_by",
        "decided_at",
        "applied_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False
