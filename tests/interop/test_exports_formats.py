"""Exports: any search result as CSV, JSON or NDJSON, in one schema, streamed."""

import json

import pytest
from django.http import StreamingHttpResponse

from gcmhub.catalog.models import Item, Status
from gcmhub.catalog.selectors import item_filters_parse, item_list
from gcmhub.interop.csvcells import join_values, record_to_row, split_values
from gcmhub.interop.schema import CSV_COLUMNS, FIELDS, fields_for
from gcmhub.taxonomy.selectors import taxonomy_index
from tests.interop.exchange import (
    csv_rows,
    export_text,
    fresh_cache,  # noqa: F401
    json_records,
    response_text,
)
from tests.pages import links

pytestmark = pytest.mark.usefixtures("demo", "fresh_cache")


def search_total(params: dict) -> int:
    index = taxonomy_index()
    filters = item_filters_parse({k: [v] for k, v in params.items() if k != "q"}, index=index)
    return item_list(filters=filters, text=params.get("q", ""), language="en", index=index).total


@pytest.mark.parametrize("fmt", ["csv", "json", "ndjson"])
@pytest.mark.parametrize(
    "query", ["", "objective=9", "q=trafficking", "kind=practice&region=americas", "country=ZZZ"]
)
def test_an_export_holds_exactly_what_the_search_page_finds(client, fmt, query):
    # Given a search, when its export is downloaded with the same query string
    response = client.get(f"/en/search/export.{fmt}?{query}")
    # then it is a streamed attachment holding the search's items, no more, no fewer
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == f'attachment; filename="gcmhub-search.{fmt}"'
    text = response_text(response)
    if fmt == "csv":
        slugs = [row["slug"] for row in csv_rows(text)]
    elif fmt == "json":
        slugs = [record["slug"] for record in json_records(text)]
    else:
        slugs = [json.loads(line)["slug"] for line in text.splitlines()]
    params = dict(pair.split("=") for pair in query.split("&") if pair)
    assert len(slugs) == search_total(params)
    assert slugs == sorted(slugs)  # stable order: by slug
    published = set(Item.objects.filter(status=Status.PUBLISHED).values_list("slug", flat=True))
    assert set(slugs) <= published


def test_csv_is_utf8_without_bom_with_every_column_and_crlf_lines():
    text = export_text("csv")
    assert not text.startswith("\ufeff")
    header, _rest = text.split("\r\n", 1)
    assert header.split(",") == list(CSV_COLUMNS)
    assert "title_zh-hans" in CSV_COLUMNS and "title_ar" in CSV_COLUMNS
    assert text.endswith("\r\n")


def test_the_three_formats_carry_the_same_records():
    # Given the JSON export, when each of its records is written as CSV cells
    records = json_records(export_text("json"))
    ndjson = [json.loads(line) for line in export_text("ndjson").splitlines()]
    rows = csv_rows(export_text("csv"))
    # then NDJSON is the same records and CSV the same cells
    assert ndjson == records
    assert [list(row.values()) for row in rows] == [record_to_row(r) for r in records]
    # and each JSON record has exactly its kind's fields, in schema order
    for record in records:
        assert list(record) == [f.name for f in fields_for(record["kind"])]


def test_multi_valued_and_translated_fields_are_written_as_documented():
    rows = {row["slug"]: row for row in csv_rows(export_text("csv"))}
    report = rows["a-74-127-coordinating-action-against-trafficking"]
    assert report["sdg_targets"] == "5.2|8.7|16.2"
    assert report["organisations"] == "author:un-secretary-general"
    assert split_values(report["links"])[0] == (
        "https://undocs.org/A/74/127 A/74/127 (UN Official Document System)"
    )
    assert report["title_fr"].startswith("Amélioration")
    assert report["title_ar"] == ""
    assert report["resource_type"] == "report"
    assert report["practice_type"] == ""  # another kind's column stays empty
    record = {r["slug"]: r for r in json_records(export_text("json"))}[
        "a-74-127-coordinating-action-against-trafficking"
    ]
    assert record["organisations"][0]["name"]["en"] == "Secretary-General of the United Nations"
    assert "practice_type" not in record


def test_list_separator_inside_a_value_is_escaped_and_read_back():
    values = ["a|b", "c\\d", "", "plain"]
    assert split_values(join_values(values)) == values


def test_formula_injection_is_neutralised_in_csv_only():
    # Given a published item whose title and citation start like spreadsheet formulas
    item = Item.objects.get(slug="redtram")
    item.set_current_language("fr")
    item.title = "=cmd|' /C calc'!A0"
    item.save()
    Item.objects.filter(pk=item.pk).update(citation="@SUM(1+1)")
    # when it is exported
    row = {r["slug"]: r for r in csv_rows(export_text("csv"))}["redtram"]
    record = {r["slug"]: r for r in json_records(export_text("json"))}["redtram"]
    # then the CSV cells start with an apostrophe, JSON keeps the text as it is
    assert row["title_fr"] == "'=cmd|' /C calc'!A0"
    assert row["citation"] == "'@SUM(1+1)"
    assert record["title"]["fr"] == "=cmd|' /C calc'!A0"
    for row in csv_rows(export_text("csv")):
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_unknown_format_is_not_found(client):
    assert client.get("/en/search/export.xlsx").status_code == 404


def test_the_search_page_links_its_exports_with_its_query(client):
    response = client.get("/fr/search/?q=traite&objective=10")
    hrefs = [href for href, _text in links(response)]
    for fmt in ("csv", "json", "ndjson"):
        assert f"/fr/search/export.{fmt}?q=traite&objective=10" in hrefs
    assert "/fr/data/dictionary/" in hrefs


def test_every_schema_field_is_exported_for_some_item():
    records = json_records(export_text("json"))
    exported = {name for record in records for name in record}
    assert exported == {f.name for f in FIELDS}


def test_command_line_export_writes_the_same_file(tmp_path):
    from django.core.management import call_command

    out = tmp_path / "all.json"
    call_command("export", output=str(out))
    assert out.read_bytes().decode("utf-8") == export_text("json")
    out = tmp_path / "objective.csv"
    call_command("export", output=str(out), query="objective=9")
    assert out.read_bytes().decode("utf-8") == export_text("csv", {"objective": ["9"]})
