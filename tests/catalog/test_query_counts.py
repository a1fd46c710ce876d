"""A list page uses a fixed number of database queries whatever the number of items,
and a detail page whatever the number of its countries and organisations."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gcmhub.catalog.actions import item_reindex
from gcmhub.catalog.models import (
    Item,
    ItemObjective,
    ItemOrganisation,
    Organisation,
    OrganisationRole,
    Practice,
    PracticeType,
    Scope,
)
from gcmhub.taxonomy.models import Country, GuidingPrinciple, Objective, Region
from tests.pages import text

# What rendering costs: pages kept for visitors would answer without it.
pytestmark = pytest.mark.usefixtures("demo", "no_page_cache")

LIST_PAGES = [
    "/en/practices/",
    "/fr/objectives/10/",
    "/en/countries/BRA/",
    "/en/regions/americas/",
]
MORE = 30


def queries(client, url) -> tuple[int, object]:
    """The number of queries of a GET of `url`, caches warmed by a first GET."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def add_practices(count: int) -> list[Practice]:
    """`count` published practices, each in Brazil and under Objective 10 (so every page
    measured lists them) with other countries, objectives, years and scopes varied."""
    others = list(Country.objects.exclude(iso3="BRA").order_by("iso3")[:count])
    brazil = Country.objects.get(iso3="BRA")
    objectives = {o.number: o for o in Objective.objects.all()}
    principles = list(GuidingPrinciple.objects.all())
    regions = list(Region.objects.all())
    scopes = [Scope.NATIONAL, Scope.REGIONAL, Scope.LOCAL, Scope.GLOBAL]
    practices = []
    for n in range(count):
        practice = Practice(
            slug=f"extra-practice-{n}",
            source_language="fr",
            scope=scopes[n % len(scopes)],
            practice_type=PracticeType.values[n % len(PracticeType.values)],
            status="published",
            date=datetime.date(1995 + n, 1 + n % 12, 1) if n % 5 else None,
            beneficiaries=f"Bénéficiaires {n}",
        )
        practice.set_current_language("fr")
        practice.title = f"Pratique supplémentaire {n}"
        practice.summary = f"Résumé de la pratique {n}."
        if n % 2:
            practice.set_current_language("en")
            practice.title = f"Extra practice {n}"
            practice.summary = f"Summary of practice {n}."
        practice.save()
        ItemObjective.objects.create(item=practice, objective=objectives[10])
        for extra in {1 + n % 23, 1 + (n * 7) % 23} - {10}:
            ItemObjective.objects.create(
                item=practice, objective=objectives[extra], is_primary=False
            )
        practice.countries.add(brazil, *others[n : n + 1 + n % 3])
        practice.regions.add(regions[n % len(regions)])
        practice.principles.add(principles[n % len(principles)])
        item_reindex(item=practice)  # as every write path does
        practices.append(practice)
    return practices


@pytest.mark.parametrize("url", LIST_PAGES)
def test_a_list_page_uses_a_fixed_number_of_queries_whatever_the_number_of_items(
    client, url, django_assert_num_queries
):
    before, response = queries(client, url)
    shown_before = response.context["results"].total

    add_practices(MORE)

    client.get(url)  # warm caches again
    with django_assert_num_queries(before):
        response = client.get(url)
    listing = response.context["results"]
    assert listing.total == shown_before + MORE
    assert len(listing.cards) == 20  # a full first page
    assert listing.page.paginator.num_pages == 2
    extras = [card for card in listing.cards if card.item.slug.startswith("extra-practice-")]
    assert extras
    page = text(response)
    assert all(card.title in page for card in extras)


def test_the_second_page_of_a_long_list_costs_what_the_first_does(client):
    add_practices(MORE)
    first, _ = queries(client, "/en/practices/")
    second, response = queries(client, "/en/practices/?page=2")
    assert response.context["results"].page.number == 2
    assert second == first


def test_a_filtered_list_uses_as_many_queries_with_thirty_more_items(client):
    url = "/en/practices/?region=americas&objective=10&year=2019&sort=newest"
    before, _ = queries(client, url)
    add_practices(MORE)
    after, _ = queries(client, url)
    assert after == before


def test_a_detail_page_uses_as_many_queries_with_ten_more_countries_and_five_more_organisations(
    client,
):
    url = "/en/practices/brazil-labour-inspection/"
    before, response = queries(client, url)
    practice = Item.objects.get(slug="brazil-labour-inspection")
    assert "Brazil" in text(response)

    countries = list(
        Country.objects.exclude(pk__in=practice.countries.values("pk")).order_by("iso3")[:10]
    )
    practice.countries.add(*countries)
    roles = list(OrganisationRole.values)
    organisations = []
    for n in range(5):
        organisation = Organisation(slug=f"extra-organisation-{n}")
        organisation.set_current_language("en")
        organisation.name = f"Extra Organisation {n}"
        organisation.set_current_language("fr")
        organisation.name = f"Organisation supplémentaire {n}"
        organisation.save()
        ItemOrganisation.objects.create(
            item=practice, organisation=organisation, role=roles[n % len(roles)]
        )
        organisations.append(organisation)

    after, response = queries(client, url)
    assert after == before
    page = text(response)
    for country in countries:
        assert country.safe_translation_getter("name", language_code="en") in page
    for n in range(5):
        assert f"Extra Organisation {n}" in page
