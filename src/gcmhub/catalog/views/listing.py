"""The one way a page lists items: read filters from the query, ask `item_list`."""

from django.http import HttpRequest

from gcmhub.catalog.selectors import FILTER_LABELS, SORTS, ItemPage, item_filters_parse, item_list
from gcmhub.taxonomy.selectors import TaxonomyIndex, taxonomy_index


def listing(
    request: HttpRequest,
    *,
    fixed: dict[str, str] | None = None,
    index: TaxonomyIndex | None = None,
    page_size: int | None = None,
    facet_names: list[str] | None = None,
) -> ItemPage:
    """List public items for `request`, with `fixed` filters the page itself imposes
    (the kind of a list page, the objective of an objective page …). Fixed filters are
    neither offered as facets nor read from the query string."""
    fixed = fixed or {}
    index = index or taxonomy_index()
    free = [name for name in FILTER_LABELS if name not in fixed]
    filters = item_filters_parse(request.GET, index=index, allowed=free).with_fixed(**fixed)
    kwargs = {"page_size": page_size} if page_size else {}
    return item_list(
        filters=filters,
        text=request.GET.get("q", ""),
        language=request.LANGUAGE_CODE,
        page_number=request.GET.get("page"),
        facet_names=free if facet_names is None else facet_names,
        index=index,
        **kwargs,
    )


def listing_context(results: ItemPage) -> dict:
    # Relevance means nothing without words to match.
    sorts = {k: v for k, v in SORTS.items() if k != "relevance" or results.query.required}
    return {"results": results, "sorts": sorts, "filter_labels": FILTER_LABELS}
