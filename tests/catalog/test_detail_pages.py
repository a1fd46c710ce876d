"""A detail page for each kind shows every public field, in the reader's language where
a translation exists, and never a private one.

The demo data file is the oracle: what it says of an item is what its page must show.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.text import capfirst

import gcmhub.catalog
from gcmhub.catalog.models import KIND_MODELS, KIND_PATHS, Kind, Practice, Scope
from gcmhub.taxonomy.models import Country, GuidingPrinciple, Region, ResourceType
from tests.pages import links, section, text

pytestmark = pytest.mark.usefixtures("demo")

CONTENT = json.loads(
    (Path(gcmhub.catalog.__file__).parent / "demo" / "content.json").read_text(encoding="utf-8")
)
ITEMS = {row["slug"]: row for row in CONTENT["items"]}
ORGANISATIONS = {row["slug"]: row for row in CONTENT["organisations"]}

# One item of each kind, chosen to carry as many fields as the demo offers.
ONE_OF_EACH_KIND = {
    "practice": "california-ab-629",
    "document": "a-74-127-coordinating-action-against-trafficking",
    "event": "iom-unodc-webinar-trafficking-data-tools",
    "project": "glo-act-asia-middle-east-project",
    "training": "iom-migrant-worker-guidelines-for-employers",
    "video": "unodc-e4j-video-for-children",
}
PRACTICE_TEXT_FIELDS = [
    "beneficiaries",
    "benefit_and_impact",
    "lessons_learned",
    "innovation",
    "replicability",
    "sustainability",
]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def squash(value: str) -> str:
    return " ".join(value.split())


class _Languages(HTMLParser):
    """Each piece of visible text with the language in effect (the nearest lang=) and
    the tags around it."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[tuple[str, str | None, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        inherited = self.stack[-1][1] if self.stack else None
        self.stack.append((tag, dict(attrs).get("lang", inherited)))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if (
            data.strip()
            and self.stack
            and self.stack[0][0] == "html"
            and "body" in dict(self.stack)
        ):
            self.pieces.append((squash(data), self.stack[-1][1], [t for t, _ in self.stack]))


def pieces(response) -> list[tuple[str, str | None, list[str]]]:
    reader = _Languages()
    reader.feed(response.content.decode())
    return reader.pieces


def language_of(response, snippet: str) -> str | None:
    """The language in effect where `snippet` (whitespace collapsed) is shown."""
    snippet = squash(snippet)
    found = [lang for piece, lang, _tags in pieces(response) if snippet in piece]
    assert found, f"not on the page: {snippet[:60]}"
    return found[0]


def detail_url(language: str, slug: str) -> str:
    return f"/{language}/{KIND_PATHS[ITEMS[slug]['kind']]}/{slug}/"


def shown_language(row: dict, language: str) -> str:
    return language if language in row["translations"] else row["source_language"]


def facts(response) -> str:
    return section(response, "facts-heading")


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("slug", ITEMS)
def test_a_detail_page_shows_every_public_field_of_the_item(client, slug, language):
    row = ITEMS[slug]
    response = client.get(detail_url(language, slug))
    assert response.status_code == 200
    shown = shown_language(row, language)
    translated = row["translations"][shown]
    about = facts(response)
    hrefs = {href for href, _label in links(response)}

    # Title and summary, in the page language or else the source language, marked so.
    assert language_of(response, translated["title"]) == shown
    assert squash(translated["title"]) in squash(text(response))
    if translated["summary"]:
        assert language_of(response, translated["summary"]) == shown
    badges = [p for p, lang, tags in pieces(response) if "h1" in tags and tags[-1] == "span"]
    assert badges == ([shown.upper()] if shown != language else [])

    with translation.override(language):
        scope = str(Scope[row["scope"].upper()].label)
        assert f"{translation.gettext('Geographic scope')} {scope}" in about
    for iso3 in row["countries"]:
        country = Country.objects.get(iso3=iso3)
        assert country.safe_translation_getter("name", language_code=language) in about
        assert f"/{language}/countries/{iso3}/" in hrefs
    for slug_ in row["regions"]:
        region = Region.objects.get(slug=slug_)
        assert region.safe_translation_getter("name", language_code=language) in about
        assert f"/{language}/regions/{slug_}/" in hrefs
    objective_links = {href: label for href, label in links(response) if "/objectives/" in href}
    for number in row["objectives"]["primary"] + row["objectives"]["secondary"]:
        label = objective_links[f"/{language}/objectives/{number}/"]
        assert label.startswith(f"{number}. ")
    for slug_ in row["principles"]:
        principle = GuidingPrinciple.objects.get(slug=slug_)
        assert principle.safe_translation_getter("name", language_code=language) in about
        assert f"/{language}/principles/{slug_}/" in hrefs
    for link in row["organisations"]:
        name = ORGANISATIONS[link["org"]]["translations"][language]["name"]
        assert name in about
    for code in row["sdg_targets"]:
        assert f"SDG {code}" in about
    if row["citation"]:
        assert row["citation"] in about
    for link in row["links"]:
        assert (link["url"], link["label"]) in links(response)

    # Every non-empty field the kind adds, with its label.
    model = KIND_MODELS[row["kind"]]
    with translation.override(language):
        for name, value in row[row["kind"]].items():
            if name == "call" or value in (None, "", []):
                continue
            field = model._meta.get_field(name)
            if name == "resource_type":  # shown beside the kind, above the title
                resource_type = ResourceType.objects.get(slug=value)
                name_ = resource_type.safe_translation_getter("name", language_code=language)
                assert f"{model._meta.verbose_name.title()} · {name_}" in text(response)
                continue
            if field.get_internal_type() != "BooleanField" or value:
                assert capfirst(str(field.verbose_name)) in about, name
            if field.choices:
                expected = str(dict(field.choices)[value])
            elif field.get_internal_type() == "DateField":
                expected = value[:4]
            elif field.get_internal_type() == "BooleanField":
                expected = translation.gettext("yes,no").split(",")[0 if value else 1]
            elif field.get_internal_type() == "DecimalField":
                continue  # number formatting: see the project's budget test
            else:
                expected = squash(value)
            if expected:
                assert expected in about, name


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("kind", ONE_OF_EACH_KIND)
def test_each_kinds_detail_page_names_its_kind_and_links_to_its_list(client, kind, language):
    slug = ONE_OF_EACH_KIND[kind]
    assert ITEMS[slug]["kind"] == kind
    response = client.get(detail_url(language, slug))
    assert response.context["item"].slug == slug
    labels = [
        label for href, label in links(response) if href == f"/{language}/{KIND_PATHS[kind]}/"
    ]
    with translation.override(language):
        assert str(Kind(kind).label) in labels


def test_a_french_only_document_shows_its_french_title_marked_fr_with_a_badge_on_english(client):
    slug = "unodc-global-report-trafficking-2020"
    french = ITEMS[slug]["translations"]["fr"]
    assert list(ITEMS[slug]["translations"]) == ["fr"]
    response = client.get(detail_url("en", slug))
    assert language_of(response, french["title"]) == "fr"
    assert language_of(response, french["summary"]) == "fr"
    h1 = re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1)
    assert re.search(r'<span class="badge lang" lang="fr"[^>]*>FR</span>', h1)
    about = facts(response)
    assert "About this item" in about  # the interface stays in English
    assert "Written in Français" in about


def test_a_project_shows_its_budget_and_currency_in_the_page_language(client):
    slug = "glo-act-asia-middle-east-project"
    english = facts(client.get(detail_url("en", slug)))
    assert "Budget 12,000,000" in english
    assert "Currency (ISO 4217) EUR" in english
    french_page = client.get(detail_url("fr", slug))
    french = facts(french_page)
    assert re.search(r"Budget 12\s000\s000", french)
    assert "EUR" in french
    # English only: on the French page the title is English, marked and badged.
    title = ITEMS[slug]["translations"]["en"]["title"]
    assert language_of(french_page, title) == "en"
    assert "EN" in [p for p, lang, tags in pieces(french_page) if "h1" in tags and lang == "en"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_document_shows_its_document_symbol(client, language):
    response = client.get(detail_url(language, "a-74-127-coordinating-action-against-trafficking"))
    about = facts(response)
    assert "A/74/127" in about
    if language == "en":
        assert "Document symbol A/74/127" in about


@pytest.mark.usefixtures("no_page_cache")
def test_a_practice_shows_all_six_practice_fields_and_no_empty_ones(client):
    practice = Practice.objects.get(slug="brazil-labour-inspection")
    before = facts(client.get(detail_url("en", practice.slug)))
    assert "Beneficiaries" in before and "Sustainability" in before
    assert "Lessons learned" not in before and "Replicability" not in before  # empty

    for name in PRACTICE_TEXT_FIELDS:
        if not getattr(practice, name):
            setattr(practice, name, f"Texte du champ {name}.\nSur deux lignes.")
    practice.save()
    response = client.get(detail_url("en", practice.slug))
    about = facts(response)
    for name in PRACTICE_TEXT_FIELDS:
        label = capfirst(str(Practice._meta.get_field(name).verbose_name))
        assert f"{label} {squash(getattr(practice, name))}" in about, name
    assert "Type of practice Policy" in about


def test_a_practices_focal_point_never_shows_on_a_public_page(client):
    practice = Practice.objects.get(slug="brazil-labour-inspection")
    practice.focal_point_name = "Maria Private"
    practice.focal_point_email = "maria.private@example.org"
    practice.save()
    pages = [
        detail_url("en", practice.slug),
        detail_url("fr", practice.slug),
        "/en/practices/",
        "/en/countries/BRA/",
        "/en/objectives/10/",
        "/fr/objectives/10/",
        "/en/regions/americas/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode().lower()
        if "results" in response.context:
            assert practice.slug in {c.item.slug for c in response.context["results"].cards}, url
        else:
            assert response.context["item"].pk == practice.pk
        for private in ("maria private", "maria.private", "example.org"):
            assert private not in body, (url, private)
    assert "Focal point" not in text(client.get(detail_url("en", practice.slug)))


@pytest.mark.parametrize(
    ("language", "wrong"),
    [
        ("en", ["Jan. 1, 2019", "January 1, 2019", "1 January 2019", "January 2019"]),
        ("fr", ["1 janvier 2019", "1er janvier 2019", "janvier 2019"]),
    ],
)
def test_a_date_known_to_the_year_shows_only_the_year(client, language, wrong):
    slug = "california-ab-629"
    assert (ITEMS[slug]["date"], ITEMS[slug]["date_precision"]) == ("2019-01-01", "year")
    response = client.get(detail_url(language, slug))
    shown = re.search(r'<time datetime="2019-01-01">([^<]*)</time>', response.content.decode())
    assert shown and shown.group(1) == "2019"
    page = text(response)
    for form in wrong:
        assert form not in page
    card = next(
        c
        for c in client.get(f"/{language}/practices/").context["results"].cards
        if c.item.slug == slug
    )
    assert card.item.date.year == 2019


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "September 2018"), ("fr", "septembre 2018")]
)
def test_a_date_known_to_the_month_shows_month_and_year(client, language, expected):
    response = client.get(detail_url(language, "redtram"))
    shown = re.search(r'<time datetime="2018-09-01">([^<]*)</time>', response.content.decode())
    assert shown and shown.group(1) == expected


def test_source_language_practice_fields_are_marked_with_their_language(client):
    slug = "california-ab-629"
    response = client.get(detail_url("en", slug))
    beneficiaries = ITEMS[slug]["practice"]["beneficiaries"]
    assert language_of(response, beneficiaries) == "fr"
