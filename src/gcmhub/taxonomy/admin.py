from django.contrib import admin
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from gcmhub.audit.admin import AuditedAdminMixin
from gcmhub.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    ObjectiveAction,
    Region,
    ResourceType,
    SDGTarget,
)


class ObjectiveActionInline(TranslatableTabularInline):
    model = ObjectiveAction
    extra = 0


@admin.register(Objective)
class ObjectiveAdmin(AuditedAdminMixin, TranslatableAdmin):
    list_display = ["number", "__str__", "paragraph"]
    filter_horizontal = ["sdg_targets"]
    inlines = [ObjectiveActionInline]


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(AuditedAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "slug", "position", "paragraph"]


@admin.register(Region)
class RegionAdmin(AuditedAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "slug", "m49"]


@admin.register(Country)
class CountryAdmin(AuditedAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "iso3", "iso2", "region"]
    list_filter = ["region"]
    search_fields = ["iso3", "iso2", "translations__name"]


@admin.register(ResourceType)
class ResourceTypeAdmin(AuditedAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "slug", "position"]


@admin.register(SDGTarget)
class SDGTargetAdmin(AuditedAdminMixin, TranslatableAdmin):
    list_display = ["__str__", "goal"]
