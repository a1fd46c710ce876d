"""The confirmation link: expired, tampered with or already used, it says so clearly and
offers a new link; asking for one reveals nothing about which addresses have accounts."""

import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from gcmhub.accounts.tokens import confirmation_token_make
from gcmhub.audit.models import AuditEntry, AuditEvent
from tests.accounts.conftest import link_in
from tests.pages import text

pytestmark = pytest.mark.django_db

User = get_user_model()
RESENT = "If an account is waiting for confirmation at this address, we have sent it a new link."


def test_an_expired_link_says_so_and_offers_a_new_one(client, registered, settings):
    user, _message = registered
    four_days_ago = time.time() - 4 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=four_days_ago):
        token = confirmation_token_make(user)
    for method in (client.get, client.post):
        response = method(f"/en/account/confirm/{token}/")
        assert response.status_code == 200
        assert "This confirmation link has expired." in text(response)
        assert 'action="/en/account/confirm/new/"' in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active


def test_a_link_within_its_lifetime_still_works(client, registered):
    user, _message = registered
    two_days_ago = time.time() - 2 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=two_days_ago):
        token = confirmation_token_make(user)
    client.post(f"/en/account/confirm/{token}/")
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.parametrize("damage", ["flip", "cut", "garbage", "other-user"])
def test_a_tampered_link_is_refused(client, registered, make_user, damage):
    user, message = registered
    link = link_in(message)
    token = link.rstrip("/").rsplit("/", 1)[1]
    if damage == "flip":
        token = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    elif damage == "cut":
        token = token[: len(token) // 2]
    elif damage == "garbage":
        token = "not-a-token"
    else:
        # A signed payload naming another account but with this account's signature.
        other = make_user()
        other.is_active = False
        other.save()
        _head, _sep, rest = token.partition(":")
        forged = confirmation_token_make(other).partition(":")[0]
        token = f"{forged}:{rest}"
    response = client.post(f"/en/account/confirm/{token}/")
    assert response.status_code == 200
    assert "This confirmation link is not valid." in text(response)
    user.refresh_from_db()
    assert not user.is_active
    assert not AuditEntry.objects.filter(event_type=AuditEvent.USER_CONFIRMED).exists()


def test_a_link_used_twice_says_the_address_is_already_confirmed(client, registered):
    _user, message = registered
    client.post(link_in(message))
    again = client.get(link_in(message), follow=True)
    assert again.redirect_chain[-1][0] == "/fr/account/login/"
    assert "Votre adresse électronique est déjà confirmée." in text(again)
    assert AuditEntry.objects.filter(event_type=AuditEvent.USER_CONFIRMED).count() == 1


def test_a_link_never_reactivates_an_account_an_administrator_deactivated(client, registered):
    user, message = registered
    client.post(link_in(message))
    User.objects.filter(pk=user.pk).update(is_active=False)
    client.post(link_in(message))
    user.refresh_from_db()
    assert not user.is_active


def test_a_new_link_is_sent_to_an_unconfirmed_account_and_works(
    client, registered, django_capture_on_commit_callbacks
):
    user, _first = registered
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/account/confirm/new/", {"email": "AMINA.diallo@example.org"}, follow=True
        )
    assert RESENT in text(response)
    assert len(mail.outbox) == 2
    client.post(link_in(mail.outbox[1]))
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.parametrize("who", ["nobody", "confirmed"])
def test_asking_for_a_link_says_the_same_for_any_address(
    client, make_user, django_capture_on_commit_callbacks, who
):
    email = "nobody@example.org"
    if who == "confirmed":
        make_user(email=email)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/account/confirm/new/", {"email": email}, follow=True)
    assert RESENT in text(response)
    assert mail.outbox == []


def test_asking_again_at_once_sends_no_second_email(
    client, registered, django_capture_on_commit_callbacks
):
    for _n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/en/account/confirm/new/", {"email": "amina.diallo@example.org"})
    assert len(mail.outbox) == 2  # the registration email and one new link


def test_a_bad_address_for_a_new_link_is_explained(client):
    response = client.post("/en/account/confirm/new/", {"email": "nope"})
    assert response.status_code == 200
    assert "Enter a valid email address." in text(response)
    assert 'value="nope"' in response.content.decode()
