"""Nothing private reaches the API: drafts and withdrawn items appear in no list, detail
or count, and a practice's focal point in no answer of any endpoint."""

import pytest

from gcmhub.catalog.actions import item_reindex
from gcmhub.catalog.models import Item, Practice, Status
from tests.interop.api_helpers import every_get_address

pytestmark = pytest.mark.usefixtures("demo")
SECRETS = ("Ana Secreta", "ana.secreta@example.org", "Pablo Oculto", "pablo@example.org")


@pytest.fixture
def hidden(db):
    """A draft practice and a withdrawn practice, both with focal points, and a
    published practice whose focal point is filled in too."""
    published = Practice.objects.get(slug="redtram")
    published.focal_point_name, published.focal_point_email = SECRETS[2], SECRETS[3]
    published.save()
    draft = Practice.objects.get(slug="california-ab-629")
    draft.focal_point_name, draft.focal_point_email = SECRETS[0], SECRETS[1]
    draft.status = Status.DRAFT
    draft.save()
    withdrawn = Item.objects.get(slug="unodc-global-report-trafficking-2020")
    withdrawn.status = Status.WITHDRAWN
    withdrawn.save()
    for item in (published, draft, withdrawn):
        item_reindex(item=item)
    return draft, withdrawn


def _bodies(client, address):
    for params in ({}, {"lang": "fr"}, {"page_size": "100"}, {"q": "trafficking"}):
        response = client.get(address, params)
        if response.status_code == 200:
            yield response.content.decode()


def test_no_answer_of_any_endpoint_names_a_focal_point_or_a_hidden_item(client, hidden):
    draft, withdrawn = hidden
    addresses = every_get_address(client)
    assert len(addresses) > 20
    for address in addresses:
        for body in _bodies(client, address):
            for secret in (*SECRETS, "focal_point", draft.slug, withdrawn.slug):
                assert secret not in body, (address, secret)


def test_hidden_items_have_no_detail(client, hidden):
    draft, withdrawn = hidden
    assert client.get(f"/api/v1/practices/{draft.slug}").status_code == 404
    assert client.get(f"/api/v1/resources/{withdrawn.slug}").status_code == 404


def test_counts_and_facets_count_only_published_items(client, hidden):
    published = Item.objects.public()
    data = client.get("/api/v1/items").json()
    assert data["count"] == published.count()
    kinds = {v["value"]: v["count"] for v in data["facets"]["kind"]}
    assert kinds["practice"] == published.filter(kind="practice").count()
    assert kinds["document"] == published.filter(kind="document").count()
    usa = {c["iso3"]: c["item_count"] for c in client.get("/api/v1/countries").json()["results"]}
    assert usa["USA"] == published.filter(countries__iso3="USA").count()  # the draft was USA
    objectives = client.get("/api/v1/objectives").json()["results"]
    assert sum(o["item_count"] for o in objectives) == sum(
        published.filter(objectives__number=o["number"]).count() for o in objectives
    )


def test_no_public_operation_names_a_private_field(client):
    """Only the token owner's own submissions carry a focal point; every other
    operation's schema, and every schema it refers to, names none."""
    import json

    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]

    def referred(node, seen):
        text = json.dumps(node)
        for name in schemas:
            ref = f"#/components/schemas/{name}"
            if ref in text and name not in seen:
                seen.add(name)
                referred(schemas[name], seen)
        return seen

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if operation.get("security"):
                assert path.startswith("/api/v1/submissions"), path
                continue
            names = referred(operation, set())
            text = json.dumps(operation) + json.dumps([schemas[n] for n in names])
            for field in Practice.PRIVATE_FIELDS:
                assert field not in text, (method, path, field)
