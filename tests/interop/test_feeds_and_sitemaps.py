"""Atom feeds (read by feedparser), sitemaps and robots.txt: valid, complete, and with
nothing unpublished or private in them."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.conf import settings

from gcmhub.catalog.actions import item_reindex
from gcmhub.catalog.models import Item, Practice

pytestmark = pytest.mark.usefixtures("demo")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def hide_redtram():
    """A draft with a private contact: it must appear nowhere below."""
    item = Practice.objects.get(slug="redtram")
    item.focal_point_name, item.focal_point_email = "Ana Secreta", "ana@example.org"
    item.status = "draft"
    item.save()
    item_reindex(item=item)


def test_the_latest_feed_is_valid_atom_with_every_published_item_newest_first(client):
    hide_redtram()
    response = client.get("/en/search/feed/")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == Item.objects.public().count()
    links = [entry.link for entry in feed.entries]
    assert not any("/redtram/" in link for link in links)
    body = response.content.decode()
    assert "Ana Secreta" not in body and "ana@example.org" not in body


def test_a_search_feed_follows_its_query_and_filters(client):
    feed = feedparser.parse(
        client.get("/fr/search/feed/", {"q": "traite", "kind": "practice"}).content
    )
    assert feed.bozo == 0
    assert feed.entries and all("/fr/practices/" in e.link for e in feed.entries)
    assert "q=traite" in feed.feed.links[0].href or "q=traite" in feed.feed.link


def test_home_and_search_pages_announce_their_feeds(client):
    home = client.get("/en/").content.decode()
    assert 'type="application/atom+xml"' in home and 'href="/en/search/feed/"' in home
    search = client.get("/en/search/", {"q": "traite"}).content.decode()
    assert 'href="/en/search/feed/?q=traite"' in search


def urls_of(client, path):
    root = ET.fromstring(client.get(path).content)
    return root


def test_the_sitemap_lists_every_public_page_in_every_language_and_nothing_private(client):
    hide_redtram()
    index = urls_of(client, "/sitemap.xml")
    sections = [loc.text.removeprefix("http://testserver") for loc in index.iter(f"{SITEMAP}loc")]
    assert set(sections) == {
        "/sitemap-pages.xml",
        "/sitemap-taxonomy.xml",
        "/sitemap-items.xml",
        "/sitemap-calls.xml",
    }
    locations, alternates = set(), []
    for section in sections:
        body = client.get(section).content.decode()
        assert "Ana Secreta" not in body and "ana@example.org" not in body
        root = ET.fromstring(body)
        for url in root.iter(f"{SITEMAP}url"):
            locations.add(url.find(f"{SITEMAP}loc").text.removeprefix("http://testserver"))
            alternates.append({link.get("hreflang") for link in url.iter(f"{XHTML}link")})
    codes = {code for code, _name in settings.LANGUAGES}
    for item in Item.objects.public():
        for code in codes:
            assert f"/{code}{item.get_absolute_url()[3:]}" in locations
    assert not any("/redtram/" in location for location in locations)
    assert "/ar/objectives/10/" in locations and "/zh-hans/countries/BRA/" in locations
    assert all(codes | {"x-default"} <= found for found in alternates)


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /*/admin/" in body
