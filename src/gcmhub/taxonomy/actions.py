"""Writes to the taxonomy. The taxonomy is data (`data/*.json`), loaded idempotently."""

import json
from pathlib import Path

from django.db import transaction

from gcmhub.audit.actions import audit_record
from gcmhub.audit.models import AuditEvent
from gcmhub.core.upsert import UpsertReport, set_if_changed, upsert_translated
from gcmhub.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    ObjectiveAction,
    Region,
    ResourceType,
    SDGTarget,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(data_dir: Path, name: str) -> list[dict]:
    with (data_dir / name).open(encoding="utf-8") as f:
        return json.load(f)


@transaction.atomic
def taxonomy_load(*, actor=None, data_dir: Path = DATA_DIR) -> UpsertReport:
    """Load or refresh the whole taxonomy; a second run with the same files writes nothing."""
    report = UpsertReport()

    def upsert(model, label, **kwargs):
        obj, created, changed = upsert_translated(model, **kwargs)
        report.count(label, created=created, changed=changed)
        return obj, created

    for row in _read(data_dir, "sdg_targets.json"):
        upsert(
            SDGTarget,
            "sdg_targets",
            key={"code": row["code"]},
            fields={"goal": row["goal"]},
            translations=row["translations"],
        )
    for row in _read(data_dir, "regions.json"):
        upsert(
            Region,
            "regions",
            key={"slug": row["slug"]},
            fields={"m49": row["m49"]},
            translations=row["translations"],
        )
    regions = {r.slug: r for r in Region.objects.all()}
    for row in _read(data_dir, "countries.json"):
        upsert(
            Country,
            "countries",
            key={"iso3": row["iso3"]},
            fields={"iso2": row["iso2"], "region": regions[row["region"]]},
            translations=row["translations"],
        )
    for row in _read(data_dir, "principles.json"):
        upsert(
            GuidingPrinciple,
            "principles",
            key={"slug": row["slug"]},
            fields={"position": row["position"], "paragraph": row["paragraph"]},
            translations=row["translations"],
        )
    for row in _read(data_dir, "resource_types.json"):
        upsert(
            ResourceType,
            "resource_types",
            key={"slug": row["slug"]},
            fields={"position": row["position"]},
            translations=row["translations"],
        )

    targets = {t.code: t.pk for t in SDGTarget.objects.all()}
    for row in _read(data_dir, "objectives.json"):
        objective, created = upsert(
            Objective,
            "objectives",
            key={"number": row["number"]},
            fields={"paragraph": row["paragraph"]},
            translations=row["translations"],
        )
        wanted = {targets[code] for code in row.get("sdg_targets", [])}
        if set_if_changed(objective.sdg_targets, wanted) and not created:
            report.count("objectives", created=False, changed=True)
        for action in row.get("actions", []):
            upsert(
                ObjectiveAction,
                "actions",
                key={"objective": objective, "letter": action["letter"]},
                translations=action["translations"],
            )

    if report.changed:
        audit_record(actor=actor, event_type=AuditEvent.TAXONOMY_LOADED, snapshot=report.as_dict())
    return report
