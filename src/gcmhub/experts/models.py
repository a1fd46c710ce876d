"""The Peer Review Roster: one expert profile per person who applied, its expertise and
where the application stands. Nothing here is public (see ADR 0015)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Reviewers a review round needs: at least one from the UN system, two from outside it.
ROUND_NEEDS_UN = 1
ROUND_NEEDS_EXTERNAL = 2


class RosterStatus(models.TextChoices):
    APPLIED = "applied", _("Awaiting a decision")
    APPROVED = "approved", _("On the roster")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def roster_language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class ExpertProfile(models.Model):
    """An application to the roster and, once approved, a reviewer's expertise. The
    workflow (apply, approve, decline, withdraw) lives in `experts.actions`."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="expert_profile",
        verbose_name=_("person"),
    )
    objectives = models.ManyToManyField(
        "taxonomy.Objective",
        related_name="expert_profiles",
        verbose_name=_("objectives of expertise"),
    )
    themes = models.ManyToManyField(
        "taxonomy.GuidingPrinciple",
        blank=True,
        related_name="expert_profiles",
        verbose_name=_("cross-cutting themes"),
    )
    other_themes = models.CharField(_("other themes"), max_length=300, blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    other_languages = models.CharField(_("other languages"), max_length=200, blank=True)
    regions = models.ManyToManyField(
        "taxonomy.Region",
        blank=True,
        related_name="expert_profiles",
        verbose_name=_("regions of experience"),
    )
    years_of_experience = models.PositiveSmallIntegerField(
        _("years of experience"), validators=[MaxValueValidator(70)]
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    is_un = models.BooleanField(
        _("works for the UN system"),
        default=False,
        help_text=_("A UN entity, fund, programme or specialised agency, or IOM."),
    )
    publications = models.TextField(_("publications"), max_length=5000, blank=True)
    motivation = models.TextField(_("motivation"), max_length=3000)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RosterStatus.choices,
        default=RosterStatus.APPLIED,
        db_index=True,
    )
    curator_note = models.TextField(_("curator's note"), max_length=3000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    applied_at = models.DateTimeField(_("applied"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-applied_at", "-id"]
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} ({self.get_status_display()})"

    def clean(self):
        codes = roster_language_codes()
        if not isinstance(self.languages, list) or any(
            code not in codes for code in self.languages
        ):
            raise ValidationError({"languages": _("Choose among the six UN languages.")})
        if len(set(self.languages)) != len(self.languages):
            raise ValidationError({"languages": _("Each language once, please.")})
        if not self.languages and not self.other_languages.strip():
            raise ValidationError({"languages": _("Name at least one language you can review in.")})

    @property
    def language_names(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names[code]) for code in self.languages if code in names]
