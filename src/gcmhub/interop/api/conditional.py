"""What every /api/v1/ view gets around it: rate limits, HEAD, validators and conditional
requests, and a JSON 405.

- Reads are counted per client address, writes per API token (`GCMHUB_RATE_API_READ`,
  `GCMHUB_RATE_API_WRITE`); over the limit the answer is the JSON error with 429 and
  `Retry-After`, and the operation does not run.

- `ETag` is a hash of the body, so it changes exactly when the content does (whatever
  changed it: an item, a translation, the taxonomy, an interface translation).
- `Last-Modified` is the time of the latest audited write (every write of content is
  audited) or of the running code's files, whichever is later, to the second. It is left
  out within a second of a change, when a second's precision could hide that change.
- `If-None-Match` / `If-Modified-Since` are answered with 304 by Django's own rules
  (`If-None-Match` wins when both are sent).
"""

import hashlib
import json
from datetime import UTC, datetime
from functools import cache, wraps
from pathlib import Path

from django.http import HttpResponse, JsonResponse
from django.urls import URLPattern
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gcmhub.audit.models import AuditEntry
from gcmhub.core.pagecache import cached_for_visitors
from gcmhub.core.ratelimits import retry_after
from gcmhub.interop.api.base import error_body, interface_language

ALLOWED = "GET, HEAD"


@cache
def _code_time() -> datetime:
    """When the running code (Python, translations, data files) last changed on disk."""
    package = Path(__file__).resolve().parents[2]
    newest = max(
        (
            p.stat().st_mtime
            for pattern in ("*.py", "*.mo", "*.json")
            for p in package.rglob(pattern)
        ),
        default=0.0,
    )
    return datetime.fromtimestamp(newest, tz=UTC)


def last_change(request=None) -> datetime:
    """The latest audited write or code change; read once per request."""
    cached = getattr(request, "_hub_last_change", None)
    if cached is not None:
        return cached
    latest = AuditEntry.objects.order_by("-created_at").values_list("created_at", flat=True).first()
    changed = max(filter(None, (latest, _code_time())))
    if request is not None:
        request._hub_last_change = changed
    return changed


def _not_allowed(request, response):
    with translation.override(interface_language(request)):
        message = _("Only GET and HEAD requests are accepted here.")
    body = json.dumps(error_body(405, "method_not_allowed", message), ensure_ascii=False)
    response.content = body.encode()
    response["Content-Type"] = "application/json; charset=utf-8"
    # Operations that write name their own methods; HEAD goes wherever GET does.
    methods = [m.strip() for m in response.get("Allow", ALLOWED).split(",") if m.strip()]
    if "GET" in methods and "HEAD" not in methods:
        methods.append("HEAD")
    response["Allow"] = ", ".join(methods)
    return response


def _over_limit(request) -> JsonResponse | None:
    if request.method in ("GET", "HEAD"):
        seconds = retry_after(request, "api_read", ["ip"])
    else:
        token = "header:authorization" if request.META.get("HTTP_AUTHORIZATION") else "ip"
        seconds = retry_after(request, "api_write", [token])
    if seconds is None:
        return None
    language = interface_language(request)
    with translation.override(language):
        message = ngettext(
            "Too many requests. Try again in %(seconds)d second.",
            "Too many requests. Try again in %(seconds)d seconds.",
            seconds,
        ) % {"seconds": seconds}
    response = JsonResponse(
        error_body(429, "too_many_requests", message),
        status=429,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Retry-After"] = str(seconds)
    response["Content-Language"] = language
    return response


def conditional_view(view, *, read_only: bool = False):
    """Wrap `view`; with `read_only` (views that are not API operations: the document,
    the docs, the root), answer methods other than GET and HEAD with the JSON 405.
    Anonymous reads are kept as pages are (core/pagecache.py), inside the rate limit."""
    view = cached_for_visitors(view, language=interface_language)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        limited = _over_limit(request)
        if limited is not None:
            return limited
        if read_only and request.method not in ("GET", "HEAD"):
            return _not_allowed(request, HttpResponse(status=405))
        head = request.method == "HEAD"
        if head:  # answered like GET; the server sends no body
            request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            if head:
                request.method = "HEAD"
        # Says the language the answer speaks (LocaleMiddleware would name the cookie's).
        response["Content-Language"] = interface_language(request)
        if response.status_code == 405:
            return _not_allowed(request, response)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if getattr(response, "streaming", False):
            return response
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        changed = last_change(request)
        last_modified = None
        if (timezone.now() - changed).total_seconds() >= 1:
            last_modified = int(changed.timestamp())
            response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, no_cache=True)
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )

    if read_only:  # it refuses every write, so CSRF has nothing to protect
        wrapped.csrf_exempt = True
    return wrapped


READ_ONLY_VIEWS = {"openapi-json", "openapi-view", "api-root"}


def conditional_urls(urls):
    """`api.urls` with every view wrapped in `conditional_view`."""
    patterns, app_name, namespace = urls
    wrapped = [
        URLPattern(
            p.pattern,
            conditional_view(p.callback, read_only=p.name in READ_ONLY_VIEWS),
            p.default_args,
            p.name,
        )
        for p in patterns
    ]
    return wrapped, app_name, namespace
