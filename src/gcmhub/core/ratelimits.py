"""Rate limits: how often one client address, and one signed-in person or API token, may
send a kind of request (`settings.GCMHUB_RATE_LIMITS`, read from the environment).

Counters live in the "ratelimit" cache, files shared by every server process, in fixed
windows (django-ratelimit); see docs/adr/0022-rate-limits-and-security-tests.md.
"""

import ipaddress
import math
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import get_usage

Key = str | Callable


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's address. Behind a proxy (GCMHUB_BEHIND_PROXY=1): the one the proxy
    appended to X-Forwarded-For, the last (those before it come from the client and may
    say anything). Clients whose address is unknown (a Unix socket) share one count."""
    direct = request.META.get("REMOTE_ADDR", "")
    if settings.GCMHUB_CLIENT_IP_FROM_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1]
        direct = _address(forwarded) or direct
    return _address(direct) or "0.0.0.0"


def _signed_in_person(group, request) -> str:
    return f"user:{request.user.pk}"


def client_keys(request) -> list[Key]:
    """What a page's request is counted against: the client's address, and the person
    too when signed in (so changing address does not reset their count)."""
    return ["ip", _signed_in_person] if request.user.is_authenticated else ["ip"]


def retry_after(request, scope: str, keys: list[Key]) -> int | None:
    """Count this request under `scope` once for each key ("ip", "header:authorization",
    or a django-ratelimit key function); the seconds to wait if any count is now over
    the limit, else None. An empty rate means no limit."""
    rate = settings.GCMHUB_RATE_LIMITS.get(scope) or None
    waits = []
    for key in keys:
        usage = get_usage(request, group=f"gcmhub.{scope}", key=key, rate=rate, increment=True)
        if usage is not None and usage["should_limit"]:
            waits.append(max(1, usage["time_left"]))
    return max(waits, default=None)


def _never_written_back(request, name: str) -> bool:
    sensitive = getattr(request, "sensitive_post_parameters", ())
    return (
        name == "csrfmiddlewaretoken"
        or "password" in name
        or sensitive == "__ALL__"
        or name in sensitive
    )


def too_many_requests(request, seconds: int):
    """The page for a form sent too often: when to try again, and a form holding what was
    sent so nothing typed is lost (passwords excepted: they are never written into a page;
    files are not kept)."""
    kept, dropped = [], False
    for name, values in request.POST.lists():
        if _never_written_back(request, name):
            dropped = dropped or name != "csrfmiddlewaretoken"
            continue
        kept.extend((name, value) for value in values)
    response = render(
        request,
        "too_many_requests.html",
        {
            "minutes": math.ceil(seconds / 60),
            "kept": kept,
            "passwords_dropped": dropped,
            "action": request.get_full_path(),
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def limit_posts(scope: str):
    """Count a view's POSTs against `scope`'s limit, per address and per person; over
    it, answer with `too_many_requests` and leave the view (and the database) alone."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                seconds = retry_after(request, scope, client_keys(request))
                if seconds is not None:
                    return too_many_requests(request, seconds)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
