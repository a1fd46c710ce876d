"""Writes to calls for practices."""

import zoneinfo
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gcmhub.accounts.roles import is_curator
from gcmhub.audit.actions import audit_record, snapshot_of
from gcmhub.audit.models import AuditEvent
from gcmhub.calls.models import Call
from gcmhub.catalog.models import Organisation, Practice, Status
from gcmhub.core.upsert import UpsertReport, set_if_changed, upsert_translated
from gcmhub.taxonomy.models import Objective


def _aware(value: str | None, tz: str) -> datetime | None:
    """Data files give local wall-clock times; the call's time zone makes them exact."""
    if not value:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=zoneinfo.ZoneInfo(tz))


@transaction.atomic
def calls_load(*, data: dict, actor=None) -> UpsertReport:
    """Load calls from the demo structure; idempotent by slug."""
    report = UpsertReport()
    for row in data.get("calls", []):
        tz = row.get("timezone") or "UTC"
        call, created, changed = upsert_translated(
            Call,
            key={"slug": row["slug"]},
            fields={
                "source_language": row["source_language"],
                "opens_at": _aware(row.get("opens_at"), tz),
                "deadline": _aware(row["deadline"], tz),
                "timezone": tz,
                "world_day": date.fromisoformat(row["world_day"]) if row.get("world_day") else None,
                "contact_url": row.get("contact_url") or "",
                "is_published": True,
            },
            translations=row["translations"],
        )
        changed |= set_if_changed(
            call.objectives,
            set(
                Objective.objects.filter(number__in=row["objectives"]).values_list("pk", flat=True)
            ),
        )
        changed |= set_if_changed(
            call.partners,
            set(
                Organisation.objects.filter(slug__in=row.get("partners", [])).values_list(
                    "pk", flat=True
                )
            ),
        )
        report.count("calls", created=created, changed=changed)
        if changed and not created:
            Call.objects.filter(pk=call.pk).update(version=F("version") + 1)
        if changed:
            audit_record(
                actor=actor,
                event_type=AuditEvent.CALL_CREATED if created else AuditEvent.CALL_UPDATED,
                obj=call,
                snapshot={"slug": call.slug, "source": "calls_load"},
            )
    return report


# The texts a call carries in each language, and the fields it has once.
TRANSLATED_FIELDS = ("title", "theme", "context", "who_may_submit", "criteria")
PLAIN_FIELDS = (
    "source_language",
    "opens_at",
    "deadline",
    "timezone",
    "world_day",
    "contact_url",
    "contact_email",
    "is_published",
)
# Paths under /calls/ that are pages, not calls.
RESERVED_SLUGS = {"new"}


class CallConflict(Exception):
    """The call was saved by someone else since the editor loaded it (optimistic lock)."""

    def __init__(self, current: Call):
        super().__init__(f"call {current.pk} is at version {current.version}")
        self.current = current


def _require_curator(actor) -> None:
    if not is_curator(actor):
        raise PermissionDenied(_("Only curators may create or change calls for practices."))


def call_slug_for(title: str) -> str:
    """A free address for a new call, from its title (or "call" when the title has no
    Latin letters to make one from)."""
    base = slugify(title)[:100].strip("-") or "call"
    if base in RESERVED_SLUGS:
        base = f"{base}-call"
    slug, n = base, 2
    while Call.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _write(*, call: Call, values: dict, translations: dict[str, dict], remove_languages=()):
    """Set fields and texts, validate everything, save. Raises ValidationError keyed by
    field (texts of the source language under their own names)."""
    for name in PLAIN_FIELDS:
        if name in values:
            setattr(call, name, values[name])
    if call.source_language not in translations and not call.has_translation(call.source_language):
        raise ValidationError({"title": _("The call needs a title in its source language.")})
    if call.source_language in remove_languages:
        raise ValidationError(
            {"source_language": _("The text in the source language cannot be removed.")}
        )
    call.full_clean(exclude=["objectives", "partners"])
    for language, texts in translations.items():
        call.set_current_language(language)
        for name in TRANSLATED_FIELDS:
            setattr(call, name, texts.get(name, "") or "")
        try:
            call._get_translated_model(language, auto_create=True).full_clean(exclude=["master"])
        except ValidationError as error:
            if language == call.source_language:
                raise
            raise ValidationError({"translations": error.messages}) from error
    call.set_current_language(call.source_language)
    call.save()
    for language in remove_languages:
        if call.has_translation(language):
            call.delete_translation(language)


@transaction.atomic
def call_create(
    *,
    actor,
    values: dict,
    translations: dict[str, dict],
    objectives=(),
    partners=(),
    slug: str = "",
) -> Call:
    """Create a call. `values` holds the plain fields (aware datetimes), `translations`
    maps a language to its texts (the source language's at least)."""
    _require_curator(actor)
    source = values.get("source_language", "")
    title = (translations.get(source) or {}).get("title", "")
    if slug and (slug in RESERVED_SLUGS or Call.objects.filter(slug=slug).exists()):
        raise ValidationError({"slug": _("Another call already uses this address.")})
    call = Call(slug=slug or call_slug_for(title))
    _write(call=call, values=values, translations=translations)
    if not objectives:
        raise ValidationError({"objectives": _("Choose at least one GCM objective.")})
    call.objectives.set(objectives)
    call.partners.set(partners)
    audit_record(
        actor=actor, event_type=AuditEvent.CALL_CREATED, obj=call, snapshot=snapshot_of(call)
    )
    return call


@transaction.atomic
def call_update(
    *,
    actor,
    call: Call,
    version: int,
    values: dict,
    translations: dict[str, dict],
    remove_languages=(),
    objectives=(),
    partners=(),
) -> Call:
    """Change a call that the editor loaded at `version`. If it has been saved since,
    raise CallConflict (carrying the saved call) and change nothing."""
    _require_curator(actor)
    # Compare-and-set in one UPDATE: of two edits of the same version, exactly one wins,
    # on SQLite and PostgreSQL alike.
    claimed = Call.objects.filter(pk=call.pk, version=version).update(version=version + 1)
    if not claimed:
        raise CallConflict(Call.objects.prefetch_related("translations").get(pk=call.pk))
    call.version = version + 1
    was_published = Call.objects.filter(pk=call.pk, is_published=True).exists()
    if (
        was_published
        and values.get("is_published") is False
        and Practice.objects.filter(call=call, status=Status.PUBLISHED).exists()
    ):
        raise ValidationError(
            {
                "is_published": _(
                    "Practices have been published from this call: it stays public so "
                    "their pages can link to it."
                )
            }
        )
    _write(call=call, values=values, translations=translations, remove_languages=remove_languages)
    if not objectives:
        raise ValidationError({"objectives": _("Choose at least one GCM objective.")})
    call.objectives.set(objectives)
    call.partners.set(partners)
    call = Call.objects.prefetch_related("translations").get(pk=call.pk)
    audit_record(
        actor=actor, event_type=AuditEvent.CALL_UPDATED, obj=call, snapshot=snapshot_of(call)
    )
    return call
