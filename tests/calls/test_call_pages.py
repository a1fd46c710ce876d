"""Public pages for calls for practices (seed 001)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from gcmhub.calls.models import Call, CallState
from gcmhub.catalog.models import Practice
from tests.pages import links, section, text

pytestmark = pytest.mark.usefixtures("demo")

SLUG = "call-for-practices-trafficking-2024"


def test_the_2024_call_is_closed_with_its_deadline_in_its_time_zone(client):
    call = Call.objects.get(slug=SLUG)
    assert call.state() == CallState.CLOSED
    assert call.local_deadline.strftime("%Y-%m-%d %H:%M") == "2024-06-24 23:59"
    page = text(client.get(f"/en/calls/{SLUG}/"))
    assert "June 24, 2024" in page and "Europe/Zurich" in page
    assert list(call.objectives.values_list("number", flat=True)) == [10]


@pytest.mark.usefixtures("no_page_cache")
def test_the_calls_page_groups_open_upcoming_and_closed_calls(client):
    call = Call.objects.get(slug=SLUG)
    assert client.get("/en/calls/").context["sections"][2][2][0][0] == call
    call.opens_at = timezone.now() + timedelta(days=10)
    call.deadline = timezone.now() + timedelta(days=40)
    call.save()
    sections = client.get("/en/calls/").context["sections"]
    assert [len(calls) for _state, _label, calls in sections] == [0, 1, 0]


def test_a_closed_calls_page_lists_the_practices_published_from_it(client):
    call = Call.objects.get(slug=SLUG)
    practice = Practice.objects.get(slug="project-protect")
    practice.call = call
    practice.save()
    draft = Practice.objects.get(slug="redtram")
    draft.call, draft.status = call, "draft"
    draft.save()
    page = text(client.get(f"/en/calls/{SLUG}/"))
    assert practice.safe_translation_getter("title", language_code="en") in page
    assert draft.safe_translation_getter("title", language_code="en") not in page


def test_an_open_call_is_announced_on_the_home_page(client):
    call = Call.objects.get(slug=SLUG)
    call.deadline = timezone.now() + timedelta(days=5)
    call.save()
    assert call.safe_translation_getter("title", language_code="fr") in text(client.get("/fr/"))


def test_an_unknown_call_gives_a_404(client):
    assert client.get("/fr/calls/no-such-call/").status_code == 404


def _set(call, *, opens=None, deadline, zone="Europe/Zurich"):
    call.opens_at, call.deadline, call.timezone = opens, deadline, zone
    call.save()
    return call


def test_an_open_calls_page_counts_down_and_links_to_the_submission_form(client):
    _set(Call.objects.get(slug=SLUG), deadline=timezone.now() + timedelta(days=12, hours=3))
    response = client.get(f"/fr/calls/{SLUG}/")
    page = text(response)
    assert "Closes in 12 days" in text(client.get(f"/en/calls/{SLUG}/"))
    assert "(Europe/Zurich, UTC+0" in page
    assert (f"/fr/submissions/new/?call={SLUG}", "Soumettre une pratique") in links(response)


def test_a_call_closing_within_a_day_says_so(client):
    _set(Call.objects.get(slug=SLUG), deadline=timezone.now() + timedelta(hours=5))
    assert "Closes in less than a day" in text(client.get(f"/en/calls/{SLUG}/"))


def test_a_closed_call_says_when_it_closed_and_offers_no_submission(client):
    response = client.get(f"/en/calls/{SLUG}/")
    assert "Closed on June 24, 2024" in text(response)
    assert not [href for href, _label in links(response) if "submissions" in href]


def test_the_deadline_reads_in_the_calls_time_zone_not_the_servers(client):
    """24 June 2024 23:59 in Zurich is 21:59 UTC: the page shows the Zurich time."""
    page = text(client.get(f"/en/calls/{SLUG}/"))
    assert "June 24, 2024, 11:59 p.m. (Europe/Zurich, UTC+02:00)" in page


def test_the_list_shows_each_deadline_with_its_zone_and_an_upcoming_calls_opening(client):
    now = timezone.now()
    _set(
        Call.objects.get(slug=SLUG),
        opens=now + timedelta(days=3),
        deadline=now + timedelta(days=30),
        zone="Pacific/Auckland",
    )
    response = client.get("/en/calls/")
    upcoming = section(response, "calls-upcoming")
    assert "Opens:" in upcoming and "Deadline:" in upcoming
    assert upcoming.count("(Pacific/Auckland, UTC+1") == 2
    assert "Opens in 2 days" in upcoming or "Opens in 3 days" in upcoming


def test_a_call_answered_by_no_practice_says_so_once_closed(client):
    Practice.objects.filter(call__slug=SLUG).update(call=None)
    page = text(client.get(f"/en/calls/{SLUG}/"))
    assert "No practice from this call has been published yet." in page


def test_curators_find_the_create_and_edit_links(client, make_user):
    assert ("/en/calls/new/", "Create a call") not in links(client.get("/en/calls/"))
    client.force_login(make_user("curator"))
    assert ("/en/calls/new/", "Create a call") in links(client.get("/en/calls/"))
    assert (f"/en/calls/{SLUG}/edit/", "Edit this call") in links(client.get(f"/en/calls/{SLUG}/"))


def test_a_call_a_curator_saves_is_on_the_visitors_calls_page_at_once(client, make_user, call_post):
    assert "Protecting children on the move" not in text(client.get("/en/calls/"))
    curator = Client()
    curator.force_login(make_user("curator"))
    assert curator.post("/en/calls/new/", call_post()).status_code == 302
    assert "Protecting children on the move" in text(client.get("/en/calls/"))
