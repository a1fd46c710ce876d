"""First-run set-up: the taxonomy always, the demo content into an empty catalogue."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from gcmhub.calls.actions import calls_load
from gcmhub.catalog.actions import catalog_load
from gcmhub.catalog.models import Item
from gcmhub.core.upsert import UpsertReport
from gcmhub.review.actions import recommendations_load
from gcmhub.taxonomy.actions import taxonomy_load

DEMO_CONTENT = Path(__file__).resolve().parent.parent / "catalog" / "demo" / "content.json"


@dataclass
class InitReport:
    taxonomy: UpsertReport
    catalog: UpsertReport | None
    calls: UpsertReport | None


def demo_load(*, actor=None, path: Path = DEMO_CONTENT) -> tuple[UpsertReport, UpsertReport]:
    with path.open(encoding="utf-8") as f:
        data = json.load(f)
    with transaction.atomic():
        return catalog_load(data=data, actor=actor), calls_load(data=data, actor=actor)


def site_init(*, actor=None, demo: bool | None = None) -> InitReport:
    """Load the taxonomy; load the demo content if asked, or by default when the catalogue
    is empty (so a curator's own content is never mixed with demo content)."""
    taxonomy = taxonomy_load(actor=actor)
    recommendations_load()
    if demo is None:
        demo = not Item.objects.exists()
    catalog = calls = None
    if demo:
        catalog, calls = demo_load(actor=actor)
    return InitReport(taxonomy, catalog, calls)
