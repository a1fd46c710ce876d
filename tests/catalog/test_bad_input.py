"""Bad filter values in a query string are ignored and shown as such, never a 500.

Unknown slugs and codes in a path give the 404 page, never a 500 either.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmhub.catalog.models import KIND_PATHS, Item
from gcmhub.catalog.selectors import FILTER_LABELS, MAX_VALUE_LENGTH, MAX_VALUES_PER_FILTER
from gcmhub.taxonomy.models import Country
from tests.pages import links, text

pytestmark = pytest.mark.usefixtures("demo")

FILTERS = list(FILTER_LABELS)  # objective, principle, region, country, type, language, year …

# Each page that lists items, with the filters it imposes itself: those are not read
# from the query string, so a value given for them is neither applied nor named.
PAGES = {
    "/en/practices/": {"kind"},
    "/fr/resources/": {"kind"},
    "/en/events/": {"kind"},
    "/en/projects/": {"kind"},
    "/en/training/": {"kind"},
    "/en/videos/": {"kind"},
    "/fr/objectives/10/": {"objective", "kind"},
    "/en/principles/human-rights/": {"principle"},
    "/en/regions/americas/": {"region"},
    "/fr/countries/BRA/": {"country"},
}

SCRIPT = "<script>alert(1)</script>"
HOSTILE_VALUES = {
    "quotes": "'\"",
    "script": SCRIPT,
    "ten-thousand-characters": "9" * 10_000,
    "letters": "abc",
    "decimal": "1.5",
    "negative": "-3",
    "huge-number": "999999999999999999999",
    "typo-year": "20x1",
    "sql": "' OR 1=1 --",
    "null-byte": "\x00",
    "embedded-null-byte": "ab\x00cd",
    "emoji": "🦜 migrant ❤️‍🔥",
    "rtl-override": "\u202eevil\u202c",
    "arabic": "هجرة",
    "cjk": "移民",
}

NOT_FOUND_HEADING = "<h1>Page not found</h1>"


def results(response):
    return response.context["results"]


def slugs(response) -> list[str]:
    return [card.item.slug for card in results(response).cards]


def named(response) -> set[tuple[str, str]]:
    return {(r.param, r.value) for r in results(response).filters.rejected}


def notice_line(param: str, value: str) -> str:
    """How the "ignored" notice names one rejected value, HTML-escaped."""
    return f"{param} = “{escape(value)}”"


def free_filters(page: str) -> list[str]:
    return [name for name in FILTERS if name not in PAGES[page]]


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
@pytest.mark.parametrize("page", PAGES)
def test_hostile_filter_values_are_ignored_and_named_on_the_page(client, page, value):
    unfiltered = client.get(page)
    params = {name: value for name in [*FILTERS, "sort", "page"]}
    response = client.get(page, params)

    assert response.status_code == 200
    shown = value.strip()[:MAX_VALUE_LENGTH]
    expected = {(name, shown) for name in free_filters(page)} | {("sort", shown)}
    assert named(response) == expected
    assert len(results(response).filters.rejected) == len(expected)
    body = response.content.decode()
    for param, rejected in expected:
        assert notice_line(param, rejected) in body
    assert SCRIPT not in body
    # Every filter was bad, so the page lists exactly what it lists unfiltered.
    assert results(response).total == results(unfiltered).total
    assert slugs(response) == slugs(unfiltered)


@pytest.mark.parametrize("page", PAGES)
def test_raw_unencoded_hostile_query_strings_are_escaped_everywhere_on_the_page(client, page):
    # Browsers encode < > and " but a hand-made request need not: the raw query string
    # is echoed in the language links and must still come out escaped.
    response = client.get(f'{page}?objective="><script>alert(1)</script>&sort=\'"><b>x')
    assert response.status_code == 200
    body = response.content.decode()
    assert SCRIPT not in body
    assert '"><b>' not in body
    if "objective" in free_filters(page):
        assert ("objective", '"><script>alert(1)</script>') in named(response)
        assert notice_line("objective", '"><script>alert(1)</script>') in body
    assert ("sort", "'\"><b>x") in named(response)


def test_a_ten_thousand_character_value_is_named_by_its_first_characters_only(client):
    value = "migrant" * 1500
    response = client.get("/en/practices/", {"region": value})
    assert response.status_code == 200
    assert named(response) == {("region", value[:MAX_VALUE_LENGTH])}
    page = text(response)
    assert f"region = “{value[:MAX_VALUE_LENGTH]}”" in page
    assert value[: MAX_VALUE_LENGTH + 1] not in page


NUMERIC_NONSENSE = [
    ("objective", "abc"),
    ("objective", "1.5"),
    ("objective", "-3"),
    ("objective", "999999999999999999999"),
    ("objective", "0"),
    ("objective", "24"),
    ("objective", "1e1"),
    ("year", "20x1"),
    ("year", "1899"),
    ("year", "2101"),
    ("year", "-2019"),
    ("year", "201"),
    ("year", "20190"),
]


@pytest.mark.parametrize(("param", "value"), NUMERIC_NONSENSE)
def test_numbers_that_are_not_a_valid_objective_or_year_are_ignored_and_named(client, param, value):
    response = client.get("/en/practices/", {param: value})
    assert response.status_code == 200
    assert named(response) == {(param, value)}
    assert notice_line(param, value) in response.content.decode()
    assert slugs(response) == slugs(client.get("/en/practices/"))


@pytest.mark.parametrize("value", ["-1", "0", "abc", "99999", "1.5", "", "\x00", SCRIPT])
def test_a_bad_page_number_shows_a_page_of_the_list_and_nothing_else_changes(client, value):
    response = client.get("/en/practices/", {"page": value})
    assert response.status_code == 200
    assert results(response).page.number == 1  # the only page of six practices
    assert slugs(response) == slugs(client.get("/en/practices/"))
    assert SCRIPT not in response.content.decode()
    assert "6 items" in text(response)


@pytest.mark.parametrize("page", PAGES)
def test_valid_filters_next_to_bad_ones_still_apply(client, page):
    unfiltered = results(client.get(page))
    facet, value = min(
        ((f, v) for f in unfiltered.facets for v in f.values), key=lambda pair: pair[1].count
    )
    valid_only = client.get(page, {facet.name: value.value})
    bad = {name: "<bad>" for name in free_filters(page) if name != facet.name}
    response = client.get(page, {facet.name: [value.value, "<bad>"], **bad})

    assert response.status_code == 200
    assert results(response).total == value.count
    assert slugs(response) == slugs(valid_only)
    assert named(response) == {(name, "<bad>") for name in [*bad, facet.name]}
    selected = next(f for f in results(response).facets if f.name == facet.name)
    assert [v.value for v in selected.values if v.selected] == [value.value]


def test_a_good_objective_applies_when_a_bad_one_sits_beside_it(client):
    response = client.get("/en/practices/?region=americas&objective=10&objective=abc&year=20x1")
    assert response.status_code == 200
    assert set(slugs(response)) == {"brazil-labour-inspection", "california-ab-629"}
    assert named(response) == {("objective", "abc"), ("year", "20x1")}


def test_fifty_copies_of_a_parameter_are_read_once_and_the_notice_stays_short(client):
    query = urlencode(
        [("objective", "abc")] * 50
        + [("region", "americas")] * 50
        + [("sort", "newest")] * 50
        + [("year", "<b>")] * 50
    )
    response = client.get(f"/en/practices/?{query}")
    assert response.status_code == 200
    listing = results(response)
    assert slugs(response) == slugs(client.get("/en/practices/?region=americas&sort=newest"))
    assert listing.filters.values["region"] == ["americas"]
    assert listing.filters.sort == "newest"
    assert named(response) == {("objective", "abc"), ("year", "<b>")}
    assert len(listing.filters.rejected) <= 2 * MAX_VALUES_PER_FILTER
    body = response.content.decode()
    assert notice_line("year", "<b>") in body
    assert "<b>" not in body


def test_kind_cannot_be_overridden_on_a_kinds_own_list(client):
    response = client.get("/en/practices/", {"kind": ["document", SCRIPT]})
    assert response.status_code == 200
    assert {card.item.kind for card in results(response).cards} == {"practice"}
    assert slugs(response) == slugs(client.get("/en/practices/"))
    assert SCRIPT not in response.content.decode()


@pytest.mark.parametrize(("param", "value"), [("objective", "²"), ("year", "²⁰¹⁹")])
def test_superscript_digits_are_ignored_and_named_not_a_server_error(client, param, value):
    client.raise_request_exception = False
    response = client.get("/en/practices/", {param: value})
    assert response.status_code == 200
    assert named(response) == {(param, value)}


@pytest.mark.parametrize("value", ["x" * (MAX_VALUE_LENGTH + 10), " abc "], ids=["long", "padded"])
def test_the_notice_link_for_an_ignored_value_removes_it(client, value):
    response = client.get("/en/practices/", {"objective": value})
    href = next(href for href, label in links(response) if label.startswith("objective ="))
    followed = client.get(f"/en/practices/{href}")
    assert results(followed).filters.rejected == []


# Values are the kind a fuzzer or a broken client sends: any text, control characters
# included, some real filter values among them so that filters also combine.
VALID_VALUES = ["10", "9", "americas", "BRA", "bra", "human-rights", "national", "2019", "fr"]
PARAMS = st.one_of(st.sampled_from([*FILTERS, "sort", "page", "tab"]), st.text(max_size=12))
VALUES = st.one_of(
    st.text(max_size=80),
    st.text(st.characters(categories=["Cc", "Zs", "Nd"], include_characters="-.%&="), max_size=8),
    st.sampled_from(VALID_VALUES),
)


@pytest.mark.usefixtures("no_page_cache")  # every example renders, none is a kept page
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.dictionaries(PARAMS, st.lists(VALUES, max_size=4), max_size=6))
def test_any_query_string_gives_the_list_with_its_count_line(client, query):
    response = client.get(f"/en/practices/?{urlencode(query, doseq=True)}")
    assert response.status_code == 200
    listing = results(response)
    count = re.search(r'<p class="count" role="status">(\d+) items?</p>', response.content.decode())
    assert count, "the count line is missing"
    assert int(count.group(1)) == listing.total
    body = response.content.decode()
    for rejected in listing.filters.rejected:
        assert notice_line(rejected.param, rejected.value) in body


UNKNOWN_ADDRESSES = [
    "/en/countries/ZZZ/",
    "/en/countries/BR/",
    f"/en/countries/{quote('<script>', safe='')}/",
    f"/en/countries/{quote(SCRIPT, safe='')}/",
    "/en/countries/BRAZ/",
    "/en/regions/atlantis/",
    "/en/principles/nope/",
    "/en/practices/no-such-slug/",
    "/en/resources/brazil-labour-inspection/",  # a practice's slug under the wrong kind
    "/en/practices/unodc-global-report-trafficking-2020/",  # and a document's
]


@pytest.mark.parametrize("path", UNKNOWN_ADDRESSES)
def test_unknown_slugs_and_codes_give_the_404_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    assert NOT_FOUND_HEADING in body
    assert SCRIPT not in body


def test_the_404_page_names_the_unknown_country_code_escaped(client):
    response = client.get(f"/en/countries/{quote('<script>', safe='')}/")
    body = response.content.decode()
    assert "No country has the code &lt;script&gt;." in body
    assert "<script>" not in body


def test_a_lower_case_country_code_shows_the_country(client):
    response = client.get("/en/countries/bra/")
    assert response.status_code == 200
    assert response.context["country"].iso3 == "BRA"
    assert "brazil-labour-inspection" in slugs(response)
    title = Item.objects.get(slug="brazil-labour-inspection").safe_translation_getter(
        "title", language_code="en"
    )
    assert title in text(response)


def _status(client, path: str) -> int:
    client.raise_request_exception = False
    return client.get(path).status_code


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(segment=st.one_of(st.text(max_size=8), st.sampled_from(["BRA", "bra", "Usa", "XKX"])))
def test_any_country_segment_gives_the_country_or_the_404_page(client, segment):
    codes = set(Country.objects.values_list("iso3", flat=True))
    real = len(segment) == 3 and segment.upper() in codes
    status = _status(client, f"/en/countries/{quote(segment, safe='')}/")
    assert status == (200 if real else 404), segment


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind_path=st.sampled_from(list(KIND_PATHS.items())),
    segment=st.one_of(
        st.text(max_size=40),
        st.sampled_from(
            ["california-ab-629", "redtram", "a-74-127-coordinating-action-against-trafficking"]
        ),
    ),
)
def test_any_slug_segment_gives_the_item_or_the_404_page(client, kind_path, segment):
    kind, path = kind_path
    slugs = set(Item.objects.public().filter(kind=kind).values_list("slug", flat=True))
    real = segment in slugs
    status = _status(client, f"/en/{path}/{quote(segment, safe='')}/")
    assert status == (200 if real else 404), segment
