"""Models of the app; see its actions and selectors for the workflow."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    """What a person tells the Hub about themselves, beside Django's user row. The email
    address (also the sign-in name) lives on the user; `language` is the interface
    language after sign-in and the language of every email the Hub sends them.

    `confirmed_at` is set once the email address is confirmed: an inactive user without
    it has not confirmed yet; an inactive user with it was deactivated by an administrator.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("display name"),
        max_length=150,
        help_text=_("How the Hub addresses you, for example in emails."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the interface after you sign in and of our emails."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("email address confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return self.display_name
