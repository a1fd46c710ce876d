"""No draft, withdrawn item or private field reaches any export surface."""

import pytest
from django.core.management import call_command

from gcmhub.catalog.actions import item_reindex
from gcmhub.catalog.models import Item, Practice, Status
from gcmhub.interop.schema import CSV_COLUMNS, FIELDS
from tests.interop.exchange import (
    fresh_cache,  # noqa: F401
    response_text,
)

pytestmark = pytest.mark.usefixtures("demo", "fresh_cache")

SECRET_NAME = "Zebulon Secretperson"
SECRET_EMAIL = "zebulon.secret@example.org"


@pytest.fixture
def private_things():
    # A published practice with a focal point, a draft and a withdrawn practice.
    practice = Practice.objects.get(slug="redtram")
    Practice.objects.filter(pk=practice.pk).update(
        focal_point_name=SECRET_NAME, focal_point_email=SECRET_EMAIL
    )
    for slug, status in (
        ("project-protect", Status.DRAFT),
        ("brazil-labour-inspection", Status.WITHDRAWN),
    ):
        item = Item.objects.get(slug=slug)
        item.status = status
        item.save()
        item_reindex(item=item)  # as every path that writes an item does
    return ["project-protect", "brazil-labour-inspection", SECRET_NAME, SECRET_EMAIL, "zebulon"]


def assert_private_absent(text: str, secrets: list[str]) -> None:
    assert "redtram" in text  # the public practice itself is exported
    for secret in secrets:
        assert secret.lower() not in text.lower()
    for private in Practice.PRIVATE_FIELDS:
        assert private not in text


def test_schema_has_no_private_field():
    names = {f.name for f in FIELDS} | set(CSV_COLUMNS)
    assert not names & set(Practice.PRIVATE_FIELDS)
    assert not {name for name in names if "focal" in name}


@pytest.mark.parametrize("fmt", ["csv", "json", "ndjson"])
@pytest.mark.parametrize("query", ["", "kind=practice", "q=protect", "language=fr&kind=practice"])
def test_web_exports_hold_no_draft_and_no_focal_point(client, private_things, fmt, query):
    response = client.get(f"/en/search/export.{fmt}?{query}")
    text = response_text(response)
    if "protect" in query:  # a search that may not find redtram
        for secret in private_things:
            assert secret.lower() not in text.lower()
        return
    assert_private_absent(text, private_things)


@pytest.mark.parametrize("fmt", ["csv", "json", "ndjson"])
def test_command_line_exports_hold_no_draft_and_no_focal_point(private_things, tmp_path, fmt):
    out = tmp_path / f"all.{fmt}"
    call_command("export", output=str(out))
    assert_private_absent(out.read_text("utf-8"), private_things)


def test_the_dictionary_page_names_no_private_field(client):
    text = client.get("/en/data/dictionary/").content.decode()
    for private in Practice.PRIVATE_FIELDS:
        assert private not in text
