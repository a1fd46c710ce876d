"""Writes to calls for practices."""

import zoneinfo
from datetime import date, datetime

from django.db import transaction

from gcmhub.audit.actions import audit_record
from gcmhub.audit.models import AuditEvent
from gcmhub.calls.models import Call
from gcmhub.catalog.models import Organisation
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
        if changed:
            audit_record(
                actor=actor,
                event_type=AuditEvent.CALL_CREATED if created else AuditEvent.CALL_UPDATED,
                obj=call,
                snapshot={"slug": call.slug, "source": "calls_load"},
            )
    return report
