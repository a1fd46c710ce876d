"""Forms of the account pages. They validate and keep what was typed; the views hand
the cleaned values to actions, which write. Django renders every error in a list tied
to its field (`aria-describedby`, `aria-invalid`); passwords are never sent back."""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import MaxLengthValidator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from gcmhub.accounts.selectors import email_is_taken, is_unconfirmed, profile_of, user_by_email
from gcmhub.core.languages import LANGUAGE_AUTONYMS

logger = logging.getLogger(__name__)

EMAIL_HELP = _("You sign in with it. It is never shown to other people.")
UNCONFIRMED = _(
    "Your email address is not confirmed yet. Open the link in the email we sent you when "
    "you registered, or ask for a new link below."
)


def language_choices() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_AUTONYMS.get(code, name)) for code, name in settings.LANGUAGES]


class ProfileFields(forms.Form):
    """What a person tells about themselves, at registration and on their account page."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=150,
        help_text=_("How the Hub addresses you, for example in emails."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Optional. Never shown to other people."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=language_choices,
        help_text=_("The language of the interface after you sign in and of our emails."),
    )


class RegistrationForm(ProfileFields):
    field_order = ["email", "display_name", "organisation", "language", "password1", "password2"]

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=EMAIL_HELP,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password, to be sure of it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = translation.get_language()

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email_is_taken(email):
            raise ValidationError(
                _("An account already uses this email address. Sign in, or reset your password."),
                code="taken",
            )
        return email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            email = cleaned.get("email", "")
            candidate = get_user_model()(
                username=email, email=email, first_name=cleaned.get("display_name", "")
            )
            try:
                password_validation.validate_password(password1, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(auth_forms.AuthenticationForm):
    """Sign in with the email address. An account that has not confirmed its address
    hears so (only once the right password is given, so no address is revealed)."""

    username = auth_forms.UsernameField(
        label=_("Email address"),
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "inputmode": "email", "spellcheck": "false"}
        ),
    )
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "This email address and password do not match an account. Check both and try again."
        ),
        "unconfirmed": UNCONFIRMED,
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # Django sets max_length after the field is built, so no validator checks it.
        self.fields["username"].max_length = 254
        self.fields["username"].validators.append(MaxLengthValidator(254))
        self.fields["username"].widget.attrs["maxlength"] = "254"
        self.unconfirmed = False

    def get_invalid_login_error(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        user = user_by_email(username) if username and "@" in username else None
        if user is not None and is_unconfirmed(user) and user.check_password(password):
            self.unconfirmed = True
            return ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")
        return super().get_invalid_login_error()


class ResendForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ProfileForm(ProfileFields):
    """Edits a copy of the profile's values; `profile_update` writes them."""


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Sends the reset link in the person's own language. The link is a secret, so it is
    sent straight away rather than stored as a notification."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs
    ):
        user = context["user"]
        profile = profile_of(user)
        language = getattr(profile, "language", "") or settings.LANGUAGE_CODE
        with translation.override(language):
            path = reverse(
                "accounts:password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
            text = render_to_string(
                "accounts/email/password_reset.txt",
                {
                    "display_name": getattr(profile, "display_name", "") or user.get_username(),
                    "url": f"{settings.GCMHUB_BASE_URL}{path}",
                    "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
                },
            ).strip()
        subject, _newline, body = text.partition("\n")
        try:
            EmailMessage(subject.strip(), body.strip() + "\n", None, [to_email]).send()
        except Exception:
            logger.exception("Failed to send the password reset email to user %s", user.pk)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the system that will use it"),
        max_length=100,
        help_text=_("For example: “National referral database”."),
    )
