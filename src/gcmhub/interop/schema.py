"""The fields of exports and imports, defined once.

The exporter writes these fields, the importer reads them back, and the data
dictionary page describes them: all three read `FIELDS`, so they cannot drift apart.

A record is first a JSON object (the JSON and NDJSON exports write it as is); a CSV row
is the same record with each value turned into text as its type says (`TYPES`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gcmhub.catalog.models import Kind

ALL_KINDS = tuple(Kind.values)
LANGUAGES = tuple(code for code, _name in settings.CONTENT_LANGUAGES)

# Multi-valued CSV cells: values joined by "|"; a "|" or "\" inside a value is
# written "\|" or "\\".
LIST_SEPARATOR = "|"
# A CSV cell starting with one of these would run as a formula in a spreadsheet: the
# export writes an apostrophe before it (and before a leading apostrophe, so the
# importer can always remove exactly one), the importer refuses such cells unescaped.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"

# Imports larger than this are refused before anything is read.
MAX_IMPORT_BYTES = 20 * 2**20

# Field types: (label, how a JSON record writes it, how a CSV cell writes it).
TYPES = {
    "code": (
        _("code"),
        _("a string from a fixed list"),
        _("the code as is"),
    ),
    "slug": (
        _("slug"),
        _("a string of lower-case letters, digits and hyphens"),
        _("the slug as is"),
    ),
    "text": (_("text"), _("a string, empty when unknown"), _("the text as is")),
    "url": (_("web address"), _("a string, empty when unknown"), _("the address as is")),
    "date": (
        _("date"),
        _("a string YYYY-MM-DD, or null"),
        _("YYYY-MM-DD, empty when unknown"),
    ),
    "datetime": (
        _("date and time"),
        _("an ISO 8601 string in UTC, e.g. 2024-07-30T09:00:00+00:00, or null"),
        _("ISO 8601 in UTC, empty when unknown"),
    ),
    "integer": (_("whole number"), _("a number, or null"), _("digits, empty when unknown")),
    "decimal": (
        _("decimal number"),
        _("a string such as 12000000.00 (exact), or null"),
        _("a number with a dot, empty when unknown"),
    ),
    "boolean": (
        _("yes or no"),
        _("true, false, or null when unknown"),
        _("true, false, or empty when unknown"),
    ),
    "translated": (
        _("text in each language"),
        _("an object from language code to text, only the languages the item has"),
        _("one column per language: NAME_fr, NAME_en, NAME_es, NAME_ar, NAME_zh-hans, NAME_ru"),
    ),
    "codes": (
        _("list of codes"),
        _("an array"),
        _("values joined by |"),
    ),
    "organisations": (
        _("organisations"),
        _(
            'an array of objects {"role", "slug", "name", "acronym", "url"}; name and acronym '
            "map a language code to text"
        ),
        _("role:slug entries joined by | (names travel in JSON only)"),
    ),
    "links": (
        _("links"),
        _('an array of objects {"url", "label"}'),
        _("entries “address label” (the address, a space, the label) joined by |"),
    ),
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    example: str
    kinds: tuple[str, ...] = ALL_KINDS
    required: bool = False
    vocabulary: str = ""  # for codes: which list the values come from (see imports)
    max_length: int | None = None
    nullable: bool = False  # JSON null rather than "" / false when unknown

    def columns(self) -> list[str]:
        if self.type == "translated":
            return [f"{self.name}_{language}" for language in LANGUAGES]
        return [self.name]

    def applies_to(self, kind: str) -> bool:
        return kind in self.kinds


_DOC, _EVENT, _PROJECT = (Kind.DOCUMENT,), (Kind.EVENT,), (Kind.PROJECT,)
_TRAINING, _VIDEO, _PRACTICE = (Kind.TRAINING,), (Kind.VIDEO,), (Kind.PRACTICE,)

FIELDS: tuple[Field, ...] = (
    # The core every item has.
    Field(
        "kind",
        "code",
        _("What the item is: practice, document, event, project, training or video."),
        "practice",
        required=True,
        vocabulary="kind",
    ),
    Field(
        "slug",
        "slug",
        _(
            "The item's stable identifier, unique in the Hub and part of its address; "
            "an import updates the item with this slug, or creates it."
        ),
        "california-ab-629",
        required=True,
        max_length=120,
    ),
    Field(
        "status",
        "code",
        _(
            "Publication status: draft, published or withdrawn. Exports contain published "
            "items only; an import without this field creates drafts."
        ),
        "published",
        vocabulary="status",
    ),
    Field(
        "source_language",
        "code",
        _("The language the item was written in: fr, en, es, ar, zh-hans or ru."),
        "fr",
        required=True,
        vocabulary="language",
    ),
    Field(
        "title",
        "translated",
        _("The title in each language; the source language's title is required."),
        "California: AB-629 opens public compensation to trafficking survivors",
        required=True,
        max_length=300,
    ),
    Field("summary", "translated", _("A short summary in each language."), "Signed by …"),
    Field("body", "translated", _("The full description in each language."), "California's …"),
    Field(
        "date",
        "date",
        _("Publication date, or start date for events, projects and practices."),
        "2019-01-01",
        nullable=True,
    ),
    Field(
        "date_precision",
        "code",
        _("How much of the date the source gives: day, month or year."),
        "year",
        vocabulary="date_precision",
    ),
    Field(
        "scope",
        "code",
        _("Geographic scope: global, multi_regional, regional, national or local."),
        "national",
        required=True,
        vocabulary="scope",
    ),
    Field(
        "objectives",
        "codes",
        _("Numbers (1–23) of the GCM objectives the item mainly addresses."),
        "10",
        vocabulary="objective",
    ),
    Field(
        "objectives_secondary",
        "codes",
        _("Numbers (1–23) of other GCM objectives the item also addresses."),
        "9|6",
        vocabulary="objective",
    ),
    Field(
        "principles",
        "codes",
        _("Slugs of the GCM guiding principles the item follows."),
        "people-centred|human-rights",
        vocabulary="principle",
    ),
    Field(
        "regions",
        "codes",
        _("Slugs of the regions concerned."),
        "americas",
        vocabulary="region",
    ),
    Field(
        "countries",
        "codes",
        _("ISO 3166-1 alpha-3 codes of the countries concerned."),
        "USA|MEX",
        vocabulary="country",
    ),
    Field(
        "sdg_targets",
        "codes",
        _("Codes of the Sustainable Development Goal targets concerned."),
        "8.7|16.3",
        vocabulary="sdg_target",
    ),
    Field(
        "organisations",
        "organisations",
        _(
            "The organisations involved and their role: author, publisher, implementer, "
            "partner, donor or organiser. An import creates organisations it does not know."
        ),
        "publisher:cast|donor:european-union",
    ),
    Field(
        "links",
        "links",
        _("Web addresses about the item, each with a label."),
        "https://undocs.org/A/74/127 A/74/127 (UN Official Document System)",
    ),
    Field(
        "citation",
        "text",
        _("How to cite the source."),
        "Coalition to Abolish Slavery and Trafficking, 2019",
        max_length=300,
    ),
    # Documents.
    Field(
        "resource_type",
        "code",
        _("The type of document (required for documents)."),
        "report",
        kinds=_DOC,
        vocabulary="resource_type",
    ),
    Field(
        "document_symbol",
        "text",
        _("The UN document symbol."),
        "A/74/127",
        kinds=_DOC,
        max_length=60,
    ),
    # Events.
    Field(
        "starts_at",
        "datetime",
        _("When the event starts."),
        "2024-07-30T09:00:00+00:00",
        kinds=_EVENT,
        nullable=True,
    ),
    Field(
        "ends_at",
        "datetime",
        _("When the event ends."),
        "2024-07-30T11:00:00+00:00",
        kinds=_EVENT,
        nullable=True,
    ),
    Field("location", "text", _("Where the event takes place."), "Geneva", kinds=_EVENT),
    Field(
        "online",
        "boolean",
        _("Whether the event is online."),
        "true",
        kinds=_EVENT,
        nullable=True,
    ),
    Field(
        "interpretation_languages",
        "codes",
        _("Languages into which the event is interpreted."),
        "fr|es",
        kinds=_EVENT,
        vocabulary="language",
    ),
    Field(
        "registration_url",
        "url",
        _("Where to register."),
        "https://example.org/register",
        kinds=_EVENT,
        max_length=200,
    ),
    Field(
        "recording_url",
        "url",
        _("Where to watch the recording."),
        "https://example.org/recording",
        kinds=_EVENT,
        max_length=200,
    ),
    Field(
        "summary_report_url",
        "url",
        _("Where to read the summary report."),
        "https://example.org/report",
        kinds=_EVENT,
        max_length=200,
    ),
    # Projects (and the period of practices).
    Field(
        "budget",
        "decimal",
        _("The project's budget."),
        "12000000.00",
        kinds=_PROJECT,
        nullable=True,
    ),
    Field(
        "currency",
        "text",
        _("The budget's currency (ISO 4217)."),
        "EUR",
        kinds=_PROJECT,
        max_length=3,
    ),
    Field(
        "period_start",
        "date",
        _("When the project or practice started."),
        "2018-01-01",
        kinds=(Kind.PROJECT, Kind.PRACTICE),
        nullable=True,
    ),
    Field(
        "period_end",
        "date",
        _("When the project or practice ended."),
        "2022-12-31",
        kinds=(Kind.PROJECT, Kind.PRACTICE),
        nullable=True,
    ),
    # Training.
    Field(
        "format",
        "text",
        _("The training's format."),
        "guide",
        kinds=_TRAINING,
        max_length=60,
    ),
    Field(
        "audience",
        "text",
        _("Who the training is for."),
        "Employers",
        kinds=_TRAINING,
        max_length=255,
    ),
    Field("duration", "text", _("How long it takes."), "2 hours", kinds=_TRAINING, max_length=60),
    # Videos.
    Field(
        "url",
        "url",
        _("Where to watch the video."),
        "https://example.org/video",
        kinds=_VIDEO,
        max_length=200,
    ),
    Field(
        "duration_seconds",
        "integer",
        _("The video's length in seconds."),
        "300",
        kinds=_VIDEO,
        nullable=True,
    ),
    Field("transcript", "text", _("The video's transcript."), "…", kinds=_VIDEO),
    # Practices (their focal point is private and never exported).
    Field(
        "practice_type",
        "code",
        _("The type of practice: legislation, policy, plan, programme, project, network, other."),
        "legislation",
        kinds=_PRACTICE,
        vocabulary="practice_type",
    ),
    Field(
        "ongoing",
        "boolean",
        _("Whether the practice is still running."),
        "false",
        kinds=_PRACTICE,
    ),
    Field("beneficiaries", "text", _("Who benefits."), "Survivors …", kinds=_PRACTICE),
    Field("benefit_and_impact", "text", _("Benefit and impact."), "…", kinds=_PRACTICE),
    Field("lessons_learned", "text", _("Lessons learned."), "…", kinds=_PRACTICE),
    Field("innovation", "text", _("What is innovative."), "…", kinds=_PRACTICE),
    Field("replicability", "text", _("How it could be replicated."), "…", kinds=_PRACTICE),
    Field("sustainability", "text", _("How it is sustained."), "…", kinds=_PRACTICE),
)

FIELDS_BY_NAME = {field.name: field for field in FIELDS}
CSV_COLUMNS: tuple[str, ...] = tuple(column for field in FIELDS for column in field.columns())
# CSV column → (field, language or "").
COLUMN_FIELDS = {
    column: (field, column[len(field.name) + 1 :] if field.type == "translated" else "")
    for field in FIELDS
    for column in field.columns()
}
REQUIRED = tuple(field.name for field in FIELDS if field.required)


def fields_for(kind: str) -> tuple[Field, ...]:
    return tuple(field for field in FIELDS if field.applies_to(kind))
