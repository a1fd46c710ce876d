"""An unpublished call (a curator's preview) reaches no public surface: not the lists,
not its own address, not sitemaps, feeds, the API or search."""

import pytest

from tests.calls.conftest import SEEDED

pytestmark = pytest.mark.usefixtures("demo")

SECRET = "Zanzibarquux"


def test_the_public_never_sees_an_unpublished_call(client, unpublished_call):
    # Make it look open right now, so every "open calls" list would pick it up.
    from datetime import timedelta

    from django.utils import timezone

    unpublished_call.deadline = timezone.now() + timedelta(days=3)
    unpublished_call.save()
    surfaces = [
        "/en/calls/",
        "/fr/calls/",
        "/en/",
        "/sitemap.xml",
        "/sitemap-calls.xml",
        "/sitemap-pages.xml",
        "/en/search/feed/",
        "/en/search/feed/?q=unpublished+call",
        "/en/search/?q=unpublished+call",
        "/api/v1/search?q=unpublished+call",
        "/api/v1/search",
    ]
    for path in surfaces:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert SECRET not in body, path
        assert unpublished_call.slug not in body, path
    assert client.get(f"/en/calls/{unpublished_call.slug}/").status_code == 404
    # The check can fail: the published call is in the calls sitemap.
    assert SEEDED in client.get("/sitemap-calls.xml").content.decode()


def test_a_published_call_is_in_the_sitemap_once_published(client, unpublished_call):
    unpublished_call.is_published = True
    unpublished_call.save()
    assert unpublished_call.slug in client.get("/sitemap-calls.xml").content.decode()
