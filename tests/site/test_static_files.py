"""After `collectstatic`, pages link static files by content-hashed names, which WhiteNoise
serves compressed and cacheable for a year; before it, plain names still work."""

import re

import pytest
from django.core.management import call_command
from django.test import Client


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def _stylesheet_of(page: str) -> str:
    return re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)


@pytest.mark.django_db
def test_pages_link_the_hashed_stylesheet_served_for_a_year_and_compressed(collected):
    page = Client().get("/en/").content.decode()
    stylesheet = _stylesheet_of(page)
    assert re.fullmatch(r"/static/gcmhub/site\.[0-9a-f]{12}\.css", stylesheet), stylesheet
    assert (collected / stylesheet.removeprefix("/static/")).is_file()

    response = Client().get(stylesheet, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1)) >= 365 * 86400


@pytest.mark.django_db
def test_before_collectstatic_pages_link_plain_names_that_are_served(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "empty"
    settings.STATIC_ROOT.mkdir()
    page = Client().get("/en/").content.decode()
    stylesheet = _stylesheet_of(page)
    assert stylesheet == "/static/gcmhub/site.css"
    response = Client().get(stylesheet)
    assert response.status_code == 200
    assert "immutable" not in response.get("Cache-Control", "")
