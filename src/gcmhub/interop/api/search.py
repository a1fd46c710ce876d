"""GET /api/v1/search: the shape DESIGN §6 promises."""

import html
from datetime import date

from django.http import HttpRequest
from django.utils import translation
from django.utils.html import strip_tags
from ninja import Query, Router, Schema

from gcmhub.catalog.models import Scope
from gcmhub.catalog.selectors import item_filters_parse, item_list
from gcmhub.interop.api.base import interface_language, requested_language
from gcmhub.interop.api.schemas import FacetValueOut, IgnoredFilterOut
from gcmhub.taxonomy.selectors import taxonomy_index

router = Router(tags=["search"])


class SearchHitOut(Schema):
    id: int
    kind: str
    title: str
    url: str
    language: str
    scope: str
    objectives: list[int]
    countries: list[str]
    date: date | None
    snippet: str


class SearchOut(Schema):
    count: int
    page: int
    pages: int
    results: list[SearchHitOut]
    facets: dict[str, list[FacetValueOut]]
    ignored: list[IgnoredFilterOut]
    suggestion: str
    relaxed: bool


class SearchParams(Schema):
    q: str = ""
    objective: list[str] = []
    principle: list[str] = []
    region: list[str] = []
    country: list[str] = []
    type: list[str] = []
    kind: list[str] = []
    language: list[str] = []
    year: list[str] = []
    scope: list[str] = []
    sort: str = ""
    page: str = "1"
    lang: str = ""


@router.get(
    "/search",
    response=SearchOut,
    summary="Search published items, with facet counts",
    operation_id="search",
)
def search(request: HttpRequest, params: Query[SearchParams]):
    """Words in `q` must all match (`"phrase"`, `prefix*`, `-exclude`, `a OR b`); filters
    combine with AND and may repeat. When no item has every word, items with some of them
    are returned, best first, and `relaxed` is true. Values that name nothing are ignored
    and listed in `ignored`. Titles are given in `lang` (default: the `Accept-Language` language)
    where a translation exists, else in the item's source language (`language`)."""
    language = requested_language(request)
    # Links and labels use the nearest interface language (pages exist only in those).
    interface = interface_language(request)
    index = taxonomy_index()
    filters = item_filters_parse(request.GET, index=index)
    with translation.override(interface):
        results = item_list(
            filters=filters,
            text=params.q,
            language=language,
            page_number=params.page,
            index=index,
        )
        hits = [
            {
                "id": card.item.pk,
                "kind": card.item.kind,
                "title": card.title,
                "url": request.build_absolute_uri(card.item.get_absolute_url()),
                "language": card.shown.language,
                "scope": Scope(card.item.scope).slug,
                "objectives": [o.number for o in card.objectives],
                "countries": card.country_codes,
                "date": card.item.date,
                "snippet": html.unescape(strip_tags(card.snippet)),
            }
            for card in results.cards
        ]
        facets = {
            facet.name: [
                {"value": v.value, "label": v.label, "count": v.count} for v in facet.values
            ]
            for facet in results.facets
        }
    return {
        "count": results.total,
        "page": results.page.number,
        "pages": results.page.paginator.num_pages,
        "results": hits,
        "facets": facets,
        "ignored": [{"param": r.param, "value": r.value} for r in filters.rejected],
        "suggestion": results.spelling,
        "relaxed": results.relaxed,
    }
