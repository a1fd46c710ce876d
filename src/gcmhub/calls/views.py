from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from gcmhub.calls.models import CallState
from gcmhub.calls.selectors import call_get, call_list_by_state, call_published_practices
from gcmhub.core.languages import choose_translation


def call_index(request):
    groups = call_list_by_state()
    sections = [
        (
            CallState(state).label,
            [
                (
                    call,
                    choose_translation(
                        call, language=request.LANGUAGE_CODE, source_language=call.source_language
                    ),
                )
                for call in groups[state]
            ],
        )
        for state in (CallState.OPEN, CallState.UPCOMING, CallState.CLOSED)
    ]
    return render(request, "calls/call_list.html", {"sections": sections})


def call_detail(request, slug):
    call = call_get(slug=slug)
    if call is None:
        raise Http404(_("No published call for practices has this address."))
    practices = [
        (
            p,
            choose_translation(
                p, language=request.LANGUAGE_CODE, source_language=p.source_language
            ),
        )
        for p in call_published_practices(call=call)
    ]
    return render(
        request,
        "calls/call_detail.html",
        {
            "call": call,
            "state": call.state(),
            "shown": choose_translation(
                call, language=request.LANGUAGE_CODE, source_language=call.source_language
            ),
            "practices": practices,
        },
    )
