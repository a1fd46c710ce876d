"""Forms of the roster pages. They only read and check input; writes go through actions."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gcmhub.core.forms import KeyedMultipleChoiceField
from gcmhub.experts.models import RosterStatus
from gcmhub.taxonomy.models import GuidingPrinciple, Objective, Region


class DescribedErrorsMixin:
    """Ties each field to its help text and its errors with aria-describedby, using the
    ids the `experts/_field.html` template gives them."""

    def full_clean(self):
        super().full_clean()
        self._describe()

    def add_error(self, field, error):
        super().add_error(field, error)
        self._describe()

    def _describe(self):
        errors = self._errors or {}
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = []
            if field.help_text:
                ids.append(f"{auto_id}_helptext")
            if name in errors:
                ids.append(f"{auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class TranslatedChoiceField(KeyedMultipleChoiceField):
    """Taxonomy terms labelled in the interface language."""

    def label_from_instance(self, obj):
        return str(obj)


class ApplicationForm(DescribedErrorsMixin, forms.Form):
    objectives = TranslatedChoiceField(
        label=_("GCM objectives you know well"),
        help_text=_("Choose at least one. You will be asked to review practices under them."),
        queryset=Objective.objects.prefetch_related("translations").order_by("number"),
        to_field_name="number",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one objective."),
            "invalid_choice": _("Choose objectives from the list."),
            "invalid_pk_value": _("Choose objectives from the list."),
        },
    )
    themes = TranslatedChoiceField(
        label=_("Cross-cutting themes (guiding principles)"),
        queryset=GuidingPrinciple.objects.prefetch_related("translations").order_by("position"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose themes from the list."),
            "invalid_pk_value": _("Choose themes from the list."),
        },
    )
    other_themes = forms.CharField(label=_("Other themes"), max_length=300, required=False)
    languages = forms.MultipleChoiceField(
        label=_("UN languages you can review in"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose languages from the list.")},
    )
    other_languages = forms.CharField(
        label=_("Other languages"),
        help_text=_("Separated by commas, e.g. Portuguese, Swahili."),
        max_length=200,
        required=False,
    )
    regions = TranslatedChoiceField(
        label=_("Regions you have worked in"),
        queryset=Region.objects.prefetch_related("translations").order_by("slug"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose regions from the list."),
            "invalid_pk_value": _("Choose regions from the list."),
        },
    )
    years_of_experience = forms.IntegerField(
        label=_("Years of experience in migration"),
        min_value=0,
        max_value=70,
        error_messages={
            "required": _("Say how many years, as a whole number."),
            "invalid": _("Enter a whole number of years, e.g. 8."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        help_text=_("Where you work now, or “independent”."),
        max_length=200,
        error_messages={"required": _("Name your organisation, or write “independent”.")},
    )
    is_un = forms.TypedChoiceField(
        label=_("Do you work for the UN system?"),
        help_text=_(
            "A UN entity, fund, programme or specialised agency, or IOM. Each review "
            "round has at least one reviewer from the UN system and two from outside it."
        ),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether you work for the UN system."),
            "invalid_choice": _("Answer yes or no."),
        },
    )
    publications = forms.CharField(
        label=_("Publications"),
        help_text=_("Optional: a few publications or links, one a line."),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    motivation = forms.CharField(
        label=_("Why would you like to join the roster?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Tell the curators in a few sentences.")},
    )

    def __init__(self, *args, un_locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if un_locked:
            self.fields["is_un"].disabled = True
            self.fields["is_un"].help_text = _(
                "Only a curator changes this once you are on the roster: write to the Hub "
                "team if it has changed."
            )

    def clean(self):
        data = super().clean()
        if not data.get("languages") and not (data.get("other_languages") or "").strip():
            self.add_error("languages", _("Name at least one language you can review in."))
        return data

    def action_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["objectives"] = list(data["objectives"])
        data["themes"] = list(data["themes"])
        data["regions"] = list(data["regions"])
        data["other_themes"] = data["other_themes"].strip()
        data["other_languages"] = data["other_languages"].strip()
        return data


def application_initial(profile) -> dict:
    if profile is None:
        return {}
    return {
        "objectives": [o.number for o in profile.objectives.all()],
        "themes": [t.slug for t in profile.themes.all()],
        "other_themes": profile.other_themes,
        "languages": profile.languages,
        "other_languages": profile.other_languages,
        "regions": [r.slug for r in profile.regions.all()],
        "years_of_experience": profile.years_of_experience,
        "organisation": profile.organisation,
        "is_un": "yes" if profile.is_un else "no",
        "publications": profile.publications,
        "motivation": profile.motivation,
    }


class DecisionForm(DescribedErrorsMixin, forms.Form):
    note = forms.CharField(
        label=_("Note to the applicant"),
        help_text=_("Sent to them with the decision. Required to decline."),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.HiddenInput,
    )


class ApplicationFilterForm(forms.Form):
    """The curators' filters; a bad value is dropped, never an error page."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any")), *list(RosterStatus.choices)],
        required=False,
    )
    objective = forms.TypedChoiceField(
        label=_("Objective"), coerce=int, empty_value=None, required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any")), *list(settings.LANGUAGES)], required=False
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    un = forms.ChoiceField(
        label=_("UN system"),
        choices=[("", _("Any")), ("yes", _("UN system")), ("no", _("Outside the UN"))],
        required=False,
    )
    q = forms.CharField(label=_("Name, email or organisation"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].choices = [("", _("Any"))] + [
            (o.number, str(o)) for o in Objective.objects.prefetch_related("translations")
        ]
        self.fields["region"].choices = [("", _("Any"))] + [
            (r.slug, str(r)) for r in Region.objects.prefetch_related("translations")
        ]

    def filters(self) -> dict:
        """The valid filters; invalid ones are left out."""
        self.is_valid()
        data = {
            name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors
        }
        un = data.pop("un", "")
        return {
            "status": data.get("status") or "",
            "objective": data.get("objective"),
            "language": data.get("language") or "",
            "region": data.get("region") or "",
            "is_un": {"yes": True, "no": False}.get(un or ""),
            "q": (data.get("q") or "").strip(),
        }
