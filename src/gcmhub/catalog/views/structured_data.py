"""schema.org JSON-LD for detail pages, so search engines and aggregators read what an
item is. Built from public fields only."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from gcmhub.catalog.models import Kind, OrganisationRole

TYPES = {
    Kind.PRACTICE: "CreativeWork",
    Kind.DOCUMENT: "CreativeWork",
    Kind.EVENT: "Event",
    Kind.PROJECT: "Project",
    Kind.TRAINING: "LearningResource",
    Kind.VIDEO: "VideoObject",
}
ROLES = {
    OrganisationRole.AUTHOR: "author",
    OrganisationRole.PUBLISHER: "publisher",
    OrganisationRole.ORGANISER: "organizer",
    OrganisationRole.DONOR: "funder",
    OrganisationRole.IMPLEMENTER: "contributor",
    OrganisationRole.PARTNER: "contributor",
}
# Characters that could end the <script> element or open markup, escaped inside JSON.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def item_json_ld(item, shown, url: str, organisation_links) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Report"
        if item.resource_type and item.resource_type.slug == "report"
        else TYPES[item.kind],
        "name": shown.translation.title,
        "description": shown.translation.summary,
        "inLanguage": shown.language,
        "url": url,
        "dateModified": item.updated_at,
        "about": [str(link.objective) for link in item.objective_links.all()],
        "spatialCoverage": [{"@type": "Country", "name": str(c)} for c in item.countries.all()]
        + [{"@type": "Place", "name": str(r)} for r in item.regions.all()],
    }
    if item.date:
        data["startDate" if item.kind == Kind.EVENT else "datePublished"] = item.date
    if item.citation:
        data["citation"] = item.citation
    if getattr(item, "document_symbol", ""):
        data["identifier"] = item.document_symbol
    for link in organisation_links:
        data.setdefault(ROLES[link.role], []).append(
            {"@type": "Organization", "name": str(link.organisation)}
        )
    return data


def json_ld_script(data: dict) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
