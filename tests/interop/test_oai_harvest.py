"""A third-party harvester (sickle) collects the whole repository over real HTTP, page by
page through resumption tokens; every answer it receives is validated against the
OAI-PMH, oai_dc and gcmhub schemas, and what it collects matches the public catalogue."""

import pytest
import requests
from sickle import Sickle

from gcmhub.catalog.actions import item_reindex
from gcmhub.catalog.models import Item, Practice, Status
from tests.interop.oai_support import DC, OAI, G, validate

PAGE_SIZE = 4
SECRET_NAME, SECRET_EMAIL = "Ana Secreta", "ana.secreta@example.org"


class ValidatingSickle(Sickle):
    """Sickle that keeps and validates every raw answer it gets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bodies: list[bytes] = []

    def harvest(self, **kwargs):
        response = super().harvest(**kwargs)
        validate(response.http_response.content)
        self.bodies.append(response.http_response.content)
        return response


@pytest.fixture
def repository(live_demo, settings):
    """The demo catalogue with one item withdrawn, one back in draft and a private contact
    on a published practice; served with small pages so every list needs tokens."""
    settings.GCMHUB_OAI_PAGE_SIZE = PAGE_SIZE
    withdrawn = Item.objects.get(slug="gcm-talk-migrant-smuggling")
    withdrawn.status = Status.WITHDRAWN
    withdrawn.save()
    item_reindex(item=withdrawn)
    draft = Practice.objects.get(slug="redtram")
    draft.status = Status.DRAFT
    draft.focal_point_name, draft.focal_point_email = "Draft Person", "draft@example.org"
    draft.save()
    item_reindex(item=draft)
    public = Practice.objects.get(slug="brazil-labour-inspection")
    public.focal_point_name, public.focal_point_email = SECRET_NAME, SECRET_EMAIL
    public.save()
    return live_demo


def public_count(live_server) -> int:
    return requests.get(f"{live_server.url}/api/v1/search", timeout=30).json()["count"]


@pytest.mark.parametrize("prefix", ["oai_dc", "gcmhub"])
def test_a_full_harvest_of_records_matches_the_public_catalogue(repository, prefix):
    sickle = ValidatingSickle(f"{repository.url}/oai")
    records = list(sickle.ListRecords(metadataPrefix=prefix, ignore_deleted=False))

    live = [r for r in records if not r.deleted]
    deleted = [r for r in records if r.deleted]
    assert len(live) == public_count(repository) == Item.objects.public().count()
    assert [r.header.identifier.rsplit(":", 1)[1] for r in deleted] == [
        "event/gcm-talk-migrant-smuggling"
    ]
    assert all(r.xml.find(f"{OAI}metadata") is None for r in deleted)
    assert all(r.xml.find(f"{OAI}metadata") is not None for r in live)
    identifiers = [r.header.identifier for r in records]
    assert len(identifiers) == len(set(identifiers)), "a record came twice"
    # Enough pages that resumption tokens really carried the harvest.
    assert len(sickle.bodies) == -(-len(records) // PAGE_SIZE) >= 4
    assert not any("/redtram" in i for i in identifiers)
    for body in sickle.bodies:
        for secret in (SECRET_NAME, SECRET_EMAIL, "Draft Person", "draft@example.org", "redtram"):
            assert secret.encode() not in body


def test_resumption_tokens_give_cursor_and_complete_list_size(repository):
    sickle = ValidatingSickle(f"{repository.url}/oai")
    headers = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", ignore_deleted=False))
    total = Item.objects.public().count() + 1
    assert len(headers) == total
    tokens = [validate(body).find(f".//{OAI}resumptionToken") for body in sickle.bodies]
    assert [int(t.get("cursor")) for t in tokens] == list(range(0, total, PAGE_SIZE))
    assert {int(t.get("completeListSize")) for t in tokens} == {total}
    assert all(t.text for t in tokens[:-1]) and not tokens[-1].text
    datestamps = [(h.datestamp, h.identifier) for h in headers]
    assert [d for d, _ in datestamps] == sorted(d for d, _ in datestamps)


def test_a_harvest_by_post_gets_the_same_records(repository):
    by_get = Sickle(f"{repository.url}/oai").ListIdentifiers(metadataPrefix="gcmhub")
    by_post = ValidatingSickle(f"{repository.url}/oai", http_method="POST").ListIdentifiers(
        metadataPrefix="gcmhub"
    )
    assert [h.identifier for h in by_get] == [h.identifier for h in by_post]


def test_a_set_harvest_gives_exactly_the_items_of_the_set(repository):
    sickle = ValidatingSickle(f"{repository.url}/oai")
    records = list(sickle.ListRecords(metadataPrefix="gcmhub", set="objective:10"))
    # The withdrawn event was in the set: harvesters of the set learn of its deletion.
    deleted = [r.header.identifier for r in records if r.deleted]
    assert [i.rsplit(":", 1)[1] for i in deleted] == ["event/gcm-talk-migrant-smuggling"]
    records = [r for r in records if not r.deleted]
    expected = set(
        Item.objects.public()
        .filter(objective_links__objective__number=10)
        .values_list("slug", flat=True)
    )
    assert expected
    slugs = {r.header.identifier.rsplit("/", 1)[1] for r in records}
    assert slugs == expected
    for record in records:
        assert "objective:10" in record.header.setSpecs
        numbers = [o.get("number") for o in record.xml.iter(f"{G}objective")]
        assert "10" in numbers


def test_identify_and_formats_through_sickle(repository):
    sickle = ValidatingSickle(f"{repository.url}/oai")
    identify = sickle.Identify()
    assert identify.repositoryName == "GCM Hub"
    assert identify.baseURL == f"{repository.url}/oai"
    assert identify.deletedRecord == "persistent"
    prefixes = [f.metadataPrefix for f in sickle.ListMetadataFormats()]
    assert prefixes == ["oai_dc", "gcmhub"]
    sets = [s.setSpec for s in sickle.ListSets()]
    assert {"kind:practice", "objective:10", "region:africa"} <= set(sets)
    schema = next(f.schema for f in sickle.ListMetadataFormats() if f.metadataPrefix == "gcmhub")
    served = requests.get(schema, timeout=30)
    assert served.status_code == 200 and b"targetNamespace" in served.content
    titles = [e.text for e in validate(sickle.bodies[-1]).iter(f"{DC}title")]
    assert titles == []  # ListMetadataFormats has no set descriptions
