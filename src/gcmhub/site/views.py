from django.shortcuts import render

from gcmhub.calls.models import CallState
from gcmhub.calls.selectors import call_list_by_state
from gcmhub.catalog.models import Kind
from gcmhub.catalog.selectors import item_latest
from gcmhub.core.languages import choose_translation
from gcmhub.taxonomy.selectors import objective_list


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
