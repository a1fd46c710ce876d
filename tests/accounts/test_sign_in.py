"""Signing in by email address, the message for an unconfirmed account, the lockout after
five failures, signing out by POST, and the account links in every page header."""

import pytest
from django.contrib.auth import get_user_model

from tests.accounts.conftest import PASSWORD
from tests.pages import links, text

pytestmark = pytest.mark.django_db

User = get_user_model()
UNCONFIRMED = "Your email address is not confirmed yet."
INVALID = "This email address and password do not match an account."


def sign_in(client, username, password=PASSWORD, language="en", **extra):
    return client.post(
        f"/{language}/account/login/", {"username": username, "password": password, **extra}
    )


def test_an_unconfirmed_account_is_told_to_confirm(client, registered):
    response = sign_in(client, "amina.diallo@example.org")
    assert response.status_code == 200
    assert UNCONFIRMED in text(response)
    assert ("/en/account/confirm/new/", "Send me a new confirmation link") in links(response)
    assert "_auth_user_id" not in client.session


def test_an_unconfirmed_account_with_a_wrong_password_hears_only_the_usual_message(
    client, registered
):
    response = sign_in(client, "amina.diallo@example.org", password="wrong-password-1")
    assert INVALID in text(response)
    assert UNCONFIRMED not in text(response)


def test_an_unknown_address_hears_the_usual_message(client):
    response = sign_in(client, "nobody@example.org")
    assert INVALID in text(response)
    assert 'value="nobody@example.org"' in response.content.decode()


def test_a_deactivated_account_is_not_told_to_confirm(client, confirmed):
    User.objects.filter(pk=confirmed.pk).update(is_active=False)
    response = sign_in(client, "amina.diallo@example.org")
    assert INVALID in text(response)
    assert UNCONFIRMED not in text(response)


def test_accounts_made_on_the_command_line_sign_in_by_username_or_address(client, make_user):
    make_user("administrator", username="root", email="root@example.org", password=PASSWORD)
    assert sign_in(client, "root").status_code == 302
    client.logout()
    assert sign_in(client, "Root@Example.org").status_code == 302


def test_signing_in_returns_to_the_page_asked_for_in_the_profile_language(client, confirmed):
    response = sign_in(client, "amina.diallo@example.org", next="/en/practices/?region=americas")
    assert response["Location"] == "/fr/practices/?region=americas"


def test_signing_in_never_redirects_off_site(client, confirmed):
    response = sign_in(client, "amina.diallo@example.org", next="https://evil.example/")
    assert response["Location"] == "/fr/dashboard/"


def test_five_failures_lock_the_account_even_with_the_right_password(client, confirmed):
    # Given five failed attempts (in any case of the address)
    for n in range(5):
        address = "amina.diallo@example.org" if n % 2 else "Amina.Diallo@example.org"
        response = sign_in(client, address, password=f"wrong-{n}")
        assert response.status_code in (200, 429)
    # When the right password is given
    response = sign_in(client, "amina.diallo@example.org", language="fr")
    # Then the person is not signed in, and hears why, in their language
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives de connexion" in text(response)
    assert ("/fr/account/password/reset/", "Réinitialiser mon mot de passe") in links(response)


def test_four_failures_do_not_lock(client, confirmed):
    for n in range(4):
        sign_in(client, "amina.diallo@example.org", password=f"wrong-{n}")
    assert sign_in(client, "amina.diallo@example.org").status_code == 302


def test_signing_out_takes_a_post(client, confirmed):
    client.force_login(confirmed)
    assert client.get("/en/account/logout/").status_code == 405
    response = client.post("/en/account/logout/", follow=True)
    assert "_auth_user_id" not in client.session
    assert "You have signed out." in text(response)


def test_the_header_offers_sign_in_and_register_to_visitors(client):
    page = client.get("/en/practices/")
    assert ("/en/account/login/?next=/en/practices/", "Sign in") in links(page)
    assert ("/en/account/register/", "Register") in links(page)
    assert "Sign out" not in text(page)


def test_the_header_offers_the_account_and_a_sign_out_button_to_members(client, make_user):
    client.force_login(make_user())
    page = client.get("/ar/")
    body = page.content.decode()
    assert ("/ar/account/", "حسابي") in links(page)
    assert 'action="/ar/account/logout/"' in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert "/ar/account/login/" not in body


@pytest.mark.parametrize("path", ["/en/account/login/", "/en/admin/login/"])
def test_an_overlong_name_is_refused_without_a_server_error(client, path):
    response = client.post(path, {"username": "a" * 5000 + "@example.org", "password": "x"})
    assert response.status_code == 200
