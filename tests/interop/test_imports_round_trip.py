"""Round trip: export → import into an empty catalogue → export gives identical files."""

import pytest

from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.catalog.models import Item, Status
from gcmhub.catalog.selectors import item_filters_parse, item_list
from gcmhub.taxonomy.selectors import taxonomy_index
from tests.interop.exchange import (
    empty_catalogue,
    export_text,
    fresh_cache,  # noqa: F401
    run_import,
)

pytestmark = pytest.mark.usefixtures("demo", "fresh_cache")


@pytest.mark.parametrize("fmt", ["csv", "json", "ndjson"])
def test_export_import_export_gives_identical_files(fmt):
    # Given every published item exported
    first = export_text(fmt)
    count = Item.objects.filter(status=Status.PUBLISHED).count()
    # when the catalogue is emptied and the file imported
    empty_catalogue()
    assert not Item.objects.exists()
    report = run_import(first, name=f"all.{fmt}")
    # then every item is back, published and searchable, and a new export is identical
    assert report.ok, report.problems
    assert len(report.created) == count
    assert Item.objects.filter(status=Status.PUBLISHED).count() == count
    index = taxonomy_index()
    found = item_list(
        filters=item_filters_parse({}, index=index), text="trafficking", language="en", index=index
    )
    assert found.total > 0
    assert export_text(fmt) == first


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_importing_the_same_file_again_changes_nothing_and_audits_nothing(fmt):
    # Given a catalogue and its own export
    first = export_text(fmt)
    entries = AuditEntry.objects.count()
    # when the export is imported back (twice)
    for _ in range(2):
        report = run_import(first, name=f"all.{fmt}")
        # then nothing is created or updated, and no audit entry is written
        assert report.ok, report.problems
        assert not report.created and not report.updated and not report.written
        assert len(report.unchanged) == Item.objects.filter(status=Status.PUBLISHED).count()
    assert AuditEntry.objects.count() == entries
    assert not AuditEntry.objects.filter(event_type=AuditEvent.IMPORT_RUN).exists()
    assert export_text(fmt) == first
