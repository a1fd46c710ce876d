"""Forms of catalogue pages. They check the shape of what is typed; who may write what
lives in the actions."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gcmhub.catalog.models import TranslationOrigin


class TranslationForm(forms.Form):
    """One language version of an item's title and summary."""

    language = forms.ChoiceField(label=_("Language"), choices=settings.CONTENT_LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    origin = forms.ChoiceField(
        label=_("Who made this translation?"),
        choices=TranslationOrigin.choices,
        initial=TranslationOrigin.HUMAN,
        widget=forms.RadioSelect,
        help_text=_("Say so if a translation tool wrote it, even if you corrected it."),
    )
