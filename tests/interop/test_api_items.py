"""GET /api/v1/items, /api/v1/<kind>, /api/v1/<kind>/<slug>: lists as the pages list,
details with every public field."""

import pytest
from django.db import models

from gcmhub.catalog.models import KIND_MODELS, KIND_PATHS, Item, Kind
from gcmhub.interop.api.items import RENAMED

pytestmark = pytest.mark.usefixtures("demo")


def test_items_lists_every_published_item_once(client):
    data = client.get("/api/v1/items", {"page_size": 100}).json()
    assert data["count"] == Item.objects.public().count() == len(data["results"])
    assert len({r["id"] for r in data["results"]}) == data["count"]
    assert data["next"] is None and data["previous"] is None


@pytest.mark.parametrize("kind", Kind.values)
def test_each_kind_has_its_own_list_at_the_pages_path(client, kind):
    data = client.get(f"/api/v1/{KIND_PATHS[kind]}").json()
    assert data["count"] == Item.objects.public().filter(kind=kind).count() > 0
    assert {r["kind"] for r in data["results"]} == {kind}
    assert "kind" not in data["facets"]  # fixed by the path, as on the page


def test_the_api_and_the_page_agree_on_filters_counts_and_order(client):
    params = {"objective": "10", "region": "americas", "sort": "newest"}
    api = client.get("/api/v1/practices", params).json()
    page = client.get("/en/practices/", params)
    assert page.status_code == 200
    assert api["count"] == page.context["results"].total > 0
    assert [r["id"] for r in api["results"]] == [c.item.pk for c in page.context["results"].cards]
    facets = {f.name: {v.value: v.count for v in f.values} for f in page.context["results"].facets}
    assert {n: {v["value"]: v["count"] for v in vs} for n, vs in api["facets"].items()} == facets


def test_filters_combine_and_may_repeat(client):
    both = client.get("/api/v1/items", {"kind": ["practice", "document"]}).json()
    assert both["count"] == 0  # AND, as on the pages: no item is of two kinds
    brazil = client.get("/api/v1/items", {"country": "bra", "objective": "10"}).json()
    assert brazil["count"] > 0 and all("BRA" in r["countries"] for r in brazil["results"])


def test_unknown_filter_values_are_ignored_and_named(client):
    data = client.get("/api/v1/items", {"country": "ZZZ", "sort": "sideways"}).json()
    assert data["count"] == Item.objects.public().count()
    assert {(i["param"], i["value"]) for i in data["ignored"]} == {
        ("country", "ZZZ"),
        ("sort", "sideways"),
    }


def test_pages_are_stable_and_linked_and_cover_everything_once(client):
    first = client.get("/api/v1/items", {"page_size": 5, "objective": "10"}).json()
    assert first["previous"] is None and first["pages"] == -(-first["count"] // 5)
    seen, data = [], first
    while True:
        seen += [r["id"] for r in data["results"]]
        if not data["next"]:
            break
        assert "page_size=5" in data["next"] and "objective=10" in data["next"]
        data = client.get(data["next"]).json()
        assert data["previous"]
    assert len(seen) == len(set(seen)) == first["count"]
    again = client.get("/api/v1/items", {"page_size": 100, "objective": "10"}).json()
    assert [r["id"] for r in again["results"]] == seen


def test_default_order_is_global_first_then_newest_then_highest_id(client):
    results = client.get("/api/v1/items", {"page_size": 100}).json()["results"]
    scopes = ["global", "multi_regional", "regional", "national", "local"]
    keys = [
        (
            scopes.index(r["scope"]),
            r["date"] is None,
            -int((r["date"] or "0000").replace("-", "")),
            -r["id"],
        )
        for r in results
    ]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"page": "0"}, 422),
        ({"page": "abc"}, 422),
        ({"page_size": "0"}, 422),
        ({"page_size": "101"}, 422),
        ({"page": "2"}, 404),
        ({"page": "99999999999999999999"}, 404),
    ],
)
def test_paging_outside_its_bounds_is_an_error_not_a_guess(client, params, status):
    response = client.get("/api/v1/items", {"page_size": "100", **params})
    assert response.status_code == status
    assert response.json()["error"]["status"] == status


def test_an_empty_result_is_page_one_of_nothing(client):
    data = client.get("/api/v1/items", {"q": "zzzyyyxxx"}).json()
    assert data["count"] == 0 and data["results"] == [] and data["pages"] == 1


@pytest.mark.parametrize("kind", Kind.values)
def test_details_carry_every_public_field_of_their_kind(client, kind):
    item = Item.objects.public().filter(kind=kind).first()
    data = client.get(f"/api/v1/{KIND_PATHS[kind]}/{item.slug}").json()
    model = KIND_MODELS[kind]
    public = {
        RENAMED.get(f.name, f.name)
        for f in model._meta.local_fields
        if not f.primary_key
        and not isinstance(f, models.ForeignKey)
        and f.name not in getattr(model, "PRIVATE_FIELDS", ())
    }
    assert public <= set(data)
    assert data["kind"] == kind and data["slug"] == item.slug
    assert data["url"].endswith(item.get_absolute_url())
    assert data["api_url"] == f"http://testserver/api/v1/{KIND_PATHS[kind]}/{item.slug}"


def test_a_detail_names_its_tags_organisations_and_links(client):
    data = client.get("/api/v1/practices/redtram").json()
    assert data["objectives"] and data["objectives"][0]["primary"] is True
    assert data["objectives"][0]["api_url"].startswith("http://testserver/api/v1/objectives/")
    assert data["countries"] and all(set(c) == {"iso3", "name"} for c in data["countries"])
    assert data["regions"] == [{"slug": "americas", "name": "Americas"}]
    assert data["organisations"] and {"slug", "name", "role"} <= set(data["organisations"][0])
    assert data["translations"] == ["en", "es", "fr"]


def test_texts_come_in_the_asked_language_or_the_source_language(client):
    spanish = client.get("/api/v1/practices/redtram", {"lang": "es"}).json()
    assert spanish["language"] == "es"
    assert spanish["regions"][0]["name"] == "Américas"
    russian = client.get("/api/v1/practices/redtram", {"lang": "ru"}).json()
    assert russian["language"] == "fr" == russian["source_language"]  # no Russian text
    assert russian["regions"][0]["name"] != "Americas"  # labels are translated
    french = client.get("/api/v1/practices/redtram", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["language"] == "fr"


def test_an_unknown_or_wrong_kind_address_is_a_json_404(client):
    for address in ("/api/v1/practices/nope", "/api/v1/resources/redtram"):
        response = client.get(address)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_the_language_cookie_of_the_pages_does_not_change_an_answer(client):
    client.get("/fr/")  # the site remembers French in a cookie
    data = client.get("/api/v1/practices/redtram", HTTP_ACCEPT_LANGUAGE="es")
    assert data.json()["language"] == "es" and data["Content-Language"] == "es"
    assert client.get("/api/v1/practices/redtram").json()["language"] == "en"
