"""Detail pages carry schema.org JSON-LD built from public fields only."""

import json
import re

import pytest

from gcmhub.catalog.models import Item, Practice

pytestmark = pytest.mark.usefixtures("demo")
EXPECTED = {
    "redtram": ("practices", "CreativeWork"),
    "a-74-127-coordinating-action-against-trafficking": ("resources", "Report"),
    "gcm-talk-migrant-smuggling": ("events", "Event"),
    "glo-act-asia-middle-east-project": ("projects", "Project"),
    "iom-migrant-worker-guidelines-for-employers": ("training", "LearningResource"),
    "unodc-e4j-video-for-children": ("videos", "VideoObject"),
}


def json_ld(response) -> dict:
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(found) == 1
    return json.loads(found[0])


@pytest.mark.parametrize("slug", EXPECTED)
def test_each_kind_describes_itself_for_search_engines(client, slug):
    path, schema_type = EXPECTED[slug]
    item = Item.objects.get(slug=slug)
    data = json_ld(client.get(f"/en/{path}/{slug}/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    shown = item.safe_translation_getter("title", language_code="en") or (
        item.safe_translation_getter("title", language_code=item.source_language)
    )
    assert data["name"] == shown
    assert data["url"] == f"http://testserver/en/{path}/{slug}/"
    assert [c["name"] for c in data["spatialCoverage"] if c["@type"] == "Country"] == [
        str(c) for c in item.countries.all()
    ] or not item.countries.exists()


def test_structured_data_holds_no_private_field_and_cannot_break_out_of_its_script(client):
    item = Practice.objects.get(slug="redtram")
    item.focal_point_name, item.focal_point_email = "Ana Secreta", "ana@example.org"
    item.set_current_language("en")
    item.title = "REDTRAM </script><script>alert(1)</script>"
    item.save()
    page = client.get("/en/practices/redtram/").content.decode()
    assert "Ana Secreta" not in page and "ana@example.org" not in page
    assert "<script>alert(1)</script>" not in page
    assert json_ld(client.get("/en/practices/redtram/"))["name"].endswith("</script>")
