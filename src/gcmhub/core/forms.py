"""Form fields shared by the apps' forms."""

from django import forms
from django.core.exceptions import ValidationError

# The largest key either database stores (a signed 64-bit integer).
MAX_KEY = 2**63 - 1


class KeyedMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A model multiple choice whose values must be keys the database can hold: Django
    passes any integer to the query, and SQLite then fails on one too large."""

    def _check_values(self, value):
        for key in value:
            _check_key(self, key)
        return super()._check_values(value)


def _check_key(field, value) -> None:
    try:
        number = int(str(value))
    except ValueError:
        return  # Django reports it as an invalid choice
    if not 0 < number <= MAX_KEY:
        raise ValidationError(
            field.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": value},
        )


class KeyedChoiceField(forms.ModelChoiceField):
    """A model choice whose value must be a key the database can hold (see above)."""

    def to_python(self, value):
        if value not in self.empty_values:
            _check_key(self, value)
        return super().to_python(value)
