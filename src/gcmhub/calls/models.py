"""Calls for practices: themed, time-bound campaigns inviting submissions (seed 001)."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


class CallState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


def _valid_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


class Call(TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    source_language = models.CharField(
        _("source language"), max_length=10, choices=settings.CONTENT_LANGUAGES
    )
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=300),
        theme=models.CharField(_("theme"), max_length=300, blank=True),
        context=models.TextField(_("context"), blank=True),
        who_may_submit=models.TextField(_("who may submit"), blank=True),
        criteria=models.TextField(_("criteria"), blank=True),
    )
    objectives = models.ManyToManyField(
        "taxonomy.Objective", related_name="calls", verbose_name=_("objectives")
    )
    partners = models.ManyToManyField(
        "catalog.Organisation", blank=True, related_name="calls", verbose_name=_("partners")
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"))
    timezone = models.CharField(
        _("time zone of the deadline"), max_length=64, default="UTC", validators=[_valid_timezone]
    )
    world_day = models.DateField(_("related international day"), null=True, blank=True)
    contact_url = models.URLField(_("contact"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Optimistic locking: every saved edit adds one; an edit based on an older version is
    # refused rather than silently overwriting someone else's change (ADR 0016).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("call for practices")
        verbose_name_plural = _("calls for practices")

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("calls:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            raise ValidationError({"deadline": _("The deadline must come after the opening.")})

    def state(self, now=None) -> CallState:
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return CallState.UPCOMING
        if now <= self.deadline:
            return CallState.OPEN
        return CallState.CLOSED

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_deadline(self):
        return self.deadline.astimezone(self.zone)

    @property
    def local_opens_at(self):
        return self.opens_at.astimezone(self.zone) if self.opens_at else None
