"""Items: one list of every kind, and a list and a detail per kind.

Paths follow the site's pages: /api/v1/practices, /api/v1/resources (documents),
/api/v1/events, /api/v1/projects, /api/v1/training, /api/v1/videos, each with /{slug}.
Lists read through `catalog.selectors.item_list`, as the pages do, so filters, facets
and order are the same everywhere.
"""

from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router

from gcmhub.catalog.models import KIND_PATHS, Kind, Scope
from gcmhub.catalog.selectors import FILTER_LABELS, item_filters_parse, item_get, item_list
from gcmhub.core.languages import choose_translation
from gcmhub.interop.api import schemas as s
from gcmhub.interop.api.base import ApiError, interface_language, not_found, requested_language
from gcmhub.taxonomy.selectors import taxonomy_index

router = Router(tags=["items"])

DETAIL_SCHEMAS = {
    Kind.PRACTICE: s.PracticeOut,
    Kind.DOCUMENT: s.DocumentOut,
    Kind.EVENT: s.EventOut,
    Kind.PROJECT: s.ProjectOut,
    Kind.TRAINING: s.TrainingOut,
    Kind.VIDEO: s.VideoOut,
}
# The kind's own fields the API names differently (the item's `url` is its page).
RENAMED = {"url": "video_url"}


def detail_api_url(request: HttpRequest, kind: str, slug: str) -> str:
    return request.build_absolute_uri(reverse(f"api-v1:{kind}-detail", kwargs={"slug": slug}))


def _page_link(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _list(request: HttpRequest, params: s.ItemFilterParams, fixed: dict[str, str]):
    index = taxonomy_index()
    free = [name for name in FILTER_LABELS if name not in fixed]
    filters = item_filters_parse(request.GET, index=index, allowed=free).with_fixed(**fixed)
    language = requested_language(request)
    with translation.override(interface_language(request)):
        results = item_list(
            filters=filters,
            text=params.q,
            language=language,
            page_number=params.page,
            facet_names=free,
            index=index,
            page_size=params.page_size,
        )
        page = results.page
        if page.number != params.page:  # the paginator stopped at the last page
            raise ApiError(404, "page_not_found", _("This page number is past the last page."))
        return {
            "count": results.total,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "page_size": params.page_size,
            "next": _page_link(request, page.number + 1) if page.has_next() else None,
            "previous": _page_link(request, page.number - 1) if page.has_previous() else None,
            "results": [
                {
                    "id": card.item.pk,
                    "kind": card.item.kind,
                    "slug": card.item.slug,
                    "title": card.title,
                    "summary": card.summary,
                    "language": card.shown.language,
                    "source_language": card.item.source_language,
                    "scope": Scope(card.item.scope).slug,
                    "date": card.item.date,
                    "date_precision": card.item.date_precision,
                    "objectives": [o.number for o in card.objectives],
                    "countries": card.country_codes,
                    "url": request.build_absolute_uri(card.item.get_absolute_url()),
                    "api_url": detail_api_url(request, card.item.kind, card.item.slug),
                }
                for card in results.cards
            ],
            "facets": {
                facet.name: [
                    {"value": v.value, "label": v.label, "count": v.count} for v in facet.values
                ]
                for facet in results.facets
            },
            "ignored": [{"param": r.param, "value": r.value} for r in filters.rejected],
        }


@router.get(
    "/items",
    response=s.ItemListOut,
    summary="List published items of every kind",
    operation_id="items_list",
)
def items_list(request: HttpRequest, params: Query[s.AllItemFilterParams]):
    """Published items of every kind, filtered like the site's list pages, with facet
    counts over all matches. Order: global and comprehensive first, then newest, then
    highest id (stable); `sort=newest` or, with `q`, `sort=relevance`."""
    return _list(request, params, fixed={})


def _label(obj, field: str, language: str) -> str:
    shown = choose_translation(obj, language=language)
    return getattr(shown.translation, field) if shown else ""


def _detail(request: HttpRequest, kind: str, slug: str) -> dict:
    item = item_get(kind=kind, slug=slug)
    if item is None:
        raise not_found(_("No published item has this address."))
    language = requested_language(request)
    shown = choose_translation(item, language=language, source_language=item.source_language)
    text = shown.translation if shown else None
    data = {
        "id": item.pk,
        "kind": item.kind,
        "slug": item.slug,
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "api_url": detail_api_url(request, kind, slug),
        "language": shown.language if shown else item.source_language,
        "source_language": item.source_language,
        "translations": sorted(t.language_code for t in item.translations.all()),
        "translation": (
            {"language": shown.language, "origin": text.origin, "reviewed": text.reviewed}
            if text
            else None
        ),
        "title": text.title if text else item.slug,
        "summary": text.summary if text else "",
        "body": text.body if text else "",
        "date": item.date,
        "date_precision": item.date_precision,
        "scope": Scope(item.scope).slug,
        "citation": item.citation,
        "published_at": item.published_at,
        "updated_at": item.updated_at,
        "objectives": [
            {
                "number": link.objective.number,
                "short_name": _label(link.objective, "short_name", language),
                "primary": link.is_primary,
                "api_url": request.build_absolute_uri(
                    reverse("api-v1:objective-detail", kwargs={"number": link.objective.number})
                ),
            }
            for link in item.objective_links.all()
        ],
        "principles": [
            {"slug": p.slug, "name": _label(p, "name", language)}
            for p in sorted(item.principles.all(), key=lambda p: p.position)
        ],
        "regions": [
            {"slug": r.slug, "name": _label(r, "name", language)}
            for r in sorted(item.regions.all(), key=lambda r: r.slug)
        ],
        "countries": [
            {"iso3": c.iso3, "name": _label(c, "name", language)}
            for c in sorted(item.countries.all(), key=lambda c: c.iso3)
        ],
        "sdg_targets": [
            {"code": t.code, "label": _label(t, "label", language)}
            for t in sorted(item.sdg_targets.all(), key=lambda t: t.position)
        ],
        "resource_type": (
            {"slug": item.resource_type.slug, "name": _label(item.resource_type, "name", language)}
            if item.resource_type
            else None
        ),
        "organisations": [
            {
                "slug": link.organisation.slug,
                "name": _label(link.organisation, "name", language),
                "acronym": _label(link.organisation, "acronym", language),
                "url": link.organisation.url,
                "role": link.role,
            }
            for link in item.organisation_links.all()
        ],
        "links": [{"url": link.url, "label": link.label} for link in item.links.all()],
    }
    data.update(kind_fields(item))
    return data


def kind_fields(item) -> dict:
    """The public fields the item's kind adds to the core, by name (as its page shows
    them: private fields and links to other records left out)."""
    private = set(getattr(type(item), "PRIVATE_FIELDS", ()))
    values = {}
    for field in type(item)._meta.local_fields:
        if field.primary_key or field.name in private or isinstance(field, models.ForeignKey):
            continue
        value = getattr(item, field.name)
        if field.name == "budget" and value is not None:
            value = str(value)
        values[RENAMED.get(field.name, field.name)] = value
    return values


def _register(kind: str) -> None:
    path = KIND_PATHS[kind]
    label = str(Kind(kind).label).lower()

    def kind_list(request: HttpRequest, params: Query[s.ItemFilterParams]):
        return _list(request, params, fixed={"kind": kind})

    def kind_detail(request: HttpRequest, slug: str, lang: str = ""):
        return _detail(request, kind, slug)

    kind_list.__doc__ = (
        f"Published items of kind `{kind}`, filtered and ordered as in `GET /items`."
    )
    kind_detail.__doc__ = (
        f"Every public field of a published {label}, with its taxonomy tags, organisations "
        "and links; texts in `lang` where translated (see `translations`)."
    )
    router.get(
        f"/{path}",
        response=s.ItemListOut,
        summary=f"List published items of kind {kind}",
        operation_id=f"{kind}_list",
        url_name=f"{kind}-list",
    )(kind_list)
    router.get(
        f"/{path}/{{slug}}",
        response=DETAIL_SCHEMAS[kind],
        summary=f"One published {label}",
        operation_id=f"{kind}_detail",
        url_name=f"{kind}-detail",
    )(kind_detail)


for _kind in Kind.values:
    _register(_kind)
