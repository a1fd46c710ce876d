from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "gcmhub.experts"
    verbose_name = _("Peer Review Roster")
