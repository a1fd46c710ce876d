"""ETag and Last-Modified on every GET; If-None-Match / If-Modified-Since give 304; the
ETag changes when the content does."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date

from gcmhub.audit.actions import audit_record
from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.catalog.actions import item_reindex
from gcmhub.catalog.models import Item
from gcmhub.interop.api import conditional
from tests.interop.api_helpers import every_get_address

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def settled(db, monkeypatch):
    """The last audited change an hour ago (Last-Modified is left out within a second),
    the code older still."""
    AuditEntry.objects.update(created_at=timezone.now() - timedelta(hours=1))
    monkeypatch.setattr(conditional, "_code_time", lambda: timezone.now() - timedelta(days=1))


def test_every_get_carries_validators_and_answers_304_to_them(client, settled):
    for address in [*every_get_address(client), "/api/v1/openapi.json", "/api/v1/docs"]:
        response = client.get(address)
        assert response.status_code == 200, address
        etag, last_modified = response["ETag"], response["Last-Modified"]
        assert client.get(address, HTTP_IF_NONE_MATCH=etag).status_code == 304, address
        again = client.get(address, HTTP_IF_MODIFIED_SINCE=last_modified)
        assert again.status_code == 304 and again["ETag"] == etag, address


def test_a_304_has_no_body_and_keeps_the_validators(client, settled):
    etag = client.get("/api/v1/items")["ETag"]
    response = client.get("/api/v1/items", HTTP_IF_NONE_MATCH=f'W/{etag}, "other"')
    assert response.status_code == 304 and response.content == b""
    assert response["ETag"] == etag and response["Last-Modified"]


@pytest.mark.usefixtures("no_page_cache")
def test_the_etag_changes_when_an_items_text_changes(client, settled):
    before = client.get("/api/v1/practices/redtram")["ETag"]
    listed = client.get("/api/v1/items")["ETag"]
    item = Item.objects.get(slug="redtram")
    item.set_current_language("en")
    item.title = "REDTRAM, renamed"
    item.save()
    item_reindex(item=item)
    after = client.get("/api/v1/practices/redtram", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before
    assert after.json()["title"] == "REDTRAM, renamed"
    assert client.get("/api/v1/items", HTTP_IF_NONE_MATCH=listed).status_code == 200


def test_the_etag_differs_by_language(client, settled):
    english = client.get("/api/v1/objectives", {"lang": "en"})["ETag"]
    french = client.get("/api/v1/objectives", {"lang": "fr"})
    assert french["ETag"] != english
    assert "Accept-Language" in french["Vary"]
    by_header = client.get(
        "/api/v1/objectives", HTTP_ACCEPT_LANGUAGE="fr", HTTP_IF_NONE_MATCH=english
    )
    assert by_header.status_code == 200


def test_last_modified_follows_the_latest_audited_write(client, settled):
    old = client.get("/api/v1/regions")["Last-Modified"]
    AuditEntry.objects.update(created_at=timezone.now() - timedelta(hours=2))
    audit_record(actor=None, event_type=AuditEvent.TAXONOMY_LOADED, snapshot={})
    AuditEntry.objects.filter(created_at__gt=timezone.now() - timedelta(minutes=5)).update(
        created_at=timezone.now() - timedelta(minutes=5)
    )
    response = client.get("/api/v1/regions", HTTP_IF_MODIFIED_SINCE=old)
    assert response.status_code == 200
    assert response["Last-Modified"] == http_date(
        (timezone.now() - timedelta(minutes=5)).timestamp()
    )


def test_last_modified_is_left_out_just_after_a_change(client):
    audit_record(actor=None, event_type=AuditEvent.TAXONOMY_LOADED, snapshot={})
    response = client.get(
        "/api/v1/regions", HTTP_IF_MODIFIED_SINCE=http_date(timezone.now().timestamp() + 60)
    )
    assert response.status_code == 200 and "Last-Modified" not in response


def test_head_answers_like_get_without_a_body(client, settled):
    get = client.get("/api/v1/items")
    head = client.head("/api/v1/items")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]
