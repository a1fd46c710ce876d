"""Who applied to the roster, and who is on it, is never public: no page, API answer,
feed, sitemap or search result shows an applicant's or reviewer's name, email or
organisation (there is no public expert directory, ADR 0015)."""

import re
from urllib.parse import quote, quote_plus

import pytest
from django.conf import settings
from django.utils.html import escape

from gcmhub.experts.actions import expert_profile_approve

pytestmark = pytest.mark.usefixtures("demo")

SECRETS = ["Zenobia", "Quillfeather", "zenobia.q@example.net", "Xylofon Institute", "zq-login"]
WORDS = ["Zenobia", "Quillfeather", "Xylofon", "zenobia.q@example.net"]


@pytest.fixture
def applicants(make_user, apply_as):
    """One approved reviewer and one pending applicant, both easy to spot."""
    approved = make_user(
        username="zq-login",
        first_name="Zenobia",
        last_name="Quillfeather",
        email="zenobia.q@example.net",
    )
    expert_profile_approve(
        actor=make_user("curator"),
        profile=apply_as(approved, organisation="Xylofon Institute", is_un=True),
    )
    pending = make_user(first_name="Zenobia", last_name="Pending")
    apply_as(pending, organisation="Xylofon Institute")
    return approved, pending


def public_paths() -> list[tuple[str, str]]:
    """(path, the words searched for, which the page may repeat back)."""
    languages = [code for code, _name in settings.LANGUAGES]
    paths = [f"/{code}/roster/" for code in languages]
    paths += ["/en/", "/fr/", "/en/practices/", "/en/objectives/10/", "/en/search/feed/"]
    paths += ["/api/v1/search", "/api/v1/openapi.json", "/robots.txt", "/sitemap.xml"]
    paths += [f"/sitemap-{section}.xml" for section in ("pages", "taxonomy", "items", "calls")]
    searches = [
        (f"{path}?q={quote(word)}", word)
        for word in WORDS
        for path in ("/en/search/", "/en/search/feed/", "/api/v1/search")
    ]
    return [(path, "") for path in paths] + searches


def without_query(body: str, word: str) -> str:
    """The page minus the words the visitor typed, which a search page shows back."""
    if not word:
        return body
    # The sign-in link carries the whole address back, so the query is quoted twice there.
    for form in {word, quote(word), quote_plus(word), escape(word), quote(quote(word))}:
        body = re.sub(re.escape(form), " ", body, flags=re.IGNORECASE)
    return body


@pytest.mark.parametrize("signed_in_as", ["nobody", "contributor", "reviewer"])
def test_no_public_surface_shows_who_applied_or_who_is_on_the_roster(
    client, make_user, applicants, signed_in_as
):
    if signed_in_as != "nobody":
        client.force_login(make_user(signed_in_as))
    leaks = []
    for path, typed in public_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        body = without_query(response.content.decode(), typed)
        leaks += [f"{path}: {secret}" for secret in SECRETS if secret.lower() in body.lower()]
    assert not leaks, "\n".join(leaks)


def test_search_finds_no_expert(client, applicants):
    """The pages above may repeat the words typed; here we check nothing was found."""
    for word in WORDS:
        assert client.get("/api/v1/search", {"q": word}).json()["count"] == 0
        assert list(client.get("/en/search/", {"q": word}).context["results"].cards) == []


def test_the_markers_do_show_where_they_should(client, make_user, applicants):
    """The check above could fail: curators do see these names on their own pages."""
    client.force_login(make_user("curator"))
    body = client.get("/en/roster/applications/", {"status": ""}).content.decode()
    assert "Zenobia Quillfeather" in body and "Xylofon Institute" in body


def test_the_public_page_shows_no_figures_about_the_roster(client, applicants):
    """No count that could identify someone: the page is the same with or without them."""
    from gcmhub.experts.models import ExpertProfile

    with_them = client.get("/en/roster/").content
    ExpertProfile.objects.all().delete()
    assert client.get("/en/roster/").content == with_them
