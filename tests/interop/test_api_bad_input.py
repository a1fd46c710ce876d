"""Any query string on any list gives JSON: a result, a 404 past the last page, or a 422
naming the bad parameter; never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.usefixtures("demo")

PARAMS = [
    "q", "objective", "principle", "region", "country", "type", "kind", "language",
    "year", "scope", "sort", "page", "page_size", "lang",
]  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    address=st.sampled_from(["/api/v1/items", "/api/v1/practices", "/api/v1/resources"]),
    params=st.dictionaries(
        st.sampled_from(PARAMS),
        st.one_of(st.text(max_size=40), st.integers(-5, 10**6).map(str)),
        max_size=5,
    ),
)
def test_any_query_string_gives_json_never_a_server_error(client, address, params):
    response = client.get(address, params)
    assert response.status_code in (200, 404, 422), (params, response.content[:300])
    body = response.json()
    if response.status_code != 200:
        assert body["error"]["status"] == response.status_code


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    segment=st.text(min_size=1, max_size=40).filter(
        lambda s: "/" not in s and "?" not in s and "#" not in s
    )
)
def test_any_detail_address_gives_json(client, segment):
    for address in (f"/api/v1/practices/{segment}", f"/api/v1/objectives/{segment}"):
        response = client.get(address)
        assert response.status_code in (200, 404, 422), address
        assert response["Content-Type"].startswith("application/json")


def test_a_nul_byte_in_a_detail_address_is_a_json_404(client):
    # Found by the fuzz test above on PostgreSQL, which refuses NUL in a query.
    response = client.get("/api/v1/practices/a%00b")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
