from django.contrib import admin
from parler.admin import TranslatableAdmin

from gcmhub.audit.admin import AuditedAdminMixin
from gcmhub.calls.models import Call
from gcmhub.core.admin import FORMFIELD_OVERRIDES


@admin.register(Call)
class CallAdmin(AuditedAdminMixin, TranslatableAdmin):
    formfield_overrides = FORMFIELD_OVERRIDES
    list_display = ["__str__", "opens_at", "deadline", "timezone", "is_published"]
    list_filter = ["is_published", "objectives"]
    filter_horizontal = ["objectives", "partners"]

    def save_model(self, request, obj, form, change):
        # An admin edit is an edit too: curators with the call open in its form must see
        # a conflict rather than overwrite it (ADR 0016).
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
