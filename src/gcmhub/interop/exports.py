"""Exports of a search result as CSV, JSON or NDJSON, streamed.

Memory stays flat whatever the size of the result: the matching ids come from the
search (one small integer array), then items are read and written 500 at a time, in
slug order (stable, and the same in any instance holding the same items).

Only published items are ever exported, and never a private field (`schema.FIELDS` has
none of `Practice.PRIVATE_FIELDS`).
"""

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC

import numpy as np

from gcmhub.catalog.facets import facet_matrix
from gcmhub.catalog.models import (
    KIND_MODELS,
    Item,
    ItemLink,
    ItemObjective,
    ItemOrganisation,
    Organisation,
    Scope,
    Status,
)
from gcmhub.catalog.selectors import FILTER_LABELS, item_filters_parse, item_list
from gcmhub.interop.csvcells import record_to_row
from gcmhub.interop.schema import CSV_COLUMNS, FIELDS, LANGUAGES
from gcmhub.taxonomy.selectors import taxonomy_index

CHUNK = 500
FORMATS = {
    "csv": "text/csv; charset=utf-8; header=present",
    "json": "application/json; charset=utf-8",
    "ndjson": "application/x-ndjson; charset=utf-8",
}

_CORE = ("id", "kind", "slug", "status", "source_language", "date", "date_precision", "scope")
_CORE_TEXT = ("citation",)
_KIND_FIELDS = {
    kind: [
        f.name
        for f in FIELDS
        if f.applies_to(kind) and len(f.kinds) < len(KIND_MODELS) and f.name != "resource_type"
    ]
    for kind in KIND_MODELS
}


def export_ids(params: Mapping, *, language: str = "en") -> np.ndarray:
    """Ids of the published items the search page shows for these query parameters
    (words `q` and every filter), unordered."""
    index = taxonomy_index()
    filters = item_filters_parse(params, index=index)
    filters.sort = "scope"  # exports have their own order: no ranking needed
    q = params.get("q", "") if hasattr(params, "get") else ""
    text = (q[-1] if isinstance(q, list) and q else q or "")[:500]
    result = item_list(
        filters=filters, text=text, language=language, page_size=1, facet_names=(), index=index
    )
    ranked = result.page.paginator.object_list
    return np.sort(facet_matrix().ids[ranked.positions]).astype(np.int64)


def ordered_chunks(ids: np.ndarray, *, size: int = CHUNK) -> Iterator[list[int]]:
    """The ids in slug order, `size` at a time, reading the slugs by key ranges."""
    public = Item.objects.filter(status=Status.PUBLISHED)
    if len(ids) <= 5 * size:
        ordered = list(
            public.filter(pk__in=[int(i) for i in ids])
            .order_by("slug")
            .values_list("pk", flat=True)
        )
        for start in range(0, len(ordered), size):
            yield ordered[start : start + size]
        return
    last, pending = None, []
    while True:
        rows = public.order_by("slug")
        if last is not None:
            rows = rows.filter(slug__gt=last)
        page = list(rows.values_list("pk", "slug")[: size * 4])
        if not page:
            break
        last = page[-1][1]
        pks = np.fromiter((pk for pk, _slug in page), dtype=np.int64, count=len(page))
        keep = np.isin(pks, ids, assume_unique=True)
        pending += [int(pk) for pk in pks[keep]]
        while len(pending) >= size:
            yield pending[:size]
            pending = pending[size:]
    if pending:
        yield pending


def _through_pairs(relation: str, column: str, ids: list[int]) -> dict[int, list]:
    field = Item._meta.get_field(relation)
    through = field.remote_field.through
    target = field.m2m_reverse_field_name()
    grouped: dict[int, list] = defaultdict(list)
    for item_id, value in through.objects.filter(item_id__in=ids).values_list(
        "item_id", f"{target}__{column}"
    ):
        grouped[item_id].append(value)
    return grouped


def _sdg_key(code: str):
    goal, _dot, target = code.partition(".")
    return (
        int(goal) if goal.isdecimal() else 0,
        (0, int(target), "") if target.isdecimal() else (1, 0, target),
    )


class _Organisations:
    """Organisation details, read once per organisation for the whole export."""

    def __init__(self):
        self.known: dict[int, dict] = {}

    def load(self, ids: Iterable[int]) -> None:
        missing = set(ids) - self.known.keys()
        if not missing:
            return
        rows = Organisation.objects.filter(pk__in=missing).prefetch_related("translations")
        for org in rows:
            translations = {t.language_code: t for t in org.translations.all()}
            languages = [code for code in LANGUAGES if code in translations]
            self.known[org.pk] = {
                "slug": org.slug,
                "name": {code: translations[code].name for code in languages},
                "acronym": {code: translations[code].acronym for code in languages},
                "url": org.url,
            }


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _kind_value(kind: str, name: str, value):
    if name in ("starts_at", "ends_at"):
        return value.astimezone(UTC).isoformat() if value is not None else None
    if name in ("period_start", "period_end"):
        return _iso(value)
    if name == "budget":
        return str(value) if value is not None else None
    if value is None:
        field = KIND_MODELS[kind]._meta.get_field(name)
        return None if field.null else field.get_default()
    return value


def records(chunks: Iterable[list[int]], *, include_unpublished: bool = False) -> Iterator[dict]:
    """The export record of every item, chunk by chunk, each in `schema.FIELDS` order.
    `include_unpublished` is for the importer, which compares a file with every item."""
    organisations = _Organisations()
    translation_model = Item._parler_meta.root_model
    for ids in chunks:
        core = {
            row["id"]: row
            for row in Item.objects.filter(pk__in=ids).values(
                *_CORE, *_CORE_TEXT, "resource_type__slug"
            )
        }
        texts: dict[int, dict] = defaultdict(dict)
        for master_id, language, title, summary, body in translation_model.objects.filter(
            master_id__in=ids
        ).values_list("master_id", "language_code", "title", "summary", "body"):
            texts[master_id][language] = (title, summary, body)
        countries = _through_pairs("countries", "iso3", ids)
        regions = _through_pairs("regions", "slug", ids)
        principles = _through_pairs("principles", "slug", ids)
        sdg_targets = _through_pairs("sdg_targets", "code", ids)
        objectives: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
        for item_id, number, primary in ItemObjective.objects.filter(item_id__in=ids).values_list(
            "item_id", "objective__number", "is_primary"
        ):
            objectives[item_id][0 if primary else 1].append(number)
        org_links: dict[int, list] = defaultdict(list)
        for item_id, org_id, role in (
            ItemOrganisation.objects.filter(item_id__in=ids)
            .order_by("id")
            .values_list("item_id", "organisation_id", "role")
        ):
            org_links[item_id].append((org_id, role))
        organisations.load(org_id for links in org_links.values() for org_id, _role in links)
        links: dict[int, list] = defaultdict(list)
        for item_id, url, label in (
            ItemLink.objects.filter(item_id__in=ids)
            .order_by("id")
            .values_list("item_id", "url", "label")
        ):
            links[item_id].append({"url": url, "label": label})
        details: dict[int, dict] = {}
        by_kind: dict[str, list[int]] = defaultdict(list)
        for pk, row in core.items():
            by_kind[row["kind"]].append(pk)
        for kind, kind_ids in by_kind.items():
            names = _KIND_FIELDS[kind]
            for row in KIND_MODELS[kind].objects.filter(pk__in=kind_ids).values("pk", *names):
                details[row.pop("pk")] = row

        for pk in ids:
            row = core.get(pk)
            if row is None or (row["status"] != Status.PUBLISHED and not include_unpublished):
                continue  # unpublished since the search ran
            kind = row["kind"]
            versions = texts[pk]
            languages = [code for code in LANGUAGES if code in versions]
            primary, secondary = objectives[pk]
            values = {
                "kind": kind,
                "slug": row["slug"],
                "status": row["status"],
                "source_language": row["source_language"],
                "title": {code: versions[code][0] for code in languages},
                "summary": {code: versions[code][1] for code in languages},
                "body": {code: versions[code][2] for code in languages},
                "date": _iso(row["date"]),
                "date_precision": row["date_precision"],
                "scope": Scope(row["scope"]).slug,
                "objectives": sorted(primary),
                "objectives_secondary": sorted(secondary),
                "principles": sorted(principles[pk]),
                "regions": sorted(regions[pk]),
                "countries": sorted(countries[pk]),
                "sdg_targets": sorted(sdg_targets[pk], key=_sdg_key),
                "organisations": [
                    {"role": role, **organisations.known[org_id]} for org_id, role in org_links[pk]
                ],
                "links": links[pk],
                "citation": row["citation"],
                "resource_type": row["resource_type__slug"] or "",
            }
            extra = details.get(pk, {})
            for name in _KIND_FIELDS[kind]:
                values[name] = _kind_value(kind, name, extra.get(name))
            yield {f.name: _order_org(values[f.name], f.type) for f in FIELDS if f.applies_to(kind)}


def _order_org(value, field_type: str):
    """Organisation entries with their keys in the documented order."""
    if field_type != "organisations":
        return value
    keys = ("role", "slug", "name", "acronym", "url")
    return [{key: entry[key] for key in keys} for entry in value]


class _Line:
    """A file-like object whose write returns the line, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def stream_csv(rows: Iterable[dict]) -> Iterator[str]:
    """UTF-8 CSV (RFC 4180: commas, double quotes, CRLF), no byte-order mark."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield writer.writerow(CSV_COLUMNS)
    batch = []
    for record in rows:
        batch.append(writer.writerow(record_to_row(record)))
        if len(batch) >= CHUNK:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def stream_json(rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array with one record per line."""
    yield "["
    separator = "\n"
    for record in rows:
        yield separator + _dumps(record)
        separator = ",\n"
    yield "\n]\n"


def stream_ndjson(rows: Iterable[dict]) -> Iterator[str]:
    for record in rows:
        yield _dumps(record) + "\n"


STREAMS = {"csv": stream_csv, "json": stream_json, "ndjson": stream_ndjson}


def export_stream(params: Mapping, *, fmt: str, language: str = "en") -> Iterator[str]:
    """The export of the search `params` in format `fmt`, as text chunks."""
    ids = export_ids(params, language=language)
    return STREAMS[fmt](records(ordered_chunks(ids)))


def export_all_stream(*, fmt: str) -> Iterator[str]:
    """Every published item (the command line's default)."""
    return export_stream({}, fmt=fmt)


FILTER_PARAMS = ("q", *FILTER_LABELS)
