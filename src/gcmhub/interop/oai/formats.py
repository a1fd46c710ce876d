"""Metadata formats: unqualified Dublin Core (`oai_dc`) and the Hub's own (`gcmhub`).

Each writer reads a published item (from `selectors.oai_records`) and returns one lxml
element. Fields are named one by one: nothing private (a practice's focal point,
`Practice.PRIVATE_FIELDS`) is ever written, whatever the model later gains.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from lxml import etree

from gcmhub.catalog.models import (
    KIND_PATHS,
    DatePrecision,
    Item,
    Kind,
    OrganisationRole,
    Scope,
)
from gcmhub.interop.oai.xml import XML_LANG, XSI_NS, datestamp, sub

DC_NS = "http://purl.org/dc/elements/1.1/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
# The Hub's own format. A name, not an address to fetch: its schema is served by each
# repository at /static/oai/gcmhub-1.0.xsd (ListMetadataFormats gives the full URL).
GCMHUB_NS = "https://w3id.org/gcmhub/oai/item/1.0"
GCMHUB_SCHEMA_PATH = "oai/gcmhub-1.0.xsd"

# Dublin Core's roles for organisations: who made it, who published it, who helped.
CREATOR_ROLES = {OrganisationRole.AUTHOR, OrganisationRole.IMPLEMENTER, OrganisationRole.ORGANISER}
PUBLISHER_ROLES = {OrganisationRole.PUBLISHER}
DCMI_TYPES = {Kind.VIDEO: "MovingImage", Kind.EVENT: "Event"}  # else Text


@dataclass(frozen=True)
class Context:
    """What a writer needs from the request: absolute addresses."""

    absolute: Callable[[str], str]

    def page_url(self, item: Item, language: str) -> str:
        with translation.override(language):
            path = reverse(
                "catalog:detail", kwargs={"path": KIND_PATHS[item.kind], "slug": item.slug}
            )
        return self.absolute(path)


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    namespace: str
    schema: Callable[[Context], str]
    write: Callable[[Item, Context], etree._Element]


def _translations(item: Item) -> list:
    """The item's translations, source language first."""
    rows = list(item.translations.all())
    return sorted(rows, key=lambda t: (t.language_code != item.source_language, t.language_code))


def _names(obj, attribute: str = "name") -> list[tuple[str, str]]:
    rows = sorted(obj.translations.all(), key=lambda t: t.language_code)
    return [(t.language_code, getattr(t, attribute)) for t in rows if getattr(t, attribute)]


def _date_text(item: Item) -> str | None:
    if item.date is None:
        return None
    text = item.date.isoformat()
    return {DatePrecision.YEAR: text[:4], DatePrecision.MONTH: text[:7]}.get(
        item.date_precision, text
    )


def _oai_dc_write(item: Item, context: Context) -> etree._Element:
    root = etree.Element(
        f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
    )
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")

    def dc(name: str, text, language: str | None = None):
        if text:
            element = sub(root, f"{{{DC_NS}}}{name}", text)
            if language:
                element.set(XML_LANG, language)

    translations = _translations(item)
    for t in translations:
        dc("title", t.title, t.language_code)
    for link in item.organisation_links.all():
        if link.role in PUBLISHER_ROLES:
            element = "publisher"
        else:
            element = "creator" if link.role in CREATOR_ROLES else "contributor"
        for code, name in _names(link.organisation):
            dc(element, name, code)
    languages = [t.language_code for t in translations]
    for code in languages:
        for objective_link in item.objective_links.all():
            objective = objective_link.objective
            names = dict(_names(objective, "short_name"))
            if code in names:
                with translation.override(code):
                    label = gettext("GCM objective")
                dc("subject", f"{label} {objective.number}: {names[code]}", code)
        for principle in item.principles.all():
            dc("subject", dict(_names(principle)).get(code), code)
    for t in translations:
        dc("description", t.summary, t.language_code)
    dc("date", _date_text(item))
    dc("type", DCMI_TYPES.get(item.kind, "Text"))
    dc("type", item.kind)
    if item.resource_type is not None:
        dc("type", item.resource_type.slug)
    for code in languages:
        dc("identifier", context.page_url(item, code))
    for code in languages:
        dc("language", code)
    for link in item.links.all():
        dc("relation", link.url)
    for country in item.countries.all():
        dc("coverage", country.iso3)  # ISO 3166-1 alpha-3, for machines
    for code in languages:
        for place in (*item.countries.all(), *item.regions.all()):
            dc("coverage", dict(_names(place)).get(code), code)
    dc("source", item.citation)
    return root


def _gcmhub_write(item: Item, context: Context) -> etree._Element:
    ns = f"{{{GCMHUB_NS}}}"
    root = etree.Element(f"{ns}item", nsmap={None: GCMHUB_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{GCMHUB_NS} {gcmhub_schema_url(context)}")
    root.set("kind", item.kind)
    root.set("slug", item.slug)
    root.set("sourceLanguage", item.source_language)

    def el(parent, name: str, text=None, **attributes):
        return sub(parent, f"{ns}{name}", text, **attributes)

    def names(parent, obj, attribute: str = "name", tag: str = "name"):
        for code, text in _names(obj, attribute):
            el(parent, tag, text).set(XML_LANG, code)

    translations = _translations(item)
    for t in translations:
        el(root, "url", context.page_url(item, t.language_code)).set(XML_LANG, t.language_code)
    for t in translations:
        block = el(root, "translation")
        block.set(XML_LANG, t.language_code)
        el(block, "title", t.title)
        if t.summary:
            el(block, "summary", t.summary)
        if t.body:
            el(block, "body", t.body)
    if item.date is not None:
        el(root, "date", item.date.isoformat(), precision=item.date_precision)
    el(root, "scope", Scope(item.scope).slug)
    el(root, "published", datestamp(item.published_at))
    el(root, "updated", datestamp(item.updated_at))
    for link in item.objective_links.all():
        objective = link.objective
        element = el(
            root,
            "objective",
            number=objective.number,
            primary="true" if link.is_primary else "false",
        )
        names(element, objective, "short_name")
    for principle in item.principles.all():
        names(el(root, "principle", slug=principle.slug), principle)
    for region in item.regions.all():
        names(el(root, "region", slug=region.slug, m49=region.m49), region)
    for country in item.countries.all():
        names(el(root, "country", iso3=country.iso3, iso2=country.iso2), country)
    for target in item.sdg_targets.all():
        names(el(root, "sdgTarget", code=target.code), target, "label", "label")
    for link in item.organisation_links.all():
        organisation = link.organisation
        element = el(
            root,
            "organisation",
            slug=organisation.slug,
            role=link.role,
            url=organisation.url or None,
        )
        names(element, organisation)
    if item.resource_type is not None:
        names(el(root, "resourceType", slug=item.resource_type.slug), item.resource_type)
    if item.citation:
        el(root, "citation", item.citation)
    for link in item.links.all():
        el(root, "link", link.label, url=link.url)
    KIND_WRITERS[item.kind](item, el(root, item.kind), el)
    return root


def _optional(parent, el, pairs):
    for name, value in pairs:
        if value not in (None, ""):
            el(parent, name, value.isoformat() if hasattr(value, "isoformat") else value)


def _practice(item, parent, el):
    el(parent, "practiceType", item.practice_type)
    _optional(parent, el, [("periodStart", item.period_start), ("periodEnd", item.period_end)])
    el(parent, "ongoing", "true" if item.ongoing else "false")
    _optional(
        parent,
        el,
        [
            ("beneficiaries", item.beneficiaries),
            ("benefitAndImpact", item.benefit_and_impact),
            ("lessonsLearned", item.lessons_learned),
            ("innovation", item.innovation),
            ("replicability", item.replicability),
            ("sustainability", item.sustainability),
        ],
    )
    if item.call is not None and item.call.is_published:
        el(parent, "call", slug=item.call.slug)


def _document(item, parent, el):
    _optional(parent, el, [("documentSymbol", item.document_symbol)])


def _event(item, parent, el):
    _optional(
        parent,
        el,
        [
            ("startsAt", item.starts_at and datestamp(item.starts_at)),
            ("endsAt", item.ends_at and datestamp(item.ends_at)),
            ("location", item.location),
        ],
    )
    if item.online is not None:
        el(parent, "online", "true" if item.online else "false")
    for code in item.interpretation_languages or []:
        el(parent, "interpretationLanguage", code)
    _optional(
        parent,
        el,
        [
            ("registrationUrl", item.registration_url),
            ("recordingUrl", item.recording_url),
            ("summaryReportUrl", item.summary_report_url),
        ],
    )


def _project(item, parent, el):
    if item.budget is not None:
        el(parent, "budget", f"{item.budget:f}", currency=item.currency or None)
    _optional(parent, el, [("periodStart", item.period_start), ("periodEnd", item.period_end)])


def _training(item, parent, el):
    _optional(
        parent,
        el,
        [("format", item.format), ("audience", item.audience), ("duration", item.duration)],
    )


def _video(item, parent, el):
    _optional(
        parent,
        el,
        [
            ("url", item.url),
            ("durationSeconds", item.duration_seconds),
            ("transcript", item.transcript),
        ],
    )


KIND_WRITERS = {
    Kind.PRACTICE: _practice,
    Kind.DOCUMENT: _document,
    Kind.EVENT: _event,
    Kind.PROJECT: _project,
    Kind.TRAINING: _training,
    Kind.VIDEO: _video,
}


def gcmhub_schema_url(context: Context) -> str:
    return context.absolute(static(GCMHUB_SCHEMA_PATH))


FORMATS: dict[str, MetadataFormat] = {
    "oai_dc": MetadataFormat("oai_dc", OAI_DC_NS, lambda context: OAI_DC_SCHEMA, _oai_dc_write),
    "gcmhub": MetadataFormat("gcmhub", GCMHUB_NS, gcmhub_schema_url, _gcmhub_write),
}
