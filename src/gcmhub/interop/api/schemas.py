"""Shapes of what the API returns. Nothing here names a private field: a practice's
focal point (`Practice.PRIVATE_FIELDS`) has no place in any schema."""

from datetime import date, datetime

from ninja import Field, Schema


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class IgnoredFilterOut(Schema):
    param: str
    value: str


class ItemFilterParams(Schema):
    """The filters of the site's list pages; each may repeat (AND)."""

    q: str = Field("", description="Words to match, as on the search page.")
    objective: list[str] = Field([], description="GCM objective number, 1 to 23.")
    principle: list[str] = Field([], description="Guiding principle slug.")
    region: list[str] = Field([], description="Region slug.")
    country: list[str] = Field([], description="ISO 3166 alpha-3 code.")
    type: list[str] = Field([], description="Resource type slug.")
    language: list[str] = Field([], description="Language the item is written or translated in.")
    year: list[str] = Field([], description="Year of the item's date.")
    scope: list[str] = Field([], description="global, multi_regional, regional, national or local.")
    sort: str = Field(
        "", description="scope (default), newest, or relevance (default when `q` is given)."
    )
    page: int = Field(1, ge=1, description="Page number; past the last page answers 404.")
    page_size: int = Field(20, ge=1, le=100, description="Items per page, 1 to 100.")
    lang: str = Field("", description="Language of texts and labels (else Accept-Language).")


class AllItemFilterParams(ItemFilterParams):
    kind: list[str] = Field(
        [], description="practice, document, event, project, training or video."
    )


class ItemSummaryOut(Schema):
    id: int
    kind: str
    slug: str
    title: str
    summary: str
    language: str = Field(description="Language of `title` and `summary`.")
    source_language: str
    scope: str
    date: date | None
    date_precision: str
    objectives: list[int]
    countries: list[str]
    url: str = Field(description="The item's page on the site.")
    api_url: str = Field(description="The item's detail in this API.")


class ItemListOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[ItemSummaryOut]
    facets: dict[str, list[FacetValueOut]]
    ignored: list[IgnoredFilterOut]


class ObjectiveRefOut(Schema):
    number: int
    short_name: str
    primary: bool
    api_url: str


class TermOut(Schema):
    slug: str
    name: str


class CountryRefOut(Schema):
    iso3: str
    name: str


class SDGTargetRefOut(Schema):
    code: str
    label: str


class OrganisationOut(Schema):
    slug: str
    name: str
    acronym: str
    url: str
    role: str


class LinkOut(Schema):
    url: str
    label: str


class TranslationOut(Schema):
    language: str
    origin: str = Field(description="`human` or `machine`: who made this language version.")
    reviewed: bool = Field(description="Whether a curator has reviewed this language version.")


class ItemOut(Schema):
    id: int
    kind: str
    slug: str
    url: str = Field(description="The item's page on the site.")
    api_url: str
    language: str = Field(description="Language of `title`, `summary` and `body`.")
    source_language: str = Field(
        description="Language the item was written in; the "
        "kind's own free-text fields are in this language."
    )
    translations: list[str] = Field(description="Languages `lang` can ask for.")
    translation: TranslationOut | None = Field(
        description="How the language version of `title` and `summary` was made."
    )
    title: str
    summary: str
    body: str = Field(description="Plain text; blank lines separate paragraphs.")
    date: date | None
    date_precision: str = Field(description="day, month or year: how much of `date` is known.")
    scope: str
    citation: str
    published_at: datetime | None
    updated_at: datetime
    objectives: list[ObjectiveRefOut]
    principles: list[TermOut]
    regions: list[TermOut]
    countries: list[CountryRefOut]
    sdg_targets: list[SDGTargetRefOut]
    resource_type: TermOut | None
    organisations: list[OrganisationOut]
    links: list[LinkOut]


class PracticeOut(ItemOut):
    practice_type: str
    period_start: date | None
    period_end: date | None
    ongoing: bool
    beneficiaries: str
    benefit_and_impact: str
    lessons_learned: str
    innovation: str
    replicability: str
    sustainability: str


class DocumentOut(ItemOut):
    document_symbol: str


class EventOut(ItemOut):
    starts_at: datetime | None
    ends_at: datetime | None
    location: str
    online: bool | None
    interpretation_languages: list[str]
    registration_url: str
    recording_url: str
    summary_report_url: str


class ProjectOut(ItemOut):
    budget: str | None = Field(description="A decimal number, as a string.")
    currency: str
    period_start: date | None
    period_end: date | None


class TrainingOut(ItemOut):
    format: str
    audience: str
    duration: str


class VideoOut(ItemOut):
    video_url: str = Field(description="Where the video plays (the model's `url`).")
    duration_seconds: int | None
    transcript: str


# Taxonomy


class TaxonomyListOut(Schema):
    count: int
    language: str = Field(description="Language of the labels.")


class ObjectiveOut(Schema):
    number: int
    paragraph: int
    citation: str
    short_name: str
    title: str
    item_count: int = Field(description="Published items linked to the objective.")
    url: str
    api_url: str


class ObjectiveListOut(TaxonomyListOut):
    results: list[ObjectiveOut]


class ObjectiveActionOut(Schema):
    letter: str
    citation: str
    summary: str


class ObjectiveDetailOut(ObjectiveOut):
    commitment: str
    introduction: str
    actions: list[ObjectiveActionOut]
    sdg_targets: list[SDGTargetRefOut]
    language: str


class PrincipleOut(Schema):
    slug: str
    position: int
    paragraph: str
    name: str
    description: str
    item_count: int
    url: str


class PrincipleListOut(TaxonomyListOut):
    results: list[PrincipleOut]


class RegionOut(Schema):
    slug: str
    m49: str
    name: str
    item_count: int
    url: str


class RegionListOut(TaxonomyListOut):
    results: list[RegionOut]


class CountryOut(Schema):
    iso3: str
    iso2: str
    name: str
    region: str = Field(description="Slug of the country's region.")
    item_count: int
    url: str


class CountryListOut(TaxonomyListOut):
    results: list[CountryOut]


class ResourceTypeOut(Schema):
    slug: str
    position: int
    name: str
    item_count: int


class ResourceTypeListOut(TaxonomyListOut):
    results: list[ResourceTypeOut]


class SDGTargetOut(Schema):
    code: str
    goal: int
    goal_name: str
    label: str


class SDGTargetListOut(TaxonomyListOut):
    results: list[SDGTargetOut]
