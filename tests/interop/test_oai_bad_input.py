"""Hypothesis sends arbitrary verbs and arguments, repeated or not, by GET and POST: the
answer is always HTTP 200 and valid OAI-PMH XML, never a server error."""

import base64
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmhub.interop.oai.arguments import VERBS
from tests.interop.oai_support import OAI, error_codes, validate

pytestmark = pytest.mark.usefixtures("demo")

ARGUMENTS = ["identifier", "metadataPrefix", "from", "until", "set", "resumptionToken"]
# Any text a URL can carry (no lone surrogates), control characters included.
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
GOOD_VALUES = st.sampled_from(
    [
        "oai_dc",
        "gcmhub",
        "2020-01-01",
        "2020-01-01T00:00:00Z",
        "2099-12-31T23:59:59Z",
        "9999-12-31",
        "0001-01-01",
        "kind:practice",
        "objective:10",
        "region:africa",
        "call",
        "e30",
        "eyJ2IjoiTGlzdFJlY29yZHMifQ",
        f"oai:{django_settings.GCMHUB_OAI_NAMESPACE}:practice/redtram",
        f"oai:{django_settings.GCMHUB_OAI_NAMESPACE}:practice/../redtram",
    ]
)
PAIRS = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(["verb", *ARGUMENTS]), TEXT),
        st.one_of(GOOD_VALUES, st.sampled_from(list(VERBS)), TEXT),
    ),
    max_size=6,
)


def check(response) -> None:
    assert response.status_code == 200
    root = validate(response.content)
    answers = [child.tag.removeprefix(OAI) for child in root][2:]
    assert answers == ["error"] * len(answers) or len(answers) == 1


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pairs=PAIRS, post=st.booleans())
def test_any_request_gets_a_valid_answer(client, pairs, post):
    if post:
        response = client.post(
            "/oai", urlencode(pairs), content_type="application/x-www-form-urlencoded"
        )
    else:
        response = client.get("/oai?" + urlencode(pairs))
    check(response)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    verb=st.sampled_from(list(VERBS)),
    arguments=st.dictionaries(st.sampled_from(ARGUMENTS), st.one_of(GOOD_VALUES, TEXT), max_size=4),
)
def test_every_verb_with_any_of_its_arguments_gets_a_valid_answer(client, verb, arguments):
    check(client.get("/oai", {"verb": verb, **arguments}))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    token=st.one_of(
        TEXT,
        st.binary(max_size=80).map(lambda b: base64.urlsafe_b64encode(b).decode()),
    )
)
def test_forged_resumption_tokens_are_refused_cleanly(client, token):
    response = client.get("/oai", {"verb": "ListRecords", "resumptionToken": token})
    check(response)
    assert error_codes(validate(response.content)) in (
        ["badResumptionToken"],
        ["noRecordsMatch"],
        [],
    )
