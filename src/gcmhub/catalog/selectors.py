"""Reads of the catalogue: filtered, faceted, paginated lists and detail pages.

Every list goes through `item_list`, whatever page shows it (a kind's list, an
objective, a principle, a region, a country), so filters and facet counts behave the
same everywhere and cost a fixed number of queries however many items there are.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from gcmhub.catalog.models import (
    KIND_MODELS,
    KIND_PLURALS,
    Item,
    ItemObjective,
    ItemOrganisation,
    Kind,
    Scope,
    Status,
)
from gcmhub.core.languages import LANGUAGE_AUTONYMS, Shown, choose_translation, language_codes
from gcmhub.taxonomy.models import Objective
from gcmhub.taxonomy.selectors import TaxonomyIndex, taxonomy_index

PAGE_SIZE = 20
MAX_VALUES_PER_FILTER = 20
MAX_VALUE_LENGTH = 64

FILTER_LABELS = {
    "kind": _("Kind"),
    "objective": _("GCM objective"),
    "principle": _("Guiding principle"),
    "scope": _("Geographic scope"),
    "region": _("Region"),
    "country": _("Country"),
    "type": _("Resource type"),
    "language": _("Language"),
    "year": _("Year"),
}

SORTS = {
    "scope": _("Global and comprehensive first"),
    "newest": _("Newest first"),
}


@dataclass(frozen=True)
class RejectedFilter:
    param: str
    value: str


@dataclass
class ItemFilters:
    """Filter values read from a query string, each checked against the taxonomy.

    Values that name nothing are kept in `rejected` so the page can say they were
    ignored, instead of failing or silently showing something else.
    """

    values: dict[str, list[str]] = field(default_factory=dict)
    rejected: list[RejectedFilter] = field(default_factory=list)
    sort: str = "scope"

    def get(self, param: str) -> list[str]:
        return self.values.get(param, [])

    def with_fixed(self, **fixed: str) -> "ItemFilters":
        values = {k: list(v) for k, v in self.values.items()}
        for param, value in fixed.items():
            values[param] = [value]
        return ItemFilters(values=values, rejected=self.rejected, sort=self.sort)


def _validator(param: str, index: TaxonomyIndex):
    def number_in(keys):
        return lambda v: v if v.isdigit() and int(v) in keys else None

    return {
        "kind": lambda v: v if v in Kind.values else None,
        "objective": number_in(index.objectives),
        "principle": lambda v: v if v in index.principles else None,
        "scope": lambda v: v if Scope.from_slug(v) else None,
        "region": lambda v: v if v in index.regions else None,
        "country": lambda v: v.upper() if v.upper() in index.countries else None,
        "type": lambda v: v if v in index.resource_types else None,
        "language": lambda v: v if v in language_codes() else None,
        "year": lambda v: v if len(v) == 4 and v.isdigit() and 1900 <= int(v) <= 2100 else None,
    }[param]


def item_filters_parse(
    params: Mapping, *, index: TaxonomyIndex, allowed: Iterable[str] = FILTER_LABELS
) -> ItemFilters:
    """Read filters from a QueryDict (or a dict of lists); never raises on bad input."""
    filters = ItemFilters()
    for param in allowed:
        raw = params.getlist(param) if hasattr(params, "getlist") else params.get(param, [])
        check = _validator(param, index)
        for value in raw[:MAX_VALUES_PER_FILTER]:
            value = value.strip()
            if not value:
                continue
            good = check(value) if len(value) <= MAX_VALUE_LENGTH else None
            if good is None:
                filters.rejected.append(RejectedFilter(param, value[:MAX_VALUE_LENGTH]))
            elif good not in filters.values.setdefault(param, []):
                filters.values[param].append(good)
    sort = params.get("sort") if hasattr(params, "getlist") else None
    if sort in SORTS:
        filters.sort = sort
    elif sort:
        filters.rejected.append(RejectedFilter("sort", str(sort)[:MAX_VALUE_LENGTH]))
    return filters


def _through(relation: str):
    return getattr(Item, relation).through


def _filtered(filters: ItemFilters, index: TaxonomyIndex) -> QuerySet[Item]:
    items = Item.objects.public()
    for kind in filters.get("kind"):
        items = items.filter(kind=kind)
    for number in filters.get("objective"):
        objective_id = index.objectives[int(number)].pk
        items = items.filter(
            pk__in=ItemObjective.objects.filter(objective_id=objective_id).values("item_id")
        )
    for slug in filters.get("principle"):
        items = items.filter(
            pk__in=_through("principles")
            .objects.filter(guidingprinciple_id=index.principles[slug].pk)
            .values("item_id")
        )
    for slug in filters.get("scope"):
        items = items.filter(scope=Scope.from_slug(slug))
    for slug in filters.get("region"):
        region_id = index.regions[slug].pk
        items = items.filter(
            Q(pk__in=_through("regions").objects.filter(region_id=region_id).values("item_id"))
            | Q(
                pk__in=_through("countries")
                .objects.filter(country__region_id=region_id)
                .values("item_id")
            )
        )
    for iso3 in filters.get("country"):
        items = items.filter(
            pk__in=_through("countries")
            .objects.filter(country_id=index.countries[iso3].pk)
            .values("item_id")
        )
    for slug in filters.get("type"):
        items = items.filter(resource_type_id=index.resource_types[slug].pk)
    for code in filters.get("language"):
        items = items.filter(translations__language_code=code)
    for year in filters.get("year"):
        items = items.filter(date__year=int(year))
    return items


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: list[FacetValue]


def _facets(
    items: QuerySet[Item], filters: ItemFilters, index: TaxonomyIndex, names: Iterable[str]
) -> list[Facet]:
    """Counts for each facet value over the matching set: each count is the number of
    results that selecting the value would give (filters combine with AND)."""
    ids = items.values("pk")
    names = list(names)
    facets = []

    def facet(name, counts: dict[str, int], label_of, order):
        selected = set(filters.get(name))
        values = [
            FacetValue(key, str(label_of(key)), n, key in selected)
            for key, n in counts.items()
            if n
        ]
        values.sort(key=order)
        facets.append(Facet(name, str(FILTER_LABELS[name]), values))

    def grouped(queryset, column, count_column="pk"):
        return dict(
            queryset.order_by().values_list(column).annotate(n=Count(count_column, distinct=True))
        )

    objectives_by_id = {o.pk: o for o in index.objectives.values()}
    for name in names:
        if name == "kind":
            counts = grouped(items, "kind")
            facet(
                name, counts, lambda k: KIND_PLURALS[k], lambda v: list(Kind.values).index(v.value)
            )
        elif name == "objective":
            raw = grouped(ItemObjective.objects.filter(item__in=ids), "objective_id", "item_id")
            counts = {str(objectives_by_id[k].number): n for k, n in raw.items()}
            facet(name, counts, lambda k: index.objectives[int(k)], lambda v: int(v.value))
        elif name == "principle":
            raw = grouped(
                _through("principles").objects.filter(item__in=ids),
                "guidingprinciple_id",
                "item_id",
            )
            by_id = {p.pk: p for p in index.principles.values()}
            counts = {by_id[k].slug: n for k, n in raw.items()}
            facet(
                name,
                counts,
                lambda k: index.principles[k],
                lambda v: index.principles[v.value].position,
            )
        elif name == "scope":
            counts = {Scope(k).slug: n for k, n in grouped(items, "scope").items()}
            facet(
                name, counts, lambda k: Scope.from_slug(k).label, lambda v: Scope.from_slug(v.value)
            )
        elif name == "region":
            counts = items.order_by().aggregate(
                **{
                    slug: Count(
                        "pk",
                        distinct=True,
                        filter=Q(regions=region.pk) | Q(countries__region=region.pk),
                    )
                    for slug, region in index.regions.items()
                }
            )
            facet(name, counts, lambda k: index.regions[k], lambda v: v.label)
        elif name == "country":
            raw = grouped(
                _through("countries").objects.filter(item__in=ids), "country_id", "item_id"
            )
            by_id = {c.pk: c for c in index.countries.values()}
            counts = {by_id[k].iso3: n for k, n in raw.items()}
            facet(name, counts, lambda k: index.countries[k], lambda v: (-v.count, v.label))
        elif name == "type":
            raw = grouped(items.filter(resource_type__isnull=False), "resource_type_id")
            by_id = {t.pk: t for t in index.resource_types.values()}
            counts = {by_id[k].slug: n for k, n in raw.items()}
            facet(
                name,
                counts,
                lambda k: index.resource_types[k],
                lambda v: index.resource_types[v.value].position,
            )
        elif name == "language":
            translation_model = Item._parler_meta.root_model
            counts = grouped(
                translation_model.objects.filter(master__in=ids), "language_code", "master_id"
            )
            facet(name, counts, lambda k: LANGUAGE_AUTONYMS.get(k, k), lambda v: v.value)
        elif name == "year":
            counts = {
                str(year): n
                for year, n in grouped(
                    items.filter(date__isnull=False).annotate(year=ExtractYear("date")), "year"
                ).items()
            }
            facet(name, counts, lambda k: k, lambda v: -int(v.value))
    return facets


@dataclass(frozen=True)
class ItemCard:
    """What a list shows of one item, in the reader's language where it exists."""

    item: Item
    shown: Shown
    objectives: list[Objective]
    country_names: list[str]
    region_names: list[str]

    @property
    def title(self) -> str:
        return self.shown.translation.title

    @property
    def summary(self) -> str:
        return self.shown.translation.summary


@dataclass
class ItemPage:
    cards: list[ItemCard]
    page: Page
    facets: list[Facet]
    filters: ItemFilters
    index: TaxonomyIndex

    @property
    def total(self) -> int:
        return self.page.paginator.count


def _order(items: QuerySet[Item], sort: str) -> QuerySet[Item]:
    newest = F("date").desc(nulls_last=True)
    if sort == "newest":
        return items.order_by(newest, "scope", "-pk")
    return items.order_by("scope", newest, "-pk")


def _cards(items: Iterable[Item], *, language: str, index: TaxonomyIndex) -> list[ItemCard]:
    objectives_by_id = {o.pk: o for o in index.objectives.values()}
    countries = {c.pk: c for c in index.countries.values()}
    regions = {r.pk: r for r in index.regions.values()}
    return [
        ItemCard(
            item=item,
            shown=choose_translation(item, language=language, source_language=item.source_language),
            objectives=[objectives_by_id[link.objective_id] for link in item.objective_links.all()],
            country_names=sorted(str(countries[c.pk]) for c in item.countries.all()),
            region_names=sorted(str(regions[r.pk]) for r in item.regions.all()),
        )
        for item in items
    ]


def item_list(
    *,
    filters: ItemFilters,
    language: str,
    page_number: str | int | None = 1,
    facet_names: Iterable[str] = FILTER_LABELS,
    index: TaxonomyIndex | None = None,
    page_size: int = PAGE_SIZE,
) -> ItemPage:
    """One page of public items matching `filters`, with facet counts over all matches."""
    index = index or taxonomy_index()
    items = _filtered(filters, index)
    ordered = _order(items, filters.sort).prefetch_related(
        "translations", "objective_links", "countries", "regions"
    )
    page = Paginator(ordered, page_size).get_page(page_number)
    return ItemPage(
        cards=_cards(page.object_list, language=language, index=index),
        page=page,
        facets=_facets(items, filters, index, facet_names),
        filters=filters,
        index=index,
    )


def item_get(*, kind: str, slug: str) -> Item | None:
    """A public item of `kind` with everything its detail page shows, or None."""
    model = KIND_MODELS[kind]
    return (
        model.objects.public()
        .select_related("resource_type")
        .prefetch_related(
            "translations",
            "resource_type__translations",
            Prefetch(
                "objective_links",
                ItemObjective.objects.select_related("objective").prefetch_related(
                    "objective__translations"
                ),
            ),
            "countries__translations",
            "regions__translations",
            "principles__translations",
            "sdg_targets__translations",
            Prefetch(
                "organisation_links",
                ItemOrganisation.objects.select_related("organisation").prefetch_related(
                    "organisation__translations"
                ),
            ),
            "links",
        )
        .filter(slug=slug)
        .first()
    )


def item_latest(*, kind: str, language: str, limit: int = 5) -> list[ItemCard]:
    index = taxonomy_index()
    items = (
        Item.objects.public()
        .filter(kind=kind)
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
        .prefetch_related("translations", "objective_links", "countries", "regions")[:limit]
    )
    return _cards(items, language=language, index=index)


def region_country_counts(*, region, index: TaxonomyIndex) -> list[tuple[object, int]]:
    """The region's countries, each with its number of public items, most first."""
    counts = dict(
        _through("countries")
        .objects.filter(country__region=region, item__status=Status.PUBLISHED)
        .order_by()
        .values_list("country_id")
        .annotate(n=Count("item_id"))
    )
    countries = [c for c in index.countries.values() if c.region_id == region.pk]
    return sorted(((c, counts.get(c.pk, 0)) for c in countries), key=lambda p: (-p[1], str(p[0])))
