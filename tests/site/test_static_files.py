"""Pages link static files the app serves itself: plain names before `collectstatic`,
content-hashed names after it, served compressed and cacheable for a year. Stylesheets
name sides logically, so right-to-left pages mirror."""

import re
from pathlib import Path

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
    assert b"inset-inline-start" in b"".join(response.streaming_content)


PACKAGE = Path(__file__).resolve().parents[2] / "src" / "gcmhub"
STYLESHEETS = sorted(PACKAGE.glob("**/static/**/*.css"))
# Physical sides do not mirror in Arabic; the logical ones (inline-start/end) do.
PHYSICAL = re.compile(
    r"(?:margin|padding|border|inset)-(?:left|right)\b"
    r"|(?<![-\w])(?:left|right)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
)


def test_the_stylesheets_use_logical_sides_so_right_to_left_pages_mirror():
    assert len(STYLESHEETS) >= 2
    found = [
        f"{path.name}: {match.group()}"
        for path in STYLESHEETS
        for match in PHYSICAL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, found
    assert PHYSICAL.search(".x { margin-left: 1rem }") and PHYSICAL.search("a{left:0}")
    assert not PHYSICAL.search(".x { margin-inline-start: 1rem; inset-inline-start: 0 }")
