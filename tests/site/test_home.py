"""The home page says what the Hub is, shows the latest practices and browses by objective."""

import pytest

from gcmhub.catalog.models import Practice
from tests.pages import links, section

pytestmark = pytest.mark.usefixtures("demo")


def test_home_lists_the_latest_practices_newest_published_first(client):
    newest = Practice.objects.get(slug="redtram")
    newest.published_at = newest.published_at.replace(year=2100)
    newest.save()
    response = client.get("/en/")
    cards = response.context["latest_practices"]
    assert cards[0].item.slug == "redtram"
    assert len(cards) == 5
    assert "REDTRAM" in section(response, "latest")


def test_home_links_every_objective(client):
    hrefs = {href for href, _ in links(client.get("/fr/"))}
    assert {f"/fr/objectives/{n}/" for n in range(1, 24)} <= hrefs


def test_home_explains_the_hub_and_its_peer_review(client):
    intro = client.get("/en/").content.decode()
    assert "peer reviewed" in intro


def test_the_home_page_invites_practitioners_and_experts(client, demo):

    found = links(client.get("/fr/"))
    assert ("/fr/submissions/new/", "Soumettre une pratique") in found
    assert ("/fr/roster/", "Candidature au fichier d’experts évaluateurs") in found
