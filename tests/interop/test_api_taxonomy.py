"""The taxonomy under /api/v1/: complete lists, labels in each of the six languages."""

import pytest

from gcmhub.taxonomy.models import Country, GuidingPrinciple, Region, ResourceType, SDGTarget

pytestmark = pytest.mark.usefixtures("demo")

LISTS = {
    "/api/v1/objectives": 23,
    "/api/v1/principles": GuidingPrinciple,
    "/api/v1/regions": Region,
    "/api/v1/countries": Country,
    "/api/v1/resource-types": ResourceType,
    "/api/v1/sdg-targets": SDGTarget,
}


@pytest.mark.parametrize("address", LISTS)
def test_taxonomy_lists_are_complete(client, address):
    data = client.get(address).json()
    expected = LISTS[address] if isinstance(LISTS[address], int) else LISTS[address].objects.count()
    assert data["count"] == len(data["results"]) == expected > 0


@pytest.mark.parametrize("lang", ["fr", "en", "es", "ar", "zh-hans", "ru"])
def test_labels_come_in_each_of_the_six_languages(client, lang):
    objectives = client.get("/api/v1/objectives", {"lang": lang}).json()
    assert objectives["language"] == lang
    names = {o["short_name"] for o in objectives["results"]}
    english = {
        o["short_name"] for o in client.get("/api/v1/objectives", {"lang": "en"}).json()["results"]
    }
    assert all(names) and (names == english) == (lang == "en")


def test_accept_language_chooses_when_lang_is_absent(client):
    data = client.get("/api/v1/regions", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert data["language"] == "ar"
    assert {r["slug"]: r["name"] for r in data["results"]}["africa"] == "أفريقيا"


def test_an_objective_comes_with_its_actions_and_targets(client):
    data = client.get("/api/v1/objectives/10").json()
    assert data["number"] == 10 and data["citation"] == "GCM para. 26"
    assert [a["letter"] for a in data["actions"]] == sorted(a["letter"] for a in data["actions"])
    assert data["actions"][0]["citation"] == "GCM para. 26(a)" and data["actions"][0]["summary"]
    assert data["sdg_targets"] and data["item_count"] > 0
    assert data["url"] == "http://testserver/en/objectives/10/"


@pytest.mark.parametrize("number", ["0", "24", "99999999999999999999999", "-1"])
def test_objectives_that_do_not_exist_are_a_json_404(client, number):
    response = client.get(f"/api/v1/objectives/{number}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_an_objective_number_that_is_no_number_is_a_422_naming_it(client):
    error = client.get("/api/v1/objectives/abc").json()["error"]
    assert error["status"] == 422 and error["code"] == "invalid_parameters"
    assert error["details"][0]["location"] == "path" and error["details"][0]["field"] == "number"


def test_item_counts_match_the_item_lists(client):
    for region in client.get("/api/v1/regions").json()["results"]:
        listed = client.get("/api/v1/items", {"region": region["slug"]}).json()["count"]
        assert region["item_count"] == listed
