"""Every account form refuses a post without its CSRF token, and no input, however
strange, gives a server error or creates anything it should not."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmhub.accounts.models import Profile
from gcmhub.notifications.models import Notification
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

User = get_user_model()

FORMS = [
    "/en/account/register/",
    "/en/account/login/",
    "/en/account/logout/",
    "/en/account/confirm/new/",
    "/en/account/password/reset/",
    "/en/account/password/",
    "/en/account/",
]


@pytest.mark.parametrize("path", FORMS)
def test_a_post_without_the_csrf_token_is_refused(make_user, path):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user()) if path in ("/en/account/password/", "/en/account/") else None
    before = User.objects.count()
    response = client.post(
        path,
        {
            "email": "new@example.org",
            "display_name": "X",
            "language": "en",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 403
    assert User.objects.count() == before


def test_the_same_post_with_the_token_is_accepted():
    client = Client(enforce_csrf_checks=True)
    page = client.get("/en/account/register/")
    token = page.context["csrf_token"]
    response = client.post(
        "/en/account/register/",
        {
            "csrfmiddlewaretoken": str(token),
            "email": "new@example.org",
            "display_name": "X",
            "language": "en",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302


def test_every_account_form_carries_its_token(client, make_user):
    for path in ("/en/account/register/", "/en/account/login/", "/en/account/password/reset/"):
        assert 'name="csrfmiddlewaretoken"' in client.get(path).content.decode(), path
    client.force_login(make_user())
    for path in ("/en/account/", "/en/account/password/"):
        assert 'name="csrfmiddlewaretoken"' in client.get(path).content.decode(), path


strange_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00@b.org",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "🦜@🦜.org",
            "a" * 5000,
            "x@" + "y" * 300 + ".org",
            "هجرة@مثال.org",
            "\u202eevil@x.org",
        ]
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    email=strange_text,
    display_name=strange_text,
    organisation=strange_text,
    language=st.one_of(st.sampled_from(["fr", "en", "ar", "xx", ""]), st.text(max_size=20)),
    password=strange_text,
)
def test_registration_never_fails_and_creates_nothing_on_bad_input(
    client, no_rate_limits, email, display_name, organisation, language, password
):
    response = client.post(
        "/en/account/register/",
        {
            "email": email,
            "display_name": display_name,
            "organisation": organisation,
            "language": language,
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert not User.objects.exists()
        assert not Profile.objects.exists()
        assert not Notification.objects.exists()
    else:
        user = User.objects.get()
        assert not user.is_active
        user.delete()
        Notification.objects.all().delete()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(username=strange_text, password=strange_text, next_=strange_text)
def test_sign_in_never_fails_on_any_input(client, username, password, next_):
    response = client.post(
        "/en/account/login/", {"username": username, "password": password, "next": next_}
    )
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
