"""Rate limits on sign-in, registration, password reset, submissions and the API: over a
limit the answer is 429 with Retry-After, in the reader's language, nothing is written,
and a page's form keeps what was typed."""

import json
import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from lxml import html

from gcmhub.review.models import Submission
from tests.accounts.conftest import PASSWORD, registration_data
from tests.pages import text
from tests.review.test_pages import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    """limits(registration="2/h"): these limits, the others as configured."""

    def set_limits(**rates):
        settings.GCMHUB_RATE_LIMITS = {**settings.GCMHUB_RATE_LIMITS, **rates}

    return set_limits


def kept_form(response) -> dict:
    """What the 429 page's form would send again: {name: [values]}."""
    form = html.fromstring(response.content).xpath("//main//form[@method='post']")[0]
    data: dict = {}
    for field in form.xpath(".//input[@type='hidden']"):
        data.setdefault(field.get("name"), []).append(field.get("value"))
    return data


def assert_limited_page(response, *, says: str):
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert says in text(response)


def test_registration_past_the_limit_is_refused_and_creates_no_account(client, limits):
    limits(registration="2/h")
    for n in range(2):
        response = client.post("/en/account/register/", registration_data(email=f"p{n}@ex.org"))
        assert response.status_code == 302
    response = client.post("/en/account/register/", registration_data(email="third@ex.org"))
    assert_limited_page(response, says="Please try again in")
    assert not get_user_model().objects.filter(email="third@ex.org").exists()


def test_the_limited_page_keeps_what_was_typed_but_never_a_password(client, limits):
    limits(registration="1/h")
    client.post("/en/account/register/", registration_data(email="first@ex.org"))
    response = client.post("/en/account/register/", registration_data(email="kept@ex.org"))
    kept = kept_form(response)
    assert kept["email"] == ["kept@ex.org"] and kept["display_name"] == ["Amina Diallo"]
    assert "password1" not in kept and PASSWORD not in response.content.decode()
    assert "Passwords are not kept" in text(response)


def test_sending_the_kept_form_again_after_the_wait_registers(client, limits):
    from django.core.cache import caches

    limits(registration="1/h")
    client.post("/en/account/register/", registration_data(email="first@ex.org"))
    kept = kept_form(client.post("/en/account/register/", registration_data(email="x@ex.org")))
    caches["ratelimit"].clear()  # the hour has passed
    response = client.post(
        "/en/account/register/", {**kept, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="x@ex.org").exists()


def test_the_limited_page_speaks_the_page_language(client, limits):
    limits(registration="1/h")
    client.post("/fr/account/register/", registration_data(email="un@ex.org"))
    response = client.post("/fr/account/register/", registration_data(email="deux@ex.org"))
    assert_limited_page(response, says="Veuillez réessayer dans")
    assert html.fromstring(response.content).get("lang") == "fr"


def test_password_resets_past_the_limit_send_no_email(
    client, make_user, limits, django_capture_on_commit_callbacks
):
    limits(password_reset="2/h")
    confirmed = make_user()
    sent = len(mail.outbox)
    for _ in range(2):
        client.post("/en/account/password/reset/", {"email": confirmed.email})
    assert len(mail.outbox) == sent + 2
    response = client.post("/en/account/password/reset/", {"email": confirmed.email})
    assert_limited_page(response, says="Please try again in")
    assert len(mail.outbox) == sent + 2


def test_sign_ins_past_the_limit_are_refused_even_with_the_right_password(
    client, make_user, limits
):
    limits(login="2/h")
    user = make_user()
    for name in ("someone@ex.org", "other@ex.org"):
        client.post("/en/account/login/", {"username": name, "password": "wrong-one"})
    response = client.post(
        "/en/account/login/", {"username": user.email, "password": "a-long-test-passphrase"}
    )
    assert_limited_page(response, says="Please try again in")
    assert "_auth_user_id" not in client.session
    assert kept_form(response)["username"] == [user.email]


def test_new_submissions_past_the_limit_are_not_stored(client, demo, submitter, limits):
    limits(submission="2/h")
    client.force_login(submitter)
    for _ in range(2):
        assert client.post("/en/submissions/new/", form_data(save="1")).status_code == 302
    response = client.post("/en/submissions/new/", form_data(save="1", title="Third try"))
    assert_limited_page(response, says="Please try again in")
    assert Submission.objects.filter(submitter=submitter).count() == 2
    kept = kept_form(response)
    assert kept["title"] == ["Third try"] and kept["countries"] == ["BRA"]


def test_a_person_is_limited_whatever_address_they_send_from(client, draft, limits):
    limits(submission="2/h")
    client.force_login(draft.submitter)
    edit, start = f"/en/submissions/{draft.uuid}/edit/", draft.lock_version
    for n in range(2):
        client.post(
            edit,
            form_data(lock_version=start + n, save="1"),
            REMOTE_ADDR=f"10.0.0.{n}",
        )
    response = client.post(
        edit,
        form_data(lock_version=start + 2, title="Not saved", submit="1"),
        REMOTE_ADDR="10.0.0.9",
    )
    assert_limited_page(response, says="Please try again in")
    draft.refresh_from_db()
    assert draft.lock_version == start + 2 and draft.content["title"] != "Not saved"
    assert draft.state == "draft"


def test_clients_of_unknown_address_are_counted_together(client, limits):
    """A server on a Unix socket with no proxy header sees no address."""
    limits(registration="1/h")
    client.post("/en/account/register/", registration_data(email="a@ex.org"), REMOTE_ADDR="")
    response = client.post(
        "/en/account/register/", registration_data(email="b@ex.org"), REMOTE_ADDR=""
    )
    assert response.status_code == 429


def test_reading_the_form_pages_is_not_counted(client, limits):
    limits(registration="1/h")
    for _ in range(3):
        assert client.get("/en/account/register/").status_code == 200


def test_api_reads_past_the_limit_get_the_json_error_in_the_asked_language(client, demo, limits):
    limits(api_read="3/m")
    for _ in range(3):
        assert client.get("/api/v1/practices").status_code == 200
    response = client.get("/api/v1/practices?lang=fr")
    body = response.json()
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    assert body["error"]["status"] == 429 and body["error"]["code"] == "too_many_requests"
    assert body["error"]["details"] == [] and "Réessayez dans" in body["error"]["message"]
    assert response["Content-Language"] == "fr"


def test_api_reads_are_counted_per_address(client, demo, limits):
    limits(api_read="1/m")
    assert client.get("/api/v1/objectives", REMOTE_ADDR="192.0.2.1").status_code == 200
    assert client.get("/api/v1/objectives", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/objectives", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_api_writes_past_the_limit_are_refused_per_token_and_write_nothing(
    client, demo, make_user, limits
):
    from gcmhub.accounts.actions import api_token_create

    limits(api_write="2/m")
    person = make_user()
    first = api_token_create(actor=person, name="first")[1]
    second = api_token_create(actor=person, name="second")[1]
    payload = json.dumps({"content": {"title": "From another system"}})

    def create(key):
        return client.post(
            "/api/v1/submissions",
            payload,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )

    assert [create(first).status_code for _ in range(3)] == [201, 201, 429]
    assert Submission.objects.filter(submitter=person).count() == 2
    assert create(second).status_code == 201


def test_the_api_document_describes_the_429(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/practices"]["get"]
    assert "Retry-After" in operation["responses"]["429"]["description"]


def test_an_empty_rate_turns_a_limit_off(client, limits):
    limits(registration="")
    for n in range(3):
        response = client.post("/en/account/register/", registration_data(email=f"o{n}@ex.org"))
        assert response.status_code == 302


def test_behind_a_proxy_the_address_the_proxy_appended_is_counted(client, limits, settings):
    settings.GCMHUB_CLIENT_IP_FROM_PROXY = True
    limits(registration="1/h")
    # The client may send any X-Forwarded-For; the proxy appends the real address last.
    for spoofed in ("1.1.1.1", "2.2.2.2"):
        response = client.post(
            "/en/account/register/",
            registration_data(email=f"{spoofed}@ex.org"),
            HTTP_X_FORWARDED_FOR=f"{spoofed}, 203.0.113.7",
        )
    assert response.status_code == 429
    other = client.post(
        "/en/account/register/",
        registration_data(email="other@ex.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert other.status_code == 302


def _environment(tmp_path, **variables) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(GCMHUB_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="gcmhub.settings")
    env.update(variables)
    return env


COUNT_ONE_REQUEST = (
    "import django; django.setup();"
    "from django.test import RequestFactory;"
    "from gcmhub.core.ratelimits import retry_after;"
    "print(retry_after(RequestFactory().post('/'), 'registration', ['ip']))"
)


@pytest.mark.own_database
def test_server_processes_share_their_counts(tmp_path):
    """Two processes (as gunicorn's workers are) with the same data directory: the second
    sees the requests the first counted."""
    env = _environment(tmp_path, GCMHUB_RATE_REGISTRATION="2/h")

    def one_request_in_a_new_process() -> str:
        run = [sys.executable, "-c", COUNT_ONE_REQUEST]
        return subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout

    answers = [one_request_in_a_new_process() for _ in range(3)]
    assert answers[:2] == ["None\n", "None\n"] and int(answers[2]) > 0


@pytest.mark.own_database
def test_a_malformed_rate_stops_the_server_from_starting(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=_environment(tmp_path, GCMHUB_RATE_API_READ="lots"),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "GCMHUB_RATE_API_READ" in result.stderr


def test_the_limited_page_is_valid_html_in_three_languages(client, limits, tmp_path):
    from tests.html_check import html_errors

    limits(registration="1/h")
    pages = []
    for language in ("fr", "en", "ar"):
        client.post(f"/{language}/account/register/", registration_data(email=f"{language}@a.org"))
        response = client.post(f"/{language}/account/register/", registration_data())
        assert response.status_code == 429
        pages.append((f"{language}-429", response.content))
    errors = html_errors(pages, tmp_path)
    assert not errors, "\n".join(errors)
