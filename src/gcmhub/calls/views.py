from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gcmhub.accounts.roles import is_curator
from gcmhub.calls.actions import TRANSLATED_FIELDS, CallConflict, call_create, call_update
from gcmhub.calls.forms import CallForm, NewTranslationForm, TranslationForm
from gcmhub.calls.models import CallState
from gcmhub.calls.selectors import (
    call_accepts_submissions,
    call_for_edit,
    call_get_for,
    call_list_by_state,
    call_published_practices,
    call_unpublished_list,
)
from gcmhub.core.languages import choose_translation
from gcmhub.core.pagecache import cached_for_visitors


def _shown(request, obj):
    return choose_translation(
        obj, language=request.LANGUAGE_CODE, source_language=obj.source_language
    )


@cached_for_visitors
def call_index(request):
    groups = call_list_by_state()
    sections = [
        (state, CallState(state).label, [(call, _shown(request, call)) for call in groups[state]])
        for state in (CallState.OPEN, CallState.UPCOMING, CallState.CLOSED)
    ]
    unpublished = [
        (call, _shown(request, call)) for call in call_unpublished_list(user=request.user)
    ]
    return render(
        request,
        "calls/call_list.html",
        {
            "sections": sections,
            "unpublished": unpublished,
            "is_curator": is_curator(request.user),
        },
    )


@cached_for_visitors
def call_detail(request, slug):
    call = call_get_for(slug=slug, user=request.user)
    if call is None:
        raise Http404(_("No published call for practices has this address."))
    practices = [(p, _shown(request, p)) for p in call_published_practices(call=call)]
    return render(
        request,
        "calls/call_detail.html",
        {
            "call": call,
            "state": call.state(),
            "shown": _shown(request, call),
            "practices": practices,
            "accepts_submissions": call_accepts_submissions(call),
            "is_curator": is_curator(request.user),
        },
    )


# Curators' pages -----------------------------------------------------------------------


def _require_curator(request) -> None:
    if not is_curator(request.user):
        raise PermissionDenied(_("Only curators may create or change calls for practices."))


def _apply_errors(forms_by_key: dict, error: ValidationError) -> None:
    """Show an action's validation errors next to the fields they concern."""
    main = forms_by_key[None]
    for key, errors in error.update_error_dict({}).items():
        form = main if key in main.fields else None
        form = form or forms_by_key.get(key)
        if form is not None and key in form.fields:
            form.add_error(key, errors)
        else:
            main.add_error(None, errors)


def _problems(forms) -> dict | None:
    """Every field in error, for the summary at the top of the form (links to the fields)."""
    rows, failed = [], False
    for form in forms:
        if form is None or not form.is_bound:
            continue
        failed = failed or bool(form.errors)
        suffix = f" ({form.language_name})" if getattr(form, "language_name", "") else ""
        for name, errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            rows.append((bound.id_for_label or bound.auto_id, f"{bound.label}{suffix}", errors))
    return {"fields": rows} if failed else None


@login_required
def call_new(request):
    _require_curator(request)
    language = request.LANGUAGE_CODE
    initial = {"source_language": language, "timezone": "UTC"}
    form = CallForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            call = call_create(
                actor=request.user,
                values=form.values(),
                translations={form.cleaned_data["source_language"]: form.texts()},
                objectives=form.cleaned_data["objectives"],
                partners=form.cleaned_data["partners"],
                slug=form.cleaned_data.get("slug", ""),
            )
        except ValidationError as error:
            _apply_errors({None: form}, error)
        else:
            messages.success(request, _("The call is saved."))
            return redirect(call.get_absolute_url())
    return render(
        request,
        "calls/call_form.html",
        {
            "form": form,
            "call": None,
            "translation_forms": [],
            "add_form": None,
            "problems": _problems([form]),
        },
    )


def _differences(pairs) -> list[tuple[str, str]]:
    """What the saved call holds that differs from what the editor typed: (label, value)."""
    rows = []
    for form, saved, language_name in pairs:
        for name, field in form.fields.items():
            if name in ("version", "remove", "language"):
                continue
            bound = form[name]
            if field.has_changed(saved.get(name), bound.data):
                value = saved.get(name)
                if hasattr(field, "queryset"):
                    chosen = field.queryset.filter(pk__in=value or [])
                    value = ", ".join(field.label_from_instance(o) for o in chosen)
                elif hasattr(field, "choices") and not isinstance(value, bool):
                    value = dict(field.choices).get(value, value)
                elif isinstance(value, bool):
                    value = _("Yes") if value else _("No")
                label = f"{field.label} ({language_name})" if language_name else field.label
                rows.append((label, "" if value is None else str(value)))
    return rows


@login_required
def call_edit(request, slug):
    _require_curator(request)
    call = call_for_edit(slug=slug)
    if call is None:
        raise Http404(_("No call for practices has this address."))
    present = set(call.get_available_languages())
    others = [
        code
        for code, _name in settings.CONTENT_LANGUAGES
        if code in present and code != call.source_language
    ]
    data = request.POST if request.method == "POST" else None

    def build(data):
        form = CallForm(data, initial=CallForm.initial_for(call), call=call)
        translation_forms = [
            TranslationForm(
                data,
                language=code,
                initial={
                    name: call.safe_translation_getter(name, language_code=code) or ""
                    for name in TRANSLATED_FIELDS
                },
            )
            for code in others
        ]
        add_form = NewTranslationForm(data, taken=[call.source_language, *others])
        return form, translation_forms, add_form

    form, translation_forms, add_form = build(data)
    conflict = []
    status = 200
    if data is not None and all(f.is_valid() for f in (form, add_form, *translation_forms)):
        source = form.cleaned_data["source_language"]
        translations, remove = {}, []
        for tf in translation_forms:
            if tf.cleaned_data.get("remove"):
                remove.append(tf.language)
            else:
                translations[tf.language] = tf.texts()
        if source != call.source_language and source in translations:
            form.add_error(
                "source_language",
                _(
                    "This call already has texts in that language, below. Remove that "
                    "translation first, or choose another language."
                ),
            )
        elif not add_form.is_empty and add_form.cleaned_data["language"] == source:
            add_form.add_error("language", _("This is the language of the texts above."))
        else:
            if not add_form.is_empty:
                translations[add_form.cleaned_data["language"]] = add_form.texts()
            translations[source] = form.texts()
            try:
                call = call_update(
                    actor=request.user,
                    call=call,
                    version=form.cleaned_data.get("version") or 0,
                    values=form.values(),
                    translations=translations,
                    remove_languages=remove,
                    objectives=form.cleaned_data["objectives"],
                    partners=form.cleaned_data["partners"],
                )
            except CallConflict as clash:
                current = clash.current
                call = current
                fresh = data.copy()
                fresh["version"] = str(current.version)
                form, translation_forms, add_form = build(fresh)
                for f in (form, add_form, *translation_forms):
                    f.is_valid()
                saved_texts = {
                    tf.language: {
                        name: current.safe_translation_getter(name, language_code=tf.language) or ""
                        for name in TRANSLATED_FIELDS
                    }
                    for tf in translation_forms
                }
                conflict = _differences(
                    [(form, CallForm.initial_for(current), "")]
                    + [(tf, saved_texts[tf.language], tf.language_name) for tf in translation_forms]
                ) or [(_("Nothing you can see here"), _("only the version number changed"))]
                form.add_error(
                    None,
                    _(
                        "Someone else saved this call while you were editing it, so your "
                        "changes are not saved yet. The form still holds what you typed; "
                        "what they saved is listed below. Check it, then save again to keep "
                        "your version."
                    ),
                )
                status = 409
            except ValidationError as error:
                _apply_errors({None: form}, error)
            else:
                messages.success(request, _("The call is saved."))
                return redirect(call.get_absolute_url())
    return render(
        request,
        "calls/call_form.html",
        {
            "form": form,
            "call": call,
            "translation_forms": translation_forms,
            "add_form": add_form,
            "conflict": conflict,
            "problems": _problems([form, *translation_forms, add_form]),
        },
        status=status,
    )
