"""Lists cost a fixed number of queries, whatever their page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gcmhub.catalog.models import Item

pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.parametrize(
    "address", ["/api/v1/items", "/api/v1/practices", "/api/v1/search", "/api/v1/countries"]
)
def test_list_queries_do_not_grow_with_the_page_size(client, address):
    client.get(address)  # warm the per-process caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(address, {"page_size": "1"}).status_code == 200
    with CaptureQueriesContext(connection) as many:
        assert client.get(address, {"page_size": "100"}).status_code == 200
    assert len(many) == len(one)
    assert Item.objects.public().count() > 1


def test_a_full_list_page_stays_under_a_small_fixed_budget(client, django_assert_max_num_queries):
    client.get("/api/v1/items")
    # One of them reads the public content version, to look for a kept answer.
    with django_assert_max_num_queries(9):
        client.get("/api/v1/items", {"page_size": "100", "lang": "fr"})


@pytest.mark.parametrize("slug", ["redtram", "glo-act-asia-middle-east"])
def test_a_detail_costs_a_fixed_number_of_queries(client, slug, django_assert_max_num_queries):
    with django_assert_max_num_queries(17):  # with the public content version
        client.get(f"/api/v1/practices/{slug}")
