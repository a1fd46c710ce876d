"""The catalogue: every public item shares one core (`Item`); each kind adds its own
fields in a child table (multi-table inheritance), so lists and search read one table."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields


class Kind(models.TextChoices):
    PRACTICE = "practice", _("Practice")
    DOCUMENT = "document", _("Document")
    EVENT = "event", _("Event")
    PROJECT = "project", _("Project")
    TRAINING = "training", _("Training and orientation")
    VIDEO = "video", _("Video")


KIND_PLURALS = {
    Kind.PRACTICE: _("Practices"),
    Kind.DOCUMENT: _("Documents"),
    Kind.EVENT: _("Events"),
    Kind.PROJECT: _("Projects"),
    Kind.TRAINING: _("Training and orientation"),
    Kind.VIDEO: _("Videos"),
}

# The public path segment of each kind (DESIGN §6): /practices/<slug>/, /resources/<slug>/ …
KIND_PATHS = {
    Kind.PRACTICE: "practices",
    Kind.DOCUMENT: "resources",
    Kind.EVENT: "events",
    Kind.PROJECT: "projects",
    Kind.TRAINING: "training",
    Kind.VIDEO: "videos",
}


class Scope(models.IntegerChoices):
    """Geographic scope; the numbers give the Hub's default order, global first."""

    GLOBAL = 1, _("Global")
    MULTI_REGIONAL = 2, _("Multi-regional")
    REGIONAL = 3, _("Regional")
    NATIONAL = 4, _("National")
    LOCAL = 5, _("Local")

    @property
    def slug(self) -> str:
        return self.name.lower()

    @classmethod
    def from_slug(cls, slug: str) -> "Scope | None":
        return cls.__members__.get(slug.upper()) if isinstance(slug, str) else None


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DatePrecision(models.TextChoices):
    """How much of an item's dates is known: sources often give only a year."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class TranslationOrigin(models.TextChoices):
    """Who made a language version of an item's text."""

    HUMAN = "human", _("Written by a person")
    MACHINE = "machine", _("Machine translation")


class Organisation(TranslatableModel):
    slug = models.SlugField(_("slug"), unique=True)
    url = models.URLField(_("web site"), blank=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=255),
        acronym=models.CharField(_("acronym"), max_length=40, blank=True),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.slug


class ItemQuerySet(TranslatableQuerySet):
    def public(self):
        return self.filter(status=Status.PUBLISHED)


class Item(TranslatableModel):
    """The core every public item shares, whatever its kind."""

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, editable=False)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    source_language = models.CharField(
        _("source language"), max_length=10, choices=settings.CONTENT_LANGUAGES
    )
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=300),
        summary=models.TextField(_("summary"), blank=True),
        body=models.TextField(_("body"), blank=True),
        # Per language version (ADR 0020). Loaders, imports, publication and the admin
        # write people's text that the Hub already checked, hence the defaults; the
        # translations page sets both.
        origin=models.CharField(
            _("origin"),
            max_length=8,
            choices=TranslationOrigin.choices,
            default=TranslationOrigin.HUMAN,
        ),
        reviewed=models.BooleanField(_("reviewed"), default=True),
    )
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Publication date, or start date for events, projects and practices."),
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How much of the item's dates the source gives: a day, a month or a year."),
    )
    scope = models.PositiveSmallIntegerField(_("geographic scope"), choices=Scope.choices)
    countries = models.ManyToManyField(
        "taxonomy.Country", blank=True, related_name="items", verbose_name=_("countries")
    )
    regions = models.ManyToManyField(
        "taxonomy.Region", blank=True, related_name="items", verbose_name=_("regions")
    )
    objectives = models.ManyToManyField(
        "taxonomy.Objective",
        through="ItemObjective",
        related_name="items",
        verbose_name=_("objectives"),
    )
    principles = models.ManyToManyField(
        "taxonomy.GuidingPrinciple",
        blank=True,
        related_name="items",
        verbose_name=_("guiding principles"),
    )
    sdg_targets = models.ManyToManyField(
        "taxonomy.SDGTarget", blank=True, related_name="items", verbose_name=_("SDG targets")
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="ItemOrganisation",
        related_name="items",
        verbose_name=_("organisations"),
    )
    resource_type = models.ForeignKey(
        "taxonomy.ResourceType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
        verbose_name=_("resource type"),
    )
    citation = models.CharField(_("source citation"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    KIND: Kind | None = None

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["scope", "-date", "id"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        indexes = [
            models.Index(fields=["status", "kind", "scope", "date"]),
        ]

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self) -> str:
        return reverse("catalog:detail", kwargs={"path": KIND_PATHS[self.kind], "slug": self.slug})

    def save(self, *args, **kwargs):
        # Each kind's table names its kind, so a core row always says what it is.
        if self.KIND is not None:
            self.kind = self.KIND
        # Kept with the row rather than in each action, so no path that publishes
        # (admin, loader, review) can leave "latest" and feeds without a date.
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)


class Document(Item):
    KIND = Kind.DOCUMENT
    document_symbol = models.CharField(_("document symbol"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        super().clean()
        if self.resource_type_id is None:
            raise ValidationError({"resource_type": _("A document needs a resource type.")})


class Event(Item):
    KIND = Kind.EVENT
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=255, blank=True)
    online = models.BooleanField(_("online"), null=True, blank=True)
    interpretation_languages = models.JSONField(
        _("interpretation languages"), default=list, blank=True
    )
    registration_url = models.URLField(_("registration"), blank=True)
    recording_url = models.URLField(_("recording"), blank=True)
    summary_report_url = models.URLField(_("summary report"), blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})


class Project(Item):
    KIND = Kind.PROJECT
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency (ISO 4217)"), max_length=3, blank=True)
    period_start = models.DateField(_("start"), null=True, blank=True)
    period_end = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        _check_period(self.period_start, self.period_end)
        if self.budget is not None and not self.currency:
            raise ValidationError({"currency": _("Give the currency of the budget.")})


class Training(Item):
    KIND = Kind.TRAINING
    format = models.CharField(_("format"), max_length=60, blank=True)
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    duration = models.CharField(_("duration"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("training and orientation")
        verbose_name_plural = _("training and orientation")


class Video(Item):
    KIND = Kind.VIDEO
    url = models.URLField(_("address"), blank=True)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), null=True, blank=True)
    transcript = models.TextField(_("transcript"), blank=True)

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")


class PracticeType(models.TextChoices):
    LEGISLATION = "legislation", _("Legislation")
    POLICY = "policy", _("Policy")
    PLAN = "plan", _("Plan or strategy")
    PROGRAMME = "programme", _("Programme")
    PROJECT = "project", _("Project")
    NETWORK = "network", _("Network or partnership")
    OTHER = "other", _("Other")


class Practice(Item):
    KIND = Kind.PRACTICE
    # Never shown on a public page, in the API, a feed or an export.
    PRIVATE_FIELDS = ("focal_point_name", "focal_point_email")
    practice_type = models.CharField(
        _("type of practice"), max_length=20, choices=PracticeType.choices
    )
    period_start = models.DateField(_("start"), null=True, blank=True)
    period_end = models.DateField(_("end"), null=True, blank=True)
    ongoing = models.BooleanField(_("ongoing"), default=False)
    beneficiaries = models.TextField(_("beneficiaries"), blank=True)
    benefit_and_impact = models.TextField(_("benefit and impact"), blank=True)
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    innovation = models.TextField(_("innovation"), blank=True)
    replicability = models.TextField(_("replicability"), blank=True)
    sustainability = models.TextField(_("sustainability"), blank=True)
    focal_point_name = models.CharField(_("focal point"), max_length=200, blank=True)
    focal_point_email = models.EmailField(_("focal point's email"), blank=True)
    call = models.ForeignKey(
        "calls.Call",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
        verbose_name=_("call for practices answered"),
    )

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def clean(self):
        super().clean()
        _check_period(self.period_start, self.period_end)
        if self.ongoing and self.period_end:
            raise ValidationError({"period_end": _("An ongoing practice has no end date.")})


KIND_MODELS: dict[str, type[Item]] = {
    Kind.PRACTICE: Practice,
    Kind.DOCUMENT: Document,
    Kind.EVENT: Event,
    Kind.PROJECT: Project,
    Kind.TRAINING: Training,
    Kind.VIDEO: Video,
}


def _check_period(start, end) -> None:
    if start and end and end < start:
        raise ValidationError({"period_end": _("The end comes before the start.")})


class ItemObjective(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="objective_links")
    objective = models.ForeignKey(
        "taxonomy.Objective", on_delete=models.PROTECT, related_name="item_links"
    )
    is_primary = models.BooleanField(_("primary"), default=True)

    class Meta:
        ordering = ["-is_primary", "objective__number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "objective"], name="unique_item_objective")
        ]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return f"{self.item_id} → objective {self.objective_id}"


class OrganisationRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    PUBLISHER = "publisher", _("Publisher")
    IMPLEMENTER = "implementer", _("Implementer")
    PARTNER = "partner", _("Partner")
    DONOR = "donor", _("Donor")
    ORGANISER = "organiser", _("Organiser")


class ItemOrganisation(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="organisation_links")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=16, choices=OrganisationRole.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "organisation", "role"], name="unique_item_organisation_role"
            )
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.item_id} → {self.organisation_id} ({self.role})"


class ItemLink(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    label = models.CharField(_("label"), max_length=200)

    class Meta:
        ordering = ["id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.label


class ItemVersion(models.Model):
    """Each published version of an item, kept when an update is published. The snapshot
    holds public fields only (a practice's focal point is never in it)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("snapshot"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        ordering = ["item", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="unique_item_version")
        ]
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")

    def __str__(self) -> str:
        return f"{self.item_id} v{self.number}"
