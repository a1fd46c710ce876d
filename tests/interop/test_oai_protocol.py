"""OAI-PMH verbs, arguments, errors, sets, dates and deleted records, answered over the
test client and each answer validated against the schemas."""

from datetime import UTC, datetime, timedelta

import pytest
import xmlschema
from django.conf import settings

from gcmhub.calls.models import Call
from gcmhub.catalog.models import Item, Practice, Status
from gcmhub.interop.oai.tokens import token_decode
from tests.interop.oai_support import (
    DC,
    OAI,
    SCHEMAS,
    XML_LANG,
    G,
    error_codes,
    local_gcmhub_xsd,
    validate,
)

pytestmark = pytest.mark.usefixtures("demo")


def oai(client, **params):
    response = client.get("/oai", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return validate(response.content)


def identifier(slug: str) -> str:
    item = Item.objects.get(slug=slug)
    return f"oai:{settings.GCMHUB_OAI_NAMESPACE}:{item.kind}/{slug}"


def slugs(root) -> list[str]:
    return [i.text.rsplit("/", 1)[1] for i in root.iter(f"{OAI}identifier")]


def withdraw(slug: str) -> Item:
    item = Item.objects.get(slug=slug)
    item.status = Status.WITHDRAWN
    item.save()
    return item


def test_identify_describes_the_repository(client, settings):
    settings.GCMHUB_ADMIN_EMAIL = "hub@example.net"
    Item.objects.filter(slug="redtram").update(updated_at=datetime(2020, 5, 4, 3, 2, 1, tzinfo=UTC))
    root = oai(client, verb="Identify")
    answer = root.find(f"{OAI}Identify")
    text = {child.tag.removeprefix(OAI): child.text for child in answer}
    assert text["repositoryName"] == "GCM Hub"
    assert text["baseURL"] == "http://testserver/oai"
    assert text["protocolVersion"] == "2.0"
    assert text["adminEmail"] == "hub@example.net"
    assert text["earliestDatestamp"] == "2020-05-04T03:02:01Z"
    assert text["deletedRecord"] == "persistent"
    assert text["granularity"] == "YYYY-MM-DDThh:mm:ssZ"
    assert root.find(f"{OAI}request").get("verb") == "Identify"


def test_a_draft_is_not_the_earliest_datestamp(client):
    draft = Practice.objects.get(slug="redtram")
    draft.status = Status.DRAFT
    draft.save()
    Item.objects.filter(pk=draft.pk).update(updated_at=datetime(2001, 1, 1, tzinfo=UTC))
    earliest = oai(client, verb="Identify").find(f".//{OAI}earliestDatestamp").text
    assert not earliest.startswith("2001")


def test_metadata_formats_for_the_repository_and_for_one_item(client):
    for params in ({}, {"identifier": identifier("redtram")}):
        root = oai(client, verb="ListMetadataFormats", **params)
        formats = {
            f.findtext(f"{OAI}metadataPrefix"): f.findtext(f"{OAI}metadataNamespace")
            for f in root.iter(f"{OAI}metadataFormat")
        }
        assert formats == {
            "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
            "gcmhub": "https://w3id.org/gcmhub/oai/item/1.0",
        }
    schema = root.find(f".//{OAI}metadataFormat[{OAI}metadataPrefix='gcmhub']/{OAI}schema").text
    assert schema == "http://testserver/static/oai/gcmhub-1.0.xsd"


def test_list_sets_names_every_set_in_english_and_in_every_language(client):
    Call.objects.update(is_published=False)
    hidden = Call.objects.first()
    root = oai(client, verb="ListSets")
    sets = {s.findtext(f"{OAI}setSpec"): s for s in root.iter(f"{OAI}set")}
    assert {"kind", "kind:practice", "kind:video", "objective", "objective:1", "objective:23"} <= (
        sets.keys()
    )
    assert {"region", "region:africa", "call"} <= sets.keys()
    assert f"call:{hidden.slug}" not in sets  # only published calls
    assert sets["kind:practice"].findtext(f"{OAI}setName") == "Practices"
    titles = {t.get(XML_LANG): t.text for t in sets["kind:practice"].iter(f"{DC}title")}
    assert titles["fr"] == "Pratiques" and set(titles) == {"fr", "en", "es", "ar", "zh-hans", "ru"}
    assert sets["objective:10"].findtext(f"{OAI}setName").startswith("10. ")


def test_a_published_call_is_a_set_of_the_practices_answering_it(client):
    call = Call.objects.first()
    call.is_published = True
    call.save()
    practice = Practice.objects.get(slug="redtram")
    practice.call = call
    practice.save()
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=f"call:{call.slug}")
    assert slugs(root) == ["redtram"]
    assert f"call:{call.slug}" in [s.text for s in root.iter(f"{OAI}setSpec")]
    record = oai(
        client, verb="GetRecord", metadataPrefix="gcmhub", identifier=identifier("redtram")
    )
    assert record.find(f".//{G}practice/{G}call").get("slug") == call.slug
    call.is_published = False
    call.save()
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=f"call:{call.slug}")
    assert error_codes(root) == ["noRecordsMatch"]
    record = oai(
        client, verb="GetRecord", metadataPrefix="gcmhub", identifier=identifier("redtram")
    )
    assert record.find(f".//{G}call") is None
    assert f"call:{call.slug}" not in [s.text for s in record.iter(f"{OAI}setSpec")]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("kind:practice", lambda: Item.objects.public().filter(kind="practice")),
        ("kind", lambda: Item.objects.public()),
        ("objective:9", lambda: Item.objects.public().filter(objective_links__objective__number=9)),
        (
            "region:americas",
            lambda: (
                Item.objects.public().filter(regions__slug="americas")
                | Item.objects.public().filter(countries__region__slug="americas")
            ),
        ),
    ],
)
def test_sets_select_exactly_their_items(client, settings, spec, expected):
    settings.GCMHUB_OAI_PAGE_SIZE = 1000
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
    assert sorted(slugs(root)) == sorted(set(expected().values_list("slug", flat=True)))


def test_get_record_in_dublin_core(client):
    root = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier("redtram"))
    dc = root.find(f".//{OAI}metadata/{{http://www.openarchives.org/OAI/2.0/oai_dc/}}dc")

    def values(name):
        return [e.text for e in dc.iter(f"{DC}{name}")]

    def languages(name):
        return {e.get(XML_LANG) for e in dc.iter(f"{DC}{name}")}

    item = Practice.objects.get(slug="redtram")
    # Straight from the database: parler's cache may hold another test's rolled-back title.
    assert item.translations.get(language_code="en").title in values("title")
    assert languages("title") == set(item.get_available_languages())
    assert "http://testserver/en/practices/redtram/" in values("identifier")
    assert "BRA" in values("coverage") and "Brazil" in values("coverage")
    assert any(v.startswith("GCM objective 9:") for v in values("subject"))
    assert values("date") == ["2018-09"]
    assert "practice" in values("type")
    assert "United Nations Office on Drugs and Crime" in values("creator")


def test_get_record_in_the_hub_format_carries_every_public_field(client):
    root = oai(client, verb="GetRecord", metadataPrefix="gcmhub", identifier=identifier("redtram"))
    item = root.find(f".//{G}item")
    assert item.get("kind") == "practice" and item.get("sourceLanguage") == "fr"
    assert [o.get("number") for o in item.iter(f"{G}objective")] == ["9"]
    assert {c.get("iso3") for c in item.iter(f"{G}country")} == {"ARG", "BRA", "COL"}
    assert item.findtext(f"{G}scope") == "regional"
    assert len(item.findall(f"{G}translation")) == 3
    assert item.find(f"{G}practice/{G}practiceType") is not None


def test_the_hub_format_also_validates_with_xmlschema(client, settings):
    """A second, independent validator for the format we wrote ourselves."""
    settings.GCMHUB_OAI_PAGE_SIZE = 1000
    schema = xmlschema.XMLSchema(str(local_gcmhub_xsd()))
    dc_schema = xmlschema.XMLSchema(str(SCHEMAS / "oai_dc.xsd"))
    for prefix, check in (("gcmhub", schema), ("oai_dc", dc_schema)):
        root = oai(client, verb="ListRecords", metadataPrefix=prefix)
        for metadata in root.iter(f"{OAI}metadata"):
            check.validate(metadata[0])


def test_a_withdrawn_item_is_a_deleted_record_without_metadata(client):
    withdraw("redtram")
    root = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier("redtram"))
    assert root.find(f".//{OAI}header").get("status") == "deleted"
    assert root.find(f".//{OAI}metadata") is None
    listed = oai(client, verb="ListRecords", metadataPrefix="gcmhub", set="kind:practice")
    headers = {h.findtext(f"{OAI}identifier"): h for h in listed.iter(f"{OAI}header")}
    assert headers[identifier("redtram")].get("status") == "deleted"
    formats = oai(client, verb="ListMetadataFormats", identifier=identifier("redtram"))
    assert error_codes(formats) == ["noMetadataFormats"]


def test_a_withdrawal_moves_the_datestamp(client):
    before = datetime.now(UTC).replace(microsecond=0)
    Item.objects.filter(slug="redtram").update(updated_at=before - timedelta(days=400))
    withdraw("redtram")
    root = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier("redtram"))
    stamp = datetime.strptime(root.findtext(f".//{OAI}datestamp"), "%Y-%m-%dT%H:%M:%SZ")
    assert stamp.replace(tzinfo=UTC) >= before


def test_drafts_and_never_published_items_appear_nowhere(client):
    draft = Practice.objects.get(slug="redtram")
    draft.status = Status.DRAFT
    draft.focal_point_name, draft.focal_point_email = "Ana Secreta", "ana@example.org"
    draft.save()
    never = Practice.objects.get(slug="project-protect")
    never.status = Status.WITHDRAWN
    never.save()
    Item.objects.filter(pk=never.pk).update(published_at=None)
    public = Practice.objects.get(slug="california-ab-629")
    public.focal_point_name, public.focal_point_email = "Bo Private", "bo@example.org"
    public.save()
    bodies = b""
    for prefix in ("oai_dc", "gcmhub"):
        for verb in ("ListRecords", "ListIdentifiers"):
            bodies += client.get("/oai", {"verb": verb, "metadataPrefix": prefix}).content
        for slug in ("redtram", "project-protect"):
            root = oai(client, verb="GetRecord", metadataPrefix=prefix, identifier=identifier(slug))
            assert error_codes(root) == ["idDoesNotExist"]
        bodies += client.get(
            "/oai",
            {
                "verb": "GetRecord",
                "metadataPrefix": prefix,
                "identifier": identifier("california-ab-629"),
            },
        ).content
    bodies += client.get("/oai", {"verb": "ListSets"}).content
    for secret in (
        "redtram",
        "project-protect",
        "Ana Secreta",
        "ana@example.org",
        "Bo Private",
        "bo@example.org",
    ):
        assert secret.encode() not in bodies
    assert b"california-ab-629" in bodies


def test_no_private_field_has_a_place_in_the_hub_format():
    text = local_gcmhub_xsd().read_text().lower()
    for field in Practice.PRIVATE_FIELDS:
        assert field.replace("_", "") not in text.replace("_", "")
    assert "focal" not in text.replace("focal point is private", "")


# from / until -------------------------------------------------------------------------

MOMENT = datetime(2022, 3, 14, 15, 9, 26, 535000, tzinfo=UTC)


def stamp_all_but_redtram_long_ago():
    Item.objects.exclude(slug="redtram").update(updated_at=datetime(2019, 1, 1, tzinfo=UTC))
    Item.objects.filter(slug="redtram").update(updated_at=MOMENT)


@pytest.mark.parametrize(
    ("bounds", "found"),
    [
        ({"from": "2022-03-14T15:09:26Z"}, True),
        ({"from": "2022-03-14T15:09:27Z"}, False),
        ({"until": "2022-03-14T15:09:26Z", "from": "2022-03-14T15:09:26Z"}, True),
        ({"until": "2022-03-14T15:09:25Z", "from": "2020-01-01T00:00:00Z"}, False),
        ({"from": "2022-03-14"}, True),
        ({"from": "2022-03-15"}, False),
        ({"from": "2022-03-14", "until": "2022-03-14"}, True),
        ({"from": "2020-01-01", "until": "2022-03-13"}, False),
    ],
)
def test_from_and_until_include_the_second_or_day_they_name(client, bounds, found):
    stamp_all_but_redtram_long_ago()
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **bounds)
    if found:
        assert slugs(root) == ["redtram"]
    else:
        assert error_codes(root) == ["noRecordsMatch"]


def test_until_alone_selects_what_changed_before(client, settings):
    settings.GCMHUB_OAI_PAGE_SIZE = 1000
    stamp_all_but_redtram_long_ago()
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2019-01-01")
    assert len(slugs(root)) == Item.objects.public().count() - 1


# flow control -------------------------------------------------------------------------


def test_a_resumption_token_carries_the_query_and_continues_it(client, settings):
    settings.GCMHUB_OAI_PAGE_SIZE = 2
    first = oai(client, verb="ListRecords", metadataPrefix="gcmhub", set="kind:practice")
    token = first.find(f".//{OAI}resumptionToken")
    assert token.get("cursor") == "0"
    assert token.get("completeListSize") == str(
        Item.objects.public().filter(kind="practice").count()
    )
    position = token_decode(token.text, verb="ListRecords")
    assert (position.metadata_prefix, position.set_spec, position.cursor) == (
        "gcmhub",
        "kind:practice",
        2,
    )
    seen = slugs(first)
    while token is not None and token.text:
        page = oai(client, verb="ListRecords", resumptionToken=token.text)
        request = page.find(f"{OAI}request")
        assert (
            request.get("resumptionToken") == token.text and request.get("metadataPrefix") is None
        )
        seen += slugs(page)
        token = page.find(f".//{OAI}resumptionToken")
    practices = Item.objects.public().filter(kind="practice").values_list("slug", flat=True)
    assert sorted(seen) == sorted(practices)


def test_an_item_changed_during_a_harvest_is_sent_again_not_lost(client, settings):
    settings.GCMHUB_OAI_PAGE_SIZE = 3
    first = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    already = slugs(first)
    changed = Item.objects.get(slug=already[0])
    changed.save()  # a new datestamp, after every other
    seen = list(already)
    token = first.find(f".//{OAI}resumptionToken").text
    while token:
        page = oai(client, verb="ListIdentifiers", resumptionToken=token)
        seen += slugs(page)
        token = page.find(f".//{OAI}resumptionToken").text
    assert seen.count(already[0]) == 2
    assert set(seen) == set(Item.objects.public().values_list("slug", flat=True))


# errors: every code, each a valid answer ----------------------------------------------


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "gcmhub"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-13-01"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01T00:00Z"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01T00:00:00"},
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2020-01-01",
                "until": "2021-01-01T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2021-01-02",
                "until": "2021-01-01",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "kind::x"}, "badArgument"),
        (
            {"verb": "ListRecords", "resumptionToken": "abc", "metadataPrefix": "oai_dc"},
            "badArgument",
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "two words"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
        ({"verb": "ListIdentifiers", "resumptionToken": "e30"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "abc"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "metadataPrefix": "marc21", "identifier": "oai:x:y"},
            "cannotDisseminateFormat",
        ),
        (
            {
                "verb": "GetRecord",
                "metadataPrefix": "oai_dc",
                "identifier": "oai:elsewhere.org:practice/redtram",
            },
            "idDoesNotExist",
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "urn:isbn:0451450523"},
            "idDoesNotExist",
        ),
        ({"verb": "ListMetadataFormats", "identifier": "oai:x:practice/none"}, "idDoesNotExist"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "objective:99"},
            "noRecordsMatch",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "colour:red"},
            "noRecordsMatch",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "1999-12-31"},
            "noRecordsMatch",
        ),
    ],
)
def test_each_error_has_its_code_in_a_valid_answer(client, params, code):
    root = oai(client, **params)
    assert error_codes(root) == [code]
    request = root.find(f"{OAI}request")
    if code in ("badVerb", "badArgument"):
        assert dict(request.attrib) == {}  # the base URL only (spec §3.6)
    else:
        assert request.get("verb") == params["verb"]
    assert request.text == "http://testserver/oai"


def test_no_metadata_formats_for_a_withdrawn_item(client):
    withdraw("redtram")
    root = oai(client, verb="ListMetadataFormats", identifier=identifier("redtram"))
    assert error_codes(root) == ["noMetadataFormats"]


def test_a_token_for_another_verb_is_refused(client, settings):
    settings.GCMHUB_OAI_PAGE_SIZE = 2
    token = oai(client, verb="ListRecords", metadataPrefix="oai_dc").findtext(
        f".//{OAI}resumptionToken"
    )
    root = oai(client, verb="ListIdentifiers", resumptionToken=token)
    assert error_codes(root) == ["badResumptionToken"]


def test_post_answers_like_get(client):
    response = client.post(
        "/oai", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "kind:video"}
    )
    root = validate(response.content)
    assert response.status_code == 200 and len(slugs(root)) == 2


def test_oai_is_open_to_other_origins(client):
    response = client.get("/oai", {"verb": "Identify"}, HTTP_ORIGIN="https://elsewhere.example")
    assert response["Access-Control-Allow-Origin"] == "*"
