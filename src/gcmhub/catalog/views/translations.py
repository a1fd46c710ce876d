"""The page where curators and a practice's submitter add and review translations of an
item's title and summary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gcmhub.catalog.actions import item_translation_review, item_translation_save
from gcmhub.catalog.forms import TranslationForm
from gcmhub.catalog.permissions import can_review_translation, can_translate_item
from gcmhub.catalog.selectors import item_get
from gcmhub.catalog.views.items import KIND_BY_PATH
from gcmhub.core.languages import choose_translation, content_language_codes


@login_required
def item_translations(request, path, slug):
    item = item_get(kind=KIND_BY_PATH[path], slug=slug)
    if item is None:
        raise Http404(_("No published item has this address."))
    if not can_translate_item(request.user, item):
        raise PermissionDenied
    if request.method == "POST" and "review" in request.POST:
        return _review(request, item)
    by_language = {t.language_code: t for t in item.translations.all()}
    form = TranslationForm(request.POST or None, initial=_initial(by_language, request.GET))
    if request.method == "POST" and form.is_valid():
        try:
            item_translation_save(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Translation saved."))
            return redirect(request.path)
    return render(
        request,
        "catalog/item_translations.html",
        {
            "item": item,
            "shown": choose_translation(
                item, language=request.LANGUAGE_CODE, source_language=item.source_language
            ),
            "form": form,
            "languages": [(code, by_language.get(code)) for code in content_language_codes()],
            "can_review": can_review_translation(request.user),
        },
    )


def _initial(by_language: dict, query) -> dict:
    """`?language=ru` opens that language's version in the form, to correct it."""
    language = query.get("language")
    if language not in content_language_codes():
        return {}
    translation = by_language.get(language)
    if translation is None:
        return {"language": language}
    return {
        "language": language,
        "title": translation.title,
        "summary": translation.summary,
        "origin": translation.origin,
    }


def _review(request, item):
    try:
        item_translation_review(actor=request.user, item=item, language=request.POST["review"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Translation marked as reviewed."))
    return redirect(request.path)
