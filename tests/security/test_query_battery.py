"""Every query parameter of the pages that list, search, feed and export, of the API and
of OAI-PMH, given hostile values: no server error, no markup made from them, feeds and
OAI answers still well-formed XML, API errors in the one JSON shape, and SQL in a value
finds no more than a nonsense word does.

The parameters come from the code: the catalogue's filters (`FILTER_LABELS`), the
export's (`FILTER_PARAMS`), the API's OpenAPI document and OAI-PMH's `VERBS`."""

import json

import pytest
from lxml import etree

from gcmhub.catalog.selectors import FILTER_LABELS
from gcmhub.interop.exports import FILTER_PARAMS
from gcmhub.interop.oai.arguments import VERBS
from tests.interop.api_helpers import every_get_address
from tests.security.battery import PAYLOADS, assert_inert

pytestmark = pytest.mark.usefixtures("demo", "no_rate_limits")

NONSENSE = "qzxjvwk"
PAGE_PARAMS = sorted({"q", "page", "sort", "tab", *FILTER_LABELS, *FILTER_PARAMS})
# One page of each kind that reads the query (the other lists share their code).
PAGES = ["/en/search/", "/en/practices/", "/en/objectives/10/", "/en/countries/BRA/", "/en/calls/"]
FEEDS_AND_EXPORTS = ["/en/search/feed/", "/en/search/export.csv", "/en/search/export.json"]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def every_parameter(payload: str) -> dict:
    return dict.fromkeys(PAGE_PARAMS, payload)


@pytest.mark.parametrize("path", PAGES)
def test_hostile_query_parameters_on_list_and_search_pages_are_shown_inert(client, path):
    """Each payload in every parameter at once (each is read on its own: a bad value is
    ignored and named), then markup in each parameter alone."""
    for name, payload in PAYLOADS.items():
        assert_inert(client.get(path, every_parameter(payload)), f"{path} {name}")
    for param in PAGE_PARAMS:
        response = client.get(path, {param: PAYLOADS["attribute"]})
        assert_inert(response, f"{path}?{param}=")


def exported_records(path: str, content: bytes) -> int:
    if path.endswith("/feed/"):
        return len(etree.fromstring(content).findall("{http://www.w3.org/2005/Atom}entry"))
    if path.endswith(".json"):
        return len(json.loads(content))
    return len(content.decode().splitlines())


@pytest.mark.parametrize("path", FEEDS_AND_EXPORTS)
def test_hostile_query_parameters_of_feeds_and_exports_keep_them_well_formed(client, path):
    for name, payload in PAYLOADS.items():
        response = client.get(path, every_parameter(payload))
        assert response.status_code == 200, (path, name)
        exported_records(path, body(response))  # parses: well-formed
    for param in PAGE_PARAMS:
        if param == "q":
            continue  # words: see test_sql_in_the_search_words_…
        expected = exported_records(path, body(client.get(path, {param: NONSENSE})))
        records = exported_records(path, body(client.get(path, {param: PAYLOADS["sql"]})))
        assert records == expected, (path, param, records, expected)


def api_operations(client) -> list[tuple[str, list[str]]]:
    """One address of each public GET operation and its query parameters, from the
    served document."""
    document = client.get("/api/v1/openapi.json").json()
    operations = {}
    for address in every_get_address(client):
        template = next(p for p in document["paths"] if _matches(p, address))
        parameters = document["paths"][template]["get"].get("parameters", [])
        operations.setdefault(
            template, (address, [p["name"] for p in parameters if p["in"] == "query"])
        )
    return list(operations.values())


def _matches(template: str, address: str) -> bool:
    if "{" not in template:
        return template == address
    fixed = template.split("{")[0]
    return address.startswith(fixed) and address.count("/") == template.count("/")


def test_hostile_query_parameters_of_every_api_operation_get_json_answers(client):
    operations = api_operations(client)
    assert any(params for _, params in operations)
    for address, params in operations:
        for param in params:
            baseline = client.get(address, {param: NONSENSE})
            for name in ("attribute", "sql", "null_byte", "long", "right_to_left_override"):
                response = client.get(address, {param: PAYLOADS[name]})
                where = f"{address}?{param}= {name}"
                assert response.status_code < 500, where
                assert response["Content-Type"].startswith("application/json"), where
                answer = response.json()
                if response.status_code >= 400:
                    assert set(answer["error"]) == {"status", "code", "message", "details"}
                elif name == "sql" and "count" in answer and param != "q":
                    assert answer["count"] == baseline.json()["count"], where


def test_sql_in_the_search_words_finds_nothing_a_nonsense_word_would_not(client):
    for path in ("/api/v1/items", "/api/v1/search"):
        nonsense = client.get(path, {"q": NONSENSE}).json()["count"]
        everything = client.get(path).json()["count"]
        sql = client.get(path, {"q": PAYLOADS["sql"]}).json()["count"]
        assert sql < everything and nonsense == 0, (path, sql, everything)


@pytest.mark.parametrize("verb", [*VERBS, "<script>alert(1)</script>"])
def test_hostile_oai_arguments_get_well_formed_oai_answers(client, verb):
    required, optional, exclusive = VERBS.get(verb, (frozenset(), frozenset(), None))
    arguments = sorted({*required, *optional, *([exclusive] if exclusive else [])}) or ["verb"]
    for argument in arguments:
        for name, payload in PAYLOADS.items():
            query = {"verb": verb, "metadataPrefix": "oai_dc", argument: payload}
            response = client.get("/oai", query)
            assert response.status_code == 200, (verb, argument, name)
            etree.fromstring(response.content)  # well-formed, the payload escaped
