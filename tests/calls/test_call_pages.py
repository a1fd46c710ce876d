"""Public pages for calls for practices (seed 001)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gcmhub.calls.models import Call, CallState
from gcmhub.catalog.models import Practice
from tests.pages import text

pytestmark = pytest.mark.usefixtures("demo")

SLUG = "call-for-practices-trafficking-2024"


def test_the_2024_call_is_closed_with_its_deadline_in_its_time_zone(client):
    call = Call.objects.get(slug=SLUG)
    assert call.state() == CallState.CLOSED
    assert call.local_deadline.strftime("%Y-%m-%d %H:%M") == "2024-06-24 23:59"
    page = text(client.get(f"/en/calls/{SLUG}/"))
    assert "June 24, 2024" in page and "Europe/Zurich" in page
    assert list(call.objectives.values_list("number", flat=True)) == [10]


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
