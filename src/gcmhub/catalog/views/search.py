from django.shortcuts import render

from gcmhub.catalog.views.listing import listing, listing_context


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
