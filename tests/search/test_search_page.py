"""The /search/ page: highlighted snippets, counts, and help when nothing matches."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages import text

pytestmark = pytest.mark.usefixtures("demo")


def test_matches_are_marked_in_snippets(client):
    page = client.get("/en/search/", {"q": "labour inspection"}).content.decode()
    assert "<mark>" in page
    assert "brazil-labour-inspection" in page


def test_the_query_stays_in_the_address_and_the_box(client):
    response = client.get("/fr/search/", {"q": "traite", "objective": "10"})
    page = response.content.decode()
    assert 'name="q" value="traite"' in page
    assert 'type="hidden" name="objective" value="10"' in page


def test_nothing_found_offers_a_spelling_and_filters_to_drop(client):
    misspelt = client.get("/en/search/", {"q": "victmes"})
    assert misspelt.context["results"].total == 0
    assert misspelt.context["results"].spelling == "victimes"
    assert 'href="?q=victimes"' in misspelt.content.decode()

    narrowed = client.get("/en/search/", {"q": "trafficking", "year": "2002", "country": "BRA"})
    assert narrowed.context["results"].total == 0
    offers = {(o.param, o.value) for o in narrowed.context["results"].droppable}
    assert ("year", "2002") in offers
    assert "Nothing matches" in text(narrowed)


def test_the_header_search_box_is_on_every_page(client):
    for path in ("/en/", "/fr/objectives/10/", "/en/practices/redtram/"):
        assert 'action="/' in client.get(path).content.decode()
        assert 'role="search"' in client.get(path).content.decode()


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    q=st.one_of(
        st.text(max_size=200),
        st.sampled_from(
            [
                "NEAR(",
                "^",
                "a:b",
                "*",
                "AND",
                "OR",
                '"unbalanced',
                "'; DROP TABLE x; --",
                "\x00",
                "😀🔥",
                "مرحبا traite 移民",
                "-",
                "--",
                '""',
                "a OR OR b",
            ]
        ),
    )
)
def test_any_query_gives_a_page_never_an_error(client, q):
    response = client.get("/en/search/", {"q": q})
    assert response.status_code == 200
    assert "syntax" not in response.content.decode().lower()


def test_a_ten_thousand_character_query_is_cut_not_refused(client):
    response = client.get("/en/search/", {"q": "traite " * 1500})
    assert response.status_code == 200
    assert response.context["results"].total > 0


@pytest.mark.usefixtures("no_page_cache")
def test_drafts_and_private_fields_stay_out_of_the_search_page(client):
    from gcmhub.catalog.actions import item_reindex
    from gcmhub.catalog.models import Practice

    item = Practice.objects.get(slug="redtram")
    item.focal_point_name, item.focal_point_email = "Ana Secreta", "ana@example.org"
    item.save()
    item_reindex(item=item)
    for q in ("REDTRAM", ""):
        page = client.get("/en/search/", {"q": q}).content.decode()
        assert "Ana Secreta" not in page and "ana@example.org" not in page
    for q in ("Secreta", "ana@example.org"):  # private fields are not indexed
        assert client.get("/en/search/", {"q": q}).context["results"].total == 0
    assert "/en/practices/redtram/" in client.get("/en/search/", {"q": "REDTRAM"}).content.decode()
    item.status = "draft"
    item.save()
    item_reindex(item=item)
    page = client.get("/en/search/", {"q": "REDTRAM"}).content.decode()
    assert "/en/practices/redtram/" not in page
    assert client.get("/en/search/", {"q": "REDTRAM"}).context["results"].total == 0
