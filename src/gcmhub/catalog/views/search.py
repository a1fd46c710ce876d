from django.shortcuts import render

from gcmhub.catalog.views.listing import listing, listing_context
from gcmhub.core.pagecache import cached_for_visitors


@cached_for_visitors
def search(request):
    results = listing(request)
    return render(
        request,
        "catalog/search.html",
        {
            "q": request.GET.get("q", "")[:500],
            **listing_context(results),
        },
    )
