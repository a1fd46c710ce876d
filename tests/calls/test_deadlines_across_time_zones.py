"""A deadline is a wall-clock time in the call's time zone, stored as an exact instant:
whether a call accepts submissions compares instants, whatever zone anyone is in."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from gcmhub.calls.forms import localise
from gcmhub.calls.models import Call
from gcmhub.calls.selectors import call_accepts_submissions, calls_open_for_submission
from tests.calls.conftest import SEEDED

pytestmark = pytest.mark.usefixtures("demo")

UTC = datetime.UTC


def at(text: str, zone: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=zoneinfo.ZoneInfo(zone))


def make_call(slug, *, deadline, zone, opens=None, published=True):
    template = Call.objects.get(slug=SEEDED)
    call = Call(
        slug=slug,
        source_language="en",
        deadline=deadline,
        opens_at=opens,
        timezone=zone,
        is_published=published,
    )
    call.set_current_language("en")
    call.title = slug
    call.save()
    call.objectives.set(template.objectives.all())
    return call


@pytest.fixture
def zurich_and_auckland():
    """Two calls closing at 23:59 on 24 June 2030, one on Zurich's clocks (UTC+2 in
    summer), one on Auckland's (UTC+12 in its winter): ten hours apart."""
    zurich = make_call(
        "zurich", deadline=at("2030-06-24T23:59", "Europe/Zurich"), zone="Europe/Zurich"
    )
    auckland = make_call(
        "auckland", deadline=at("2030-06-24T23:59", "Pacific/Auckland"), zone="Pacific/Auckland"
    )
    return zurich, auckland


def test_the_same_wall_clock_deadline_closes_at_different_instants(zurich_and_auckland):
    zurich, auckland = zurich_and_auckland
    assert zurich.deadline == datetime.datetime(2030, 6, 24, 21, 59, tzinfo=UTC)
    assert auckland.deadline == datetime.datetime(2030, 6, 24, 11, 59, tzinfo=UTC)
    noon_utc = datetime.datetime(2030, 6, 24, 12, 0, tzinfo=UTC)
    assert call_accepts_submissions(zurich, now=noon_utc)
    assert not call_accepts_submissions(auckland, now=noon_utc)
    assert list(
        calls_open_for_submission(now=noon_utc).filter(slug__in=["zurich", "auckland"])
    ) == [zurich]


def test_the_deadline_minute_itself_is_still_open_and_the_next_is_not(zurich_and_auckland):
    zurich, _ = zurich_and_auckland
    assert call_accepts_submissions(zurich, now=zurich.deadline)
    assert not call_accepts_submissions(zurich, now=zurich.deadline + datetime.timedelta(seconds=1))
    assert (
        not calls_open_for_submission(now=zurich.deadline + datetime.timedelta(seconds=1))
        .filter(slug="zurich")
        .exists()
    )


def test_the_readers_time_zone_changes_nothing(zurich_and_auckland):
    zurich, _ = zurich_and_auckland
    moment = datetime.datetime(2030, 6, 24, 21, 30, tzinfo=UTC)
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"):
        with timezone.override(zone):
            assert call_accepts_submissions(zurich, now=moment.astimezone(zoneinfo.ZoneInfo(zone)))


def test_a_call_not_yet_open_or_not_published_accepts_nothing(zurich_and_auckland):
    now = datetime.datetime(2030, 6, 1, tzinfo=UTC)
    upcoming = make_call(
        "upcoming",
        opens=at("2030-06-10T09:00", "Asia/Kolkata"),
        deadline=at("2030-07-10T17:00", "Asia/Kolkata"),
        zone="Asia/Kolkata",
    )
    hidden = make_call(
        "hidden", deadline=at("2030-07-10T17:00", "UTC"), zone="UTC", published=False
    )
    assert not call_accepts_submissions(upcoming, now=now)
    assert call_accepts_submissions(upcoming, now=at("2030-06-10T09:00", "Asia/Kolkata"))
    assert not call_accepts_submissions(hidden, now=now)
    open_now = set(calls_open_for_submission(now=now).values_list("slug", flat=True))
    assert {"zurich", "auckland"} <= open_now and not {"upcoming", "hidden"} & open_now


def test_daylight_saving_time_moves_the_instant_not_the_wall_clock():
    """Auckland keeps summer time in January (UTC+13), Zurich winter time (UTC+1)."""
    zurich = localise(
        datetime.datetime(2031, 1, 15, 23, 59), zoneinfo.ZoneInfo("Europe/Zurich"), later=True
    )
    auckland = localise(
        datetime.datetime(2031, 1, 15, 23, 59), zoneinfo.ZoneInfo("Pacific/Auckland"), later=True
    )
    assert zurich.astimezone(UTC) == datetime.datetime(2031, 1, 15, 22, 59, tzinfo=UTC)
    assert auckland.astimezone(UTC) == datetime.datetime(2031, 1, 15, 10, 59, tzinfo=UTC)


def test_a_wall_clock_time_that_happens_twice_is_read_generously(client, make_user, call_post):
    """Zurich turns its clocks back from 03:00 to 02:00 on 27 October 2030: a deadline at
    02:30 that night means the second 02:30 (later), an opening the first (earlier)."""
    client.force_login(make_user("curator"))
    with timezone.override("Pacific/Kiritimati"):  # the server's zone plays no part
        response = client.post(
            "/en/calls/new/",
            call_post(opens_at="2030-10-27T02:30", deadline="2030-10-27T02:30", title="Twice"),
        )
    assert response.status_code == 302
    call = Call.objects.get(translations__title="Twice")
    assert call.opens_at == datetime.datetime(2030, 10, 27, 0, 30, tzinfo=UTC)
    assert call.deadline == datetime.datetime(2030, 10, 27, 1, 30, tzinfo=UTC)


def test_a_wall_clock_time_the_clocks_skip_is_refused():
    assert (
        localise(
            datetime.datetime(2030, 3, 31, 2, 30), zoneinfo.ZoneInfo("Europe/Zurich"), later=True
        )
        is None
    )
    assert (
        localise(
            datetime.datetime(2030, 9, 29, 2, 30),
            zoneinfo.ZoneInfo("Pacific/Auckland"),
            later=False,
        )
        is None
    )
