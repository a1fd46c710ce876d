"""Whatever a curator (or a forged request) posts to the call forms, the answer is a page
or a redirect, never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.calls.conftest import SEEDED

pytestmark = pytest.mark.usefixtures("demo")

FIELDS = [
    "source_language",
    "title",
    "theme",
    "context",
    "who_may_submit",
    "criteria",
    "objectives",
    "partners",
    "timezone",
    "opens_at",
    "deadline",
    "world_day",
    "contact_url",
    "contact_email",
    "is_published",
    "version",
    "slug",
    "tr-en-title",
    "tr-es-remove",
    "add-language",
    "add-title",
]
text_values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999999999999",
            "Europe/Zurich",
            "../../etc/passwd",
            "2030-03-31T02:30",
            "2030-10-27T02:30",
            "0001-01-01T00:00",
            "9999-12-31T23:59",
            "2030-06-24T23:59",
            "2030-02-30",
            "fr",
            "zh-hans",
            "new",
            "on",
            "javascript:alert(1)",
            "a@b",
            "\x00",
        ]
    ),
)
posts = st.dictionaries(
    st.sampled_from(FIELDS), st.one_of(text_values, st.lists(text_values, max_size=3)), max_size=12
)


@pytest.fixture
def curator(client, make_user):
    client.force_login(make_user("curator"))
    return client


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=posts, base=st.booleans())
def test_the_new_call_form_never_fails(curator, call_post, data, base):
    payload = {**call_post(), **data} if base else data
    response = curator.post("/en/calls/new/", payload)
    assert response.status_code in (200, 302)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=posts, base=st.booleans())
def test_the_edit_form_never_fails(curator, call_post, data, base):
    payload = {**call_post(version="1"), **data} if base else data
    response = curator.post(f"/en/calls/{SEEDED}/edit/", payload)
    assert response.status_code in (200, 302, 409)
