"""Reads of the taxonomy, each with the translations it needs prefetched."""

import threading
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language

from gcmhub.core.pagecache import public_content_version
from gcmhub.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    ObjectiveAction,
    Region,
    ResourceType,
    SDGTarget,
)


def objective_list() -> QuerySet[Objective]:
    return Objective.objects.prefetch_related("translations")


def objective_get(*, number: int) -> Objective | None:
    return (
        Objective.objects.prefetch_related(
            "translations",
            Prefetch("actions", ObjectiveAction.objects.prefetch_related("translations")),
            Prefetch("sdg_targets", SDGTarget.objects.prefetch_related("translations")),
        )
        .filter(number=number)
        .first()
    )


def principle_list() -> QuerySet[GuidingPrinciple]:
    return GuidingPrinciple.objects.prefetch_related("translations")


def region_list() -> QuerySet[Region]:
    return Region.objects.prefetch_related("translations")


def country_list(*, region: Region | None = None) -> QuerySet[Country]:
    countries = Country.objects.prefetch_related("translations")
    return countries.filter(region=region) if region else countries


def country_get(*, iso3: str) -> Country | None:
    return (
        Country.objects.select_related("region")
        .prefetch_related("translations", "region__translations")
        .filter(iso3=iso3.upper())
        .first()
    )


def resource_type_list() -> QuerySet[ResourceType]:
    return ResourceType.objects.prefetch_related("translations")


def sdg_target_list() -> QuerySet[SDGTarget]:
    return SDGTarget.objects.prefetch_related("translations")


@dataclass(frozen=True)
class TaxonomyIndex:
    """The whole taxonomy in memory, keyed the way URLs and filters name things.

    Small (a few hundred rows) and read on every list page to validate filters and
    label facets, in a fixed number of queries.
    """

    objectives: dict[int, Objective]
    principles: dict[str, GuidingPrinciple]
    regions: dict[str, Region]
    countries: dict[str, Country]
    resource_types: dict[str, ResourceType]
    sdg_targets: dict[str, SDGTarget]


_index_cache: dict = {}
_index_lock = threading.Lock()


def taxonomy_index() -> TaxonomyIndex:
    """The index in the active language, built once per process and language and kept
    until public content changes: every taxonomy write is audited (`taxonomy_load`, the
    admin), which moves the public content version, and building the index — thousands
    of rows with their translations — was most of a list page's cost. One per language
    because a translated row prints in the language it was read in."""
    version, language = public_content_version(), get_language()
    with _index_lock:
        if _index_cache.get("version") == version and language in _index_cache:
            return _index_cache[language]
    index = TaxonomyIndex(
        objectives={o.number: o for o in objective_list()},
        principles={p.slug: p for p in principle_list()},
        regions={r.slug: r for r in region_list()},
        countries={c.iso3: c for c in country_list()},
        resource_types={t.slug: t for t in resource_type_list()},
        sdg_targets={t.code: t for t in sdg_target_list()},
    )
    with _index_lock:
        if _index_cache.get("version") != version:
            _index_cache.clear()
            _index_cache["version"] = version
        _index_cache[language] = index
    return index


def taxonomy_index_forget() -> None:
    """Drop the kept index (tests that write the taxonomy without an audited action)."""
    with _index_lock:
        _index_cache.clear()
