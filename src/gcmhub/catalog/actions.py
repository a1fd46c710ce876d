"""Writes to the catalogue. Each runs in one transaction, validates, and is audited."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from gcmhub.audit.actions import audit_record
from gcmhub.audit.models import AuditEvent
from gcmhub.catalog.models import (
    KIND_MODELS,
    Item,
    ItemLink,
    ItemObjective,
    ItemOrganisation,
    ItemVersion,
    Organisation,
    Practice,
    Scope,
    Status,
    TranslationOrigin,
)
from gcmhub.catalog.permissions import (
    can_review_translation,
    can_translate_item,
    can_write_source_text,
)
from gcmhub.core.languages import content_language_codes
from gcmhub.core.upsert import UpsertReport, set_if_changed, upsert_translated
from gcmhub.search.actions import search_index_rebuild, search_index_replace
from gcmhub.search.documents import IndexText
from gcmhub.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    Region,
    ResourceType,
    SDGTarget,
)


def index_texts(item: Item) -> list[IndexText]:
    """The language versions an item gives the search index: none unless published."""
    if item.status != Status.PUBLISHED:
        return []
    return [IndexText(t.language_code, t.title, t.summary, t.body) for t in item.translations.all()]


def item_reindex(*, item: Item) -> None:
    """Bring the item's index entry in line with the item, in the caller's transaction.
    Every path that writes an item (loaders, admin, review) ends with this call."""
    search_index_replace(item_id=item.pk, texts=index_texts(item))


def item_unindex(*, item_id: int) -> None:
    search_index_replace(item_id=item_id, texts=[])


def catalog_reindex_all() -> int:
    """Rebuild the whole index from the database; returns the number of items indexed."""
    items = Item.objects.public().prefetch_related("translations").order_by("pk")
    return search_index_rebuild(
        items=((item.pk, index_texts(item)) for item in items.iterator(chunk_size=2000))
    )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _kind_fields(kind: str, details: dict[str, Any]) -> dict[str, Any]:
    """Turn a data file's kind-specific object into model field values."""
    fields = dict(details)
    if kind == "document":
        slug = fields.pop("resource_type")
        fields["resource_type"] = ResourceType.objects.get(slug=slug)
        fields["document_symbol"] = fields.get("document_symbol") or ""
    for name in ("period_start", "period_end"):
        if name in fields:
            fields[name] = _date(fields[name])
    if kind == "project" and fields.get("budget") is not None:
        fields["budget"] = Decimal(fields["budget"])
    if kind == "practice":
        fields.pop("call", None)  # calls attach their practices themselves
    # Data files say null for "not known"; text columns store that as "".
    model = KIND_MODELS[kind]
    for name, value in fields.items():
        if value is None and not model._meta.get_field(name).null:
            fields[name] = ""
    return fields


@transaction.atomic
def catalog_load(
    *, data: dict, actor=None, status: str = Status.PUBLISHED, source: str = "catalog_load"
) -> UpsertReport:
    """Load organisations and items from the export-like structure of `demo/content.json`.

    Idempotent by slug: loading the same data again changes nothing. `source` names the
    caller in the audit entries (the importer says "import").
    """
    report = UpsertReport()
    for row in data.get("organisations", []):
        _, created, changed = upsert_translated(
            Organisation,
            key={"slug": row["slug"]},
            fields={"url": row.get("url") or ""},
            translations=row["translations"],
        )
        report.count("organisations", created=created, changed=changed)

    organisations = {o.slug: o for o in Organisation.objects.all()}
    for row in data.get("items", []):
        kind = row["kind"]
        fields = {
            "source_language": row["source_language"],
            "date": _date(row.get("date")),
            "date_precision": row.get("date_precision", "day"),
            "scope": Scope.from_slug(row["scope"]),
            "citation": row.get("citation") or "",
            "status": status,
            **_kind_fields(kind, row.get(kind, {})),
        }
        item, created, changed = upsert_translated(
            KIND_MODELS[kind],
            key={"slug": row["slug"]},
            fields=fields,
            translations=row["translations"],
        )
        changed |= _set_relations(item, row, organisations)
        report.count("items", created=created, changed=changed)
        if changed:
            item_reindex(item=item)
            audit_record(
                actor=actor,
                event_type=AuditEvent.ITEM_CREATED if created else AuditEvent.ITEM_UPDATED,
                obj=item,
                snapshot={"slug": item.slug, "kind": kind, "source": source, "status": status},
            )
    return report


def _set_relations(item, row: dict, organisations: dict[str, Organisation]) -> bool:
    changed = set_if_changed(
        item.countries,
        set(Country.objects.filter(iso3__in=row.get("countries", [])).values_list("pk", flat=True)),
    )
    changed |= set_if_changed(
        item.regions,
        set(Region.objects.filter(slug__in=row.get("regions", [])).values_list("pk", flat=True)),
    )
    changed |= set_if_changed(
        item.principles,
        set(
            GuidingPrinciple.objects.filter(slug__in=row.get("principles", [])).values_list(
                "pk", flat=True
            )
        ),
    )
    changed |= set_if_changed(
        item.sdg_targets,
        set(
            SDGTarget.objects.filter(code__in=row.get("sdg_targets", [])).values_list(
                "pk", flat=True
            )
        ),
    )
    _check_all_found(item, row)

    numbers = row.get("objectives", {})
    wanted_objectives = {
        (objective.pk, number in numbers.get("primary", []))
        for objective in Objective.objects.filter(
            number__in=[*numbers.get("primary", []), *numbers.get("secondary", [])]
        )
        for number in [objective.number]
    }
    current = set(item.objective_links.values_list("objective_id", "is_primary"))
    if current != wanted_objectives:
        item.objective_links.all().delete()
        ItemObjective.objects.bulk_create(
            ItemObjective(item=item, objective_id=pk, is_primary=primary)
            for pk, primary in sorted(wanted_objectives)
        )
        changed = True

    wanted_orgs = [(organisations[o["org"]].pk, o["role"]) for o in row.get("organisations", [])]
    if list(item.organisation_links.values_list("organisation_id", "role")) != wanted_orgs:
        item.organisation_links.all().delete()
        ItemOrganisation.objects.bulk_create(
            ItemOrganisation(item=item, organisation_id=pk, role=role) for pk, role in wanted_orgs
        )
        changed = True

    wanted_links = [(link["url"], link["label"]) for link in row.get("links", [])]
    if list(item.links.values_list("url", "label")) != wanted_links:
        item.links.all().delete()
        for url, label in wanted_links:
            link = ItemLink(item=item, url=url, label=label)
            link.full_clean()
            link.save()
        changed = True
    return changed


def _check_all_found(item, row: dict) -> None:
    """A data file naming an unknown country, objective… is an error, not a silent drop."""
    expected = {
        "countries": len(set(row.get("countries", []))),
        "regions": len(set(row.get("regions", []))),
        "principles": len(set(row.get("principles", []))),
        "sdg_targets": len(set(row.get("sdg_targets", []))),
    }
    for relation, count in expected.items():
        found = getattr(item, relation).count()
        if found != count:
            raise ValueError(f"{item.slug}: {relation} names {count} entries, {found} are known")


def organisations_ensure(*, names: list[str], language: str) -> dict[str, str]:
    """The slug of each organisation named, creating those the catalogue lacks. An
    existing organisation is reused as it is: a submitter's spelling never renames it."""
    slugs: dict[str, str] = {}
    for name in names:
        slug = slugify(name)[:50] or "organisation"
        if not Organisation.objects.filter(slug=slug).exists():
            upsert_translated(
                Organisation,
                key={"slug": slug},
                translations={language: {"name": name[:255]}},
            )
        slugs[name] = slug
    return slugs


def public_row(row: dict) -> dict:
    """A loader row without the fields that are never published."""
    details = {
        name: value
        for name, value in row.get("practice", {}).items()
        if name not in Practice.PRIVATE_FIELDS
    }
    return {**row, "practice": details} if "practice" in row else dict(row)


@transaction.atomic
def practice_publish(*, actor, row: dict, call_id: int | None) -> Practice:
    """Publish a reviewed practice: create it, or bring the published one up to the
    reviewed version and number the new version. Its history keeps every version."""
    existing = Practice.objects.filter(slug=row["slug"]).first()
    catalog_load(data={"items": [row]}, actor=actor)
    practice = Practice.objects.get(slug=row["slug"])
    practice.call_id = call_id
    if existing is not None:
        practice.version = existing.version + 1
    practice.save(update_fields=["call", "version"])
    ItemVersion.objects.create(item=practice, number=practice.version, snapshot=public_row(row))
    return practice


def _locked_translation(item: Item, language: str):
    """The item locked (two people saving one language wait for each other) and its
    `language` version, a new unsaved one if there is none."""
    locked = Item.objects.select_for_update().get(pk=item.pk)
    model = Item._parler_meta.root_model
    translation = model.objects.filter(master=locked, language_code=language).first()
    return locked, translation or model(master=locked, language_code=language)


def _translation_audit(*, actor, item: Item, translation, change: str) -> None:
    # Changing a language version changes what the item's page and API say.
    Item.objects.filter(pk=item.pk).update(updated_at=timezone.now())
    audit_record(
        actor=actor,
        event_type=AuditEvent.ITEM_UPDATED,
        obj=item,
        snapshot={
            "slug": item.slug,
            "change": change,
            "language": translation.language_code,
            "title": translation.title,
            "summary": translation.summary,
            "origin": translation.origin,
            "reviewed": translation.reviewed,
        },
    )


@transaction.atomic
def item_translation_save(
    *, actor, item: Item, language: str, title: str, summary: str, origin: str
) -> None:
    """Add or change the title and summary of one language version of a published item.
    A curator's text counts as reviewed; anyone else's waits for a curator (ADR 0020)."""
    if item.status != Status.PUBLISHED or not can_translate_item(actor, item):
        raise PermissionDenied
    if language == item.source_language:
        if not can_write_source_text(actor):
            raise ValidationError(
                {"language": _("The original text changes through an update of the practice.")}
            )
        if origin != TranslationOrigin.HUMAN:
            raise ValidationError({"origin": _("The original text is written by a person.")})
    locked, translation = _locked_translation(item, language)
    translation.title = title
    translation.summary = summary
    translation.origin = origin
    translation.reviewed = can_review_translation(actor)
    translation.full_clean()
    translation.save()
    item_reindex(item=locked)
    _translation_audit(actor=actor, item=locked, translation=translation, change="translation")


@transaction.atomic
def item_translation_review(*, actor, item: Item, language: str) -> None:
    """A curator vouches for a language version. Its text is unchanged, so its index
    entry is too."""
    if not can_review_translation(actor):
        raise PermissionDenied
    # Checked before the lookup, which PostgreSQL refuses for some values (a NUL byte).
    if language not in content_language_codes():
        raise ValidationError(_("There is no translation in this language to review."))
    locked, translation = _locked_translation(item, language)
    if translation.pk is None:
        raise ValidationError(_("There is no translation in this language to review."))
    translation.reviewed = True
    translation.full_clean()
    translation.save(update_fields=["reviewed"])
    _translation_audit(actor=actor, item=locked, translation=translation, change="review")
