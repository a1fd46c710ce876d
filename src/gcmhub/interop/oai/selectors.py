"""Reads for OAI-PMH: what a harvester may see, in (last change, id) order, and sets.

Visible: published items, and withdrawn items that were once published (as deleted
records). Drafts, and items withdrawn before they were ever published, never appear.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Min, Prefetch, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext

from gcmhub.calls.models import Call
from gcmhub.catalog.models import (
    KIND_MODELS,
    KIND_PLURALS,
    Item,
    ItemObjective,
    ItemOrganisation,
    Kind,
    Practice,
    Status,
)
from gcmhub.core.languages import content_language_codes
from gcmhub.taxonomy.models import Objective, Region

VISIBLE = Q(status=Status.PUBLISHED) | Q(status=Status.WITHDRAWN, published_at__isnull=False)
SET_FAMILIES = ("kind", "objective", "region", "call")


@dataclass(frozen=True)
class Window:
    """What a list request selects: a set, and instants from (inclusive) to end (exclusive)."""

    set_spec: str | None = None
    start: datetime | None = None
    end: datetime | None = None


@dataclass
class OaiSet:
    spec: str
    names: dict[str, str] = field(default_factory=dict)  # language → name

    @property
    def name(self) -> str:
        return self.names.get("en") or next(iter(self.names.values()), self.spec)


def _set_filter(spec: str) -> Q | None:
    """The items of a set and its sub-sets, or None if no such set exists."""
    family, _sep, key = spec.partition(":")
    if ":" in key:
        return None
    published_call = Q(practice__call__is_published=True)
    if family == "kind":
        return Q() if not key else (Q(kind=key) if key in Kind.values else None)
    if family == "objective":
        if not key:
            return Q(objective_links__isnull=False)
        if not key.isdecimal() or not key.isascii() or str(int(key)) != key:
            return None
        return Q(objective_links__objective__number=int(key))
    if family == "region":
        if not key:
            return Q(regions__isnull=False) | Q(countries__isnull=False)
        return Q(regions__slug=key) | Q(countries__region__slug=key)
    if family == "call":
        return published_call if not key else published_call & Q(practice__call__slug=key)
    return None


def oai_queryset(window: Window) -> QuerySet[Item] | None:
    """Visible items in the window, or None when the set does not exist."""
    items = Item.objects.filter(VISIBLE)
    if window.set_spec is not None:
        condition = _set_filter(window.set_spec)
        if condition is None:
            return None
        if condition:
            items = items.filter(pk__in=Item.objects.filter(condition).values("pk"))
    if window.start is not None:
        items = items.filter(updated_at__gte=window.start)
    if window.end is not None:
        items = items.filter(updated_at__lt=window.end)
    return items


def oai_page(
    items: QuerySet[Item], *, after: tuple[datetime, int] | None, limit: int
) -> list[Item]:
    """Up to `limit` items after the position, in (updated_at, id) order (keyset paging)."""
    if after is not None:
        moment, last_id = after
        items = items.filter(Q(updated_at__gt=moment) | Q(updated_at=moment, pk__gt=last_id))
    return list(
        items.only("pk", "kind", "slug", "status", "updated_at").order_by("updated_at", "pk")[
            :limit
        ]
    )


def oai_item(*, kind: str, slug: str) -> Item | None:
    return Item.objects.filter(VISIBLE, kind=kind, slug=slug).first()


def oai_earliest_change() -> datetime | None:
    return Item.objects.filter(VISIBLE).aggregate(first=Min("updated_at"))["first"]


def oai_set_specs(ids: list[int]) -> dict[int, list[str]]:
    """The leaf sets each item belongs to (its kind, objectives, regions, published call)."""
    specs: dict[int, set[str]] = {pk: set() for pk in ids}
    for pk, kind in Item.objects.filter(pk__in=ids).values_list("pk", "kind"):
        specs[pk].add(f"kind:{kind}")
    for pk, number in ItemObjective.objects.filter(item_id__in=ids).values_list(
        "item_id", "objective__number"
    ):
        specs[pk].add(f"objective:{number}")
    for relation, column in (("regions", "region__slug"), ("countries", "country__region__slug")):
        through = getattr(Item, relation).through
        for pk, slug in through.objects.filter(item_id__in=ids).values_list("item_id", column):
            specs[pk].add(f"region:{slug}")
    calls = Practice.objects.filter(pk__in=ids, call__is_published=True)
    for pk, slug in calls.values_list("pk", "call__slug"):
        specs[pk].add(f"call:{slug}")
    order = {family: n for n, family in enumerate(SET_FAMILIES)}

    def key(spec: str):
        family, _sep, value = spec.partition(":")
        return (order[family], value.zfill(4) if value.isdecimal() else value)

    return {pk: sorted(values, key=key) for pk, values in specs.items()}


def oai_records(items: list[Item]) -> dict[int, Item]:
    """Published items as their kind's model, with every relation their metadata shows."""
    by_kind: dict[str, list[int]] = {}
    for item in items:
        if item.status == Status.PUBLISHED:
            by_kind.setdefault(item.kind, []).append(item.pk)
    records: dict[int, Item] = {}
    for kind, ids in by_kind.items():
        model = KIND_MODELS[kind]
        rows = model.objects.filter(pk__in=ids, status=Status.PUBLISHED)
        if model is Practice:
            rows = rows.select_related("call")
        rows = rows.select_related("resource_type").prefetch_related(
            "translations",
            "resource_type__translations",
            Prefetch(
                "objective_links",
                ItemObjective.objects.select_related("objective").prefetch_related(
                    "objective__translations"
                ),
            ),
            "principles__translations",
            "regions__translations",
            "countries__translations",
            "sdg_targets__translations",
            Prefetch(
                "organisation_links",
                ItemOrganisation.objects.select_related("organisation").prefetch_related(
                    "organisation__translations"
                ),
            ),
            "links",
        )
        records.update({row.pk: row for row in rows})
    return records


def _names(obj, attribute: str) -> dict[str, str]:
    return {
        t.language_code: getattr(t, attribute)
        for t in obj.translations.all()
        if getattr(t, attribute)
    }


def oai_sets() -> list[OaiSet]:
    """Every set, parents first: kinds, GCM objectives, regions, published calls."""
    languages = content_language_codes()

    def translated(text_of) -> dict[str, str]:
        names = {}
        for code in languages:
            with translation.override(code):
                names[code] = str(text_of())
        return names

    sets = [OaiSet("kind", translated(lambda: gettext("Kind")))]
    sets += [OaiSet(f"kind:{kind}", translated(lambda k=kind: KIND_PLURALS[k])) for kind in Kind]
    sets.append(OaiSet("objective", translated(lambda: gettext("GCM objectives"))))
    for objective in Objective.objects.prefetch_related("translations"):
        names = {
            code: f"{objective.number}. {name}"
            for code, name in _names(objective, "short_name").items()
        }
        sets.append(OaiSet(f"objective:{objective.number}", names))
    sets.append(OaiSet("region", translated(lambda: gettext("Regions"))))
    for region in Region.objects.prefetch_related("translations"):
        sets.append(OaiSet(f"region:{region.slug}", _names(region, "name")))
    sets.append(OaiSet("call", translated(lambda: gettext("Calls for practices"))))
    calls = Call.objects.filter(is_published=True).prefetch_related("translations")
    for call in calls.order_by("slug"):
        sets.append(OaiSet(f"call:{call.slug}", _names(call, "title")))
    return sets
