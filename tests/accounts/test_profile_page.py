"""The account page: a person sees their address and roles, edits their display name,
organisation and language; changing the language moves them to the page in it."""

import pytest

from gcmhub.accounts.models import Profile
from gcmhub.audit.models import AuditEntry, AuditEvent
from tests.pages import text

pytestmark = pytest.mark.django_db


def test_the_account_page_needs_a_sign_in(client):
    response = client.get("/fr/account/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/login/?next=/fr/account/"


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("contributor", ["Contributor"]),
        ("reviewer", ["Contributor", "Reviewer"]),
        ("curator", ["Contributor", "Curator"]),
        ("administrator", ["Contributor", "Curator", "Administrator"]),
    ],
)
def test_the_account_page_shows_the_roles_held(client, make_user, role, shown):
    user = make_user(role)
    client.force_login(user)
    page = client.get("/en/account/")
    assert page.status_code == 200
    roles = page.content.decode().split("<dt>Roles</dt>")[1].split("</dd>")[0]
    assert [r for r in ("Contributor", "Reviewer", "Curator", "Administrator") if r in roles] == (
        shown
    )


def test_an_account_made_outside_registration_gets_a_profile_when_first_seen(client, make_user):
    user = make_user(username="ana")
    assert not Profile.objects.filter(user=user).exists()
    client.force_login(user)
    page = client.get("/en/account/")
    assert page.status_code == 200
    profile = Profile.objects.get(user=user)
    assert profile.display_name == "ana" and profile.language == "en"
    assert profile.confirmed_at is not None


def test_editing_the_profile_is_saved_and_audited(client, confirmed):
    client.force_login(confirmed)
    response = client.post(
        "/fr/account/",
        {"display_name": "Amina D.", "organisation": "OIM", "language": "fr"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/fr/account/"
    assert "Votre compte est enregistré." in text(response)
    confirmed.profile.refresh_from_db()
    assert (confirmed.profile.display_name, confirmed.profile.organisation) == ("Amina D.", "OIM")
    entry = AuditEntry.objects.get(event_type=AuditEvent.USER_PROFILE_UPDATED)
    assert entry.actor == confirmed
    assert entry.snapshot["before"]["organisation"] == "Ministère du Travail"
    assert entry.snapshot["after"]["organisation"] == "OIM"


def test_changing_the_language_moves_to_the_page_in_that_language(client, confirmed):
    client.force_login(confirmed)
    response = client.post(
        "/fr/account/",
        {"display_name": "Amina Diallo", "organisation": "", "language": "es"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/account/"
    assert response.cookies["django_language"].value == "es"
    page = client.get("/es/account/")
    assert "Su cuenta está guardada." in text(page)
    confirmed.profile.refresh_from_db()
    assert confirmed.profile.language == "es"


def test_a_bad_profile_keeps_what_was_typed(client, confirmed):
    client.force_login(confirmed)
    response = client.post(
        "/en/account/", {"display_name": "", "organisation": "UNHCR Geneva", "language": "xx"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="UNHCR Geneva"' in body
    assert 'id="id_display_name_error"' in body and 'id="id_language_error"' in body
    confirmed.profile.refresh_from_db()
    assert confirmed.profile.organisation == "Ministère du Travail"
    assert not AuditEntry.objects.filter(event_type=AuditEvent.USER_PROFILE_UPDATED).exists()


def test_saving_without_a_change_writes_no_audit_entry(client, confirmed):
    client.force_login(confirmed)
    client.post(
        "/en/account/",
        {"display_name": "Amina Diallo", "organisation": "Ministère du Travail", "language": "fr"},
    )
    assert not AuditEntry.objects.filter(event_type=AuditEvent.USER_PROFILE_UPDATED).exists()
