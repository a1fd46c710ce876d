"""Fuzzed import files never crash the importer and never write part of a file."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmhub.interop.csvcells import record_to_row
from gcmhub.interop.schema import CSV_COLUMNS
from tests.interop.exchange import (
    catalogue_state,
    export_text,
    fresh_cache,  # noqa: F401
    json_records,
    run_import,
)

pytestmark = pytest.mark.usefixtures("demo", "fresh_cache")
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check(data: bytes, name: str, partial: bool = False) -> None:
    """Import inside a savepoint rolled back afterwards, so examples do not mix."""
    with transaction.atomic():
        before = catalogue_state()
        report = run_import(data, name=name, partial=partial)
        if report.problems and not partial:
            assert not report.written
            assert catalogue_state() == before
        transaction.set_rollback(True)


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["f.csv", "f.json", "f.ndjson", "f"]))
def test_random_bytes(data, name):
    check(data, name)


@FUZZ
@given(text=st.text(max_size=500), name=st.sampled_from(["f.csv", "f.json", "f"]))
def test_random_text(text, name):
    check(text.encode("utf-8", "surrogatepass"), name)


_EXPORT: list[str] = []  # the demo's JSON export, read once (every example rolls back)


def _records() -> list[dict]:
    if not _EXPORT:
        _EXPORT.append(export_text("json"))
    return json_records(_EXPORT[0])[:6]


def _rows():
    return [record_to_row(r) for r in _records()[:4]]


@FUZZ
@given(
    st.data(),
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, len(CSV_COLUMNS) - 1), st.text(max_size=40)),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_mutated_csv_exports(data, edits, partial):
    import csv
    import io

    rows = _rows()
    for row_index, column, value in edits:
        rows[row_index][column] = value
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    check(out.getvalue().encode(), "f.csv", partial)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@FUZZ
@given(st.data(), st.booleans())
def test_mutated_json_exports(data, partial):
    import json

    records = _records()[:4]
    for _ in range(data.draw(st.integers(1, 4))):
        record = records[data.draw(st.integers(0, len(records) - 1))]
        key = data.draw(st.sampled_from(sorted(record)))
        record[key] = data.draw(JSONISH)
    check(json.dumps(records).encode(), "f.json", partial)
