"""Imports check every row and report every problem with its row and field; one bad row
means nothing is written unless --partial; rows are matched to items by slug."""

import json

import pytest
from django.core.management import CommandError, call_command

from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.catalog.models import Item, Practice, Status
from gcmhub.interop.schema import MAX_IMPORT_BYTES
from tests.interop.exchange import (
    catalogue_state,
    csv_text,
    export_text,
    fresh_cache,  # noqa: F401
    run_import,
)

pytestmark = pytest.mark.usefixtures("demo", "fresh_cache")

COLUMNS = [
    "kind",
    "slug",
    "status",
    "source_language",
    "title_en",
    "title_fr",
    "scope",
    "date",
    "objectives",
    "countries",
    "regions",
    "practice_type",
    "resource_type",
]


def practice(name="new-practice", **cells):
    slug = name
    row = {
        "kind": "practice",
        "slug": slug,
        "status": "published",
        "source_language": "en",
        "title_en": f"Title of {slug}",
        "title_fr": "",
        "scope": "national",
        "date": "2020-05-01",
        "objectives": "10|9",
        "countries": "BRA",
        "regions": "americas",
        "practice_type": "policy",
        "resource_type": "",
    }
    return {**row, **cells}


def problems_of(report):
    return [(p.row, p.field, p.message) for p in report.problems]


def test_good_rows_are_created_published_and_searchable():
    report = run_import(csv_text([practice("one"), practice("two", status="draft")], COLUMNS))
    assert report.ok and report.written and report.created == ["one", "two"]
    one = Practice.objects.get(slug="one")
    assert one.status == Status.PUBLISHED and one.published_at is not None
    assert sorted(one.objectives.values_list("number", flat=True)) == [9, 10]
    assert list(one.countries.values_list("iso3", flat=True)) == ["BRA"]
    assert Item.objects.get(slug="two").status == Status.DRAFT
    exported = export_text("csv")
    assert "\r\npractice,one," in exported and ",two," not in exported


def test_a_row_without_status_creates_a_draft():
    columns = [c for c in COLUMNS if c != "status"]
    row = {k: v for k, v in practice("quiet").items() if k != "status"}
    assert run_import(csv_text([row], columns)).ok
    assert Item.objects.get(slug="quiet").status == Status.DRAFT


def test_the_audit_says_what_an_import_published(make_user):
    curator = make_user("curator")
    run_import(csv_text([practice("one"), practice("two", status="draft")], COLUMNS), actor=curator)
    run_entry = AuditEntry.objects.get(event_type=AuditEvent.IMPORT_RUN)
    assert run_entry.actor == curator
    assert run_entry.snapshot["created"] == 2
    assert run_entry.snapshot["written_by_kind_and_status"] == {
        "practice:published": 1,
        "practice:draft": 1,
    }
    item_entry = AuditEntry.objects.filter(event_type=AuditEvent.ITEM_CREATED).latest("pk")
    assert item_entry.snapshot["source"] == "import"


def test_reimport_updates_by_slug_and_never_duplicates():
    run_import(csv_text([practice("one")], COLUMNS))
    report = run_import(csv_text([practice("one", title_en="A better title")], COLUMNS))
    assert report.updated == ["one"] and not report.created
    assert Item.objects.filter(slug="one").count() == 1
    item = Item.objects.get(slug="one")
    item.set_current_language("en")
    assert item.title == "A better title"


def test_columns_left_out_leave_existing_values_alone():
    # Given an existing item, when a file gives only the required columns and a new date
    before = {r["slug"]: r for r in json.loads(export_text("json"))}["redtram"]
    text = csv_text(
        [
            {
                "kind": "practice",
                "slug": "redtram",
                "source_language": "fr",
                "title_fr": before["title"]["fr"],
                "scope": "regional",
                "date": "2018-10-01",
            }
        ],
        ["kind", "slug", "source_language", "title_fr", "scope", "date"],
    )
    report = run_import(text)
    # then only the date changed
    assert report.updated == ["redtram"]
    after = {r["slug"]: r for r in json.loads(export_text("json"))}["redtram"]
    assert after == {**before, "date": "2018-10-01"}


@pytest.mark.parametrize(
    ("cells", "field", "words"),
    [
        ({"date": "2019-02-30"}, "date", "is not a date"),
        ({"date": "30/01/2019"}, "date", "is not a date"),
        ({"countries": "BRA|ZZZ"}, "countries", "“ZZZ” is not a known ISO 3166-1"),
        ({"objectives": "10|24"}, "objectives", "“24” is not a GCM objective number"),
        ({"objectives": "ten"}, "objectives", "“ten” is not a GCM objective number"),
        ({"regions": "atlantis"}, "regions", "“atlantis” is not a known region"),
        ({"kind": "poem"}, "kind", "“poem” is not a kind"),
        ({"scope": "galactic"}, "scope", "is not an accepted value"),
        ({"source_language": "de"}, "source_language", "“de” is not a language code"),
        ({"slug": "Not A Slug!"}, "slug", "is not a slug"),
        ({"title_en": ""}, "title", "source language is required"),
        ({"title_en": "x" * 301}, "title", "At most 300 characters"),
        ({"resource_type": "report"}, "resource_type", "A practice has no such field"),
        ({"kind": "document", "practice_type": ""}, "resource_type", "needs a resource type"),
        ({"objectives": "10", "countries": "BRA", "status": "secret"}, "status", "not an accepted"),
        ({"title_en": "=cmd|' /C calc'!A0"}, "title_en", "would run as a formula"),
        ({"title_en": "+33 1 23"}, "title_en", "would run as a formula"),
        ({"title_en": "@SUM(A1)"}, "title_en", "would run as a formula"),
    ],
)
def test_each_bad_value_is_named_with_its_row_and_field_and_nothing_is_written(cells, field, words):
    before = catalogue_state()
    audits = AuditEntry.objects.count()
    # Given a good row and a bad one (the spreadsheet's row 3)
    report = run_import(csv_text([practice("good-one"), practice("bad-one", **cells)], COLUMNS))
    # then the problem names row 3 and the field, and nothing at all is written
    assert any(
        row == 3 and f == field and words in message for row, f, message in problems_of(report)
    ), problems_of(report)
    assert all(row == 3 for row, _f, _m in problems_of(report))
    assert not report.written and "Nothing written" in report.summary()
    assert catalogue_state() == before
    assert AuditEntry.objects.count() == audits


def test_partial_writes_the_good_rows_only():
    text = csv_text([practice("good-one"), practice("bad-one", countries="ZZZ")], COLUMNS)
    report = run_import(text, partial=True)
    assert report.written and report.created == ["good-one"] and report.rejected == 1
    assert Item.objects.filter(slug="good-one").exists()
    assert not Item.objects.filter(slug="bad-one").exists()


def test_an_apostrophe_lets_a_formula_like_text_in_and_is_removed():
    report = run_import(csv_text([practice("calc", title_en="'=1+1 is two")], COLUMNS))
    assert report.ok
    item = Item.objects.get(slug="calc")
    item.set_current_language("en")
    assert item.title == "=1+1 is two"
    row = next(line for line in export_text("csv").split("\r\n") if ",calc," in line)
    assert "'=1+1 is two" in row


def test_dry_run_reports_and_writes_nothing():
    before = catalogue_state()
    report = run_import(csv_text([practice("one"), practice("redtram-two")], COLUMNS), dry_run=True)
    assert report.ok and report.created == ["one", "redtram-two"] and not report.written
    assert "Dry run" in report.summary()
    assert catalogue_state() == before


def test_an_import_cannot_change_an_items_kind():
    report = run_import(
        csv_text([practice("redtram", resource_type="")], COLUMNS).replace(
            "practice,redtram", "video,redtram"
        )
    )
    assert "kind" in [p.field for p in report.problems]
    assert Item.objects.get(slug="redtram").kind == "practice"


def test_the_same_slug_twice_in_a_file_is_refused():
    report = run_import(csv_text([practice("twice"), practice("twice")], COLUMNS))
    assert (3, "slug", "This slug is already in row 2.") in problems_of(report)


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (
            "kind,slug,title_en,scope\r\npractice,x,T,global\r\n".encode("utf-16"),
            "a.csv",
            "not UTF-8",
        ),
        (
            "kind,slug,title_fr,scope\r\npractice,x,Été,global\r\n".encode("latin-1"),
            "a.csv",
            "not UTF-8",
        ),
        (
            b"kind,slug,title_en\r\npractice,x,T\r\n",
            "a.csv",
            "Missing columns: source_language, scope",
        ),
        (b"kind,slug,source_language,scope\r\n", "a.csv", "Missing columns: title_"),
        (
            b"kind,slug,source_language,scope,title_en,focal_point_email\r\n",
            "a.csv",
            "Unknown columns: focal_point_email",
        ),
        (b"", "a.csv", "The file is empty"),
        (b"PK\x03\x04rest-of-a-workbook", "a.xlsx", "spreadsheet workbook"),
        (b'[{"kind": "practice",', "a.json", "not valid JSON"),
        (b'{"items": 3}', "a.json", "must hold an array"),
        (b"a\x00b", "a.csv", "NUL"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(data, name, words):
    before = catalogue_state()
    report = run_import(data, name=name)
    assert not report.written
    assert any(words in p.message and p.row is None for p in report.problems), problems_of(report)
    assert catalogue_state() == before


def test_json_rows_are_checked_like_csv_rows():
    records = [
        {
            "kind": "practice",
            "slug": "j-one",
            "source_language": "en",
            "title": {"en": "T"},
            "scope": "global",
            "countries": ["ZZZ"],
            "focal_point_name": "Someone",
        },
        {"kind": "practice", "slug": "j-two", "source_language": "en", "scope": "global"},
        "not an object",
    ]
    report = run_import(json.dumps(records), name="a.json")
    problems = problems_of(report)
    assert (1, "focal_point_name", "Unknown field.") in problems
    assert any(p[:2] == (1, "countries") for p in problems)
    assert (2, "title", "This field is required.") in problems
    assert (3, "", "Each item must be a JSON object.") in problems
    assert not Item.objects.filter(slug__startswith="j-").exists()


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(50 * 2**20)  # sparse: reading it would take 50 MB
    with pytest.raises(CommandError) as raised:
        call_command("import", str(big))
    assert "50.0 MB" in str(raised.value) and "20.0 MB" in str(raised.value)
    report = run_import(b"x" * (MAX_IMPORT_BYTES + 1))
    assert "at most 20.0 MB" in report.problems[0].message


def test_command_line_import_reports_rows_and_fails_on_problems(tmp_path, capsys):
    path = tmp_path / "items.csv"
    path.write_text(
        csv_text([practice("cli-one"), practice("cli-two", date="2019-13-01")], COLUMNS)
    )
    with pytest.raises(CommandError):
        call_command("import", str(path))
    err = capsys.readouterr().err
    assert "items.csv: row 3, date: “2019-13-01” is not a date written YYYY-MM-DD." in err
    assert not Item.objects.filter(slug="cli-one").exists()
    with pytest.raises(CommandError):  # a rejected row still fails the command
        call_command("import", str(path), "--partial")
    assert Item.objects.filter(slug="cli-one").exists()
    path.write_text(csv_text([practice("cli-three")], COLUMNS))
    call_command("import", str(path), "--dry-run")
    assert "Dry run, nothing written: 1 created" in capsys.readouterr().out
    assert not Item.objects.filter(slug="cli-three").exists()
