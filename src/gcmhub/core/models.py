from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicContentVersion(models.Model):
    """One row whose number goes up whenever something an anonymous visitor can see
    changes; pages kept for visitors (core/pagecache.py) are filed under it."""

    number = models.PositiveBigIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("public content version")
        verbose_name_plural = _("public content versions")

    def __str__(self) -> str:
        return str(self.number)
