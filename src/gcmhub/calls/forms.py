"""The curators' form for a call: texts in a source language (and, when editing, in other
languages), fields the call has once, and local wall-clock times in a chosen time zone."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gcmhub.calls.actions import TRANSLATED_FIELDS
from gcmhub.calls.models import Call
from gcmhub.calls.selectors import organisation_choices, timezone_is_known, timezone_names
from gcmhub.catalog.models import Organisation
from gcmhub.core.forms import KeyedMultipleChoiceField
from gcmhub.taxonomy.models import Objective

# Years a call's dates may fall in: wide enough for archives, narrow enough that every
# conversion between time zones stays inside what Python's datetime can hold.
FIRST_YEAR, LAST_YEAR = 1990, 2200


def timezone_choices(extra: str = "") -> list:
    """UTC, then the IANA zones grouped by area (Africa, America…) for an <optgroup> each."""
    groups: dict[str, list[tuple[str, str]]] = {}
    names = list(timezone_names())
    if extra and extra not in names and timezone_is_known(extra):
        names.append(extra)
    choices: list = []
    for name in names:
        if "/" not in name:
            choices.append((name, name))
            continue
        area, place = name.split("/", 1)
        groups.setdefault(area, []).append((name, place.replace("_", " ")))
    return choices + sorted(groups.items())


class WallClockField(forms.DateTimeField):
    """A date and time as typed, without a time zone (the form's time zone field gives
    it one). Django would otherwise read it in the server's zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        with timezone.override(datetime.UTC):
            result = super().to_python(value)
        if result is None:
            return None
        result = result.replace(tzinfo=None)
        if not FIRST_YEAR <= result.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Give a year between %(first)s and %(last)s."),
                code="year",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return result


def localise(naive: datetime.datetime, zone: zoneinfo.ZoneInfo, *, later: bool):
    """The instant a wall-clock time names in `zone`, or None when the clocks skip it.
    When it happens twice (clocks turned back), `later` picks the second occurrence."""
    instant = naive.replace(tzinfo=zone, fold=1 if later else 0).astimezone(datetime.UTC)
    if instant.astimezone(zone).replace(tzinfo=None) != naive:
        return None
    # In UTC: Python compares two times of one zone by their wall clocks, ignoring `fold`.
    return instant


class _Texts(forms.Form):
    """The translated texts of a call, in one language."""

    title = forms.CharField(label=_("Title"), max_length=300)
    theme = forms.CharField(label=_("Theme"), max_length=300, required=False)
    context = forms.CharField(label=_("Context"), widget=forms.Textarea, required=False)
    who_may_submit = forms.CharField(
        label=_("Who may submit"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    criteria = forms.CharField(label=_("Criteria"), widget=forms.Textarea, required=False)

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in TRANSLATED_FIELDS}


class CallForm(_Texts):
    """The call itself, with its texts in the source language."""

    source_language = forms.ChoiceField(
        label=_("Language of the texts"),
        choices=settings.CONTENT_LANGUAGES,
        help_text=_("The language the title, theme, context and criteria are written in."),
    )
    objectives = KeyedMultipleChoiceField(
        label=_("GCM objectives"),
        queryset=Objective.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one GCM objective.")},
    )
    partners = KeyedMultipleChoiceField(
        label=_("Partners"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("The opening and the deadline are times on the clocks of this zone."),
        error_messages={"invalid_choice": _("%(value)s is not a known time zone.")},
    )
    opens_at = WallClockField(label=_("Opens"), required=False)
    deadline = WallClockField(label=_("Deadline"))
    world_day = forms.DateField(
        label=_("Related international day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    contact_url = forms.URLField(
        label=_("Contact web address"), required=False, assume_scheme="https", max_length=200
    )
    contact_email = forms.EmailField(label=_("Contact email address"), required=False)
    is_published = forms.BooleanField(
        label=_("Published"),
        required=False,
        help_text=_("Unpublished calls are seen by curators only."),
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31 - 1
    )

    def __init__(self, *args, call: Call | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["objectives"].queryset = Objective.objects.prefetch_related(
            "translations"
        ).order_by("number")
        self.fields["objectives"].label_from_instance = lambda o: (
            f"{o.number}. {o.safe_translation_getter('short_name', any_language=True)}"
        )
        self.fields["partners"].queryset = organisation_choices()
        self.fields["timezone"].choices = timezone_choices(call.timezone if call else "")
        if call is None:
            self.fields["slug"] = forms.SlugField(
                label=_("Address"),
                required=False,
                max_length=120,
                help_text=_("Letters, digits and hyphens; made from the title when left empty."),
            )
            del self.fields["version"]
            self.order_fields(["source_language", "slug"])

    @classmethod
    def initial_for(cls, call: Call) -> dict:
        source = call.source_language
        initial = {
            name: call.safe_translation_getter(name, language_code=source) or ""
            for name in TRANSLATED_FIELDS
        }
        initial.update(
            source_language=source,
            objectives=list(call.objectives.values_list("pk", flat=True)),
            partners=list(call.partners.values_list("pk", flat=True)),
            timezone=call.timezone,
            opens_at=call.local_opens_at.replace(tzinfo=None) if call.opens_at else None,
            deadline=call.local_deadline.replace(tzinfo=None),
            world_day=call.world_day,
            contact_url=call.contact_url,
            contact_email=call.contact_email,
            is_published=call.is_published,
            version=call.version,
        )
        return initial

    def clean(self):
        data = super().clean()
        zone_name = data.get("timezone")
        zone = zoneinfo.ZoneInfo(zone_name) if zone_name else None
        for name, later in (("opens_at", False), ("deadline", True)):
            naive = data.get(name)
            if naive is None or zone is None:
                continue
            aware = localise(naive, zone, later=later)
            if aware is None:
                self.add_error(
                    name,
                    forms.ValidationError(
                        _("This time does not exist in %(zone)s: the clocks skip it that day."),
                        code="skipped",
                        params={"zone": zone_name},
                    ),
                )
            data[name] = aware
        opens, deadline = data.get("opens_at"), data.get("deadline")
        if opens and deadline and deadline <= opens:
            self.add_error(
                "deadline",
                forms.ValidationError(_("The deadline must come after the opening."), code="order"),
            )
        if (
            "contact_url" in data
            and "contact_email" in data
            and not data["contact_url"]
            and not data["contact_email"]
        ):
            self.add_error(
                "contact_url",
                forms.ValidationError(
                    _("Give a contact web address, an email address, or both."), code="contact"
                ),
            )
        return data

    def values(self) -> dict:
        """The call's plain fields, as the actions take them."""
        return {
            name: self.cleaned_data.get(name)
            for name in (
                "source_language",
                "opens_at",
                "deadline",
                "timezone",
                "world_day",
                "contact_url",
                "contact_email",
                "is_published",
            )
        }


class TranslationForm(_Texts):
    """The texts of an existing translation (not the source language), or its removal."""

    remove = forms.BooleanField(label=_("Remove this translation"), required=False)

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, prefix=f"tr-{language}", **kwargs)
        self.language = language
        self.language_name = dict(settings.CONTENT_LANGUAGES)[language]
        for name in TRANSLATED_FIELDS:
            self.fields[name].widget.attrs["lang"] = language

    def clean(self):
        data = super().clean()
        if data.get("remove"):
            # A translation being removed needs no title: drop the complaint.
            self.errors.pop("title", None)
        return data


class NewTranslationForm(_Texts):
    """Texts in one more language, all optional until something is typed."""

    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, taken=(), **kwargs):
        super().__init__(*args, prefix="add", **kwargs)
        self.fields["title"].required = False
        self.fields["language"].choices = [("", "—")] + [
            (code, name) for code, name in settings.CONTENT_LANGUAGES if code not in taken
        ]
        self.order_fields(["language"])
        self.language_name = _("new translation")

    def clean(self):
        data = super().clean()
        typed = any(data.get(name) for name in TRANSLATED_FIELDS)
        if typed and not data.get("language"):
            self.add_error("language", _("Choose the language of these texts."))
        if typed and not data.get("title"):
            self.add_error("title", _("A translation needs a title."))
        return data

    @property
    def is_empty(self) -> bool:
        return not any(self.cleaned_data.get(name) for name in TRANSLATED_FIELDS)
