"""Reads of the catalogue: filtered, faceted, paginated lists and detail pages.

Every list goes through `item_list`, whatever page shows it (a kind's list, an
objective, a principle, a region, a country), so filters and facet counts behave the
same everywhere and cost a fixed number of queries however many items there are.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch
from django.utils.translation import gettext_lazy as _

from gcmhub.catalog.facets import FacetMatrix, facet_matrix
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
from gcmhub.core.languages import (
    LANGUAGE_AUTONYMS,
    Shown,
    choose_from,
    content_language_codes,
)
from gcmhub.search.documents import IndexText, checksum
from gcmhub.search.highlight import highlight
from gcmhub.search.query import Query, parse
from gcmhub.search.selectors import (
    TextMatch,
    search_checksums,
    search_match,
    search_rank,
    search_spelling_candidates,
    search_title_matches,
)
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
    "relevance": _("Relevance"),
    "scope": _("Global and comprehensive first"),
    "newest": _("Newest first"),
}


@dataclass(frozen=True)
class RejectedFilter:
    param: str
    value: str  # as shown: trimmed and shortened
    raw: str  # exactly as sent, so a link can remove it from the query


@dataclass
class ItemFilters:
    """Filter values read from a query string, each checked against the taxonomy.

    Values that name nothing are kept in `rejected` so the page can say they were
    ignored, instead of failing or silently showing something else.
    """

    values: dict[str, list[str]] = field(default_factory=dict)
    rejected: list[RejectedFilter] = field(default_factory=list)
    sort: str = ""  # "" lets the list choose: relevance with a query, else global first

    def get(self, param: str) -> list[str]:
        return self.values.get(param, [])

    def with_fixed(self, **fixed: str) -> "ItemFilters":
        values = {k: list(v) for k, v in self.values.items()}
        for param, value in fixed.items():
            values[param] = [value]
        return ItemFilters(values=values, rejected=self.rejected, sort=self.sort)


def _validator(param: str, index: TaxonomyIndex):
    def number_in(keys):
        # isdecimal, not isdigit: "²" is a digit int() cannot read.
        return lambda v: str(int(v)) if v.isdecimal() and int(v) in keys else None

    return {
        "kind": lambda v: v if v in Kind.values else None,
        "objective": number_in(index.objectives),
        "principle": lambda v: v if v in index.principles else None,
        "scope": lambda v: v if Scope.from_slug(v) else None,
        "region": lambda v: v if v in index.regions else None,
        "country": lambda v: v.upper() if v.upper() in index.countries else None,
        "type": lambda v: v if v in index.resource_types else None,
        "language": lambda v: v if v in content_language_codes() else None,
        "year": lambda v: (
            str(int(v)) if len(v) == 4 and v.isdecimal() and 1900 <= int(v) <= 2100 else None
        ),
    }[param]


def item_filters_parse(
    params: Mapping, *, index: TaxonomyIndex, allowed: Iterable[str] = FILTER_LABELS
) -> ItemFilters:
    """Read filters from a QueryDict (or a dict of lists); never raises on bad input."""
    filters = ItemFilters()
    for param in allowed:
        raw = params.getlist(param) if hasattr(params, "getlist") else params.get(param, [])
        check = _validator(param, index)
        for sent in raw[:MAX_VALUES_PER_FILTER]:
            value = sent.strip()
            if not value:
                continue
            good = check(value) if len(value) <= MAX_VALUE_LENGTH else None
            if good is None:
                filters.rejected.append(RejectedFilter(param, value[:MAX_VALUE_LENGTH], sent))
            elif good not in filters.values.setdefault(param, []):
                filters.values[param].append(good)
    sort = params.get("sort") if hasattr(params, "getlist") else None
    if sort in SORTS:
        filters.sort = sort
    elif sort:
        filters.rejected.append(RejectedFilter("sort", str(sort).strip()[:MAX_VALUE_LENGTH], sort))
    return filters


def _through(relation: str):
    return getattr(Item, relation).through


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


def _facet(name: str, counts: dict[str, int], filters: ItemFilters, index: TaxonomyIndex) -> Facet:
    """Label and order one facet's counts for display."""
    label_and_order = {
        "kind": (lambda k: KIND_PLURALS[k], lambda k: list(Kind.values).index(k)),
        "objective": (lambda k: index.objectives[int(k)], int),
        "principle": (lambda k: index.principles[k], lambda k: index.principles[k].position),
        "scope": (lambda k: Scope.from_slug(k).label, lambda k: int(Scope.from_slug(k))),
        "region": (lambda k: index.regions[k], None),
        "country": (lambda k: index.countries[k], None),
        "type": (lambda k: index.resource_types[k], lambda k: index.resource_types[k].position),
        "language": (lambda k: LANGUAGE_AUTONYMS.get(k, k), lambda k: k),
        "year": (lambda k: k, lambda k: -int(k)),
    }
    label_of, order = label_and_order[name]
    selected = set(filters.get(name))
    values = [
        FacetValue(key, str(label_of(key)), n, key in selected)
        for key, n in counts.items()
        if key in selected or _known(name, key, index)
    ]
    if order is None:  # places: most items first, then by name
        values.sort(key=lambda v: (-v.count, v.label))
    else:
        values.sort(key=lambda v: order(v.value))
    return Facet(name, str(FILTER_LABELS[name]), values)


def _known(name: str, key: str, index: TaxonomyIndex) -> bool:
    """A value the taxonomy still has (the matrix may predate a taxonomy edit)."""
    lookup = {
        "objective": index.objectives,
        "principle": index.principles,
        "region": index.regions,
        "country": index.countries,
        "type": index.resource_types,
    }.get(name)
    if lookup is None:
        return True
    return (int(key) if name == "objective" else key) in lookup


def _filter_mask(
    matrix: FacetMatrix, filters: ItemFilters, *, without: tuple[str, str] | None = None
):
    mask = np.ones(len(matrix), dtype=bool)
    for name, values in filters.values.items():
        for value in values:
            if (name, value) != without:
                mask &= matrix.mask_for(name, value)
    return mask


def _text_mask(matrix: FacetMatrix, match: TextMatch) -> np.ndarray:
    """Which public items the text matches."""
    if match.everything:
        mask = np.ones(len(matrix), dtype=bool)
    else:
        mask = np.zeros(len(matrix), dtype=bool)
        mask[matrix.positions_of(match.ids)] = True
    if match.excluded:
        mask[matrix.positions_of(match.excluded)] = False
    return mask


RANK_EXACTLY_UP_TO = 20_000


def _relevance(
    matrix: FacetMatrix, query: Query, mask: np.ndarray, text_mask: np.ndarray
) -> np.ndarray:
    """Relevance scores (0 where unranked) of the matching items.

    Ranking costs per item, so only candidates that may be shown are ranked: all of them
    up to 20 000; beyond that (a word most items contain), those whose title matches,
    which come first, the rest following global-first then newest."""
    candidates = mask
    if np.count_nonzero(mask) > RANK_EXACTLY_UP_TO:
        in_title = np.zeros(len(matrix), dtype=bool)
        in_title[matrix.positions_of(search_title_matches(query=query))] = True
        candidates = mask & in_title
    # When filters removed nothing, ranking every match needs no id list.
    every_match = np.array_equal(candidates, text_mask)
    ids, ranked = search_rank(query=query, item_ids=None if every_match else matrix.ids[candidates])
    scores = np.zeros(len(matrix), dtype=np.float64)
    positions, present = matrix.lookup(ids)
    scores[positions] = ranked[present]
    return scores


def _order_keys(matrix: FacetMatrix, positions: np.ndarray, scores: np.ndarray | None, sort: str):
    """Sort keys for np.lexsort (last key first), smallest first.

    Global-first and newest-first orders pack (scope, date, id) into one integer so a
    page can be picked with a partition instead of sorting every match."""
    scope = matrix.scope[positions].astype(np.int64)
    undated_last = (2**20 - 1) - matrix.date_key[positions].astype(np.int64)
    newest_id_first = (2**32 - 1) - matrix.ids[positions]
    global_first = (scope << 52) | (undated_last << 32) | newest_id_first
    if sort == "relevance":
        return (global_first, -scores[positions])
    if sort == "newest":
        return ((undated_last << 35) | (scope << 32) | newest_id_first,)
    return (global_first,)


class _Ranked(Sequence):
    """Matching matrix positions in display order, sorted only as far as a page needs."""

    FULL_SORT_BELOW = 2000

    def __init__(self, positions: np.ndarray, keys: tuple[np.ndarray, ...]):
        self.positions, self.keys = positions, keys

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, key):
        stop = key.stop if isinstance(key, slice) else key + 1
        return self.positions[self._first(stop or len(self))][key]

    def _first(self, k: int) -> np.ndarray:
        """Indices of the k first positions in order (ties at the k-th kept exact)."""
        primary = self.keys[-1]
        if k >= len(primary) or len(primary) < self.FULL_SORT_BELOW:
            return np.lexsort(self.keys)
        kth = np.partition(primary, k - 1)[k - 1]
        candidates = np.flatnonzero(primary <= kth)
        return candidates[np.lexsort(tuple(key[candidates] for key in self.keys))]


@dataclass(frozen=True)
class ItemCard:
    """What a list shows of one item, in the reader's language where it exists."""

    item: Item
    shown: Shown
    objectives: list[Objective]
    country_names: list[str]
    region_names: list[str]
    country_codes: list[str]
    snippet: str = ""

    @property
    def title(self) -> str:
        return self.shown.translation.title

    @property
    def summary(self) -> str:
        return self.shown.translation.summary


@dataclass(frozen=True)
class DroppableFilter:
    """A filter whose removal would give results, offered when nothing matches."""

    param: str
    value: str
    label: str
    count: int


@dataclass
class ItemPage:
    cards: list[ItemCard]
    page: Page
    facets: list[Facet]
    filters: ItemFilters
    query: Query
    sort: str
    relaxed: bool = False  # True when no item had every word and some-of-the-words is shown
    droppable: list[DroppableFilter] = field(default_factory=list)
    spelling: str = ""

    @property
    def total(self) -> int:
        return self.page.paginator.count


def _pairs(model, column: str, ids: list[int], *extra: str) -> dict[int, list]:
    """{item id: [related id, …]} for the given items, read as plain rows."""
    grouped: dict[int, list] = defaultdict(list)
    for item_id, *values in model.objects.filter(item_id__in=ids).values_list(
        "item_id", column, *extra
    ):
        grouped[item_id].append(values[0] if not extra else tuple(values))
    return grouped


def _cards(
    items: list[Item], *, language: str, index: TaxonomyIndex, query: Query | None = None
) -> list[ItemCard]:
    """What lists show of each item, in a fixed number of plain queries (no per-row
    relation managers: this runs for every list and search page)."""
    ids = [item.pk for item in items]
    translations: dict[int, list] = defaultdict(list)
    for t in Item._parler_meta.root_model.objects.filter(master_id__in=ids):
        translations[t.master_id].append(t)
    objective_links = _pairs(ItemObjective, "objective_id", ids, "is_primary")
    country_ids = _pairs(_through("countries"), "country_id", ids)
    region_ids = _pairs(_through("regions"), "region_id", ids)
    objectives_by_id = {o.pk: o for o in index.objectives.values()}
    countries = {c.pk: c for c in index.countries.values()}
    regions = {r.pk: r for r in index.regions.values()}
    cards = []
    for item in items:
        shown = choose_from(
            translations[item.pk], language=language, source_language=item.source_language
        )
        snippet = ""
        if query is not None and query.required:
            text = f"{shown.translation.summary}\n{shown.translation.body}"
            snippet = highlight(text, shown.language, query)
        primary = dict(objective_links[item.pk])  # objective id -> is primary
        linked = sorted(
            (objectives_by_id[pk] for pk in primary),
            key=lambda o, primary=primary: (not primary[o.pk], o.number),
        )
        item_countries = [countries[pk] for pk in country_ids[item.pk]]
        cards.append(
            ItemCard(
                item=item,
                shown=shown,
                objectives=linked,
                country_names=sorted(str(c) for c in item_countries),
                region_names=sorted(str(regions[pk]) for pk in region_ids[item.pk]),
                country_codes=sorted(c.iso3 for c in item_countries),
                snippet=snippet,
            )
        )
    return cards


def _fetch_in_order(matrix: FacetMatrix, positions) -> list[Item]:
    ids = [int(i) for i in matrix.ids[positions]]
    by_id = {item.pk: item for item in Item.objects.public().filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id]


def item_list(
    *,
    filters: ItemFilters,
    language: str,
    text: str = "",
    page_number: str | int | None = 1,
    facet_names: Iterable[str] = FILTER_LABELS,
    index: TaxonomyIndex | None = None,
    page_size: int = PAGE_SIZE,
) -> ItemPage:
    """One page of public items matching `text` and `filters`, with facet counts over all
    matches. Lists, the search page and the API all read through here."""
    index = index or taxonomy_index()
    matrix = facet_matrix()
    query = parse(text)
    filter_mask = _filter_mask(matrix, filters)
    text_mask = _text_mask(matrix, search_match(query=query))
    mask = text_mask & filter_mask
    relaxed = False
    if not mask.any() and len(query.required) > 1:
        # No item has every word: show those with some of them, best first, and say so.
        loose = query.relaxed()
        loose_mask = _text_mask(matrix, search_match(query=loose))
        if (loose_mask & filter_mask).any():
            query, text_mask, relaxed = loose, loose_mask, True
            mask = text_mask & filter_mask
    sort = filters.sort or ("relevance" if query.required else "scope")
    if sort == "relevance" and not query.required:
        sort = "scope"
    scores = _relevance(matrix, query, mask, text_mask) if sort == "relevance" else None
    positions = np.flatnonzero(mask)
    ranked = _Ranked(positions, _order_keys(matrix, positions, scores, sort))
    paginator = Paginator(ranked, page_size)
    page = paginator.get_page(page_number)
    page.object_list = _fetch_in_order(matrix, page.object_list)
    facets = [_facet(name, matrix.counts(name, mask), filters, index) for name in facet_names]
    result = ItemPage(
        cards=_cards(page.object_list, language=language, index=index, query=query),
        page=page,
        facets=facets,
        filters=filters,
        query=query,
        sort=sort,
        relaxed=relaxed,
    )
    if not paginator.count:
        result.droppable = _droppable(matrix, text_mask, filters, index)
        result.spelling = _spelling(text, matrix, filters)
    return result


def _droppable(matrix, text_mask, filters: ItemFilters, index: TaxonomyIndex):
    offers = []
    for name, values in filters.values.items():
        for value in values:
            count = int((text_mask & _filter_mask(matrix, filters, without=(name, value))).sum())
            if count:
                label = _facet(name, {value: count}, filters, index).values
                offers.append(
                    DroppableFilter(name, value, label[0].label if label else value, count)
                )
    return offers


def _spelling(text: str, matrix: FacetMatrix, filters: ItemFilters) -> str:
    """A respelled query that finds something, or ""."""
    corrected = text
    for word, candidates in search_spelling_candidates(text=text).items():
        corrected = corrected.replace(word, candidates[0])
    if corrected == text:
        return ""
    text_mask = _text_mask(matrix, search_match(query=parse(corrected)))
    return corrected if (text_mask & _filter_mask(matrix, filters)).any() else ""


SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")


def item_get(*, kind: str, slug: str) -> Item | None:
    """A public item of `kind` with everything its detail page shows, or None."""
    if not SLUG.fullmatch(slug):
        return None  # no item has it; and PostgreSQL refuses a NUL byte outright
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
        .order_by(F("published_at").desc(nulls_last=True), "-pk")[:limit]
    )
    return _cards(list(items), language=language, index=index)


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


@dataclass(frozen=True)
class SearchDrift:
    missing: set[int]
    stale: set[int]
    orphaned: set[int]

    @property
    def total(self) -> int:
        return len(self.missing) + len(self.stale) + len(self.orphaned)

    @property
    def clean(self) -> bool:
        return not self.total


def search_drift() -> SearchDrift:
    """Compare what the index holds with what the published items say now."""
    texts: dict[int, list[IndexText]] = defaultdict(list)
    published = Item._parler_meta.root_model.objects.filter(master__status=Status.PUBLISHED)
    for t in published.order_by("master_id", "language_code"):
        texts[t.master_id].append(IndexText(t.language_code, t.title, t.summary, t.body))
    expected = {item_id: checksum(versions) for item_id, versions in texts.items()}
    indexed = search_checksums()
    return SearchDrift(
        missing=expected.keys() - indexed.keys(),
        stale={key for key in expected.keys() & indexed.keys() if expected[key] != indexed[key]},
        orphaned=indexed.keys() - expected.keys(),
    )
