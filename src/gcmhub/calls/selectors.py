from django.db.models import QuerySet
from django.utils import timezone

from gcmhub.calls.models import Call, CallState
from gcmhub.catalog.models import Item, Practice


def call_list_by_state(*, now=None) -> dict[str, list[Call]]:
    """Published calls grouped as open, upcoming and closed (open ones by nearest deadline)."""
    now = now or timezone.now()
    groups: dict[str, list[Call]] = {state: [] for state in CallState.values}
    calls = Call.objects.filter(is_published=True).prefetch_related("translations")
    for call in calls.order_by("deadline"):
        groups[call.state(now)].append(call)
    groups[CallState.CLOSED].reverse()
    return groups


def call_get(*, slug: str) -> Call | None:
    return (
        Call.objects.filter(is_published=True, slug=slug)
        .prefetch_related("translations", "objectives__translations", "partners__translations")
        .first()
    )


def call_published_practices(*, call: Call) -> QuerySet[Item]:
    return Practice.objects.public().filter(call=call).prefetch_related("translations")
