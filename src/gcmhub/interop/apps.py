from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    """Everything other systems read: the JSON API (later OAI-PMH, feeds, exports)."""

    name = "gcmhub.interop"
    verbose_name = _("Open data")
