"""Third-party clients' view: schemathesis reads the OpenAPI document and fuzzes every
operation of the running app with every check it has (status codes, content types,
response schemas and headers, negative data rejected, positive data accepted, 405s)."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from ninja.responses import NinjaJSONEncoder

from gcmhub.interop.api import api
from gcmhub.wsgi import application


def _document() -> dict:
    # The document /api/v1/openapi.json serves (a test below checks they are the same);
    # built here because the collection phase may not touch the database.
    return json.loads(
        json.dumps(api.get_openapi_schema(path_prefix="/api/v1/"), cls=NinjaJSONEncoder)
    )


schema = schemathesis.openapi.from_dict(_document())
schema.app = application


@pytest.fixture
def keep_db_connection():
    """Django closes the connection after a WSGI request when it is inside a transaction
    (the test's); its test client stops that, and so must a test calling the app."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_fuzzed_document_is_the_served_one(client, demo):
    assert client.get("/api/v1/openapi.json").json() == _document()


@pytest.fixture
def api_key(make_user):
    """A token, so the operations that submit practices are fuzzed past authentication."""
    from gcmhub.accounts.actions import api_token_create

    return api_token_create(actor=make_user(), name="schemathesis")[1]


@pytest.mark.usefixtures("demo", "keep_db_connection")
@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms_to_its_openapi_document(case, api_key):
    # The WSGI test client does not decompress; a real client would.
    case.call_and_validate(
        headers={"Accept-Encoding": "identity", "Authorization": f"Bearer {api_key}"}
    )
