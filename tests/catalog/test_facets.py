"""Facet counts add up: each count is what selecting it gives, and filters combine."""

import pytest

from gcmhub.catalog.actions import item_reindex
from gcmhub.catalog.models import Item, Scope
from tests.pages import text

pytestmark = pytest.mark.usefixtures("demo")

LIST_PAGES = [
    "/en/practices/",
    "/en/resources/",
    "/fr/events/",
    "/en/projects/",
    "/en/training/",
    "/en/videos/",
]


def results(client, url):
    return client.get(url).context["results"]


@pytest.mark.parametrize("url", LIST_PAGES)
def test_each_facet_count_equals_the_results_of_selecting_it(client, url):
    listing = results(client, url)
    assert listing.total > 0
    for facet in listing.facets:
        for value in facet.values:
            narrowed = results(client, f"{url}?{facet.name}={value.value}")
            assert narrowed.total == value.count, (facet.name, value.value)


def test_single_valued_facets_sum_to_the_total():
    from django.test import Client

    client = Client()
    listing = results(client, "/en/practices/")
    by_name = {f.name: f for f in listing.facets}
    assert sum(v.count for v in by_name["scope"].values) == listing.total == 6


def test_filters_combine_and_counts_follow(client):
    americas = results(client, "/en/practices/?region=americas")
    combined = results(client, "/en/practices/?region=americas&objective=10")
    assert 0 < combined.total < americas.total
    assert {c.item.slug for c in combined.cards} == {
        "brazil-labour-inspection",
        "california-ab-629",
    }
    objective_facet = next(f for f in combined.facets if f.name == "objective")
    assert [(v.value, v.count, v.selected) for v in objective_facet.values] == [("10", 2, True)]


def test_region_includes_items_tagged_with_one_of_its_countries(client):
    # Brazil's practice names a country, not a region; it still belongs to the Americas.
    slugs = {c.item.slug for c in results(client, "/en/practices/?region=americas").cards}
    assert "brazil-labour-inspection" in slugs
    assert "project-protect" not in slugs


def test_default_order_is_global_first_then_newest(client):
    cards = results(client, "/en/resources/").cards
    keys = [(c.item.scope, -(c.item.date.toordinal() if c.item.date else 0)) for c in cards]
    assert keys == sorted(keys)
    assert cards[0].item.scope == Scope.GLOBAL


def test_newest_first_is_offered_as_an_explicit_order(client):
    cards = results(client, "/en/practices/?sort=newest").cards
    dates = [c.item.date for c in cards if c.item.date]
    assert dates == sorted(dates, reverse=True)
    assert [c.item.date for c in cards].index(None) > len(dates) - 1  # undated last


def test_a_facet_link_toggles_its_value_in_the_query_string(client):
    page = client.get("/en/practices/?region=americas").content.decode()
    assert 'href="?"' in page or 'href="?region=americas&amp;objective=10"' in page
    assert 'href="?region=americas&amp;objective=10"' in page


def test_only_published_items_are_listed_or_counted(client):
    item = Item.objects.get(slug="brazil-labour-inspection")
    item.status = "draft"
    item.save()
    item_reindex(item=item)
    listing = results(client, "/en/practices/")
    assert listing.total == 5
    assert "brazil-labour-inspection" not in {c.item.slug for c in listing.cards}
    country = next(f for f in listing.facets if f.name == "country")
    assert "BRA" in {v.value for v in country.values}  # REDTRAM still names Brazil
    assert dict((v.value, v.count) for v in country.values)["BRA"] == 1
    assert client.get("/en/practices/brazil-labour-inspection/").status_code == 404
    assert "Brazil: labour inspection" not in text(client.get("/en/countries/BRA/"))


def test_facets_speak_each_pages_language_when_another_language_read_the_taxonomy_first(
    client,
):
    """The taxonomy index is kept per process: a French page read after an English one
    must not show the names the English page read."""
    english = client.get("/en/practices/?region=americas").context["results"].facets
    french = client.get("/fr/practices/?region=americas").context["results"].facets
    assert "Brazil" in {v.label for f in english if f.name == "country" for v in f.values}
    labels = {f.name: {v.label for v in f.values} for f in french}
    assert "Brésil" in labels["country"] and "Brazil" not in labels["country"]
    assert "10. Éradiquer la traite de personnes" in labels["objective"]
