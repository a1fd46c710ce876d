"""The JSON API, version 1, under /api/v1/. Its OpenAPI document is generated from the
code at /api/v1/openapi.json and browsable at /api/v1/docs.

One module per resource (`search`, `items`, `taxonomy`); `base` holds the API object and
the error shape, `conditional` what wraps every view (HEAD, ETag, Last-Modified, 304, a
JSON 405). Everything is public and published, except `submissions`, which acts for
the person whose API token is sent.
"""

from django.http import JsonResponse
from django.urls import re_path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from gcmhub.interop.api import items, search, submissions, taxonomy
from gcmhub.interop.api.base import api, error_body, interface_language
from gcmhub.interop.api.conditional import conditional_urls, conditional_view

api.add_router("", search.router)
api.add_router("", items.router)
api.add_router("", taxonomy.router)
api.add_router("", submissions.router)


def api_root(request, **kwargs):
    """Where to start: the OpenAPI document and the docs."""
    return JsonResponse(
        {
            "openapi": request.build_absolute_uri(reverse("api-v1:openapi-json")),
            "docs": request.build_absolute_uri(reverse("api-v1:openapi-view")),
        }
    )


@csrf_exempt
def api_not_found(request, **kwargs):
    with translation.override(interface_language(request)):
        message = _("Nothing is published at this address.")
    return JsonResponse(
        error_body(404, "not_found", message), status=404, json_dumps_params={"ensure_ascii": False}
    )


def api_urls():
    """The API's URL patterns, each view wrapped in `conditional_view`, the root answering
    with links, and any other address under /api/v1/ with a JSON 404."""
    patterns, app_name, namespace = conditional_urls(api.urls)
    for i, pattern in enumerate(patterns):
        if pattern.name == "api-root":
            root = conditional_view(api_root, read_only=True)
            patterns[i] = type(pattern)(pattern.pattern, root, name="api-root")
    patterns.append(re_path(r"^.*$", api_not_found, name="not-found"))
    return patterns, app_name, namespace


__all__ = ["api", "api_urls"]
