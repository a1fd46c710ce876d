"""Helpers for the export and import tests."""

import csv
import io
import json

import pytest
from django.core.cache import cache

from gcmhub.catalog.models import Item, Organisation
from gcmhub.interop.exports import export_stream
from gcmhub.interop.imports import catalog_import, import_parse


def export_text(fmt: str, params: dict | None = None) -> str:
    return "".join(export_stream(params or {}, fmt=fmt))


def response_text(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def json_records(text: str) -> list[dict]:
    return json.loads(text)


def run_import(data: bytes | str, *, name: str = "items.csv", actor=None, **options):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return catalog_import(actor=actor, parsed=import_parse(name=name, data=data), **options)


def catalogue_state() -> list[tuple]:
    """Everything an import could change, to compare before and after."""
    items = sorted(
        (i.slug, i.kind, i.status, i.updated_at.isoformat(), i.translations.count())
        for i in Item.objects.all()
    )
    return [*items, ("organisations", Organisation.objects.count())]


def empty_catalogue() -> None:
    Item.objects.all().delete()
    Organisation.objects.all().delete()


def csv_text(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture
def fresh_cache():
    """parler caches translations by primary key in Django's cache, which a rolled-back
    test does not undo: start and end each test with an empty cache."""
    cache.clear()
    yield
    cache.clear()
