"""Errors in one JSON shape, CORS for reads, and docs that load nothing from elsewhere."""

import re

import pytest

from gcmhub.interop.api import items

pytestmark = pytest.mark.usefixtures("demo")


def _error(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_not_found_anywhere_under_the_api_is_json(client):
    for address in ("/api/v1/nowhere", "/api/v1/items/", "/api/v1/practices/no-such-item"):
        assert _error(client.get(address), 404)["code"] == "not_found"


def test_a_method_not_allowed_is_json_and_names_the_allowed_ones(client):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v1/items")
        assert _error(response, 405)["code"] == "method_not_allowed"
        assert response["Allow"] == "GET, HEAD"


def test_invalid_parameters_are_a_422_listing_each(client):
    error = _error(client.get("/api/v1/items", {"page": "x", "page_size": "1000"}), 422)
    assert error["code"] == "invalid_parameters"
    assert {(d["location"], d["field"]) for d in error["details"]} == {
        ("query", "page"),
        ("query", "page_size"),
    }


def test_our_messages_are_in_the_requests_language(client):
    french = _error(client.get("/api/v1/practices/nope", HTTP_ACCEPT_LANGUAGE="fr"), 404)
    english = _error(client.get("/api/v1/practices/nope", {"lang": "en"}), 404)
    assert french["message"] != english["message"]
    spanish = _error(client.get("/api/v1/items", {"page": "0", "lang": "es"}), 422)
    assert spanish["message"] == "Algunos parámetros no son válidos."


def test_a_server_error_is_json_and_logged(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(items, "item_get", broken)
    error = _error(client.get("/api/v1/practices/redtram"), 500)
    assert error["code"] == "server_error" and "boom" not in error["message"]
    assert "boom" in caplog.text


def test_every_operation_documents_the_error_shape(client):
    document = client.get("/api/v1/openapi.json").json()
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for status in ("304", "400", "404", "405", "422", "500"):
                assert status in operation["responses"], (path, status)
            assert operation["responses"]["404"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorOut"
            }


def test_any_origin_may_read_the_api(client):
    response = client.get("/api/v1/items", HTTP_ORIGIN="https://example.net")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/items",
        HTTP_ORIGIN="https://example.net",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"]


def test_pages_are_not_opened_to_other_origins(client):
    response = client.get("/en/practices/", HTTP_ORIGIN="https://example.net")
    assert "Access-Control-Allow-Origin" not in response


def test_the_docs_load_only_from_this_site(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "a third-party resource"
    assert '"validatorUrl": null' in html  # Swagger UI would fetch a badge otherwise
    for asset in re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", html):
        served = client.get(asset)
        assert served.status_code == 200, asset
        b"".join(served.streaming_content) if served.streaming else served.content


@pytest.mark.parametrize("address", ["/api/v1/openapi.json", "/api/v1/docs", "/api/v1/"])
def test_the_document_and_docs_refuse_writes_in_json_too(client, address):
    response = client.post(address)
    assert _error(response, 405)["code"] == "method_not_allowed"
    assert response["Allow"] == "GET, HEAD"
