"""Browsing by the GCM taxonomy: objectives, guiding principles, regions, countries."""

import re

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from gcmhub.catalog.models import KIND_PATHS, Kind
from gcmhub.catalog.selectors import region_country_counts
from gcmhub.catalog.views.listing import listing, listing_context
from gcmhub.core.pagecache import cached_for_visitors
from gcmhub.taxonomy.selectors import (
    country_get,
    objective_get,
    objective_list,
    principle_list,
    region_list,
    taxonomy_index,
)

ISO3 = re.compile(r"[A-Za-z]{3}")


@cached_for_visitors
def objective_index(request):
    return render(request, "catalog/objective_index.html", {"objectives": objective_list()})


@cached_for_visitors
def objective_detail(request, number):
    objective = objective_get(number=number)
    if objective is None:
        raise Http404(
            _("The Global Compact has 23 objectives; there is no objective %(number)s.")
            % {"number": number}
        )
    index = taxonomy_index()
    # Tabs by kind: the kind facet over the objective's items gives each tab its count.
    overview = listing(
        request, fixed={"objective": str(number)}, index=index, page_size=1, facet_names=["kind"]
    )
    tabs = next(f for f in overview.facets if f.name == "kind").values
    counts = {tab.value: tab.count for tab in tabs}
    requested = request.GET.get("tab")
    current = (
        requested
        if requested in counts
        else next((kind for kind in Kind.values if counts.get(kind)), Kind.PRACTICE)
    )
    results = listing(request, fixed={"objective": str(number), "kind": current}, index=index)
    return render(
        request,
        "catalog/objective_detail.html",
        {
            "objective": objective,
            "tabs": tabs,
            "current_tab": current,
            "current_tab_path": KIND_PATHS[current],
            **listing_context(results),
        },
    )


@cached_for_visitors
def principle_index(request):
    return render(request, "catalog/principle_index.html", {"principles": principle_list()})


@cached_for_visitors
def principle_detail(request, slug):
    index = taxonomy_index()
    principle = index.principles.get(slug)
    if principle is None:
        raise Http404(_("There is no guiding principle at this address."))
    results = listing(request, fixed={"principle": slug}, index=index)
    return render(
        request,
        "catalog/principle_detail.html",
        {
            "principle": principle,
            **listing_context(results),
        },
    )


@cached_for_visitors
def region_index(request):
    return render(request, "catalog/region_index.html", {"regions": region_list()})


@cached_for_visitors
def region_detail(request, slug):
    index = taxonomy_index()
    region = index.regions.get(slug)
    if region is None:
        raise Http404(_("There is no region at this address."))
    results = listing(request, fixed={"region": slug}, index=index)
    return render(
        request,
        "catalog/region_detail.html",
        {
            "region": region,
            "countries": region_country_counts(region=region, index=index),
            **listing_context(results),
        },
    )


@cached_for_visitors
def country_index(request):
    index = taxonomy_index()
    by_region = [
        (region, sorted((c for c in index.countries.values() if c.region_id == region.pk), key=str))
        for region in sorted(index.regions.values(), key=str)
    ]
    return render(request, "catalog/country_index.html", {"by_region": by_region})


@cached_for_visitors
def country_detail(request, iso3):
    # Only letters reach the database: PostgreSQL rejects some characters (NUL) outright.
    country = country_get(iso3=iso3) if ISO3.fullmatch(iso3) else None
    if country is None:
        raise Http404(_("No country has the code %(code)s.") % {"code": iso3[:12]})
    results = listing(request, fixed={"country": country.iso3})
    return render(
        request,
        "catalog/country_detail.html",
        {
            "country": country,
            **listing_context(results),
        },
    )
