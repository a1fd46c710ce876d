"""The stylesheet every page links is served by the app itself, with no collectstatic step."""

import pytest


@pytest.mark.django_db
def test_the_stylesheet_linked_by_pages_is_served(client):
    page = client.get("/en/objectives/").content.decode()
    assert '<link rel="stylesheet" href="/static/gcmhub/site.css">' in page
    css = client.get("/static/gcmhub/site.css")
    assert css.status_code == 200
    assert b"inset-inline-start" in b"".join(css.streaming_content)
