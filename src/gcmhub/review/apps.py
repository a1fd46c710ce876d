from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "gcmhub.review"
    verbose_name = _("Peer review")
