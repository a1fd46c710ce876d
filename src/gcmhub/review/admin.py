from django.contrib import admin
from parler.admin import TranslatableAdmin

from gcmhub.accounts.roles import is_curator
from gcmhub.audit.admin import AuditedAdminMixin
from gcmhub.review.models import Recommendation


@admin.register(Recommendation)
class RecommendationAdmin(AuditedAdminMixin, TranslatableAdmin):
    """Curators edit the vocabulary reviewers recommend from. Submissions and reviews
    are changed only through the workflow's pages, so each step is checked and told."""

    list_display = ["code", "label", "outcome", "position", "is_active"]
    list_editable = ["position", "is_active"]

    def has_module_permission(self, request):
        return is_curator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_curator(request.user)

    has_add_permission = has_change_permission = has_view_permission

    def has_delete_permission(self, request, obj=None):
        return False  # reviews point to them; retire a term by unticking "offered"

    def label(self, obj):
        return obj.safe_translation_getter("label", any_language=True)
