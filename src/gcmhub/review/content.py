"""What a practice submission holds, what makes it complete, and how it becomes a
catalogue row. The web form and the API both submit through these rules."""

from datetime import date

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from gcmhub.core.rich_text import rich_text_clean

# The Hub's criteria for a practice (seed 001): each is a statement the submitter
# confirms and explains, and reviewers assess.
CRITERIA = {
    "objectives": _("It relates to one or more objectives of the Global Compact for Migration."),
    "principles": _("It upholds the Compact's guiding principles."),
    "timeframe": _("It was implemented after the Compact's adoption in December 2018, ideally."),
    "completion": _("It is fully or mostly completed."),
    "innovation": _("It is innovative and could be replicated elsewhere."),
}
CRITERION_EXPLANATION_MIN = 20

TEXT_FIELDS = (
    "title",
    "summary",
    "source_language",
    "practice_type",
    "scope",
    "period_start",
    "period_end",
    "implementer",
    "focal_point_name",
    "focal_point_email",
)
LONG_TEXT_FIELDS = (
    "beneficiaries",
    "benefit_and_impact",
    "lessons_learned",
    "innovation",
    "replicability",
    "sustainability",
    "partners",
    "links",
)
# Rich text: a small, sanitised subset of HTML (paragraphs, lists, emphasis, links).
RICH_TEXT_FIELDS = ("body",)
LIST_FIELDS = (
    "countries",
    "regions",
    "objectives_primary",
    "objectives_secondary",
    "principles",
    "sdg_targets",
)
BOOLEAN_FIELDS = ("ongoing",)

REQUIRED_ON_SUBMIT = (
    "title",
    "summary",
    "body",
    "source_language",
    "practice_type",
    "scope",
    "period_start",
    "implementer",
    "beneficiaries",
    "benefit_and_impact",
    "focal_point_name",
    "focal_point_email",
)


def content_normalise(data: dict) -> dict:
    """Keep only the known fields, as plain JSON values, rich text sanitised."""
    content: dict = {}
    for name in TEXT_FIELDS + LONG_TEXT_FIELDS:
        value = data.get(name)
        if isinstance(value, date):
            value = value.isoformat()
        content[name] = str(value).strip() if value not in (None, "") else ""
    for name in RICH_TEXT_FIELDS:
        content[name] = rich_text_clean(str(data.get(name) or "")).strip()
    for name in LIST_FIELDS:
        values = data.get(name) or []
        content[name] = sorted({str(v) for v in values}, key=_natural)
    for name in BOOLEAN_FIELDS:
        content[name] = bool(data.get(name))
    return content


def _natural(value: str):
    return (0, int(value), "") if value.isdigit() else (1, 0, value)


def criteria_normalise(data: dict) -> dict:
    return {
        code: {
            "confirmed": bool((data.get(code) or {}).get("confirmed")),
            "explanation": str((data.get(code) or {}).get("explanation") or "").strip(),
        }
        for code in CRITERIA
    }


def content_problems(content: dict, criteria: dict) -> dict[str, list[str]]:
    """Why this submission cannot be submitted yet, by field; empty when it can."""
    problems: dict[str, list[str]] = {}

    def add(field: str, message) -> None:
        problems.setdefault(field, []).append(str(message))

    for name in REQUIRED_ON_SUBMIT:
        if not content.get(name):
            add(name, _("This field is required to submit."))
    if not content.get("objectives_primary"):
        add("objectives_primary", _("Choose at least one objective the practice mainly serves."))
    overlap = set(content.get("objectives_primary", [])) & set(
        content.get("objectives_secondary", [])
    )
    if overlap:
        add("objectives_secondary", _("An objective cannot be both main and secondary."))
    scope = content.get("scope")
    if scope in ("national", "local") and not content.get("countries"):
        add("countries", _("A national or local practice names its country."))
    if scope in ("regional", "multi_regional") and not content.get("regions"):
        add("regions", _("A regional practice names its region."))
    start, end = content.get("period_start"), content.get("period_end")
    if start and end and end < start:
        add("period_end", _("The end comes before the start."))
    if content.get("ongoing") and end:
        add("period_end", _("An ongoing practice has no end date."))
    for code in CRITERIA:
        answer = criteria.get(code) or {}
        if not answer.get("confirmed"):
            add(f"criterion_{code}", _("Confirm this criterion, or explain below why not."))
        if len(answer.get("explanation", "")) < CRITERION_EXPLANATION_MIN:
            add(
                f"criterion_{code}_explanation",
                _("Explain in a sentence or two (at least %(count)d characters).")
                % {"count": CRITERION_EXPLANATION_MIN},
            )
    return problems


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def organisation_names(content: dict) -> list[tuple[str, str]]:
    """(name, role) of the implementer and each partner, as the submitter wrote them."""
    names = [(content["implementer"], "implementer")] if content.get("implementer") else []
    names += [(name, "partner") for name in _lines(content.get("partners", ""))]
    return names


def content_links(content: dict) -> list[dict]:
    """Links are written one per line: the address, then optionally a label."""
    links = []
    for line in _lines(content.get("links", "")):
        url, _space, label = line.partition(" ")
        links.append({"url": url, "label": label.strip() or url})
    return links


# The practice's own text fields, named alike in the form, the content and the model.
PRACTICE_TEXT_FIELDS = (
    "beneficiaries",
    "benefit_and_impact",
    "lessons_learned",
    "innovation",
    "replicability",
    "sustainability",
    "focal_point_name",
    "focal_point_email",
)


def content_to_row(content: dict, *, slug: str, organisation_slugs: dict[str, str]) -> dict:
    """The catalogue loader's row for this practice (see `catalog_load`)."""
    language = content["source_language"]
    return {
        "kind": "practice",
        "slug": slug,
        "source_language": language,
        "translations": {
            language: {
                "title": content["title"],
                "summary": content["summary"],
                "body": content["body"],
            }
        },
        "date": content.get("period_start") or None,
        "scope": content["scope"],
        "countries": content.get("countries", []),
        "regions": content.get("regions", []),
        "principles": content.get("principles", []),
        "sdg_targets": content.get("sdg_targets", []),
        "objectives": {
            "primary": [int(n) for n in content.get("objectives_primary", [])],
            "secondary": [int(n) for n in content.get("objectives_secondary", [])],
        },
        "organisations": [
            {"org": organisation_slugs[name], "role": role}
            for name, role in organisation_names(content)
        ],
        "links": content_links(content),
        "practice": {
            "practice_type": content["practice_type"],
            "period_start": content.get("period_start") or None,
            "period_end": content.get("period_end") or None,
            "ongoing": bool(content.get("ongoing")),
            **{name: content.get(name, "") for name in PRACTICE_TEXT_FIELDS},
        },
    }


def slug_for(title: str) -> str:
    return slugify(title)[:100] or "practice"
