"""The GCM taxonomy: objectives and their actions, guiding principles, regions,
countries, resource types and SDG targets. Labels are translated (parler)."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


class Objective(TranslatableModel):
    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(23)]
    )
    paragraph = models.PositiveSmallIntegerField(_("GCM paragraph"))
    sdg_targets = models.ManyToManyField(
        "SDGTarget", blank=True, related_name="objectives", verbose_name=_("related SDG targets")
    )
    translations = TranslatedFields(
        short_name=models.CharField(_("short name"), max_length=120),
        title=models.CharField(_("title"), max_length=255),
        commitment=models.TextField(_("commitment (summary)"), blank=True),
        introduction=models.TextField(_("introduction"), blank=True),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return f"{self.number}. {self.safe_translation_getter('short_name', any_language=True)}"

    @property
    def citation(self) -> str:
        return f"GCM para. {self.paragraph}"


class ObjectiveAction(TranslatableModel):
    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="actions", verbose_name=_("objective")
    )
    letter = models.CharField(_("letter"), max_length=1, validators=[RegexValidator(r"^[a-z]$")])
    translations = TranslatedFields(summary=models.TextField(_("summary")))

    class Meta:
        ordering = ["objective__number", "letter"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "letter"], name="unique_action_letter")
        ]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.citation

    @property
    def citation(self) -> str:
        return f"GCM para. {self.objective.paragraph}({self.letter})"


class GuidingPrinciple(TranslatableModel):
    slug = models.SlugField(_("slug"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"))
    paragraph = models.CharField(_("GCM paragraph"), max_length=10)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=120),
        description=models.TextField(_("description"), blank=True),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.slug


class Region(TranslatableModel):
    slug = models.SlugField(_("slug"), unique=True)
    m49 = models.CharField(_("UN M49 code"), max_length=3, unique=True)
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=120))

    class Meta:
        ordering = ["slug"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.slug


class Country(TranslatableModel):
    iso2 = models.CharField(
        _("ISO 3166 alpha-2"), max_length=2, unique=True, validators=[RegexValidator(r"^[A-Z]{2}$")]
    )
    iso3 = models.CharField(
        _("ISO 3166 alpha-3"), max_length=3, unique=True, validators=[RegexValidator(r"^[A-Z]{3}$")]
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="countries", verbose_name=_("region")
    )
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=120))

    class Meta:
        ordering = ["iso3"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.iso3


class ResourceType(TranslatableModel):
    slug = models.SlugField(_("slug"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"))
    translations = TranslatedFields(name=models.CharField(_("name"), max_length=120))

    class Meta:
        ordering = ["position"]
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.slug


class SDGTarget(TranslatableModel):
    code = models.CharField(
        _("code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^\d{1,2}\.[0-9a-z]{1,2}$")],
    )
    goal = models.PositiveSmallIntegerField(
        _("goal"), validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    position = models.PositiveIntegerField(_("position"), editable=False, default=0)
    translations = TranslatedFields(
        goal_name=models.CharField(_("goal name"), max_length=120),
        label=models.CharField(_("label"), max_length=255),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return f"SDG {self.code}"

    def save(self, *args, **kwargs):
        # "16.10" must sort after "16.4": order by goal, then target number.
        target = self.code.split(".", 1)[1]
        self.position = self.goal * 1000 + (int(target) if target.isdigit() else 900)
        super().save(*args, **kwargs)
