"""A visitor registers, receives the confirmation email in the language they chose,
confirms, signs in and finds their account page; what they typed survives any error."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.core import mail

from gcmhub.accounts.models import Profile
from gcmhub.audit.models import AuditEntry, AuditEvent
from gcmhub.notifications.models import Notification
from tests.accounts.conftest import PASSWORD, link_in, registration_data
from tests.pages import text

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_register_confirm_sign_in_and_see_the_account(client, register):
    # Given a visitor on the English registration page
    assert client.get("/en/account/register/").status_code == 200
    # When they register, choosing French
    response = register(email="Amina.Diallo@Example.org")
    # Then they are told to check their email, and the account waits, inactive
    assert response.status_code == 302
    assert response["Location"] == "/en/account/register/sent/"
    assert "Check your email" in text(client.get(response["Location"]))
    user = User.objects.get(email="amina.diallo@example.org")
    assert not user.is_active
    assert user.profile.display_name == "Amina Diallo"
    assert user.profile.organisation == "Ministère du Travail"
    assert user.profile.language == "fr"
    assert user.profile.confirmed_at is None
    # And one email left, in French, with the confirmation link
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina.diallo@example.org"]
    assert message.subject == "Confirmez votre adresse électronique pour GCM Hub"
    assert "Bonjour Amina Diallo" in message.body
    link = link_in(message)
    assert link.startswith("/fr/account/confirm/")
    # When they sign in before confirming, they are not let in
    refused = client.post(
        "/en/account/login/", {"username": "amina.diallo@example.org", "password": PASSWORD}
    )
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
    # When they open the link, a button confirms; pressing it confirms the address
    page = client.get(link)
    assert "Confirmer mon adresse électronique" in text(page)
    user.refresh_from_db()
    assert not user.is_active, "opening the link alone changes nothing"
    confirmed = client.post(link)
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/fr/account/login/"
    user.refresh_from_db()
    assert user.is_active and user.profile.confirmed_at is not None
    # When they sign in with their address in any case
    signed_in = client.post(
        "/en/account/login/", {"username": "AMINA.DIALLO@example.org", "password": PASSWORD}
    )
    # Then they land on their dashboard, in the language of their profile
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/fr/dashboard/"
    assert client.get(signed_in["Location"]).status_code == 200
    account = client.get("/fr/account/")
    assert account.status_code == 200
    assert client.cookies["django_language"].value == "fr"
    page_text = text(account)
    assert "amina.diallo@example.org" in page_text
    assert "Contributeur" in page_text
    # And every step is in the audit log
    events = set(
        AuditEntry.objects.filter(object_id=str(user.pk)).values_list("event_type", flat=True)
    )
    assert {AuditEvent.USER_REGISTERED, AuditEvent.USER_CONFIRMED} <= events


def test_the_password_is_hashed_with_argon2(production_password_hashing, registered):
    user, _message = registered
    assert identify_hasher(user.password).algorithm == "argon2"
    assert PASSWORD not in user.password


def test_the_email_follows_the_language_chosen_not_the_page(register):
    register(page_language="fr", language="ru")
    assert mail.outbox[-1].subject == "Подтвердите свой адрес электронной почты для GCM Hub"
    assert link_in(mail.outbox[-1]).startswith("/ru/account/confirm/")


def test_the_language_offered_first_is_the_page_language(client):
    page = client.get("/ar/account/register/").content.decode()
    assert '<option value="ar" selected>' in page


@pytest.mark.parametrize(
    "taken", ["amina.diallo@example.org", "AMINA.Diallo@EXAMPLE.ORG", " amina.diallo@example.org "]
)
def test_an_address_registers_once_whatever_its_case(client, registered, register, taken):
    before = User.objects.count()
    response = register(email=taken, display_name="Someone Else")
    assert response.status_code == 200
    assert "An account already uses this email address" in text(response)
    assert User.objects.count() == before
    assert len(mail.outbox) == 1


def test_an_address_of_an_account_made_by_an_administrator_is_taken_too(make_user, register):
    make_user("curator", email="Curator@Example.org")
    response = register(email="curator@example.org")
    assert "An account already uses this email address" in text(response)


BAD_INPUTS = {
    "passwords differ": ({"password2": PASSWORD + "x"}, "password2", "The two passwords differ."),
    "password too common": (
        {"password1": "password123", "password2": "password123"},
        "password1",
        "This password is too common.",
    ),
    "password too short": ({"password1": "Ab1!", "password2": "Ab1!"}, "password1", "too short"),
    "password like the name": (
        {"password1": "amina.diallo1", "password2": "amina.diallo1"},
        "password1",
        "too similar",
    ),
    "not an address": ({"email": "amina@"}, "email", "Enter a valid email address."),
    "no display name": ({"display_name": "  "}, "display_name", "This field is required."),
    "unknown language": ({"language": "xx"}, "language", "Select a valid choice."),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_says_what_is_wrong_and_keeps_everything_typed_but_passwords(register, case):
    changes, field, message = BAD_INPUTS[case]
    # When the form comes back with an error
    response = register(**changes)
    assert response.status_code == 200
    # Then the error is shown beside its field, tied to it for screen readers
    body = response.content.decode()
    assert f'id="id_{field}_error"' in body
    assert message in text(response)
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in body
    assert 'aria-invalid="true"' in body
    # And every other field holds what was typed, passwords never sent back
    data = registration_data(**changes)
    form = response.context["form"]
    for name in ("email", "display_name", "organisation"):
        if name != field:
            assert f'value="{form[name].value()}"' in body
            assert form[name].value().strip() == data[name].strip()
    if field != "language":
        assert '<option value="fr" selected>' in body
    assert PASSWORD not in body
    assert "password123" not in body
    # And nothing was created, nothing sent
    assert not User.objects.filter(email__iexact=data["email"].strip()).exists()
    assert not Notification.objects.exists()
    assert not mail.outbox


def test_a_long_or_unusual_address_registers_with_a_derived_username(register):
    address = "o'brien+hub@" + ".".join(["a" * 60, "b" * 60, "c" * 20]) + ".example.org"
    assert register(email=address).status_code == 302
    user = User.objects.get(email=address)
    assert user.username.startswith("user-")
    assert Profile.objects.filter(user=user).exists()


def test_a_signed_in_person_is_sent_from_registration_to_their_account(client, make_user):
    client.force_login(make_user())
    assert client.get("/en/account/register/")["Location"] == "/en/account/"
