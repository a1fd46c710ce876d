"""Pages kept for anonymous visitors (core/pagecache.py, ADR 24): served again without
rendering, identical to a fresh page, replaced the moment public content changes through
any action, never mixed with a signed-in person's page, a message or a form token."""

from urllib.parse import urlencode

import hypothesis
import pytest
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from gcmhub.catalog.actions import item_translation_review, item_translation_save
from gcmhub.catalog.models import Practice
from gcmhub.core.pagecache import cached_for_visitors, public_content_version
from gcmhub.review import actions as review
from gcmhub.taxonomy.selectors import taxonomy_index
from tests.pages import PAGE_TYPES, text
from tests.review.conftest import (
    CONTENT,
    CRITERIA_ANSWERS,
    accept_and_publish,
    make_roster,
    to_review,
)
from tests.review.conftest import (
    review as review_as,
)

pytestmark = pytest.mark.usefixtures("demo")

DETAIL = "/en/practices/brazil-labour-inspection/"


def queries_for(client, path, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    return response, len(captured)


def test_a_page_read_again_is_answered_with_one_query_and_the_same_bytes(client):
    first, rendered = queries_for(client, "/en/practices/?objective=10")
    again, kept = queries_for(client, "/en/practices/?objective=10")
    assert rendered > 5
    assert kept == 1  # the public content version
    assert again.status_code == 200 and again.content == first.content


@pytest.mark.parametrize(
    # The account pages hold forms that post, with a token: never kept.
    "path",
    [path for path in PAGE_TYPES if not path.startswith("/account/")],
)
def test_a_kept_page_is_exactly_the_page_a_fresh_render_gives(client, settings, path):
    for language in ("en", "ar"):
        settings.GCMHUB_PAGE_CACHE_SECONDS = 0
        fresh = client.get(f"/{language}{path}")
        settings.GCMHUB_PAGE_CACHE_SECONDS = 300
        client.get(f"/{language}{path}")
        kept = client.get(f"/{language}{path}")
        assert (kept.status_code, kept.content) == (fresh.status_code, fresh.content)


QUERY = st.dictionaries(
    st.sampled_from(["q", "objective", "country", "region", "page", "sort", "kind", "x"]),
    st.text(max_size=12),
    max_size=3,
)


@hypothesis.settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERY)
def test_any_query_string_is_kept_as_its_own_page(client, query):
    """The kept pages are not emptied between examples: two queries sharing a key would
    show here as a kept page that differs from its fresh render."""
    path = "/en/practices/?" + urlencode(query)
    with override_settings(GCMHUB_PAGE_CACHE_SECONDS=0):
        fresh = client.get(path)
    client.get(path)
    kept = client.get(path)
    assert (kept.status_code, kept.content) == (fresh.status_code, fresh.content)


def test_languages_and_queries_are_kept_apart(client):
    english, french = client.get("/en/objectives/10/"), client.get("/fr/objectives/10/")
    assert '<html lang="en"' in english.content.decode()
    assert '<html lang="fr"' in french.content.decode()
    assert text(client.get("/en/search/?q=inspection")) != text(client.get("/en/search/?q=zzzz"))
    fr = client.get("/api/v1/items?page=0", HTTP_ACCEPT_LANGUAGE="fr")
    en = client.get("/api/v1/items?page=0", HTTP_ACCEPT_LANGUAGE="en")
    assert fr["Content-Language"] == "fr" and en["Content-Language"] == "en"
    assert fr.json()["error"]["message"] != en.json()["error"]["message"]


@pytest.fixture
def curator(make_user):
    return make_user("curator", username="carla", first_name="Carla")


def translate_into_russian(curator, title: str) -> Practice:
    practice = Practice.objects.get(slug="brazil-labour-inspection")
    item_translation_save(
        actor=curator, item=practice, language="ru", title=title, summary="", origin="machine"
    )
    return practice


def test_a_translation_reaches_visitors_at_once_on_the_page_and_the_api(client, curator):
    client.get("/ru/practices/brazil-labour-inspection/")
    client.get("/api/v1/practices/brazil-labour-inspection?lang=ru")
    translate_into_russian(curator, "Трудовые инспекции в Бразилии")
    assert "Трудовые инспекции в Бразилии" in text(
        client.get("/ru/practices/brazil-labour-inspection/")
    )
    detail = client.get("/api/v1/practices/brazil-labour-inspection?lang=ru").json()
    assert detail["title"] == "Трудовые инспекции в Бразилии"


def test_reviewing_a_translation_changes_its_notice_for_visitors_at_once(client, settings, curator):
    practice = translate_into_russian(curator, "Трудовые инспекции")
    # As a submitter's translation would be: waiting for a curator (set before any read).
    practice.translations.filter(language_code="ru").update(reviewed=False)
    before = client.get("/ru/practices/brazil-labour-inspection/").content
    item_translation_review(actor=curator, item=practice, language="ru")
    after = client.get("/ru/practices/brazil-labour-inspection/").content
    settings.GCMHUB_PAGE_CACHE_SECONDS = 0
    assert after != before
    assert after == client.get("/ru/practices/brazil-labour-inspection/").content


def test_a_published_practice_is_found_and_served_at_once(client, make_user, curator):
    paths = ["/en/search/?q=clinics", "/api/v1/search?q=clinics", "/en/practices/?q=clinics"]
    for path in paths:
        assert CONTENT["title"] not in client.get(path).content.decode()
    submission = review.submission_create(
        actor=make_user("contributor"), content=CONTENT, criteria=CRITERIA_ANSWERS
    )
    for assignment in to_review(submission, curator, make_roster(make_user)).assignments.all():
        review_as(assignment, "accept")
    practice = accept_and_publish(submission, curator)
    for path in [*paths, practice.get_absolute_url()]:
        assert CONTENT["title"] in client.get(path).content.decode(), path


def test_drafts_saves_and_reviews_leave_the_kept_pages_in_place(client, make_user, curator):
    roster = make_roster(make_user)  # granting the reviewer role is a public change
    client.get(DETAIL)
    version, index = public_content_version(), taxonomy_index()
    submitter = make_user("contributor")
    submission = review.submission_create(
        actor=submitter, content=CONTENT, criteria=CRITERIA_ANSWERS
    )
    review.submission_save(
        actor=submitter,
        submission=submission,
        content={**CONTENT, "title": "A better title"},
        criteria=CRITERIA_ANSWERS,
        lock_version=submission.lock_version,
    )
    to_review(submission, curator, roster)
    assert public_content_version() == version
    assert taxonomy_index() is index
    _response, kept = queries_for(client, DETAIL)
    assert kept == 1
    assert CONTENT["title"] not in client.get("/en/search/?q=clinics").content.decode()


def test_a_signed_in_persons_page_is_never_kept_or_given_a_kept_page(client, curator):
    client.get(DETAIL)  # kept for visitors
    client.force_login(curator)
    own = client.get(DETAIL).content.decode()
    assert "Sign out" in own and "/translations/" in own
    client.logout()
    client.cookies.clear()
    visitor = client.get(DETAIL)
    assert "Sign out" not in text(visitor) and "/translations/" not in visitor.content.decode()
    assert "csrfmiddlewaretoken" not in visitor.content.decode()


def test_a_message_for_a_visitor_is_shown_not_hidden_by_a_kept_page(client, make_user):
    client.get("/en/")  # kept for visitors
    client.force_login(make_user())
    signed_out = client.post("/en/account/logout/", follow=True)
    assert "You have signed out." in text(signed_out)
    assert "You have signed out." not in text(client.get("/en/"))


def test_an_api_request_with_a_token_is_not_answered_from_the_kept_answers(client):
    client.get("/api/v1/items")
    _response, kept = queries_for(client, "/api/v1/items")
    assert kept == 2  # the public content version, and the latest change for Last-Modified
    _response, with_token = queries_for(
        client, "/api/v1/items", HTTP_AUTHORIZATION="Bearer not-a-token"
    )
    assert with_token > 2


def test_kept_api_answers_still_count_against_the_rate_limit(client, settings):
    settings.GCMHUB_RATE_LIMITS = {**settings.GCMHUB_RATE_LIMITS, "api_read": "3/m"}
    statuses = [client.get("/api/v1/items").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_a_page_holding_a_form_token_is_not_kept(db):
    renders = []

    @cached_for_visitors
    def form_page(request):
        renders.append(1)
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    first = form_page(RequestFactory().get("/en/form/"))
    second = form_page(RequestFactory().get("/en/form/"))
    assert len(renders) == 2 and first.content != second.content


def test_keeping_pages_can_be_turned_off(client, settings):
    settings.GCMHUB_PAGE_CACHE_SECONDS = 0
    client.get(DETAIL)
    _response, queries = queries_for(client, DETAIL)
    assert queries > 1
