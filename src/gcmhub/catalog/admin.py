from django.contrib import admin
from parler.admin import TranslatableAdmin

from gcmhub.audit.admin import AuditedAdminMixin
from gcmhub.catalog.actions import item_reindex, item_unindex
from gcmhub.catalog.models import (
    Document,
    Event,
    ItemLink,
    ItemObjective,
    ItemOrganisation,
    Organisation,
    Practice,
    Project,
    Training,
    Video,
)
from gcmhub.core.admin import FORMFIELD_OVERRIDES


class ItemObjectiveInline(admin.TabularInline):
    model = ItemObjective
    extra = 1


class ItemOrganisationInline(admin.TabularInline):
    model = ItemOrganisation
    extra = 1
    autocomplete_fields = ["organisation"]


class ItemLinkInline(admin.TabularInline):
    formfield_overrides = FORMFIELD_OVERRIDES
    model = ItemLink
    extra = 0


class ItemAdmin(AuditedAdminMixin, TranslatableAdmin):
    """Shared by every kind: the core fields first, the kind's own fields after."""

    formfield_overrides = FORMFIELD_OVERRIDES

    list_display = ["__str__", "status", "scope", "date", "source_language", "updated_at"]
    list_filter = ["status", "scope", "source_language", "objectives"]
    search_fields = ["slug", "translations__title"]
    filter_horizontal = ["countries", "regions", "principles", "sdg_targets"]
    inlines = [ItemObjectiveInline, ItemOrganisationInline, ItemLinkInline]
    date_hierarchy = "date"

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("title",)}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        item_reindex(item=form.instance)

    def delete_model(self, request, obj):
        item_unindex(item_id=obj.pk)
        super().delete_model(request, obj)


for model in (Document, Event, Project, Training, Video, Practice):
    admin.site.register(model, ItemAdmin)


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdminMixin, TranslatableAdmin):
    formfield_overrides = FORMFIELD_OVERRIDES
    list_display = ["__str__", "slug", "url"]
    search_fields = ["slug", "translations__name", "translations__acronym"]
