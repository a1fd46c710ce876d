import sys

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import render
from django.views import defaults

from gcmhub.calls.models import CallState
from gcmhub.calls.selectors import call_list_by_state
from gcmhub.catalog.models import Kind
from gcmhub.catalog.selectors import item_latest
from gcmhub.core.languages import choose_translation
from gcmhub.core.outage import DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS
from gcmhub.core.pagecache import cached_for_visitors
from gcmhub.taxonomy.selectors import objective_list


@cached_for_visitors
def home(request):
    open_calls = [
        (
            call,
            choose_translation(
                call, language=request.LANGUAGE_CODE, source_language=call.source_language
            ),
        )
        for call in call_list_by_state()[CallState.OPEN]
    ]
    return render(
        request,
        "site/home.html",
        {
            "latest_practices": item_latest(kind=Kind.PRACTICE, language=request.LANGUAGE_CODE),
            "objectives": objective_list(),
            "open_calls": open_calls,
        },
    )


def page_not_found(request, exception):
    message = (
        exception.args[0]
        if exception and exception.args and isinstance(exception.args[0], str)
        else ""
    )
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request):
    """An unreachable (or locked-out) database is an outage, not a bug: people get a
    page saying to try again shortly, with status 503 and Retry-After, instead of the
    error page. The page reads nothing from the database: the signed-in person and
    their messages would need the session, so it is shown as to an anonymous visitor."""
    error = sys.exc_info()[1]
    if not isinstance(error, DATABASE_UNAVAILABLE):
        return defaults.server_error(request)
    response = render(request, "503.html", {"user": AnonymousUser(), "messages": ()}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
