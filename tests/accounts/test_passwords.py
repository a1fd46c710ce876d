"""Resetting a forgotten password by email, in the person's language, and changing it
when signed in; both are audited and lift a lockout."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from gcmhub.audit.models import AuditEntry, AuditEvent
from tests.accounts.conftest import PASSWORD, link_in
from tests.pages import text

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "Quiet-meadow-93-compass"


def test_a_forgotten_password_is_reset_end_to_end(client, confirmed):
    # Given a person who registered in French, on the English reset page
    page = client.get("/en/account/password/reset/")
    assert page.status_code == 200
    # When they give their address in another case
    response = client.post("/en/account/password/reset/", {"email": "Amina.Diallo@example.org"})
    assert response["Location"] == "/en/account/password/reset/sent/"
    # Then an email in French carries a link to the French page
    message = mail.outbox[-1]
    assert message.to == ["amina.diallo@example.org"]
    assert message.subject == "Réinitialisez votre mot de passe GCM Hub"
    link = link_in(message)
    assert link.startswith("/fr/account/password/reset/")
    # When they open it and choose a new password
    form_page = client.get(link, follow=True)
    assert "Choisissez un nouveau mot de passe" in text(form_page)
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/fr/account/password/reset/done/"
    # Then the new password works, the old one does not, and the link is spent
    confirmed.refresh_from_db()
    assert confirmed.check_password(NEW_PASSWORD)
    assert not confirmed.check_password(PASSWORD)
    assert AuditEntry.objects.filter(
        event_type=AuditEvent.USER_PASSWORD_CHANGED, object_id=str(confirmed.pk)
    ).exists()
    assert "Ce lien n’est pas valide" in text(client.get(link, follow=True))


def test_an_unknown_address_gets_the_same_answer_and_no_email(client):
    response = client.post("/en/account/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/en/account/password/reset/sent/"
    assert mail.outbox == []


def test_a_weak_new_password_is_refused_with_reasons(client, confirmed):
    client.post("/en/account/password/reset/", {"email": "amina.diallo@example.org"})
    form_page = client.get(link_in(mail.outbox[-1]), follow=True)
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    assert 'id="id_new_password2_error"' in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.check_password(PASSWORD)


def test_a_reset_lifts_a_lockout(client, confirmed, django_capture_on_commit_callbacks):
    for n in range(5):
        client.post("/en/account/login/", {"username": confirmed.email, "password": f"x{n}"})
    client.post("/en/account/password/reset/", {"email": confirmed.email})
    form_page = client.get(link_in(mail.outbox[-1]), follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
    response = client.post(
        "/en/account/login/", {"username": confirmed.email, "password": NEW_PASSWORD}
    )
    assert response.status_code == 302


def test_a_signed_in_person_changes_their_password(client, confirmed):
    client.force_login(confirmed)
    wrong = client.post(
        "/en/account/password/",
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200
    assert 'id="id_old_password_error"' in wrong.content.decode()
    response = client.post(
        "/en/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/en/account/"
    assert "_auth_user_id" in client.session, "the session survives the change"
    confirmed.refresh_from_db()
    assert confirmed.check_password(NEW_PASSWORD)
    entry = AuditEntry.objects.get(event_type=AuditEvent.USER_PASSWORD_CHANGED)
    assert entry.actor == confirmed
    assert entry.snapshot == {"how": "change"}


def test_no_password_or_hash_reaches_the_audit_log(production_password_hashing, client, confirmed):
    client.force_login(confirmed)
    client.post(
        "/en/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    for snapshot in AuditEntry.objects.values_list("snapshot", flat=True):
        dumped = str(snapshot)
        assert PASSWORD not in dumped and NEW_PASSWORD not in dumped
        assert not re.search(r"argon2|pbkdf2", dumped)
