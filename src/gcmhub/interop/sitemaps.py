"""sitemap.xml: every public page, in every language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from gcmhub.calls.selectors import call_list_by_state
from gcmhub.catalog.models import KIND_PATHS, Item
from gcmhub.taxonomy.selectors import country_list, objective_list, principle_list, region_list


class _Localised(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 5000  # per file; the index lists as many files as needed


class PagesSitemap(_Localised):
    def items(self):
        return [
            "site:home",
            "catalog:search",
            "catalog:objectives",
            "catalog:principles",
            "catalog:regions",
            "catalog:countries",
            "calls:list",
            *(f"list:{path}" for path in KIND_PATHS.values()),
        ]

    def location(self, name):
        if name.startswith("list:"):
            return reverse("catalog:list", kwargs={"path": name.removeprefix("list:")})
        return reverse(name)


class TaxonomySitemap(_Localised):
    def items(self):
        return [
            *(("catalog:objective", {"number": o.number}) for o in objective_list()),
            *(("catalog:principle", {"slug": p.slug}) for p in principle_list()),
            *(("catalog:region", {"slug": r.slug}) for r in region_list()),
            *(("catalog:country", {"iso3": c.iso3}) for c in country_list()),
        ]

    def location(self, entry):
        name, kwargs = entry
        return reverse(name, kwargs=kwargs)


class ItemsSitemap(_Localised):
    def items(self):
        # Published items only: nothing unreviewed or private is ever listed.
        return Item.objects.public().order_by("pk").only("pk", "kind", "slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class CallsSitemap(_Localised):
    def items(self):
        return [call for calls in call_list_by_state().values() for call in calls]

    def lastmod(self, call):
        return call.updated_at


SITEMAPS = {
    "pages": PagesSitemap,
    "taxonomy": TaxonomySitemap,
    "items": ItemsSitemap,
    "calls": CallsSitemap,
}
