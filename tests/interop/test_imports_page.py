"""The curators' import page: login required, curators only, reports in the reader's
language, dry run by default."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gcmhub.catalog.models import Item
from gcmhub.interop.schema import MAX_IMPORT_BYTES
from tests.interop.exchange import (
    catalogue_state,
    csv_text,
    fresh_cache,  # noqa: F401
)
from tests.pages import text

pytestmark = pytest.mark.usefixtures("demo", "fresh_cache")

COLUMNS = [
    "kind",
    "slug",
    "status",
    "source_language",
    "title_en",
    "scope",
    "countries",
    "practice_type",
]
GOOD = {
    "kind": "practice",
    "slug": "uploaded",
    "status": "published",
    "source_language": "en",
    "title_en": "Uploaded practice",
    "scope": "global",
    "countries": "",
    "practice_type": "policy",
}


def upload(content: str | bytes, name: str = "items.csv") -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_anonymous_readers_are_sent_to_sign_in(client):
    response = client.get("/en/data/import/")
    assert response.status_code == 302 and "/account/" in response["Location"]


@pytest.mark.parametrize("role", ["contributor", "reviewer"])
def test_only_curators_may_import(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get("/en/data/import/").status_code == 403
    response = client.post("/en/data/import/", {"file": upload(csv_text([GOOD], COLUMNS))})
    assert response.status_code == 403
    assert not Item.objects.filter(slug="uploaded").exists()


def test_a_curator_previews_then_imports(client, make_user):
    client.force_login(make_user("curator"))
    page = client.get("/en/data/import/")
    assert (
        page.status_code == 200
        and 'name="dry_run" id="id_dry_run" checked' in page.content.decode()
    )
    # a dry run (the default) reports and writes nothing
    response = client.post(
        "/en/data/import/", {"file": upload(csv_text([GOOD], COLUMNS)), "dry_run": "on"}
    )
    assert "Dry run, nothing written: 1 created" in text(response)
    assert not Item.objects.filter(slug="uploaded").exists()
    # then the real import writes
    response = client.post("/en/data/import/", {"file": upload(csv_text([GOOD], COLUMNS))})
    assert "Written: 1 created" in text(response)
    assert Item.objects.get(slug="uploaded").status == "published"


def test_problems_are_listed_by_row_and_field_in_the_readers_language(client, make_user):
    client.force_login(make_user("curator"))
    before = catalogue_state()
    bad = {**GOOD, "countries": "ZZZ"}
    response = client.post("/fr/data/import/", {"file": upload(csv_text([GOOD, bad], COLUMNS))})
    page = text(response)
    assert "Rien n’a été écrit" in page or "Rien n'a été écrit" in page
    assert "3 countries « ZZZ » n’est pas un code de pays ISO 3166-1 alpha-3 connu." in page
    assert catalogue_state() == before


def test_an_oversized_upload_is_refused_with_the_form_kept(client, make_user):
    client.force_login(make_user("curator"))
    before = catalogue_state()
    response = client.post(
        "/en/data/import/", {"file": upload(b"x" * (MAX_IMPORT_BYTES + 1)), "partial": "on"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "an import takes at most 20.0 MB" in text(response)
    assert 'aria-describedby="file-help file-errors"' in body and 'aria-invalid="true"' in body
    assert 'name="partial" id="id_partial" checked' in body
    assert catalogue_state() == before


def test_the_dictionary_page_lists_every_field(client):
    from gcmhub.interop.schema import FIELDS

    response = client.get("/fr/data/dictionary/")
    assert response.status_code == 200
    body = response.content.decode()
    for field in FIELDS:
        assert f'id="field-{field.name}"' in body
    assert "Dictionnaire des données" in text(response)


def test_the_import_page_and_its_report_are_valid_html(client, make_user, tmp_path):
    import shutil

    from tests.site.test_valid_html import check
    from tests.tools import require_tool

    require_tool(shutil.which("java") is not None, "a Java runtime for the Nu HTML checker")
    client.force_login(make_user("curator"))
    bad = {**GOOD, "countries": "ZZZ"}
    pages = {
        "form": client.get("/ar/data/import/"),
        "report": client.post("/ar/data/import/", {"file": upload(csv_text([GOOD, bad], COLUMNS))}),
        "refused": client.post("/en/data/import/", {"file": upload(b"x" * (MAX_IMPORT_BYTES + 1))}),
    }
    files = []
    for name, response in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    assert check(files) == []
