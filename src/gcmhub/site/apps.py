from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site shell: home page, error pages, and first-run set-up across contexts."""

    name = "gcmhub.site"
    label = "hubsite"
    verbose_name = _("Site")
