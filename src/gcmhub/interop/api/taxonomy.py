"""The GCM taxonomy: complete lists (never paged), labels in the requested language."""

import numpy as np
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Router

from gcmhub.catalog.facets import facet_matrix
from gcmhub.core.languages import choose_translation
from gcmhub.interop.api import schemas as s
from gcmhub.interop.api.base import not_found, requested_language
from gcmhub.taxonomy import selectors

router = Router(tags=["taxonomy"])
LANG_DOC = "Labels in `lang` (fr, en, es, ar, zh-hans, ru), else the Accept-Language choice."


def _text(obj, language: str):
    shown = choose_translation(obj, language=language)
    return shown.translation if shown else None


def _get(translation, field: str) -> str:
    return getattr(translation, field, "") if translation is not None else ""


def _counts(name: str) -> dict[str, int]:
    """Published items per value of a facet, over the whole catalogue."""
    matrix = facet_matrix()
    return matrix.counts(name, np.ones(len(matrix), dtype=bool))


def _page(request: HttpRequest, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(f"catalog:{name}", kwargs=kwargs))


def _objective(request, objective, language: str, counts: dict[str, int]) -> dict:
    text = _text(objective, language)
    return {
        "number": objective.number,
        "paragraph": objective.paragraph,
        "citation": objective.citation,
        "short_name": _get(text, "short_name"),
        "title": _get(text, "title"),
        "item_count": counts.get(str(objective.number), 0),
        "url": _page(request, "objective", number=objective.number),
        "api_url": request.build_absolute_uri(
            reverse("api-v1:objective-detail", kwargs={"number": objective.number})
        ),
    }


@router.get(
    "/objectives",
    response=s.ObjectiveListOut,
    summary="The 23 GCM objectives",
    operation_id="objectives_list",
    description=LANG_DOC,
)
def objectives_list(request: HttpRequest, lang: str = ""):
    language = requested_language(request)
    counts = _counts("objective")
    results = [_objective(request, o, language, counts) for o in selectors.objective_list()]
    return {"count": len(results), "language": language, "results": results}


@router.get(
    "/objectives/{number}",
    response=s.ObjectiveDetailOut,
    summary="One GCM objective with its actions",
    operation_id="objective_detail",
    url_name="objective-detail",
    description=LANG_DOC,
)
def objective_detail(request: HttpRequest, number: int, lang: str = ""):
    objective = selectors.objective_get(number=number) if 0 < number < 2**15 else None
    if objective is None:
        raise not_found(_("No GCM objective has this number."))
    language = requested_language(request)
    text = _text(objective, language)
    return {
        **_objective(request, objective, language, _counts("objective")),
        "commitment": _get(text, "commitment"),
        "introduction": _get(text, "introduction"),
        "language": language,
        "actions": [
            {
                "letter": action.letter,
                "citation": f"GCM para. {objective.paragraph}({action.letter})",
                "summary": _get(_text(action, language), "summary"),
            }
            for action in objective.actions.all()
        ],
        "sdg_targets": [
            {"code": t.code, "label": _get(_text(t, language), "label")}
            for t in objective.sdg_targets.all()
        ],
    }


@router.get(
    "/principles",
    response=s.PrincipleListOut,
    summary="The GCM guiding principles",
    operation_id="principles_list",
    description=LANG_DOC,
)
def principles_list(request: HttpRequest, lang: str = ""):
    language = requested_language(request)
    counts = _counts("principle")
    results = [
        {
            "slug": p.slug,
            "position": p.position,
            "paragraph": p.paragraph,
            "name": _get(text, "name"),
            "description": _get(text, "description"),
            "item_count": counts.get(p.slug, 0),
            "url": _page(request, "principle", slug=p.slug),
        }
        for p in selectors.principle_list()
        for text in [_text(p, language)]
    ]
    return {"count": len(results), "language": language, "results": results}


@router.get(
    "/regions",
    response=s.RegionListOut,
    summary="Regions",
    operation_id="regions_list",
    description=LANG_DOC,
)
def regions_list(request: HttpRequest, lang: str = ""):
    language = requested_language(request)
    counts = _counts("region")
    results = [
        {
            "slug": r.slug,
            "m49": r.m49,
            "name": _get(_text(r, language), "name"),
            "item_count": counts.get(r.slug, 0),
            "url": _page(request, "region", slug=r.slug),
        }
        for r in selectors.region_list()
    ]
    return {"count": len(results), "language": language, "results": results}


@router.get(
    "/countries",
    response=s.CountryListOut,
    summary="Countries",
    operation_id="countries_list",
    description=LANG_DOC,
)
def countries_list(request: HttpRequest, lang: str = ""):
    language = requested_language(request)
    counts = _counts("country")
    regions = {r.pk: r.slug for r in selectors.region_list()}
    results = [
        {
            "iso3": c.iso3,
            "iso2": c.iso2,
            "name": _get(_text(c, language), "name"),
            "region": regions[c.region_id],
            "item_count": counts.get(c.iso3, 0),
            "url": _page(request, "country", iso3=c.iso3),
        }
        for c in selectors.country_list()
    ]
    return {"count": len(results), "language": language, "results": results}


@router.get(
    "/resource-types",
    response=s.ResourceTypeListOut,
    summary="Resource types",
    operation_id="resource_types_list",
    description=LANG_DOC,
)
def resource_types_list(request: HttpRequest, lang: str = ""):
    language = requested_language(request)
    counts = _counts("type")
    results = [
        {
            "slug": t.slug,
            "position": t.position,
            "name": _get(_text(t, language), "name"),
            "item_count": counts.get(t.slug, 0),
        }
        for t in selectors.resource_type_list()
    ]
    return {"count": len(results), "language": language, "results": results}


@router.get(
    "/sdg-targets",
    response=s.SDGTargetListOut,
    summary="Sustainable Development Goal targets",
    operation_id="sdg_targets_list",
    description=LANG_DOC,
)
def sdg_targets_list(request: HttpRequest, lang: str = ""):
    language = requested_language(request)
    results = [
        {
            "code": t.code,
            "goal": t.goal,
            "goal_name": _get(text, "goal_name"),
            "label": _get(text, "label"),
        }
        for t in selectors.sdg_target_list()
        for text in [_text(t, language)]
    ]
    return {"count": len(results), "language": language, "results": results}
