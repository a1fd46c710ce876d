"""Forms of the review workflow. They check the shape of what is typed; the rules of
the workflow (completeness on submit, deadlines, who may act) live in the actions."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from gcmhub.catalog.models import PracticeType, Scope
from gcmhub.core.forms import KeyedChoiceField
from gcmhub.review.content import CRITERIA
from gcmhub.review.models import (
    ConflictStatus,
    DecisionOutcome,
    Recommendation,
)
from gcmhub.taxonomy.selectors import taxonomy_index


def _date_input():
    # A date input reads and writes ISO dates whatever the reader's language.
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class PracticeForm(forms.Form):
    """Every field of a practice, in sections; nothing is required to save a draft."""

    SECTIONS = [
        (_("The practice"), ["title", "summary", "body", "source_language", "practice_type"]),
        (
            _("Where and when"),
            ["scope", "regions", "countries", "period_start", "period_end", "ongoing"],
        ),
        (
            _("The Global Compact"),
            ["objectives_primary", "objectives_secondary", "principles", "sdg_targets"],
        ),
        (_("Who"), ["implementer", "partners", "beneficiaries"]),
        (
            _("Results"),
            [
                "benefit_and_impact",
                "lessons_learned",
                "innovation",
                "replicability",
                "sustainability",
            ],
        ),
        (_("Links"), ["links"]),
        (_("Focal point (never published)"), ["focal_point_name", "focal_point_email"]),
    ]

    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences shown in lists and search results."),
    )
    body = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Plain text; blank lines separate paragraphs. Simple HTML (paragraphs, lists, "
            "emphasis, links) is kept; anything else is removed."
        ),
    )
    source_language = forms.ChoiceField(
        label=_("Language you write in"), required=False, choices=settings.CONTENT_LANGUAGES
    )
    practice_type = forms.ChoiceField(
        label=_("Type of practice"),
        required=False,
        choices=[("", "—"), *PracticeType.choices],
    )
    scope = forms.ChoiceField(label=_("Geographic scope"), required=False)
    regions = forms.MultipleChoiceField(
        label=_("Regions"), required=False, widget=forms.CheckboxSelectMultiple
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    period_start = forms.DateField(label=_("Start date"), required=False, widget=_date_input())
    period_end = forms.DateField(label=_("End date"), required=False, widget=_date_input())
    ongoing = forms.BooleanField(label=_("Still ongoing"), required=False)
    objectives_primary = forms.MultipleChoiceField(
        label=_("Objectives the practice mainly serves"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    objectives_secondary = forms.MultipleChoiceField(
        label=_("Other objectives it serves"), required=False, widget=forms.CheckboxSelectMultiple
    )
    principles = forms.MultipleChoiceField(
        label=_("Guiding principles it upholds"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdg_targets = forms.MultipleChoiceField(
        label=_("SDG targets"), required=False, widget=forms.CheckboxSelectMultiple
    )
    implementer = forms.CharField(label=_("Main implementer"), max_length=255, required=False)
    partners = forms.CharField(
        label=_("Partners"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One organisation per line."),
    )
    beneficiaries = forms.CharField(
        label=_("Beneficiaries"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    benefit_and_impact = forms.CharField(
        label=_("Benefit and impact"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lessons_learned = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    innovation = forms.CharField(
        label=_("What is innovative"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    replicability = forms.CharField(
        label=_("How it could be replicated"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    sustainability = forms.CharField(
        label=_("Sustainability"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: the address, a space, then a label."),
    )
    focal_point_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    focal_point_email = forms.EmailField(label=_("Email"), required=False)
    response_to_reviewers = forms.CharField(
        label=_("Your answer to the reviewers"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    # Bounded like the column, so a forged value is a form error, not a database one.
    lock_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31 - 1
    )

    def __init__(self, *args, criteria_section: bool = True, answering: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language()
        self.fields["source_language"].initial = language
        self.fields["scope"].choices = [("", "—")] + [(s.slug, s.label) for s in Scope]
        # The kept index: the form is built on every view and save of a submission.
        index = taxonomy_index()
        self.fields["regions"].choices = [(slug, str(r)) for slug, r in index.regions.items()]
        self.fields["countries"].choices = sorted(
            ((iso3, str(c)) for iso3, c in index.countries.items()), key=lambda pair: pair[1]
        )
        objectives = [(str(number), str(o)) for number, o in index.objectives.items()]
        self.fields["objectives_primary"].choices = objectives
        self.fields["objectives_secondary"].choices = objectives
        self.fields["principles"].choices = [(s, str(p)) for s, p in index.principles.items()]
        self.fields["sdg_targets"].choices = [(c, str(t)) for c, t in index.sdg_targets.items()]
        if not answering:
            del self.fields["response_to_reviewers"]
        self.criteria_codes = list(CRITERIA) if criteria_section else []
        for code in self.criteria_codes:
            self.fields[f"criterion_{code}"] = forms.BooleanField(
                label=CRITERIA[code], required=False
            )
            self.fields[f"criterion_{code}_explanation"] = forms.CharField(
                label=_("Explanation"),
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def sections(self):
        for title, names in self.SECTIONS:
            yield title, [self[name] for name in names]

    def criteria_rows(self):
        for code in self.criteria_codes:
            yield self[f"criterion_{code}"], self[f"criterion_{code}_explanation"]

    def content(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("criterion_")}

    def criteria(self) -> dict:
        return {
            code: {
                "confirmed": self.cleaned_data.get(f"criterion_{code}", False),
                "explanation": self.cleaned_data.get(f"criterion_{code}_explanation", ""),
            }
            for code in self.criteria_codes
        }

    def add_problems(self, problems: dict[str, list[str]]) -> None:
        """Show the workflow's reasons beside the fields they concern."""
        for field, messages in problems.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)

    @staticmethod
    def initial_from(content: dict, criteria: dict, lock_version: int) -> dict:
        initial = dict(content)
        for code, answer in criteria.items():
            initial[f"criterion_{code}"] = answer.get("confirmed", False)
            initial[f"criterion_{code}_explanation"] = answer.get("explanation", "")
        initial["lock_version"] = lock_version
        return initial


class MessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the submitter"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you withdrawing it? (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssignForm(forms.Form):
    reviewer = forms.ChoiceField(label=_("Reviewer"))
    due_on = forms.DateField(label=_("Review due"), widget=_date_input())

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].choices = [("", "—"), *candidates]
        self.fields["due_on"].initial = timezone.localdate() + timezone.timedelta(days=21)

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError(_("The due date cannot be in the past."))
        return due_on


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=DecisionOutcome.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Message to the submitter"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ConflictForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Do you have a conflict of interest with this practice or its authors?"),
        choices=[
            (ConflictStatus.NONE, _("No, I have no conflict of interest")),
            (ConflictStatus.DECLARED, _("Yes, I declare a conflict of interest")),
        ],
        widget=forms.RadioSelect,
    )
    statement = forms.CharField(
        label=_("Describe the conflict"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == ConflictStatus.DECLARED and not data.get("statement", "").strip():
            self.add_error("statement", _("Describe the conflict you declare."))
        return data


class ReviewForm(forms.Form):
    recommendation = KeyedChoiceField(
        label=_("Your recommendation"),
        queryset=Recommendation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    comments_for_submitter = forms.CharField(
        label=_("Comments for the submitter"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The submitter reads these without your name."),
    )
    confidential_comments = forms.CharField(
        label=_("Confidential comments for the curators"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    ANSWERS = [("yes", _("Yes")), ("partly", _("Partly")), ("no", _("No"))]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = Recommendation.objects.filter(
            is_active=True
        ).prefetch_related("translations")
        for code, statement in CRITERIA.items():
            self.fields[f"criterion_{code}"] = forms.ChoiceField(
                label=statement, choices=self.ANSWERS, widget=forms.RadioSelect
            )

    def criteria_fields(self):
        return [self[f"criterion_{code}"] for code in CRITERIA]

    def criteria(self) -> dict:
        return {code: self.cleaned_data[f"criterion_{code}"] for code in CRITERIA}
