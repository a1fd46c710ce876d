"""Other systems submit practices through the API with a personal token, under every
rule of the review workflow."""

import pytest
from django.utils import timezone

from gcmhub.accounts.actions import api_token_create, api_token_revoke
from gcmhub.calls.models import Call
from gcmhub.review.models import Submission, SubmissionState
from tests.review.conftest import CONTENT, CRITERIA_ANSWERS

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def token(make_user):
    user = make_user(username="system")
    _token, key = api_token_create(actor=user, name="National referral database")
    return user, {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def post(client, path, body, headers):
    return client.post(path, body, content_type="application/json", **headers)


def test_without_a_valid_token_nothing_is_read_or_written(client, token):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer not-a-token"}):
        response = post(client, "/api/v1/submissions", {"content": CONTENT}, headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
        assert client.get("/api/v1/submissions", **headers).status_code == 401
    assert not Submission.objects.exists()


def test_a_system_drafts_saves_and_submits_a_practice(client, token):
    user, headers = token
    created = post(client, "/api/v1/submissions", {"content": {"title": "Draft"}}, headers)
    assert created.status_code == 201
    body = created.json()
    assert body["state"] == "draft" and body["content"]["title"] == "Draft"
    reference = body["reference"]

    incomplete = post(client, f"/api/v1/submissions/{reference}/submit", {}, headers)
    assert incomplete.status_code == 422
    fields = {d["field"] for d in incomplete.json()["error"]["details"]}
    assert {"summary", "focal_point_email", "criterion_timeframe"} <= fields

    saved = client.put(
        f"/api/v1/submissions/{reference}",
        {"content": CONTENT, "criteria": CRITERIA_ANSWERS, "lock_version": body["lock_version"]},
        content_type="application/json",
        **headers,
    )
    assert saved.status_code == 200 and saved.json()["lock_version"] == body["lock_version"] + 1
    stale = client.put(
        f"/api/v1/submissions/{reference}",
        {"content": CONTENT, "lock_version": body["lock_version"]},
        content_type="application/json",
        **headers,
    )
    assert stale.status_code == 409 and "Someone saved" in stale.json()["error"]["message"]

    submitted = post(client, f"/api/v1/submissions/{reference}/submit", {}, headers)
    assert submitted.status_code == 200 and submitted.json()["state"] == "submitted"
    assert Submission.objects.get(uuid=reference).submitter == user
    listed = client.get("/api/v1/submissions", **headers).json()
    assert [s["reference"] for s in listed] == [reference]


def test_a_closed_call_refuses_the_submission_and_keeps_the_draft(client, token):
    _user, headers = token
    call = Call.objects.get(slug="call-for-practices-trafficking-2024")
    assert call.deadline < timezone.now()
    body = {"content": CONTENT, "criteria": CRITERIA_ANSWERS, "call": call.slug}
    reference = post(client, "/api/v1/submissions", body, headers).json()["reference"]
    refused = post(client, f"/api/v1/submissions/{reference}/submit", {}, headers)
    assert refused.status_code == 409 and "closed on" in refused.json()["error"]["message"]
    assert Submission.objects.get(uuid=reference).state == SubmissionState.DRAFT


def test_a_token_reaches_only_its_owners_submissions_and_stops_when_revoked(
    client, token, make_user
):
    _user, headers = token
    reference = post(client, "/api/v1/submissions", {"content": CONTENT}, headers).json()[
        "reference"
    ]
    other = make_user()
    other_token, other_key = api_token_create(actor=other, name="Another system")
    other_headers = {"HTTP_AUTHORIZATION": f"Bearer {other_key}"}
    assert client.get(f"/api/v1/submissions/{reference}", **other_headers).status_code == 404
    api_token_revoke(actor=other, token=other_token)
    assert client.get("/api/v1/submissions", **other_headers).status_code == 401


def test_submissions_never_appear_in_the_public_api(client, token):
    _user, headers = token
    post(client, "/api/v1/submissions", {"content": CONTENT}, headers)
    for path in ("/api/v1/search?q=clinics", "/api/v1/practices", "/api/v1/items"):
        body = client.get(path).content.decode()
        assert CONTENT["title"] not in body and CONTENT["focal_point_email"] not in body


def test_the_account_page_makes_a_token_shows_it_once_and_revokes_it(client, make_user):
    user = make_user()
    client.force_login(user)
    page = client.post("/en/account/tokens/", {"name": "My system"}).content.decode()
    key = page.split('id="token-key" type="text" readonly value="')[1].split('"')[0]
    assert client.get("/api/v1/submissions", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    profile = client.get("/en/account/").content.decode()
    assert "My system" in profile and key not in profile
    token = user.api_tokens.get()
    client.post(f"/en/account/tokens/{token.pk}/revoke/")
    assert client.get("/api/v1/submissions", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_the_api_names_every_criterion_of_the_form():
    from gcmhub.interop.api.submissions import CriteriaIn
    from gcmhub.review.content import CRITERIA

    assert set(CriteriaIn.model_fields) == set(CRITERIA)
