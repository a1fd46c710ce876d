"""Pages as anonymous visitors see them, kept and served again until public content
changes (docs/adr/0024-pages-kept-for-visitors.md).

Rendering a catalogue page costs tens of milliseconds of CPU; most readers are not
signed in and read the same pages. A page is kept per address (with its query), host
and language, filed under the public content version: `public_content_changed()`, which
`audit_record` calls for every event a visitor could see, moves to a new number, and
pages filed under the old one are never read again (they age out). Saves and reviews of
submissions are not such events, so a busy review desk does not empty the pages.

Only what is the same for every visitor is kept: GET and HEAD with no session or message
cookie and no Authorization header, answered 200 without a cookie or a CSRF token.
Pages also age out after `GCMHUB_PAGE_CACHE_SECONDS` (0 turns keeping off), which bounds
what depends on the clock alone, such as a call closing at its deadline.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db.models import F
from django.utils import translation

from gcmhub.core.models import PublicContentVersion
from gcmhub.core.outage import DATABASE_UNAVAILABLE

_ROW = 1


def public_content_version() -> int:
    number = PublicContentVersion.objects.filter(pk=_ROW).values_list("number", flat=True)
    return number.first() or 0


def public_content_changed() -> None:
    """Call inside the transaction that changes public content: the new number is seen
    when, and only when, the change is."""
    if not PublicContentVersion.objects.filter(pk=_ROW).update(number=F("number") + 1):
        PublicContentVersion.objects.get_or_create(pk=_ROW)
        PublicContentVersion.objects.filter(pk=_ROW).update(number=F("number") + 1)


def _same_for_every_visitor(request) -> bool:
    return (
        settings.GCMHUB_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _keepable(request, response) -> bool:
    return (
        response.status_code == 200
        and not getattr(response, "streaming", False)
        and not response.cookies
        # A page holding a CSRF token (a form that posts) is one visitor's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def cached_for_visitors(view=None, *, language: Callable | None = None):
    """Decorate a view whose answer to a visitor depends only on its address and
    language; `language(request)` names the language when the address does not."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _same_for_every_visitor(request):
                return view(request, *args, **kwargs)
            try:
                version = public_content_version()
            except DATABASE_UNAVAILABLE:
                # The view meets the outage too and answers it its own way (503).
                return view(request, *args, **kwargs)
            address = request.build_absolute_uri()
            spoken = language(request) if language else translation.get_language()
            digest = hashlib.sha256(f"{spoken} {address}".encode()).hexdigest()
            key = f"{version}:{digest}"
            pages = caches["pages"]
            response = pages.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                if _keepable(request, response):
                    pages.set(key, response, settings.GCMHUB_PAGE_CACHE_SECONDS)
            return response

        return wrapped

    return decorate(view) if view is not None else decorate
