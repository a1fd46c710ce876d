"""The stylesheet every page links is served by the app itself, with no collectstatic step,
and the stylesheets name sides logically, so right-to-left pages mirror."""

import re
from pathlib import Path

import pytest


@pytest.mark.django_db
def test_the_stylesheet_linked_by_pages_is_served(client):
    page = client.get("/en/objectives/").content.decode()
    assert '<link rel="stylesheet" href="/static/gcmhub/site.css">' in page
    css = client.get("/static/gcmhub/site.css")
    assert css.status_code == 200
    assert b"inset-inline-start" in b"".join(css.streaming_content)


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
