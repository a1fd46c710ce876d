"""Reads of calls for practices. Public readers see published calls only; curators also
see unpublished ones (previews), through the `*_for` selectors that take the reader."""

import zoneinfo
from functools import lru_cache

from django.db.models import Q, QuerySet
from django.utils import timezone

from gcmhub.accounts.roles import is_curator
from gcmhub.calls.models import Call, CallState
from gcmhub.catalog.models import Item, Organisation, Practice

# The areas of the IANA time zone database that name places; the rest ("US/Pacific",
# "EST5EDT", "Etc/GMT+5"…) are legacy aliases a curator should not have to scroll past.
_ZONE_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


@lru_cache(maxsize=1)
def timezone_names() -> tuple[str, ...]:
    """Every IANA time zone a curator may pick, sorted, with UTC first."""
    names = sorted(
        name for name in zoneinfo.available_timezones() if name.split("/", 1)[0] in _ZONE_AREAS
    )
    return ("UTC", *names)


def timezone_is_known(name: str) -> bool:
    return name in zoneinfo.available_timezones()


def _published() -> QuerySet[Call]:
    return Call.objects.filter(is_published=True)


def call_list_by_state(*, now=None) -> dict[str, list[Call]]:
    """Published calls grouped as open, upcoming and closed (open ones by nearest deadline)."""
    now = now or timezone.now()
    groups: dict[str, list[Call]] = {state: [] for state in CallState.values}
    calls = _published().prefetch_related("translations")
    for call in calls.order_by("deadline"):
        groups[call.state(now)].append(call)
    groups[CallState.CLOSED].reverse()
    return groups


def call_unpublished_list(*, user) -> list[Call]:
    """Calls not yet published, for curators only (anyone else gets an empty list)."""
    if not is_curator(user):
        return []
    return list(
        Call.objects.filter(is_published=False)
        .prefetch_related("translations")
        .order_by("-updated_at")
    )


def call_get(*, slug: str) -> Call | None:
    """A published call, or None."""
    return (
        _published()
        .filter(slug=slug)
        .prefetch_related("translations", "objectives__translations", "partners__translations")
        .first()
    )


def call_get_for(*, slug: str, user) -> Call | None:
    """The call a reader may see at this address: published, or any call for a curator."""
    calls = Call.objects.all() if is_curator(user) else _published()
    return (
        calls.filter(slug=slug)
        .prefetch_related("translations", "objectives__translations", "partners__translations")
        .first()
    )


def call_for_edit(*, slug: str) -> Call | None:
    return Call.objects.filter(slug=slug).prefetch_related("translations").first()


def call_published_practices(*, call: Call) -> QuerySet[Item]:
    return Practice.objects.public().filter(call=call).prefetch_related("translations")


def call_accepts_submissions(call: Call, now=None) -> bool:
    """Whether a practice may be submitted to this call now: published, opened, and the
    deadline not passed. Instants compare in absolute time (stored values are aware), so
    the reader's or server's time zone never matters."""
    return call.is_published and call.state(now) == CallState.OPEN


def calls_open_for_submission(now=None) -> QuerySet[Call]:
    """Published calls accepting submissions now, nearest deadline first."""
    now = now or timezone.now()
    return (
        _published()
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now), deadline__gte=now)
        .prefetch_related("translations")
        .order_by("deadline")
    )


def organisation_choices() -> QuerySet[Organisation]:
    """The organisations a call may name as partners."""
    return Organisation.objects.prefetch_related("translations").order_by("slug")
